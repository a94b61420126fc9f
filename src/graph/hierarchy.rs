//! PART_OF edges: the place hierarchy, derived from the parent chains the
//! lexicon gave each place node.
//!
//! The hierarchy is a function of the nodes alone (their names and stored
//! chains), so it is re-derived from scratch after every change: whatever
//! the order documents and graphs were added in, the result is the same.

use super::{EdgeData, EdgeFacts, EdgeKind, KnowledgeGraph, NodeId, NodeIx, NodeKind};
use std::collections::BTreeSet;

impl KnowledgeGraph {
    /// Drops every PART_OF edge and the places that only they held, then
    /// adds the PART_OF chain of every place the documents mention.
    pub(super) fn derive_hierarchy(&mut self) {
        self.remove_edges_of(EdgeKind::PartOf);
        let orphans: Vec<NodeIx> = self
            .nodes
            .values()
            .copied()
            .filter(|&ix| {
                self.graph[ix].mentions.is_empty()
                    && self.graph.neighbors_undirected(ix).next().is_none()
            })
            .collect();
        for ix in orphans {
            self.remove_isolated(ix);
        }

        // Places by key (`七宝镇`, `城关镇@施甸县`), as chains name them.
        let keys: Vec<String> = self
            .nodes
            .keys()
            .filter(|id| id.kind() == NodeKind::Place)
            .map(NodeId::key)
            .collect();
        let held: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        let plan: Vec<(NodeIx, Vec<String>)> = self
            .nodes
            .iter()
            .filter(|(id, _)| id.kind() == NodeKind::Place)
            .filter_map(|(_, &ix)| {
                let data = &self.graph[ix];
                choose_chain(&data.parents, data.parents_ambiguous, &held)
                    .map(|chain| (ix, chain.clone()))
            })
            .collect();

        for (ix, chain) in plan {
            let mut child = ix;
            for name in chain.iter().rev() {
                let parent = self.node_ix(NodeId::from_key(NodeKind::Place, name));
                if parent != child {
                    self.insert_edge(
                        child,
                        parent,
                        EdgeData {
                            facts: EdgeFacts::part_of(),
                            evidence_text: None,
                        },
                    );
                }
                child = parent;
            }
        }
    }
}

/// The parent chain to use: the only one, or, when there are several (or
/// the lexicon says `*`), the one holding the most places of `held`, if
/// exactly one does.
fn choose_chain<'c>(
    chains: &'c BTreeSet<Vec<String>>,
    ambiguous: bool,
    held: &BTreeSet<&str>,
) -> Option<&'c Vec<String>> {
    if chains.len() == 1 && !ambiguous {
        return chains.first();
    }
    let score = |c: &Vec<String>| c.iter().filter(|n| held.contains(n.as_str())).count();
    let best = chains.iter().map(score).max()?;
    if best == 0 {
        return None;
    }
    let mut winners = chains.iter().filter(|c| score(c) == best);
    let first = winners.next();
    if winners.next().is_some() {
        return None;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Entity};
    use crate::span::EntityKind;

    fn chain(s: &str) -> Vec<String> {
        s.split('/').map(str::to_string).collect()
    }

    fn place_doc(id: &str, names: &[&str]) -> Document {
        let mut at = 0;
        let entities = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let e = Entity {
                    id: format!("e{}", i + 1),
                    kind: EntityKind::Place,
                    start: at,
                    end: at + n.chars().count(),
                    text: n.to_string(),
                    nested: false,
                    rule: None,
                    value: None,
                };
                at = e.end + 1;
                e
            })
            .collect();
        Document {
            id: id.to_string(),
            text: None,
            entities,
            relations: Vec::new(),
            context: None,
            rejected: Vec::new(),
        }
    }

    fn part_of(g: &KnowledgeGraph) -> Vec<String> {
        g.edges()
            .filter(|e| e.kind() == EdgeKind::PartOf)
            .map(|e| format!("{}<{}", e.source().name(), e.target().name()))
            .collect()
    }

    #[test]
    fn single_chain_is_used() {
        let set: BTreeSet<Vec<String>> = [chain("上海市/闵行区")].into();
        assert_eq!(choose_chain(&set, false, &BTreeSet::new()), set.first());
        assert_eq!(choose_chain(&set, true, &BTreeSet::new()), None);
        assert_eq!(choose_chain(&set, true, &["闵行区"].into()), set.first());
    }

    #[test]
    fn several_chains_need_a_held_place() {
        let set: BTreeSet<Vec<String>> =
            [chain("上海市/浦东新区"), chain("浙江省/杭州市/建德市")].into();
        assert_eq!(choose_chain(&set, false, &BTreeSet::new()), None);
        assert_eq!(
            choose_chain(&set, false, &["浦东新区"].into()),
            Some(&chain("上海市/浦东新区"))
        );
        assert_eq!(
            choose_chain(&set, false, &["上海市", "杭州市"].into()),
            None
        );
    }

    #[test]
    fn chains_go_up_to_the_top_with_ancestors_added() {
        let g = KnowledgeGraph::from_documents(
            [&place_doc("a", &["七宝镇"])],
            crate::graph::embedded_lexicon(),
        );
        assert_eq!(part_of(&g), ["七宝镇<闵行区", "闵行区<上海市"]);
        let minhang = g.find(NodeKind::Place, "闵行区").unwrap();
        assert!(minhang.is_hierarchy_only());
        assert_eq!(minhang.mention_count(), 0);
    }

    #[test]
    fn ambiguous_places_follow_the_places_the_graph_holds() {
        let g = KnowledgeGraph::from_documents(
            [&place_doc("a", &["航头镇"])],
            crate::graph::embedded_lexicon(),
        );
        assert!(part_of(&g).is_empty());
        let g = KnowledgeGraph::from_documents(
            [&place_doc("a", &["航头镇", "浦东新区"])],
            crate::graph::embedded_lexicon(),
        );
        assert_eq!(part_of(&g), ["浦东新区<上海市", "航头镇<浦东新区"]);
    }

    #[test]
    fn rederiving_drops_stale_ancestors() {
        let mut g = KnowledgeGraph::from_documents(
            [&place_doc("a", &["七宝镇"])],
            crate::graph::embedded_lexicon(),
        );
        let before = g.clone();
        g.derive_hierarchy();
        assert_eq!(g, before);
        // An ancestor that becomes mentioned is kept with its mention.
        g.add_document(
            &place_doc("b", &["闵行区"]),
            crate::graph::embedded_lexicon(),
        );
        assert!(
            !g.find(NodeKind::Place, "闵行区")
                .unwrap()
                .is_hierarchy_only()
        );
        assert_eq!(part_of(&g), ["七宝镇<闵行区", "闵行区<上海市"]);
    }
}
