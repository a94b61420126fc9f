//! Property tests of the graph: whatever the documents (hostile names,
//! dangling relations, offsets past the text), building never panics, the
//! saved form loads back equal, merging does not depend on order, every
//! export is written, and date ranges never panic.

use govkg::graph::{DateRange, KnowledgeGraph, PartialDate};
use govkg::{Document, Entity, EntityKind, Relation};
use proptest::prelude::*;

/// The embedded lexicon, built once for the whole test binary.
fn lex() -> &'static govkg::Lexicon {
    static LEX: std::sync::OnceLock<govkg::Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(govkg::Lexicon::embedded)
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("七宝镇".to_string()),
        Just("七宝".to_string()),
        Just("闵行".to_string()),
        Just("航头镇".to_string()),
        Just("浦东新区".to_string()),
        Just("于勇".to_string()),
        Just("严俊".to_string()),
        Just("闵行区七宝镇".to_string()),
        Just("七宝镇政府".to_string()),
        Just("上海市闵行区七宝镇人民政府".to_string()),
        Just("栖霞".to_string()),
        Just("A&B <C> \"D\", E".to_string()),
        Just("七宝\n\n镇".to_string()),
        "[\\u{4e00}-\\u{4e20}]{1,3}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn kind() -> impl Strategy<Value = EntityKind> {
    prop_oneof![
        Just(EntityKind::Person),
        Just(EntityKind::Place),
        Just(EntityKind::Org),
        Just(EntityKind::Plot),
        Just(EntityKind::Title),
        Just(EntityKind::Date),
    ]
}

fn document(id: String) -> impl Strategy<Value = Document> {
    (
        prop::collection::vec((kind(), name(), any::<bool>()), 0..8),
        prop::collection::vec(
            (0..3u8, 0..10usize, 0..10usize, 0..40usize, 0..40usize),
            0..8,
        ),
        prop::option::of(name()),
        prop::option::of(prop_oneof![
            Just("11月20日".to_string()),
            Just("2018年".to_string()),
            Just("2023-2025年".to_string()),
            name(),
        ]),
    )
        .prop_map(move |(ents, rels, text, date)| {
            let entities: Vec<Entity> = ents
                .into_iter()
                .enumerate()
                .map(|(i, (kind, text, nested))| Entity {
                    id: format!("e{i}"),
                    kind,
                    start: i * 3,
                    end: i * 3 + text.chars().count(),
                    text,
                    nested,
                    rule: None,
                    value: None,
                })
                .collect();
            let relations = rels
                .into_iter()
                .map(|(t, h, tl, a, b)| {
                    let (head, tail) = (format!("e{h}"), format!("e{tl}"));
                    match t {
                        0 => Relation::Visit {
                            head,
                            tail,
                            head_text: None,
                            tail_text: None,
                            date: date.clone(),
                            purpose: Some("督查".into()),
                            evidence: [a, b],
                            rule: None,
                            when: None,
                        },
                        1 => Relation::Leads {
                            head,
                            head_text: None,
                            org: tail,
                            role: "书记".into(),
                            title: None,
                            evidence: [a, b],
                            rule: None,
                        },
                        _ => Relation::Accompany {
                            head,
                            tail,
                            head_text: None,
                            tail_text: None,
                            evidence: [a, b],
                            rule: None,
                        },
                    }
                })
                .collect();
            Document {
                id: id.clone(),
                text,
                entities,
                relations,
                context: None,
                rejected: Vec::new(),
            }
        })
}

fn saved(g: &KnowledgeGraph) -> Vec<u8> {
    let mut v = Vec::new();
    g.save(&mut v).unwrap();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn build_save_load_merge(a in document("a".into()), b in document("b".into()), c in document("c".into())) {
        let ga = KnowledgeGraph::from_documents([&a], lex());
        let gb = KnowledgeGraph::from_documents([&b], lex());
        let gc = KnowledgeGraph::from_documents([&c], lex());
        let all = KnowledgeGraph::from_documents([&a, &b, &c], lex());
        prop_assert_eq!(&ga.clone().merged(&gb).merged(&gc), &all);
        prop_assert_eq!(&gc.clone().merged(&gb.clone().merged(&ga)), &all);
        let back = KnowledgeGraph::load(saved(&all).as_slice()).unwrap();
        prop_assert_eq!(&back, &all);
        prop_assert_eq!(saved(&back), saved(&all));
        for f in [govkg::export::Format::NodeLink, govkg::export::Format::GraphMl, govkg::export::Format::Dot] {
            govkg::export::write(&all, f, std::io::sink()).unwrap();
        }
        for n in all.nodes() {
            let _ = all.neighbours(&n.id().to_string(), 2).unwrap();
            let _ = all.path(&n.id().to_string(), "place:上海市");
        }
    }

    #[test]
    fn dates_never_panic(s in any::<String>(), t in "[0-9年月日至\\-.]{0,12}") {
        let _ = PartialDate::parse_span(&s);
        let _ = PartialDate::parse_span(&t);
        if let Ok(r) = DateRange::new(Some(&t), None) {
            let _ = r.contains(Some(&s));
        }
    }
}
