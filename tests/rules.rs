//! Rule tests as tables: each line of `tests/rules/*.tsv` is a sentence,
//! what one rule must make of it, and the rule's id. The harness runs every
//! sentence through [`Extractor::extract`] with provenance on, and a failing
//! case names its file, line and rule.
//!
//! ```text
//! TEXT<TAB>EXPECT<TAB>RULE
//! 京沪高铁和沪宁高速保持畅通。<TAB>PLACE 京沪高铁<TAB>place.line
//! 会议选举张建华同志为县人民政府副县长。<TAB>LEADS 张建华 -> 县人民政府 副县长<TAB>leads.title
//! 经济高速发展。<TAB>!PLACE<TAB>place.line
//! ```
//!
//! `EXPECT` is an entity (`KIND TEXT`) or a relation (`VISIT HEAD -> TAIL`,
//! `LEADS PERSON -> ORG ROLE`, `ACCOMPANY HEAD -> TAIL`) that the rule
//! `RULE` made. With `!` in front it is what the sentence must not hold:
//! nothing whose description starts with it (`!PLACE` is no place at all);
//! when `RULE` is a `reject.*` rule, that rule must have rejected such a
//! candidate. `\n` in `TEXT` is a line break; `#` starts a comment line.

use govkg::{Document, Extractor, Relation, Rule};

/// One line of a table.
struct Case {
    at: String,
    text: String,
    expect: String,
    rule: String,
}

fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rules");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/rules")
        .map(|e| e.expect("a table").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let body = std::fs::read_to_string(&path).expect("a UTF-8 table");
        for (i, line) in body.lines().enumerate() {
            let at = format!("tests/rules/{name}:{}", i + 1);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [text, expect, rule] = cols[..] else {
                panic!(
                    "{at}: expected TEXT<TAB>EXPECT<TAB>RULE, found {} columns",
                    cols.len()
                );
            };
            assert!(
                Rule::from_name(rule).is_some(),
                "{at}: `{rule}` is no rule (see govkg::Rule)"
            );
            out.push(Case {
                at,
                text: text.replace("\\n", "\n"),
                expect: expect.to_string(),
                rule: rule.to_string(),
            });
        }
    }
    out
}

/// A description of what a document holds, and the rule behind it.
type Described = (String, String);

/// Everything a document holds, as (description, rule): entities as
/// `KIND TEXT`, relations as `TYPE HEAD -> TAIL` (`LEADS` with its org and
/// role). Rejected candidates come apart, as `KIND TEXT`.
fn described(doc: &Document) -> (Vec<Described>, Vec<Described>) {
    let rule = |r: &Option<String>| r.clone().unwrap_or_default();
    let name = |id: &str| doc.entity(id).map(|e| e.text.clone()).unwrap_or_default();
    let mut made: Vec<Described> = doc
        .entities
        .iter()
        .map(|e| (format!("{} {}", e.kind, e.text), rule(&e.rule)))
        .collect();
    for r in &doc.relations {
        made.push(match r {
            Relation::Visit {
                head,
                tail,
                rule: r,
                ..
            } => (format!("VISIT {} -> {}", name(head), name(tail)), rule(r)),
            Relation::Leads {
                head,
                org,
                role,
                rule: r,
                ..
            } => (format!("LEADS {} -> {org} {role}", name(head)), rule(r)),
            Relation::Accompany {
                head,
                tail,
                rule: r,
                ..
            } => (
                format!("ACCOMPANY {} -> {}", name(head), name(tail)),
                rule(r),
            ),
            _ => continue,
        });
    }
    let rejected = doc
        .rejected
        .iter()
        .map(|x| (format!("{} {}", x.kind, x.text), x.rule.clone()))
        .collect();
    (made, rejected)
}

/// Why `case` fails on `doc`, if it does.
fn failure(case: &Case, doc: &Document) -> Option<String> {
    let (made, rejected) = described(doc);
    let list = |xs: &[Described]| {
        xs.iter()
            .map(|(d, r)| format!("{d} [{r}]"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(absent) = case.expect.strip_prefix('!') {
        if let Some((d, r)) = made.iter().find(|(d, _)| d.starts_with(absent)) {
            return Some(format!("must not hold `{absent}…`, but {r} made `{d}`"));
        }
        if case.rule.starts_with("reject.")
            && !rejected
                .iter()
                .any(|(d, r)| d.starts_with(absent) && *r == case.rule)
        {
            return Some(format!(
                "expected {} to reject `{absent}…`; rejected: [{}]",
                case.rule,
                list(&rejected)
            ));
        }
        return None;
    }
    // A name written twice may come from two rules: any of its mentions
    // made by the rule will do.
    let mut with_text = made.iter().filter(|(d, _)| *d == case.expect);
    let first = with_text.clone().next();
    match with_text.find(|(_, r)| *r == case.rule).or(first) {
        Some((_, r)) if *r == case.rule => None,
        Some((_, r)) => Some(format!(
            "`{}` was made by {r}, not {}",
            case.expect, case.rule
        )),
        None => Some(format!("no `{}`; found: [{}]", case.expect, list(&made))),
    }
}

#[test]
fn every_rule_case_holds() {
    let ex = Extractor::builder()
        .explain(true)
        .build()
        .expect("extractor");
    let cases = cases();
    assert!(!cases.is_empty(), "tests/rules holds cases");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let doc = ex.extract("rule-case", &c.text);
            failure(c, &doc)
                .map(|why| format!("{}: rule {}: {why}\n    in `{}`", c.at, c.rule, c.text))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rule cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
