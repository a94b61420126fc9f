//! Text encodings of input files: UTF-8 (with or without a byte order
//! mark), UTF-16 with a byte order mark, and GB18030/GBK, detected or
//! chosen with `--encoding`.
//!
//! Detection, in order: a byte order mark; else the charset an HTML page
//! declares, if the bytes decode in it; else UTF-8 if the bytes are valid
//! UTF-8; else GB18030 if they decode without error and read as Chinese
//! (at least 80% of the non-ASCII characters are CJK ideographs or CJK
//! punctuation); else an error. UTF-16 without a byte order mark is not
//! guessed: give `--encoding utf-16le` or `utf-16be`.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// The encodings `--encoding` accepts.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingArg {
    /// UTF-8 (a byte order mark is dropped).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// UTF-16, little-endian.
    #[value(name = "utf-16le")]
    Utf16le,
    /// UTF-16, big-endian.
    #[value(name = "utf-16be")]
    Utf16be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// GBK (read as GB18030, its superset).
    Gbk,
}

impl EncodingArg {
    fn encoding(self) -> &'static Encoding {
        match self {
            EncodingArg::Utf8 => UTF_8,
            EncodingArg::Utf16le => UTF_16LE,
            EncodingArg::Utf16be => UTF_16BE,
            EncodingArg::Gb18030 => GB18030,
            EncodingArg::Gbk => GBK,
        }
    }
}

/// Text and how its encoding was decided (for `-v`).
#[derive(Debug)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding and why, e.g. `GB18030 (detected: not UTF-8, ...)`.
    pub how: String,
}

/// Decodes `bytes`: as `forced` when given, else by detection, trying
/// `declared` (an HTML page's charset) after a byte order mark.
pub fn decode(
    bytes: Vec<u8>,
    forced: Option<EncodingArg>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, String> {
    if let Some(arg) = forced {
        let enc = arg.encoding();
        let body = match Encoding::for_bom(&bytes) {
            Some((bom, len)) if bom == enc || (enc == GBK && bom == GB18030) => &bytes[len..],
            _ => &bytes[..],
        };
        return strict(enc, body)
            .map(|text| Decoded {
                text,
                how: format!("{} (--encoding)", enc.name()),
            })
            .ok_or_else(|| format!("not valid {} (--encoding)", enc.name()));
    }
    if let Some((enc, len)) = Encoding::for_bom(&bytes) {
        return strict(enc, &bytes[len..])
            .map(|text| Decoded {
                text,
                how: format!("{} (byte order mark)", enc.name()),
            })
            .ok_or_else(|| {
                format!(
                    "not valid {} although it starts with its byte order mark",
                    enc.name()
                )
            });
    }
    if let Some(enc) = declared
        && let Some(text) = strict(enc, &bytes)
    {
        return Ok(Decoded {
            text,
            how: format!("{} (declared by the page)", enc.name()),
        });
    }
    let bad_at = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                how: "UTF-8".into(),
            });
        }
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    let (offset, bytes) = bad_at;
    if let Some(text) = strict(GB18030, &bytes) {
        let share = cjk_share(&text);
        if share >= 0.8 {
            return Ok(Decoded {
                text,
                how: format!(
                    "GB18030 (detected: not UTF-8, and {:.0}% of its non-ASCII characters are CJK)",
                    share * 100.0
                ),
            });
        }
    }
    Err(format!(
        "not UTF-8, UTF-16 or GB18030 (invalid UTF-8 at byte {offset}); give --encoding if you know it"
    ))
}

/// Decodes all of `bytes` as `enc`, or `None` at the first malformed
/// sequence.
fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    if enc == UTF_8 {
        return std::str::from_utf8(bytes).ok().map(str::to_string);
    }
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// The share of the non-ASCII characters of `text` that are Chinese:
/// ideographs, CJK and fullwidth punctuation, and the general punctuation
/// Chinese text uses (quotes, dashes, ellipses). 0 when none is an
/// ideograph.
fn cjk_share(text: &str) -> f64 {
    let (mut non_ascii, mut cjk, mut ideographs) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        let u = c as u32;
        let ideograph =
            matches!(u, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF);
        ideographs += usize::from(ideograph);
        if ideograph
            || matches!(u, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2000..=0x206F | 0x2160..=0x218F | 0x2460..=0x24FF | 0xB7 | 0xD7 | 0xF7)
        {
            cjk += 1;
        }
    }
    if ideographs == 0 {
        0.0
    } else {
        cjk as f64 / non_ascii as f64
    }
}

/// The position of the first NUL character, which marks binary data.
pub fn nul_at(text: &str) -> Option<usize> {
    memchr::memchr(0, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "11月20日,区委副书记王明一行来到东湖镇开展督查。";

    fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
        let (b, _, bad) = enc.encode(s);
        assert!(!bad);
        b.into_owned()
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn detects_each_encoding() {
        let d = decode(SAMPLE.as_bytes().to_vec(), None, None).unwrap();
        assert_eq!((d.text.as_str(), d.how.as_str()), (SAMPLE, "UTF-8"));

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(bom, None, None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert!(d.how.contains("byte order mark"), "{}", d.how);

        for le in [true, false] {
            let d = decode(utf16(SAMPLE, le, true), None, None).unwrap();
            assert_eq!(d.text, SAMPLE);
            assert!(d.how.starts_with(if le { "UTF-16LE" } else { "UTF-16BE" }));
        }

        let d = decode(encode(GB18030, SAMPLE), None, None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert!(d.how.starts_with("GB18030 (detected"), "{}", d.how);
    }

    #[test]
    fn forced_and_declared() {
        let d = decode(utf16(SAMPLE, true, false), Some(EncodingArg::Utf16le), None).unwrap();
        assert_eq!(d.text, SAMPLE);
        let d = decode(encode(GBK, SAMPLE), Some(EncodingArg::Gbk), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.how.as_str()),
            (SAMPLE, "GBK (--encoding)")
        );
        let e = decode(encode(GBK, SAMPLE), Some(EncodingArg::Utf8), None).unwrap_err();
        assert!(e.starts_with("not valid UTF-8"), "{e}");
        let d = decode(encode(GBK, SAMPLE), None, Some(GBK)).unwrap();
        assert!(d.how.contains("declared"), "{}", d.how);
        // A page that declares UTF-8 but is GB18030 is still read.
        let d = decode(encode(GB18030, SAMPLE), None, Some(UTF_8)).unwrap();
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn rejects_what_is_no_chinese_text() {
        // Latin-1 bytes and random high bytes.
        for bytes in [
            b"caf\xe9 cr\xe8me br\xfbl\xe9e\n".to_vec(),
            (0..=255u8).collect::<Vec<u8>>(),
        ] {
            let e = decode(bytes, None, None).unwrap_err();
            assert!(e.starts_with("not UTF-8, UTF-16 or GB18030"), "{e}");
        }
    }

    #[test]
    fn nul_marks_binary() {
        assert_eq!(nul_at("ab\0c"), Some(2));
        assert_eq!(nul_at(SAMPLE), None);
    }
}
