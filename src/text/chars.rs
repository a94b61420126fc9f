//! Character classes the rules share.

use memchr::memmem::Finder;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A CJK unified ideograph (the characters names are written in).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// An ideograph of the basic CJK block (U+4E00–U+9FFF): most characters of
/// any Chinese text. None is white space, a break or a full-width form, and
/// each takes three bytes, so hot loops answer it before anything else.
pub(crate) fn is_basic_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// True when a UTF-8 lead byte starts a character of U+4000–U+9FFF
/// (three bytes): ideographs, none of them white space, a clause break or
/// a full-width form, so a byte loop can step over them undecoded.
pub(crate) fn starts_an_ideograph_row(lead: u8) -> bool {
    (0xE4..=0xE9).contains(&lead)
}

/// The bytes of the UTF-8 char whose first byte is `lead` (of valid
/// UTF-8): a byte loop steps over a char by it without decoding it.
pub(crate) fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The number of chars of `s` when it holds `max` or fewer, else `None`.
/// A string of more than four bytes per char allowed is turned away
/// before its chars are counted (a char takes four bytes at most): the
/// long lines of a text cost nothing.
pub(crate) fn chars_at_most(s: &str, max: usize) -> Option<usize> {
    if s.len() > max.saturating_mul(4) {
        return None;
    }
    let n = s.chars().count();
    (n <= max).then_some(n)
}

/// The chars of `text` outside U+4000–U+9FFF, with their byte offsets:
/// what a loop looking for punctuation, breaks, digits or Latin letters
/// needs, without decoding the ideographs that make up most of a Chinese
/// text.
pub(crate) fn non_ideographs(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let &lead = bytes.get(i)?;
            if starts_an_ideograph_row(lead) {
                i += 3;
                continue;
            }
            let c = text.get(i..)?.chars().next()?;
            let at = i;
            i += c.len_utf8();
            return Some((at, c));
        }
    })
}

/// Punctuation that ends a sentence.
pub const fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | '\u{FF01}' | '\u{FF1F}' | ';' | '\u{FF1B}' | '…'
    )
}

/// Anything that ends a clause: sentence ends, commas, enumeration marks,
/// colons, brackets, quotes and line breaks. Names never cross these.
#[inline]
pub fn is_clause_break(c: char) -> bool {
    // The blocks where a text's chars other than ideographs mostly lie
    // answer with one bit of their table.
    let bit = |bits: u128| bits >> (c as u32 & 127) & 1 != 0;
    match c as u32 >> 7 {
        0 => bit(BREAKS_ASCII),
        0x40 => bit(BREAKS_PUNCTUATION),
        0x60 => bit(BREAKS_CJK_PUNCTUATION),
        0x1FE => bit(BREAKS_FULL_WIDTH),
        // Most characters of a text are ideographs, none of them a break:
        // answered before the white-space table is consulted.
        _ => !is_basic_ideograph(c) && is_listed_break(c),
    }
}

/// The breaks ([`is_listed_break`]) among the 128 chars from `first` (a
/// multiple of 128), one bit each, worked out at compile time.
const fn breaks_from(first: u32) -> u128 {
    let mut bits = 0u128;
    let mut k = 0;
    while k < 128 {
        if let Some(c) = char::from_u32(first + k)
            && is_listed_break(c)
        {
            bits |= 1 << k;
        }
        k += 1;
    }
    bits
}

/// The breaks among the ASCII chars.
const BREAKS_ASCII: u128 = breaks_from(0x0000);
/// The breaks among the general punctuation (U+2000–U+207F: dashes,
/// quotes, spaces).
const BREAKS_PUNCTUATION: u128 = breaks_from(0x2000);
/// The breaks among the CJK punctuation (U+3000–U+307F: `、`, `。`,
/// brackets, the ideographic space).
const BREAKS_CJK_PUNCTUATION: u128 = breaks_from(0x3000);
/// The breaks among the full-width forms (U+FF00–U+FF7F: `,`, `:`, `(`).
const BREAKS_FULL_WIDTH: u128 = breaks_from(0xFF00);

/// The breaks themselves (see [`is_clause_break`]).
const fn is_listed_break(c: char) -> bool {
    is_sentence_end(c)
        || c.is_whitespace()
        || matches!(
            c,
            ',' | '\u{FF0C}'
                | '、'
                | ':'
                | '\u{FF1A}'
                | '('
                | ')'
                | '\u{FF08}'
                | '\u{FF09}'
                | '“'
                | '”'
                | '"'
                | '‘'
                | '’'
                | '\''
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '['
                | ']'
                | '「'
                | '」'
                | '『'
                | '』'
                | '/'
                | '|'
                | '—'
                | '·'
                | '•'
                | '<'
                | '>'
                | '{'
                | '}'
                | '='
        )
}

/// The enumeration comma (`、`) that separates a list's items.
const ENUMERATION_MARK: &str = "、";

/// Its searcher, built once: a search for the whole mark, as a char
/// search stops at every byte that ends it (0x81), common inside
/// ideographs.
static ENUMERATION_MARKS: LazyLock<Finder<'static>> =
    LazyLock::new(|| Finder::new(ENUMERATION_MARK));

/// True when `s` holds an enumeration comma (`、`).
pub(crate) fn is_enumeration(s: &str) -> bool {
    ENUMERATION_MARKS.find(s.as_bytes()).is_some()
}

/// The pieces of `s` between its enumeration commas (`、`), as
/// `s.split('、')` gives them.
pub(crate) fn enumeration_items(s: &str) -> impl Iterator<Item = &str> {
    let mut marks = ENUMERATION_MARKS.find_iter(s.as_bytes());
    // Where the next piece starts; past the end once the last is given.
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > s.len() {
            return None;
        }
        let end = marks.next().unwrap_or(s.len());
        let piece = &s[start..end];
        start = end + ENUMERATION_MARK.len();
        Some(piece)
    })
}

/// `s` without its white space (how the relation rules compare and read
/// mention texts), borrowed when it holds none, as most do: no copy is
/// made of them.
pub(crate) fn without_space(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn non_ideographs_are_the_other_chars(text in "[七宝镇亀丂a1,、。 \n·—ａ]{0,20}") {
            let want: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c))
                .collect();
            proptest::prop_assert_eq!(non_ideographs(&text).collect::<Vec<_>>(), want);
        }
    }

    proptest::proptest! {
        /// The pieces between enumeration commas are `split`'s.
        #[test]
        fn enumeration_items_are_split_s(text in "[七宝、镇a,]{0,12}") {
            let want: Vec<&str> = text.split('、').collect();
            let got: Vec<&str> = enumeration_items(&text).collect();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(is_enumeration(&text), text.contains('、'));
        }
    }

    /// The blocks' tables answer as the list of breaks does, for every
    /// char.
    #[test]
    fn the_break_tables_agree_with_the_list() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_clause_break(c),
                !is_basic_ideograph(c) && is_listed_break(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_ideograph_rows_hold_no_break_and_no_space() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            let row = starts_an_ideograph_row(lead);
            assert_eq!(row, ('\u{4000}'..='\u{9FFF}').contains(&c), "{c:?}");
            if row {
                assert!(!is_clause_break(c) && !c.is_whitespace(), "{c:?}");
            }
        }
    }

    #[test]
    fn classes() {
        assert!(is_cjk('宝'));
        assert!(!is_cjk('a'));
        assert!(is_sentence_end('。'));
        assert!(is_clause_break('、'));
        assert!(is_clause_break('\n'));
        assert!(!is_clause_break('镇'));
    }

    #[test]
    fn no_ideograph_is_a_break() {
        // What lets `is_clause_break` answer ideographs without the list.
        assert!(('\u{4E00}'..='\u{9FFF}').all(|c| is_basic_ideograph(c) && !is_listed_break(c)));
    }
}
