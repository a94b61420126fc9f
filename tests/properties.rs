//! Property tests: whatever the input, extraction never panics and every
//! span it reports is valid and slices to its text.

use govkg::Extractor;
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::new)
}

/// Pieces of the genre mixed with hostile characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("区委副书记".to_string()),
        Just("镇党委书记".to_string()),
        Just("七宝镇".to_string()),
        Just("闵行区".to_string()),
        Just("一行来到".to_string()),
        Just("陪同".to_string()),
        Just("、".to_string()),
        Just(",".to_string()),
        Just("。".to_string()),
        Just("\n\n".to_string()),
        Just("地块".to_string()),
        Just("01-02".to_string()),
        Just("１２月２７日".to_string()),
        Just("2023年".to_string()),
        Just("有限公司".to_string()),
        Just("路".to_string()),
        Just("王".to_string()),
        Just("\u{301}".to_string()),
        Just("😀".to_string()),
        Just("\u{0}".to_string()),
        Just("①".to_string()),
        "[\\u{4e00}-\\u{9fff}]{1,4}",
        "[a-zA-Z0-9 #\\-]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_are_valid(t in text()) {
        let doc = extractor().extract("p", &t);
        let chars: Vec<char> = t.chars().collect();
        for e in &doc.entities {
            prop_assert!(e.start < e.end, "empty span {:?}", e);
            prop_assert!(e.end <= chars.len(), "span out of bounds {:?}", e);
            let slice: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(&slice, &e.text);
        }
        let ids: std::collections::HashSet<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
        prop_assert_eq!(ids.len(), doc.entities.len());
        for r in &doc.relations {
            let json = serde_json::to_value(r).unwrap();
            for side in ["head", "tail", "title"] {
                if let Some(id) = json.get(side).and_then(|v| v.as_str()) {
                    prop_assert!(ids.contains(id), "relation names a missing entity {}", id);
                }
            }
        }
    }
}

#[test]
fn degenerate_inputs() {
    for t in [
        "",
        " ",
        "\n\n\n",
        "地块地块地块",
        "书记书记书记",
        "1111111111",
        "、、、",
        "\u{feff}",
    ] {
        let doc = extractor().extract("d", t);
        assert!(doc.entities.iter().all(|e| e.start < e.end));
    }
    let long: String = "七宝镇党委书记严俊".repeat(2000);
    let doc = extractor().extract("long", &long);
    assert!(!doc.entities.is_empty());
}
