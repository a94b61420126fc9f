//! Rail and road lines named after the places they join, each written as
//! its one-character abbreviation: `京沪高铁`, `沪宁高速`, `川藏铁路`,
//! `沪苏湖铁路`. Alone, such a character is no place (see
//! [`super::movement`]); two or more of them before a line word are the
//! line's name.

use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::matcher::Hit;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// Words that end a line's name (`高铁`, `高速`: `grammar.line`).
const LINE: LexClass = LexClass::Grammar(Grammar::Line);

/// How many abbreviations make a line's name (`京沪`; `沪高速` is none).
const MIN_ABBREVIATIONS: usize = 2;

/// The most bytes of one character in UTF-8.
const MAX_CHAR_BYTES: usize = 4;

/// True for a one-character place abbreviation (the length is asked
/// before the lexicon, bytes first: most hits are longer than a char's
/// four bytes).
fn is_abbreviation(scan: &Scan<'_>, hit: &Hit) -> bool {
    // The class's bit first: most hits are no short form.
    scan.hit_is(hit, LexClass::PlaceShort)
        && hit.span().len() <= MAX_CHAR_BYTES
        && scan.text[hit.span().range()].chars().nth(1).is_none()
}

/// The start of a one-character place abbreviation ending at `end`.
fn short_ending_at(scan: &Scan<'_>, end: usize) -> Option<usize> {
    scan.hits_ending_at(end)
        .find(|h| is_abbreviation(scan, h))
        .map(|h| h.span().start)
}

/// Line names made of one-character abbreviations: new mentions where a
/// line word follows two or more of them, and places already `found` that
/// end in a line word taken back over the ones before them (`沪` +
/// `苏湖铁路`).
pub(super) fn abbreviated(scan: &Scan<'_>, found: &mut Vec<Mention>) {
    for m in found.iter_mut() {
        let ends_in_line_word = || {
            scan.hits_ending_at(m.span.end)
                .any(|h| h.span().start >= m.span.start && scan.hit_is(h, |c| c == LINE))
        };
        if m.kind == EntityKind::Place && ends_in_line_word() {
            while let Some(s) = short_ending_at(scan, m.span.start) {
                m.span = Span::new(s, m.span.end);
            }
        }
    }
    let mut new = Vec::new();
    for hit in scan.hits() {
        if !is_abbreviation(scan, hit) {
            continue;
        }
        let end = hit.span().end;
        let Some(word) = scan.longest_at(end, |c| c == LINE) else {
            continue;
        };
        let mut start = hit.span().start;
        let mut n = 1;
        while let Some(s) = short_ending_at(scan, start) {
            start = s;
            n += 1;
        }
        let span = Span::new(start, word.span().end);
        if n >= MIN_ABBREVIATIONS && !found.iter().chain(&new).any(|m| m.span == span) {
            new.push(Mention::new(span, EntityKind::Place, Rule::PlaceLine));
        }
    }
    found.extend(new);
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Place;

    #[test]
    fn lines_named_by_the_abbreviations_of_what_they_join() {
        assert_eq!(
            spans("京沪高铁和沪宁高速保持畅通。", Place),
            ["京沪高铁", "沪宁高速"]
        );
        assert_eq!(spans("推进沪苏湖铁路建设。", Place), ["沪苏湖铁路"]);
        // One abbreviation is no line (`沪高速` reads nothing).
        assert!(spans("经济高速发展。", Place).is_empty());
    }
}
