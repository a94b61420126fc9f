//! GraphML with typed attribute keys, for Gephi, yEd, Cytoscape and
//! networkx (`networkx.read_graphml`).
//!
//! Node attributes: `label` (the name, with the jurisdiction the id
//! carries: `王伟@青山区`), `name` (the name), `kind` (`PERSON`, `ORG`,
//! `PLACE`, `PLOT`), `jurisdiction` (see
//! [`NodeRef::jurisdiction`](crate::graph::NodeRef::jurisdiction)),
//! `mentions` (int), `documents` and `aliases` (lists joined with `;`). Edge attributes: `label` and `type` (`VISIT`, `LEADS`,
//! `ACCOMPANY`, `PART_OF`), `doc`, `date`, `when` (the date normalised,
//! `2018-11-20`), `purpose`, `role`,
//! `evidence_start` and `evidence_end` (int), `evidence` (the text).
//! Attributes a node or edge does not have are left out. Node ids are
//! [`NodeId`](crate::graph::NodeId)s (`person:于勇`); edge ids are `e0`,
//! `e1`, … in the sorted edge order.
//!
//! Escaping: `&`, `<`, `>` (and `"` in attributes) become entities; in
//! attributes tab, line feed and carriage return become character
//! references so XML parsers keep them; in text a carriage return does.
//! XML 1.0 cannot hold the other control characters (U+0000 to U+001F but
//! tab, LF and CR; U+FFFE, U+FFFF): they are written as U+FFFD.

use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

/// `(id, for, attr.name, attr.type)` of every key.
const KEYS: [(&str, &str, &str, &str); 17] = [
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_name", "node", "name", "string"),
    ("n_jurisdiction", "node", "jurisdiction", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_documents", "node", "documents", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_doc", "edge", "doc", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_when", "edge", "when", "string"),
    ("e_purpose", "edge", "purpose", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_evidence_start", "edge", "evidence_start", "int"),
    ("e_evidence_end", "edge", "evidence_end", "int"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Writes GraphML.
pub fn write<W: Write>(g: &KnowledgeGraph, w: &mut W) -> io::Result<()> {
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    for (id, on, name, ty) in KEYS {
        writeln!(
            w,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    writeln!(w, "  <graph id=\"govkg\" edgedefault=\"directed\">")?;
    for n in g.nodes() {
        writeln!(w, "    <node id=\"{}\">", attr(&n.id().to_string()))?;
        data(w, "n_label", &n.id().key())?;
        data(w, "n_kind", n.kind().type_name())?;
        data(w, "n_name", n.name())?;
        if let Some(j) = n.jurisdiction() {
            data(w, "n_jurisdiction", &j)?;
        }
        data(w, "n_mentions", &n.mention_count().to_string())?;
        data(w, "n_documents", &n.documents().join(";"))?;
        data(w, "n_aliases", &n.aliases().collect::<Vec<_>>().join(";"))?;
        writeln!(w, "    </node>")?;
    }
    for (i, e) in g.edges().enumerate() {
        writeln!(
            w,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            attr(&e.source().id().to_string()),
            attr(&e.target().id().to_string())
        )?;
        data(w, "e_label", e.kind().as_str())?;
        data(w, "e_type", e.kind().as_str())?;
        for (k, v) in [
            ("e_doc", e.document()),
            ("e_date", e.date()),
            ("e_when", e.when()),
            ("e_purpose", e.purpose()),
            ("e_role", e.role()),
        ] {
            if let Some(v) = v {
                data(w, k, v)?;
            }
        }
        if let Some(ev) = e.evidence() {
            data(w, "e_evidence_start", &ev.start.to_string())?;
            data(w, "e_evidence_end", &ev.end.to_string())?;
            if let Some(t) = ev.text {
                data(w, "e_evidence", t)?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// One `<data>` element; empty values are left out (readers would turn an
/// empty element into a missing or `None` value anyway).
fn data<W: Write>(w: &mut W, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(w, "      <data key=\"{key}\">{}</data>", text(value))
}

/// Escapes character data.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value (in double quotes).
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::nasty;

    #[test]
    fn escapes() {
        assert_eq!(
            text("A&B<C>\"D\"\tx\ny\r"),
            "A&amp;B&lt;C&gt;\"D\"\tx\ny&#13;"
        );
        assert_eq!(
            attr("A&B<C>\"D\"\tx\ny\r"),
            "A&amp;B&lt;C&gt;&quot;D&quot;&#9;x&#10;y&#13;"
        );
        assert_eq!(text("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(text("七宝镇"), "七宝镇");
    }

    #[test]
    fn well_formed_and_typed() {
        let g = nasty();
        let mut buf = Vec::new();
        write(&g, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s.matches("<node ").count(), g.node_count());
        assert_eq!(s.matches("<edge ").count(), g.edge_count());
        assert!(s.contains("attr.name=\"mentions\" attr.type=\"int\""));
        // Only the escapes above leave a raw `&` or `<` in the file.
        for (i, _) in s.match_indices('&') {
            let rest = &s[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#9;", "&#10;", "&#13;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "raw & at {}",
                &rest[..rest.len().min(20)]
            );
        }
        assert!(!s.chars().any(|c| (c as u32) < 0x20 && !"\t\n".contains(c)));
    }
}
