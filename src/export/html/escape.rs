//! Escaping for the two places untrusted text goes in a page: HTML text
//! and attribute values, and JSON inside a `<script>` block.

use std::fmt::Write as _;

/// `s` as HTML text or a double- or single-quoted attribute value: `&`,
/// `<`, `>`, `"` and `'` become character references, and control
/// characters other than tab, line feed and carriage return (which HTML
/// does not allow) become U+FFFD.
///
/// ```
/// use govkg::export::html::escape::html;
/// assert_eq!(html("<b>\"于勇\" & '七宝镇'</b>"),
///            "&lt;b&gt;&quot;于勇&quot; &amp; &#39;七宝镇&#39;&lt;/b&gt;");
/// ```
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_html(&mut out, s.chars());
    out
}

/// Appends the characters `chars` to `out`, escaped as [`html`] does.
pub fn push_html(out: &mut String, chars: impl IntoIterator<Item = char>) {
    for c in chars {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// JSON text made safe inside `<script type="application/json">`: `<`,
/// `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so neither
/// `</script>` nor `<!--` can end or change the block, and U+2028 and
/// U+2029 become `\u2028` and `\u2029`. Those characters only occur inside
/// JSON strings, where the escapes mean the same, so `JSON.parse` gives the
/// same value back.
///
/// ```
/// use govkg::export::html::escape::script_json;
/// assert_eq!(script_json(r#"{"t":"</script><b>&"}"#),
///            r#"{"t":"\u003c/script\u003e\u003cb\u003e\u0026"}"#);
/// ```
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(html("a&amp;b"), "a&amp;amp;b");
    }

    #[test]
    fn html_keeps_cjk_and_line_breaks_and_drops_controls() {
        assert_eq!(html("七宝\n\n镇\t"), "七宝\n\n镇\t");
        assert_eq!(html("a\u{1}b\u{7f}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(html("\u{2028}"), "\u{2028}");
    }

    #[test]
    fn script_json_cannot_close_the_block_and_parses_back() {
        let v = serde_json::json!({
            "name": "</script><script>alert(1)</script><!--",
            "x": "a&b>c\u{2028}d\u{2029}",
        });
        let raw = serde_json::to_string(&v).unwrap();
        let safe = script_json(&raw);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!safe.contains(bad), "{bad:?} in {safe}");
        }
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}
