//! Who is who: persons keyed by name *and* jurisdiction.
//!
//! Each document places each person it names somewhere: a [`Juris`], decided
//! by [`super::resolve`] from the person's posts, the article's context, or
//! the list of national figures. A person node keeps, per jurisdiction, the
//! mentions that came with it, and each edge keeps the jurisdiction of its
//! person ends. Which node a jurisdiction joins is then a function of the
//! set of jurisdictions the graph holds for that name ([`clusters`]):
//!
//! - the most specific ones (that no other lies inside) are one person
//!   each;
//! - a less specific one (`闵行区`, or none at all) joins the one person it
//!   contains, if exactly one; otherwise it stays a node of its own.
//!
//! [`KnowledgeGraph::derive_identities`] regroups person nodes after every
//! change, so that the graph depends on the set of mentions alone: merging
//! stays associative and commutative, and the order of documents does not
//! matter.

use super::jurisdiction::PlaceRef;
use super::{EdgeData, EdgeIx, KnowledgeGraph, NodeData, NodeId, NodeIx, NodeKind};
use petgraph::Direction;
use petgraph::visit::EdgeRef as _;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The written jurisdiction of a national figure (`person:习近平@全国`).
pub const NATIONAL: &str = "全国";

/// Where one document places one person.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Juris {
    /// Nowhere: no post with a place, no usable article context.
    Unknown,
    /// A national figure of the lexicon's list, without a local post.
    National,
    /// A place: the most specific one of the person's posts, else the
    /// article's.
    Place(Arc<PlaceRef>),
}

impl Juris {
    /// A place.
    pub(super) fn place(p: PlaceRef) -> Self {
        Juris::Place(Arc::new(p))
    }

    /// The written form a node id carries (`青山区`, `全国`); none for
    /// [`Juris::Unknown`].
    pub(super) fn written(&self) -> Option<String> {
        match self {
            Juris::Unknown => None,
            Juris::National => Some(NATIONAL.to_string()),
            Juris::Place(p) => Some(p.written()),
        }
    }

    /// True when `self` is `other` or lies inside it. Nowhere contains
    /// everything; the nation contains only itself (a local post is
    /// another person).
    pub(super) fn within(&self, other: &Juris) -> bool {
        match (self, other) {
            (_, Juris::Unknown) => true,
            (Juris::National, Juris::National) => true,
            (Juris::Place(a), Juris::Place(b)) => a.within(b),
            _ => false,
        }
    }

    /// True when `self` lies inside `other` and is not the same place.
    fn strictly_within(&self, other: &Juris) -> bool {
        self.within(other) && !other.within(self)
    }

    /// The places it lies in, top down, ending with itself.
    pub(super) fn chain(&self) -> &[String] {
        match self {
            Juris::Place(p) => p.chain(),
            _ => &[],
        }
    }
}

/// For each jurisdiction of `set` (those of one name), the jurisdiction of
/// the node it joins: itself when it is among the most specific, or when
/// it contains none or several of them; else the one most specific it
/// contains.
pub(super) fn clusters(set: &BTreeSet<Juris>) -> BTreeMap<Juris, Juris> {
    let leaves: Vec<&Juris> = set
        .iter()
        .filter(|j| !set.iter().any(|k| k.strictly_within(j)))
        .collect();
    set.iter()
        .map(|j| {
            let mut inside = leaves.iter().filter(|l| l.within(j));
            let rep = match (inside.next(), inside.next()) {
                (Some(&l), None) => l.clone(),
                _ => j.clone(),
            };
            (j.clone(), rep)
        })
        .collect()
}

/// The id of the person node named `name` in `juris`.
pub(super) fn person_id(name: &str, juris: &Juris) -> NodeId {
    NodeId::with_jurisdiction(NodeKind::Person, name, juris.written().as_deref())
}

impl KnowledgeGraph {
    /// Regroups the person nodes so that each jurisdiction of each name is
    /// in the node [`clusters`] gives it, with its mentions and edges.
    /// Names whose nodes are already so are left alone.
    pub(super) fn derive_identities(&mut self) {
        let mut by_name: BTreeMap<String, Vec<NodeIx>> = BTreeMap::new();
        for (id, &ix) in &self.nodes {
            if id.kind() == NodeKind::Person {
                by_name.entry(id.name().to_string()).or_default().push(ix);
            }
        }
        for (name, ixs) in by_name {
            let set: BTreeSet<Juris> = ixs
                .iter()
                .flat_map(|&ix| identities_of(&self.graph[ix]).into_keys())
                .collect();
            let reps = clusters(&set);
            let settled = ixs.iter().all(|&ix| {
                let data = &self.graph[ix];
                !data.identities.is_empty()
                    && data
                        .identities
                        .keys()
                        .all(|j| person_id(&name, &reps[j]) == data.id)
            });
            if !settled {
                self.regroup(&name, &ixs, &reps);
            }
        }
    }

    /// Rebuilds the person nodes `ixs` (all named `name`): one node per
    /// representative of `reps`, holding the mentions of the jurisdictions
    /// it represents, and every edge of the old nodes moved to the node of
    /// its end's jurisdiction.
    fn regroup(&mut self, name: &str, ixs: &[NodeIx], reps: &BTreeMap<Juris, Juris>) {
        let old: BTreeSet<NodeIx> = ixs.iter().copied().collect();
        let edges: BTreeSet<EdgeIx> = ixs
            .iter()
            .flat_map(|&ix| {
                self.graph
                    .edges_directed(ix, Direction::Outgoing)
                    .chain(self.graph.edges_directed(ix, Direction::Incoming))
                    .map(|e| e.id())
            })
            .collect();
        let moved: Vec<(NodeIx, NodeIx, EdgeData)> = edges
            .iter()
            .filter_map(|&e| {
                let (a, b) = self.graph.edge_endpoints(e)?;
                Some((a, b, self.graph[e].clone()))
            })
            .collect();
        // Where an edge end without a usable jurisdiction goes: the node of
        // its old node's first jurisdiction.
        let mut fallback: BTreeMap<NodeIx, NodeId> = BTreeMap::new();
        let mut datas: Vec<NodeData> = Vec::new();
        for &ix in ixs {
            let data = self.graph[ix].clone();
            let first = identities_of(&data)
                .into_keys()
                .next()
                .unwrap_or(Juris::Unknown);
            let rep = reps.get(&first).unwrap_or(&first);
            fallback.insert(ix, person_id(name, rep));
            datas.push(data);
        }
        for e in edges {
            self.detach_edge(e);
        }
        for &ix in ixs {
            self.remove_isolated(ix);
        }
        for data in datas {
            for (j, mentions) in identities_of(&data) {
                let rep = reps.get(&j).unwrap_or(&j);
                let nix = self.node_ix(person_id(name, rep));
                let node = &mut self.graph[nix];
                node.mentions.extend(mentions.iter().cloned());
                node.aliases.extend(data.aliases.iter().cloned());
                node.identities.entry(j).or_default().extend(mentions);
            }
        }
        let end = |g: &mut KnowledgeGraph, ix: NodeIx, juris: &Option<Juris>| -> NodeIx {
            if !old.contains(&ix) {
                return ix;
            }
            let id = match juris.as_ref().and_then(|j| reps.get(j)) {
                Some(rep) => person_id(name, rep),
                None => fallback[&ix].clone(),
            };
            g.node_ix(id)
        };
        for (a, b, data) in moved {
            let from = end(self, a, &data.facts.source_juris);
            let to = end(self, b, &data.facts.target_juris);
            self.insert_edge(from, to, data);
        }
    }
}

/// The mentions of a person node by jurisdiction; a node that has none
/// recorded (a graph saved before jurisdictions) holds them all nowhere.
fn identities_of(data: &NodeData) -> BTreeMap<Juris, BTreeSet<super::Mention>> {
    if data.identities.is_empty() {
        BTreeMap::from([(Juris::Unknown, data.mentions.clone())])
    } else {
        data.identities.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(chain: &[&str]) -> Juris {
        Juris::place(PlaceRef::new(
            super::super::embedded_lexicon(),
            chain.iter().map(|s| s.to_string()).collect(),
        ))
    }

    fn reps(js: &[Juris]) -> Vec<Option<String>> {
        let set: BTreeSet<Juris> = js.iter().cloned().collect();
        let c = clusters(&set);
        js.iter().map(|j| c[j].written()).collect()
    }

    #[test]
    fn the_same_place_or_one_inside_the_other_is_one_person() {
        let town = place(&["上海市", "闵行区", "七宝镇"]);
        let district = place(&["上海市", "闵行区"]);
        assert_eq!(
            reps(&[town.clone(), district.clone(), Juris::Unknown]),
            [
                Some("七宝镇".into()),
                Some("七宝镇".into()),
                Some("七宝镇".into())
            ]
        );
        // Two towns of the district: the district and nowhere stay apart.
        let other = place(&["上海市", "闵行区", "虹桥镇"]);
        assert_eq!(
            reps(&[town, other, district, Juris::Unknown]),
            [
                Some("七宝镇".into()),
                // Other provinces have a 虹桥镇 too: it is written with its
                // district.
                Some("闵行区虹桥镇".into()),
                Some("闵行区".into()),
                None
            ]
        );
    }

    #[test]
    fn places_apart_are_persons_apart() {
        let a = place(&["青山区"]);
        let b = place(&["海门县"]);
        assert_eq!(
            reps(&[a.clone(), b.clone()]),
            [Some("青山区".into()), Some("海门县".into())]
        );
        // An unplaced 青山区 joins the one placed 青山区, not two.
        let wuhan = place(&["湖北省", "武汉市", "青山区"]);
        let baotou = place(&["内蒙古自治区", "包头市", "青山区"]);
        assert_eq!(
            reps(&[a.clone(), wuhan.clone()]),
            [Some("武汉市青山区".into()), Some("武汉市青山区".into())]
        );
        assert_eq!(
            reps(&[a, wuhan, baotou]),
            [
                Some("青山区".into()),
                Some("武汉市青山区".into()),
                Some("包头市青山区".into())
            ]
        );
    }

    #[test]
    fn the_nation_is_apart_from_every_place() {
        let local = place(&["上海市", "闵行区"]);
        assert_eq!(
            reps(&[Juris::National, local]),
            [Some(NATIONAL.into()), Some("闵行区".into())]
        );
        assert_eq!(
            reps(&[Juris::National, Juris::Unknown]),
            [Some(NATIONAL.into()), Some(NATIONAL.into())]
        );
    }
}
