//! The dictionary line format and its errors.

use super::{Entry, LexClass, SuffixTraits, Text};
use crate::error::{Error, Result};
use std::borrow::Cow;
use std::io::BufRead;

/// Reads every line of a dictionary; the first bad line is an error naming
/// `name:LINE`.
pub(crate) fn read<R: BufRead>(name: &str, reader: R) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|e| Error::Dictionary {
            source_name: name.to_string(),
            line: line_no,
            message: format!("cannot read the line: {e}"),
        })?;
        let fields = parse_fields(&line).map_err(|message| Error::Dictionary {
            source_name: name.to_string(),
            line: line_no,
            message,
        })?;
        if let Some(f) = fields {
            f.entries(|s| Cow::Owned(s.to_string()), |e| out.push(e));
        }
    }
    Ok(out)
}

/// Reads a dictionary held in the binary: the entries borrow their text
/// from it, so the thousands of gazetteer lines cost no allocation.
pub(crate) fn read_static(name: &str, text: &'static str) -> Result<Vec<Entry>> {
    let mut out = Vec::with_capacity(text.len() / 24);
    for (i, line) in split_on(text, b'\n').enumerate() {
        let fields = parse_fields(line).map_err(|message| Error::Dictionary {
            source_name: name.to_string(),
            line: i + 1,
            message,
        })?;
        if let Some(f) = fields {
            f.entries(Cow::Borrowed, |e| out.push(e));
        }
    }
    Ok(out)
}

/// Parses one line: nothing for blanks and comments, one entry, or two when
/// the line names a short form.
pub(crate) fn parse_line(line: &str) -> std::result::Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    if let Some(f) = parse_fields(line)? {
        f.entries(|s| Cow::Owned(s.to_string()), |e| out.push(e));
    }
    Ok(out)
}

/// The fields of one entry line, borrowed from it.
struct Fields<'a> {
    text: &'a str,
    class: LexClass,
    parent: Option<&'a str>,
    full: Option<&'a str>,
    short: Option<&'a str>,
    ambiguous: bool,
    traits: SuffixTraits,
}

impl<'a> Fields<'a> {
    /// The entry, and its short form's entry when the line names one;
    /// `own` turns borrowed text into the entries' text.
    fn entries(self, own: impl Fn(&'a str) -> Text, mut push: impl FnMut(Entry)) {
        let parent = self.parent.map(&own);
        let text = own(self.text);
        let short = self.short.map(|s| Entry {
            text: own(s),
            class: LexClass::PlaceShort,
            parent: parent.clone(),
            full: Some(text.clone()),
            ambiguous: false,
            traits: SuffixTraits::default(),
        });
        push(Entry {
            text,
            class: self.class,
            parent,
            full: self.full.map(&own),
            ambiguous: self.ambiguous,
            traits: self.traits,
        });
        if let Some(short) = short {
            push(short);
        }
    }
}

/// Splits and checks one line; `None` for blanks and comments.
fn parse_fields(line: &str) -> std::result::Result<Option<Fields<'_>>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let head = line.trim_start();
    if head.is_empty() || head.starts_with('#') {
        return Ok(None);
    }
    let mut cols = split_on(line, b'\t');
    let text = trim(cols.next().unwrap_or(""));
    let kind = trim(
        cols.next()
            .ok_or_else(|| format!("expected `TEXT<TAB>KIND`, found no tab in `{line}`"))?,
    );
    let attrs = trim(cols.next().unwrap_or(""));
    if cols.next().is_some() {
        return Err(format!(
            "too many tab-separated columns in `{line}` (at most 3)"
        ));
    }
    if text.is_empty() {
        return Err("empty entry text".to_string());
    }
    if has_control(text) {
        return Err(format!(
            "entry `{}` holds a control character",
            text.escape_debug()
        ));
    }
    let class = LexClass::parse(kind).ok_or_else(|| {
        format!(
            "unknown kind `{kind}` (expected one of: {})",
            LexClass::NAMES.join(", ")
        )
    })?;
    let mut f = Fields {
        text,
        class,
        parent: None,
        full: None,
        short: None,
        ambiguous: false,
        traits: SuffixTraits::default(),
    };
    for attr in split_on(attrs, b';').map(trim).filter(|a| !a.is_empty()) {
        let (k, v) = memchr::memchr(b'=', attr.as_bytes())
            .map(|i| (&attr[..i], &attr[i + 1..]))
            .ok_or_else(|| format!("attribute `{attr}` is not KEY=VALUE"))?;
        let v = trim(v);
        if v.is_empty() {
            return Err(format!("attribute `{k}` has an empty value"));
        }
        match trim(k) {
            "parent" => f.parent = Some(v),
            "short" => f.short = Some(v),
            "full" => f.full = Some(v),
            "ambiguous" => f.ambiguous = v == "1" || v == "true",
            "needs" if v == "proper" => f.traits.needs_proper = true,
            "needs" if v == "body" => f.traits.needs_body = true,
            "holds" if v == "verbs" => f.traits.holds_verbs = true,
            "governing" => f.traits.governing = v == "1" || v == "true",
            "company" => f.traits.company = v == "1" || v == "true",
            "named" => f.traits.named = v == "1" || v == "true",
            "party" => f.traits.party = v == "1" || v == "true",
            "civil" => f.traits.civil = v == "1" || v == "true",
            "village" => f.traits.village = v == "1" || v == "true",
            "hamlet" => f.traits.hamlet = v == "1" || v == "true",
            "needs" | "holds" => {
                return Err(format!(
                    "attribute `{k}={v}`: expected needs=proper, needs=body or holds=verbs"
                ));
            }
            // Informational attributes of the generated gazetteers.
            "continent" => {}
            other => {
                return Err(format!(
                    "unknown attribute `{other}` (expected parent, short, full, ambiguous, needs, holds, governing, company, named, party, civil, village, hamlet or continent)"
                ));
            }
        }
    }
    if f.short == Some(text) {
        return Err(format!("short form `{text}` equals the entry itself"));
    }
    Ok(Some(f))
}

/// The pieces of `s` between occurrences of the ASCII byte `sep`, as
/// `s.split(sep as char)` gives them. (Split on `\n`, a line keeps its
/// `\r` and a final `\n` leaves an empty last piece: `parse_fields` trims
/// the one and skips the other as a blank line.)
///
/// A dictionary is some 45,000 short lines of three fields, and
/// `str::split` with a char pattern sets up a searcher that decodes the
/// char and checks its UTF-8 bytes at every stop: over the embedded
/// dictionaries that was two fifths of building the lexicon. `memchr`
/// finds the byte, and an ASCII byte never sits inside another char.
fn split_on(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        let Some(i) = memchr::memchr(sep, r.as_bytes()) else {
            rest = None;
            return Some(r);
        };
        rest = Some(&r[i + 1..]);
        Some(&r[..i])
    })
}

/// True when `s` holds a control character (`char::is_control`: U+0000–
/// U+001F and U+007F–U+009F). Only a byte below 0x20, 0x7F or the lead
/// byte 0xC2 can start one, so text without them is not decoded.
fn has_control(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2) && s.chars().any(char::is_control)
}

/// `s.trim()`, answered from the two end bytes when neither end can be
/// white space: an ASCII byte other than a space or `\t`…`\r`, or an
/// ideograph of U+4000–U+9FFF. Dictionary fields nearly always end so, and
/// `str::trim` decodes both end chars and looks CJK ones up in the
/// Unicode white-space table (a tenth of building the lexicon went there).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let plain_ascii = |x: u8| x < 0x80 && !matches!(x, b' ' | 0x09..=0x0D);
    let first_plain = b
        .first()
        .is_some_and(|&x| plain_ascii(x) || crate::text::starts_an_ideograph_row(x));
    // The last char's lead byte: the last byte that is no continuation byte.
    let last_lead = b.iter().rev().take(4).find(|&&x| x & 0xC0 != 0x80);
    let last_plain = match (b.last(), last_lead) {
        (Some(&x), _) if x < 0x80 => plain_ascii(x),
        (Some(_), Some(&lead)) => crate::text::starts_an_ideograph_row(lead),
        _ => false,
    };
    if first_plain && last_plain {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn trim_is_str_trim(s in "[七宝 \t\u{3000}\u{a0}\u{2003}\u{0b}a#;=é\u{85}]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }

    proptest::proptest! {
        #[test]
        fn split_on_is_str_split(s in "[七宝\t;=a\r\n\u{85}]{0,10}") {
            for sep in [b'\t', b';', b'=', b'\n'] {
                let ours: Vec<&str> = split_on(&s, sep).collect();
                let std: Vec<&str> = s.split(sep as char).collect();
                proptest::prop_assert_eq!(ours, std);
            }
        }

        #[test]
        fn has_control_is_chars_is_control(s in "[七宝a\u{0}\t\u{1f}\u{7f}\u{80}\u{9f}\u{a0}é\u{85}]{0,6}") {
            proptest::prop_assert_eq!(has_control(&s), s.chars().any(char::is_control));
        }
    }

    #[test]
    fn good_lines() {
        assert!(parse_line("# comment").unwrap().is_empty());
        assert!(parse_line("   ").unwrap().is_empty());
        let e = parse_line("七宝镇\tplace.town\tparent=上海市/闵行区;short=七宝").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].parent.as_deref(), Some("上海市/闵行区"));
        assert_eq!(e[1].text, "七宝");
        assert_eq!(e[1].full.as_deref(), Some("七宝镇"));
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(parse_line("七宝镇").unwrap_err().contains("no tab"));
        assert!(
            parse_line("七宝镇\tcity")
                .unwrap_err()
                .contains("unknown kind")
        );
        assert!(parse_line("\torg").unwrap_err().contains("empty"));
        assert!(
            parse_line("a\torg\tcolour=red")
                .unwrap_err()
                .contains("unknown attribute")
        );
        assert!(parse_line("a\torg\tx\ty").unwrap_err().contains("too many"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = read("user.txt", "ok\torg\n\nbad line\n".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "user.txt:3: expected `TEXT<TAB>KIND`, found no tab in `bad line`"
        );
    }
}
