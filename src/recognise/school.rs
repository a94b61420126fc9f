//! Schools named short by their place and number: `某某一中`, `某某十中`,
//! `某某二十五中`, `某某三小` (the place's first middle or primary school).
//! A place, one to three numerals and `中` or `小`, then no character that
//! would make a word of them (`中心`, `小时`): a school, an ORG.

use super::index::MentionIndex;
use super::{Mention, Scan};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// The most numerals in a school's number (`二十五`).
const MAX_NUMERALS: usize = 3;

/// What may follow a school's short name: a list's joiners and particles.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const AFTER: &str = "和及与、等的";

/// Schools after the places found (`places`).
pub(super) fn find(scan: &Scan<'_>, places: &[Mention]) -> Vec<Mention> {
    let text = scan.text;
    let index = MentionIndex::new(places);
    let mut out = Vec::new();
    // The two characters found by a byte search each (no walk through
    // every char of the text), read in text order.
    // memmem, not `match_indices`: a char search stops at every
    // occurrence of the char's last byte, common inside other ideographs.
    let find = |c: char| {
        let mut buf = [0u8; 4];
        let needle = c.encode_utf8(&mut buf).as_bytes();
        memchr::memmem::find_iter(text.as_bytes(), needle)
            .map(move |i| (i, c))
            .collect::<Vec<_>>()
    };
    let mut at: Vec<(usize, char)> = find('中');
    at.extend(find('小'));
    at.sort_unstable();
    for (i, c) in at {
        let end = i + c.len_utf8();
        if text[end..]
            .chars()
            .next()
            .is_some_and(|n| is_cjk(n) && !AFTER.contains(n))
            && word_goes_on(scan, end)
        {
            continue;
        }
        let digits = text[..i]
            .chars()
            .rev()
            .take_while(|&d| crate::lexicon::is_numeral(d))
            .count();
        if !(1..=MAX_NUMERALS).contains(&digits) {
            continue;
        }
        let number_start = scan.back(i, digits);
        if let Some(place) = index
            .ending_at(number_start)
            .filter(|m| m.span.len() >= super::TWO_CHARS_BYTES)
            .max_by_key(|m| m.span.len())
        {
            out.push(Mention::new(
                Span::new(place.span.start, end),
                EntityKind::Org,
                Rule::OrgNumberedSchool,
            ));
        }
    }
    out
}

/// True when the segmenter reads a word across `end`, the byte after `中`
/// or `小` (`中心`, `小时`, `三中全会`): the character is part of that word.
/// Where the word ends with it (`五中` + `开展`), the school's name ends.
fn word_goes_on(scan: &Scan<'_>, end: usize) -> bool {
    scan.token_containing(end - 1)
        .is_none_or(|t| t.span.end > end)
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn a_school_named_by_its_place_and_number() {
        assert_eq!(
            spans("他先后来到平阳一中和平阳二十五中。", Org),
            ["平阳一中", "平阳二十五中"]
        );
        assert_eq!(spans("看望了平阳三小的老师。", Org), ["平阳三小"]);
    }

    #[test]
    fn a_number_inside_a_word_is_no_school() {
        assert!(spans("车程约平阳三小时。", Org).is_empty());
        assert!(spans("学习党的二十届二中、三中全会精神。", Org).is_empty());
    }
}
