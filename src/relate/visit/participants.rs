//! Named participants who join a visit, and hosts who take part.

use super::*;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The word after which more participants are named (`…,还有丙`).
const HAI_YOU: &str = "还有";
/// Its searcher, built once for every sentence.
static HAI_YOU_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(HAI_YOU));

/// The chars after a clause searched for `我县`, `我市`.
const MAX_COMES_TO_US_TAIL: usize = 4;

/// True when the clause in `a..b` (the end of its subject to its
/// places) brings its visitors to the article's own place (`来我县考察`,
/// `到我市调研`).
pub(super) fn comes_to_us(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let b = doc.fwd(b, MAX_COMES_TO_US_TAIL).min(doc.len());
    doc.positions(a, b).any(|q| our_place_at(doc, q))
}

/// True when `我` and a level character above the village stand at
/// `q` (`我县`, `我市`, `我镇`): the article's own place.
fn our_place_at(doc: &Doc<'_>, q: usize) -> bool {
    doc.char_at(q) == Some('我')
        && doc
            .char_at(doc.next(q))
            .and_then(crate::lexicon::Level::of_char)
            .is_some_and(|l| l != crate::lexicon::Level::Village)
}

/// True when the persons named from `from` on are the host's officials
/// (`我县领导甲、乙参加`, `县领导丙参加` where the group are guests).
pub(super) fn hosts_named(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    doc.positions(from, to).any(|q| our_place_at(doc, q)) || doc.text(from, to).contains("领导")
}

/// True when the leaders of a place are named in `from..to` (`某县领导`,
/// or a post held there, `某县委常委`) and group `g` visits that place or
/// one it holds: they are its hosts.
pub(super) fn leaders_of_visited(
    doc: &Doc<'_>,
    st: &State,
    g: usize,
    from: usize,
    to: usize,
) -> bool {
    let visited: Vec<&str> = st
        .events
        .iter()
        .filter(|e| e.heads == Heads::Group(g))
        .flat_map(|e| e.tails.iter().map(|&t| doc.mentions[t].text.as_str()))
        .collect();
    doc.mentions_in(from, to).any(|i| {
        let m = &doc.mentions[i];
        match m.kind {
            EntityKind::Place => {
                doc.at(m.span.end, "领导") && visited.iter().any(|t| t.starts_with(m.text.as_str()))
            }
            // `某市委常委乙参加` where the group visits `某市某区`: the
            // post is held in the place visited.
            EntityKind::Title => crate::relate::article::divisions_in_name(doc.lex, &m.text)
                .iter()
                .any(|(d, _)| visited.iter().any(|t| t.starts_with(d.as_str()))),
            _ => false,
        }
    })
}

/// Named participants join the current group: `乙参加调研`, `…还有丙`.
/// With no current group, returns them.
pub(super) fn join_participants(
    doc: &Doc<'_>,
    si: usize,
    st: &mut State,
    last: Option<usize>,
    covered: &[bool],
) -> Vec<usize> {
    let s = doc.sentences[si];
    let from = last.map_or(s.start, |e| st.events[e].end);
    let mut joiners = joiners_of_join_word(doc, si, from, covered);
    joiners.extend(joiners_after_hai_you(doc, si));
    if joiners.is_empty() {
        return joiners;
    }
    if hosts_take_part(doc, st, from, doc.mentions[joiners[0]].span.start, s.end) {
        return Vec::new();
    }
    if let Some(g) = st.latest {
        for m in joiners {
            st.add(doc, g, m);
            st.joined.push(m);
        }
        widen_joined_visit(doc, st, g);
        return Vec::new();
    }
    joiners
}

/// The persons named before the first join word from `from` on that joins
/// the visit (`乙参加调研`), or listed after it (`一同参加的有甲、乙`).
fn joiners_of_join_word(doc: &Doc<'_>, si: usize, from: usize, covered: &[bool]) -> Vec<usize> {
    let s = doc.sentences[si];
    for q in doc.trigger_starts(from, s.end, T::Join) {
        if covered[q] {
            continue;
        }
        let Some(n) = doc.trigger_at(q, T::Join) else {
            continue;
        };
        if doc.at(q + n, "的有") || doc.at(q + n, "的还有") {
            // `一同参加的有甲、乙`: the participants follow.
            return persons_listed_after(doc, s.start, q + n, s.end);
        }
        if !joins_the_visit(doc, q, q + n, s.end) {
            continue;
        }
        return persons_outside_parens(doc, s.start, from, q);
    }
    Vec::new()
}

/// The persons named after `还有` in a sentence that tells a visit before
/// it, unless they are companions (`陪同`).
fn joiners_after_hai_you(doc: &Doc<'_>, si: usize) -> Vec<usize> {
    let s = doc.sentences[si];
    if let Some(at) = doc.find_all(s.start, s.end, &HAI_YOU_FINDER).next()
        && !doc.text(s.start, at).contains("陪同")
        && (doc.trigger_within(s.start, at, T::VisitInspect)
            || doc.trigger_within(s.start, at, T::VisitMotion))
    {
        return persons_outside_parens(doc, s.start, at, s.end);
    }
    Vec::new()
}

/// The persons named in `a..b`, but in brackets.
fn persons_outside_parens(doc: &Doc<'_>, sent_start: usize, a: usize, b: usize) -> Vec<usize> {
    doc.mentions_in(a, b)
        .filter(|&i| {
            doc.mentions[i].kind == EntityKind::Person
                && !doc.in_parens(sent_start, doc.mentions[i].span.start)
        })
        .collect()
}

/// True when the participants named from `from` on are hosts of the
/// current group: a guest group's hosts who take part stay hosts, and
/// the leaders of a place the group visits are its hosts
/// (`甲、乙等某县领导参加`).
fn hosts_take_part(doc: &Doc<'_>, st: &State, from: usize, first: usize, end: usize) -> bool {
    let Some(g) = st.latest else {
        return false;
    };
    (st.groups[g].guest && hosts_named(doc, from, first))
        || leaders_of_visited(doc, st, g, from, end)
}

/// True when what a participant takes part in, from `after` on, is the
/// visit: a visit word at once (`参加调研`, `一同观摩`, `参加视察活动`),
/// also after `了`; nothing at all (`乙、丙参加。`); or an activity named
/// in a short clause (`参加会议和活动`, `参加了此次活动`).
///
/// The weak forms need a participant of the whole visit: not one who goes
/// `分别` (each to a part of it), nor a host who `陪同参加`.
pub(super) fn joins_the_visit(doc: &Doc<'_>, at: usize, after: usize, limit: usize) -> bool {
    let mut p = after;
    if p < limit && doc.at(p, "了") {
        p = doc.next(p);
    }
    let visit_at = |q: usize| {
        doc.trigger_at(q, T::VisitInspect).is_some()
            || doc.trigger_at(q, T::Purpose).is_some()
            || doc.at(q, "活动")
    };
    if visit_at(p) {
        return true;
    }
    if doc.ends_at(at, "分别") || doc.ends_at(at, "陪同") {
        return false;
    }
    let end = doc
        .chars_in(p, limit)
        .find(|&(_, c)| ends_a_phrase(c))
        .map_or(limit, |(k, _)| k);
    // Nothing follows in the clause (also at the end of the text).
    if end <= p {
        return true;
    }
    !doc.longer_than(p, end, MAX_JOINED_ACTIVITY)
        && doc.positions(p, end).any(|k| doc.at(k, "活动"))
}

/// The persons named from `from` to the end of its clause (`一同参加的有
/// 甲、乙,…`), outside brackets.
pub(super) fn persons_listed_after(
    doc: &Doc<'_>,
    sent_start: usize,
    from: usize,
    limit: usize,
) -> Vec<usize> {
    let end = doc
        .chars_in(from, limit)
        .find(|&(_, c)| ends_a_phrase(c))
        .map_or(limit, |(k, _)| k);
    persons_outside_parens(doc, sent_start, from, end)
}

/// A sentence end, a comma or a colon: what ends a phrase of a list of
/// names (an enumeration mark `、` does not).
pub(super) fn ends_a_phrase(c: char) -> bool {
    crate::text::is_sentence_end(c) || matches!(c, ',' | '\u{FF0C}' | ':' | '\u{FF1A}')
}

/// The longest clause after `参加` that names the activity joined
/// (`参加会议和活动`).
pub(super) const MAX_JOINED_ACTIVITY: usize = 8;

/// `某县组织代表参观考察A,甲、乙参加考察活动`: with no group yet, the
/// named participants are the group of the sentence's visits that name no
/// visitor (rule `visit.participants-only`).
pub(super) fn participants_visit(
    st: &mut State,
    doc: &Doc<'_>,
    si: usize,
    art: usize,
    visits: Vec<Clause>,
    joiners: &[usize],
    date: Option<String>,
) {
    let g = st.new_group(art, date.clone().or_else(|| doc.paragraph_date(si)));
    for &m in joiners {
        st.add(doc, g, m);
    }
    st.latest = Some(g);
    for c in visits {
        st.events.push(Event {
            heads: Heads::Group(g),
            tails: c.tails,
            sentence: si,
            date: st.groups[g].date.clone(),
            purpose: c.purpose,
            end: c.end,
            rule: Rule::VisitParticipantsOnly,
        });
    }
}

/// The visit participants join is the group's: its latest sentence of
/// events, told of a member by name alone (`县长甲深入A、B。乙参加检查。`),
/// is made by the whole group.
pub(super) fn widen_joined_visit(doc: &Doc<'_>, st: &mut State, g: usize) {
    let Some(last) = st.events.last().map(|e| e.sentence) else {
        return;
    };
    for k in (0..st.events.len()).rev() {
        if st.events[k].sentence != last {
            break;
        }
        if let Heads::Explicit(ps) = &st.events[k].heads
            && ps.iter().all(|&p| st.holds(doc, g, p))
        {
            st.events[k].heads = Heads::Group(g);
        }
    }
}
