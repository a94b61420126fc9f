//! Node-link JSON, the form networkx's `node_link_graph` and d3 read.
//!
//! ```text
//! {"directed":true,"multigraph":true,"graph":{},
//!  "nodes":[{"id":"person:于勇@闵行区","kind":"PERSON","name":"于勇","mentions":3,"documents":["000"],"aliases":[],
//!            "jurisdiction":"闵行区"},…],
//!  "edges":[{"source":"person:于勇","target":"place:七宝镇","key":0,"type":"VISIT","doc":"000","date":"11月20日",
//!            "purpose":"督查","evidence_start":118,"evidence_end":190,"evidence":"…"},…],
//!  "links":[…the same list…]}
//! ```
//!
//! The edge list is written twice, under `edges` and under `links`:
//! networkx 3.6 and later read `edges` by default, earlier versions (and
//! d3) read `links`, so `networkx.node_link_graph(json.load(f))` works as is
//! with every version. `key` numbers the edges between the same two nodes
//! (0, 1, …), as networkx's own `node_link_data` does for multigraphs.
//! A node's `jurisdiction` is [`NodeRef::jurisdiction`]: where a person
//! is keyed, the place a place is keyed by, the divisions a body's name
//! opens with. Attributes a node or edge does not have (a jurisdiction
//! included) are left out. JSON escapes
//! every character that needs it, so names survive as they are.

use crate::graph::{EdgeRef, KnowledgeGraph, NodeRef};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// The JSON object of a node.
pub(crate) fn node_object(n: &NodeRef<'_>) -> Value {
    let mut v = json!({
        "id": n.id().to_string(),
        "kind": n.kind().type_name(),
        "name": n.name(),
        "mentions": n.mention_count(),
        "documents": n.documents(),
        "aliases": n.aliases().collect::<Vec<_>>(),
    });
    if let Some(j) = n.jurisdiction() {
        v["jurisdiction"] = j.into();
    }
    v
}

/// The JSON object of an edge, with its multigraph `key`.
pub(crate) fn edge_object(e: &EdgeRef<'_>, key: usize) -> Value {
    let mut m = Map::new();
    m.insert("source".into(), e.source().id().to_string().into());
    m.insert("target".into(), e.target().id().to_string().into());
    m.insert("key".into(), key.into());
    m.insert("type".into(), e.kind().as_str().into());
    for (k, v) in e.attributes() {
        m.insert(k.into(), v.into());
    }
    if let Some(ev) = e.evidence() {
        m.insert("evidence_start".into(), ev.start.into());
        m.insert("evidence_end".into(), ev.end.into());
        if let Some(t) = ev.text {
            m.insert("evidence".into(), t.into());
        }
    }
    Value::Object(m)
}

/// The edges with their multigraph keys: the edges of the graph are sorted
/// by ends, so a counter that restarts at each new pair of ends numbers
/// parallel edges 0, 1, ….
pub(crate) fn keyed_edges(g: &KnowledgeGraph) -> Vec<(EdgeRef<'_>, usize)> {
    let mut out: Vec<(EdgeRef<'_>, usize)> = Vec::new();
    for e in g.edges() {
        let key = match out.last() {
            Some((prev, k)) if prev.source() == e.source() && prev.target() == e.target() => k + 1,
            _ => 0,
        };
        out.push((e, key));
    }
    out
}

/// Writes node-link JSON (one node or edge per line).
pub fn write<W: Write>(g: &KnowledgeGraph, w: &mut W) -> io::Result<()> {
    w.write_all(b"{\"directed\":true,\"multigraph\":true,\"graph\":{},\n\"nodes\":[")?;
    for (i, n) in g.nodes().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *w, &node_object(&n))?;
    }
    let edges: Vec<Value> = keyed_edges(g)
        .iter()
        .map(|(e, k)| edge_object(e, *k))
        .collect();
    for name in ["edges", "links"] {
        write!(w, "],\n\"{name}\":[")?;
        for (i, e) in edges.iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *w, e)?;
        }
    }
    w.write_all(b"]}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::{NASTY, nasty};
    use crate::graph::normalize_name;

    fn exported(g: &KnowledgeGraph) -> Value {
        let mut buf = Vec::new();
        write(g, &mut buf).unwrap();
        serde_json::from_slice(&buf).expect("valid JSON")
    }

    #[test]
    fn shape_is_node_link() {
        let g = nasty();
        let v = exported(&g);
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], true);
        assert_eq!(v["graph"], json!({}));
        assert_eq!(v["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(v["edges"].as_array().unwrap().len(), g.edge_count());
        assert_eq!(v["edges"], v["links"]);
    }

    #[test]
    fn nasty_names_and_evidence_survive() {
        let g = nasty();
        let v = exported(&g);
        let names: Vec<&str> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["name"].as_str().unwrap())
            .collect();
        for n in NASTY {
            assert!(
                names.contains(&normalize_name(n).as_str()),
                "{n:?} in {names:?}"
            );
        }
        let ev = g
            .edges()
            .filter_map(|e| e.evidence()?.text)
            .max_by_key(|t| t.len())
            .unwrap();
        assert!(ev.contains('\t') && ev.contains("\r\n"));
        let evidences: Vec<&str> = v["links"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["evidence"].as_str())
            .collect();
        assert!(evidences.contains(&ev));
        assert!(
            v["links"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["type"] != "PART_OF")
                .all(|e| e["doc"] == "doc,\"1\"\n&<")
        );
    }

    #[test]
    fn parallel_edges_get_distinct_keys() {
        let g = nasty();
        let v = exported(&g);
        let mut seen = std::collections::HashSet::new();
        for e in v["links"].as_array().unwrap() {
            let k = (e["source"].clone(), e["target"].clone(), e["key"].clone());
            assert!(seen.insert(format!("{k:?}")), "duplicate key {k:?}");
        }
    }
}
