//! `govkg tag --explain` and `govkg eval --by-rule`: every entity and
//! relation names the rule that made it, rejected candidates are listed
//! with the rule that rejected them, and the per-rule tallies add up to the
//! scorer's counts.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

fn govkg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    c.stdin(Stdio::null());
    c
}

fn tag(explain: bool, dir: &Path) -> std::path::PathBuf {
    let mut c = govkg();
    c.args(["tag", "--no-text", "tests/fixtures/corpus"]);
    if explain {
        c.arg("--explain");
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = dir.join(if explain {
        "explained.jsonl"
    } else {
        "plain.jsonl"
    });
    std::fs::write(&p, &o.stdout).unwrap();
    p
}

fn docs(p: &Path) -> Vec<Value> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn explained_output_names_a_known_rule_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let explained = docs(&tag(true, dir.path()));
    let plain = docs(&tag(false, dir.path()));
    let mut rejected = 0;
    for (e, p) in explained.iter().zip(&plain) {
        for item in e["entities"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["relations"].as_array().unwrap())
        {
            let rule = item["rule"].as_str().expect("a rule on every item");
            assert!(
                govkg::Rule::from_name(rule).is_some(),
                "unknown rule {rule}"
            );
        }
        for r in e["rejected"].as_array().into_iter().flatten() {
            rejected += 1;
            for key in ["rule", "source"] {
                let rule = r[key].as_str().unwrap();
                assert!(
                    govkg::Rule::from_name(rule).is_some(),
                    "unknown rule {rule}"
                );
            }
        }
        // Explaining adds rules and rejections and changes nothing else.
        let strip = |d: &Value| {
            let mut d = d.clone();
            d.as_object_mut().unwrap().remove("rejected");
            for k in ["entities", "relations"] {
                for item in d[k].as_array_mut().unwrap() {
                    item.as_object_mut().unwrap().remove("rule");
                }
            }
            d
        };
        assert_eq!(strip(e), *p);
        assert!(p.get("rejected").is_none());
    }
    assert!(rejected > 0, "the samples have rejected candidates");
}

#[test]
fn per_rule_tallies_add_up_to_the_scorers_counts() {
    let dir = tempfile::tempdir().unwrap();
    let pred = tag(true, dir.path());
    let gold = dir.path().join("gold.jsonl");
    let mut g = String::new();
    for f in ["seeds-news.jsonl", "seeds-reports.jsonl"] {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/gold")
            .join(f);
        g.push_str(&std::fs::read_to_string(p).unwrap());
    }
    std::fs::write(&gold, g).unwrap();
    let load = |p: &Path| {
        govkg::eval::load(
            "x",
            std::io::BufReader::new(std::fs::File::open(p).unwrap()),
        )
        .unwrap()
    };
    let (gold_docs, pred_docs) = (load(&gold), load(&pred));
    let types = govkg::eval::ENTITY_TYPES;
    let scores = govkg::eval::score(&gold_docs, &pred_docs, &types);
    let by_rule = govkg::rule_scores::score(&gold_docs, &pred_docs, &types);
    use govkg::rule_scores::Output;
    let sum = |what: Output, right: bool| -> usize {
        by_rule
            .tallies
            .iter()
            .filter(|((w, _), _)| *w == what)
            .map(|(_, t)| if right { t.right } else { t.wrong })
            .sum()
    };
    assert_eq!(sum(Output::Entity, true), scores.entity_micro().tp);
    assert_eq!(sum(Output::Entity, false), scores.entity_micro().fp);
    assert_eq!(sum(Output::Relation, true), scores.relation_micro().tp);
    assert_eq!(by_rule.unexplained, 0);
    // And the command prints them.
    let o = govkg()
        .args(["eval", "--by-rule"])
        .arg(&gold)
        .arg(&pred)
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("rule "), "{out}");
    assert!(out.contains("person.after-title"), "{out}");
}
