//! Checks that a [`Document`] is consistent with the text it was extracted
//! from: the promises [`crate::Extractor::extract`] makes, written down once
//! so that property tests, the fuzzers and users reading JSON from elsewhere
//! test the same things.
//!
//! ```
//! let text = "区委副书记于勇来到七宝镇。";
//! let doc = govkg::Extractor::new().extract("d", text);
//! assert!(govkg::validate::problems(&doc, text).is_empty());
//!
//! let mut broken = doc.clone();
//! broken.entities[0].end = 99;
//! let found = govkg::validate::problems(&broken, text);
//! assert!(found[0].contains("out of bounds"), "{found:?}");
//! ```

use crate::document::{Document, Entity, Relation};
use crate::span::EntityKind;
use std::collections::HashMap;

/// Everything wrong with `doc` as the extraction of `text`, one readable
/// sentence per problem (empty when the document is consistent):
///
/// - every entity id is unique;
/// - every entity has `start < end <= ` the number of code points of `text`,
///   and its `text` equals that slice of `text` (by code points);
/// - every relation names entities of the document by id, of the kinds its
///   type allows (VISIT: PERSON or ORG to PLACE, ORG or PLOT; LEADS: PERSON,
///   with a TITLE; ACCOMPANY: PERSON to PERSON), its `head_text` and
///   `tail_text` are those entities' texts, and its evidence is a range
///   `start <= end <=` the number of code points.
pub fn problems(doc: &Document, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut by_id: HashMap<&str, &Entity> = HashMap::new();
    for e in &doc.entities {
        if by_id.insert(e.id.as_str(), e).is_some() {
            out.push(format!("entity id {:?} appears twice", e.id));
        }
        if e.start >= e.end {
            out.push(format!("entity {} is empty or reversed: {e:?}", e.id));
        } else if e.end > chars.len() {
            out.push(format!(
                "entity {} is out of bounds ({} code points): {e:?}",
                e.id,
                chars.len()
            ));
        } else {
            let slice: String = chars[e.start..e.end].iter().collect();
            if slice != e.text {
                out.push(format!(
                    "entity {} says {:?} but the text holds {slice:?} at {}..{}",
                    e.id, e.text, e.start, e.end
                ));
            }
        }
    }
    for r in &doc.relations {
        let mut end = |id: &str, text: Option<&str>, allowed: &[EntityKind], role: &str| match by_id
            .get(id)
        {
            None => out.push(format!("{role} {id:?} of {r:?} is no entity")),
            Some(e) => {
                if !allowed.contains(&e.kind) {
                    out.push(format!("{role} {id:?} of {r:?} is a {}", e.kind));
                }
                if text.is_some_and(|t| t != e.text) {
                    out.push(format!("{role} text of {r:?} is not {:?}", e.text));
                }
            }
        };
        use EntityKind::*;
        let evidence = match r {
            Relation::Visit {
                head,
                tail,
                head_text,
                tail_text,
                evidence,
                ..
            } => {
                end(head, head_text.as_deref(), &[Person, Org], "head");
                end(tail, tail_text.as_deref(), &[Place, Org, Plot], "tail");
                evidence
            }
            Relation::Leads {
                head,
                head_text,
                title,
                evidence,
                ..
            } => {
                end(head, head_text.as_deref(), &[Person], "head");
                if let Some(t) = title {
                    end(t, None, &[Title], "title");
                }
                evidence
            }
            Relation::Accompany {
                head,
                tail,
                head_text,
                tail_text,
                evidence,
                ..
            } => {
                end(head, head_text.as_deref(), &[Person], "head");
                end(tail, tail_text.as_deref(), &[Person], "tail");
                evidence
            }
        };
        if evidence[0] > evidence[1] || evidence[1] > chars.len() {
            out.push(format!(
                "evidence {evidence:?} of {r:?} is no range of the {} code points",
                chars.len()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(id: &str, kind: EntityKind, start: usize, end: usize, text: &str) -> Entity {
        Entity {
            id: id.into(),
            kind,
            start,
            end,
            text: text.into(),
            nested: false,
            rule: None,
            value: None,
        }
    }

    fn doc(entities: Vec<Entity>, relations: Vec<Relation>) -> Document {
        Document {
            id: "d".into(),
            text: None,
            entities,
            relations,
            context: None,
            rejected: Vec::new(),
        }
    }

    #[test]
    fn a_consistent_document_has_no_problems() {
        let text = "😀于勇来到七宝镇";
        let d = doc(
            vec![
                ent("e1", EntityKind::Person, 1, 3, "于勇"),
                ent("e2", EntityKind::Place, 5, 8, "七宝镇"),
            ],
            vec![Relation::Visit {
                head: "e1".into(),
                tail: "e2".into(),
                head_text: Some("于勇".into()),
                tail_text: None,
                date: None,
                purpose: None,
                evidence: [0, 8],
                rule: None,
                when: None,
            }],
        );
        assert_eq!(problems(&d, text), Vec::<String>::new());
    }

    #[test]
    fn each_broken_promise_is_reported() {
        let text = "于勇来到七宝镇";
        let d = doc(
            vec![
                ent("e1", EntityKind::Person, 0, 2, "于勇"),
                ent("e1", EntityKind::Place, 4, 7, "七宝镇"),
                ent("e3", EntityKind::Place, 3, 3, ""),
                ent("e4", EntityKind::Place, 4, 6, "七宝镇"),
                ent("e5", EntityKind::Place, 4, 9, "七宝镇"),
            ],
            vec![
                Relation::Accompany {
                    head: "e1".into(),
                    tail: "e9".into(),
                    head_text: Some("王".into()),
                    tail_text: None,
                    evidence: [3, 1],
                    rule: None,
                },
                Relation::Leads {
                    head: "e4".into(),
                    head_text: None,
                    org: "区委".into(),
                    role: "书记".into(),
                    title: None,
                    evidence: [0, 99],
                    rule: None,
                },
            ],
        );
        let p = problems(&d, text).join("\n");
        for needle in [
            "\"e1\" appears twice",
            "e3 is empty",
            "e4 says \"七宝镇\" but the text holds \"七宝\"",
            "e5 is out of bounds",
            "tail \"e9\"",
            "head text",
            "evidence [3, 1]",
            "head \"e4\"",
            "evidence [0, 99]",
        ] {
            assert!(p.contains(needle), "{needle} missing from:\n{p}");
        }
    }
}
