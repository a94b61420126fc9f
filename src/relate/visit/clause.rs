//! Visit clauses of a sentence: a trigger with the places it governs,
//! read after a verb or from a frame around the places.

use super::*;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The word of a site frame (`在某地现场,…`).
const ON_SITE: &str = "现场";
/// Its searcher, built once for every sentence.
static ON_SITE_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(ON_SITE));
/// The preposition that opens a fronted list (`在A、B等地,…`).
const AT: &str = "在";
/// Its searcher, built once for every sentence.
static AT_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(AT));

/// A visit clause: where its subject lies and what it governs.
#[derive(Debug, Clone)]
pub(super) struct Clause {
    /// The subject is read in `subject.0..subject.1`.
    pub(super) subject: (usize, usize),
    pub(super) tails: Vec<usize>,
    pub(super) purpose: Option<String>,
    /// Where the clause's places end.
    pub(super) end: usize,
    /// A weak trigger (`看了`) only continues a visit of its sentence.
    pub(super) weak: bool,
    /// The places stand before the verb (`在某地考察`, `在A,甲察看…`).
    pub(super) frame: bool,
}

/// The visit clauses of sentence `si`, in text order.
pub(super) fn clauses(doc: &Doc<'_>, si: usize, covered: &[bool]) -> Vec<Clause> {
    let s = doc.sentences[si];
    let mut out: Vec<Clause> = Vec::new();
    let mut p = s.start;
    while p < s.end {
        // No verb starts before the next visit trigger: skip to it.
        let next = doc.next_trigger(p, &[T::VisitMotion, T::VisitInspect, T::VisitFrame]);
        if next > p {
            p = next.min(s.end);
            continue;
        }
        if covered[p] {
            p = doc.next(p);
            continue;
        }
        let Some(v) = visit_verb_at(doc, p) else {
            if let Some(c) = frame_verb_clause(doc, si, p) {
                out.push(c);
            }
            p = doc.next(p);
            continue;
        };
        // The verb must not run into a mention.
        if doc.positions(p, v.end).any(|i| covered[i]) {
            p = doc.next(p);
            continue;
        }
        if !skips_verb(doc, s.start, &v)
            && let Some(c) = clause_at(doc, si, &v)
        {
            out.push(c);
        }
        p = v.end;
    }
    out.extend(site_frames(doc, si));
    out.sort_by_key(|c| c.end);
    out
}

/// A visit verb in the text.
struct Verb<'a> {
    /// Where it starts.
    at: usize,
    /// Where it ends.
    end: usize,
    word: &'a str,
    /// A motion verb (`来到`), else an inspection verb (`调研`).
    motion: bool,
}

/// The visit verb at `p`, the longer one when a motion and an inspection
/// verb start there.
fn visit_verb_at<'a>(doc: &Doc<'a>, p: usize) -> Option<Verb<'a>> {
    let motion = doc
        .trigger_at(p, T::VisitMotion)
        .map(|n| doc.text(p, p + n));
    let inspect = doc
        .trigger_at(p, T::VisitInspect)
        .map(|n| doc.text(p, p + n));
    let (word, motion) = match (motion, inspect) {
        (Some(m), Some(i)) if i.len() > m.len() => (i, false),
        (Some(m), _) => (m, true),
        (None, Some(i)) => (i, false),
        (None, None) => return None,
    };
    Some(Verb {
        at: p,
        end: doc.past(p, word),
        word,
        motion,
    })
}

/// True when verb `v` is no visit verb here: it is what participants join,
/// it names a body or a post, or its neighbours make `到`, `来`, `看了`
/// part of another word.
fn skips_verb(doc: &Doc<'_>, sent_start: usize, v: &Verb<'_>) -> bool {
    let p = v.at;
    let next = doc.char_at(v.end);
    let joined = joins_visit(doc, p);
    // `督查室`, `调研组`, `考察团`: the verb names a body or a post.
    let noun = !v.motion && next.is_some_and(crate::lexicon::is_unit_char);
    joined
        || noun
        // `下来` after a frame of companions (`在乙的陪同下来某镇调研`) is `来`.
        || (in_other_word(doc, sent_start, v) && !(v.word == "来" && doc.ends_at(p, "陪同下")))
        // `从某地到某地`: a stretch, no visit.
        || (v.word == "到" && doc.text(sent_start, p).contains('从'))
}

/// True when a word of the sentence from `sent_start` holds verb `v` and
/// more and is no visit (`trigger.verb-in-word`: `得到`, `到位`, `以来`,
/// `观看了`).
fn in_other_word(doc: &Doc<'_>, sent_start: usize, v: &Verb<'_>) -> bool {
    let from = doc
        .back(v.at, crate::relate::MAX_TRIGGER_CHARS)
        .max(sent_start);
    doc.positions(from, doc.next(v.at)).any(|q| {
        doc.trigger_at(q, T::VerbInWord)
            .is_some_and(|n| q + n >= v.end && (q < v.at || q + n > v.end))
    })
}

/// The clause of visit verb `v` in sentence `si`, if it is one.
fn clause_at(doc: &Doc<'_>, si: usize, v: &Verb<'_>) -> Option<Clause> {
    let s = doc.sentences[si];
    let (mut tails, mut tails_end) = places_after_verb(doc, s.start, s.end, v);
    let mut purpose = if v.motion {
        purpose_after(doc, tails_end, s.end)
    } else {
        purpose_of_verb(doc, v.at, v.word)
    };
    if v.word == "来" && !lai_is_visit(doc, s.end, v, &tails, tails_end) {
        return None;
    }
    let subject_end = add_frame_places(doc, s.start, v, &mut tails, &mut tails_end).unwrap_or(v.at);
    if tails.is_empty() {
        // A clause with no place still tells who travels (`某某带队调研`).
        return Some(Clause {
            subject: (s.start, v.at),
            tails,
            purpose,
            end: v.at,
            weak: v.word == "看了",
            frame: false,
        });
    }
    if purpose.is_none() && v.motion {
        purpose = purpose_after(doc, tails_end, s.end);
    }
    Some(Clause {
        subject: (s.start, subject_end),
        tails,
        purpose,
        end: tails_end,
        weak: v.word == "看了",
        frame: subject_end < v.at,
    })
}

/// The chars before a verb searched for `先后`, `依次`, `陆续` (a series of
/// stops).
const MAX_SERIES_LEAD: usize = 4;

/// The places governed after verb `v` and where they end. Going to a
/// place to attend something there (`赴某市参加…推介会`) is a visit of it.
fn places_after_verb(
    doc: &Doc<'_>,
    sent_start: usize,
    sent_end: usize,
    v: &Verb<'_>,
) -> (Vec<usize>, usize) {
    let lead = doc.back(v.at, MAX_SERIES_LEAD).max(sent_start);
    let series = doc.trigger_within(lead, v.at, T::Series);
    tails_after(doc, v.end, sent_end, sent_start, series)
}

/// The most chars after the places of `来` before its purpose
/// (`来某镇调研`).
const MAX_LAI_PURPOSE_GAP: usize = 3;

/// True when `来` is a visit: a place at once, then what for (`来某镇调研`,
/// `来某市开展…活动`),
/// or the host's own place, named by `我` or a one-character abbreviation
/// (`来我县开展…`, `来潍考察`), which is no tail, but the visitors still
/// travel as a group.
fn lai_is_visit(
    doc: &Doc<'_>,
    sent_end: usize,
    v: &Verb<'_>,
    tails: &[usize],
    tails_end: usize,
) -> bool {
    let ok = !tails.is_empty()
        && doc
            .positions(
                tails_end,
                doc.fwd(tails_end, MAX_LAI_PURPOSE_GAP).min(sent_end),
            )
            .any(|q| doc.trigger_at(q, T::Purpose).is_some() || doc.at(q, "开展"));
    let to_host = tails.is_empty()
        && doc
            .positions(
                doc.next(v.end),
                doc.fwd(v.end, MAX_HOST_WORD + 1).min(sent_end),
            )
            .any(|q| doc.trigger_at(q, T::Purpose).is_some() || doc.at(q, "开展"));
    ok || to_host
}

/// Places that stand before an inspection verb: `在某地视察时`,
/// `就某地…进行调研` when it governs none, and `在A村调研了B项目` (the
/// place the verb stands in is visited too). Returns where the frame
/// starts: the subject ends there.
fn add_frame_places(
    doc: &Doc<'_>,
    sent_start: usize,
    v: &Verb<'_>,
    tails: &mut Vec<usize>,
    tails_end: &mut usize,
) -> Option<usize> {
    if v.motion {
        return None;
    }
    let p = v.at;
    if tails.is_empty() {
        let (frame_start, found) = frame_before(doc, sent_start, p)?;
        *tails = found;
        *tails_end = p;
        return Some(frame_start);
    }
    let (frame_start, found) = frame_before(doc, sent_start, p).filter(|(_, f)| {
        f.last()
            .is_some_and(|&t| !doc.longer_than(doc.mentions[t].span.end, p, MAX_FRAME_GAP))
    })?;
    let mut all = found;
    all.extend(
        tails
            .iter()
            .filter(|t| !all.contains(t))
            .copied()
            .collect::<Vec<_>>(),
    );
    *tails = all;
    Some(frame_start)
}

/// The longest word for the host's place after `来` (`我县`, `潍`).
pub(super) const MAX_HOST_WORD: usize = 2;

/// True when the verb at `p` is what participants or companions join
/// (`参加调研`, `陪同考察`), also as the second half of a compound verb
/// (`参加考察调研`).
pub(super) fn joins_visit(doc: &Doc<'_>, p: usize) -> bool {
    let joined_at = |q: usize| doc.trigger_ends_at(q, T::Join) || doc.ends_at(q, "陪同");
    joined_at(p)
        || (2..=3).any(|n| {
            let q = doc.back(p, n);
            doc.count(q, p) == n
                && doc
                    .trigger_at(q, T::VisitInspect)
                    .is_some_and(|len| q + len == p)
                && joined_at(q)
        })
}

/// The most characters between a frame's place and a verb that has places
/// of its own (`在A村实地调研了B`).
pub(super) const MAX_FRAME_GAP: usize = 4;

/// Places between `在`, `就` or `对` and an inspection verb in the same
/// clause: `在某中心视察时`, `就某街道…进行调研`, `对某公司…进行检查`.
/// Returns where the frame starts.
pub(super) fn frame_before(
    doc: &Doc<'_>,
    sent_start: usize,
    verb: usize,
) -> Option<(usize, Vec<usize>)> {
    for (q, c) in doc.chars_in(sent_start, verb).rev() {
        if matches!(c, ',' | '\u{FF0C}' | ';' | ':' | '\u{FF1A}') {
            return None;
        }
        if matches!(c, '在' | '就' | '对') && doc.mention_covering(q).is_none() {
            if c != '在'
                && !(doc.ends_at(verb, "进行")
                    || doc.ends_at(verb, "进行了")
                    || doc.ends_at(verb, "开展"))
            {
                return None;
            }
            let tails: Vec<usize> = doc
                .mentions_in(doc.next(q), verb)
                .filter(|&i| {
                    is_tail_kind(doc.mentions[i].kind)
                        && !doc.in_parens(sent_start, doc.mentions[i].span.start)
                })
                .collect();
            if tails.is_empty() {
                return None;
            }
            // `在某地考察`: the places come at once.
            if c == '在' && doc.mentions[tails[0]].span.start != doc.next(q) {
                return None;
            }
            return Some((q, drop_end_points(doc, tails, sent_start)));
        }
    }
    None
}

/// `在某村了解…`, `在某公司听取…汇报`: a verb that is a visit only after a
/// frame of place (`trigger.visit-frame`) at `p`.
pub(super) fn frame_verb_clause(doc: &Doc<'_>, si: usize, p: usize) -> Option<Clause> {
    doc.trigger_at(p, T::VisitFrame)?;
    let s = doc.sentences[si];
    let (frame_start, tails) = frame_before(doc, s.start, p)?;
    // `在某镇政府会议室听取汇报`: a meeting held in a body's room is no
    // visit to the body.
    let in_meeting_room = doc.text(frame_start, p).contains(MEETING_ROOM);
    (doc.char_at(frame_start) == Some('在') && !in_meeting_room).then_some(Clause {
        subject: (s.start, frame_start),
        tails,
        purpose: None,
        end: p,
        weak: false,
        frame: true,
    })
}

/// What a meeting room is called (`会议室`, `会议中心`).
pub(super) const MEETING_ROOM: &str = "会议";

/// `视察组在某中心`: a caption that says where its subject was, and no
/// more (the places end the sentence).
pub(super) fn caption_frame(doc: &Doc<'_>, si: usize) -> Option<Clause> {
    let s = doc.sentences[si];
    let (last, _) = doc
        .chars_in(s.start, s.end)
        .rev()
        .find(|&(_, c)| !c.is_whitespace() && !matches!(c, '。' | ')' | '\u{FF09}'))?;
    let end = doc.next(last);
    let m = doc.mention_covering(last)?;
    if !is_tail_kind(doc.mentions[m].kind) || doc.mentions[m].span.end != end {
        return None;
    }
    let (o, oc) = doc
        .chars_in(s.start, doc.mentions[m].span.start)
        .rev()
        .find(|&(k, c)| doc.mention_covering(k).is_none() && !c.is_whitespace())?;
    if oc != '在' || o == s.start {
        return None;
    }
    Some(Clause {
        subject: (s.start, o),
        tails: vec![m],
        purpose: None,
        end,
        weak: false,
        frame: true,
    })
}

/// `在A、B…项目现场,王区长…`: places of a site, visited by the subject of
/// the next clause.
pub(super) fn site_frames(doc: &Doc<'_>, si: usize) -> Vec<Clause> {
    let s = doc.sentences[si];
    let mut out = Vec::new();
    for p in doc.find_all(s.start, s.end, &ON_SITE_FINDER) {
        if doc.mention_covering(p).is_none() {
            let mut open = None;
            for (q, c) in doc.chars_in(s.start, p).rev() {
                if matches!(c, ',' | '\u{FF0C}' | ';') {
                    break;
                }
                if c == '在' && opens_site_frame(doc, q, p) {
                    open = Some(q);
                    break;
                }
            }
            let after = doc.past(p, ON_SITE);
            if let Some(o) = open
                && matches!(doc.char_at(after), Some(',' | '\u{FF0C}'))
            {
                let tails: Vec<usize> = doc
                    .mentions_in(doc.next(o), p)
                    .filter(|&i| is_tail_kind(doc.mentions[i].kind))
                    .collect();
                // The subject opens the next clause, before its verb.
                let subject_start = doc.next(after);
                let next_break = subject_end_after_frame(doc, subject_start, s.end);
                if !tails.is_empty() {
                    out.push(Clause {
                        subject: (subject_start, next_break),
                        tails,
                        purpose: None,
                        end: p,
                        weak: false,
                        frame: true,
                    });
                }
            }
        }
    }
    out.extend(fronted_lists(doc, si));
    out.extend(caption_frame(doc, si));
    out
}

/// The most characters of a modifier between a clause-opening `在` and
/// the first place of its frame (`在我市采煤沉陷区`).
const MAX_FRAME_MODIFIER: usize = 8;

/// True when the `在` at `q` opens the frame of a site ending at `end`: a
/// place or body right after it, or, when the `在` opens its clause, after
/// a short modifier with no verb of the visit in it (`在我市采煤沉陷区某村、
/// 某村…项目现场`).
fn opens_site_frame(doc: &Doc<'_>, q: usize, end: usize) -> bool {
    if doc.mention_at(doc.next(q)).is_some() {
        return true;
    }
    let opens_clause = doc.char_before(q).is_none_or(crate::text::is_clause_break);
    if !opens_clause {
        return false;
    }
    let limit = doc.fwd(q, 1 + MAX_FRAME_MODIFIER).min(end);
    // The modifier runs up to the first break or verb of the visit; the
    // place may start right at it.
    let modifier_end = doc
        .chars_in(doc.next(q), limit)
        .find(|&(j, c)| {
            crate::text::is_clause_break(c)
                || doc.trigger_at(j, T::VisitInspect).is_some()
                || doc.trigger_at(j, T::VisitMotion).is_some()
                || doc.trigger_at(j, T::Barrier).is_some()
        })
        .map_or(limit, |(j, _)| doc.next(j).min(limit));
    doc.positions(doc.fwd(q, 2), modifier_end).any(|k| {
        doc.mention_at(k)
            .is_some_and(|i| is_tail_kind(doc.mentions[i].kind))
    })
}

/// Where the subject of the clause after a fronted frame ends: at its
/// first verb of visiting (`在某村,详细察看了…` has none, and goes on
/// with the visitors told before; `在某村,听取了某某的汇报` names no
/// visitor after the verb), else at the clause's end or a barrier.
fn subject_end_after_frame(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    doc.chars_in(from, end)
        .find(|&(k, c)| {
            matches!(c, ',' | '\u{FF0C}' | ';')
                || doc.trigger_at(k, T::Barrier).is_some()
                || doc.trigger_at(k, T::VisitInspect).is_some()
                || doc.trigger_at(k, T::VisitFrame).is_some()
        })
        .map_or(end, |(k, _)| k)
}

/// `在A、B、C等地,考察团一行…`: a list of places opened by `在` at the head
/// of a clause and closed by a comma (after `等` and a word for them, if
/// any), visited by the subject of the next clause.
pub(super) fn fronted_lists(doc: &Doc<'_>, si: usize) -> Vec<Clause> {
    let s = doc.sentences[si];
    let mut out = Vec::new();
    for o in doc.find_all(s.start, s.end, &AT_FINDER) {
        if doc.mention_covering(o).is_some() {
            continue;
        }
        let head_of_clause = o == s.start
            || matches!(
                doc.char_before(o),
                Some(',' | '\u{FF0C}' | ';' | '\u{FF1B}')
            )
            || doc
                .mention_covering(doc.prev(o))
                .is_some_and(|m| doc.mentions[m].kind == EntityKind::Date);
        let Some(first) = doc.mention_at(doc.next(o)) else {
            continue;
        };
        if !head_of_clause || !is_tail_kind(doc.mentions[first].kind) {
            continue;
        }
        let Some((tails, pos)) = fronted_items(doc, doc.next(o), s.end) else {
            continue;
        };
        let after = doc.next(pos);
        let next_break = subject_end_after_frame(doc, after, s.end);
        out.push(Clause {
            subject: (after, next_break),
            tails,
            purpose: None,
            end: pos,
            weak: false,
            frame: true,
        });
    }
    out
}

/// The items of a fronted list from `from` (`A、B、某某公司、C等地,`): the
/// names that are whole items, and where the comma closing the list
/// stands. Items the recognisers did not name may stand between (short
/// pieces without a break); a list that is no list of whole names (`在A的
/// B,`) gives nothing.
pub(super) fn fronted_items(
    doc: &Doc<'_>,
    from: usize,
    limit: usize,
) -> Option<(Vec<usize>, usize)> {
    let (comma, cc) = doc.chars_in(from, limit).find(|&(_, c)| {
        matches!(
            c,
            ',' | '\u{FF0C}' | ';' | '\u{FF1B}' | '。' | ':' | '\u{FF1A}'
        )
    })?;
    if !matches!(cc, ',' | '\u{FF0C}') {
        return None;
    }
    // `…等地,`: the list ends at `等` and a short word for its items.
    let list_end = doc
        .chars_in(doc.back(comma, MAX_DENG_WORD + 1).max(from), comma)
        .find(|&(k, c)| c == '等' && doc.mention_covering(k).is_none())
        .map_or(comma, |(k, _)| k);
    let mut tails = Vec::new();
    let mut start = from;
    while start < list_end {
        let end = doc
            .chars_in(start, list_end)
            .find(|&(k, c)| {
                (c == '、' || crate::lexicon::is_conjunction(c))
                    && doc.mention_covering(k).is_none()
            })
            .map_or(list_end, |(k, _)| k);
        // `A以及B`: the item ends before `以`.
        let item_end = if doc.char_at(end) == Some('及')
            && doc.longer_than(start, end, 1)
            && doc.char_before(end) == Some('以')
        {
            doc.prev(end)
        } else {
            end
        };
        match doc
            .mention_at(start)
            .filter(|&m| doc.mentions[m].span.end == item_end)
        {
            Some(m) if is_tail_kind(doc.mentions[m].kind) => tails.push(m),
            Some(_) => return None,
            None if tails.is_empty()
                || !doc.longer_than(start, item_end, 1)
                || doc.longer_than(start, item_end, MAX_UNNAMED_ITEM) =>
            {
                return None;
            }
            None => {}
        }
        start = doc.next(end);
    }
    (!tails.is_empty()).then_some((tails, comma))
}
