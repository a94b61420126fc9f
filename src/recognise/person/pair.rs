//! Two names joined by `和`, `与` or `及` (`队长甲和乙的缺阵`, `甲与乙会谈`):
//! the two sides of the conjunction share a type, so when one is a person
//! found with evidence of its own, a name the segmenter tags right on the
//! other side is a person too.

use super::super::Scan;
use super::super::index::MentionIndex;
use super::super::segment::Token;
use super::name::{is_not_a_name, surname};
use crate::rules::Rule;
use crate::span::Span;
use crate::text::is_cjk;

/// Rules whose persons vouch for the other side of a conjunction.
const VOUCHING: &[Rule] = &[
    Rule::PersonAfterTitle,
    Rule::PersonAfterHonour,
    Rule::PersonKnown,
    Rule::PersonSegmenter,
    Rule::PersonTransliterated,
    Rule::PersonForeign,
];

/// The shortest and longest name read on the other side, in chars.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

/// Persons on the other side of a conjunction from a person found.
pub(crate) fn find(
    scan: &Scan<'_>,
    names: &[(Span, Rule)],
    tokens: &[Token],
    taken: &MentionIndex,
) -> Vec<(Span, Rule)> {
    let mut out = Vec::new();
    for &(n, _) in names.iter().filter(|(_, r)| VOUCHING.contains(r)) {
        if let Some(j) = scan
            .char_at(n.end)
            .filter(|&c| crate::lexicon::is_conjunction(c))
        {
            let at = n.end + j.len_utf8();
            if let Some(i) = token_starting_at(tokens, at) {
                let t = joined(tokens, i, i + MAX_PARTS);
                if ends_clearly(scan, t.span.end) {
                    out.extend(other_side(scan, t, taken));
                }
            }
        }
        if let Some(j) = scan
            .char_before(n.start)
            .filter(|&c| crate::lexicon::is_conjunction(c))
        {
            let at = n.start - j.len_utf8();
            if let Some(i) = token_ending_at(tokens, at) {
                let first = (i.saturating_sub(MAX_PARTS - 1)..=i)
                    .find(|&k| joined(tokens, k, i + 1).span.end == at && tagged_run(tokens, k, i))
                    .unwrap_or(i);
                let t = joined(tokens, first, i + 1);
                if scan.is_break_before(t.span.start) {
                    out.extend(other_side(scan, t, taken));
                }
            }
        }
    }
    out
}

/// The index of the token starting at `pos` (tokens are in text order).
fn token_starting_at(tokens: &[Token], pos: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.span.start < pos);
    tokens
        .get(i)
        .is_some_and(|t| t.span.start == pos)
        .then_some(i)
}

/// The index of the token ending at `pos`.
fn token_ending_at(tokens: &[Token], pos: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.span.end < pos);
    tokens
        .get(i)
        .is_some_and(|t| t.span.end == pos)
        .then_some(i)
}

/// The most tokens the segmenter cuts a name on the other side into
/// (`斯托/nrt 尼/nr`).
const MAX_PARTS: usize = 3;

/// The tokens from `i` on, before `upto`, that the segmenter tags as
/// names, adjacent to each other, as one token (the first alone when it is
/// not tagged).
fn joined(tokens: &[Token], i: usize, upto: usize) -> Token {
    let mut t = tokens[i];
    if !t.tag.is_name() {
        return t;
    }
    for next in tokens.iter().take(upto.min(tokens.len())).skip(i + 1) {
        if next.span.start != t.span.end || !next.tag.is_name() {
            break;
        }
        t = Token {
            span: Span::new(t.span.start, next.span.end),
            tag: t.tag,
        };
    }
    t
}

/// True when tokens `from..=to` are all tagged names.
fn tagged_run(tokens: &[Token], from: usize, to: usize) -> bool {
    tokens[from..=to].iter().all(|t| t.tag.is_name())
}

/// The token `t` as a person: tagged a name, of ideographs, no place or
/// body found over it, and, when it opens with a surname, no other reading.
fn other_side(scan: &Scan<'_>, t: Token, taken: &MentionIndex) -> Option<(Span, Rule)> {
    let w = &scan.text[t.span.range()];
    let ok = t.tag.is_name()
        && NAME_CHARS.contains(&w.chars().count())
        && w.chars().all(is_cjk)
        && taken.overlapping(t.span).next().is_none()
        && (surname(scan, t.span.start).is_none() || !is_not_a_name(scan, t.span));
    ok.then_some((t.span, Rule::PersonListItem))
}

/// True when a name clearly ends at `pos` (a break, a cue, a function
/// character, a verb), or `的` follows it.
fn ends_clearly(scan: &Scan<'_>, pos: usize) -> bool {
    super::foreign::ends_clearly(scan, pos) || scan.text[pos..].starts_with('的')
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_tagged_name_joined_to_a_person_found() {
        assert_eq!(
            spans("而队长博拉斯和索拉诺的缺阵令后防吃紧。", Person),
            ["博拉斯", "索拉诺"]
        );
        // A name cut in two by the segmenter (`斯托/nrt 尼/nr`).
        assert_eq!(
            spans("而队长博拉斯和斯托尼的缺阵令后防吃紧。", Person),
            ["博拉斯", "斯托尼"]
        );
    }
}
