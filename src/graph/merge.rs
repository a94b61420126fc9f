//! Merging graphs: a set union of nodes (with their mentions, aliases,
//! parent chains and persons' jurisdictions) and of edges, then persons
//! regrouped and the hierarchy derived again.
//!
//! Every part is a set union or a minimum, and the regrouping and the
//! hierarchy are functions of the result, so merging is associative and
//! commutative: `a.merge(b)` equals `b.merge(a)`, and any grouping of many
//! graphs gives the same graph as building one graph from all their
//! documents. A person may change node in a merge: `王伟` placed nowhere
//! joins `王伟@青山区` while that is the only 王伟, and leaves it when a
//! graph with `王伟@海门县` is merged in (see [`super::identity`]).

use super::{EdgeData, EdgeKind, KnowledgeGraph};
use std::borrow::Borrow;

impl KnowledgeGraph {
    /// Adds everything `other` holds to this graph.
    ///
    /// ```
    /// use govkg::{Extractor, graph::{KnowledgeGraph, NodeKind}};
    /// let ex = Extractor::new();
    /// let a = KnowledgeGraph::from_documents([&ex.extract("a", "镇党委书记严俊来到七宝老街。")], ex.lexicon());
    /// let b = KnowledgeGraph::from_documents([&ex.extract("b", "七宝镇党委书记严俊陪同督查。")], ex.lexicon());
    /// let mut ab = a.clone();
    /// ab.merge(&b);
    /// let mut ba = b.clone();
    /// ba.merge(&a);
    /// assert_eq!(ab, ba);
    /// assert_eq!(ab.find(NodeKind::Person, "严俊").unwrap().documents(), ["a", "b"]);
    /// ```
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        self.absorb_graph(other);
        self.derive_identities();
        self.derive_hierarchy();
    }

    /// Merges many graphs (shards of a corpus) into one, deriving the place
    /// hierarchy once at the end rather than after every graph.
    ///
    /// The result does not depend on the order or grouping of the shards:
    /// merging the graphs of any split of a corpus gives the graph of the
    /// whole corpus.
    ///
    /// ```
    /// use govkg::{Extractor, graph::KnowledgeGraph};
    /// let ex = Extractor::new();
    /// let a = ex.extract("a", "区委副书记于勇一行来到七宝镇开展督查。");
    /// let b = ex.extract("b", "七宝镇党委书记严俊陪同督查。");
    /// let shards = [KnowledgeGraph::from_documents([&b], ex.lexicon()), KnowledgeGraph::from_documents([&a], ex.lexicon())];
    /// let merged = KnowledgeGraph::merge_all(&shards);
    /// assert_eq!(merged, KnowledgeGraph::from_documents([&a, &b], ex.lexicon()));
    /// ```
    ///
    /// The graphs may be borrowed or owned, so an iterator that loads
    /// shards one by one keeps only the result and one shard in memory.
    pub fn merge_all<G: Borrow<KnowledgeGraph>>(
        graphs: impl IntoIterator<Item = G>,
    ) -> KnowledgeGraph {
        let mut out = KnowledgeGraph::new();
        for g in graphs {
            out.absorb_graph(g.borrow());
        }
        out.derive_identities();
        out.derive_hierarchy();
        out
    }

    /// Adds the nodes and the document edges (not PART_OF, which the
    /// hierarchy derives) of `other`, leaving the hierarchy stale.
    fn absorb_graph(&mut self, other: &KnowledgeGraph) {
        for (id, &ix) in &other.nodes {
            let theirs = &other.graph[ix];
            let mine = self.node_ix(id.clone());
            self.graph[mine].absorb(theirs);
        }
        for e in other.graph.edge_indices() {
            let data = &other.graph[e];
            if data.facts.kind == EdgeKind::PartOf {
                continue;
            }
            let Some((a, b)) = other.graph.edge_endpoints(e) else {
                continue;
            };
            let from = self.node_ix(other.graph[a].id.clone());
            let to = self.node_ix(other.graph[b].id.clone());
            self.insert_edge(from, to, EdgeData::clone(data));
        }
    }

    /// This graph merged with `other` (see [`KnowledgeGraph::merge`]).
    pub fn merged(mut self, other: &KnowledgeGraph) -> KnowledgeGraph {
        self.merge(other);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Entity, Relation};
    use crate::graph::NodeKind;
    use crate::span::EntityKind;

    fn visit_doc(id: &str, person: &str, place: &str, date: Option<&str>) -> Document {
        let text = format!("{person}来到{place}调研。");
        let p = person.chars().count();
        let q = place.chars().count();
        Document {
            id: id.to_string(),
            text: Some(text.clone()),
            entities: vec![
                Entity {
                    id: "e1".into(),
                    kind: EntityKind::Person,
                    start: 0,
                    end: p,
                    text: person.into(),
                    nested: false,
                    rule: None,
                    value: None,
                },
                Entity {
                    id: "e2".into(),
                    kind: EntityKind::Place,
                    start: p + 2,
                    end: p + 2 + q,
                    text: place.into(),
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
                date: date.map(str::to_string),
                purpose: Some("调研".into()),
                evidence: [0, text.chars().count()],
                rule: None,
                when: None,
            }],
            context: None,
            rejected: Vec::new(),
        }
    }

    #[test]
    fn merge_is_commutative_and_associative() {
        let a = KnowledgeGraph::from_documents(
            [&visit_doc("a", "于勇", "七宝镇", Some("11月20日"))],
            crate::graph::embedded_lexicon(),
        );
        let b = KnowledgeGraph::from_documents(
            [&visit_doc("b", "于勇", "航头镇", None)],
            crate::graph::embedded_lexicon(),
        );
        let c = KnowledgeGraph::from_documents(
            [&visit_doc("c", "严俊", "浦东新区", None)],
            crate::graph::embedded_lexicon(),
        );
        let ab_c = a.clone().merged(&b).merged(&c);
        let a_bc = a.clone().merged(&b.clone().merged(&c));
        let cba = c.clone().merged(&b).merged(&a);
        assert_eq!(ab_c, a_bc);
        assert_eq!(ab_c, cba);
        // The same as one graph of all documents: 航头镇 now finds its
        // district through 浦东新区, which only c mentions.
        let all = KnowledgeGraph::from_documents(
            [
                &visit_doc("a", "于勇", "七宝镇", Some("11月20日")),
                &visit_doc("b", "于勇", "航头镇", None),
                &visit_doc("c", "严俊", "浦东新区", None),
            ],
            crate::graph::embedded_lexicon(),
        );
        assert_eq!(ab_c, all);
        let hangtou = ab_c.find(NodeKind::Place, "航头镇").unwrap();
        let up: Vec<&str> = hangtou
            .outgoing()
            .iter()
            .map(|e| e.target().name())
            .collect();
        assert_eq!(up, ["浦东新区"]);
        assert!(
            b.find(NodeKind::Place, "航头镇")
                .unwrap()
                .outgoing()
                .is_empty()
        );
    }

    #[test]
    fn merging_with_itself_changes_nothing() {
        let a = KnowledgeGraph::from_documents(
            [&visit_doc("a", "于勇", "七宝镇", None)],
            crate::graph::embedded_lexicon(),
        );
        assert_eq!(a.clone().merged(&a), a);
        assert_eq!(a.clone().merged(&KnowledgeGraph::new()), a);
        assert_eq!(KnowledgeGraph::new().merged(&a), a);
    }

    #[test]
    fn evidence_text_survives_a_merge_with_a_textless_copy() {
        let with = visit_doc("a", "于勇", "七宝镇", None);
        let mut without = with.clone();
        without.text = None;
        let g1 = KnowledgeGraph::from_documents([&with], crate::graph::embedded_lexicon());
        let g2 = KnowledgeGraph::from_documents([&without], crate::graph::embedded_lexicon());
        let m = g2.clone().merged(&g1);
        assert_eq!(m, g1.clone().merged(&g2));
        assert_eq!(m.edge_count(), g1.edge_count());
        let v = m.edges().find(|e| e.kind() == EdgeKind::Visit).unwrap();
        assert_eq!(v.evidence().unwrap().text, Some("于勇来到七宝镇调研。"));
    }
}
