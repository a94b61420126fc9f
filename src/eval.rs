//! Scoring predictions against gold, exactly as the reference scorer
//! `tests/fixtures/score.py` does (same matching rules, same numbers, same
//! text report; `tests/cli.rs` checks the parity).
//!
//! Entities match on exact `(start, end, type)`; a predicted span strictly
//! inside a gold span that is not itself gold is ignored. Relations match
//! per document as sets of keys: `(type, head text, tail text)` for VISIT
//! and ACCOMPANY, `(LEADS, person, org, role)` for LEADS.

use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::BufRead;

/// The entity types scored, in report order.
pub const ENTITY_TYPES: [&str; 6] = ["PERSON", "TITLE", "PLACE", "ORG", "PLOT", "DATE"];
/// The relation types scored, in report order.
pub const RELATION_TYPES: [&str; 3] = ["VISIT", "LEADS", "ACCOMPANY"];

/// Reads a comma-separated list of entity types to score, in any case
/// (`person,Title`), into [`ENTITY_TYPES`] names, each once, in the order
/// given. An unknown or missing type is an error naming it and the types
/// there are.
///
/// ```
/// use govkg::eval::parse_types;
/// assert_eq!(parse_types("person, Title").unwrap(), ["PERSON", "TITLE"]);
/// assert!(parse_types("PERSON,PEOPLE").unwrap_err().contains("PEOPLE"));
/// assert!(parse_types(",").is_err());
/// ```
pub fn parse_types(list: &str) -> std::result::Result<Vec<&'static str>, String> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let Some(&known) = ENTITY_TYPES.iter().find(|k| k.eq_ignore_ascii_case(t)) else {
            return Err(format!(
                "unknown entity type {t:?} (the types are {})",
                ENTITY_TYPES.join(", ")
            ));
        };
        if !out.contains(&known) {
            out.push(known);
        }
    }
    if out.is_empty() {
        return Err(format!(
            "no entity type given (the types are {})",
            ENTITY_TYPES.join(", ")
        ));
    }
    Ok(out)
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall, F1 (0 where undefined, as score.py).
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// A full score: per type and micro-averaged.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Per entity type, in [`ENTITY_TYPES`] order (only the scored types).
    pub entities: Vec<(String, Counts)>,
    /// Per relation type.
    pub relations: Vec<(String, Counts)>,
    /// Gold documents missing from the prediction.
    pub missing: Vec<String>,
}

impl Score {
    /// Micro-averaged entity counts.
    pub fn entity_micro(&self) -> Counts {
        let mut c = Counts::default();
        self.entities.iter().for_each(|(_, x)| c.add(*x));
        c
    }

    /// Micro-averaged relation counts.
    pub fn relation_micro(&self) -> Counts {
        let mut c = Counts::default();
        self.relations.iter().for_each(|(_, x)| c.add(*x));
        c
    }

    /// F1 of one entity type.
    pub fn entity_f1(&self, t: &str) -> f64 {
        self.entities
            .iter()
            .find(|(n, _)| n == t)
            .map_or(0.0, |(_, c)| c.prf().2)
    }

    /// F1 of one relation type.
    pub fn relation_f1(&self, t: &str) -> f64 {
        self.relations
            .iter()
            .find(|(n, _)| n == t)
            .map_or(0.0, |(_, c)| c.prf().2)
    }

    /// The text report, line for line as score.py prints it.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (name, rows, micro) in [
            ("entities", &self.entities, self.entity_micro()),
            ("relations", &self.relations, self.relation_micro()),
        ] {
            let _ = writeln!(
                out,
                "{:10} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
                name, "P", "R", "F1", "tp", "fp", "fn"
            );
            for (t, c) in rows
                .iter()
                .chain(std::iter::once(&("micro".to_string(), micro)))
            {
                let (p, r, f) = c.prf();
                let _ = writeln!(
                    out,
                    "  {:8} {:6.3} {:6.3} {:6.3} {:5} {:5} {:5}",
                    t, p, r, f, c.tp, c.fp, c.fn_
                );
            }
        }
        if !self.missing.is_empty() {
            let _ = writeln!(
                out,
                "missing documents in prediction: {}",
                self.missing.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "entity micro F1 {:.3}, relation micro F1 {:.3}",
            self.entity_micro().prf().2,
            self.relation_micro().prf().2
        );
        out
    }
}

/// Reads a JSON Lines file of documents keyed by `id` (later lines win).
/// Returns them in first-seen order.
pub fn load<R: BufRead>(name: &str, reader: R) -> Result<Vec<(String, Value)>> {
    let mut order: Vec<String> = Vec::new();
    let mut docs: HashMap<String, Value> = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::Json {
            source_name: name.to_string(),
            line: i + 1,
            message: e.to_string(),
        })?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| Error::Json {
            source_name: name.to_string(),
            line: i + 1,
            message: format!("not JSON: {e}"),
        })?;
        let id = match v.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(other) if !other.is_null() => other.to_string(),
            _ => {
                return Err(Error::Json {
                    source_name: name.to_string(),
                    line: i + 1,
                    message: "no id".to_string(),
                });
            }
        };
        if !docs.contains_key(&id) {
            order.push(id.clone());
        }
        docs.insert(id, v);
    }
    Ok(order
        .into_iter()
        .map(|id| {
            let v = docs.remove(&id).unwrap_or(Value::Null);
            (id, v)
        })
        .collect())
}

pub(crate) fn norm(v: Option<&Value>) -> String {
    let s = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(false)) => String::new(),
        Some(other) => other.to_string(),
    };
    s.split_whitespace().collect()
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(Value::Bool(true)) => true,
    }
}

pub(crate) type Key = (String, String, String, String);

pub(crate) fn relation_keys(doc: &Value) -> HashSet<Key> {
    keyed_relations(doc).into_iter().map(|(k, _)| k).collect()
}

/// Each VISIT, LEADS and ACCOMPANY of `doc` with its scoring key.
pub(crate) fn keyed_relations(doc: &Value) -> Vec<(Key, &Value)> {
    let empty = Vec::new();
    let ents = doc
        .get("entities")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let by_id: HashMap<String, &Value> = ents
        .iter()
        .map(|e| {
            (
                e.get("id")
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .unwrap_or_default(),
                e,
            )
        })
        .collect();
    let end_text = |r: &Value, side: &str| -> String {
        let t = r.get(format!("{side}_text"));
        if truthy(t) {
            return norm(t);
        }
        let id = r.get(side).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        match id.and_then(|i| by_id.get(&i).copied()) {
            Some(e) => norm(e.get("text")),
            None => String::new(),
        }
    };
    let mut keys = Vec::new();
    for r in doc
        .get("relations")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
    {
        let t = r.get("type").and_then(Value::as_str).unwrap_or("");
        match t {
            "LEADS" => keys.push((
                (
                    t.to_string(),
                    end_text(r, "head"),
                    norm(r.get("org")),
                    norm(r.get("role")),
                ),
                r,
            )),
            "VISIT" | "ACCOMPANY" => keys.push((
                (
                    t.to_string(),
                    end_text(r, "head"),
                    end_text(r, "tail"),
                    String::new(),
                ),
                r,
            )),
            _ => {}
        }
    }
    keys
}

pub(crate) fn spans(doc: &Value) -> Vec<(i64, i64, String)> {
    doc.get("entities")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e.get("start").and_then(Value::as_i64).unwrap_or(0),
                        e.get("end").and_then(Value::as_i64).unwrap_or(0),
                        e.get("type")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Scores `pred` against `gold` over the entity types `types`.
pub fn score(gold: &[(String, Value)], pred: &[(String, Value)], types: &[&str]) -> Score {
    let pred: HashMap<&str, &Value> = pred.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let empty = serde_json::json!({"entities": [], "relations": []});
    let mut ent: BTreeMap<String, Counts> = BTreeMap::new();
    let mut rel: BTreeMap<String, Counts> = BTreeMap::new();
    let mut missing = Vec::new();
    for (id, _) in gold {
        if !pred.contains_key(id.as_str()) {
            missing.push(id.clone());
        }
    }
    for (id, g) in gold {
        let p = pred.get(id.as_str()).copied().unwrap_or(&empty);
        let gall: Vec<(i64, i64, String)> = spans(g);
        let gspans: HashSet<(i64, i64, String)> = gall
            .iter()
            .filter(|k| types.contains(&k.2.as_str()))
            .cloned()
            .collect();
        let mut pspans: HashSet<(i64, i64, String)> = HashSet::new();
        for k in spans(p) {
            if !types.contains(&k.2.as_str()) {
                continue;
            }
            if !gspans.contains(&k)
                && gall
                    .iter()
                    .any(|(s, t, _)| *s <= k.0 && k.1 <= *t && (*s, *t) != (k.0, k.1))
            {
                continue;
            }
            pspans.insert(k);
        }
        for t in types {
            let gs: HashSet<&(i64, i64, String)> = gspans.iter().filter(|k| k.2 == *t).collect();
            let ps: HashSet<&(i64, i64, String)> = pspans.iter().filter(|k| k.2 == *t).collect();
            let c = ent.entry(t.to_string()).or_default();
            c.tp += gs.intersection(&ps).count();
            c.fp += ps.difference(&gs).count();
            c.fn_ += gs.difference(&ps).count();
        }
        let gk = relation_keys(g);
        let pk = relation_keys(p);
        for t in RELATION_TYPES {
            let gs: HashSet<&Key> = gk.iter().filter(|k| k.0 == t).collect();
            let ps: HashSet<&Key> = pk.iter().filter(|k| k.0 == t).collect();
            let c = rel.entry(t.to_string()).or_default();
            c.tp += gs.intersection(&ps).count();
            c.fp += ps.difference(&gs).count();
            c.fn_ += gs.difference(&ps).count();
        }
    }
    Score {
        entities: types
            .iter()
            .map(|t| (t.to_string(), ent.get(*t).copied().unwrap_or_default()))
            .collect(),
        relations: RELATION_TYPES
            .iter()
            .map(|t| (t.to_string(), rel.get(*t).copied().unwrap_or_default()))
            .collect(),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(s: &str) -> Vec<(String, Value)> {
        load("t", s.as_bytes()).unwrap()
    }

    #[test]
    fn nested_predictions_are_ignored() {
        let gold = docs(
            r#"{"id":"a","entities":[{"id":"e1","type":"TITLE","start":0,"end":7,"text":"七宝镇党委书记"}]}"#,
        );
        let pred = docs(
            r#"{"id":"a","entities":[{"id":"e1","type":"TITLE","start":0,"end":7},{"id":"e2","type":"PLACE","start":0,"end":3}]}"#,
        );
        let s = score(&gold, &pred, &ENTITY_TYPES);
        assert_eq!(
            s.entity_micro(),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn relations_by_text_or_id() {
        let gold = docs(
            r#"{"id":"a","entities":[],"relations":[{"type":"VISIT","head_text":"于勇","tail_text":"七宝镇"},{"type":"LEADS","head_text":"于勇","org":"闵行区委","role":"副书记"}]}"#,
        );
        let pred = docs(
            r#"{"id":"a","entities":[{"id":"e1","text":"于勇","type":"PERSON","start":0,"end":2},{"id":"e2","text":"七宝\n镇","type":"PLACE","start":3,"end":6}],"relations":[{"type":"VISIT","head":"e1","tail":"e2"},{"type":"LEADS","head":"e1","org":"区委","role":"副书记"}]}"#,
        );
        let s = score(&gold, &pred, &ENTITY_TYPES);
        assert_eq!(
            s.relation_micro(),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert!(
            s.report()
                .ends_with("entity micro F1 0.000, relation micro F1 0.500\n")
        );
    }

    #[test]
    fn missing_documents_and_errors() {
        let gold = docs("{\"id\":\"a\",\"entities\":[]}\n{\"id\":\"b\",\"entities\":[]}");
        let s = score(&gold, &docs(r#"{"id":"a","entities":[]}"#), &ENTITY_TYPES);
        assert_eq!(s.missing, ["b"]);
        let err = load("p.jsonl", "{\"id\":1}\nnot json\n".as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("p.jsonl:2: not JSON"));
    }
}
