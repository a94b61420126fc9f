//! Borrowed views of nodes and edges: [`NodeRef`] and [`EdgeRef`].

use super::{EdgeFacts, EdgeIx, EdgeKind, KnowledgeGraph, NodeData, NodeId, NodeIx, NodeKind};
use petgraph::Direction;
use petgraph::visit::EdgeRef as _;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One place where a node's name is written: a document and a code-point
/// range of its original text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// The document id.
    pub doc: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Where an edge is stated: a code-point range of the document and, when
/// the graph was built from documents with their text, the text of that
/// range as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence<'g> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The sentence(s) as written (PDF line breaks included).
    pub text: Option<&'g str>,
}

impl Evidence<'_> {
    /// The text on one line, at most `max` characters (`…` marks a cut),
    /// centred on the first of `focus` found in it, together with the
    /// nearest occurrence of each later one when they fit.
    ///
    /// ```
    /// use govkg::graph::Evidence;
    /// let e = Evidence { start: 0, end: 9, text: Some("11月20日,\n\n于勇来到七宝镇。") };
    /// assert_eq!(e.snippet(60, &[]).unwrap(), "11月20日,于勇来到七宝镇。");
    /// assert_eq!(e.snippet(7, &["七宝镇"]).unwrap(), "…来到七宝镇。");
    /// assert_eq!(e.snippet(9, &["于勇", "七宝镇"]).unwrap(), "…于勇来到七宝镇…");
    /// ```
    pub fn snippet(&self, max: usize, focus: &[&str]) -> Option<String> {
        let text = super::normalize_name(self.text?);
        let chars: Vec<char> = text.chars().collect();
        if chars.len() <= max {
            return Some(text);
        }
        let n = chars.len();
        // Visible characters when both ends are cut.
        let v = max.saturating_sub(2).max(1);
        // Every occurrence of a focus string, in code points.
        let places = |f: &str| -> Vec<(usize, usize)> {
            let w = f.chars().count();
            text.match_indices(f)
                .map(|(b, _)| (text[..b].chars().count(), w))
                .collect()
        };
        let mut focus = focus.iter().filter(|f| !f.is_empty());
        let (mut lo, mut hi) = focus
            .by_ref()
            .find_map(|f| places(f).first().map(|&(a, w)| (a, a + w)))
            .unwrap_or((0, 0));
        for f in focus {
            let near = places(f)
                .into_iter()
                .map(|(a, w)| (a.min(lo), (a + w).max(hi)))
                .min_by_key(|&(a, b)| b - a);
            if let Some((a, b)) = near
                && b - a <= v
            {
                (lo, hi) = (a, b);
            }
        }
        let mid = (lo + hi) / 2;
        let mut start = mid.saturating_sub(v / 2).min(n - v);
        let mut end = start + v;
        if start == 0 {
            end += 1;
        } else if end == n {
            start -= 1;
        }
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(&chars[start..end]);
        if end < n {
            out.push('…');
        }
        Some(out)
    }
}

/// A node of a [`KnowledgeGraph`], borrowed.
#[derive(Clone, Copy)]
pub struct NodeRef<'g> {
    graph: &'g KnowledgeGraph,
    ix: NodeIx,
}

impl<'g> NodeRef<'g> {
    pub(super) fn new(graph: &'g KnowledgeGraph, ix: NodeIx) -> Self {
        NodeRef { graph, ix }
    }

    pub(super) fn ix(&self) -> NodeIx {
        self.ix
    }

    fn data(&self) -> &'g NodeData {
        &self.graph.graph[self.ix]
    }

    /// The stable id (`place:七宝镇`).
    pub fn id(&self) -> &'g NodeId {
        &self.data().id
    }

    /// The kind.
    pub fn kind(&self) -> NodeKind {
        self.data().id.kind()
    }

    /// The normalised name.
    pub fn name(&self) -> &'g str {
        self.data().id.name()
    }

    /// Where the node is, as far as the documents and the lexicon say:
    ///
    /// - a person: the jurisdiction it is keyed in (`青山区` of
    ///   `person:王伟@青山区`, [`NATIONAL`](super::NATIONAL) for a national
    ///   figure), none for a person no document placed;
    /// - a place: the place it is keyed by (`施甸县` of `place:城关镇@施甸县`),
    ///   none for a name that says which place it is, or that no document
    ///   tied to one;
    /// - an organisation: the divisions its name opens with (`施甸县` of
    ///   `施甸县人民政府`, by the embedded lexicon), none for a body named
    ///   without its place (`县人民政府`);
    /// - a plot: none.
    ///
    /// A node without one gathers the mentions of that name from every
    /// place the documents speak of.
    pub fn jurisdiction(&self) -> Option<String> {
        match self.kind() {
            NodeKind::Org => {
                let divs = super::divisions_in_name(super::embedded_lexicon(), self.name());
                (!divs.is_empty()).then(|| divs.concat())
            }
            _ => self.id().jurisdiction().map(str::to_string),
        }
    }

    /// A person: the places its jurisdiction lies in, top down, ending with
    /// it (`["上海市", "闵行区", "七宝镇"]`), as far as known; empty for
    /// other kinds and for persons placed nowhere or nationally.
    pub fn places(&self) -> Vec<&'g str> {
        let data = self.data();
        let Some(j) = data.id.jurisdiction() else {
            return Vec::new();
        };
        data.identities
            .keys()
            .find(|k| k.written().as_deref() == Some(j))
            .map(|k| k.chain().iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Other names merged into this node (`七宝` for `七宝镇`), sorted.
    pub fn aliases(&self) -> impl Iterator<Item = &'g str> + 'g {
        self.data().aliases.iter().map(String::as_str)
    }

    /// Every mention, sorted by document and offset.
    pub fn mentions(&self) -> impl Iterator<Item = &'g Mention> + 'g {
        self.data().mentions.iter()
    }

    /// Number of mentions.
    pub fn mention_count(&self) -> usize {
        self.data().mentions.len()
    }

    /// The ids of the documents that mention this node, sorted, once each.
    pub fn documents(&self) -> Vec<&'g str> {
        let mut docs: Vec<&str> = self.mentions().map(|m| m.doc.as_str()).collect();
        docs.dedup();
        docs
    }

    /// Places: the lexicon's possible parent chains, each from the top down
    /// (`["上海市", "闵行区"]` for `七宝镇`).
    pub fn parent_chains(&self) -> impl Iterator<Item = &'g [String]> + 'g {
        self.data().parents.iter().map(Vec::as_slice)
    }

    /// True for a node no document mentions or relates: a place added only
    /// as the ancestor of another in the hierarchy.
    pub fn is_hierarchy_only(&self) -> bool {
        self.data().mentions.is_empty()
            && self
                .graph
                .graph
                .edges_directed(self.ix, Direction::Outgoing)
                .chain(
                    self.graph
                        .graph
                        .edges_directed(self.ix, Direction::Incoming),
                )
                .all(|e| e.weight().facts.kind == EdgeKind::PartOf)
    }

    /// Edges leaving this node, sorted.
    pub fn outgoing(&self) -> Vec<EdgeRef<'g>> {
        self.edges_dir(Direction::Outgoing)
    }

    /// Edges arriving at this node, sorted.
    pub fn incoming(&self) -> Vec<EdgeRef<'g>> {
        self.edges_dir(Direction::Incoming)
    }

    fn edges_dir(&self, dir: Direction) -> Vec<EdgeRef<'g>> {
        let g = self.graph;
        let mut v: Vec<EdgeRef<'g>> = g
            .graph
            .edges_directed(self.ix, dir)
            .map(|e| EdgeRef::new(g, e.id()))
            .collect();
        v.sort_by(|a, b| a.key().cmp(&b.key()));
        v
    }
}

impl fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NodeRef")
            .field("id", &self.id().to_string())
            .field("mentions", &self.mention_count())
            .finish()
    }
}

impl fmt::Display for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.id(), f)
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.ix == other.ix
    }
}

impl Eq for NodeRef<'_> {}

/// An edge of a [`KnowledgeGraph`], borrowed.
#[derive(Clone, Copy)]
pub struct EdgeRef<'g> {
    graph: &'g KnowledgeGraph,
    ix: EdgeIx,
}

impl<'g> EdgeRef<'g> {
    pub(super) fn new(graph: &'g KnowledgeGraph, ix: EdgeIx) -> Self {
        EdgeRef { graph, ix }
    }

    pub(super) fn ix(&self) -> EdgeIx {
        self.ix
    }

    fn facts(&self) -> &'g EdgeFacts {
        &self.graph.graph[self.ix].facts
    }

    fn ends(&self) -> (NodeIx, NodeIx) {
        self.graph
            .graph
            .edge_endpoints(self.ix)
            .expect("an EdgeRef points at a live edge")
    }

    /// The sort key: source id, target id, then the facts.
    pub(super) fn key(&self) -> (&'g NodeId, &'g NodeId, &'g EdgeFacts) {
        (self.source().id(), self.target().id(), self.facts())
    }

    /// What the edge states.
    pub fn kind(&self) -> EdgeKind {
        self.facts().kind
    }

    /// The head: the visitor, the person holding a post, the companion, or
    /// the place inside another.
    pub fn source(&self) -> NodeRef<'g> {
        NodeRef::new(self.graph, self.ends().0)
    }

    /// The tail: the place visited, the organisation, the person
    /// accompanied, or the enclosing place.
    pub fn target(&self) -> NodeRef<'g> {
        NodeRef::new(self.graph, self.ends().1)
    }

    /// The document stating it (none for PART_OF).
    pub fn document(&self) -> Option<&'g str> {
        self.facts().doc.as_deref()
    }

    /// VISIT: the date as written (`11月20日`).
    pub fn date(&self) -> Option<&'g str> {
        self.facts().date.as_deref()
    }

    /// VISIT: the date normalised (`2018-11-20`; `--11-20` when its year is
    /// unknown), see [`crate::dates`].
    pub fn when(&self) -> Option<&'g str> {
        self.facts().when.as_deref()
    }

    /// VISIT: what for, as written (`督查`).
    pub fn purpose(&self) -> Option<&'g str> {
        self.facts().purpose.as_deref()
    }

    /// LEADS: the post minus its organisation (`副书记`).
    pub fn role(&self) -> Option<&'g str> {
        self.facts().role.as_deref()
    }

    /// The attributes the edge has, as `(name, value)`: `doc`, `date`,
    /// `when`, `purpose` and `role`, in that order, those that are set. The exports
    /// write them under these names.
    ///
    /// ```
    /// use govkg::{Extractor, KnowledgeGraph, graph::EdgeKind};
    /// let ex = Extractor::new();
    /// let docs = [ex.extract("a", "11月20日,区委副书记于勇一行来到七宝镇开展督查。")];
    /// let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
    /// let visit = g.edges().find(|e| e.kind() == EdgeKind::Visit).unwrap();
    /// let names: Vec<&str> = visit.attributes().map(|(k, _)| k).collect();
    /// assert_eq!(names, ["doc", "date", "when", "purpose"]);
    /// ```
    pub fn attributes(&self) -> impl Iterator<Item = (&'static str, &'g str)> + use<'g> {
        [
            ("doc", self.document()),
            ("date", self.date()),
            ("when", self.when()),
            ("purpose", self.purpose()),
            ("role", self.role()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
    }

    /// Where the document states it.
    pub fn evidence(&self) -> Option<Evidence<'g>> {
        let (start, end) = self.facts().evidence?;
        Some(Evidence {
            start,
            end,
            text: self.graph.graph[self.ix].evidence_text.as_deref(),
        })
    }
}

impl fmt::Debug for EdgeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EdgeRef")
            .field("kind", &self.kind())
            .field("source", &self.source().id().to_string())
            .field("target", &self.target().id().to_string())
            .field("doc", &self.document())
            .field("date", &self.date())
            .field("when", &self.when())
            .field("purpose", &self.purpose())
            .field("role", &self.role())
            .field("evidence", &self.facts().evidence)
            .finish()
    }
}

impl fmt::Display for EdgeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} -{}-> {}", self.source(), self.kind(), self.target())
    }
}

impl PartialEq for EdgeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.ix == other.ix
    }
}

impl Eq for EdgeRef<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(text: &str) -> Evidence<'_> {
        Evidence {
            start: 0,
            end: text.chars().count(),
            text: Some(text),
        }
    }

    #[test]
    fn short_snippets_are_whole() {
        assert_eq!(
            ev("于勇来到七宝镇。").snippet(20, &["七宝镇"]).unwrap(),
            "于勇来到七宝镇。"
        );
    }

    #[test]
    fn long_snippets_centre_on_the_focus() {
        let text = "甲乙丙丁戊己庚辛壬癸于勇来到七宝镇开展督查甲乙丙丁戊己庚辛壬癸";
        let s = ev(text).snippet(10, &["七宝镇"]).unwrap();
        assert!(s.contains("七宝镇"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert_eq!(s.chars().count(), 10);
    }

    #[test]
    fn snippets_without_focus_start_at_the_beginning() {
        let s = ev("甲乙丙丁戊己庚辛壬癸").snippet(5, &["七宝镇"]).unwrap();
        assert_eq!(s, "甲乙丙丁…");
        let s = ev("甲乙丙丁戊己庚辛壬癸").snippet(5, &["癸"]).unwrap();
        assert_eq!(s, "…庚辛壬癸");
    }

    #[test]
    fn no_text_no_snippet() {
        let e = Evidence {
            start: 1,
            end: 2,
            text: None,
        };
        assert_eq!(e.snippet(10, &[]), None);
    }
}
