//! The visible text of an HTML page, for tagging pages saved from
//! government sites: scripts, styles, navigation, page headers and footers
//! are dropped; blocks (paragraphs, list items, table rows, `<br>`) become
//! lines.
//!
//! Whitespace is collapsed as a browser does, except that a line break
//! between two Chinese characters disappears instead of becoming a space
//! (CSS Text's rule for segment breaks between wide characters), so a name
//! wrapped across two source lines stays one name.

use encoding_rs::Encoding;
use scraper::{Html, Node};

/// Elements whose content is never shown or is page furniture.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "noscript", "template", "head", "title",
    "iframe", "object", "svg", "canvas", "select",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The charset a page declares in its first 1024 bytes
/// (`<meta charset="gbk">` or `content="text/html; charset=gb2312"`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let enc = Encoding::for_label(&rest[..end])?;
    // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard
    // reads it as UTF-8).
    (enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE).then_some(enc)
}

/// The text a reader sees on the page, one block per line.
///
/// ```ignore
/// let t = visible_text("<p>区委副书记王明<br>来到东湖镇。</p><script>x()</script>");
/// assert_eq!(t, "区委副书记王明\n来到东湖镇。");
/// ```
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut w = Writer::default();
    let mut dropped = 0usize;
    let mut pre = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if dropped > 0 || DROPPED.contains(&name) || el.attr("hidden").is_some() {
                        dropped += 1;
                        continue;
                    }
                    match name {
                        "br" => w.line_break(),
                        "pre" => {
                            pre += 1;
                            w.block();
                        }
                        "td" | "th" => w.space(),
                        n if BLOCKS.contains(&n) => w.block(),
                        _ => {}
                    }
                }
                Node::Text(t) if dropped == 0 => {
                    if pre > 0 {
                        w.verbatim(t);
                    } else {
                        w.collapse(t);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if dropped > 0 {
                        dropped -= 1;
                        continue;
                    }
                    match el.name() {
                        "pre" => {
                            pre = pre.saturating_sub(1);
                            w.block();
                        }
                        "td" | "th" => w.space(),
                        n if BLOCKS.contains(&n) => w.block(),
                        _ => {}
                    }
                }
            }
        }
    }
    w.out.truncate(w.out.trim_end().len());
    w.out
}

/// Builds the text, holding back whitespace until the next visible
/// character decides what it becomes.
#[derive(Default)]
struct Writer {
    out: String,
    /// Whitespace seen since the last character (and whether it held a
    /// line break).
    space: Option<bool>,
    /// A block boundary since the last character.
    newline: bool,
}

impl Writer {
    fn block(&mut self) {
        self.newline = true;
    }

    fn space(&mut self) {
        self.space.get_or_insert(false);
    }

    fn line_break(&mut self) {
        self.out
            .truncate(self.out.trim_end_matches([' ', '\t']).len());
        self.out.push('\n');
        self.space = None;
        self.newline = false;
    }

    fn push(&mut self, c: char) {
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        if self.newline {
            if !at_line_start {
                self.out.push('\n');
            }
        } else if let Some(had_break) = self.space
            && !at_line_start
        {
            let between_wide =
                had_break && self.out.chars().next_back().is_some_and(wide) && wide(c);
            if !between_wide {
                self.out.push(' ');
            }
        }
        self.newline = false;
        self.space = None;
        self.out.push(c);
    }

    fn collapse(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
                let brk = matches!(c, '\n' | '\r');
                self.space = Some(self.space.unwrap_or(false) || brk);
            } else {
                self.push(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }

    fn verbatim(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.line_break();
            } else {
                self.push(c);
            }
        }
    }
}

/// A character that sets text in Chinese (no spaces between words).
fn wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_blocks_drops_furniture() {
        let page = r#"<!doctype html><html><head><title>东湖镇政府</title>
<style>p { color: red }</style><script>var x = "<p>脚本</p>";</script></head>
<body><header>网站首页</header><nav><a href="/">导航</a></nav>
<div class="article"><h1>王明到东湖镇调研</h1>
<p>11月20日,区委副书记王明
来到东湖镇开展督查。</p><p>He met   the   <b>mayor</b>.<br>新的一行</p>
<ul><li>一</li><li>二</li></ul><div hidden>隐藏</div>
<table><tr><td>甲</td><td>乙</td></tr></table><pre>  a
  b</pre></div>
<noscript>请启用脚本</noscript><footer>版权所有</footer></body></html>"#;
        assert_eq!(
            visible_text(page),
            "王明到东湖镇调研\n11月20日,区委副书记王明来到东湖镇开展督查。\nHe met the mayor.\n新的一行\n一\n二\n甲 乙\n  a\n  b"
        );
    }

    #[test]
    fn charset_from_meta() {
        assert_eq!(
            declared_charset(br#"<meta charset="gbk">"#),
            Some(encoding_rs::GBK)
        );
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=GB2312'>"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
        assert_eq!(declared_charset(br#"<meta charset="utf-16">"#), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(3_000) + "深处" + &"</div>".repeat(3_000);
        assert_eq!(visible_text(&page), "深处");
    }
}
