//! Names around a first one: the rest of a list after a title
//! (`副镇长甲、乙、丙`), the list before a cue (`甲、乙、丙当选`), and a name
//! right before a cue word (`严俊表示`).

use super::super::lengths::{MAX_GIVEN_CHARS, MAX_NAME_CHARS, MIN_NAME_CHARS, NAME_LENGTHS};
use super::super::{Mention, Scan};
use super::name::{end_strength, is_not_a_name, is_trigger, read_name, surname, valid_given};
use crate::lexicon::{LexClass, Trigger};
use crate::rules::Rule;
use crate::span::Span;
use hashbrown::HashSet;

/// `A、B、C` after a first name: more names of the same list.
pub(crate) fn list_after(
    scan: &Scan<'_>,
    mut pos: usize,
    title_starts: &HashSet<usize>,
    names: &mut Vec<(Span, Rule)>,
    rule: Rule,
) {
    while scan.char_at(pos) == Some('、') {
        let next = pos + '、'.len_utf8();
        if title_starts.contains(&next) {
            return;
        }
        match read_name(scan, next) {
            Some(n) if end_strength(scan, n.end) > 0 && !is_not_a_name(scan, n) => {
                names.push((n, rule));
                pos = n.end;
            }
            _ => return,
        }
    }
}

/// `A、B、C当选…`: more names of the same list before a first one.
pub(crate) fn list_before(scan: &Scan<'_>, mut start: usize, names: &mut Vec<(Span, Rule)>) {
    while scan.char_before(start) == Some('、') {
        let end = start - '、'.len_utf8();
        let mut found = None;
        for len in NAME_LENGTHS {
            let s = scan.back(end, len);
            if scan.text[s..end].chars().count() != len {
                continue;
            }
            let sep_before = scan.is_break_before(s);
            if sep_before
                && let Some((sn, true)) = surname(scan, s)
                && valid_given(&scan.text[scan.forward(s, sn)..end])
                && !is_not_a_name(scan, Span::new(s, end))
            {
                found = Some(Span::new(s, end));
                break;
            }
        }
        match found {
            Some(n) => {
                names.push((n, Rule::PersonBeforeCue));
                start = n.start;
            }
            None => return,
        }
    }
}

/// A name ending right before a cue at `end`.
pub(crate) fn name_before(scan: &Scan<'_>, end: usize, orgs: &[Mention]) -> Option<Span> {
    let mut best = None;
    for len in MIN_NAME_CHARS..=MAX_NAME_CHARS {
        let start = scan.back(end, len);
        if scan.text[start..end].chars().count() != len {
            break;
        }
        let Some((sn, strong)) = surname(scan, start) else {
            continue;
        };
        if len - sn > MAX_GIVEN_CHARS || len <= sn {
            continue;
        }
        let given = &scan.text[scan.forward(start, sn)..end];
        if !valid_given(given) {
            continue;
        }
        // A character that is mostly a common word (`有`, `经`, `平`) opens
        // a name only where the segmenter reads one.
        if !strong
            && !scan
                .tokens_around(start)
                .iter()
                .any(|t| t.span == Span::new(start, end) && t.tag.is_name())
        {
            continue;
        }
        let before_ok = (scan.is_break_before(start)
            && (strong || scan.char_before(start) != Some('、')))
            || (strong
                && scan.char_before(start).is_some_and(|c| {
                    matches!(c, '由' | '对' | '和' | '与' | '及' | '向' | '请' | '、')
                }))
            || (strong
                && scan
                    .hits_ending_at(start)
                    .any(|h| is_trigger(scan, h, Trigger::PersonVerb)))
            || scan
                .longest_ending_at(start, [LexClass::TitleRole, LexClass::NameCue])
                .is_some()
            || (strong
                && orgs
                    .iter()
                    .any(|o| o.span.end == start && o.span.len() >= super::super::TWO_CHARS_BYTES));
        if before_ok {
            best = Some(Span::new(start, end));
        }
    }
    best
}
