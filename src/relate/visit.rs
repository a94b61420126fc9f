//! VISIT: a person or a delegation went to a place, body or plot.
//!
//! A visit clause is a trigger with the places it governs:
//! - a motion verb before them: `来到`, `到`, `赴`, `前往`, `抵达`, `莅临`,
//!   `走进`, `深入`, `来` (`来某镇调研`);
//! - an inspection verb before them: `调研`, `考察`, `视察`, `督查`,
//!   `检查`, `察看`, `查看`, `参观`, `走访`, … (`督查了`, `实地考察`);
//! - a frame around them: `在某地视察时`, `就某地…进行调研`,
//!   `在某地、某地…现场,王区长…`.
//!
//! Coordinated places (`A、B、C`, `A和B`, `A与B`, `A,B…等处`) are all
//! visited, also when the list opens with items that are no names
//! (`察看了某基地、某村…`); the list ends at a verb, another kind of mention
//! or a comma not closed by `等`. The end points of a road (`A至B公路`),
//! remarks in brackets and elliptical sections (`C 区`) are not visited.
//! A journey to a meeting (`前往北京参加…大会`) or a transfer (`调到`) is no
//! visit, nor is a verb inside a noun (`督查室`, `调研组`).
//!
//! Who visited comes from the subject before the trigger: the persons named
//! there (`甲,乙一行`, `甲率乙代表团`, `甲带领…丙`; after `感谢`, `陪同`
//! and other words that make the persons before them hosts), a named
//! delegation, a surname with a post standing for the only person of that
//! surname (`习总书记`, `周区长`), a back reference to the article's current
//! group (`一行`, `代表团`, `调研组`, `王某一行`), or, for a clause without a
//! subject that follows a visit (`随后,走访了…`, `他还来到…`), the visitors
//! of that visit. Persons who go `分别` lead groups of their own. Named participants
//! (`乙参加调研`, `…还有丙`) join the current group, and a group first
//! called by a generic noun (`率工作考察团`) takes the full name the article
//! gives it later (`某市工作考察团`). A visitor's own division (a leader of a
//! city studying that city) is no visit.

use super::article::{division_level, divisions_in_name, full_of_short};
use super::leads::orgs_by_person;
use super::{Doc, Found};
use crate::lexicon::LexClass;
use crate::lexicon::Trigger as T;
use crate::recognise::group::{GROUP_WORDS, is_generic_group, is_group_name};
use crate::rules::Rule;
use crate::span::EntityKind;
use hashbrown::HashMap;

/// A visiting group: the persons and delegations that travel together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// The article it belongs to.
    pub art: usize,
    /// Member mentions (persons and delegations), one per name.
    pub members: Vec<usize>,
    /// Generic nouns it was called by (`工作考察团`).
    pub nouns: Vec<String>,
    /// The date of its first visit.
    pub date: Option<String>,
    /// Guests of the article's own place (`来我县调研`): its host's
    /// officials who take part are hosts, not members.
    pub guest: bool,
}

/// The groups of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Groups {
    /// Every group.
    pub list: Vec<Group>,
    /// For each sentence: the current group of its article once the sentence
    /// is read.
    pub current: Vec<Option<usize>>,
}

/// What [`find`] returns.
pub(crate) struct Visits {
    /// VISIT relations.
    pub relations: Vec<Found>,
    /// The visiting groups, for ACCOMPANY.
    pub groups: Groups,
}

/// Who made a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Heads {
    /// A group (its final members).
    Group(usize),
    /// These persons only.
    Explicit(Vec<usize>),
}

#[derive(Debug, Clone)]
struct Event {
    heads: Heads,
    tails: Vec<usize>,
    sentence: usize,
    date: Option<String>,
    purpose: Option<String>,
    /// Where the clause's places end.
    end: usize,
    /// The rule that read it.
    rule: Rule,
}

/// A visit clause: where its subject lies and what it governs.
#[derive(Debug, Clone)]
struct Clause {
    /// The subject is read in `subject.0..subject.1`.
    subject: (usize, usize),
    tails: Vec<usize>,
    purpose: Option<String>,
    /// Where the clause's places end.
    end: usize,
    /// A weak trigger (`看了`) only continues a visit of its sentence.
    weak: bool,
    /// The places stand before the verb (`在某地考察`, `在A,甲察看…`).
    frame: bool,
}

/// What the subject of a clause names.
#[derive(Debug, Clone, Default)]
struct Subject {
    persons: Vec<usize>,
    orgs: Vec<usize>,
    nouns: Vec<String>,
    marker: bool,
    backref: bool,
    /// `分别`: each person on their own.
    separately: bool,
    /// `他`, `她`: the visitor told before.
    pronoun: bool,
}

fn is_tail_kind(k: EntityKind) -> bool {
    matches!(k, EntityKind::Place | EntityKind::Org | EntityKind::Plot)
}

/// An elliptical section (`C 区`, `3期`): it stands for a part of a place
/// named before, so it is not visited in its own name.
fn is_bare_section(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    ["区", "期", "栋", "号楼"].iter().any(|s| {
        t.strip_suffix(s)
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric()))
    })
}

impl Doc<'_> {
    /// Chars covered by a mention.
    fn covered(&self) -> Vec<bool> {
        let mut c = vec![false; self.chars.len()];
        for m in &self.mentions {
            for x in &mut c[m.start..m.end] {
                *x = true;
            }
        }
        c
    }

    /// The first DATE of sentence `si` that names a month or a day.
    fn sentence_date(&self, si: usize) -> Option<String> {
        let s = self.sentences.get(si)?;
        self.mentions_in(s.start, s.end)
            .map(|i| &self.mentions[i])
            .find(|m| {
                m.kind == EntityKind::Date && (m.text.contains('月') || m.text.contains('日'))
            })
            .map(|m| m.text.clone())
    }

    /// The date of the lead sentence of the paragraph that holds `si`.
    fn paragraph_date(&self, si: usize) -> Option<String> {
        let para = self.sentences.get(si)?.para;
        let lead = self.sentences.iter().position(|s| s.para == para)?;
        self.sentence_date(lead)
    }
}

/// Places governed from `from` on: the first must follow at once (after
/// `了` or `过`, or `位于`); more follow joined by `、`, `和`, `与`, `及`, or commas that
/// go on with a place, up to the end of the clause.
///
/// After `先后`, `依次` (a series of stops) the list also runs over commas
/// that open a place at once (`先后来到A,B,C、D检查`).
fn tails_after(
    doc: &Doc<'_>,
    from: usize,
    limit: usize,
    sent_start: usize,
    series: bool,
) -> (Vec<usize>, usize) {
    let mut p = from;
    while p < limit
        && (matches!(doc.chars[p], '了' | '过') || doc.chars[p].is_whitespace())
        && p < from + 2
    {
        p += 1;
    }
    // `来到位于A的B、C`: the place the stops lie in is visited with them.
    if doc.at(p, "位于") {
        p += 2;
    }
    let Some(first) = doc.mention_at(p).or_else(|| later_item(doc, p, limit)) else {
        return (Vec::new(), from);
    };
    if !is_tail_kind(doc.mentions[first].kind) || doc.mentions[first].end > limit {
        return (Vec::new(), from);
    }
    let mut tails = vec![first];
    let mut end = doc.mentions[first].end;
    let mut pos = end;
    let mut idx = first + 1;
    // Places before the first comma crossed, and where they end.
    let mut before_comma: Option<(usize, usize)> = None;
    while idx < doc.mentions.len() {
        let m = &doc.mentions[idx];
        if m.start < pos {
            idx += 1;
            continue;
        }
        if m.end > limit {
            break;
        }
        let between = doc.text(pos, m.start);
        if between.chars().count() > 30 {
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
        if !is_tail_kind(m.kind) {
            break;
        }
        // Items are joined by a separator, or a few words describe the next
        // place (`某县省级示范村某村`); a verb ends the list.
        let joined = between.trim().is_empty()
            || between.contains(['、', '和', '与', '及', '或', ',', '\u{FF0C}']);
        let descriptor =
            between.chars().count() <= 10 && !doc.trigger_within(pos, m.start, T::LinkVerb);
        if !joined && !descriptor {
            break;
        }
        if !doc.in_parens(sent_start, m.start) {
            tails.push(idx);
        }
        end = m.end;
        pos = m.end;
        idx += 1;
    }
    // A list runs on over commas only when it closes with `等` (`A,B…等处`).
    if let Some((k, e)) = before_comma.filter(|_| !series) {
        let close = (end..limit)
            .find(|&q| matches!(doc.chars[q], ',' | '\u{FF0C}' | ';' | '。'))
            .unwrap_or(limit);
        if !doc.text(end, close).contains('等') {
            tails.truncate(k);
            end = e;
        }
    }
    let tails = drop_end_points(doc, tails, sent_start);
    (tails, end)
}

/// The first mention of a list whose first items are no entities
/// (`察看了某某基地、某村美丽乡村、赖邦村…`): it opens a later item of the
/// list, in the same clause.
fn later_item(doc: &Doc<'_>, from: usize, limit: usize) -> Option<usize> {
    let m = doc.mentions.partition_point(|m| m.start < from);
    if doc.mentions.get(m)?.start >= limit {
        return None;
    }
    let start = doc.mentions[m].start;
    let between = doc.text(from, start);
    let clause_break = between.contains([',', '\u{FF0C}', ';', ':', '\u{FF1A}', '。']);
    let opens_item = matches!(doc.chars[start - 1], '、' | '和' | '及' | '与');
    let first_item = between.split('、').next().unwrap_or("").chars().count();
    (!clause_break
        && between.contains('、')
        && opens_item
        && first_item >= 2
        && between.chars().count() <= 40)
        .then_some(m)
}

/// Drops the end points of a stretch `A(…)至B(…)` (a road inspected, not
/// its ends) and remarks in brackets. A road named before the stretch
/// (`某公路甲地至乙地段`) stays.
fn drop_end_points(doc: &Doc<'_>, tails: Vec<usize>, sent_start: usize) -> Vec<usize> {
    let tails: Vec<usize> = tails
        .into_iter()
        .filter(|&t| !doc.in_parens(sent_start, doc.mentions[t].start))
        .collect();
    // The text of `a..b` without bracketed remarks.
    let plain = |a: usize, b: usize| -> String {
        let mut depth = 0i32;
        let mut out = String::new();
        for &c in &doc.chars[a.min(b)..b] {
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
    let road = |t: &str| {
        ["线", "路", "道", "街", "高速"]
            .iter()
            .any(|w| t.ends_with(w))
    };
    let n = doc.chars.len();
    tails
        .iter()
        .enumerate()
        .filter(|&(k, &t)| {
            let m = &doc.mentions[t];
            let next = tails
                .get(k + 1)
                .map_or((m.end + 12).min(n), |&x| doc.mentions[x].start);
            let after = plain(m.end, next.max(m.end));
            if let Some(i) = to_at(&after, false)
                && !is_sep(&after[..i])
                && !(road(&m.text) && i > 0)
            {
                return false;
            }
            if k > 0 {
                let before = plain(doc.mentions[tails[k - 1]].end, m.start);
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
fn purpose_after(doc: &Doc<'_>, from: usize, limit: usize) -> Option<String> {
    let mut p = from;
    while p < limit {
        let c = doc.chars[p];
        if matches!(c, '。' | ';' | '\u{FF1B}') {
            return None;
        }
        if let Some(n) = doc.trigger_at(p, T::Purpose) {
            return Some(doc.text(p, p + n).to_string());
        }
        p += 1;
    }
    None
}

/// The purpose an inspection verb gives (`交流考察`, `调研考察`, `督查`).
fn purpose_of_verb(doc: &Doc<'_>, start: usize, word: &str) -> Option<String> {
    if word == "看了" {
        return None;
    }
    if doc.ends_at(start, "交流") {
        return Some(format!("交流{word}"));
    }
    let end = start + word.chars().count();
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

/// The visit clauses of sentence `si`, in text order.
fn clauses(doc: &Doc<'_>, si: usize, covered: &[bool]) -> Vec<Clause> {
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
            p += 1;
            continue;
        }
        let motion = doc
            .trigger_at(p, T::VisitMotion)
            .map(|n| doc.text(p, p + n));
        let inspect = doc
            .trigger_at(p, T::VisitInspect)
            .map(|n| doc.text(p, p + n));
        let (word, is_motion) = match (motion, inspect) {
            (Some(m), Some(i)) if i.len() > m.len() => (i, false),
            (Some(m), _) => (m, true),
            (None, Some(i)) => (i, false),
            (None, None) => {
                if let Some(c) = frame_verb_clause(doc, si, p) {
                    out.push(c);
                }
                p += 1;
                continue;
            }
        };
        let n = word.chars().count();
        let end = p + n;
        // The verb must not run into a mention.
        if (p..end).any(|i| covered[i]) {
            p += 1;
            continue;
        }
        let prev = if p > s.start {
            Some(doc.chars[p - 1])
        } else {
            None
        };
        let next = doc.chars.get(end).copied();
        let joined = joins_visit(doc, p);
        // `督查室`, `调研组`, `考察团`: the verb names a body or a post.
        let noun = !is_motion && next.is_some_and(|c| "室组团员办处科队".contains(c));
        let skip = joined
            || noun
            || match word {
                "到" => {
                    prev.is_some_and(|c| {
                        "得受达做提遇感收报迟签找回拿送搬转落看想直等遭来调派分".contains(c)
                    }) || next.is_some_and(|c| "位底期会场岗处来".contains(c))
                        || doc.text(s.start, p).contains('从')
                }
                // `在乙的陪同下来某镇调研`: `下来` after a frame of companions
                // is `来`.
                "来" => {
                    prev.is_some_and(|c| {
                        "以未带起出过后本原从近向历将回看说上下进归年外".contains(c)
                    }) && !doc.ends_at(p, "陪同下")
                }
                // `观看了某镇宣传片`: watching a film or a show is no visit.
                "看了" => prev.is_some_and(|c| "观收".contains(c)),
                _ => false,
            };
        if skip {
            p = end;
            continue;
        }
        let series = ["先后", "依次", "陆续"]
            .iter()
            .any(|w| doc.text(p.saturating_sub(4).max(s.start), p).contains(w));
        let (mut tails, mut tails_end) = tails_after(doc, end, s.end, s.start, series);
        // `前往北京参加…大会`: going to a meeting is no visit.
        if is_motion && doc.trigger_at(tails_end, T::Attend).is_some() {
            tails.clear();
            tails_end = end;
        }
        let mut subject_end = p;
        let mut purpose = if is_motion {
            purpose_after(doc, tails_end, s.end)
        } else {
            purpose_of_verb(doc, p, word)
        };
        if word == "来" {
            // `来某镇调研`: a place at once, then what for.
            let ok = !tails.is_empty()
                && (tails_end..(tails_end + 3).min(s.end))
                    .any(|q| doc.trigger_at(q, T::Purpose).is_some());
            // `来我县开展…`, `来潍考察`: the host's own place, named by
            // `我` or a one-character abbreviation, is no tail, but the
            // visitors still travel as a group.
            let to_host = tails.is_empty()
                && (end + 1..(end + MAX_HOST_WORD + 1).min(s.end))
                    .any(|q| doc.trigger_at(q, T::Purpose).is_some() || doc.at(q, "开展"));
            if !ok && !to_host {
                p = end;
                continue;
            }
        }
        if tails.is_empty() && !is_motion {
            // `在某地视察时`, `就某地…进行调研`: places before the verb.
            if let Some((frame_start, found)) = frame_before(doc, s.start, p) {
                tails = found;
                tails_end = p;
                subject_end = frame_start;
            }
        } else if !is_motion
            && let Some((frame_start, found)) = frame_before(doc, s.start, p).filter(|(_, f)| {
                f.last()
                    .is_some_and(|&t| p - doc.mentions[t].end <= MAX_FRAME_GAP)
            })
        {
            // `在A村调研了B项目`: the place the verb stands in is visited too.
            let mut all = found;
            all.extend(
                tails
                    .iter()
                    .filter(|t| !all.contains(t))
                    .copied()
                    .collect::<Vec<_>>(),
            );
            tails = all;
            subject_end = frame_start;
        }
        if tails.is_empty() {
            // A clause with no place still tells who travels (`某某带队调研`).
            out.push(Clause {
                subject: (s.start, p),
                tails,
                purpose,
                end: p,
                weak: word == "看了",
                frame: false,
            });
            p = end;
            continue;
        }
        if purpose.is_none() && is_motion {
            purpose = purpose_after(doc, tails_end, s.end);
        }
        out.push(Clause {
            subject: (s.start, subject_end),
            tails,
            purpose,
            end: tails_end,
            weak: word == "看了",
            frame: subject_end < p,
        });
        p = end;
    }
    out.extend(site_frames(doc, si));
    out.sort_by_key(|c| c.end);
    out
}

/// The longest word for the host's place after `来` (`我县`, `潍`).
const MAX_HOST_WORD: usize = 2;

/// True when the verb at `p` is what participants or companions join
/// (`参加调研`, `陪同考察`), also as the second half of a compound verb
/// (`参加考察调研`).
fn joins_visit(doc: &Doc<'_>, p: usize) -> bool {
    let joined_at = |q: usize| doc.trigger_ends_at(q, T::Join) || doc.ends_at(q, "陪同");
    joined_at(p)
        || (2..=3).any(|n| {
            p >= n && doc.trigger_at(p - n, T::VisitInspect) == Some(n) && joined_at(p - n)
        })
}

/// The most characters between a frame's place and a verb that has places
/// of its own (`在A村实地调研了B`).
const MAX_FRAME_GAP: usize = 4;

/// Places between `在`, `就` or `对` and an inspection verb in the same
/// clause: `在某中心视察时`, `就某街道…进行调研`, `对某公司…进行检查`.
/// Returns where the frame starts.
fn frame_before(doc: &Doc<'_>, sent_start: usize, verb: usize) -> Option<(usize, Vec<usize>)> {
    let mut q = verb;
    while q > sent_start {
        q -= 1;
        let c = doc.chars[q];
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
                .mentions_in(q + 1, verb)
                .filter(|&i| {
                    is_tail_kind(doc.mentions[i].kind)
                        && !doc.in_parens(sent_start, doc.mentions[i].start)
                })
                .collect();
            if tails.is_empty() {
                return None;
            }
            // `在某地考察`: the places come at once.
            if c == '在' && doc.mentions[tails[0]].start != q + 1 {
                return None;
            }
            return Some((q, drop_end_points(doc, tails, sent_start)));
        }
    }
    None
}

/// `在某村了解…`, `在某公司听取…汇报`: a verb that is a visit only after a
/// frame of place (`trigger.visit-frame`) at `p`.
fn frame_verb_clause(doc: &Doc<'_>, si: usize, p: usize) -> Option<Clause> {
    doc.trigger_at(p, T::VisitFrame)?;
    let s = doc.sentences[si];
    let (frame_start, tails) = frame_before(doc, s.start, p)?;
    // `在某镇政府会议室听取汇报`: a meeting held in a body's room is no
    // visit to the body.
    let in_meeting_room = doc.text(frame_start, p).contains(MEETING_ROOM);
    (doc.chars[frame_start] == '在' && !in_meeting_room).then_some(Clause {
        subject: (s.start, frame_start),
        tails,
        purpose: None,
        end: p,
        weak: false,
        frame: true,
    })
}

/// What a meeting room is called (`会议室`, `会议中心`).
const MEETING_ROOM: &str = "会议";

/// `视察组在某中心`: a caption that says where its subject was, and no
/// more (the places end the sentence).
fn caption_frame(doc: &Doc<'_>, si: usize) -> Option<Clause> {
    let s = doc.sentences[si];
    let last = (s.start..s.end).rev().find(|&k| {
        !doc.chars[k].is_whitespace() && !matches!(doc.chars[k], '。' | ')' | '\u{FF09}')
    })?;
    let m = doc.mention_covering(last)?;
    if !is_tail_kind(doc.mentions[m].kind) || doc.mentions[m].end != last + 1 {
        return None;
    }
    let o = (s.start..doc.mentions[m].start)
        .rev()
        .find(|&k| doc.mention_covering(k).is_none() && !doc.chars[k].is_whitespace())?;
    if doc.chars[o] != '在' || o == s.start {
        return None;
    }
    Some(Clause {
        subject: (s.start, o),
        tails: vec![m],
        purpose: None,
        end: last + 1,
        weak: false,
        frame: true,
    })
}

/// `在A、B…项目现场,王区长…`: places of a site, visited by the subject of
/// the next clause.
fn site_frames(doc: &Doc<'_>, si: usize) -> Vec<Clause> {
    let s = doc.sentences[si];
    let mut out = Vec::new();
    let mut p = s.start;
    while p + 1 < s.end {
        if doc.chars[p] == '现' && doc.at(p, "现场") && doc.mention_covering(p).is_none() {
            let mut q = p;
            let mut open = None;
            while q > s.start {
                q -= 1;
                if matches!(doc.chars[q], ',' | '\u{FF0C}' | ';') {
                    break;
                }
                if doc.chars[q] == '在' && doc.mention_at(q + 1).is_some() {
                    open = Some(q);
                    break;
                }
            }
            let after = p + 2;
            if let Some(o) = open
                && matches!(doc.chars.get(after), Some(',' | '\u{FF0C}'))
            {
                let tails: Vec<usize> = doc
                    .mentions_in(o + 1, p)
                    .filter(|&i| is_tail_kind(doc.mentions[i].kind))
                    .collect();
                // The subject opens the next clause, before its verb.
                let next_break = (after + 1..s.end)
                    .find(|&k| {
                        matches!(doc.chars[k], ',' | '\u{FF0C}' | ';')
                            || doc.trigger_at(k, T::Barrier).is_some()
                    })
                    .unwrap_or(s.end);
                if !tails.is_empty() {
                    out.push(Clause {
                        subject: (after + 1, next_break),
                        tails,
                        purpose: None,
                        end: p,
                        weak: false,
                        frame: true,
                    });
                }
            }
        }
        p += 1;
    }
    out.extend(fronted_lists(doc, si));
    out.extend(caption_frame(doc, si));
    out
}

/// `在A、B、C等地,考察团一行…`: a list of places opened by `在` at the head
/// of a clause and closed by a comma (after `等` and a word for them, if
/// any), visited by the subject of the next clause.
fn fronted_lists(doc: &Doc<'_>, si: usize) -> Vec<Clause> {
    let s = doc.sentences[si];
    let mut out = Vec::new();
    for o in s.start..s.end {
        if doc.chars[o] != '在' || doc.mention_covering(o).is_some() {
            continue;
        }
        let head_of_clause = o == s.start
            || matches!(doc.chars[o - 1], ',' | '\u{FF0C}' | ';' | '\u{FF1B}')
            || doc
                .mention_covering(o - 1)
                .is_some_and(|m| doc.mentions[m].kind == EntityKind::Date);
        let Some(first) = doc.mention_at(o + 1) else {
            continue;
        };
        if !head_of_clause || !is_tail_kind(doc.mentions[first].kind) {
            continue;
        }
        let Some((tails, pos)) = fronted_items(doc, o + 1, s.end) else {
            continue;
        };
        let after = pos + 1;
        let next_break = (after..s.end)
            .find(|&k| {
                matches!(doc.chars[k], ',' | '\u{FF0C}' | ';')
                    || doc.trigger_at(k, T::Barrier).is_some()
            })
            .unwrap_or(s.end);
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
fn fronted_items(doc: &Doc<'_>, from: usize, limit: usize) -> Option<(Vec<usize>, usize)> {
    let comma = (from..limit).find(|&k| {
        matches!(
            doc.chars[k],
            ',' | '\u{FF0C}' | ';' | '\u{FF1B}' | '。' | ':' | '\u{FF1A}'
        )
    })?;
    if !matches!(doc.chars[comma], ',' | '\u{FF0C}') {
        return None;
    }
    // `…等地,`: the list ends at `等` and a short word for its items.
    let list_end = (comma.saturating_sub(MAX_DENG_WORD + 1).max(from)..comma)
        .find(|&k| doc.chars[k] == '等' && doc.mention_covering(k).is_none())
        .unwrap_or(comma);
    let mut tails = Vec::new();
    let mut start = from;
    while start < list_end {
        let end = (start..list_end)
            .find(|&k| {
                matches!(doc.chars[k], '、' | '和' | '及' | '与')
                    && doc.mention_covering(k).is_none()
            })
            .unwrap_or(list_end);
        // `A以及B`: the item ends before `以`.
        let item_end =
            if doc.chars.get(end) == Some(&'及') && end > start + 1 && doc.chars[end - 1] == '以'
            {
                end - 1
            } else {
                end
            };
        match doc
            .mention_at(start)
            .filter(|&m| doc.mentions[m].end == item_end)
        {
            Some(m) if is_tail_kind(doc.mentions[m].kind) => tails.push(m),
            Some(_) => return None,
            None if tails.is_empty() || !(2..=MAX_UNNAMED_ITEM).contains(&(item_end - start)) => {
                return None;
            }
            None => {}
        }
        start = end + 1;
    }
    (!tails.is_empty()).then_some((tails, comma))
}

/// The longest item of a list that is no mention (a company's full name).
const MAX_UNNAMED_ITEM: usize = 20;

/// The longest word after `等` closing a fronted list (`等地`, `等项目现场`).
const MAX_DENG_WORD: usize = 5;

/// Reads the subject in `a..b` of sentence `si`.
fn subject(doc: &Doc<'_>, si: usize, a: usize, b: usize, covered: &[bool]) -> Subject {
    let s = doc.sentences[si];
    // Start after the last barrier.
    let mut start = a;
    // `在乙等人陪同下`: the companions, inside the frame, are no visitors.
    let mut companions: Vec<(usize, usize)> = Vec::new();
    for (q, &cov) in covered.iter().enumerate().take(b).skip(a) {
        if !cov && let Some(n) = doc.trigger_at(q, T::Barrier) {
            // `在某某(的)陪同下`: the persons before are still the visitors.
            if doc.at(q + n, "下") {
                if let Some(o) = companion_frame(doc, start, q) {
                    companions.push((o, q + n));
                }
            } else {
                start = start.max(q + n);
            }
        }
    }
    let mut out = Subject::default();
    for i in doc.mentions_in(start, b) {
        let m = &doc.mentions[i];
        if doc.in_parens(s.start, m.start)
            || companions.iter().any(|&(o, e)| (o..e).contains(&m.start))
        {
            continue;
        }
        match m.kind {
            // `记者某某报道:…`: the reporter is no visitor.
            EntityKind::Person if doc.trigger_ends_at(m.start, T::Byline) => {}
            EntityKind::Person => out.persons.push(i),
            EntityKind::Org if is_group_name(&m.text) => {
                if is_generic_group(&m.text) {
                    out.nouns.push(m.text.clone());
                } else {
                    out.orgs.push(i);
                }
            }
            _ => {}
        }
    }
    // Generic group nouns written outside mentions.
    let mut q = start;
    while q < b {
        if !covered[q] && matches!(doc.chars[q], '团' | '组') {
            let mut k = q;
            loop {
                let before = doc.text(start, k);
                match GROUP_WORDS.iter().find(|w| before.ends_with(**w)) {
                    Some(w) if (k - w.chars().count()..k).all(|x| !covered[x]) => {
                        k -= w.chars().count()
                    }
                    _ => break,
                }
            }
            if k < q {
                out.nouns.push(doc.text(k, q + 1).to_string());
            }
        }
        q += 1;
    }
    let text = doc.text(start, b);
    out.marker = doc.trigger_within(start, b, T::Group);
    // `甲率乙…分别到A和B`: a leader with his party is one group, whatever
    // the places it splits over.
    out.separately =
        text.contains("分别") && !["率", "带领", "率领"].iter().any(|w| text.contains(w));
    out.pronoun = out.persons.is_empty() && text.contains(['他', '她']);
    out.backref = out.persons.is_empty()
        && out.orgs.is_empty()
        && (text.contains("一行")
            || !out.nouns.is_empty()
            || doc.trigger_within(start, b, T::GroupRef));
    if out.persons.is_empty()
        && out.orgs.is_empty()
        && let Some(p) = alias(doc, start, b, covered)
    {
        out.persons.push(p);
        out.backref = false;
    }
    out
}

/// Where the frame `在…陪同下` whose verb stands at `verb` opens: the last
/// `在` of its clause before the verb.
fn companion_frame(doc: &Doc<'_>, from: usize, verb: usize) -> Option<usize> {
    (from..verb)
        .rev()
        .take_while(|&q| !matches!(doc.chars[q], ',' | '\u{FF0C}' | ';' | '。'))
        .find(|&q| doc.chars[q] == '在' && doc.mention_covering(q).is_none())
}

/// `习总书记`, `周区长`: a surname and a post that stand for the only person
/// of the document with that surname.
fn alias(doc: &Doc<'_>, a: usize, b: usize, covered: &[bool]) -> Option<usize> {
    for q in a..b.saturating_sub(1) {
        if covered[q] {
            continue;
        }
        let Some(&Some(first)) = doc.by_initial.get(&doc.chars[q]) else {
            continue;
        };
        let role = (q + 2..=(q + 5).min(b))
            .rev()
            .any(|e| !covered[e - 1] && doc.lex.is(doc.text(q + 1, e), LexClass::TitleRole));
        if role {
            return Some(first);
        }
    }
    None
}

/// True when the clause has no subject at all: nothing but a date, a time,
/// a frame of place (`在某地`) or a motion verb stands before its verb
/// (`前往某县调研了…`, `在某村察看了…`). Its visitors are the last ones.
fn no_subject(doc: &Doc<'_>, si: usize, a: usize, b: usize, covered: &[bool]) -> bool {
    let s = doc.sentences[si];
    let from = a.max(s.start);
    let bare = (from..b)
        .filter(|&q| {
            !covered[q]
                && !doc.chars[q].is_whitespace()
                && !crate::text::is_clause_break(doc.chars[q])
        })
        .count();
    bare <= MAX_BARE_SUBJECT
        && doc
            .mentions_in(a, b)
            .all(|i| !matches!(doc.mentions[i].kind, EntityKind::Person | EntityKind::Org))
}

/// The most characters outside mentions before the verb of a clause with
/// no subject (`在`, `前往`, `并`).
const MAX_BARE_SUBJECT: usize = 3;

/// True when sentence `si` opens with a word that continues the visit told
/// before (`随后,…`), after a date or time of day.
fn continues(doc: &Doc<'_>, si: usize) -> bool {
    let s = doc.sentences[si];
    let mut p = s.start;
    if let Some(m) = doc.mention_at(p)
        && doc.mentions[m].kind == EntityKind::Date
    {
        p = doc.mentions[m].end;
    }
    for w in ["上午", "下午", "晚上", ",", "\u{FF0C}"] {
        if doc.at(p, w) {
            p += w.chars().count();
        }
    }
    doc.trigger_at(p, T::Sequence).is_some()
}

struct State {
    groups: Vec<Group>,
    events: Vec<Event>,
    latest: Option<usize>,
    /// Mentions that joined a group as participants.
    joined: Vec<usize>,
    /// For each member's text and article: the groups that hold it, in
    /// order (a look-up, not a walk through every group's members: a page
    /// of names without punctuation is one long article).
    holding: HashMap<(usize, String), Vec<usize>>,
}

impl State {
    /// True when group `g` holds a member written as mention `m`.
    fn holds(&self, doc: &Doc<'_>, g: usize, m: usize) -> bool {
        self.holding
            .get(&(self.groups[g].art, doc.mentions[m].text.clone()))
            .is_some_and(|gs| gs.contains(&g))
    }

    fn add(&mut self, doc: &Doc<'_>, g: usize, m: usize) {
        if self.groups[g].members.len() >= MAX_GROUP {
            return;
        }
        let key = (self.groups[g].art, doc.mentions[m].text.clone());
        let gs = self.holding.entry(key).or_default();
        if !gs.contains(&g) {
            gs.push(g);
            self.groups[g].members.push(m);
        }
    }

    /// The latest group of article `art` that holds a member written as `m`.
    fn group_with(&self, doc: &Doc<'_>, art: usize, m: usize) -> Option<usize> {
        self.holding
            .get(&(art, doc.mentions[m].text.clone()))
            .and_then(|gs| gs.last().copied())
    }

    fn new_group(&mut self, art: usize, date: Option<String>) -> usize {
        self.groups.push(Group {
            art,
            members: Vec::new(),
            nouns: Vec::new(),
            date,
            guest: false,
        });
        self.groups.len() - 1
    }
}

/// The most members a visiting group takes: real delegations are a few
/// dozen, and a bound keeps a page of names without punctuation from
/// making relations quadratic in its length.
const MAX_GROUP: usize = 64;

/// Finds the visits of the document; `leads` give each visitor's own
/// divisions.
pub(crate) fn find(doc: &Doc<'_>, leads: &[Found]) -> Visits {
    let covered = doc.covered();
    let mut st = State {
        groups: Vec::new(),
        events: Vec::new(),
        latest: None,
        joined: Vec::new(),
        holding: HashMap::new(),
    };
    let mut current = vec![None; doc.sentences.len()];
    let mut art_of_latest = usize::MAX;
    for (si, &s) in doc.sentences.iter().enumerate() {
        let art = doc.article_of(s.start);
        if art != art_of_latest {
            st.latest = None;
            art_of_latest = art;
        }
        let date = doc.sentence_date(si);
        let mut last_in_sentence: Option<usize> = None;
        // Visits of the sentence no subject names (`某县组织…参观考察A`).
        let mut headless: Vec<Clause> = Vec::new();
        for c in clauses(doc, si, &covered) {
            let sub = subject(doc, si, c.subject.0, c.subject.1, &covered);
            let heads = if !sub.persons.is_empty() {
                let leader = sub.persons[0];
                if sub.separately && sub.persons.len() > 1 {
                    // `甲、乙分别带队…`: each leads a group of their own.
                    for &p in &sub.persons {
                        let g = match st.group_with(doc, art, p) {
                            Some(g) => g,
                            None => st.new_group(art, date.clone()),
                        };
                        st.add(doc, g, p);
                        st.latest = Some(g);
                    }
                    Some(Heads::Explicit(sub.persons.clone()))
                } else if sub.marker || !sub.orgs.is_empty() {
                    let g = match st.group_with(doc, art, leader) {
                        Some(g) => g,
                        None => st.new_group(art, date.clone()),
                    };
                    for &m in sub.persons.iter().chain(&sub.orgs) {
                        st.add(doc, g, m);
                    }
                    st.groups[g].nouns.extend(sub.nouns.iter().cloned());
                    st.latest = Some(g);
                    Some(Heads::Group(g))
                } else if let Some(g) = st
                    .group_with(doc, art, leader)
                    .filter(|&g| sub.persons.iter().all(|&p| st.holds(doc, g, p)))
                {
                    // Members of the group visit with all of it, unless the
                    // sentence dates a visit of their own (`5月12日,某副主席到…`).
                    let own_day = date
                        .as_ref()
                        .is_some_and(|d| st.groups[g].date.as_ref().is_some_and(|gd| gd != d));
                    if !own_day {
                        st.latest = Some(g);
                    }
                    Some(Heads::Explicit(sub.persons.clone()))
                } else if c.tails.is_empty() && c.weak {
                    None
                } else {
                    // A visit with no place named yet (`某某来我县调研`)
                    // still forms the group its companions go with.
                    let g = st.new_group(art, date.clone());
                    for &m in &sub.persons {
                        st.add(doc, g, m);
                    }
                    st.latest = Some(g);
                    Some(Heads::Group(g))
                }
            } else if !sub.orgs.is_empty() {
                let g = match st.group_with(doc, art, sub.orgs[0]) {
                    Some(g) => g,
                    None => st.new_group(art, date.clone()),
                };
                for &m in &sub.orgs {
                    st.add(doc, g, m);
                }
                st.latest = Some(g);
                Some(Heads::Group(g))
            } else if sub.backref && st.latest.is_some() {
                st.latest.map(Heads::Group)
            } else if let Some(e) = last_in_sentence {
                Some(st.events[e].heads.clone())
            } else if sub.pronoun {
                last_heads(&st, doc, art)
            } else if continues(doc, si) || no_subject(doc, si, c.subject.0, c.subject.1, &covered)
            {
                last_heads(&st, doc, art).map(|h| widen_to_group(&st, doc, h))
            } else {
                None
            };
            let continued = sub.persons.is_empty() && sub.orgs.is_empty();
            let Some(heads) = heads else {
                if !c.tails.is_empty() && !c.weak {
                    headless.push(c);
                }
                continue;
            };
            let rule = if c.frame {
                Rule::VisitFrame
            } else if continued {
                Rule::VisitContinued
            } else {
                Rule::VisitClause
            };
            if let Heads::Group(g) = heads
                && comes_to_us(
                    doc,
                    c.subject.1.saturating_sub(4).max(c.subject.0),
                    c.end.max(c.subject.1),
                )
            {
                st.groups[g].guest = true;
            }
            if c.tails.is_empty() || (c.weak && last_in_sentence.is_none()) {
                continue;
            }
            let group_date = match &heads {
                Heads::Group(g) => st.groups[*g].date.clone(),
                Heads::Explicit(_) => None,
            };
            let ev_date = date
                .clone()
                .or_else(|| last_in_sentence.and_then(|e| st.events[e].date.clone()))
                .or(group_date)
                .or_else(|| doc.paragraph_date(si));
            if let Heads::Group(g) = heads
                && st.groups[g].date.is_none()
            {
                st.groups[g].date = ev_date.clone();
            }
            st.events.push(Event {
                heads,
                tails: c.tails,
                sentence: si,
                date: ev_date,
                purpose: c.purpose,
                end: c.end,
                rule,
            });
            last_in_sentence = Some(st.events.len() - 1);
        }
        let left = join_participants(doc, si, &mut st, last_in_sentence, &covered);
        if st.latest.is_none() && !headless.is_empty() && !left.is_empty() {
            participants_visit(&mut st, doc, si, art, headless, &left, date.clone());
        }
        current[si] = st.latest;
    }
    name_generic_groups(doc, &mut st);
    let homes = homes(doc, leads);
    let mut relations = Vec::new();
    for e in &st.events {
        let heads: Vec<usize> = match &e.heads {
            Heads::Group(g) => st.groups[*g].members.clone(),
            Heads::Explicit(ps) => ps.clone(),
        };
        // The leader's own divisions (`江阴市委书记` studying 江阴).
        let leader = heads
            .iter()
            .find(|&&h| doc.mentions[h].kind == EntityKind::Person);
        let own: Vec<&String> = leader
            .and_then(|&h| homes.get(&doc.mentions[h].text))
            .into_iter()
            .flatten()
            .collect();
        for &t in &e.tails {
            if is_bare_section(&doc.mentions[t].text) {
                continue;
            }
            if own
                .iter()
                .any(|h| names_division(doc, &doc.mentions[t].text, h))
            {
                continue;
            }
            for &h in &heads {
                let rule = if st.joined.contains(&h) {
                    Rule::VisitParticipant
                } else {
                    e.rule
                };
                relations.push(Found::Visit {
                    head: h,
                    tail: t,
                    sentence: e.sentence,
                    date: e.date.clone(),
                    purpose: e.purpose.clone(),
                    rule,
                });
            }
        }
    }
    Visits {
        relations,
        groups: Groups {
            list: st.groups,
            current,
        },
    }
}

/// The visitors of the article's latest visit.
fn last_heads(st: &State, doc: &Doc<'_>, art: usize) -> Option<Heads> {
    st.events
        .iter()
        .rev()
        .find(|e| doc.article_of(doc.sentences[e.sentence].start) == art)
        .map(|e| e.heads.clone())
}

/// A clause with no subject in a sentence of its own goes on with the
/// current group, also after a visit told of one of its members by name
/// (`甲察看了A。在B视察。`): only a named subject narrows a group.
fn widen_to_group(st: &State, doc: &Doc<'_>, heads: Heads) -> Heads {
    match (&heads, st.latest) {
        (Heads::Explicit(ps), Some(g)) if ps.iter().all(|&p| st.holds(doc, g, p)) => {
            Heads::Group(g)
        }
        _ => heads,
    }
}

/// True when the clause in chars `a..b` (the end of its subject to its
/// places) brings its visitors to the article's own place (`来我县考察`,
/// `到我市调研`).
fn comes_to_us(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let b = (b + 4).min(doc.chars.len());
    (a..b).any(|q| {
        doc.chars[q] == '我'
            && doc
                .chars
                .get(q + 1)
                .is_some_and(|c| "省市州县区旗镇乡".contains(*c))
    })
}

/// True when the persons named from `from` on are the host's officials
/// (`我县领导甲、乙参加`, `县领导丙参加` where the group are guests).
fn hosts_named(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    let t = doc.text(from, to);
    t.contains("我")
        && ["市", "县", "区", "镇"]
            .iter()
            .any(|l| t.contains(&format!("我{l}")))
        || t.contains("领导")
}

/// True when the leaders of a place are named in `from..to` (`某县领导`)
/// and group `g` visits that place or one it holds: they are its hosts.
fn leaders_of_visited(doc: &Doc<'_>, st: &State, g: usize, from: usize, to: usize) -> bool {
    let visited: Vec<&str> = st
        .events
        .iter()
        .filter(|e| e.heads == Heads::Group(g))
        .flat_map(|e| e.tails.iter().map(|&t| doc.mentions[t].text.as_str()))
        .collect();
    doc.mentions_in(from, to).any(|i| {
        let m = &doc.mentions[i];
        m.kind == EntityKind::Place
            && doc.at(m.end, "领导")
            && visited.iter().any(|t| t.starts_with(m.text.as_str()))
    })
}

/// Named participants join the current group: `乙参加调研`, `…还有丙`.
/// With no current group, returns them.
fn join_participants(
    doc: &Doc<'_>,
    si: usize,
    st: &mut State,
    last: Option<usize>,
    covered: &[bool],
) -> Vec<usize> {
    let s = doc.sentences[si];
    let from = last.map_or(s.start, |e| st.events[e].end);
    let mut joiners: Vec<usize> = Vec::new();
    // No join word starts before `next_join`.
    let mut next_join = from;
    for (q, &cov) in covered.iter().enumerate().take(s.end).skip(from) {
        if cov || q < next_join {
            continue;
        }
        let Some(n) = doc.trigger_at(q, T::Join) else {
            next_join = doc.next_trigger(q + 1, &[T::Join]);
            continue;
        };
        if doc.at(q + n, "的有") || doc.at(q + n, "的还有") {
            // `一同参加的有甲、乙`: the participants follow.
            joiners.extend(persons_listed_after(doc, s.start, q + n, s.end));
            break;
        }
        if !joins_the_visit(doc, q, q + n, s.end) {
            continue;
        }
        for i in doc.mentions_in(from, q) {
            if doc.mentions[i].kind == EntityKind::Person
                && !doc.in_parens(s.start, doc.mentions[i].start)
            {
                joiners.push(i);
            }
        }
        break;
    }
    let text = doc.text(s.start, s.end);
    if let Some(k) = text.find("还有")
        && !text[..k].contains("陪同")
        && {
            let at = s.start + text[..k].chars().count();
            doc.trigger_within(s.start, at, T::VisitInspect)
                || doc.trigger_within(s.start, at, T::VisitMotion)
        }
    {
        let at = s.start + text[..k].chars().count();
        for i in doc.mentions_in(at, s.end) {
            if doc.mentions[i].kind == EntityKind::Person
                && !doc.in_parens(s.start, doc.mentions[i].start)
            {
                joiners.push(i);
            }
        }
    }
    if joiners.is_empty() {
        return joiners;
    }
    // A guest group's hosts who take part stay hosts.
    if let Some(g) = st.latest
        && st.groups[g].guest
        && hosts_named(doc, from, doc.mentions[joiners[0]].start)
    {
        return Vec::new();
    }
    // `甲、乙等某县领导参加`: the leaders of a place the group visits are
    // its hosts.
    if let Some(g) = st.latest
        && leaders_of_visited(doc, st, g, from, s.end)
    {
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

/// True when what a participant takes part in, from `after` on, is the
/// visit: a visit word at once (`参加调研`, `一同观摩`, `参加视察活动`),
/// also after `了`; nothing at all (`乙、丙参加。`); or an activity named
/// in a short clause (`参加会议和活动`, `参加了此次活动`).
///
/// The weak forms need a participant of the whole visit: not one who goes
/// `分别` (each to a part of it), nor a host who `陪同参加`.
fn joins_the_visit(doc: &Doc<'_>, at: usize, after: usize, limit: usize) -> bool {
    let mut p = after;
    if doc.at(p, "了") {
        p += 1;
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
    let end = (p..limit)
        .find(|&k| ends_a_phrase(doc.chars[k]))
        .unwrap_or(limit);
    if end == p {
        return true;
    }
    end - p <= MAX_JOINED_ACTIVITY && (p..end).any(|k| doc.at(k, "活动"))
}

/// The persons named from `from` to the end of its clause (`一同参加的有
/// 甲、乙,…`), outside brackets.
fn persons_listed_after(doc: &Doc<'_>, sent_start: usize, from: usize, limit: usize) -> Vec<usize> {
    let end = (from..limit)
        .find(|&k| ends_a_phrase(doc.chars[k]))
        .unwrap_or(limit);
    doc.mentions_in(from, end)
        .filter(|&i| {
            doc.mentions[i].kind == EntityKind::Person
                && !doc.in_parens(sent_start, doc.mentions[i].start)
        })
        .collect()
}

/// A sentence end, a comma or a colon: what ends a phrase of a list of
/// names (an enumeration mark `、` does not).
fn ends_a_phrase(c: char) -> bool {
    crate::text::is_sentence_end(c) || matches!(c, ',' | '\u{FF0C}' | ':' | '\u{FF1A}')
}

/// The longest clause after `参加` that names the activity joined
/// (`参加会议和活动`).
const MAX_JOINED_ACTIVITY: usize = 8;

/// `某县组织代表参观考察A,甲、乙参加考察活动`: with no group yet, the
/// named participants are the group of the sentence's visits that name no
/// visitor (rule `visit.participants-only`).
fn participants_visit(
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
fn widen_joined_visit(doc: &Doc<'_>, st: &mut State, g: usize) {
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

/// A group called by a generic noun (`工作考察团`) takes the full name the
/// article gives a delegation with that ending (`某市工作考察团`).
fn name_generic_groups(doc: &Doc<'_>, st: &mut State) {
    for g in 0..st.groups.len() {
        if st.groups[g].nouns.is_empty() {
            continue;
        }
        let (a, b) = doc.article_of_range(st.groups[g].art);
        let named: Vec<usize> = doc
            .mentions_in(a, b)
            .filter(|&i| {
                let t = &doc.mentions[i].text;
                doc.mentions[i].kind == EntityKind::Org
                    && !is_generic_group(t)
                    && st.groups[g]
                        .nouns
                        .iter()
                        .any(|n| t.ends_with(n.as_str()) && t.len() > n.len())
            })
            .collect();
        for m in named {
            st.add(doc, g, m);
        }
    }
}

/// The divisions each person leads (`江阴市委书记` → `江阴市`), by text.
fn homes(doc: &Doc<'_>, leads: &[Found]) -> HashMap<String, Vec<String>> {
    orgs_by_person(doc, leads)
        .into_iter()
        .map(|(p, orgs)| {
            let places: Vec<String> = orgs
                .iter()
                .flat_map(|o| divisions_in_name(doc.lex, o).into_iter().map(|(n, _)| n))
                .collect();
            (p, places)
        })
        .collect()
}

/// True when the place text `t` names the division `home` (itself or its
/// short form).
fn names_division(doc: &Doc<'_>, t: &str, home: &str) -> bool {
    t == home
        || (division_level(doc.lex, t).is_none()
            && full_of_short(doc.lex, t).as_deref() == Some(home))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relate::testing::{has, keys};

    fn visits(t: &str) -> Vec<String> {
        keys(t)
            .into_iter()
            .filter(|k| k.starts_with("VISIT"))
            .collect()
    }

    #[test]
    fn visitors_accompanied_by_hosts_are_still_the_visitors() {
        let v = visits(
            "5月3日,市农业局局长王明华率副局长李国强一行,在当地干部的陪同下,来到青山镇调研。",
        );
        assert!(v.contains(&"VISIT 王明华 -> 青山镇".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 李国强 -> 青山镇".to_string()), "{v:?}");
    }

    #[test]
    fn participants_join_with_any_inspection_word() {
        let v = visits("5月3日,县长张明远来到柳树村观摩。县委常委李华参加观摩。");
        assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
    }

    #[test]
    fn a_guest_group_s_hosts_who_take_part_stay_hosts() {
        let v = visits(
            "5月3日,青山县委书记张明远率考察团来我县考察,先后来到柳树村、杨林村。县领导李华、王强参加调研。",
        );
        assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
        assert!(!v.iter().any(|k| k.starts_with("VISIT 李华")), "{v:?}");
    }

    #[test]
    fn a_reporter_is_no_visitor() {
        let v = visits("青山讯 记者周平报道:5月3日,县长张明远深入柳树村检查防汛工作。");
        assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
        assert!(!v.iter().any(|k| k.starts_with("VISIT 周平")), "{v:?}");
    }

    #[test]
    fn a_clause_with_no_subject_goes_on_with_the_visitors() {
        let v = visits("5月3日,县长张明远一行来到柳树村调研。\n前往杨林村察看了农田。");
        assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    }

    #[test]
    fn a_list_of_places_fronted_before_the_group() {
        let v = visits(
            "5月3日,县长张明远带领考察团来到青山镇。在柳树村、杨林村等地,考察团一行听取了汇报。",
        );
        assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    }

    #[test]
    fn a_group_goes_to_a_town() {
        let t = "11月3日,区委副书记张建华,区委常委王卫东一行来到七宝镇开展督查工作。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张建华 -> 七宝镇".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
    }

    #[test]
    fn coordinated_places_and_a_back_reference() {
        let t = "11月3日,副区长张建华一行来到七宝镇调研。\n\n张建华一行先后察看了七宝老街、闵行体育公园和宝铭路等点位。";
        let v = visits(t);
        for p in ["七宝镇", "七宝老街", "闵行体育公园", "宝铭路"] {
            assert!(
                v.contains(&format!("VISIT 张建华 -> {p}")),
                "{p} not in {v:?}"
            );
        }
    }

    #[test]
    fn a_delegation_and_its_leader() {
        let t = "11月3日,某省某县委书记张建华率施甸县党政代表团一行到七宝镇交流考察。\n\n会前,代表团实地考察了七宝古镇。";
        let v = visits(t);
        for want in [
            "VISIT 张建华 -> 七宝镇",
            "VISIT 施甸县党政代表团 -> 七宝镇",
            "VISIT 张建华 -> 七宝古镇",
            "VISIT 施甸县党政代表团 -> 七宝古镇",
        ] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
    }

    #[test]
    fn a_participant_named_with_nothing_after_joins_the_visit_that_follows() {
        let t = "4月1日,邻市副市长张明带队到我县开展招商。邻县副县长李强参加。\
                 考察团一行先后来到东方机械有限公司、红星村等地。";
        assert!(has(t, "VISIT 李强 -> 东方机械有限公司"), "{:?}", keys(t));
        assert!(has(t, "VISIT 李强 -> 红星村"), "{:?}", keys(t));
    }

    #[test]
    fn participants_of_the_activity_join_but_not_those_who_go_separately() {
        let t = "5月2日,县长王明来到东风镇调研。副县长李强参加了此次活动。";
        assert!(has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
        let t = "5月2日,县长王明来到东风镇调研,县领导李强、赵刚分别参加。";
        assert!(!has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
    }

    #[test]
    fn participants_listed_after_yi_tong_can_jia_de_you() {
        let t = "5月2日,区农委主任王明来到东风镇调研。一同参加的有区农委书记李强、副主任赵刚,\
                 镇农业服务中心主任孙伟陪同参加。";
        let k = visits(t);
        assert!(has(t, "VISIT 李强 -> 东风镇"), "{k:?}");
        assert!(has(t, "VISIT 赵刚 -> 东风镇"), "{k:?}");
        assert!(!has(t, "VISIT 孙伟 -> 东风镇"), "{k:?}");
    }

    #[test]
    fn leaders_of_the_place_visited_who_take_part_are_hosts() {
        let t = "5月2日,邻区副区长王明率队赴西山县开展考察,实地走访西山县东风镇。\
                 李强、赵刚等西山县领导参加相关活动。";
        assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
        assert!(!has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
    }

    #[test]
    fn stops_that_lie_in_a_park_are_visited_with_it() {
        let t = "5月2日,副县长王明先后来到位于东风镇的红星机械有限公司、\
                 蓝天食品有限公司,了解项目进展。";
        let k = visits(t);
        assert!(has(t, "VISIT 王明 -> 东风镇"), "{k:?}");
        assert!(has(t, "VISIT 王明 -> 红星机械有限公司"), "{k:?}");
        assert!(has(t, "VISIT 王明 -> 蓝天食品有限公司"), "{k:?}");
    }

    #[test]
    fn a_visitor_comes_in_the_company_of_hosts() {
        let t = "9月4日,邻县副县长王明一行在市委常委李强的陪同下来东风镇调研。";
        assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
    }

    #[test]
    fn learning_about_something_in_a_place_is_a_visit_to_it() {
        let t = "6月2日,县长王明一行在东风镇详细了解防汛工作。";
        assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
        let t = "6月2日,县长王明在东风镇政府会议室听取了工作汇报。";
        assert!(visits(t).is_empty(), "{:?}", keys(t));
    }

    #[test]
    fn a_caption_says_where_the_group_was() {
        let t = "6月2日,县政协主席王明率队视察东风镇。\n视察组在西山镇\n";
        assert!(has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
    }

    #[test]
    fn a_caption_in_brackets_is_read_like_any_sentence() {
        let t = "6月2日,县政协主席王明率队视察东风镇。\n(与会人员参观西山镇)\n";
        assert!(has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
        let t = "6月2日,县政协主席王明率队视察东风镇(西山镇)。";
        assert!(!has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
    }

    #[test]
    fn participants_join_the_group() {
        let t = "11月3日,副区长张建华一行走访七宝镇。区政协副主席王卫东参加调研。";
        assert!(has(t, "VISIT 王卫东 -> 七宝镇"), "{:?}", keys(t));
    }

    #[test]
    fn each_person_on_their_own() {
        let t =
            "近期,副区长张建华,副区长王卫东分别赴七宝镇调研。\n\n12月2日,张建华实地考察七宝老街。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
        assert!(
            !v.contains(&"VISIT 王卫东 -> 七宝老街".to_string()),
            "{v:?}"
        );
        assert!(v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
    }

    #[test]
    fn a_clause_that_goes_on() {
        let t = "12月2日,副区长张建华来到七宝镇。随后,走访了七宝老街。";
        assert!(has(t, "VISIT 张建华 -> 七宝老街"), "{:?}", keys(t));
    }

    #[test]
    fn bare_sections_are_weak_tails() {
        assert!(is_bare_section("C 区"));
        assert!(is_bare_section("3期"));
        assert!(!is_bare_section("东方花园三期"));
        assert!(!is_bare_section("七宝镇"));
    }

    #[test]
    fn a_site_and_its_visitor() {
        let t =
            "10月3日,副区长张建华带队调研。在七宝老街、闵行体育公园等项目现场,张建华要求加快进度。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
        assert!(
            v.contains(&"VISIT 张建华 -> 闵行体育公园".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn a_pronoun_goes_on() {
        let t = "8月5日,副区长张建华来到七宝镇调研。他还来到闵行体育公园,察看了场馆建设情况。";
        assert!(has(t, "VISIT 张建华 -> 闵行体育公园"), "{:?}", keys(t));
    }

    #[test]
    fn a_frame_with_the_place_inside() {
        let t = "学习副区长张建华在七宝镇视察时的讲话精神。";
        assert!(has(t, "VISIT 张建华 -> 七宝镇"), "{:?}", keys(t));
    }

    #[test]
    fn the_host_thanks_the_visitor() {
        let t = "镇党委书记王卫东感谢副区长张建华多次莅临七宝镇指导工作。";
        let v = visits(t);
        assert_eq!(v, ["VISIT 张建华 -> 七宝镇"]);
    }

    #[test]
    fn no_visitor_no_visit() {
        assert!(visits("11月3日,七宝镇赴北京、上海开展招商推介活动。").is_empty());
        assert!(visits("王卫东表示,七宝镇得到了各方的支持。").is_empty());
    }

    #[test]
    fn road_end_points_are_not_visited() {
        let t = "4月2日,副县长张建华先后到七宝镇至华漕镇公路、闵行体育公园等现场。";
        let v = visits(t);
        assert_eq!(v, ["VISIT 张建华 -> 闵行体育公园"], "{v:?}");
    }

    #[test]
    fn a_list_runs_over_commas_when_it_closes_with_deng() {
        let t = "9月9日,副市长张建华带领视察组先后到七宝镇,华漕镇等处进行了实地调研。";
        assert!(has(t, "VISIT 张建华 -> 华漕镇"), "{:?}", keys(t));
        let t = "副区长张建华来到七宝镇开展调研,华漕镇也作了汇报。";
        assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
    }

    #[test]
    fn a_list_ends_at_a_verb() {
        let t = "副区长张建华赴七宝镇开展督查,2018年是闵行区发展的起始年";
        assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
        let t = "副区长张建华赴七宝镇开展督查2018年是华漕镇发展的起始年";
        assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
    }

    #[test]
    fn a_list_whose_first_items_are_no_names() {
        let t = "副区长张建华实地察看了百亩葛根基地、七宝老街和闵行体育公园等地。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
        assert!(
            v.contains(&"VISIT 张建华 -> 闵行体育公园".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn a_verb_inside_a_noun_is_no_trigger() {
        let t = "副区长张建华带领区督查室、区民政局负责人到七宝镇调研。";
        assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
    }

    #[test]
    fn leaders_who_go_separately() {
        let t = "区委书记张建华、区长王卫东分别带队走访辖区企业。区委书记张建华带队前往七宝镇。副区长刘伟明参加调研。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 刘伟明 -> 七宝镇".to_string()), "{v:?}");
        assert!(!v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
    }

    #[test]
    fn a_county_body_at_home() {
        let t = "4月2日,宣汉县人大常委会副主任张建华先后到宣汉县百亩葛根基地、七宝镇等现场。";
        assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
    }

    #[test]
    fn journeys_that_are_no_visits() {
        assert!(visits("2019年,王卫东同志调到七宝镇任党委书记。").is_empty());
        assert!(visits("镇党委书记刘伟明前往北京参加全国表彰大会。").is_empty());
    }

    #[test]
    fn a_member_named_alone_visits_alone() {
        let t = "5月3日,县长张明远率副县长李华一行来到柳树村调研。张明远察看了杨林村。随后,在青山公园视察。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
        assert!(!v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 李华 -> 青山公园".to_string()), "{v:?}");
    }

    #[test]
    fn participants_widen_the_visit_of_their_sentence() {
        let t = "5月3日,县长张明远深入柳树村、杨林村检查防汛。县领导李华、王强一同参加检查。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 王强 -> 柳树村".to_string()), "{v:?}");
    }

    #[test]
    fn named_companions_in_a_passive_frame_are_no_visitors() {
        let t =
            "张明远一行在青山公司董事长李华等人陪同下,考察了红星机械有限公司、东方纺织有限公司。";
        let v = keys(t);
        assert!(
            v.contains(&"VISIT 张明远 -> 东方纺织有限公司".to_string()),
            "{v:?}"
        );
        assert!(!v.iter().any(|k| k.starts_with("VISIT 李华")), "{v:?}");
        assert!(v.contains(&"ACCOMPANY 李华 -> 张明远".to_string()), "{v:?}");
    }

    #[test]
    fn watching_a_film_is_no_visit() {
        let t = "考察团一行来到青山镇展示中心,观看了柳树镇宣传片。";
        let v = visits(t);
        assert!(!v.iter().any(|k| k.ends_with("柳树镇")), "{v:?}");
    }

    #[test]
    fn a_leader_and_his_party_split_over_places_stay_one_group() {
        let t = "4月15日,市农业局局长张明远率副局长李华一行,分别到柳树乡和杨林乡调研。张明远一行先后深入柳树村、杨林村。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
    }

    #[test]
    fn a_series_of_stops_runs_over_commas() {
        let t = "5月3日,副县长张明远先后来到县人民医院,县第一中学,县公安局、柳树村检查安全生产。";
        let v = visits(t);
        for p in ["县人民医院", "县第一中学", "县公安局", "柳树村"] {
            assert!(
                v.contains(&format!("VISIT 张明远 -> {p}")),
                "{p} not in {v:?}"
            );
        }
        let t = "副县长张明远来到县人民医院,县第一中学也派人参加。";
        assert_eq!(visits(t), ["VISIT 张明远 -> 县人民医院"]);
    }

    #[test]
    fn a_fronted_list_with_items_not_named() {
        let t = "5月3日,县长张明远带领考察团来到青山镇。在红星机械有限公司、绿源新材料科技有限公司、青山县人民医院、柳树村等地,考察团一行听取了汇报。";
        let v = visits(t);
        assert!(
            v.contains(&"VISIT 张明远 -> 红星机械有限公司".to_string()),
            "{v:?}"
        );
        assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
        let t =
            "5月3日,县长张明远带领考察团来到青山镇。在青山镇的大力支持下,考察团一行听取了汇报。";
        assert_eq!(visits(t), ["VISIT 张明远 -> 青山镇"]);
    }

    #[test]
    fn a_participant_of_a_compound_verb_joins_the_group() {
        let t = "5月3日,市委常委张明远带队深入柳树村进行考察调研。市政协副主席李华参加考察调研。在杨林村、青山公园,考察团了解了情况。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 李华 -> 青山公园".to_string()), "{v:?}");
    }

    #[test]
    fn participants_of_a_visit_no_subject_names_are_its_visitors() {
        let t = "1月18日,青山县组织部分人大代表参观考察柳树村,县人大常委会副主任李华,副县长王强参加考察活动。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 王强 -> 柳树村".to_string()), "{v:?}");
    }

    #[test]
    fn the_place_a_verb_stands_in_is_visited_with_its_objects() {
        let t = "5月3日,县长张明远一行来到青山镇。在柳树村调研了青山公园建设情况。";
        let v = visits(t);
        assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
        assert!(v.contains(&"VISIT 张明远 -> 青山公园".to_string()), "{v:?}");
    }

    #[test]
    fn a_leader_at_home_makes_no_visit() {
        let t = "3月9日,闵行区委书记张建华调研闵行区工业发展情况。";
        assert!(visits(t).is_empty(), "{:?}", keys(t));
    }
}
