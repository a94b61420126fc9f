//! Per-rule scores: for each rule, how many of its outputs a gold set
//! holds and how many it does not (`govkg eval --by-rule GOLD PRED`, with
//! PRED from `govkg tag --explain`).
//!
//! - An entity counts for the rule in its `"rule"`: right when the gold has
//!   its exact span and type, wrong when it does not (a span strictly inside
//!   a gold span is ignored, as the scorer ignores it).
//! - A rejected candidate counts for the rule that rejected it: right when
//!   the gold does not have it, wrong when it does (a true entity lost).
//! - A relation counts for its rule: right when its scoring key is gold.
//!
//! A rule with more wrong than right is doing harm on that set.

use crate::eval::{Key, keyed_relations, spans};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// What a rule did: made entities, rejected candidates, or made relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Output {
    /// Entities the rule made.
    Entity,
    /// Candidates the rule rejected.
    Rejection,
    /// Relations the rule made.
    Relation,
}

impl Output {
    fn label(self) -> &'static str {
        match self {
            Output::Entity => "entity",
            Output::Rejection => "rejected",
            Output::Relation => "relation",
        }
    }
}

/// Right and wrong outputs of one rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Outputs the gold agrees with.
    pub right: usize,
    /// Outputs the gold disagrees with.
    pub wrong: usize,
}

/// Tallies by (what, rule name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleScores {
    /// One tally per rule and kind of output.
    pub tallies: BTreeMap<(Output, String), Tally>,
    /// Predicted items that carry no `"rule"` (PRED was not made with `--explain`).
    pub unexplained: usize,
}

impl RuleScores {
    /// A table, one line per rule, worst precision first within each kind.
    pub fn report(&self) -> String {
        let mut rows: Vec<(&(Output, String), &Tally)> = self.tallies.iter().collect();
        rows.sort_by(|a, b| {
            let p = |t: &Tally| t.right as f64 / (t.right + t.wrong).max(1) as f64;
            (a.0.0, p(a.1), &a.0.1)
                .partial_cmp(&(b.0.0, p(b.1), &b.0.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut out = format!(
            "{:<34} {:<9} {:>6} {:>6} {:>9}\n",
            "rule", "output", "right", "wrong", "precision"
        );
        for ((what, rule), t) in rows {
            let p = t.right as f64 / (t.right + t.wrong).max(1) as f64;
            out.push_str(&format!(
                "{:<34} {:<9} {:>6} {:>6} {:>9.3}\n",
                rule,
                what.label(),
                t.right,
                t.wrong,
                p
            ));
        }
        if self.unexplained > 0 {
            out.push_str(&format!(
                "{} predicted items carry no rule: make PRED with `govkg tag --explain`\n",
                self.unexplained
            ));
        }
        out
    }
}

fn rule_of(v: &Value) -> Option<&str> {
    v.get("rule").and_then(Value::as_str)
}

fn span_of(v: &Value) -> (i64, i64, String) {
    (
        v.get("start").and_then(Value::as_i64).unwrap_or(0),
        v.get("end").and_then(Value::as_i64).unwrap_or(0),
        v.get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    )
}

/// Scores each rule of `pred` against `gold` over the entity types `types`.
///
/// ```
/// use govkg::eval::load;
/// let gold = load("g", r#"{"id":"a","entities":[{"type":"PERSON","start":0,"end":2}]}"#.as_bytes())?;
/// let pred = load("p", r#"{"id":"a","entities":[{"type":"PERSON","start":0,"end":2,"rule":"person.after-title"},{"type":"PLACE","start":3,"end":5,"rule":"place.suffix"}]}"#.as_bytes())?;
/// let s = govkg::rule_scores::score(&gold, &pred, &["PERSON", "PLACE"]);
/// assert_eq!(s.tallies[&(govkg::rule_scores::Output::Entity, "place.suffix".into())].wrong, 1);
/// # Ok::<(), govkg::Error>(())
/// ```
pub fn score(gold: &[(String, Value)], pred: &[(String, Value)], types: &[&str]) -> RuleScores {
    let gold: BTreeMap<&str, &Value> = gold.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut s = RuleScores::default();
    let empty = Vec::new();
    for (id, p) in pred {
        let Some(g) = gold.get(id.as_str()) else {
            continue;
        };
        let gall = spans(g);
        let gspans: HashSet<&(i64, i64, String)> = gall.iter().collect();
        let inside_gold = |k: &(i64, i64, String)| {
            gall.iter()
                .any(|(a, b, _)| *a <= k.0 && k.1 <= *b && (*a, *b) != (k.0, k.1))
        };
        let mut tally = |what: Output, rule: Option<&str>, right: bool| match rule {
            Some(r) => {
                let t = s.tallies.entry((what, r.to_string())).or_default();
                if right {
                    t.right += 1;
                } else {
                    t.wrong += 1;
                }
            }
            None => s.unexplained += 1,
        };
        for e in p
            .get("entities")
            .and_then(Value::as_array)
            .unwrap_or(&empty)
        {
            let k = span_of(e);
            if !types.contains(&k.2.as_str()) {
                continue;
            }
            let right = gspans.contains(&k);
            if !right && inside_gold(&k) {
                continue;
            }
            tally(Output::Entity, rule_of(e), right);
        }
        for r in p
            .get("rejected")
            .and_then(Value::as_array)
            .unwrap_or(&empty)
        {
            let k = span_of(r);
            if !types.contains(&k.2.as_str()) {
                continue;
            }
            tally(Output::Rejection, rule_of(r), !gspans.contains(&k));
        }
        let gold_keys: HashSet<Key> = keyed_relations(g).into_iter().map(|(k, _)| k).collect();
        for (k, r) in keyed_relations(p) {
            tally(Output::Relation, rule_of(r), gold_keys.contains(&k));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::load;

    #[test]
    fn rejections_are_right_when_the_gold_lacks_the_candidate() {
        let gold = load(
            "g",
            r#"{"id":"a","entities":[{"type":"ORG","start":0,"end":4,"text":"青山小学"}],"relations":[{"type":"VISIT","head_text":"甲","tail_text":"乙"}]}"#
                .as_bytes(),
        )
        .unwrap();
        let pred = load(
            "p",
            r#"{"id":"a","entities":[{"id":"e1","type":"PLACE","start":0,"end":2,"rule":"place.lexicon"}],"rejected":[{"type":"ORG","start":0,"end":4,"rule":"reject.overlap","source":"org.suffix"},{"type":"ORG","start":5,"end":7,"rule":"reject.overlap","source":"org.suffix"}],"relations":[{"type":"VISIT","head_text":"甲","tail_text":"乙","rule":"visit.clause"},{"type":"VISIT","head_text":"甲","tail_text":"丙"}]}"#
                .as_bytes(),
        )
        .unwrap();
        let s = score(&gold, &pred, &["ORG", "PLACE"]);
        // The PLACE lies inside a gold span: ignored, as the scorer does.
        assert!(
            !s.tallies
                .contains_key(&(Output::Entity, "place.lexicon".into()))
        );
        assert_eq!(
            s.tallies[&(Output::Rejection, "reject.overlap".into())],
            Tally { right: 1, wrong: 1 }
        );
        assert_eq!(
            s.tallies[&(Output::Relation, "visit.clause".into())],
            Tally { right: 1, wrong: 0 }
        );
        assert_eq!(s.unexplained, 1);
        assert!(s.report().contains("make PRED with `govkg tag --explain`"));
    }
}
