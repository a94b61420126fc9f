//! The knowledge graph of the sample corpus, merging in any order, saving
//! and loading, and the exports read back by networkx and an RFC 4180
//! reader.
//!
//! The networkx tests need `python3` with networkx (`.ci/run` installs it);
//! without it they print a note and pass, unless `GOVKG_REQUIRE_NETWORKX=1`
//! is set (`.ci/run` sets it when networkx is there), where they fail.

use govkg::graph::{DateRange, EdgeKind, GraphBuilder, KnowledgeGraph, NodeKind};
use govkg::{Document, Entity, EntityKind, Extractor, Relation};
mod common;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::new)
}

/// The documents of `tests/fixtures/corpus/`, tagged, in file order.
fn corpus_docs() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        common::corpus()
            .iter()
            .map(|(id, text)| extractor().extract(id, text))
            .collect()
    })
}

fn corpus_graph() -> KnowledgeGraph {
    KnowledgeGraph::from_documents(corpus_docs(), extractor().lexicon())
}

#[test]
fn corpus_graph_holds_the_sample_facts() {
    let g = corpus_graph();
    // One node per person across documents (习近平 is in four).
    let xi = g.find(NodeKind::Person, "习近平").unwrap();
    assert!(xi.documents().len() >= 3, "{:?}", xi.documents());
    // 七宝镇 and its short form 七宝 (in 000, which names 七宝镇) are one node.
    let qibao = g.find(NodeKind::Place, "七宝镇").unwrap();
    assert!(qibao.aliases().any(|a| a == "七宝"));
    assert!(
        qibao
            .mentions()
            .any(|m| m.doc.starts_with("000") && m.end - m.start == 2)
    );
    // The hierarchy from the lexicon.
    let up: Vec<&str> = g
        .ancestors("七宝镇")
        .unwrap()
        .iter()
        .map(|n| n.name())
        .collect();
    assert_eq!(up, ["闵行区", "上海市"]);
    // 航头镇 has two possible parents; the corpus names 浦东新区.
    let up: Vec<&str> = g
        .ancestors("航头镇")
        .unwrap()
        .iter()
        .map(|n| n.name())
        .collect();
    assert_eq!(up, ["浦东新区", "上海市"]);
    // The spec's examples.
    let visits = g.visitors("七宝镇", &DateRange::any()).unwrap();
    let yu = visits
        .iter()
        .find(|e| e.source().name() == "于勇")
        .expect("于勇 visited 七宝镇");
    assert_eq!(yu.date(), Some("11月20日"));
    let ev = yu.evidence().unwrap();
    assert!(ev.text.unwrap().contains("于勇"));
    let leaders = g.leaders("七宝镇党委").unwrap();
    assert!(
        leaders
            .iter()
            .any(|e| e.source().name() == "严俊" && e.role() == Some("书记"))
    );
    let acc = g.accompanied("严俊").unwrap();
    assert!(acc.iter().any(|e| e.target().name() == "于勇"));
    // Every edge of a document keeps the document id and evidence.
    for e in g.edges().filter(|e| e.kind() != EdgeKind::PartOf) {
        assert!(e.document().is_some(), "{e:?}");
        let ev = e.evidence().unwrap();
        assert!(ev.start < ev.end && ev.text.is_some(), "{e:?}");
    }
    // No petgraph index anywhere: ids are kind:name, or
    // kind:name@jurisdiction.
    for n in g.nodes() {
        let id = n.id().to_string();
        match n.id().jurisdiction() {
            None => assert_eq!(id, format!("{}:{}", n.kind(), n.name())),
            Some(j) => assert_eq!(id, format!("{}:{}@{j}", n.kind(), n.name())),
        }
    }
    // 于勇 is 区委副书记 of articles about 闵行区; 严俊 leads 七宝镇党委.
    assert!(g.node(&"person:于勇@闵行区".parse().unwrap()).is_some());
    assert!(g.node(&"person:严俊@七宝镇".parse().unwrap()).is_some());
}

#[test]
fn merging_in_any_order_gives_the_same_graph() {
    let lex = extractor().lexicon();
    let docs = corpus_docs();
    let one: Vec<KnowledgeGraph> = docs
        .iter()
        .map(|d| KnowledgeGraph::from_documents([d], lex))
        .collect();
    let all = corpus_graph();
    // Left to right, right to left, and grouped differently.
    let ltr = one
        .iter()
        .fold(KnowledgeGraph::new(), |acc, g| acc.merged(g));
    let rtl = one
        .iter()
        .rev()
        .fold(KnowledgeGraph::new(), |acc, g| acc.merged(g));
    let left = one[0].clone().merged(&one[1]).merged(&one[2]);
    let right = one[3].clone().merged(&one[4]);
    let grouped = right.merged(&left);
    assert_eq!(ltr, all);
    assert_eq!(rtl, all);
    assert_eq!(grouped, all);
    // Adding documents one by one agrees too.
    let mut inc = KnowledgeGraph::new();
    for d in docs.iter().rev() {
        inc.add_document(d, lex);
    }
    assert_eq!(inc, all);
    // And the saved files are byte for byte equal.
    let save = |g: &KnowledgeGraph| {
        let mut v = Vec::new();
        g.save(&mut v).unwrap();
        v
    };
    assert_eq!(save(&rtl), save(&all));
}

#[test]
fn save_and_load_round_trip() {
    let g = corpus_graph();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.govkg.json");
    g.save_file(&path).unwrap();
    let back = KnowledgeGraph::load_file(&path).unwrap();
    assert_eq!(back, g);
    assert_eq!(back.node_count(), g.node_count());
    assert_eq!(back.edge_count(), g.edge_count());
    // A damaged file is a clear error that names it.
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &text[..text.find("\"edges\"").unwrap()]).unwrap();
    let err = KnowledgeGraph::load_file(&cut).unwrap_err();
    assert!(matches!(err, govkg::Error::GraphFile { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("cut.json") && msg.contains("ends too early"),
        "{msg}"
    );
}

/// A document whose names, document id, dates and evidence hold `&`, `<`,
/// `>`, `"`, `'`, commas, semicolons, tabs, line breaks and backslashes.
///
/// Node names are normalised (whitespace inside them goes, see
/// `govkg::graph::normalize_name`), so tabs and line breaks reach the
/// exports through the evidence text and the document id.
fn nasty_doc() -> Document {
    let names = [
        (EntityKind::Person, "A&B <C> \"D\""),
        (EntityKind::Place, "逗号,分号;引号'"),
        (EntityKind::Person, "back\\slash"),
        (EntityKind::Org, "Org, \"Inc\" & <Co>"),
        (EntityKind::Place, "七宝镇"),
    ];
    let mut text = String::new();
    let mut entities = Vec::new();
    for (i, (kind, name)) in names.iter().enumerate() {
        let start = text.chars().count();
        text.push_str(name);
        text.push_str("\t来到\r\n\n");
        entities.push(Entity {
            id: format!("e{i}"),
            kind: *kind,
            start,
            end: start + name.chars().count(),
            text: name.to_string(),
            nested: false,
            rule: None,
            value: None,
        });
    }
    let n = text.chars().count();
    let visit = |h: usize, t: usize, ev: [usize; 2]| Relation::Visit {
        head: format!("e{h}"),
        tail: format!("e{t}"),
        head_text: None,
        tail_text: None,
        date: Some("11月20日,\"&<".into()),
        purpose: Some("督查'\\".into()),
        evidence: ev,
        rule: None,
        when: None,
    };
    let relations = vec![
        visit(0, 1, [0, n]),
        visit(0, 1, [0, 5]), // a parallel edge
        visit(2, 4, [0, n]),
        visit(3, 4, [0, n]),
        Relation::Accompany {
            head: "e2".into(),
            tail: "e0".into(),
            head_text: None,
            tail_text: None,
            evidence: [0, n],
            rule: None,
        },
        Relation::Leads {
            head: "e0".into(),
            head_text: None,
            org: "Org, \"Inc\" & <Co>".into(),
            role: "书记,\"主任\"".into(),
            title: None,
            evidence: [0, 10],
            rule: None,
        },
    ];
    Document {
        id: "doc,\"1\"\t&<\n>".into(),
        text: Some(text),
        entities,
        relations,
        context: None,
        rejected: Vec::new(),
    }
}

fn nasty_graph() -> KnowledgeGraph {
    let mut b = GraphBuilder::new(extractor().lexicon());
    b.add(&nasty_doc());
    for d in corpus_docs() {
        b.add(d);
    }
    b.finish()
}

/// Runs a Python script; `None` (with a note) when python3 or networkx is
/// missing and `GOVKG_REQUIRE_NETWORKX` is not set.
fn python_networkx(script: &str, args: &[&Path]) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var_os("GOVKG_REQUIRE_NETWORKX").is_none(),
            "GOVKG_REQUIRE_NETWORKX is set but python3 cannot import networkx"
        );
        eprintln!(
            "note: skipping the networkx check: python3 with networkx is not available (python3 -m pip install networkx)"
        );
        return None;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// What networkx must find: node ids with their names, edge count.
fn expectations(g: &KnowledgeGraph, dir: &Path) -> PathBuf {
    let nodes: serde_json::Map<String, serde_json::Value> = g
        .nodes()
        .map(|n| (n.id().to_string(), n.name().into()))
        .collect();
    let evidence: Vec<&str> = g.edges().filter_map(|e| e.evidence()?.text).collect();
    let docs: Vec<&str> = g.edges().filter_map(|e| e.document()).collect();
    let want = serde_json::json!({
        "nodes": nodes,
        "edges": g.edge_count(),
        "evidence": evidence,
        "docs": docs,
    });
    let p = dir.join("want.json");
    std::fs::write(&p, want.to_string()).unwrap();
    p
}

const CHECK: &str = r#"
import json, sys
import networkx as nx
from networkx.readwrite import json_graph

kind, path, want_path = sys.argv[1:4]
want = json.load(open(want_path, encoding="utf-8"))
if kind == "json":
    G = json_graph.node_link_graph(json.load(open(path, encoding="utf-8")))
else:
    G = nx.read_graphml(path, force_multigraph=True)
assert G.is_directed() and G.is_multigraph(), (G.is_directed(), G.is_multigraph())
assert G.number_of_nodes() == len(want["nodes"]), (G.number_of_nodes(), len(want["nodes"]))
assert G.number_of_edges() == want["edges"], (G.number_of_edges(), want["edges"])
for nid, name in want["nodes"].items():
    assert nid in G, nid
    assert G.nodes[nid]["name"] == name, (G.nodes[nid]["name"], name)
    assert isinstance(G.nodes[nid]["mentions"], int)
got_ev = sorted(d["evidence"] for _, _, d in G.edges(data=True) if "evidence" in d)
assert got_ev == sorted(want["evidence"]), "evidence differs"
got_docs = sorted(d["doc"] for _, _, d in G.edges(data=True) if "doc" in d)
assert got_docs == sorted(want["docs"]), "documents differ"
print(nx.__version__, G.number_of_nodes(), G.number_of_edges())
"#;

fn check_with_networkx(kind: &str, format: govkg::export::Format, file: &str) {
    let g = nasty_graph();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    govkg::export::write_file(&g, format, &path).unwrap();
    let want = expectations(&g, dir.path());
    let kind_path = PathBuf::from(kind);
    if let Some(out) = python_networkx(CHECK, &[&kind_path, &path, &want]) {
        eprintln!("networkx {kind}: {}", out.trim());
        let counts: Vec<usize> = out
            .split_whitespace()
            .skip(1)
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(counts, [g.node_count(), g.edge_count()]);
    }
}

#[test]
fn networkx_reads_node_link_json() {
    check_with_networkx("json", govkg::export::Format::NodeLink, "graph.json");
}

#[test]
fn networkx_reads_graphml() {
    check_with_networkx("graphml", govkg::export::Format::GraphMl, "graph.graphml");
}

#[test]
fn graphml_is_well_formed_xml() {
    // Independent of networkx: python's own XML parser.
    let g = nasty_graph();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.graphml");
    govkg::export::write_file(&g, govkg::export::Format::GraphMl, &path).unwrap();
    let Ok(out) = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); \
             ns = '{http://graphml.graphdrawing.org/xmlns}'; \
             print(len(r.findall(ns + 'graph/' + ns + 'node')), len(r.findall(ns + 'graph/' + ns + 'edge')))",
        ])
        .arg(&path)
        .output()
    else {
        eprintln!("note: python3 not found; XML check skipped");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        counts.trim(),
        format!("{} {}", g.node_count(), g.edge_count())
    );
}

/// Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line
/// breaks).
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match (quoted, c) {
            (true, '"') if it.peek() == Some(&'"') => {
                it.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn neo4j_csv_headers_and_fields() {
    let g = nasty_graph();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("neo4j");
    govkg::export::write_neo4j_csv(&g, &out).unwrap();
    let nodes = read_csv(&std::fs::read_to_string(out.join("nodes.csv")).unwrap());
    let rels = read_csv(&std::fs::read_to_string(out.join("relationships.csv")).unwrap());
    assert_eq!(
        nodes[0],
        [
            "id:ID",
            ":LABEL",
            "name",
            "kind",
            "jurisdiction",
            "mentions:int",
            "documents:string[]",
            "aliases:string[]"
        ]
    );
    assert_eq!(
        rels[0],
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "doc",
            "date",
            "when",
            "purpose",
            "role",
            "evidence_start:int",
            "evidence_end:int",
            "evidence"
        ]
    );
    assert_eq!(nodes.len(), 1 + g.node_count());
    assert_eq!(rels.len(), 1 + g.edge_count());
    assert!(nodes[1..].iter().all(|r| r.len() == 8));
    assert!(rels[1..].iter().all(|r| r.len() == 11));
    let ids: Vec<&str> = nodes[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(ids.contains(&"person:A&B <C> \"D\""));
    assert!(ids.contains(&"org:Org, \"Inc\" & <Co>"));
    for r in &rels[1..] {
        assert!(ids.contains(&r[0].as_str()) && ids.contains(&r[1].as_str()));
    }
    let doc = nasty_doc();
    assert!(rels.iter().any(|r| r[3] == doc.id));
    assert!(rels.iter().any(|r| r[10] == doc.text.as_deref().unwrap()));
}

#[test]
fn dot_is_read_by_graphviz_when_present() {
    let g = nasty_graph();
    let mut buf = Vec::new();
    govkg::export::write(&g, govkg::export::Format::Dot, &mut buf).unwrap();
    let dot = String::from_utf8(buf).unwrap();
    assert_eq!(dot.matches(" -> ").count(), g.edge_count());
    let Ok(mut child) = Command::new("dot")
        .arg("-Tcanon")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("note: Graphviz `dot` not found; DOT parse check skipped");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let canon = String::from_utf8(out.stdout).unwrap();
    assert!(canon.contains(r#"label="A&B <C> \"D\"""#), "{canon}");
    assert!(canon.contains(r#"label="back\\slash""#), "{canon}");
}

/// The graph takes the extractor's lexicon, user dictionaries included:
/// a town only the user's dictionary knows gets its place in the
/// hierarchy (issue 21: `from_documents` used to build the embedded
/// lexicon of its own and ignored them).
#[test]
fn the_graph_uses_the_extractors_lexicon() {
    let ex = Extractor::builder()
        .dictionary_reader(
            "mine.txt",
            "星星镇\tplace.town\tparent=上海市/闵行区\n".as_bytes(),
        )
        .unwrap()
        .build()
        .unwrap();
    let docs = [ex.extract("a", "11月2日,区委副书记于勇来到星星镇调研。")];
    let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
    let up: Vec<&str> = g
        .ancestors("星星镇")
        .unwrap()
        .iter()
        .map(|n| n.name())
        .collect();
    assert_eq!(up, ["闵行区", "上海市"]);
}
