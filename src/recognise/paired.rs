//! Provinces named side by side by their one-character abbreviations:
//! partners of a cooperation (`闽宁协作`, `沪滇合作`, `京津冀地区`) and lists
//! of the provinces a product or a plan reaches (`浙、沪、渝等地`). One
//! character is no place alone; a run of two or more abbreviations of
//! provinces, closed by what such a run goes on with, names each province.

use super::Scan;
use super::place::level_of;
use super::pos::Pos;
use crate::lexicon::{Grammar, Level, LexClass};
use crate::span::Span;

/// What follows a run of abbreviations glued together (`闽宁协作`,
/// `青藏滇川毗邻地区`): `grammar.partnership` in `dictionaries/grammar.txt`.
const AFTER_GLUED: LexClass = LexClass::Grammar(Grammar::Partnership);

/// What closes a list of abbreviations separated by `、` (`浙、沪、渝等地`):
/// `grammar.regions-closer`.
const AFTER_LISTED: LexClass = LexClass::Grammar(Grammar::RegionsCloser);

/// The fewest abbreviations in a run.
const MIN_RUN: usize = 2;

/// True when the one character at `span` stands in a run of province
/// abbreviations that the text closes as such.
pub(super) fn in_run(scan: &Scan<'_>, span: Span) -> bool {
    if !is_province_abbreviation(scan, span.start) {
        return false;
    }
    let (start, end, count, listed) = run_around(scan, span);
    if count < MIN_RUN {
        return false;
    }
    // What follows the run, read from the hits at its end.
    if listed {
        return scan.longest_at(end, AFTER_LISTED).is_some();
    }
    // A partner named after `与` is a company more often than a province
    // (`与某某合作`).
    if scan
        .char_before(start)
        // A closed set of the grammar, kept in code.
        .is_some_and(|c| matches!(c, '与' | '和' | '同' | '跟'))
    {
        return false;
    }
    // A word the segmenter knows that is no place (a brand) is read whole.
    let run = &scan.text[start..end];
    let other_word = scan
        .word_tag(run)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::J));
    !other_word && scan.longest_at(end, AFTER_GLUED).is_some()
}

/// The run of abbreviations around `span`: its start and end, how many it
/// holds, and whether `、` separates them (then every separator is one).
fn run_around(scan: &Scan<'_>, span: Span) -> (usize, usize, usize, bool) {
    let sep = '、';
    let listed = scan.char_before(span.start) == Some(sep) || scan.char_at(span.end) == Some(sep);
    let step = |pos: usize| -> Option<usize> {
        // The position of the next abbreviation after the one at `pos`.
        let c = scan.char_at(pos)?;
        let mut next = pos + c.len_utf8();
        if listed {
            if scan.char_at(next) != Some(sep) {
                return None;
            }
            next += sep.len_utf8();
        }
        is_province_abbreviation(scan, next).then_some(next)
    };
    let back = |pos: usize| -> Option<usize> {
        let mut prev = pos;
        if listed {
            if scan.char_before(prev) != Some(sep) {
                return None;
            }
            prev -= sep.len_utf8();
        }
        let c = scan.char_before(prev)?;
        let p = prev - c.len_utf8();
        is_province_abbreviation(scan, p).then_some(p)
    };
    let mut count = 1;
    let mut start = span.start;
    while let Some(p) = back(start) {
        start = p;
        count += 1;
    }
    let mut last = span.start;
    while let Some(p) = step(last) {
        last = p;
        count += 1;
    }
    let end = last + scan.char_at(last).map_or(0, char::len_utf8);
    (start, end, count, listed)
}

/// True when a one-character abbreviation of a province starts at `pos`.
fn is_province_abbreviation(scan: &Scan<'_>, pos: usize) -> bool {
    let Some(c) = scan.char_at(pos) else {
        return false;
    };
    scan.hits_at(pos).iter().any(|h| {
        h.span().len() == c.len_utf8()
            && scan.entries(h).any(|e| {
                e.class == LexClass::PlaceShort
                    && e.full
                        .as_deref()
                        .and_then(|f| level_of(scan, f))
                        .is_some_and(|l| l == Level::Province)
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Place;

    fn places(text: &str) -> Vec<String> {
        spans(text, Place)
    }

    #[test]
    fn partners_of_a_cooperation() {
        assert_eq!(places("深化鲁渝协作,推动两地发展。"), ["鲁", "渝"]);
        assert_eq!(places("召开湘黔毗邻地区联席会。"), ["湘", "黔"]);
    }

    #[test]
    fn a_list_closed_by_places() {
        assert_eq!(places("产品销往皖、赣、鄂等地。"), ["皖", "赣", "鄂"]);
    }

    #[test]
    fn one_character_or_an_open_run_is_no_place() {
        assert!(places("鲁协作").is_empty());
        assert!(places("黑、白两色").is_empty());
        // A partner after `与` is more often a company.
        assert!(places("与苏宁合作").is_empty());
    }
}
