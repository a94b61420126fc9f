//! Questions to the graph: who visited a place, where a person went, who
//! leads an organisation, which posts a person holds, who accompanied whom,
//! what lies near a node, and how two names are connected.
//!
//! Queries take names as users write them: `七宝镇`, `七宝` (an alias), or
//! `place:七宝镇` (a [`NodeId`]) when a name is ambiguous.

use super::{DateRange, EdgeIx, EdgeKind, EdgeRef, KnowledgeGraph, NodeIx, NodeKind, NodeRef};
use crate::error::Result;
use petgraph::Direction;
use petgraph::visit::EdgeRef as _;
use std::collections::{HashMap, VecDeque};

/// A node reached from another, and how far it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reached<'g> {
    /// The node reached.
    pub node: NodeRef<'g>,
    /// The number of edges on the shortest way there (in either direction).
    pub distance: usize,
    /// The last edge of that way.
    pub via: EdgeRef<'g>,
}

impl KnowledgeGraph {
    /// Who visited a place (or an organisation or plot), within `dates`
    /// (see [`DateRange`] for how normalised dates compare): VISIT edges
    /// into it, sorted by visitor, document and evidence.
    pub fn visitors(&self, place: &str, dates: &DateRange) -> Result<Vec<EdgeRef<'_>>> {
        let n = self.lookup(place, &[NodeKind::Place, NodeKind::Org, NodeKind::Plot])?;
        Ok(self.directed(n.ix(), Direction::Incoming, EdgeKind::Visit, dates))
    }

    /// Where a person (or organisation) went, within `dates`: VISIT edges
    /// out of it.
    pub fn visited(&self, visitor: &str, dates: &DateRange) -> Result<Vec<EdgeRef<'_>>> {
        let n = self.lookup(visitor, &[NodeKind::Person, NodeKind::Org])?;
        Ok(self.directed(n.ix(), Direction::Outgoing, EdgeKind::Visit, dates))
    }

    /// Who holds posts in an organisation: LEADS edges into it (the role is
    /// [`EdgeRef::role`]).
    pub fn leaders(&self, org: &str) -> Result<Vec<EdgeRef<'_>>> {
        let n = self.lookup(org, &[NodeKind::Org])?;
        Ok(self.directed(
            n.ix(),
            Direction::Incoming,
            EdgeKind::Leads,
            &DateRange::any(),
        ))
    }

    /// The posts a person holds: LEADS edges out of them.
    pub fn positions(&self, person: &str) -> Result<Vec<EdgeRef<'_>>> {
        let n = self.lookup(person, &[NodeKind::Person])?;
        Ok(self.directed(
            n.ix(),
            Direction::Outgoing,
            EdgeKind::Leads,
            &DateRange::any(),
        ))
    }

    /// Who accompanied a person, and whom they accompanied: ACCOMPANY edges
    /// in both directions (the source accompanied the target).
    pub fn accompanied(&self, person: &str) -> Result<Vec<EdgeRef<'_>>> {
        let n = self.lookup(person, &[NodeKind::Person])?;
        let mut v = self.directed(
            n.ix(),
            Direction::Incoming,
            EdgeKind::Accompany,
            &DateRange::any(),
        );
        v.extend(self.directed(
            n.ix(),
            Direction::Outgoing,
            EdgeKind::Accompany,
            &DateRange::any(),
        ));
        v.sort_by(|a, b| a.key().cmp(&b.key()));
        Ok(v)
    }

    /// The places a place lies in, nearest first (`七宝镇` → `闵行区`,
    /// `上海市`), following the first PART_OF edge at each step.
    pub fn ancestors(&self, place: &str) -> Result<Vec<NodeRef<'_>>> {
        let mut n = self.lookup(place, &[NodeKind::Place])?;
        let mut out: Vec<NodeRef<'_>> = Vec::new();
        while let Some(up) = n
            .outgoing()
            .into_iter()
            .find(|e| e.kind() == EdgeKind::PartOf)
            .map(|e| e.target())
        {
            if up == n || out.contains(&up) {
                break;
            }
            out.push(up);
            n = up;
        }
        Ok(out)
    }

    /// Every node within `depth` edges of `name` (edges followed in either
    /// direction), nearest first, then by id; the node itself is not
    /// listed.
    pub fn neighbours(&self, name: &str, depth: usize) -> Result<Vec<Reached<'_>>> {
        let start = self.lookup_any(name)?.ix();
        let (dist, via) = self.bfs(start, depth, None);
        let mut out: Vec<Reached<'_>> = dist
            .into_iter()
            .filter(|&(ix, _)| ix != start)
            .map(|(ix, d)| Reached {
                node: self.view(ix),
                distance: d,
                via: self.edge_view(via[&ix]),
            })
            .collect();
        out.sort_by(|a, b| (a.distance, a.node.id()).cmp(&(b.distance, b.node.id())));
        Ok(out)
    }

    /// A shortest chain of edges from `from` to `to`, following edges in
    /// either direction (read each edge's [`EdgeRef::source`] and
    /// [`EdgeRef::target`] for its direction); `None` when they are not
    /// connected, empty when they are the same node. Among chains of the
    /// same length the one through the smallest ids is chosen, so the answer
    /// does not depend on the order the graph was built in.
    ///
    /// ```
    /// use govkg::{Extractor, graph::KnowledgeGraph};
    /// let ex = Extractor::new();
    /// let d = ex.extract("a", "11月20日,区委副书记于勇来到七宝镇督查,七宝镇党委书记严俊陪同督查。");
    /// let g = KnowledgeGraph::from_documents([&d], ex.lexicon());
    /// let path = g.path("严俊", "闵行区")?.expect("connected");
    /// assert!(path.len() >= 2);
    /// # Ok::<(), govkg::Error>(())
    /// ```
    pub fn path(&self, from: &str, to: &str) -> Result<Option<Vec<EdgeRef<'_>>>> {
        let a = self.lookup_any(from)?.ix();
        let b = self.lookup_any(to)?.ix();
        let (dist, via) = self.bfs(a, usize::MAX, Some(b));
        if !dist.contains_key(&b) {
            return Ok(None);
        }
        let mut path = Vec::new();
        let mut at = b;
        while at != a {
            let e = via[&at];
            let (s, t) = self.graph.edge_endpoints(e).expect("live edge");
            path.push(self.edge_view(e));
            at = if s == at { t } else { s };
        }
        path.reverse();
        Ok(Some(path))
    }

    /// The edges of one kind at a node, in one direction, within `dates`.
    fn directed(
        &self,
        ix: NodeIx,
        dir: Direction,
        kind: EdgeKind,
        dates: &DateRange,
    ) -> Vec<EdgeRef<'_>> {
        let mut v: Vec<EdgeRef<'_>> = self
            .graph
            .edges_directed(ix, dir)
            .filter(|e| e.weight().facts.kind == kind)
            .map(|e| self.edge_view(e.id()))
            .filter(|e| dates.contains(e.when()))
            .collect();
        v.sort_by(|a, b| a.key().cmp(&b.key()));
        v
    }

    /// Breadth-first search over edges in both directions, neighbours in
    /// id order: the distance of every node reached within `depth`, and the
    /// edge it was reached by. Stops early at `goal`.
    fn bfs(
        &self,
        start: NodeIx,
        depth: usize,
        goal: Option<NodeIx>,
    ) -> (HashMap<NodeIx, usize>, HashMap<NodeIx, EdgeIx>) {
        let mut dist = HashMap::from([(start, 0usize)]);
        let mut via = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            if Some(n) == goal {
                break;
            }
            let d = dist[&n];
            if d >= depth {
                continue;
            }
            let mut next: Vec<(NodeIx, EdgeIx)> = self
                .graph
                .edges_directed(n, Direction::Outgoing)
                .map(|e| (e.target(), e.id()))
                .chain(
                    self.graph
                        .edges_directed(n, Direction::Incoming)
                        .map(|e| (e.source(), e.id())),
                )
                .collect();
            next.sort_by(|x, y| {
                (&self.graph[x.0].id, self.edge_view(x.1).key())
                    .cmp(&(&self.graph[y.0].id, self.edge_view(y.1).key()))
            });
            for (m, e) in next {
                if dist.contains_key(&m) {
                    continue;
                }
                dist.insert(m, d + 1);
                via.insert(m, e);
                queue.push_back(m);
            }
        }
        (dist, via)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::document::{Document, Entity, Relation};
    use crate::span::EntityKind;

    /// 于勇 and 刘世军 visit 七宝镇 (11月20日) and 九星村 (2019年3月); 严俊
    /// (书记 of 七宝镇党委) accompanies 于勇; 施继平 visits 酒房乡.
    fn graph() -> KnowledgeGraph {
        let ents = [
            ("e1", EntityKind::Person, "于勇"),
            ("e2", EntityKind::Person, "刘世军"),
            ("e3", EntityKind::Place, "七宝镇"),
            ("e4", EntityKind::Person, "严俊"),
            ("e5", EntityKind::Place, "九星村"),
            ("e6", EntityKind::Person, "施继平"),
            ("e7", EntityKind::Place, "酒房乡"),
            ("e8", EntityKind::Place, "七宝"),
        ];
        let entities = ents
            .iter()
            .enumerate()
            .map(|(i, (id, kind, text))| Entity {
                id: id.to_string(),
                kind: *kind,
                start: i * 10,
                end: i * 10 + text.chars().count(),
                text: text.to_string(),
                nested: false,
                rule: None,
                value: None,
            })
            .collect();
        let visit = |h: &str, t: &str, date: Option<&str>, ev: usize| Relation::Visit {
            head: h.into(),
            tail: t.into(),
            head_text: None,
            tail_text: None,
            date: date.map(str::to_string),
            purpose: Some("督查".into()),
            evidence: [ev, ev + 10],
            rule: None,
            when: None,
        };
        let d = Document {
            id: "d".into(),
            text: None,
            entities,
            relations: vec![
                visit("e1", "e3", Some("11月20日"), 0),
                visit("e2", "e3", Some("11月20日"), 0),
                visit("e1", "e5", Some("2019年3月"), 20),
                visit("e6", "e7", None, 40),
                Relation::Accompany {
                    head: "e4".into(),
                    tail: "e1".into(),
                    head_text: None,
                    tail_text: None,
                    evidence: [0, 10],
                    rule: None,
                },
                Relation::Leads {
                    head: "e4".into(),
                    head_text: None,
                    org: "七宝镇党委".into(),
                    role: "书记".into(),
                    title: None,
                    evidence: [0, 10],
                    rule: None,
                },
            ],
            context: None,
            rejected: Vec::new(),
        };
        KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon())
    }

    fn sources(v: &[EdgeRef<'_>]) -> Vec<String> {
        v.iter().map(|e| e.source().name().to_string()).collect()
    }

    #[test]
    fn visitors_of_a_place_and_by_alias() {
        let g = graph();
        let v = g.visitors("七宝镇", &DateRange::any()).unwrap();
        // Sorted by id: code point order (于 U+4E8E before 刘 U+5218).
        assert_eq!(sources(&v), ["于勇", "刘世军"]);
        // 七宝 joined 七宝镇 (the document names it).
        assert_eq!(g.visitors("七宝", &DateRange::any()).unwrap().len(), 2);
        assert_eq!(
            g.visitors("place:七宝镇", &DateRange::any()).unwrap().len(),
            2
        );
    }

    #[test]
    fn visitors_within_dates() {
        let g = graph();
        let nov = DateRange::new(Some("2018年11月1日"), Some("2018年11月30日")).unwrap();
        // 11月20日 has no year (the document has no date): outside the
        // range, unless undated visits are kept.
        assert!(g.visitors("七宝镇", &nov).unwrap().is_empty());
        assert_eq!(
            g.visitors("七宝镇", &nov.keep_undated(true)).unwrap().len(),
            2
        );
        // Undated visits are outside every bounded range.
        let any_year = DateRange::new(Some("1900年"), None).unwrap();
        assert!(g.visitors("酒房乡", &any_year).unwrap().is_empty());
        assert_eq!(g.visitors("酒房乡", &DateRange::any()).unwrap().len(), 1);
    }

    #[test]
    fn places_a_person_visited() {
        let g = graph();
        let v = g.visited("于勇", &DateRange::any()).unwrap();
        let places: Vec<&str> = v.iter().map(|e| e.target().name()).collect();
        assert_eq!(places, ["七宝镇", "九星村"]);
        let y2019 = DateRange::new(Some("2019"), Some("2019")).unwrap();
        let v = g.visited("于勇", &y2019).unwrap();
        // 11月20日 has no year: it is not placed in 2019.
        let places: Vec<&str> = v.iter().map(|e| e.target().name()).collect();
        assert_eq!(places, ["九星村"]);
        assert_eq!(v[0].when(), Some("2019-03"));
    }

    #[test]
    fn leaders_and_positions() {
        let g = graph();
        let l = g.leaders("七宝镇党委").unwrap();
        assert_eq!(sources(&l), ["严俊"]);
        assert_eq!(l[0].role(), Some("书记"));
        let p = g.positions("严俊").unwrap();
        assert_eq!(p[0].target().name(), "七宝镇党委");
        assert!(matches!(g.leaders("严俊"), Err(Error::UnknownNode { .. })));
    }

    #[test]
    fn accompanied_both_ways() {
        let g = graph();
        let a = g.accompanied("于勇").unwrap();
        assert_eq!(
            (a[0].source().name(), a[0].target().name()),
            ("严俊", "于勇")
        );
        assert_eq!(g.accompanied("严俊").unwrap().len(), 1);
        assert!(g.accompanied("刘世军").unwrap().is_empty());
    }

    #[test]
    fn neighbours_to_depth() {
        let g = graph();
        let one: Vec<String> = g
            .neighbours("于勇", 1)
            .unwrap()
            .iter()
            .map(|r| r.node.id().to_string())
            .collect();
        // 严俊 leads 七宝镇党委: he is 七宝镇's.
        assert_eq!(one, ["person:严俊@七宝镇", "place:七宝镇", "place:九星村"]);
        let two = g.neighbours("于勇", 2).unwrap();
        assert!(
            two.iter()
                .any(|r| r.node.name() == "刘世军" && r.distance == 2)
        );
        assert!(
            two.iter()
                .any(|r| r.node.name() == "七宝镇党委" && r.distance == 2)
        );
        assert!(g.neighbours("于勇", 0).unwrap().is_empty());
    }

    #[test]
    fn shortest_paths() {
        let g = graph();
        let p = g.path("刘世军", "严俊").unwrap().unwrap();
        let hops: Vec<String> = p.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            hops,
            [
                "person:刘世军 -VISIT-> place:七宝镇",
                "person:于勇 -VISIT-> place:七宝镇",
                "person:严俊@七宝镇 -ACCOMPANY-> person:于勇",
            ]
        );
        assert_eq!(g.path("于勇", "于勇").unwrap().unwrap().len(), 0);
        // 酒房乡 is in 云南省, 七宝镇 in 上海市: no way between them.
        assert!(g.path("施继平", "于勇").unwrap().is_none());
        // Through the hierarchy: 九星村 ⊂ 七宝镇.
        let p = g.path("九星村", "七宝镇").unwrap().unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind(), EdgeKind::PartOf);
    }

    #[test]
    fn ancestors_climb_the_hierarchy() {
        let g = graph();
        let up: Vec<&str> = g
            .ancestors("九星村")
            .unwrap()
            .iter()
            .map(|n| n.name())
            .collect();
        assert_eq!(up, ["七宝镇", "闵行区", "上海市"]);
    }

    #[test]
    fn unknown_and_ambiguous_names_are_errors() {
        let g = graph();
        let e = g.visitors("浦东新区", &DateRange::any()).unwrap_err();
        assert!(e.to_string().contains("浦东新区"), "{e}");
        let mut g2 = g.clone();
        let d = Document {
            id: "x".into(),
            text: None,
            entities: vec![Entity {
                id: "e1".into(),
                kind: EntityKind::Org,
                start: 0,
                end: 2,
                text: "于勇".into(),
                nested: false,
                rule: None,
                value: None,
            }],
            relations: vec![],
            context: None,
            rejected: Vec::new(),
        };
        g2.add_document(&d, crate::graph::embedded_lexicon());
        // A person and an organisation share the name: paths need a kind.
        let e = g2.path("于勇", "严俊").unwrap_err();
        assert!(matches!(e, Error::AmbiguousNode { .. }), "{e}");
        assert!(e.to_string().contains("org:于勇"), "{e}");
        assert!(matches!(g2.path("person:于勇", "严俊"), Ok(Some(_))));
        assert!(g2.path("org:于勇", "严俊").unwrap().is_none());
    }
}
