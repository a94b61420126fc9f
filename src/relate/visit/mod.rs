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
//! A journey to attend something (`赴某市参加…活动`) visits the place; a
//! transfer (`调到`) is no visit, nor is a verb inside a noun (`督查室`,
//! `调研组`).
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

mod clause;
mod participants;
mod state;
mod subject;
mod tails;

use clause::*;
use participants::*;
use state::*;
use subject::*;
use tails::*;

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

fn is_tail_kind(k: EntityKind) -> bool {
    matches!(k, EntityKind::Place | EntityKind::Org | EntityKind::Plot)
}

impl Doc<'_> {
    /// Chars covered by a mention.
    fn covered(&self) -> Vec<bool> {
        let mut c = vec![false; self.len()];
        for m in &self.mentions {
            for x in &mut c[m.span.start..m.span.end] {
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
        waiting: Vec::new(),
    };
    let mut current = vec![None; doc.sentences.len()];
    let mut art_of_latest = usize::MAX;
    for (si, &s) in doc.sentences.iter().enumerate() {
        let art = doc.article_of(s.start);
        if art != art_of_latest {
            st.latest = None;
            st.waiting.clear();
            art_of_latest = art;
        }
        read_sentence(doc, &mut st, si, art, &covered);
        current[si] = st.latest;
    }
    name_generic_groups(doc, &mut st);
    let relations = relations_of(doc, &st, leads);
    Visits {
        relations,
        groups: Groups {
            list: st.groups,
            current,
        },
    }
}

/// The sentence being read: where it stands, its date and its latest visit.
struct Reading {
    si: usize,
    art: usize,
    date: Option<String>,
    /// The latest event of the sentence.
    last: Option<usize>,
    /// Who made a visit clause of the sentence that named no place yet
    /// (`检查组通过听取汇报、实地查看等形式,就A、B…进行检查`): the later
    /// clauses with no subject of their own are theirs.
    held: Option<Heads>,
}

/// Reads the visit clauses of sentence `si`, then its named participants.
fn read_sentence(doc: &Doc<'_>, st: &mut State, si: usize, art: usize, covered: &[bool]) {
    let mut r = Reading {
        si,
        art,
        date: doc.sentence_date(si),
        last: None,
        held: None,
    };
    // Visits of the sentence no subject names (`某县组织…参观考察A`).
    let mut headless: Vec<Clause> = Vec::new();
    for c in clauses(doc, si, covered) {
        let sub = subject(doc, si, c.subject.0, c.subject.1, covered);
        let Some(heads) = heads_of_clause(doc, st, &r, &c, &sub, covered) else {
            if !c.tails.is_empty() && !c.weak {
                headless.push(c);
            }
            continue;
        };
        let continued = sub.persons.is_empty() && sub.orgs.is_empty();
        let rule = rule_of_clause(&c, continued);
        mark_guests(doc, st, &heads, &c);
        if c.tails.is_empty() || (c.weak && r.last.is_none()) {
            if !sub.persons.is_empty() || !sub.orgs.is_empty() || sub.backref {
                r.held = Some(heads);
            }
            continue;
        }
        record_event(doc, st, &mut r, c, heads, rule);
    }
    let left = join_participants(doc, si, st, r.last, covered);
    if st.latest.is_none() && !left.is_empty() {
        if headless.is_empty() {
            st.waiting = left;
        } else {
            participants_visit(st, doc, si, art, headless, &left, r.date.clone());
        }
    }
}

/// Who made the visit of clause `c` whose subject names `sub`, if anyone.
fn heads_of_clause(
    doc: &Doc<'_>,
    st: &mut State,
    r: &Reading,
    c: &Clause,
    sub: &Subject,
    covered: &[bool],
) -> Option<Heads> {
    if !sub.persons.is_empty() {
        heads_named(doc, st, r, c, sub)
    } else if !sub.orgs.is_empty() {
        let g = join_group(doc, st, r, sub.orgs[0], &sub.orgs);
        Some(Heads::Group(g))
    } else if sub.backref && st.latest.is_some() {
        st.latest.map(Heads::Group)
    } else if let Some(e) = r.last {
        Some(st.events[e].heads.clone())
    } else if let Some(h) = &r.held {
        Some(h.clone())
    } else if sub.pronoun {
        last_heads(st, doc, r.art)
    } else if continues(doc, r.si) || no_subject(doc, r.si, c.subject.0, c.subject.1, covered) {
        last_heads(st, doc, r.art)
            .map(|h| widen_to_group(st, doc, h))
            .or_else(|| set_out(st, r.art))
    } else {
        None
    }
}

/// Before any place was named: those who set out in the article's latest
/// group (`某某深入企业督导…。在某公司,详细了解…`), not the participants
/// who joined its activity (`某某参加活动`), who are followed only to the
/// places of a visit they joined.
fn set_out(st: &State, art: usize) -> Option<Heads> {
    let g = st.latest.filter(|&g| st.groups[g].art == art)?;
    let persons: Vec<usize> = st.groups[g]
        .members
        .iter()
        .copied()
        .filter(|m| !st.joined.contains(m))
        .collect();
    (!persons.is_empty()).then_some(Heads::Explicit(persons))
}

/// Who made the visit of a clause whose subject names persons.
fn heads_named(
    doc: &Doc<'_>,
    st: &mut State,
    r: &Reading,
    c: &Clause,
    sub: &Subject,
) -> Option<Heads> {
    let leader = sub.persons[0];
    if sub.separately && sub.persons.len() > 1 {
        Some(separate_groups(doc, st, r, &sub.persons))
    } else if sub.marker || !sub.orgs.is_empty() {
        let members: Vec<usize> = sub.persons.iter().chain(&sub.orgs).copied().collect();
        let g = join_group(doc, st, r, leader, &members);
        st.groups[g].nouns.extend(sub.nouns.iter().cloned());
        if sub.marker {
            take_waiting(doc, st, g, leader);
        }
        Some(Heads::Group(g))
    } else if let Some(g) = st
        .group_with(doc, r.art, leader)
        .filter(|&g| sub.persons.iter().all(|&p| st.holds(doc, g, p)))
    {
        members_visit(st, r, g, &sub.persons)
    } else if c.tails.is_empty() && c.weak {
        None
    } else {
        // A visit with no place named yet (`某某来我县调研`)
        // still forms the group its companions go with.
        let g = st.new_group(r.art, r.date.clone());
        for &m in &sub.persons {
            st.add(doc, g, m);
        }
        st.latest = Some(g);
        Some(Heads::Group(g))
    }
}

/// The participants waiting for a group (`乙、丙参加活动。`) join group
/// `g`, which travels with `一行`, when its leader was named before them
/// (`甲召开…并开展巡河活动。乙、丙参加。甲一行在某河…`).
fn take_waiting(doc: &Doc<'_>, st: &mut State, g: usize, leader: usize) {
    let Some(&first) = st.waiting.first() else {
        return;
    };
    let name = &doc.mentions[leader].text;
    let named_before = doc.mentions[..first]
        .iter()
        .any(|m| m.kind == EntityKind::Person && &m.text == name);
    if named_before {
        for m in std::mem::take(&mut st.waiting) {
            st.add(doc, g, m);
            st.joined.push(m);
        }
    }
}

/// `甲、乙分别带队…`: each person leads a group of their own.
fn separate_groups(doc: &Doc<'_>, st: &mut State, r: &Reading, persons: &[usize]) -> Heads {
    for &p in persons {
        join_group(doc, st, r, p, &[p]);
    }
    Heads::Explicit(persons.to_vec())
}

/// Adds `members` to the group of the article that holds `key` (a new one
/// when none does) and makes it the current group.
fn join_group(doc: &Doc<'_>, st: &mut State, r: &Reading, key: usize, members: &[usize]) -> usize {
    let g = match st.group_with(doc, r.art, key) {
        Some(g) => g,
        None => st.new_group(r.art, r.date.clone()),
    };
    for &m in members {
        st.add(doc, g, m);
    }
    st.latest = Some(g);
    g
}

/// Members of group `g` visit with all of it, unless the sentence dates a
/// visit of their own (`5月12日,某副主席到…`).
fn members_visit(st: &mut State, r: &Reading, g: usize, persons: &[usize]) -> Option<Heads> {
    let own_day = r
        .date
        .as_ref()
        .is_some_and(|d| st.groups[g].date.as_ref().is_some_and(|gd| gd != d));
    if !own_day {
        st.latest = Some(g);
    }
    Some(Heads::Explicit(persons.to_vec()))
}

/// The rule that reads clause `c`.
fn rule_of_clause(c: &Clause, continued: bool) -> Rule {
    if c.frame {
        Rule::VisitFrame
    } else if continued {
        Rule::VisitContinued
    } else {
        Rule::VisitClause
    }
}

/// The chars before the verb a clause brings its visitors to the
/// article's own place from (`来我县考察`).
const MAX_COMES_TO_US_LEAD: usize = 4;

/// A group that comes to the article's own place is a guest.
fn mark_guests(doc: &Doc<'_>, st: &mut State, heads: &Heads, c: &Clause) {
    if let Heads::Group(g) = *heads
        && comes_to_us(
            doc,
            doc.back(c.subject.1, MAX_COMES_TO_US_LEAD).max(c.subject.0),
            c.end.max(c.subject.1),
        )
    {
        st.groups[g].guest = true;
    }
}

/// Records the visit of clause `c` by `heads`, dated by its sentence, the
/// sentence's previous visit, its group or its paragraph.
fn record_event(
    doc: &Doc<'_>,
    st: &mut State,
    r: &mut Reading,
    c: Clause,
    heads: Heads,
    rule: Rule,
) {
    let group_date = match &heads {
        Heads::Group(g) => st.groups[*g].date.clone(),
        Heads::Explicit(_) => None,
    };
    let ev_date = r
        .date
        .clone()
        .or_else(|| r.last.and_then(|e| st.events[e].date.clone()))
        .or(group_date)
        .or_else(|| doc.paragraph_date(r.si));
    if let Heads::Group(g) = heads
        && st.groups[g].date.is_none()
    {
        st.groups[g].date = ev_date.clone();
    }
    st.events.push(Event {
        heads,
        tails: c.tails,
        sentence: r.si,
        date: ev_date,
        purpose: c.purpose,
        end: c.end,
        rule,
    });
    r.last = Some(st.events.len() - 1);
}

/// The VISIT relations of the events read: each visitor to each place,
/// but bare sections and the leader's own divisions.
fn relations_of(doc: &Doc<'_>, st: &State, leads: &[Found]) -> Vec<Found> {
    let homes = homes(doc, leads);
    let mut relations = Vec::new();
    for e in &st.events {
        let heads: Vec<usize> = match &e.heads {
            Heads::Group(g) => st.groups[*g].members.clone(),
            Heads::Explicit(ps) => ps.clone(),
        };
        let own = own_divisions(doc, &homes, &heads);
        for &t in &e.tails {
            if is_bare_section(&doc.mentions[t].text) || is_one_char_abbreviation(doc, t) {
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
    relations
}

/// A place of one character that no verb of going governs, a province's
/// abbreviation inside a word (`援藏企业`, `滇` of a region's name): no
/// site visited. After the verb (`来某考察`, or the literary `莅` alone,
/// `莅某考察`) it is the place gone to.
fn is_one_char_abbreviation(doc: &Doc<'_>, t: usize) -> bool {
    let m = &doc.mentions[t];
    m.kind == EntityKind::Place
        && doc.next(m.span.start) == m.span.end
        && !doc.trigger_ends_at(m.span.start, T::VisitMotion)
        && doc.char_before(m.span.start) != Some('莅')
}

/// The leader's own divisions (`江阴市委书记` studying 江阴).
fn own_divisions<'h>(
    doc: &Doc<'_>,
    homes: &'h HashMap<String, Vec<String>>,
    heads: &[usize],
) -> Vec<&'h String> {
    let leader = heads
        .iter()
        .find(|&&h| doc.mentions[h].kind == EntityKind::Person);
    leader
        .and_then(|&h| homes.get(&doc.mentions[h].text))
        .into_iter()
        .flatten()
        .collect()
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
mod tests;
