//! One-character abbreviations of places in movement phrases: `来沪`,
//! `返沪`, `赴粤`, `在京期间`, and `来徐考察` in an article that names
//! 徐州. Alone, one character is no place; after a verb of movement, and
//! before what such a phrase goes on with, it is the place gone to.

use super::Mention;
use super::place::level_of;
use super::scan::Scan;
use crate::lexicon::Level;
use crate::recognise::lengths::WORD_CHARS;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;
use hashbrown::HashSet;

/// Verbs of movement that license a one-character abbreviation (`来沪`).
/// Kept in code: a closed set of the grammar, read per character.
const MOVE_VERBS: &[char] = &['来', '返', '赴', '驻', '离', '抵', '回', '援'];

/// What may follow a one-character abbreviation in a movement phrase
/// (`来沪返沪`, `来徐考察`, `在京期间`).
/// Kept in code: a closed set of single characters (the first character
/// of the words that follow), read per character.
const AFTER_ABBREVIATION: &str = "考调工期务学发投参的人返来落创就定访交旅开办出后前";

/// True when the one character at `span` stands in a movement phrase:
/// after a verb of movement and before a break or what such a phrase goes
/// on with (`来沪返沪`, `赴粤考察`), or between `在` and `期间` (`在京期间`).
pub(super) fn in_phrase(scan: &Scan<'_>, span: Span) -> bool {
    let Some(before) = scan.char_before(span.start) else {
        return false;
    };
    if before == '在' {
        return scan.text[span.end..].starts_with("期间");
    }
    // `援藏干部`, `对口援疆`: aid goes to a province, whatever follows,
    // unless the character opens a word with what follows.
    if before == '援' {
        return !opens_a_word(scan, span);
    }
    MOVE_VERBS.contains(&before)
        && scan
            .char_at(span.end)
            .is_none_or(|c| !is_cjk(c) || AFTER_ABBREVIATION.contains(c))
}

/// Cities and counties the document names in full, abbreviated to their
/// first character in movement phrases (`来徐考察` where 徐州 is named):
/// news of a delegation's visit names the host city in full and then
/// writes it short. `fulls` are the divisions the document names;
/// `found` are places already found, which are not reported twice.
pub(super) fn first_characters(
    scan: &Scan<'_>,
    fulls: &HashSet<&str>,
    found: &[Mention],
) -> Vec<Mention> {
    let mut initials: Vec<char> = fulls
        .iter()
        .filter(|f| f.chars().count() >= WORD_CHARS)
        .filter(|f| level_of(scan, f).is_some_and(|l| matches!(l, Level::City | Level::County)))
        .filter_map(|f| f.chars().next())
        .collect();
    initials.sort_unstable();
    initials.dedup();
    let mut out = Vec::new();
    for c in initials {
        let mut buf = [0u8; 4];
        let needle = c.encode_utf8(&mut buf).as_bytes();
        for at in memchr::memmem::find_iter(scan.text.as_bytes(), needle) {
            let span = Span::new(at, at + needle.len());
            if in_phrase(scan, span)
                && !reads_as_a_word(scan, span)
                && !found.iter().any(|m| m.span == span)
            {
                out.push(Mention::new(span, EntityKind::Place, Rule::PlaceMovement));
            }
        }
    }
    out
}

/// True when the character at `span` opens a word with the one after it
/// (`援新农村`: `新农`; `援青年`: `青年`).
fn opens_a_word(scan: &Scan<'_>, span: Span) -> bool {
    let after = scan.forward(span.end, 1);
    after > span.end && scan.is_known_word(&scan.text[span.start..after])
}

/// True when the character at `span` makes a word with its neighbour
/// (`来上学`, `回大学`): then it abbreviates nothing.
fn reads_as_a_word(scan: &Scan<'_>, span: Span) -> bool {
    let before = scan.back(span.start, 1);
    let after = scan.forward(span.end, 1);
    (before < span.start && scan.is_known_word(&scan.text[before..span.end]))
        || (after > span.end && scan.is_known_word(&scan.text[span.start..after]))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Place;

    fn places(text: &str) -> Vec<String> {
        spans(text, Place)
    }

    #[test]
    fn a_city_named_in_full_is_written_short_after_a_movement_verb() {
        let got = places("徐州市欢迎济宁市代表团。代表团来徐考察。");
        assert!(got.iter().any(|p| p == "徐"), "{got:?}");
        // Without the full name, the character is no place.
        let got = places("济宁市代表团来徐考察。");
        assert!(!got.iter().any(|p| p == "徐"), "{got:?}");
    }

    #[test]
    fn aid_goes_to_a_province() {
        assert_eq!(places("慰问援藏干部,考察援黔项目。"), ["藏", "黔"]);
        assert!(places("支援新农村建设。").is_empty());
        assert!(places("援青年创业。").is_empty());
    }

    #[test]
    fn a_stay_is_written_between_zai_and_qijian() {
        assert!(places("他在京期间走访了企业。").contains(&"京".to_string()));
        // `在` alone licenses nothing.
        assert!(!places("他在京工作。").contains(&"京".to_string()));
    }

    #[test]
    fn a_character_that_makes_a_word_with_its_neighbour_is_no_abbreviation() {
        let got = places("大连市的孩子回大学报到。");
        assert!(!got.iter().any(|p| p == "大"), "{got:?}");
    }
}
