//! Evidence stops at a headline (issue 21): a headline without closing
//! punctuation that the normaliser joined to the paragraph below it still
//! ends the evidence sentence.

mod common;

use govkg::{Extractor, Relation};

/// The evidence texts of the relations `head` heads in document `id` of
/// the sample corpus.
fn evidence_of(id: &str, head: &str) -> Vec<String> {
    let (_, text) = common::corpus()
        .into_iter()
        .find(|(stem, _)| stem == id)
        .expect("a sample document");
    let doc = Extractor::new().extract(id, &text);
    let chars: Vec<char> = text.chars().collect();
    doc.relations
        .iter()
        .filter_map(|r| match r {
            Relation::Visit {
                head: h, evidence, ..
            }
            | Relation::Leads {
                head: h, evidence, ..
            } if doc.entity(h).is_some_and(|e| e.text == head) => {
                Some(chars[evidence[0]..evidence[1]].iter().collect())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_headline_is_its_own_evidence() {
    let headline = "区委副书记于勇,区委常委、宣传部部长刘世军一行赴七宝镇开展“创全”督查";
    let yu = evidence_of("000_67e299d5ffcb0bd7", "于勇");
    assert!(yu.iter().any(|e| e == headline), "{yu:#?}");
    for e in &yu {
        assert!(!e.contains("督查\n\n2018年"), "runs past the headline: {e}");
    }
    let li = evidence_of("003_c7c72cb30660269e", "李春铭");
    assert!(
        li.iter()
            .any(|e| e == "区府办副主任、区城运中心主任李春铭一行调研航头镇"),
        "{li:#?}"
    );
    for e in &li {
        assert!(
            !e.contains("航头镇\n\n11月19日"),
            "runs past the headline: {e}"
        );
    }
}
