//! Exports of a [`KnowledgeGraph`] for other tools.
//!
//! | format | module | opens in |
//! |---|---|---|
//! | node-link JSON | [`json`] | networkx (`node_link_graph`), d3 |
//! | GraphML | [`graphml`] | Gephi, yEd, Cytoscape, networkx (`read_graphml`) |
//! | Neo4j CSV | [`neo4j_csv`] | `neo4j-admin database import` |
//! | DOT | [`dot`] | Graphviz |
//! | HTML page | [`html`] | a web browser (also a page of tagged documents) |
//!
//! Every export writes nodes by their stable [`NodeId`](crate::graph::NodeId)
//! (`person:于勇`), never by a petgraph index, in sorted order: equal graphs
//! give equal files. Names and evidence come from scraped text and may hold
//! any character; each format escapes what it must (see its module).
//!
//! ```
//! use govkg::{Extractor, KnowledgeGraph, export::{self, Format}};
//! let ex = Extractor::new();
//! let g = KnowledgeGraph::from_documents([&ex.extract("a", "区委副书记于勇来到七宝镇。")], ex.lexicon());
//! let mut out = Vec::new();
//! export::write(&g, Format::GraphMl, &mut out)?;
//! assert!(String::from_utf8(out).unwrap().contains("<node id=\"person:于勇\">"));
//! # Ok::<(), govkg::Error>(())
//! ```

pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j_csv;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::Write;
use std::path::Path;

/// An export format written to one stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Node-link JSON ([`json`]).
    NodeLink,
    /// GraphML ([`graphml`]).
    GraphMl,
    /// Graphviz DOT ([`dot`]).
    Dot,
    /// A self-contained HTML page drawing the graph ([`html::write_graph`]).
    Html,
}

/// Writes `graph` in `format` to `out`.
pub fn write<W: Write>(graph: &KnowledgeGraph, format: Format, out: W) -> Result<()> {
    let mut w = std::io::BufWriter::new(out);
    let res = match format {
        Format::NodeLink => json::write(graph, &mut w),
        Format::GraphMl => graphml::write(graph, &mut w),
        Format::Dot => dot::write(graph, &mut w),
        Format::Html => html::write_graph(graph, &mut w),
    };
    res.and_then(|()| w.flush()).map_err(|e| Error::Io {
        path: "<output>".into(),
        source: e,
    })
}

/// Writes `graph` in `format` to the file `path`.
pub fn write_file(graph: &KnowledgeGraph, format: Format, path: &Path) -> Result<()> {
    let f = std::fs::File::create(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    write(graph, format, f).map_err(|e| match e {
        Error::Io { source, .. } => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        e => e,
    })
}

/// Writes the Neo4j import folder (`nodes.csv`, `relationships.csv`) into
/// `dir`, creating it if needed; see [`neo4j_csv`].
pub fn write_neo4j_csv(graph: &KnowledgeGraph, dir: &Path) -> Result<()> {
    neo4j_csv::write_dir(graph, dir)
}

#[cfg(test)]
pub(crate) mod testgraph {
    //! A graph whose names hold every character that formats must escape.

    use crate::document::{Document, Entity, Relation};
    use crate::graph::KnowledgeGraph;
    use crate::span::EntityKind;

    /// Names with `&`, `<`, `>`, `"`, `'`, a comma, a semicolon, a tab, a
    /// newline, a carriage return, a backslash, braces and a control
    /// character.
    pub const NASTY: [&str; 6] = [
        "A&B<C>\"D\"",
        "逗号,分号;引号'",
        "Tab\there",
        "Line\u{2028}break\\",
        "于勇{x}",
        "Ctrl\u{1}char",
    ];

    /// A document naming [`NASTY`] persons and places, with visits between
    /// them whose date, purpose and evidence are nasty too, plus 七宝镇.
    pub fn nasty() -> KnowledgeGraph {
        let mut text = String::new();
        let mut entities = Vec::new();
        for (i, name) in NASTY.iter().enumerate() {
            let start = text.chars().count();
            text.push_str(name);
            text.push_str("\n来到\r\n");
            entities.push(Entity {
                id: format!("e{i}"),
                kind: if i % 2 == 0 {
                    EntityKind::Person
                } else {
                    EntityKind::Place
                },
                start,
                end: start + name.chars().count(),
                text: name.to_string(),
                nested: false,
                rule: None,
                value: None,
            });
        }
        let q = text.chars().count();
        text.push_str("七宝镇");
        entities.push(Entity {
            id: "q".into(),
            kind: EntityKind::Place,
            start: q,
            end: q + 3,
            text: "七宝镇".into(),
            nested: false,
            rule: None,
            value: None,
        });
        let n = text.chars().count();
        let mut relations = Vec::new();
        for i in (0..NASTY.len()).step_by(2) {
            relations.push(Relation::Visit {
                head: format!("e{i}"),
                tail: format!("e{}", i + 1),
                head_text: None,
                tail_text: None,
                date: Some("11月20日,\"&<".into()),
                purpose: Some("督\t查\n\"x\"".into()),
                evidence: [0, n],
                rule: None,
                when: None,
            });
            relations.push(Relation::Visit {
                head: format!("e{i}"),
                tail: "q".into(),
                head_text: None,
                tail_text: None,
                date: None,
                purpose: None,
                evidence: [0, n],
                rule: None,
                when: None,
            });
        }
        // A second, parallel VISIT from other evidence.
        relations.push(Relation::Visit {
            head: "e0".into(),
            tail: "e1".into(),
            head_text: None,
            tail_text: None,
            date: None,
            purpose: None,
            evidence: [0, 3],
            rule: None,
            when: None,
        });
        relations.push(Relation::Leads {
            head: "e0".into(),
            head_text: None,
            org: "Org, \"Inc\" & <Co>\n".into(),
            role: "书记,\"主任\"".into(),
            title: None,
            evidence: [0, 3],
            rule: None,
        });
        let d = Document {
            id: "doc,\"1\"\n&<".into(),
            text: Some(text),
            entities,
            relations,
            context: None,
            rejected: Vec::new(),
        };
        KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon())
    }
}
