//! Accuracy on the bundled sample corpus: runs [`govkg::Extractor`] on every
//! document of `tests/fixtures/corpus/`, scores it against
//! `tests/fixtures/gold/` with [`govkg::eval::score`] (the reference
//! scorer's rules), prints the report and asserts the floors below.
//!
//! See the report with
//!
//! ```text
//! cargo test --test samples -- --nocapture
//! ```

use govkg::Extractor;
use govkg::eval::{self, ENTITY_TYPES};
use serde_json::Value;
mod common;
use common::{corpus, fixtures};
use std::path::PathBuf;

/// Lowest acceptable F1 per entity type (and micro-averaged) on the sample
/// corpus.
///
/// The entity floors are the figures issue 2 requires on the sample gold
/// (measured at the time they were set: PERSON 0.982, TITLE 0.984,
/// PLACE 0.898, ORG 0.891, PLOT 0.986, DATE 1.000, micro 0.922). Never lower
/// one to make a change pass without saying why in the commit.
const ENTITY_F1_FLOORS: [(&str, f64); 7] = [
    // The figures issue 2 asks for on the sample gold.
    ("PERSON", 0.97),
    ("TITLE", 0.93),
    ("PLACE", 0.88),
    ("ORG", 0.85),
    ("PLOT", 0.95),
    ("DATE", 0.95),
    ("micro", 0.92),
];

/// Lowest acceptable F1 per relation type (and micro-averaged); see
/// [`ENTITY_F1_FLOORS`].
///
/// Each floor is the F1 measured when it was set minus 0.02, at commit
/// 3b848bf: VISIT 0.937, LEADS 1.000, ACCOMPANY 1.000, micro 0.971. Issue 3
/// asks for VISIT 0.85, LEADS 0.90, ACCOMPANY 0.80 and micro 0.88. Raise them
/// as accuracy improves; never lower one to make a change pass without
/// saying why in the commit.
const RELATION_F1_FLOORS: [(&str, f64); 4] = [
    ("VISIT", 0.917),
    ("LEADS", 0.980),
    ("ACCOMPANY", 0.980),
    ("micro", 0.951),
];

/// Every gold document, in file order.
fn gold() -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("gold"))
        .expect("tests/fixtures/gold exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for f in files {
        let reader = std::io::BufReader::new(std::fs::File::open(&f).unwrap());
        all.extend(eval::load(&f.display().to_string(), reader).unwrap());
    }
    all
}

/// Python's `text[start:end]`.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn f1(rows: &[(String, eval::Counts)], micro: eval::Counts, name: &str) -> f64 {
    if name == "micro" {
        return micro.prf().2;
    }
    rows.iter()
        .find(|(t, _)| t == name)
        .unwrap_or_else(|| panic!("no type {name} in the score"))
        .1
        .prf()
        .2
}

#[test]
fn sample_corpus_scores_above_floors() {
    let extractor = Extractor::new();
    let docs = corpus();
    let gold = gold();
    assert_eq!(docs.len(), 5, "five sample documents");
    for (id, _) in &gold {
        assert!(
            docs.iter().any(|(d, _)| d == id),
            "gold document {id} has no text in the corpus"
        );
    }

    let mut pred = Vec::with_capacity(docs.len());
    for (id, text) in &docs {
        let doc = extractor.extract(id, text);
        assert_eq!(&doc.id, id);
        let n = text.chars().count();
        for e in &doc.entities {
            assert!(
                e.start < e.end && e.end <= n,
                "{id}: bad offsets {}..{} for {:?}",
                e.start,
                e.end,
                e.text
            );
            assert_eq!(
                cp_slice(text, e.start, e.end),
                e.text,
                "{id}: {} {}..{} does not slice to its text",
                e.kind,
                e.start,
                e.end
            );
        }
        pred.push((id.clone(), serde_json::to_value(&doc).unwrap()));
    }

    let score = eval::score(&gold, &pred, &ENTITY_TYPES);
    println!(
        "sample corpus ({} documents):\n{}",
        docs.len(),
        score.report()
    );
    assert!(score.missing.is_empty(), "missing: {:?}", score.missing);

    let mut failures = Vec::new();
    for (name, floor) in ENTITY_F1_FLOORS {
        let got = f1(&score.entities, score.entity_micro(), name);
        if got < floor {
            failures.push(format!("entity {name}: F1 {got:.3} < floor {floor:.3}"));
        }
    }
    for (name, floor) in RELATION_F1_FLOORS {
        let got = f1(&score.relations, score.relation_micro(), name);
        if got < floor {
            failures.push(format!("relation {name}: F1 {got:.3} < floor {floor:.3}"));
        }
    }
    assert!(
        failures.is_empty(),
        "below the floors:\n  {}\n{}",
        failures.join("\n  "),
        score.report()
    );
}

#[test]
fn floors_name_every_entity_type() {
    for t in ENTITY_TYPES {
        assert!(
            ENTITY_F1_FLOORS.iter().any(|(n, _)| *n == t),
            "no floor for {t}"
        );
    }
}
