//! Reading a JSON line's `id` and `text` without holding its text twice.
//!
//! Parsed as a `serde_json::Value`, a line and the copy of its text are
//! held at once: 33 MB for a 16 MiB document, and serde_json's scratch
//! copy beside them when the text has escapes. Here the text is unescaped
//! in the line's own buffer, which then becomes it. Only an object whose
//! every field parses as a `Value` would, with one `id` and one `text`
//! string, is read this way, so a line is accepted or refused (and its
//! message worded) exactly as the `Value` reading does; any other line is
//! left to it.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// The `id` and `text` of an object line. Any other field is parsed as a
/// `Value` (checked as that reading checks it) and dropped; a second `id`
/// or `text` is refused (the `Value` reading keeps the last).
struct Input<'a> {
    id: Option<Value>,
    text: Option<&'a RawValue>,
}

impl<'de> Deserialize<'de> for Input<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Input<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Input<'de>, M::Error> {
                let mut input = Input {
                    id: None,
                    text: None,
                };
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "id" if input.id.is_none() => input.id = Some(map.next_value()?),
                        "text" if input.text.is_none() => input.text = Some(map.next_value()?),
                        "id" | "text" => return Err(de::Error::duplicate_field("id or text")),
                        _ => {
                            map.next_value::<Value>()?;
                        }
                    }
                }
                Ok(input)
            }
        }
        d.deserialize_map(V)
    }
}

/// The id and text of the JSON line `line`, when it is an object with an
/// `id` string or number and a `text` string, read as described above
/// (else `None`, and `line` is as it was). `line` becomes the text: it is
/// unescaped where it lies, a piece at a time.
pub fn text_in_place(line: &mut String) -> Option<(String, String)> {
    let input: Input<'_> = serde_json::from_str(line).ok()?;
    let id = match input.id? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let raw = input.text?.get();
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let pieces = pieces(inner.as_bytes());
    // Every piece a string as the Value reading reads it, or the line is
    // left to it (a lone surrogate, a control character).
    let mut quoted = String::new();
    for p in &pieces {
        string(&inner[p.clone()], &mut quoted)?;
    }
    let start = inner.as_ptr() as usize - line.as_ptr() as usize;
    let mut bytes = std::mem::take(line).into_bytes();
    let mut end = start;
    for p in pieces {
        let (from, to) = (start + p.start, start + p.end);
        let unescaped = bytes[from..to]
            .contains(&b'\\')
            .then(|| std::str::from_utf8(&bytes[from..to]).ok())
            .flatten()
            .and_then(|s| string(s, &mut quoted));
        match unescaped {
            // An escape is longer than what it stands for: this never
            // reaches bytes not read yet.
            Some(s) => {
                bytes[end..end + s.len()].copy_from_slice(s.as_bytes());
                end += s.len();
            }
            // No escape (or, never, a piece read above that fails now).
            None => {
                bytes.copy_within(from..to, end);
                end += to - from;
            }
        }
    }
    bytes.truncate(end);
    bytes.drain(..start);
    // Pieces of str, so valid UTF-8: never lossy.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Some((id, text))
}

/// Length of each piece a JSON string's inside is read in.
const PIECE: usize = 64 * 1024;

/// The JSON string inside `inner` (between its quotes, escapes as
/// written), cut into pieces of about [`PIECE`] bytes at char boundaries,
/// never inside an escape or between the two escapes of a surrogate pair.
fn pieces(inner: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < inner.len() {
        // A UTF-8 continuation byte is 0b10xx_xxxx.
        if i - start >= PIECE && (inner[i] & 0xC0) != 0x80 {
            out.push(start..i);
            start = i;
        }
        i += match inner[i..] {
            [b'\\', b'u', a, b, c, d, b'\\', b'u', ..] if is_high_surrogate([a, b, c, d]) => 12,
            [b'\\', b'u', ..] => 6,
            [b'\\', ..] => 2,
            _ => 1,
        };
    }
    out.push(start..inner.len().min(i).max(start));
    out
}

/// True for the hex digits of a leading surrogate (`D800`-`DBFF`).
fn is_high_surrogate(hex: [u8; 4]) -> bool {
    let [d, b, ..] = hex.map(|c| c.to_ascii_uppercase());
    d == b'D' && matches!(b, b'8' | b'9' | b'A' | b'B')
}

/// The JSON string whose inside is `inner`, read as serde_json reads one
/// (`quoted` is scratch space), or `None` when it refuses it.
fn string(inner: &str, quoted: &mut String) -> Option<String> {
    quoted.clear();
    quoted.push('"');
    quoted.push_str(inner);
    quoted.push('"');
    serde_json::from_str(quoted).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(String, String)> {
        let mut line = line.to_string();
        let before = line.clone();
        let got = text_in_place(&mut line);
        if got.is_none() {
            assert_eq!(
                line, before,
                "a line left to the Value reading is unchanged"
            );
        }
        got
    }

    #[test]
    fn a_plain_text_becomes_the_line() {
        let mut line = r#"{"id":"a","text":"张明来到青山镇"}"#.to_string();
        let buffer = line.as_ptr();
        let (id, text) = text_in_place(&mut line).unwrap();
        assert_eq!((id.as_str(), text.as_str()), ("a", "张明来到青山镇"));
        assert_eq!(text.as_ptr(), buffer, "no copy");
    }

    /// A long text full of escapes (pairs of surrogates among them, over
    /// the pieces' edges) reads as the Value reading reads it.
    #[test]
    fn escapes_are_read_in_place_across_pieces() {
        let parts = [
            "张明",
            r"\n",
            r#"\""#,
            r"\\",
            r"\u00e9",
            r"\ud83d\ude00",
            r"\uD83D\uDE00",
            "é",
            r"\t",
            r"\/",
            "来到",
            "a",
            r"\u4e2d",
        ];
        let mut inner = String::new();
        let mut i = 0usize;
        while inner.len() < 3 * PIECE + 100 {
            i = (i * 7 + 3) % 1009;
            inner.push_str(parts[i % parts.len()]);
        }
        let line = format!(r#"{{"id":"a","text":"{inner}"}}"#);
        let want: Value = serde_json::from_str(&line).unwrap();
        let mut got = line.clone();
        let buffer = got.as_ptr();
        let (_, text) = text_in_place(&mut got).unwrap();
        assert!(text == want["text"].as_str().unwrap());
        assert_eq!(text.as_ptr(), buffer, "no copy");
        assert!(pieces(inner.as_bytes()).len() > 3);
    }

    #[test]
    fn reads_what_the_value_reading_accepts() {
        let pair = |i: &str, t: &str| Some((i.to_string(), t.to_string()));
        assert_eq!(read(r#"{"text":"x\ny","id":7}"#), pair("7", "x\ny"));
        assert_eq!(
            read(r#"{"id":"a","te\u0078t":"x","url":[1,{"k":null}]}"#),
            pair("a", "x")
        );
        assert_eq!(read(r#" {"id":"a","text":""} "#), pair("a", ""));
    }

    #[test]
    fn leaves_every_other_line_to_the_value_reading() {
        for line in [
            r#"{"id":"a"}"#,
            r#"{"text":"x"}"#,
            r#"{"id":null,"text":"x"}"#,
            r#"{"id":[1],"text":"x"}"#,
            r#"{"id":"a","text":5}"#,
            r#"{"id":"a","text":null}"#,
            r#"{"id":"a","text":"x","text":"y"}"#,
            r#"{"id":"a","id":"b","text":"x"}"#,
            // What the Value reading refuses: a lone surrogate, a control
            // character.
            r#"{"id":"a","text":"x","t":"\ud800"}"#,
            r#"{"id":"a","text":"\ud800"}"#,
            r#"{"id":"a","text":"\udc00x"}"#,
            "{\"id\":\"a\",\"text\":\"x\u{1}y\"}",
            r#"{"id":"a","text":"x"} 1"#,
            r#"["id","text"]"#,
            "",
            "garbage",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }
}
