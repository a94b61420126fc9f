//! The graph page: the [`KnowledgeGraph`] drawn as SVG by a small force
//! layout inside the page that keeps nodes and their labels apart, nodes
//! coloured by type, edge types shown on hover and selection, the nodes
//! without relations behind a toggle (off at first), a search box, and a
//! panel showing the mentions and evidence of the node clicked. The page
//! opens fitted to the drawing.
//!
//! The graph travels as JSON in a `<script type="application/json"
//! id="graph-data">` block (escaped with [`script_json`]) that the page's
//! script reads with `JSON.parse` and draws with `textContent` and
//! `setAttribute` only: no text is ever parsed as HTML.

use super::escape::{html, script_json};
use super::marks::kind_class;
use super::page::Page;
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, normalize_name};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

const CSS: &str = include_str!("assets/graph.css");
const JS: &str = include_str!("assets/graph.js");

/// Writes the page drawing `g`.
///
/// ```
/// use govkg::{Extractor, KnowledgeGraph, export::html};
/// let doc = Extractor::new().extract("a", "区委副书记于勇来到七宝镇。");
/// let g = KnowledgeGraph::from_documents([&doc], &govkg::Lexicon::embedded());
/// let mut out = Vec::new();
/// html::write_graph(&g, &mut out)?;
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.contains("\"name\":\"于勇\""));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_graph<W: Write + ?Sized>(g: &KnowledgeGraph, w: &mut W) -> io::Result<()> {
    let page = Page {
        title: "govkg: knowledge graph",
        css: CSS,
        script: Some(JS),
    };
    page.head(w)?;
    w.write_all(header(g).as_bytes())?;
    w.write_all(BODY.as_bytes())?;
    let data = serde_json::to_string(&data(g))?;
    writeln!(
        w,
        "<script type=\"application/json\" id=\"graph-data\">{}</script>",
        script_json(&data)
    )?;
    page.tail(w)
}

/// The stage and the side panel; the script fills them.
const BODY: &str = "<div class=\"wrap\">\n\
<div class=\"stage\"><svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
aria-label=\"knowledge graph\"></svg>\n\
<p class=\"hint\">Drag to pan, wheel to zoom, hover an edge or a node for relation types, click a node for its \
mentions and evidence.</p></div>\n\
<aside class=\"panel\">\n\
<input id=\"search\" type=\"search\" placeholder=\"Search names, e.g. 七宝\" aria-label=\"Search nodes\" autocomplete=\"off\">\n\
<p class=\"controls\"><label><input id=\"show-lonely\" type=\"checkbox\"> <span id=\"show-lonely-label\">\
Show the nodes without relations</span></label> <button id=\"fit\" type=\"button\">Fit</button></p>\n\
<p id=\"match-count\" class=\"meta\"></p>\n<ul id=\"matches\"></ul>\n\
<div id=\"details\"><p class=\"meta\">Click a node to see its mentions and evidence.</p></div>\n\
</aside>\n</div>\n\
<noscript><p class=\"warn\">This page draws the graph with JavaScript.</p></noscript>\n";

/// The header: totals and the legends of node and edge types.
fn header(g: &KnowledgeGraph) -> String {
    let edges: Vec<String> = g
        .edge_counts()
        .into_iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let mut s = format!(
        "<header class=\"top\">\n<h1>govkg: knowledge graph</h1>\n<p>{} nodes · {} edges ({})</p>\n<ul class=\"legend\">",
        g.node_count(),
        g.edge_count(),
        html(&edges.join(", "))
    );
    for (kind, n) in g.node_counts() {
        s.push_str(&format!(
            "<li class=\"{}\"><span class=\"swatch\"></span>{} <span class=\"n\">{n}</span></li>",
            node_class(kind.type_name()),
            kind.type_name()
        ));
    }
    for kind in EdgeKind::ALL {
        s.push_str(&format!(
            "<li class=\"r-{}\"><span class=\"edge-swatch\"></span>{kind}</li>",
            kind.as_str().to_ascii_lowercase()
        ));
    }
    s.push_str("</ul>\n</header>\n");
    s
}

/// The colour class of a node type name.
fn node_class(type_name: &str) -> String {
    crate::EntityKind::parse(type_name).map_or_else(|| "k-other".into(), kind_class)
}

/// The JSON the script draws: nodes with their mentions, and edges naming
/// their ends by position in the node list.
fn data(g: &KnowledgeGraph) -> Value {
    let mut index: HashMap<&NodeId, usize> = HashMap::new();
    let nodes: Vec<Value> = g
        .nodes()
        .enumerate()
        .map(|(i, n)| {
            index.insert(n.id(), i);
            json!({
                "id": n.id().to_string(),
                "kind": n.kind().type_name(),
                "name": n.name(),
                // The name with the jurisdiction its id carries, to tell
                // apart persons of one name (`王伟@青山区`).
                "label": n.id().key(),
                "jurisdiction": n.jurisdiction(),
                "aliases": n.aliases().collect::<Vec<_>>(),
                "mentions": n.mentions().map(|m| json!([m.doc, m.start, m.end])).collect::<Vec<_>>(),
                "hierarchy": n.is_hierarchy_only(),
            })
        })
        .collect();
    let edges: Vec<Value> = g
        .edges()
        .map(|e| {
            let mut m = Map::new();
            m.insert("s".into(), index[e.source().id()].into());
            m.insert("t".into(), index[e.target().id()].into());
            m.insert("type".into(), e.kind().as_str().into());
            for (k, v) in e.attributes() {
                m.insert(k.into(), v.into());
            }
            if let Some(ev) = e.evidence() {
                m.insert("ev".into(), json!([ev.start, ev.end]));
                if let Some(t) = ev.text {
                    // PDF line breaks between characters go, as in names.
                    m.insert("evidence".into(), normalize_name(t).into());
                }
            }
            Value::Object(m)
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::nasty;
    use crate::{Document, Entity, EntityKind, Relation};

    fn page(g: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        write_graph(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The JSON block of a page, parsed.
    fn embedded(p: &str) -> Value {
        let open = "<script type=\"application/json\" id=\"graph-data\">";
        let start = p.find(open).expect("data block") + open.len();
        let len = p[start..].find("</script>").expect("block closes");
        serde_json::from_str(&p[start..start + len]).expect("valid JSON")
    }

    fn hostile() -> KnowledgeGraph {
        let name = "<script>alert(1)</script>";
        let text = format!("{name}来到\"><img src=x onerror=alert(1)>。");
        let n = name.chars().count();
        let d = Document {
            id: "</script><script>alert(2)</script>".into(),
            entities: vec![
                Entity {
                    id: "e1".into(),
                    kind: EntityKind::Person,
                    start: 0,
                    end: n,
                    text: name.into(),
                    nested: false,
                    rule: None,
                    value: None,
                },
                Entity {
                    id: "e2".into(),
                    kind: EntityKind::Place,
                    start: n + 2,
                    end: n + 32,
                    text: "\"><img src=x onerror=alert(1)>".into(),
                    nested: false,
                    rule: None,
                    value: None,
                },
            ],
            relations: vec![Relation::Visit {
                head: "e1".into(),
                tail: "e2".into(),
                head_text: None,
                tail_text: None,
                date: None,
                purpose: Some("</script>".into()),
                evidence: [0, text.chars().count()],
                rule: None,
                when: None,
            }],
            text: Some(text),
            context: None,
            rejected: Vec::new(),
        };
        KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon())
    }

    #[test]
    fn hostile_names_stay_inside_the_data_block() {
        let g = hostile();
        assert_eq!(g.node_count(), 2);
        let p = page(&g);
        // Only the page's own two script elements exist.
        assert_eq!(p.matches("<script").count(), 2, "{p}");
        assert_eq!(p.matches("</script>").count(), 2);
        assert!(!p.contains("<img"));
        let v = embedded(&p);
        let names: Vec<&str> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"<script>alert(1)</script>"), "{names:?}");
        assert_eq!(v["edges"][0]["purpose"], "</script>");
    }

    #[test]
    fn data_holds_every_node_and_edge_with_mentions() {
        let g = nasty();
        let p = page(&g);
        let v = embedded(&p);
        let nodes = v["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), g.node_count());
        assert_eq!(v["edges"].as_array().unwrap().len(), g.edge_count());
        let mentions: usize = nodes
            .iter()
            .map(|n| n["mentions"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            mentions,
            g.nodes().map(|n| n.mention_count()).sum::<usize>()
        );
        for e in v["edges"].as_array().unwrap() {
            let (s, t) = (e["s"].as_u64().unwrap(), e["t"].as_u64().unwrap());
            assert!(s < nodes.len() as u64 && t < nodes.len() as u64);
        }
    }

    #[test]
    fn page_has_its_script_by_hash_and_no_handlers() {
        let p = page(&nasty());
        assert!(p.contains(&super::super::page::csp_hash(JS)));
        assert!(p.contains("<svg id=\"graph\""));
        assert!(p.contains("<input id=\"search\""));
        assert!(!p.contains(" onclick"));
        assert!(
            !JS.contains("innerHTML"),
            "the script never parses text as HTML"
        );
        assert!(
            JS.contains("MIT OR Apache-2.0"),
            "the drawing code carries its licence"
        );
    }
}
