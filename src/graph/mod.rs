//! The knowledge graph: who visited where, who leads what, who accompanied
//! whom, across a corpus of [`Document`](crate::Document)s.
//!
//! # Terms
//!
//! - A **node** is one person, organisation, place or plot, identified by a
//!   [`NodeId`]: its [`NodeKind`] and its normalised name (`place:七宝镇`).
//!   The same name of the same kind in many documents is one node, which
//!   lists every **mention** (document id and code-point range).
//! - An **edge** is one stated relation: VISIT, LEADS or ACCOMPANY from a
//!   document (with its document id, date, purpose or role, and evidence),
//!   or PART_OF between places, from the lexicon's place hierarchy.
//!
//! The graph is stored on petgraph, but no petgraph index ever leaves this
//! module: nodes are named by [`NodeId`], and [`NodeRef`] / [`EdgeRef`] are
//! borrowed views.
//!
//! # Example: who visited 七宝镇?
//!
//! ```
//! use govkg::{Extractor, graph::{DateRange, KnowledgeGraph}};
//!
//! let ex = Extractor::new();
//! let doc = ex.extract("000", "11月20日,区委副书记于勇一行来到七宝镇开展督查。");
//! let g = KnowledgeGraph::from_documents([&doc], ex.lexicon());
//! let visits = g.visitors("七宝镇", &DateRange::any())?;
//! let who: Vec<&str> = visits.iter().map(|e| e.source().name()).collect();
//! assert_eq!(who, ["于勇"]);
//! assert_eq!(visits[0].date(), Some("11月20日"));
//! // 七宝镇 lies in 闵行区, which lies in 上海市 (from the lexicon).
//! let chain: Vec<&str> = g.ancestors("七宝镇")?.iter().map(|n| n.name()).collect();
//! assert_eq!(chain, ["闵行区", "上海市"]);
//! # Ok::<(), govkg::Error>(())
//! ```
//!
//! # Merging names
//!
//! Names are normalised with [`normalize_name`] (PDF line breaks and other
//! whitespace between CJK characters removed, full-width forms folded).
//! A place's short form (`七宝`) joins its full name (`七宝镇`) when the
//! lexicon allows exactly one full name for it, or when the same document
//! names exactly one of the possible full names; a chain glued without a
//! break (`闵行区七宝镇`) joins its last division when the lexicon's
//! hierarchy agrees. Everything else stays apart: merging is decided by the
//! lexicon, never by similarity.
//!
//! # Place hierarchy
//!
//! Every place the documents mention that the lexicon knows gets PART_OF
//! edges up its `parent=` chain (`七宝镇` → `闵行区` → `上海市`), adding the
//! ancestors as nodes without mentions. A name with several possible chains
//! (`航头镇`: `上海市/浦东新区` or `浙江省/杭州市/建德市`) uses the chain
//! holding the most places the documents mention, if exactly one does;
//! otherwise, and for names the lexicon marks `*`, it gets no PART_OF edge.

mod build;
mod date;
mod hierarchy;
mod id;
mod identity;
mod jurisdiction;
mod lookup;
mod merge;
mod orgname;
mod placename;
mod query;
mod resolve;
mod store;
mod view;

pub use crate::dates::PartialDate;
pub use build::{AddSummary, GraphBuilder};
pub use date::DateRange;
pub use id::{NodeId, NodeKind, ParseNodeIdError, normalize_name};
pub use identity::NATIONAL;
pub use jurisdiction::divisions_in_name;
pub use query::Reached;
pub use view::{EdgeRef, Evidence, Mention, NodeRef};

use hashbrown::{DefaultHashBuilder, HashTable};
use petgraph::graph::IndexType;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::hash::BuildHasher;

/// The graph's private index type: a `NodeIndex<Ix>` cannot be named
/// outside this module.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Ix(u32);

// SAFETY: `index` returns what `new` was given (truncated to u32, as
// petgraph's own u32 index does), and `max` is the largest value.
unsafe impl IndexType for Ix {
    #[inline]
    fn new(x: usize) -> Self {
        Ix(x as u32)
    }
    #[inline]
    fn index(&self) -> usize {
        self.0 as usize
    }
    #[inline]
    fn max() -> Self {
        Ix(u32::MAX)
    }
}

type NodeIx = NodeIndex<Ix>;
type EdgeIx = EdgeIndex<Ix>;

/// What an edge states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EdgeKind {
    /// The source (person or organisation) went to the target (place,
    /// organisation or plot) to inspect, research or visit.
    #[serde(rename = "VISIT")]
    Visit,
    /// The source (person) holds a post in the target (organisation).
    #[serde(rename = "LEADS")]
    Leads,
    /// The source (person) accompanied the target (person) on a visit.
    #[serde(rename = "ACCOMPANY")]
    Accompany,
    /// The source (place) lies in the target (place).
    #[serde(rename = "PART_OF")]
    PartOf,
}

impl EdgeKind {
    /// Every kind.
    pub const ALL: [EdgeKind; 4] = [
        EdgeKind::Visit,
        EdgeKind::Leads,
        EdgeKind::Accompany,
        EdgeKind::PartOf,
    ];

    /// The type name (`VISIT`, `LEADS`, `ACCOMPANY`, `PART_OF`).
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::Visit => "VISIT",
            EdgeKind::Leads => "LEADS",
            EdgeKind::Accompany => "ACCOMPANY",
            EdgeKind::PartOf => "PART_OF",
        }
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the graph stores about a node.
#[derive(Clone, Debug, PartialEq, Eq)]
struct NodeData {
    id: NodeId,
    /// Other normalised names merged into this node (`七宝` of `七宝镇`).
    aliases: BTreeSet<String>,
    mentions: BTreeSet<Mention>,
    /// Places: the lexicon's possible parent chains, each from the top down
    /// (`["上海市", "闵行区"]`).
    parents: BTreeSet<Vec<String>>,
    /// Places: the lexicon marks the parent chain as too ambiguous to list.
    parents_ambiguous: bool,
    /// Persons: the mentions by the jurisdiction their document gave them
    /// (see [`identity`]).
    identities: BTreeMap<identity::Juris, BTreeSet<Mention>>,
}

impl NodeData {
    fn new(id: NodeId) -> Self {
        NodeData {
            id,
            aliases: BTreeSet::new(),
            mentions: BTreeSet::new(),
            parents: BTreeSet::new(),
            parents_ambiguous: false,
            identities: BTreeMap::new(),
        }
    }

    /// Adds everything `other` knows (a set union, so merging is
    /// associative and commutative).
    fn absorb(&mut self, other: &NodeData) {
        self.aliases.extend(other.aliases.iter().cloned());
        self.mentions.extend(other.mentions.iter().cloned());
        self.parents.extend(other.parents.iter().cloned());
        self.parents_ambiguous |= other.parents_ambiguous;
        for (j, m) in &other.identities {
            self.identities
                .entry(j.clone())
                .or_default()
                .extend(m.iter().cloned());
        }
    }
}

/// The identity of an edge apart from its ends: two relations with equal
/// facts between the same nodes are one edge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct EdgeFacts {
    kind: EdgeKind,
    doc: Option<String>,
    date: Option<String>,
    /// The date normalised (`2018-11-20`, `--11-20`), see [`crate::dates`].
    when: Option<String>,
    purpose: Option<String>,
    role: Option<String>,
    /// Code-point range of the evidence in the document.
    evidence: Option<(usize, usize)>,
    /// A person source: where the document places them, which decides
    /// the node the edge leaves from (see [`identity`]).
    source_juris: Option<identity::Juris>,
    /// A person target: where the document places them.
    target_juris: Option<identity::Juris>,
}

impl EdgeFacts {
    fn part_of() -> Self {
        EdgeFacts {
            kind: EdgeKind::PartOf,
            doc: None,
            date: None,
            when: None,
            purpose: None,
            role: None,
            evidence: None,
            source_juris: None,
            target_juris: None,
        }
    }
}

/// What the graph stores about an edge.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EdgeData {
    facts: EdgeFacts,
    /// The evidence sentence(s) as written, when the document had its text.
    evidence_text: Option<String>,
}

/// Combines two optional evidence texts of the same edge: a text beats
/// none, and of two texts the smaller is kept (deterministic whatever the
/// order of merging).
fn merge_text(a: &mut Option<String>, b: &Option<String>) {
    match (a.as_ref(), b) {
        (_, None) => {}
        (None, Some(t)) => *a = Some(t.clone()),
        (Some(x), Some(y)) => {
            if y < x {
                *a = Some(y.clone());
            }
        }
    }
}

/// A knowledge graph of persons, organisations, places and plots, and the
/// visits, posts and companions the documents state.
///
/// Build it with [`KnowledgeGraph::from_documents`] (or a [`GraphBuilder`]),
/// combine graphs with [`KnowledgeGraph::merge`], ask it with the query
/// methods ([`visitors`](KnowledgeGraph::visitors),
/// [`leaders`](KnowledgeGraph::leaders), [`path`](KnowledgeGraph::path), …),
/// store it with [`save`](KnowledgeGraph::save) /
/// [`load`](KnowledgeGraph::load), and export it with [`crate::export`].
///
/// Two graphs compare equal when they hold the same nodes (with the same
/// mentions, aliases and hierarchy data) and the same edges, whatever the
/// order they were built in.
#[derive(Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<NodeData, EdgeData, Ix>,
    /// Every node by id; a `BTreeMap` so that iteration is in id order.
    nodes: BTreeMap<NodeId, NodeIx>,
    /// Every edge, hashed by its ends and facts, for de-duplication. The
    /// table holds edge indices only: the facts stay in the graph, not in
    /// a second copy (a tenfold corpus made a tenfold table of copies).
    edges: HashTable<EdgeIx>,
    edge_hasher: DefaultHashBuilder,
}

impl fmt::Debug for KnowledgeGraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnowledgeGraph")
            .field("nodes", &self.node_count())
            .field("edges", &self.edge_count())
            .finish()
    }
}

impl PartialEq for KnowledgeGraph {
    fn eq(&self, other: &Self) -> bool {
        self.node_count() == other.node_count()
            && self.edge_count() == other.edge_count()
            && self
                .nodes
                .iter()
                .zip(other.nodes.iter())
                .all(|((a, &ia), (b, &ib))| a == b && self.graph[ia] == other.graph[ib])
            && self
                .edges()
                .zip(other.edges())
                .all(|(a, b)| a.key() == b.key() && a.evidence() == b.evidence())
    }
}

impl Eq for KnowledgeGraph {}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (PART_OF included).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// True when the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node with this id.
    pub fn node(&self, id: &NodeId) -> Option<NodeRef<'_>> {
        self.nodes.get(id).map(|&ix| self.view(ix))
    }

    /// The node of this kind with this name (normalised first): the node
    /// `name@jurisdiction` when `name` holds an `@`, else the node with no
    /// jurisdiction, else the only node of that name in any jurisdiction
    /// (none when there are several: see [`KnowledgeGraph::lookup`], which
    /// says which).
    ///
    /// ```
    /// use govkg::{Document, Entity, EntityKind, KnowledgeGraph, graph::NodeKind};
    /// let person = |doc: &str, text: &str| Document {
    ///     id: doc.into(), text: None, relations: vec![], context: None, rejected: vec![],
    ///     entities: vec![Entity { id: "e1".into(), kind: EntityKind::Person, start: 0,
    ///         end: 2, text: text.into(), nested: false, rule: None, value: None }],
    /// };
    /// let g = KnowledgeGraph::from_documents([&person("a", "于勇")], &govkg::Lexicon::embedded());
    /// assert_eq!(g.find(NodeKind::Person, "于勇").unwrap().id().to_string(), "person:于勇");
    /// ```
    pub fn find(&self, kind: NodeKind, name: &str) -> Option<NodeRef<'_>> {
        let id = NodeId::from_key(kind, name);
        if let Some(n) = self.node(&id) {
            return Some(n);
        }
        if id.jurisdiction().is_some() {
            return None;
        }
        let mut all = self.named_in_any(kind, id.name());
        match (all.next(), all.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// Every node of `kind` named `name` (normalised), whatever its
    /// jurisdiction, in id order.
    fn named_in_any<'g>(
        &'g self,
        kind: NodeKind,
        name: &str,
    ) -> impl Iterator<Item = NodeRef<'g>> + 'g {
        let first = NodeId::new(kind, name);
        let name = first.name().to_string();
        self.nodes
            .range(first..)
            .take_while(move |(id, _)| id.kind() == kind && id.name() == name)
            .map(move |(_, &ix)| self.view(ix))
    }

    /// Every node, in [`NodeId`] order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.nodes.values().map(move |&ix| self.view(ix))
    }

    /// Every edge, sorted by source id, target id, then kind, document,
    /// date, purpose, role and evidence: the same order whatever the order
    /// the graph was built in.
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        let mut all: Vec<EdgeRef<'_>> = self
            .graph
            .edge_indices()
            .map(|e| self.edge_view(e))
            .collect();
        all.sort_by(|a, b| a.key().cmp(&b.key()));
        all.into_iter()
    }

    /// Counts of nodes per kind, in [`NodeKind::ALL`] order.
    pub fn node_counts(&self) -> Vec<(NodeKind, usize)> {
        NodeKind::ALL
            .into_iter()
            .map(|k| (k, self.nodes.keys().filter(|id| id.kind() == k).count()))
            .collect()
    }

    /// Counts of edges per kind, in [`EdgeKind::ALL`] order.
    pub fn edge_counts(&self) -> Vec<(EdgeKind, usize)> {
        EdgeKind::ALL
            .into_iter()
            .map(|k| {
                (
                    k,
                    self.graph
                        .edge_weights()
                        .filter(|e| e.facts.kind == k)
                        .count(),
                )
            })
            .collect()
    }

    fn view(&self, ix: NodeIx) -> NodeRef<'_> {
        NodeRef::new(self, ix)
    }

    fn edge_view(&self, ix: EdgeIx) -> EdgeRef<'_> {
        EdgeRef::new(self, ix)
    }

    /// The node with this id, created empty if missing.
    fn node_ix(&mut self, id: NodeId) -> NodeIx {
        if let Some(&ix) = self.nodes.get(&id) {
            return ix;
        }
        let ix = self.graph.add_node(NodeData::new(id.clone()));
        self.nodes.insert(id, ix);
        ix
    }

    /// The hash of an edge's ends and facts in `edges`.
    fn edge_hash(&self, from: NodeIx, to: NodeIx, facts: &EdgeFacts) -> u64 {
        self.edge_hasher.hash_one((from, to, facts))
    }

    /// The hash of edge `e` of the graph.
    fn hash_of_edge(&self, e: EdgeIx) -> u64 {
        hash_of_edge(&self.graph, &self.edge_hasher, e)
    }

    /// Adds an edge unless an equal one exists; returns true when added.
    fn insert_edge(&mut self, from: NodeIx, to: NodeIx, data: EdgeData) -> bool {
        let h = self.edge_hash(from, to, &data.facts);
        let graph = &self.graph;
        let same = |&e: &EdgeIx| {
            graph.edge_endpoints(e) == Some((from, to)) && graph[e].facts == data.facts
        };
        if let Some(&e) = self.edges.find(h, same) {
            merge_text(&mut self.graph[e].evidence_text, &data.evidence_text);
            return false;
        }
        let e = self.graph.add_edge(from, to, data);
        let (graph, hasher) = (&self.graph, &self.edge_hasher);
        self.edges
            .insert_unique(h, e, |&x| hash_of_edge(graph, hasher, x));
        true
    }

    /// Removes every edge of one kind.
    fn remove_edges_of(&mut self, kind: EdgeKind) {
        let doomed: Vec<EdgeIx> = self
            .graph
            .edge_indices()
            .filter(|&e| self.graph[e].facts.kind == kind)
            .collect();
        for e in doomed {
            self.detach_edge(e);
        }
    }

    /// Removes one edge from the graph and from the edge table.
    fn detach_edge(&mut self, e: EdgeIx) {
        let h = self.hash_of_edge(e);
        if let Ok(entry) = self.edges.find_entry(h, |&x| x == e) {
            entry.remove();
        }
        self.graph.remove_edge(e);
    }

    /// Removes a node that has no edge.
    fn remove_isolated(&mut self, ix: NodeIx) {
        debug_assert!(self.graph.neighbors_undirected(ix).next().is_none());
        if let Some(data) = self.graph.remove_node(ix) {
            self.nodes.remove(&data.id);
        }
    }
}

/// The hash of edge `e` of `graph` in the edge table (0 for no edge:
/// never asked), apart from the graph so that the table can rehash while
/// the graph is borrowed.
fn hash_of_edge(
    graph: &StableDiGraph<NodeData, EdgeData, Ix>,
    hasher: &DefaultHashBuilder,
    e: EdgeIx,
) -> u64 {
    graph
        .edge_endpoints(e)
        .map_or(0, |(a, b)| hasher.hash_one((a, b, &graph[e].facts)))
}

/// The embedded lexicon, built once (for queries' canonical names, and the
/// crate's tests).
pub(crate) fn embedded_lexicon() -> &'static crate::Lexicon {
    static LEX: std::sync::OnceLock<crate::Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(crate::Lexicon::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<KnowledgeGraph>();
        assert_send_sync::<NodeRef<'_>>();
        assert_send_sync::<EdgeRef<'_>>();
        assert_send_sync::<NodeId>();
    }

    #[test]
    fn evidence_texts_merge_in_any_order() {
        let a = Some("b".to_string());
        let b = Some("a".to_string());
        let mut x = a.clone();
        merge_text(&mut x, &b);
        let mut y = b.clone();
        merge_text(&mut y, &a);
        assert_eq!(x, y);
        let mut z = None;
        merge_text(&mut z, &a);
        assert_eq!(z, a);
        merge_text(&mut z, &None);
        assert_eq!(z, a);
    }

    #[test]
    fn equal_edges_are_one_edge() {
        let mut g = KnowledgeGraph::new();
        let a = g.node_ix(NodeId::new(NodeKind::Place, "七宝镇"));
        let b = g.node_ix(NodeId::new(NodeKind::Place, "闵行区"));
        let data = EdgeData {
            facts: EdgeFacts::part_of(),
            evidence_text: None,
        };
        assert!(g.insert_edge(a, b, data.clone()));
        assert!(!g.insert_edge(a, b, data));
        assert_eq!(g.edge_count(), 1);
        g.remove_edges_of(EdgeKind::PartOf);
        assert_eq!(g.edge_count(), 0);
        assert!(g.edges.is_empty());
        g.remove_isolated(a);
        assert_eq!(g.node_count(), 1);
        assert!(g.find(NodeKind::Place, "七宝镇").is_none());
    }
}
