//! Graphviz DOT (`dot -Tsvg graph.dot > graph.svg`).
//!
//! Nodes are `n0`, `n1`, … in [`NodeId`](crate::graph::NodeId) order, with
//! the name (and the jurisdiction the id carries, `王伟@青山区`) as `label`,
//! the id as `tooltip`, the jurisdiction (see
//! [`NodeRef::jurisdiction`](crate::graph::NodeRef::jurisdiction)) as
//! `jurisdiction` when there is one, and a shape and colour per
//! kind (persons ellipses, organisations boxes, places houses, plots
//! notes). Edges are labelled with their type and their date or role.
//!
//! Every attribute value is a quoted string: `"` and `\` are escaped with
//! a backslash, line breaks become `\n` (a carriage return before one is
//! dropped) so labels keep their lines, and other control characters
//! become U+FFFD.

use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind};
use std::collections::HashMap;
use std::io::{self, Write};

/// Writes DOT.
pub fn write<W: Write>(g: &KnowledgeGraph, w: &mut W) -> io::Result<()> {
    writeln!(w, "digraph govkg {{")?;
    writeln!(w, "  graph [charset=\"UTF-8\", rankdir=\"LR\"];")?;
    writeln!(w, "  node [style=\"filled\", fontname=\"sans-serif\"];")?;
    writeln!(w, "  edge [fontname=\"sans-serif\", fontsize=\"10\"];")?;
    let mut short: HashMap<&NodeId, usize> = HashMap::new();
    for (i, n) in g.nodes().enumerate() {
        short.insert(n.id(), i);
        let (shape, colour) = match n.kind() {
            NodeKind::Person => ("ellipse", "#cfe2f3"),
            NodeKind::Org => ("box", "#fce5cd"),
            NodeKind::Place => ("house", "#d9ead3"),
            _ => ("note", "#eeeeee"),
        };
        let jurisdiction = n
            .jurisdiction()
            .map(|j| format!(", jurisdiction={}", quote(&j)))
            .unwrap_or_default();
        writeln!(
            w,
            "  n{i} [label={}, tooltip={}, kind={}{jurisdiction}, shape={shape}, fillcolor=\"{colour}\"];",
            quote(&n.id().key()),
            quote(&n.id().to_string()),
            quote(n.kind().type_name()),
        )?;
    }
    for e in g.edges() {
        let detail = match e.kind() {
            EdgeKind::Leads => e.role(),
            _ => e.date(),
        };
        let label = match detail {
            Some(d) => format!("{} {d}", e.kind()),
            None => e.kind().to_string(),
        };
        let style = if e.kind() == EdgeKind::PartOf {
            ", style=\"dashed\""
        } else {
            ""
        };
        write!(
            w,
            "  n{} -> n{} [label={}, type={}",
            short[e.source().id()],
            short[e.target().id()],
            quote(&label),
            quote(e.kind().as_str()),
        )?;
        if let Some(d) = e.document() {
            write!(w, ", doc={}", quote(d))?;
        }
        writeln!(w, "{style}];")?;
    }
    writeln!(w, "}}")
}

/// A DOT quoted string.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::nasty;

    #[test]
    fn quoting() {
        assert_eq!(quote("七宝镇"), "\"七宝镇\"");
        assert_eq!(quote("a\"b\\"), "\"a\\\"b\\\\\"");
        assert_eq!(quote("a\r\nb\nc\td"), "\"a\\nb\\nc d\"");
        assert_eq!(quote("x\u{1}"), "\"x\u{FFFD}\"");
    }

    #[test]
    fn every_node_and_edge_is_written() {
        let g = nasty();
        let mut buf = Vec::new();
        write(&g, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s.matches(" -> ").count(), g.edge_count());
        assert_eq!(
            s.lines()
                .filter(|l| l.contains(" [label=") && !l.contains("->"))
                .count(),
            g.node_count()
        );
        // Every quoted string closes on its line: no raw line breaks.
        for line in s.lines() {
            let unescaped = line.replace("\\\\", "").replace("\\\"", "");
            assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
        }
    }
}
