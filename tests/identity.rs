//! Who is who (issue 23): a person node is a name in a place.
//!
//! `tests/fixtures/identity/articles.jsonl` is a corpus of made-up
//! articles: the same names in different places (王伟 of 武汉's and of
//! 包头's 青山区, of 海门县 and of 七宝镇; 赵磊 of two 城关镇), the same
//! person across articles of one district, with and without a post (李明,
//! 王伟 of 七宝镇), a national leader and a village official of the same
//! name (李强), and one article naming two persons of one name (刘洋). Each
//! article says who its persons really are (`persons`: a label per name,
//! or per mention in text order) and, as the article context would, where
//! it is (`context`, set by hand so that the measure does not depend on
//! how well contexts are read from text).
//!
//! The check counts false merges (one node holding mentions of different
//! people) and false splits (one person in several nodes); see the report
//! with `cargo test --test identity -- --nocapture`.

use govkg::graph::{KnowledgeGraph, NodeKind};
use govkg::{Context, Document, Extractor};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// Who a name is in an article: one person, or one per mention.
#[derive(Deserialize)]
#[serde(untagged)]
enum Gold {
    One(String),
    PerMention(Vec<String>),
}

#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
    #[serde(default)]
    context: Option<Context>,
    persons: BTreeMap<String, Gold>,
}

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn articles() -> Vec<Article> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/identity/articles.jsonl"
    );
    std::fs::read_to_string(path)
        .expect("the identity corpus")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("an article"))
        .collect()
}

/// The corpus tagged, each article with its context set by hand.
fn documents() -> Vec<Document> {
    articles()
        .iter()
        .map(|a| {
            let mut d = extractor().extract(&a.id, &a.text);
            d.context = a.context.clone();
            d
        })
        .collect()
}

/// The person each PERSON mention really is, by (document, start).
fn gold() -> BTreeMap<(String, usize), String> {
    let docs = documents();
    let mut out = BTreeMap::new();
    for (a, d) in articles().iter().zip(&docs) {
        for (name, who) in &a.persons {
            let mut mentions: Vec<usize> = d
                .entities_of(govkg::EntityKind::Person)
                .filter(|e| e.text == *name)
                .map(|e| e.start)
                .collect();
            mentions.sort();
            assert!(!mentions.is_empty(), "{}: {name} is not found", a.id);
            for (i, start) in mentions.into_iter().enumerate() {
                let label = match who {
                    Gold::One(l) => l.clone(),
                    Gold::PerMention(ls) => ls
                        .get(i)
                        .unwrap_or_else(|| panic!("{}: {name} mention {i} has no label", a.id))
                        .clone(),
                };
                out.insert((a.id.clone(), start), label);
            }
        }
    }
    out
}

/// False merges and false splits of a graph against [`gold`].
#[derive(Debug, Default)]
struct Score {
    /// Nodes holding mentions of several persons, with those persons.
    merges: BTreeMap<String, BTreeSet<String>>,
    /// Persons whose mentions are in several nodes, with those nodes.
    splits: BTreeMap<String, BTreeSet<String>>,
    /// Person nodes in all, and mentions that are no person of the gold.
    nodes: usize,
    stray: usize,
}

impl Score {
    fn of(g: &KnowledgeGraph) -> Score {
        let gold = gold();
        let mut s = Score::default();
        let mut nodes_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for n in g.nodes().filter(|n| n.kind() == NodeKind::Person) {
            s.nodes += 1;
            let mut who = BTreeSet::new();
            for m in n.mentions() {
                match gold.get(&(m.doc.clone(), m.start)) {
                    Some(label) => {
                        who.insert(label.clone());
                        nodes_of
                            .entry(label.clone())
                            .or_default()
                            .insert(n.id().to_string());
                    }
                    None => s.stray += 1,
                }
            }
            if who.len() > 1 {
                s.merges.insert(n.id().to_string(), who);
            }
        }
        s.splits = nodes_of.into_iter().filter(|(_, n)| n.len() > 1).collect();
        s
    }

    /// Different people in one node, counted once per person too many.
    fn false_merges(&self) -> usize {
        self.merges.values().map(|w| w.len() - 1).sum()
    }

    /// One person in several nodes, counted once per node too many.
    fn false_splits(&self) -> usize {
        self.splits.values().map(|n| n.len() - 1).sum()
    }

    fn report(&self) -> String {
        let mut r = format!(
            "{} person nodes; false merges {}, false splits {}, stray mentions {}\n",
            self.nodes,
            self.false_merges(),
            self.false_splits(),
            self.stray
        );
        for (node, who) in &self.merges {
            r += &format!("  merge: {node} holds {who:?}\n");
        }
        for (who, nodes) in &self.splits {
            r += &format!("  split: {who} is in {nodes:?}\n");
        }
        r
    }
}

/// The splits the identity model makes on purpose: a mention that does not
/// say which of two persons it is stays a node of its own rather than guess.
const EXPECTED_SPLITS: [(&str, &str); 2] = [
    // w5 names 青山区委书记王伟 with nothing saying which 青山区 (武汉's or
    // 包头's, each of which has a 王伟 in the corpus): 王伟@青山区 stays
    // apart.
    ("王伟/武汉市青山区", "person:王伟@青山区"),
    // c3 names 陈刚 with no post and no context, and the corpus has two
    // (施甸县's and 七宝镇's): person:陈刚 stays apart.
    ("陈刚/施甸县", "person:陈刚"),
];

#[test]
fn the_made_up_corpus_has_no_false_merges_and_only_the_expected_splits() {
    let g = KnowledgeGraph::from_documents(&documents(), extractor().lexicon());
    let s = Score::of(&g);
    println!("{}", s.report());
    assert_eq!(s.false_merges(), 0, "{}", s.report());
    assert_eq!(s.stray, 0, "{}", s.report());
    let split: BTreeMap<&str, &BTreeSet<String>> =
        s.splits.iter().map(|(k, v)| (k.as_str(), v)).collect();
    assert_eq!(
        split.keys().copied().collect::<Vec<_>>(),
        EXPECTED_SPLITS.map(|(who, _)| who),
        "{}",
        s.report()
    );
    for (who, apart) in EXPECTED_SPLITS {
        assert!(split[who].contains(apart), "{who}: {}", s.report());
    }
    assert_eq!(s.false_splits(), EXPECTED_SPLITS.len(), "{}", s.report());
}

#[test]
fn names_alone_would_merge_people() {
    // The measure can fail: keyed by name alone (every mention placed
    // nowhere), the corpus has false merges.
    let docs: Vec<Document> = documents()
        .into_iter()
        .map(|mut d| {
            d.context = None;
            d.relations.clear();
            d
        })
        .collect();
    let g = KnowledgeGraph::from_documents(&docs, extractor().lexicon());
    let s = Score::of(&g);
    println!("keyed by name alone: {}", s.report());
    assert!(s.false_merges() >= 5, "{}", s.report());
}

fn ids(g: &KnowledgeGraph, name: &str) -> Vec<String> {
    g.nodes()
        .filter(|n| n.kind() == NodeKind::Person && n.name() == name)
        .map(|n| n.id().to_string())
        .collect()
}

#[test]
fn the_three_articles_of_the_issue_give_two_wang_wei() {
    let ex = extractor();
    let docs = [
        ex.extract("a", "青山区委书记王伟来到柳树村调研。"),
        ex.extract("b", "海门县县长王伟到东风镇检查工作。"),
        ex.extract("c", "青山区委书记王伟主持召开会议。"),
    ];
    let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
    assert_eq!(
        ids(&g, "王伟"),
        ["person:王伟@海门县", "person:王伟@青山区"]
    );
    let qingshan = g.find(NodeKind::Person, "王伟@青山区").unwrap();
    assert_eq!(qingshan.documents(), ["a", "c"]);
    assert_eq!(qingshan.jurisdiction().as_deref(), Some("青山区"));
    let haimen = g.find(NodeKind::Person, "王伟@海门县").unwrap();
    assert_eq!(haimen.documents(), ["b"]);
    // The posts stay with their person.
    let posts: Vec<String> = g
        .positions("王伟@青山区")
        .unwrap()
        .iter()
        .map(|e| e.target().name().to_string())
        .collect();
    assert_eq!(posts, ["青山区委", "青山区委"]);
    assert!(matches!(
        g.positions("王伟"),
        Err(govkg::Error::AmbiguousNode { .. })
    ));
}

#[test]
fn shared_names_of_places_and_national_leaders_are_told_apart() {
    let g = KnowledgeGraph::from_documents(&documents(), extractor().lexicon());
    assert_eq!(
        ids(&g, "赵磊"),
        ["person:赵磊@施甸县城关镇", "person:赵磊@甘谷县城关镇"]
    );
    assert_eq!(ids(&g, "李强"), ["person:李强@九星村", "person:李强@全国"]);
    assert_eq!(ids(&g, "李明"), ["person:李明@闵行区虹桥镇"]);
    let li = g.find(NodeKind::Person, "李明").unwrap();
    assert_eq!(li.documents(), ["m1", "m2", "m3"]);
    assert_eq!(li.places(), ["上海市", "闵行区", "虹桥镇"]);
    // Two 刘洋 in one article, told apart by their posts.
    assert_eq!(
        ids(&g, "刘洋"),
        ["person:刘洋@海门县", "person:刘洋@青山区"]
    );
    // The bodies of the two 城关镇 are written with their counties.
    let bodies: Vec<String> = g
        .nodes()
        .filter(|n| n.kind() == NodeKind::Org && n.name().contains("城关镇"))
        .map(|n| n.id().to_string())
        .collect();
    assert_eq!(bodies, ["org:施甸县城关镇党委", "org:甘谷县城关镇人民政府"]);
    // A body named without its place takes the context's.
    assert!(g.find(NodeKind::Org, "施甸县人民政府").is_some());
    assert!(g.find(NodeKind::Org, "县人民政府").is_none());
    // Queries by name and place.
    assert_eq!(
        g.lookup("王伟@闵行区", &[NodeKind::Person])
            .unwrap()
            .id()
            .to_string(),
        "person:王伟@七宝镇"
    );
    assert_eq!(
        g.lookup("王伟@包头市", &[NodeKind::Person])
            .unwrap()
            .id()
            .to_string(),
        "person:王伟@包头市青山区"
    );
    assert!(matches!(
        g.lookup("王伟@青山区", &[NodeKind::Person]),
        Ok(n) if n.id().to_string() == "person:王伟@青山区"
    ));
}

#[test]
fn the_order_of_the_documents_does_not_matter() {
    let lex = extractor().lexicon();
    let docs = documents();
    let all = KnowledgeGraph::from_documents(&docs, lex);
    let mut rev = docs.clone();
    rev.reverse();
    assert_eq!(KnowledgeGraph::from_documents(&rev, lex), all);
    let mut rotated = docs.clone();
    rotated.rotate_left(7);
    assert_eq!(KnowledgeGraph::from_documents(&rotated, lex), all);
    // One graph per document, merged in two groupings.
    let one: Vec<KnowledgeGraph> = docs
        .iter()
        .map(|d| KnowledgeGraph::from_documents([d], lex))
        .collect();
    assert_eq!(KnowledgeGraph::merge_all(one.iter().rev()), all);
    let (left, right) = one.split_at(one.len() / 2);
    let l = KnowledgeGraph::merge_all(left);
    let r = KnowledgeGraph::merge_all(right);
    assert_eq!(r.clone().merged(&l), all);
    assert_eq!(l.merged(&r), all);
    // A bare 陈刚 joins the only 陈刚 until a second one is merged in.
    let c3 = &one[docs.iter().position(|d| d.id == "c3").unwrap()];
    let c1 = &one[docs.iter().position(|d| d.id == "c1").unwrap()];
    let c2 = &one[docs.iter().position(|d| d.id == "c2").unwrap()];
    let two = c1.clone().merged(c3);
    assert_eq!(ids(&two, "陈刚"), ["person:陈刚@施甸县"]);
    let three = two.merged(c2);
    assert_eq!(
        ids(&three, "陈刚"),
        ["person:陈刚", "person:陈刚@七宝镇", "person:陈刚@施甸县"]
    );
    // Saved and loaded, the graph is the same.
    let mut buf = Vec::new();
    all.save(&mut buf).unwrap();
    assert_eq!(KnowledgeGraph::load(buf.as_slice()).unwrap(), all);
}

// --- through the command line

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govkg"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("run govkg")
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "govkg {args:?}\nstderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The corpus as `govkg tag` output with its contexts, and its graph.
fn corpus_graph() -> &'static (PathBuf, PathBuf) {
    static G: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    G.get_or_init(|| {
        let dir =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("identity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tagged = dir.join("identity.jsonl");
        let lines: Vec<String> = documents()
            .iter()
            .map(|d| serde_json::to_string(d).unwrap())
            .collect();
        std::fs::write(&tagged, lines.join("\n") + "\n").unwrap();
        let g = dir.join("identity.govkg.json");
        ok(&["graph", p(&tagged), "-o", p(&g), "-q"]);
        (tagged, g)
    })
}

#[test]
fn a_bare_name_lists_every_person_with_places_and_posts() {
    let g = p(&corpus_graph().1);
    let o = run(&["query", g, "positions", "王伟"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("\"王伟\" names 5 nodes"), "{err}");
    for line in [
        "  person:王伟@七宝镇  in 上海市/闵行区/七宝镇  posts 七宝镇党委书记  documents w6, w7, w8",
        "  person:王伟@包头市青山区  in 内蒙古自治区/包头市/青山区  posts 包头市青山区委书记  documents w3",
        "  person:王伟@海门县  in 海门县",
        "  person:王伟@青山区  in 青山区  posts 青山区委书记  documents w5",
    ] {
        assert!(err.lines().any(|l| l.starts_with(line)), "{line}\n{err}");
    }
    // NAME@PLACE and KIND:NAME@PLACE pick one.
    let picked = ok(&["query", g, "positions", "王伟@包头市青山区"]);
    assert!(picked.starts_with("书记  包头市青山区委  w3:"), "{picked}");
    assert_eq!(
        ok(&["query", g, "positions", "person:王伟@包头市青山区"]),
        picked
    );
    assert_eq!(ok(&["query", g, "positions", "王伟@包头市"]), picked);
    let near = ok(&["query", g, "neighbours", "王伟@七宝镇"]);
    assert!(near.contains("org:七宝镇党委"), "{near}");
}

#[test]
fn every_export_carries_the_jurisdiction() {
    let (tagged, _) = corpus_graph();
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name);
    ok(&[
        "graph",
        p(tagged),
        "-o",
        p(&out("g.json")),
        "--format",
        "json",
        "-q",
    ]);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out("g.json")).unwrap()).unwrap();
    let node = |id: &str| {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    assert_eq!(node("person:王伟@七宝镇")["jurisdiction"], "七宝镇");
    assert_eq!(node("person:李强@全国")["jurisdiction"], "全国");
    assert_eq!(node("org:施甸县人民政府")["jurisdiction"], "施甸县");
    assert!(node("place:柳树村").get("jurisdiction").is_none());

    ok(&["graph", p(tagged), "-o", p(&out("g.graphml")), "-q"]);
    let xml = std::fs::read_to_string(out("g.graphml")).unwrap();
    assert!(xml.contains("attr.name=\"jurisdiction\""));
    assert!(
        xml.contains("<data key=\"n_jurisdiction\">包头市青山区</data>"),
        "{xml}"
    );

    ok(&[
        "graph",
        p(tagged),
        "-o",
        &format!("{}/", p(&out("csv"))),
        "-q",
    ]);
    let csv = std::fs::read_to_string(out("csv").join("nodes.csv")).unwrap();
    assert!(
        csv.starts_with("id:ID,:LABEL,name,kind,jurisdiction,"),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l
            .starts_with("\"person:赵磊@甘谷县城关镇\",Person,\"赵磊\",PERSON,\"甘谷县城关镇\",")),
        "{csv}"
    );

    ok(&["graph", p(tagged), "-o", p(&out("g.dot")), "-q"]);
    let dot = std::fs::read_to_string(out("g.dot")).unwrap();
    assert!(dot.contains("label=\"王伟@海门县\""), "{dot}");
    assert!(dot.contains("jurisdiction=\"海门县\""), "{dot}");

    ok(&["graph", p(tagged), "-o", p(&out("g.html")), "-q"]);
    let html = std::fs::read_to_string(out("g.html")).unwrap();
    assert!(html.contains("\"label\":\"王伟@海门县\""));
    assert!(html.contains("\"jurisdiction\":\"海门县\""));
}
