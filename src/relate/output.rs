//! Found relations as spec relations: one per scoring key, with the ids and
//! texts of their entities and evidence in code points of the original.

use super::{Doc, Found};
use crate::document::{Entity, Relation};
use crate::rules::Rule;
use crate::span::Span;
use crate::text::{CodePoints, Prepared};
use hashbrown::HashSet;

/// A text without white space (how mention texts are compared).
fn norm(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::without_space(s)
}

/// The scoring key of a relation: its type, the two ends' texts and (for
/// LEADS) the role.
type Key = (u8, String, String, String);

/// Turns found relations into spec relations: one per scoring key, ids and
/// texts of the entities, evidence in code points of the original.
pub(super) fn to_relations(
    doc: &Doc<'_>,
    prepared: &Prepared,
    entities: &[Entity],
    found: Vec<Found>,
    ocp: &CodePoints,
    explain: bool,
) -> Vec<Relation> {
    let mut out = Output {
        doc,
        prepared,
        entities,
        ocp,
        explain,
        seen: HashSet::new(),
        relations: Vec::new(),
    };
    for f in found {
        match f {
            Found::Leads { .. } => out.leads(f),
            Found::Visit { .. } => out.visit(f),
            Found::Accompany { .. } => out.accompany(f),
        }
    }
    out.relations
}

/// The relations written so far, and what they are written from.
struct Output<'d, 'a> {
    doc: &'d Doc<'a>,
    prepared: &'d Prepared,
    entities: &'d [Entity],
    ocp: &'d CodePoints,
    explain: bool,
    seen: HashSet<Key>,
    relations: Vec<Relation>,
}

impl Output<'_, '_> {
    /// The rule's name, when explaining.
    fn rule_name(&self, r: Rule) -> Option<String> {
        self.explain.then(|| r.name().to_string())
    }

    /// The evidence of sentence `si`, in code points of the original text.
    fn evidence(&self, si: usize) -> [usize; 2] {
        let Some(s) = self.doc.sentences.get(si) else {
            return [0, 0];
        };
        let o = self.prepared.original_span(Span::new(s.start, s.end));
        [self.ocp.of(o.start), self.ocp.of(o.end)]
    }

    /// The entity of mention `m`.
    fn ent(&self, m: usize) -> &Entity {
        &self.entities[self.doc.mentions[m].entity]
    }

    /// The normalised text of mention `m`.
    fn text(&self, m: usize) -> &str {
        &self.doc.mentions[m].text
    }

    /// A LEADS, unless its org or role is empty or its key was written.
    fn leads(&mut self, f: Found) {
        let Found::Leads {
            head,
            title,
            org,
            role,
            sentence,
            rule,
        } = f
        else {
            return;
        };
        let key = (1, self.text(head).to_string(), org.clone(), role.clone());
        if org.is_empty() || role.is_empty() || !self.seen.insert(key) {
            return;
        }
        let r = Relation::Leads {
            head: self.ent(head).id.clone(),
            head_text: Some(self.ent(head).text.clone()),
            org,
            role,
            title: Some(self.ent(title).id.clone()),
            evidence: self.evidence(sentence),
            rule: self.rule_name(rule),
        };
        self.relations.push(r);
    }

    /// A VISIT, unless it visits itself; a second statement of the same
    /// visit (a headline repeating the body) lends its date to the first.
    fn visit(&mut self, f: Found) {
        let Found::Visit {
            head,
            tail,
            sentence,
            date,
            purpose,
            rule,
        } = f
        else {
            return;
        };
        let (h, t) = (self.text(head).to_string(), self.text(tail).to_string());
        if h == t {
            return;
        }
        if !self.seen.insert((0, h.clone(), t.clone(), String::new())) {
            if date.is_some() {
                self.date_earlier_visit(&h, &t, date, purpose, sentence);
            }
            return;
        }
        let r = Relation::Visit {
            head: self.ent(head).id.clone(),
            tail: self.ent(tail).id.clone(),
            head_text: Some(self.ent(head).text.clone()),
            tail_text: Some(self.ent(tail).text.clone()),
            date,
            purpose,
            evidence: self.evidence(sentence),
            rule: self.rule_name(rule),
            when: None,
        };
        self.relations.push(r);
    }

    /// A headline repeats the body: the undated visit `h` → `t` written
    /// first takes the dated statement's date, purpose and evidence.
    fn date_earlier_visit(
        &mut self,
        h: &str,
        t: &str,
        date: Option<String>,
        purpose: Option<String>,
        sentence: usize,
    ) {
        let evidence = self.evidence(sentence);
        if let Some(Relation::Visit {
            date: d0,
            purpose: p0,
            evidence: e0,
            ..
        }) = self.relations.iter_mut().find(|r| {
            matches!(r, Relation::Visit { head_text: Some(a), tail_text: Some(b), .. }
                    if norm(a) == h && norm(b) == t)
        }) && d0.is_none()
        {
            *d0 = date;
            *p0 = purpose.or(p0.take());
            *e0 = evidence;
        }
    }

    /// An ACCOMPANY, unless it accompanies itself or its key was written.
    fn accompany(&mut self, f: Found) {
        let Found::Accompany {
            head,
            tail,
            sentence,
            rule,
        } = f
        else {
            return;
        };
        let (h, t) = (self.text(head).to_string(), self.text(tail).to_string());
        if h == t || !self.seen.insert((2, h, t, String::new())) {
            return;
        }
        let r = Relation::Accompany {
            head: self.ent(head).id.clone(),
            tail: self.ent(tail).id.clone(),
            head_text: Some(self.ent(head).text.clone()),
            tail_text: Some(self.ent(tail).text.clone()),
            evidence: self.evidence(sentence),
            rule: self.rule_name(rule),
        };
        self.relations.push(r);
    }
}
