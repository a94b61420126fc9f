//! The subject of a visit clause: who the text before the trigger names.

use super::*;

/// What the subject of a clause names.
#[derive(Debug, Clone, Default)]
pub(super) struct Subject {
    pub(super) persons: Vec<usize>,
    pub(super) orgs: Vec<usize>,
    pub(super) nouns: Vec<String>,
    pub(super) marker: bool,
    pub(super) backref: bool,
    /// `分别`: each person on their own.
    pub(super) separately: bool,
    /// `他`, `她`: the visitor told before.
    pub(super) pronoun: bool,
}

/// The longest item of a list that is no mention (a company's full name).
pub(super) const MAX_UNNAMED_ITEM: usize = 20;

/// The longest word after `等` closing a fronted list (`等地`, `等项目现场`).
pub(super) const MAX_DENG_WORD: usize = 5;

/// Reads the subject in `a..b` of sentence `si`.
pub(super) fn subject(doc: &Doc<'_>, si: usize, a: usize, b: usize, covered: &[bool]) -> Subject {
    let (start, companions) = after_barriers(doc, a, b, covered);
    let mut out = named_in_subject(doc, si, start, b, &companions);
    out.nouns
        .extend(group_nouns_outside_mentions(doc, start, b, covered));
    let text = doc.text(start, b);
    out.marker = doc.trigger_within(start, b, T::Group);
    // `甲率乙…分别到A和B`: a leader with his party is one group, whatever
    // the places it splits over.
    out.separately = text.contains("分别") && !doc.trigger_within(start, b, T::Leader);
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

/// Where the subject in `a..b` starts (after the last barrier), and the
/// companion frames in it (`在乙等人陪同下`), whose persons are no visitors.
fn after_barriers(
    doc: &Doc<'_>,
    a: usize,
    b: usize,
    covered: &[bool],
) -> (usize, Vec<(usize, usize)>) {
    let mut start = a;
    let mut companions: Vec<(usize, usize)> = Vec::new();
    for q in doc.trigger_starts(a, b, T::Barrier) {
        if !covered[q]
            && let Some(n) = doc.trigger_at(q, T::Barrier)
            && !in_means_phrase(doc, a, q, b)
        {
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
    (start, companions)
}

/// True when the word at `q` stands in a phrase of means in `a..b`
/// (`检查组通过听取汇报…等形式`: `trigger.means-opener` before it,
/// `trigger.means-closer` after): what the group did, not a host's act.
fn in_means_phrase(doc: &Doc<'_>, a: usize, q: usize, b: usize) -> bool {
    doc.trigger_within(a, q, T::MeansOpener) && doc.trigger_within(q, b, T::MeansCloser)
}

/// The persons, delegations and generic group nouns named by mentions in
/// `start..b`, but in brackets or companion frames.
fn named_in_subject(
    doc: &Doc<'_>,
    si: usize,
    start: usize,
    b: usize,
    companions: &[(usize, usize)],
) -> Subject {
    let s = doc.sentences[si];
    let mut out = Subject::default();
    for i in doc.mentions_in(start, b) {
        let m = &doc.mentions[i];
        if doc.in_parens(s.start, m.span.start)
            || companions
                .iter()
                .any(|&(o, e)| (o..e).contains(&m.span.start))
        {
            continue;
        }
        match m.kind {
            // `记者某某报道:…`: the reporter is no visitor.
            EntityKind::Person if doc.trigger_ends_at(m.span.start, T::Byline) => {}
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
    out
}

/// Generic group nouns written outside mentions in `start..b`
/// (`工作考察团`).
fn group_nouns_outside_mentions(
    doc: &Doc<'_>,
    start: usize,
    b: usize,
    covered: &[bool],
) -> Vec<String> {
    let mut nouns = Vec::new();
    for (q, c) in doc.chars_in(start, b) {
        if !covered[q] && matches!(c, '团' | '组') {
            let mut k = q;
            loop {
                let before = doc.text(start, k);
                let w = GROUP_WORDS.iter().find(|w| before.ends_with(**w));
                match w.map(|w| doc.before(k, w)) {
                    Some(wk) if doc.positions(wk, k).all(|x| !covered[x]) => k = wk,
                    _ => break,
                }
            }
            if k < q {
                nouns.push(doc.text(k, doc.next(q)).to_string());
            }
        }
    }
    nouns
}

/// Where the frame `在…陪同下` whose verb stands at `verb` opens: the last
/// `在` of its clause before the verb.
pub(super) fn companion_frame(doc: &Doc<'_>, from: usize, verb: usize) -> Option<usize> {
    doc.chars_in(from, verb)
        .rev()
        .take_while(|&(_, c)| !matches!(c, ',' | '\u{FF0C}' | ';' | '。'))
        .find(|&(q, c)| c == '在' && doc.mention_covering(q).is_none())
        .map(|(q, _)| q)
}

/// The longest post after a surname (`总书记`, `区长`), in chars.
const MAX_ROLE_WORD: usize = 4;

/// `习总书记`, `周区长`: a surname and a post that stand for the only person
/// of the document with that surname.
pub(super) fn alias(doc: &Doc<'_>, a: usize, b: usize, covered: &[bool]) -> Option<usize> {
    // Every char but the last: a post follows the surname.
    let last = if b > a { doc.prev(b) } else { a };
    for (q, c) in doc.chars_in(a, last) {
        if covered[q] {
            continue;
        }
        let Some(&Some(first)) = doc.by_initial.get(&c) else {
            continue;
        };
        let r = doc.next(q);
        let role = (1..=MAX_ROLE_WORD)
            .rev()
            .map(|n| doc.fwd(r, n))
            .filter(|&e| e <= b)
            .any(|e| !covered[doc.prev(e)] && doc.lex.is(doc.text(r, e), LexClass::TitleRole));
        if role {
            return Some(first);
        }
    }
    None
}

/// True when the clause has no subject at all: nothing but a date, a time,
/// a frame of place (`在某地`) or a motion verb stands before its verb
/// (`前往某县调研了…`, `在某村察看了…`). Its visitors are the last ones.
pub(super) fn no_subject(doc: &Doc<'_>, si: usize, a: usize, b: usize, covered: &[bool]) -> bool {
    let s = doc.sentences[si];
    let from = a.max(s.start);
    let bare = doc
        .chars_in(from, b)
        .filter(|&(q, c)| !covered[q] && !c.is_whitespace() && !crate::text::is_clause_break(c))
        .count();
    bare <= MAX_BARE_SUBJECT
        && doc
            .mentions_in(a, b)
            .all(|i| !matches!(doc.mentions[i].kind, EntityKind::Person | EntityKind::Org))
}

/// The most characters outside mentions before the verb of a clause with
/// no subject (`在`, `前往`, `并`).
pub(super) const MAX_BARE_SUBJECT: usize = 3;

/// True when sentence `si` opens with a word that continues the visit told
/// before (`随后,…`), after a date or time of day.
pub(super) fn continues(doc: &Doc<'_>, si: usize) -> bool {
    let s = doc.sentences[si];
    let mut p = s.start;
    if let Some(m) = doc.mention_at(p)
        && doc.mentions[m].kind == EntityKind::Date
    {
        p = doc.mentions[m].span.end;
    }
    for w in ["上午", "下午", "晚上", ",", "\u{FF0C}"] {
        if doc.at(p, w) {
            p = doc.past(p, w);
        }
    }
    doc.trigger_at(p, T::Sequence).is_some()
}
