//! Property tests of the graph: whatever the documents (hostile names,
//! dangling relations, offsets past the text), building never panics, the
//! saved form loads back equal, merging does not depend on order, every
//! export is written, and date ranges never panic.

use govkg::document::Certainty;
use govkg::graph::{DateRange, KnowledgeGraph, PartialDate};
use govkg::{Context, Document, Entity, EntityKind, Relation};
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

/// An article context: none, sure, or unsure.
fn context() -> impl Strategy<Value = Option<Context>> {
    let ctx = |p: &str, c: &str, county: &str, town: Option<&str>, certainty| Context {
        province: Some(p.into()),
        city: Some(c.into()),
        county: Some(county.into()),
        town: town.map(str::to_string),
        date: None,
        certainty: Some(certainty),
    };
    prop_oneof![
        Just(None),
        Just(Some(ctx(
            "湖北省",
            "武汉市",
            "青山区",
            None,
            Certainty::High
        ))),
        Just(Some(ctx(
            "内蒙古自治区",
            "包头市",
            "青山区",
            None,
            Certainty::Medium
        ))),
        Just(Some(ctx(
            "云南省",
            "保山市",
            "施甸县",
            None,
            Certainty::High
        ))),
        Just(Some(ctx(
            "上海市",
            "上海市",
            "闵行区",
            Some("七宝镇"),
            Certainty::High
        ))),
        Just(Some(ctx(
            "上海市",
            "上海市",
            "闵行区",
            Some("虹桥镇"),
            Certainty::Low
        ))),
    ]
}

/// A document naming persons of a few names, with posts in places that
/// lie apart, inside one another, or nowhere, and bodies and places whose
/// names the lexicon gives to many places.
fn identity_document(id: String) -> impl Strategy<Value = Document> {
    let person = prop_oneof![Just("王伟"), Just("李强"), Just("陈刚")];
    let post = prop_oneof![
        Just(None),
        Just(Some("青山区委")),
        Just(Some("武汉市青山区委")),
        Just(Some("包头市青山区委")),
        Just(Some("海门县人民政府")),
        Just(Some("七宝镇党委")),
        Just(Some("闵行区委")),
        Just(Some("虹桥镇人民政府")),
        Just(Some("城关镇党委")),
        Just(Some("中共中央")),
        Just(Some("县人民政府")),
        Just(Some("区委")),
    ];
    let place = prop_oneof![
        Just("城关镇"),
        Just("青山区"),
        Just("七宝镇"),
        Just("东风镇")
    ];
    (
        prop::collection::vec((person, post), 1..5),
        prop::collection::vec(place, 0..3),
        context(),
    )
        .prop_map(move |(persons, places, context)| {
            let mut entities = Vec::new();
            let mut relations = Vec::new();
            let mut at = 0;
            for (i, (name, post)) in persons.into_iter().enumerate() {
                let e = format!("p{i}");
                entities.push(Entity {
                    id: e.clone(),
                    kind: EntityKind::Person,
                    start: at,
                    end: at + 2,
                    text: name.into(),
                    nested: false,
                    rule: None,
                    value: None,
                });
                if let Some(org) = post {
                    relations.push(Relation::Leads {
                        head: e.clone(),
                        head_text: None,
                        org: org.into(),
                        role: "书记".into(),
                        title: None,
                        evidence: [at, at + 8],
                        rule: None,
                    });
                }
                if i > 0 {
                    relations.push(Relation::Accompany {
                        head: e,
                        tail: "p0".into(),
                        head_text: None,
                        tail_text: None,
                        evidence: [0, at + 8],
                        rule: None,
                    });
                }
                at += 10;
            }
            for (i, p) in places.into_iter().enumerate() {
                entities.push(Entity {
                    id: format!("q{i}"),
                    kind: EntityKind::Place,
                    start: at,
                    end: at + 3,
                    text: p.into(),
                    nested: false,
                    rule: None,
                    value: None,
                });
                relations.push(Relation::Visit {
                    head: "p0".into(),
                    tail: format!("q{i}"),
                    head_text: None,
                    tail_text: None,
                    date: None,
                    purpose: None,
                    evidence: [0, at + 3],
                    rule: None,
                    when: None,
                });
                at += 10;
            }
            Document {
                id: id.clone(),
                text: None,
                entities,
                relations,
                context,
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

    /// Persons keyed by jurisdiction (issue 23): a person may change node
    /// as graphs are merged (a mention placed nowhere joins the only person
    /// of its name, and leaves when a second one comes), yet any order and
    /// grouping of the documents gives the same graph.
    #[test]
    fn identities_do_not_depend_on_order(
        a in identity_document("a".into()),
        b in identity_document("b".into()),
        c in identity_document("c".into()),
        d in identity_document("d".into()),
    ) {
        let one = |d: &Document| KnowledgeGraph::from_documents([d], lex());
        let all = KnowledgeGraph::from_documents([&a, &b, &c, &d], lex());
        prop_assert_eq!(&KnowledgeGraph::from_documents([&d, &b, &a, &c], lex()), &all);
        prop_assert_eq!(&one(&a).merged(&one(&b)).merged(&one(&c)).merged(&one(&d)), &all);
        let ab = KnowledgeGraph::from_documents([&a, &b], lex());
        let cd = KnowledgeGraph::from_documents([&c, &d], lex());
        prop_assert_eq!(&cd.clone().merged(&ab), &all);
        prop_assert_eq!(&ab.merged(&cd), &all);
        prop_assert_eq!(&KnowledgeGraph::merge_all([one(&c), one(&a), one(&d), one(&b)]), &all);
        let back = KnowledgeGraph::load(saved(&all).as_slice()).unwrap();
        prop_assert_eq!(&back, &all);
        // Every mention and edge end is in the node its jurisdiction says:
        // a node's id names the jurisdiction of its mentions' person.
        for n in all.nodes().filter(|n| n.kind() == govkg::NodeKind::Person) {
            prop_assert!(n.mention_count() > 0);
            prop_assert_eq!(all.lookup_any(&n.id().to_string()).unwrap(), n);
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
