//! The places a visit verb governs: the list after it, its end points
//! and bare sections left out, and the purpose that follows.

use super::*;

/// An elliptical section (`C 区`, `3期`): it stands for a part of a place
/// named before, so it is not visited in its own name.
pub(super) fn is_bare_section(t: &str) -> bool {
    let t = crate::text::without_space(t);
    // A closed set of the grammar, kept in code.
    ["区", "期", "栋", "号楼"].iter().any(|s| {
        t.strip_suffix(s)
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric()))
    })
}

/// Places governed from `from` on: the first must follow at once (after
/// `了` or `过`, or `位于`); more follow joined by `、`, `和`, `与`, `及`, or commas that
/// go on with a place, up to the end of the clause.
///
/// After `先后`, `依次` (a series of stops) the list also runs over commas
/// that open a place at once (`先后来到A,B,C、D检查`).
pub(super) fn tails_after(
    doc: &Doc<'_>,
    from: usize,
    limit: usize,
    sent_start: usize,
    series: bool,
) -> (Vec<usize>, usize) {
    let Some(first) = first_place(doc, from, limit) else {
        return (Vec::new(), from);
    };
    let (mut tails, mut end, before_comma) = list_from(doc, first, limit, sent_start);
    // A list runs on over commas only when it closes with `等` (`A,B…等处`).
    if let Some((k, e)) = before_comma.filter(|_| !series) {
        let close = doc
            .chars_in(end, limit)
            .find(|&(_, c)| matches!(c, ',' | '\u{FF0C}' | ';' | '。'))
            .map_or(limit, |(q, _)| q);
        if !doc.text(end, close).contains('等') {
            tails.truncate(k);
            end = e;
        }
    }
    let tails = drop_end_points(doc, tails, sent_start);
    (tails, end)
}

/// The most chars of `了`, `过` or spaces between a verb and its first place.
const MAX_ASPECT: usize = 2;

/// The first place governed from `from` on: at once (after `了` or `过`,
/// or `位于`), or a later item of a list that opens with no names.
fn first_place(doc: &Doc<'_>, from: usize, limit: usize) -> Option<usize> {
    let mut p = from;
    let mut n = 0;
    while n < MAX_ASPECT
        && p < limit
        && doc
            .char_at(p)
            .is_some_and(|c| matches!(c, '了' | '过') || c.is_whitespace())
    {
        p = doc.next(p);
        n += 1;
    }
    // `来到位于A的B、C`: the place the stops lie in is visited with them.
    if doc.at(p, "位于") {
        p = doc.past(p, "位于");
    }
    let first = doc
        .mention_at(p)
        .or_else(|| after_modifier(doc, p, limit))
        .or_else(|| later_item(doc, p, limit))?;
    if !is_tail_kind(doc.mentions[first].kind) || doc.mentions[first].span.end > limit {
        return None;
    }
    Some(first)
}

/// The most chars of a modifier ending in `的` before a verb's first place
/// (`新修建的`, `正在建设中的`).
const MAX_MODIFIER: usize = 6;

/// The place right after a short modifier ending in `的` from `p` on
/// (`参观了新修建的某某幼儿园`), which holds no break and no mention.
fn after_modifier(doc: &Doc<'_>, p: usize, limit: usize) -> Option<usize> {
    let (de, _) = doc
        .chars_in(doc.next(p), doc.fwd(p, MAX_MODIFIER + 1).min(limit))
        .find(|&(_, c)| c == '的')?;
    let after = doc.next(de);
    let clean = doc
        .chars_in(p, de)
        .all(|(_, c)| !crate::text::is_clause_break(c))
        && doc.mentions_in(p, after).next().is_none();
    clean.then(|| doc.mention_at(after)).flatten()
}

/// The most chars between two items of a list.
const MAX_ITEM_GAP: usize = 30;

/// The most chars of words that describe the next place
/// (`某县省级示范村某村`).
const MAX_DESCRIPTOR: usize = 10;

/// The list of places that opens with mention `first`: its items, where
/// it ends, and, when it crosses a comma, how many items and where they end
/// before it.
fn list_from(
    doc: &Doc<'_>,
    first: usize,
    limit: usize,
    sent_start: usize,
) -> (Vec<usize>, usize, Option<(usize, usize)>) {
    let mut tails = vec![first];
    let mut end = doc.mentions[first].span.end;
    let mut pos = end;
    let mut idx = first + 1;
    // Places before the first comma crossed, and where they end.
    let mut before_comma: Option<(usize, usize)> = None;
    while idx < doc.mentions.len() {
        let m = &doc.mentions[idx];
        if m.span.start < pos {
            idx += 1;
            continue;
        }
        if m.span.end > limit {
            break;
        }
        let between = doc.text(pos, m.span.start);
        if between.chars().count() > MAX_ITEM_GAP {
            break;
        }
        // A clause break goes on only into a place written right after it.
        if let Some(k) = between.rfind([',', '\u{FF0C}', ';', ':', '\u{FF1A}', '。']) {
            let after = &between[k..].chars().skip(1).collect::<String>();
            if !after.trim().is_empty() || !is_tail_kind(m.kind) {
                break;
            }
            before_comma.get_or_insert((tails.len(), end));
        }
        // A list inside a title (`《…到某县观摩》由某某网提供`) ends with it.
        if !is_tail_kind(m.kind) || !joins_list(doc, pos, m.span.start) || between.contains('》') {
            break;
        }
        if !doc.in_parens(sent_start, m.span.start) {
            tails.push(idx);
        }
        end = m.span.end;
        pos = m.span.end;
        idx += 1;
    }
    (tails, end, before_comma)
}

/// True when the text `a..b` joins two items of a list: a separator, or a
/// few words that describe the next place (`某县省级示范村某村`); a verb
/// ends the list.
fn joins_list(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let between = doc.text(a, b);
    let joined = between.trim().is_empty()
        || between.contains(['、', '和', '与', '及', '或', ',', '\u{FF0C}']);
    let descriptor =
        between.chars().count() <= MAX_DESCRIPTOR && !doc.trigger_within(a, b, T::LinkVerb);
    joined || descriptor
}

/// The fewest chars of the first item of a list whose first items are no
/// names.
const MIN_FIRST_ITEM: usize = 2;

/// The most chars of items that are no names before the first named one.
const MAX_UNNAMED_RUN: usize = 40;

/// The first mention of a list whose first items are no entities
/// (`察看了某某基地、某村美丽乡村、赖邦村…`): it opens a later item of the
/// list, in the same clause.
pub(super) fn later_item(doc: &Doc<'_>, from: usize, limit: usize) -> Option<usize> {
    let m = doc.mentions.partition_point(|m| m.span.start < from);
    if doc.mentions.get(m)?.span.start >= limit {
        return None;
    }
    let start = doc.mentions[m].span.start;
    let between = doc.text(from, start);
    let clause_break = between.contains([',', '\u{FF0C}', ';', ':', '\u{FF1A}', '。']);
    let opens_item = doc
        .char_before(start)
        .is_some_and(|c| c == '、' || crate::lexicon::is_conjunction(c));
    let first_item = between.split('、').next().unwrap_or("").chars().count();
    (!clause_break
        && between.contains('、')
        && opens_item
        && first_item >= MIN_FIRST_ITEM
        && between.chars().count() <= MAX_UNNAMED_RUN)
        .then_some(m)
}

/// The most chars after the last place read for a road (`至B公路`).
const MAX_END_POINT_TAIL: usize = 12;

/// Drops the end points of a stretch `A(…)至B(…)` (a road inspected, not
/// its ends) and remarks in brackets. A road named before the stretch
/// (`某公路甲地至乙地段`) stays.
pub(super) fn drop_end_points(doc: &Doc<'_>, tails: Vec<usize>, sent_start: usize) -> Vec<usize> {
    let tails: Vec<usize> = tails
        .into_iter()
        .filter(|&t| !doc.in_parens(sent_start, doc.mentions[t].span.start))
        .collect();
    // The text of `a..b` without bracketed remarks.
    let plain = |a: usize, b: usize| -> String {
        let mut depth = 0i32;
        let mut out = String::new();
        for (_, c) in doc.chars_in(a.min(b), b) {
            match c {
                '(' | '\u{FF08}' => depth += 1,
                ')' | '\u{FF09}' => depth = (depth - 1).max(0),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let is_sep = |s: &str| s.contains(['、', ',', '\u{FF0C}', ';', '和', '及', '与']);
    let to_at = |s: &str, rev: bool| -> Option<usize> {
        let found: Vec<usize> = s
            .char_indices()
            .filter(|&(i, c)| c == '至' && !s[..i].ends_with('截') && !s[i..].starts_with("至今"))
            .map(|(i, _)| i)
            .collect();
        if rev {
            found.last().copied()
        } else {
            found.first().copied()
        }
    };
    // A road or a line (`grammar.road-end`) is followed by the two ends
    // of its section (`某某路甲村至乙村段`).
    let road = |t: &str| {
        doc.lex.ends_with(
            t,
            crate::lexicon::LexClass::Grammar(crate::lexicon::Grammar::RoadEnd),
        )
    };
    let n = doc.len();
    tails
        .iter()
        .enumerate()
        .filter(|&(k, &t)| {
            let m = &doc.mentions[t];
            let next = tails
                .get(k + 1)
                .map_or(doc.fwd(m.span.end, MAX_END_POINT_TAIL).min(n), |&x| {
                    doc.mentions[x].span.start
                });
            let after = plain(m.span.end, next.max(m.span.end));
            if let Some(i) = to_at(&after, false)
                && !is_sep(&after[..i])
                && !(road(&m.text) && i > 0)
            {
                return false;
            }
            if k > 0 {
                let before = plain(doc.mentions[tails[k - 1]].span.end, m.span.start);
                if let Some(i) = to_at(&before, true)
                    && !is_sep(&before[i..])
                {
                    return false;
                }
            }
            true
        })
        .map(|(_, &t)| t)
        .collect()
}

/// The purpose written after the places: the first purpose word of the
/// sentence (`开展“创全”督查` → `督查`).
pub(super) fn purpose_after(doc: &Doc<'_>, from: usize, limit: usize) -> Option<String> {
    for (p, c) in doc.chars_in(from, limit) {
        if matches!(c, '。' | ';' | '\u{FF1B}') {
            return None;
        }
        if let Some(n) = doc.trigger_at(p, T::Purpose) {
            return Some(doc.text(p, p + n).to_string());
        }
    }
    None
}

/// The purpose an inspection verb gives (`交流考察`, `调研考察`, `督查`).
pub(super) fn purpose_of_verb(doc: &Doc<'_>, start: usize, word: &str) -> Option<String> {
    if word == "看了" {
        return None;
    }
    if doc.ends_at(start, "交流") {
        return Some(format!("交流{word}"));
    }
    let end = doc.past(start, word);
    let next = doc
        .trigger_at(end, T::VisitInspect)
        .map(|n| doc.text(end, end + n))
        .filter(|w| *w != "看了")
        .or_else(|| doc.at(end, "指导").then_some("指导"));
    if let Some(w) = next {
        return Some(format!("{word}{w}"));
    }
    Some(word.to_string())
}
