//! A folder for `neo4j-admin database import`: `nodes.csv` and
//! `relationships.csv` with Neo4j's import headers.
//!
//! ```text
//! nodes.csv          id:ID,:LABEL,name,kind,jurisdiction,mentions:int,documents:string[],aliases:string[]
//! relationships.csv  :START_ID,:END_ID,:TYPE,doc,date,when,purpose,role,evidence_start:int,evidence_end:int,evidence
//! ```
//!
//! `id:ID` is the [`NodeId`](crate::graph::NodeId) (`person:于勇@闵行区`),
//! `:LABEL` is `Person`, `Org`, `Place` or `Plot`, `jurisdiction` is
//! [`NodeRef::jurisdiction`](crate::graph::NodeRef::jurisdiction) (empty for
//! a node without one), `:TYPE` is `VISIT`, `LEADS`,
//! `ACCOMPANY` or `PART_OF`. Arrays use Neo4j's default `;` delimiter.
//! Fields are quoted as RFC 4180 says (text fields always, a `"` doubled);
//! a missing value is an empty, unquoted field, which Neo4j imports as no
//! property. Evidence text keeps its line breaks, so import with
//! `--multiline-fields=true`:
//!
//! ```text
//! neo4j-admin database import full --nodes=out/nodes.csv \
//!     --relationships=out/relationships.csv --multiline-fields=true neo4j
//! ```

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};
use std::path::Path;

/// The header of `nodes.csv`.
pub const NODES_HEADER: &str =
    "id:ID,:LABEL,name,kind,jurisdiction,mentions:int,documents:string[],aliases:string[]";
/// The header of `relationships.csv`.
pub const RELATIONSHIPS_HEADER: &str = ":START_ID,:END_ID,:TYPE,doc,date,when,purpose,role,evidence_start:int,evidence_end:int,evidence";

/// Writes `nodes.csv` and `relationships.csv` into `dir` (created if
/// missing).
pub fn write_dir(g: &KnowledgeGraph, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let write_one = |name: &str, f: &dyn Fn(&mut dyn Write) -> io::Result<()>| -> Result<()> {
        let path = dir.join(name);
        let io_err = |e| Error::Io {
            path: path.clone(),
            source: e,
        };
        let file = std::fs::File::create(&path).map_err(io_err)?;
        let mut w = io::BufWriter::new(file);
        f(&mut w).and_then(|()| w.flush()).map_err(io_err)
    };
    write_one("nodes.csv", &|w| write_nodes(g, w))?;
    write_one("relationships.csv", &|w| write_relationships(g, w))
}

/// Writes `nodes.csv`.
pub fn write_nodes(g: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{NODES_HEADER}")?;
    for n in g.nodes() {
        let docs = array(n.documents().into_iter());
        let aliases = array(n.aliases());
        writeln!(
            w,
            "{},{},{},{},{},{},{},{}",
            quote(&n.id().to_string()),
            n.kind().label(),
            quote(n.name()),
            n.kind().type_name(),
            opt(n.jurisdiction().as_deref()),
            n.mention_count(),
            opt(Some(&docs)),
            opt(Some(&aliases)),
        )?;
    }
    Ok(())
}

/// Writes `relationships.csv`.
pub fn write_relationships(g: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{RELATIONSHIPS_HEADER}")?;
    for e in g.edges() {
        let ev = e.evidence();
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{},{}",
            quote(&e.source().id().to_string()),
            quote(&e.target().id().to_string()),
            e.kind().as_str(),
            opt(e.document()),
            opt(e.date()),
            opt(e.when()),
            opt(e.purpose()),
            opt(e.role()),
            ev.map(|v| v.start.to_string()).unwrap_or_default(),
            ev.map(|v| v.end.to_string()).unwrap_or_default(),
            opt(ev.and_then(|v| v.text)),
        )?;
    }
    Ok(())
}

/// An RFC 4180 quoted field: in double quotes, each `"` doubled.
pub(crate) fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A quoted field, or an empty field for a missing or empty value.
fn opt(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).map(quote).unwrap_or_default()
}

/// A Neo4j array: items joined with `;` (the import tool's default
/// delimiter).
fn array<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(";")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::export::testgraph::nasty;

    /// Reads RFC 4180 CSV: records of fields, and for each field whether it
    /// was quoted.
    pub(crate) fn parse(s: &str) -> Vec<Vec<(String, bool)>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut chars = s.chars().peekable();
        let mut field = String::new();
        let mut quoted = false;
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            if in_quotes {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        in_quotes = false;
                    }
                } else {
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' => {
                    assert!(field.is_empty(), "quote inside an unquoted field");
                    in_quotes = true;
                    quoted = true;
                }
                ',' => record.push((std::mem::take(&mut field), std::mem::take(&mut quoted))),
                '\n' => {
                    record.push((std::mem::take(&mut field), std::mem::take(&mut quoted)));
                    records.push(std::mem::take(&mut record));
                }
                c => {
                    assert!(!quoted, "text after a closing quote");
                    field.push(c);
                }
            }
        }
        assert!(!in_quotes, "unterminated quote");
        assert!(record.is_empty() && field.is_empty(), "no final newline");
        records
    }

    fn files() -> (String, String) {
        let g = nasty();
        let mut n = Vec::new();
        write_nodes(&g, &mut n).unwrap();
        let mut r = Vec::new();
        write_relationships(&g, &mut r).unwrap();
        (String::from_utf8(n).unwrap(), String::from_utf8(r).unwrap())
    }

    #[test]
    fn headers_are_neo4j_import_headers() {
        let (n, r) = files();
        assert_eq!(n.lines().next().unwrap(), NODES_HEADER);
        assert_eq!(r.lines().next().unwrap(), RELATIONSHIPS_HEADER);
        let nodes = parse(&n);
        assert!(nodes.iter().all(|rec| rec.len() == 8));
        assert!(parse(&r).iter().all(|rec| rec.len() == 11));
    }

    #[test]
    fn every_field_round_trips() {
        let g = nasty();
        let (n, r) = files();
        let nodes = parse(&n);
        assert_eq!(nodes.len(), 1 + g.node_count());
        for (rec, node) in nodes[1..].iter().zip(g.nodes()) {
            assert_eq!(rec[0].0, node.id().to_string());
            assert_eq!(rec[1].0, node.kind().label());
            assert_eq!(rec[2].0, node.name());
            assert_eq!(rec[4].0, node.jurisdiction().unwrap_or_default());
            assert_eq!(rec[4].1, node.jurisdiction().is_some());
            assert_eq!(rec[5].0, node.mention_count().to_string());
        }
        let rels = parse(&r);
        assert_eq!(rels.len(), 1 + g.edge_count());
        for (rec, e) in rels[1..].iter().zip(g.edges()) {
            assert_eq!(rec[0].0, e.source().id().to_string());
            assert_eq!(rec[2].0, e.kind().as_str());
            assert_eq!(rec[3].0, e.document().unwrap_or(""));
            assert_eq!(rec[4].0, e.date().unwrap_or(""));
            assert_eq!(rec[5].0, e.when().unwrap_or(""));
            assert_eq!(rec[6].0, e.purpose().unwrap_or(""));
            assert_eq!(rec[7].0, e.role().unwrap_or(""));
            let ev = e.evidence();
            assert_eq!(rec[10].0, ev.and_then(|v| v.text).unwrap_or(""));
            // Missing values are unquoted empty fields: no property.
            assert_eq!(rec[4].1, e.date().is_some());
        }
    }

    #[test]
    fn writes_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("neo4j");
        write_dir(&nasty(), &out).unwrap();
        assert!(out.join("nodes.csv").is_file());
        assert!(out.join("relationships.csv").is_file());
    }
}
