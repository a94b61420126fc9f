//! From documents to nodes and edges: which entity is which node (place
//! aliases decided by the lexicon), and one edge per relation.

use super::identity::Juris;
use super::jurisdiction::keyed_chain;
use super::placename::parent_chains;
use super::resolve::{Resolved, Resolver};
use super::{
    EdgeData, EdgeFacts, EdgeKind, KnowledgeGraph, Mention, NodeIx, NodeKind, normalize_name,
};
use crate::document::{Document, Relation};
use crate::lexicon::Lexicon;
use hashbrown::{HashMap, HashSet};

/// What adding documents did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AddSummary {
    /// Documents added.
    pub documents: usize,
    /// Entity mentions recorded on nodes.
    pub mentions: usize,
    /// Relations that became edges (or repeated an existing edge).
    pub relations: usize,
    /// Relations left out: an end is no entity of the document, or not a
    /// person, organisation, place or plot.
    pub skipped: usize,
}

impl std::ops::AddAssign for AddSummary {
    fn add_assign(&mut self, o: AddSummary) {
        self.documents += o.documents;
        self.mentions += o.mentions;
        self.relations += o.relations;
        self.skipped += o.skipped;
    }
}

/// Builds a [`KnowledgeGraph`] from many documents, deriving the place
/// hierarchy once at the end.
///
/// ```
/// use govkg::{Extractor, graph::{GraphBuilder, NodeKind}};
/// let ex = Extractor::new();
/// let mut b = GraphBuilder::new(ex.lexicon());
/// b.add(&ex.extract("a", "七宝镇党委书记严俊陪同督查。"));
/// b.add(&ex.extract("b", "镇党委书记严俊来到七宝老街。"));
/// let g = b.finish();
/// let yan = g.find(NodeKind::Person, "严俊").unwrap();
/// assert_eq!(yan.documents(), ["a", "b"]);
/// ```
pub struct GraphBuilder<'l> {
    graph: KnowledgeGraph,
    lexicon: &'l Lexicon,
    summary: AddSummary,
    /// Place nodes that already have this lexicon's parent chains.
    chained: HashSet<NodeIx>,
}

impl<'l> GraphBuilder<'l> {
    /// A builder starting from an empty graph; `lexicon` decides place
    /// aliases and the hierarchy (use the extractor's,
    /// [`crate::Extractor::lexicon`]).
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Self::extending(KnowledgeGraph::new(), lexicon)
    }

    /// A builder adding to an existing graph.
    pub fn extending(graph: KnowledgeGraph, lexicon: &'l Lexicon) -> Self {
        GraphBuilder {
            graph,
            lexicon,
            summary: AddSummary::default(),
            chained: HashSet::new(),
        }
    }

    /// Adds one document's entities and relations.
    pub fn add(&mut self, doc: &Document) -> AddSummary {
        let s = add_document(&mut self.graph, doc, self.lexicon, &mut self.chained);
        self.summary += s;
        s
    }

    /// What the builder has added so far.
    pub fn summary(&self) -> AddSummary {
        self.summary
    }

    /// The graph, with its persons grouped by jurisdiction and its place
    /// hierarchy.
    pub fn finish(mut self) -> KnowledgeGraph {
        self.graph.derive_identities();
        self.graph.derive_hierarchy();
        self.graph
    }
}

impl KnowledgeGraph {
    /// The graph of these documents, with `lexicon` deciding place aliases,
    /// canonical names and the hierarchy: pass the extractor's
    /// ([`crate::Extractor::lexicon`]), which is already built, with any
    /// user dictionary in it.
    ///
    /// ```
    /// use govkg::{Extractor, KnowledgeGraph};
    /// let ex = Extractor::new();
    /// let docs = [ex.extract("a", "区委副书记于勇来到七宝镇。")];
    /// let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
    /// assert!(g.lookup_any("于勇").is_ok());
    /// ```
    pub fn from_documents<'d>(
        docs: impl IntoIterator<Item = &'d Document>,
        lexicon: &Lexicon,
    ) -> Self {
        let mut b = GraphBuilder::new(lexicon);
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// Adds one document, with `lexicon` deciding place aliases, canonical
    /// names and the hierarchy. This regroups persons and re-derives the
    /// place hierarchy, which costs time in proportion to the graph: to add
    /// many documents, use a [`GraphBuilder`].
    pub fn add_document(&mut self, doc: &Document, lexicon: &Lexicon) -> AddSummary {
        let s = add_document(self, doc, lexicon, &mut HashSet::new());
        self.derive_identities();
        self.derive_hierarchy();
        s
    }
}

/// Adds a document without regrouping persons or touching the hierarchy.
/// Place nodes in `chained` already have `lex`'s parent chains (a pure
/// function of their name), so they are looked up once per node, not once
/// per mention; a place keyed by where it lies gets the chain the document
/// gave it.
fn add_document(
    g: &mut KnowledgeGraph,
    doc: &Document,
    lex: &Lexicon,
    chained: &mut HashSet<NodeIx>,
) -> AddSummary {
    let mut summary = AddSummary {
        documents: 1,
        ..AddSummary::default()
    };
    let resolver = Resolver::new(lex, doc);
    let referenced: HashSet<&str> = doc
        .relations
        .iter()
        .flat_map(|r| match r {
            Relation::Visit { head, tail, .. } | Relation::Accompany { head, tail, .. } => {
                vec![head.as_str(), tail.as_str()]
            }
            Relation::Leads { head, .. } => vec![head.as_str()],
        })
        .collect();

    let mut node_of: HashMap<&str, (NodeIx, Option<Juris>)> = HashMap::new();
    for e in &doc.entities {
        let Some(kind) = NodeKind::of_entity(e.kind) else {
            continue;
        };
        // Spans nested in longer ones (七宝 in 七宝镇党委书记) are no nodes
        // of their own, unless a relation names them.
        if e.nested && !referenced.contains(e.id.as_str()) {
            continue;
        }
        let Some(mut resolved) = resolver.entity(kind, e) else {
            continue;
        };
        let juris = resolved.juris.take();
        let parents = resolved.parents.take();
        let ix = node_of_resolved(g, resolved);
        let data = &mut g.graph[ix];
        let mention = Mention {
            doc: doc.id.clone(),
            start: e.start.min(e.end),
            end: e.start.max(e.end),
        };
        if let Some(j) = &juris {
            data.identities
                .entry(j.clone())
                .or_default()
                .insert(mention.clone());
        }
        data.mentions.insert(mention);
        if let Some(chain) = parents {
            if !chain.is_empty() {
                data.parents.insert(chain);
            }
        } else if kind == NodeKind::Place && chained.insert(ix) {
            let (chains, ambiguous) = place_parents(lex, data.id.name());
            data.parents.extend(chains);
            data.parents_ambiguous |= ambiguous;
        }
        summary.mentions += 1;
        node_of.insert(e.id.as_str(), (ix, juris));
    }

    let evidence = EvidenceText::new(doc.text.as_deref());
    for r in &doc.relations {
        // Kind, ends, date, purpose, role and evidence of the relation; the
        // head of LEADS points at the organisation named by `org`.
        let (kind, head, tail, date, purpose, role, ev) = match r {
            Relation::Visit {
                head,
                tail,
                date,
                purpose,
                evidence,
                ..
            } => (
                EdgeKind::Visit,
                head,
                Some(tail.as_str()),
                date.as_deref(),
                purpose.as_deref(),
                None,
                evidence,
            ),
            Relation::Leads {
                head,
                org,
                role,
                evidence,
                ..
            } => (
                EdgeKind::Leads,
                head,
                None,
                None,
                None,
                Some((org.as_str(), role.as_str())),
                evidence,
            ),
            Relation::Accompany {
                head,
                tail,
                evidence,
                ..
            } => (
                EdgeKind::Accompany,
                head,
                Some(tail.as_str()),
                None,
                None,
                None,
                evidence,
            ),
        };
        let Some((from, source_juris)) = node_of.get(head.as_str()).cloned() else {
            summary.skipped += 1;
            continue;
        };
        let to = match (tail, role) {
            (Some(tail), _) => node_of.get(tail).cloned(),
            (None, Some((org, _))) => resolver.org(org).map(|r| (node_of_resolved(g, r), None)),
            (None, None) => None,
        };
        let Some((to, target_juris)) = to else {
            summary.skipped += 1;
            continue;
        };
        let facts = EdgeFacts {
            kind,
            doc: Some(doc.id.clone()),
            date: clean(date),
            when: when_of(r, doc),
            purpose: clean(purpose),
            role: role.and_then(|(_, r)| clean(Some(r))),
            evidence: Some(ordered(ev[0], ev[1])),
            source_juris,
            target_juris,
        };
        let evidence_text = facts.evidence.and_then(|(s, e)| evidence.slice(s, e));
        g.insert_edge(
            from,
            to,
            EdgeData {
                facts,
                evidence_text,
            },
        );
        summary.relations += 1;
    }
    summary
}

/// The node of a resolved mention (created if missing), with the written
/// name kept as an alias when it differs.
fn node_of_resolved(g: &mut KnowledgeGraph, r: Resolved) -> NodeIx {
    let ix = g.node_ix(r.id);
    if let Some(alias) = r.alias {
        g.graph[ix].aliases.insert(alias);
    }
    ix
}

/// The lexicon's parent chains of a place named `name` (as
/// [`parent_chains`]), each name in them keyed as its node is
/// (`青山区@武汉市` in a chain through 武汉市's 青山区).
fn place_parents(lex: &Lexicon, name: &str) -> (std::collections::BTreeSet<Vec<String>>, bool) {
    let (chains, ambiguous) = parent_chains(lex, name);
    let keyed = chains.iter().map(|c| keyed_chain(lex, c)).collect();
    (keyed, ambiguous)
}

/// The normalised date of a VISIT: its `when`, or, for documents tagged
/// before it was filled, its date normalised against the article's date.
fn when_of(r: &Relation, doc: &Document) -> Option<String> {
    let Relation::Visit { date, when, .. } = r else {
        return None;
    };
    when.as_deref()
        .map(normalize_name)
        .filter(|w| !w.is_empty())
        .or_else(|| {
            let article = doc.context.as_ref().and_then(|c| c.date.as_deref());
            crate::dates::normalize(date.as_deref()?, article)
        })
}

/// A range with its ends in order (documents from elsewhere may have them
/// swapped; the graph keeps `start <= end` everywhere).
fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// An attribute as written, normalised; none when empty.
fn clean(s: Option<&str>) -> Option<String> {
    s.map(normalize_name).filter(|s| !s.is_empty())
}

/// Slices a document's text by code points.
struct EvidenceText<'t> {
    text: Option<&'t str>,
    /// Byte offset of every code point, plus the end.
    offsets: Vec<usize>,
}

impl<'t> EvidenceText<'t> {
    fn new(text: Option<&'t str>) -> Self {
        let offsets = text
            .map(|t| {
                t.char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(t.len()))
                    .collect()
            })
            .unwrap_or_default();
        EvidenceText { text, offsets }
    }

    fn slice(&self, start: usize, end: usize) -> Option<String> {
        let t = self.text?;
        let last = self.offsets.len().checked_sub(1)?;
        let (s, e) = (start.min(last), end.min(last));
        (s < e).then(|| t[self.offsets[s]..self.offsets[e]].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Entity;
    use crate::span::EntityKind;

    fn ent(id: &str, kind: EntityKind, start: usize, text: &str) -> Entity {
        Entity {
            id: id.to_string(),
            kind,
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
            nested: false,
            rule: None,
            value: None,
        }
    }

    fn doc(id: &str, entities: Vec<Entity>) -> Document {
        Document {
            id: id.to_string(),
            text: None,
            entities,
            relations: Vec::new(),
            context: None,
            rejected: Vec::new(),
        }
    }

    fn names(g: &KnowledgeGraph, kind: NodeKind) -> Vec<String> {
        g.nodes()
            .filter(|n| n.kind() == kind && !n.is_hierarchy_only())
            .map(|n| n.name().to_string())
            .collect()
    }

    #[test]
    fn same_name_same_node_across_documents() {
        let a = doc("a", vec![ent("e1", EntityKind::Person, 0, "于勇")]);
        let b = doc("b", vec![ent("e1", EntityKind::Person, 5, "于\n\n勇")]);
        let g = KnowledgeGraph::from_documents([&a, &b], crate::graph::embedded_lexicon());
        let n = g.find(NodeKind::Person, "于勇").unwrap();
        assert_eq!(n.mention_count(), 2);
        assert_eq!(n.documents(), ["a", "b"]);
    }

    #[test]
    fn same_name_other_kind_is_another_node() {
        let a = doc(
            "a",
            vec![
                ent("e1", EntityKind::Place, 0, "七宝"),
                ent("e2", EntityKind::Org, 3, "七宝"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert!(g.find(NodeKind::Org, "七宝").is_some());
    }

    #[test]
    fn short_form_joins_the_full_name_the_document_gives() {
        // 七宝 may be 七宝镇 or 七宝村: the document decides.
        let a = doc(
            "a",
            vec![
                ent("e1", EntityKind::Place, 0, "七宝镇"),
                ent("e2", EntityKind::Place, 5, "七宝"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["七宝镇"]);
        let n = g.find(NodeKind::Place, "七宝镇").unwrap();
        assert_eq!(n.aliases().collect::<Vec<_>>(), ["七宝"]);
        assert_eq!(n.mention_count(), 2);
    }

    #[test]
    fn short_form_joins_the_name_enclosing_the_others() {
        // 七宝 may be 七宝镇 or 七宝村, which lies in 七宝镇: the town.
        let a = doc("a", vec![ent("e1", EntityKind::Place, 0, "七宝")]);
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["七宝镇"]);
        let b = doc(
            "b",
            vec![
                ent("e1", EntityKind::Place, 0, "七宝镇"),
                ent("e2", EntityKind::Place, 4, "七宝村"),
                ent("e3", EntityKind::Place, 8, "七宝"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&a, &b], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["七宝村", "七宝镇"]);
        assert!(g.find(NodeKind::Place, "七宝").is_none());
    }

    #[test]
    fn ambiguous_short_form_stays_apart() {
        // 栖霞: 栖霞区 of Nanjing or 栖霞市 of Yantai.
        let a = doc("a", vec![ent("e1", EntityKind::Place, 0, "栖霞")]);
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["栖霞"]);
        let b = doc(
            "b",
            vec![
                ent("e1", EntityKind::Place, 0, "栖霞区"),
                ent("e2", EntityKind::Place, 4, "栖霞"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&b], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["栖霞区"]);
    }

    #[test]
    fn one_body_is_one_node_with_its_spellings_as_aliases() {
        let mut d = doc(
            "a",
            vec![
                ent("e1", EntityKind::Org, 0, "七宝镇政府"),
                ent("e2", EntityKind::Org, 6, "七宝镇人民政府"),
                ent("e3", EntityKind::Org, 14, "闵行区七宝镇人民政府"),
                ent("e4", EntityKind::Org, 25, "上海市闵行区七宝镇人民政府"),
                ent("e5", EntityKind::Person, 40, "严俊"),
            ],
        );
        d.relations.push(Relation::Leads {
            head: "e5".into(),
            head_text: None,
            org: "闵行区七宝镇政府".into(),
            role: "镇长".into(),
            title: None,
            evidence: [0, 42],
            rule: None,
        });
        let g = KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Org), ["七宝镇人民政府"]);
        let n = g.find(NodeKind::Org, "七宝镇人民政府").unwrap();
        assert_eq!(n.mention_count(), 4);
        assert_eq!(
            n.aliases().collect::<Vec<_>>(),
            [
                "七宝镇政府",
                "上海市闵行区七宝镇人民政府",
                "闵行区七宝镇人民政府",
                "闵行区七宝镇政府"
            ]
        );
        assert_eq!(n.incoming()[0].source().name(), "严俊");
    }

    #[test]
    fn unique_short_form_joins_its_full_name() {
        let a = doc("a", vec![ent("e1", EntityKind::Place, 0, "闵行")]);
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["闵行区"]);
    }

    #[test]
    fn glued_chains_join_their_last_division() {
        let a = doc(
            "a",
            vec![
                ent("e1", EntityKind::Place, 0, "闵行区七宝镇"),
                ent("e2", EntityKind::Place, 9, "施甸县酒房乡"),
                ent("e3", EntityKind::Place, 19, "七宝"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        assert_eq!(names(&g, NodeKind::Place), ["七宝镇", "酒房乡"]);
        let n = g.find(NodeKind::Place, "七宝镇").unwrap();
        assert_eq!(n.aliases().collect::<Vec<_>>(), ["七宝", "闵行区七宝镇"]);
    }

    #[test]
    fn nested_spans_make_no_nodes() {
        let mut inner = ent("e2", EntityKind::Place, 0, "七宝镇");
        inner.nested = true;
        let a = doc(
            "a",
            vec![
                ent("e1", EntityKind::Org, 0, "七宝镇党委"),
                inner,
                ent("e3", EntityKind::Title, 5, "书记"),
                ent("e4", EntityKind::Date, 8, "11月20日"),
            ],
        );
        let g = KnowledgeGraph::from_documents([&a], crate::graph::embedded_lexicon());
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        assert_eq!(ids, ["org:七宝镇党委"]);
    }

    #[test]
    fn relations_become_edges_with_their_facts() {
        let text = "11月20日,区委副书记于勇一行来到七宝镇开展督查。";
        let mut d = doc(
            "000",
            vec![
                ent("e1", EntityKind::Date, 0, "11月20日"),
                ent("e2", EntityKind::Title, 7, "区委副书记"),
                ent("e3", EntityKind::Person, 12, "于勇"),
                ent("e4", EntityKind::Place, 18, "七宝镇"),
            ],
        );
        d.text = Some(text.to_string());
        d.relations.push(Relation::Visit {
            head: "e3".into(),
            tail: "e4".into(),
            head_text: None,
            tail_text: None,
            date: Some("11月20日".into()),
            purpose: Some("督查".into()),
            evidence: [7, 26],
            rule: None,
            when: None,
        });
        d.relations.push(Relation::Leads {
            head: "e3".into(),
            head_text: None,
            org: "闵行区委".into(),
            role: "副书记".into(),
            title: Some("e2".into()),
            evidence: [7, 26],
            rule: None,
        });
        assert_eq!(&text.chars().skip(18).take(3).collect::<String>(), "七宝镇");
        let g = KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon());
        let visit = g
            .edges()
            .find(|e| e.kind() == EdgeKind::Visit)
            .expect("a VISIT edge");
        assert_eq!(visit.source().name(), "于勇");
        assert_eq!(visit.target().name(), "七宝镇");
        assert_eq!(visit.document(), Some("000"));
        assert_eq!(visit.date(), Some("11月20日"));
        assert_eq!(visit.purpose(), Some("督查"));
        let ev = visit.evidence().unwrap();
        assert_eq!((ev.start, ev.end), (7, 26));
        assert_eq!(ev.text, Some("区委副书记于勇一行来到七宝镇开展督查。"));
        let lead = g
            .edges()
            .find(|e| e.kind() == EdgeKind::Leads)
            .expect("a LEADS edge");
        assert_eq!(lead.target().id().to_string(), "org:闵行区委");
        assert_eq!(lead.role(), Some("副书记"));
        assert_eq!(lead.date(), None);
    }

    #[test]
    fn relations_to_unknown_entities_are_skipped() {
        let mut d = doc("a", vec![ent("e1", EntityKind::Person, 0, "于勇")]);
        d.relations.push(Relation::Visit {
            head: "e1".into(),
            tail: "e9".into(),
            head_text: None,
            tail_text: None,
            date: None,
            purpose: None,
            evidence: [0, 2],
            rule: None,
            when: None,
        });
        let mut g = KnowledgeGraph::new();
        let s = g.add_document(&d, crate::graph::embedded_lexicon());
        assert_eq!((s.relations, s.skipped), (0, 1));
        assert_eq!(g.edge_count(), 0);
    }

    #[test]
    fn leads_creates_the_organisation() {
        let mut d = doc("a", vec![ent("e1", EntityKind::Person, 0, "严俊")]);
        d.relations.push(Relation::Leads {
            head: "e1".into(),
            head_text: None,
            org: "七宝镇党委".into(),
            role: "书记".into(),
            title: None,
            evidence: [0, 9],
            rule: None,
        });
        let g = KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon());
        let org = g.find(NodeKind::Org, "七宝镇党委").unwrap();
        assert_eq!(org.mention_count(), 0);
        let e = &org.incoming()[0];
        assert_eq!((e.source().name(), e.role()), ("严俊", Some("书记")));
        assert_eq!(e.evidence().unwrap().text, None);
    }

    #[test]
    fn evidence_slices_by_code_points() {
        let ev = EvidenceText::new(Some("一二三四五"));
        assert_eq!(ev.slice(1, 3).as_deref(), Some("二三"));
        assert_eq!(ev.slice(3, 99).as_deref(), Some("四五"));
        assert_eq!(ev.slice(4, 4), None);
        assert_eq!(EvidenceText::new(None).slice(0, 1), None);
    }
}
