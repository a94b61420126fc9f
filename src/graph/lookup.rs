//! Finding the node a user means by a name.
//!
//! A name given to a query (`七宝镇`, `七宝`, `place:七宝镇`, `王伟@青山区`)
//! is read, in order, as:
//!
//! 1. a [`NodeId`] `kind:name` or `kind:name@place`: that node, exactly
//!    (for `kind:name@place`, else the one node of that name whose
//!    jurisdiction lies in the place); an unknown one is an error offering
//!    the closest names of that kind;
//! 2. `name@place`: the nodes of that name (or alias) whose jurisdiction is
//!    the place (`王伟@青山区`), else lies in it (`王伟@闵行区` finds
//!    `王伟@七宝镇`, `城关镇@保山市` finds `城关镇@施甸县`);
//! 3. the name or an alias (normalised) of nodes of the kinds asked for,
//!    in every jurisdiction (`王伟` is every 王伟);
//! 4. failing that, the name's canonical forms by the embedded lexicon (a
//!    body's canonical name, `上海市闵行区七宝镇政府` → `七宝镇人民政府`; a
//!    place's short form or glued chain, `闵行` → `闵行区`), so that
//!    spellings no document used find their node too.
//!
//! One node found is the answer. Several are an [`Error::AmbiguousNode`]
//! that lists them (write one as `kind:name` or `name@place`); none is an
//! [`Error::UnknownNode`] that lists the closest names.

use super::orgname::canonical_org;
use super::placename::canonical_alone;
use super::{
    KnowledgeGraph, NodeId, NodeKind, NodeRef, divisions_in_name, embedded_lexicon, normalize_name,
};
use crate::error::{Error, Result};

/// Every kind, in the order candidates are listed.
const ALL: [NodeKind; 4] = [
    NodeKind::Person,
    NodeKind::Place,
    NodeKind::Org,
    NodeKind::Plot,
];

/// How many of the closest names an unknown name lists.
const CLOSEST: usize = 5;

/// Names longer than this (in characters) are compared on their first
/// this many only, so that a hostile name costs bounded time per node.
const COMPARED_CHARS: usize = 64;

impl KnowledgeGraph {
    /// The node a user means by `name`, looked for among `kinds` (every
    /// kind when empty), as the [module docs](self) say.
    ///
    /// ```
    /// use govkg::{Error, Extractor, graph::{KnowledgeGraph, NodeKind}};
    /// let ex = Extractor::new();
    /// let d = ex.extract("a", "七宝镇党委书记严俊来到七宝老街。七宝的老街很美。");
    /// let g = KnowledgeGraph::from_documents([&d], ex.lexicon());
    /// assert_eq!(g.lookup("七宝", &[NodeKind::Place])?.name(), "七宝镇");
    /// assert_eq!(g.lookup("place:七宝镇", &[NodeKind::Person])?.name(), "七宝镇");
    /// let Err(Error::UnknownNode { closest, .. }) = g.lookup("七宝真", &[NodeKind::Place]) else {
    ///     panic!("七宝真 is no node");
    /// };
    /// assert_eq!(closest[0], "place:七宝镇");
    /// # Ok::<(), govkg::Error>(())
    /// ```
    pub fn lookup(&self, name: &str, kinds: &[NodeKind]) -> Result<NodeRef<'_>> {
        let kinds = if kinds.is_empty() { &ALL[..] } else { kinds };
        if let Ok(id) = name.parse::<NodeId>() {
            // `kind:name` names one node exactly, or none: the closest of
            // that kind are offered. `kind:name@place` may name the one
            // node of that name in the place.
            if let Some(n) = self.node(&id) {
                return Ok(n);
            }
            let in_place = match id.jurisdiction() {
                Some(place) => self.in_place(id.name(), place, &[id.kind()]),
                None => Vec::new(),
            };
            return match in_place.as_slice() {
                [one] => Ok(*one),
                [] => Err(self.unknown(name, id.name(), &[id.kind()])),
                many => Err(ambiguous(name, many)),
            };
        }
        if let Some((who, place)) = name.split_once('@') {
            let who = normalize_name(who);
            let found = self.in_place(&who, place, kinds);
            return match found.as_slice() {
                [one] => Ok(*one),
                [] => Err(self.unknown(name, &who, kinds)),
                many => Err(ambiguous(name, many)),
            };
        }
        let norm = normalize_name(name);
        let mut found = self.named(&norm, kinds);
        if found.is_empty() {
            for other in canonical_forms(&norm, kinds) {
                for n in self.named(&other, kinds) {
                    if !found.contains(&n) {
                        found.push(n);
                    }
                }
            }
        }
        if found.is_empty() && kinds.contains(&NodeKind::Org) {
            found = self.with_parents(&canonical_org(embedded_lexicon(), &norm));
        }
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(self.unknown(name, &norm, kinds)),
            many => Err(ambiguous(name, many)),
        }
    }

    /// The bodies named `canonical` with the parents of a shared place
    /// name written before it (`浦东新区航头镇人民政府` for
    /// `航头镇人民政府`, see [`super::resolve`]), for spellings that no
    /// document used.
    fn with_parents(&self, canonical: &str) -> Vec<NodeRef<'_>> {
        let lex = embedded_lexicon();
        self.nodes()
            .filter(|n| n.kind() == NodeKind::Org)
            .filter(|n| {
                n.name().strip_suffix(canonical).is_some_and(|before| {
                    !before.is_empty() && divisions_in_name(lex, before).concat() == before
                })
            })
            .collect()
    }

    /// The nodes of `kinds` named `who` (or having it as an alias) whose
    /// jurisdiction is `place` as written, else is its full name
    /// (`包头` → `包头市`), else lies in it (a person's places, a place's
    /// parent chain, the glued parents of a jurisdiction).
    fn in_place(&self, who: &str, place: &str, kinds: &[NodeKind]) -> Vec<NodeRef<'_>> {
        let place = normalize_name(place);
        let full = canonical_alone(embedded_lexicon(), &place);
        let all = self.named(who, kinds);
        let is = |p: &str| {
            all.iter()
                .copied()
                .filter(|n| n.jurisdiction().as_deref() == Some(p))
                .collect::<Vec<_>>()
        };
        let within = |p: &str| {
            all.iter()
                .copied()
                .filter(|n| {
                    let j = n.jurisdiction().unwrap_or_default();
                    !p.is_empty()
                        && (j.ends_with(p)
                            || j.starts_with(p)
                            || n.places().contains(&p)
                            || n.parent_chains().any(|c| {
                                c.iter().any(|k| k == p || k.split('@').next() == Some(p))
                            }))
                })
                .collect::<Vec<_>>()
        };
        let tiers = [is(&place), is(&full), within(&place), within(&full)];
        tiers
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    }

    /// The error for `name` (normalised `norm`), which names no node of
    /// `kinds`, with the closest names.
    fn unknown(&self, name: &str, norm: &str, kinds: &[NodeKind]) -> Error {
        Error::UnknownNode {
            name: name.to_string(),
            kinds: kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" or "),
            closest: self
                .closest(norm, kinds)
                .iter()
                .map(|n| n.id().to_string())
                .collect(),
        }
    }

    /// The node named `name` (or `kind:name`), of any kind; see
    /// [`KnowledgeGraph::lookup`].
    ///
    /// ```
    /// use govkg::{Extractor, graph::KnowledgeGraph};
    /// let ex = Extractor::new();
    /// let d = ex.extract("a", "区委副书记于勇来到七宝镇。");
    /// let g = KnowledgeGraph::from_documents([&d], ex.lexicon());
    /// assert_eq!(g.lookup_any("七宝镇")?.id().to_string(), "place:七宝镇");
    /// # Ok::<(), govkg::Error>(())
    /// ```
    pub fn lookup_any(&self, name: &str) -> Result<NodeRef<'_>> {
        self.lookup(name, &[])
    }

    /// The nodes of `kinds` named `norm` (in any jurisdiction) or having it
    /// as an alias, in the order of `kinds`, then by id.
    fn named(&self, norm: &str, kinds: &[NodeKind]) -> Vec<NodeRef<'_>> {
        let mut out: Vec<NodeRef<'_>> = kinds
            .iter()
            .flat_map(|&k| self.named_in_any(k, norm))
            .collect();
        let mut by_alias: Vec<NodeRef<'_>> = self
            .nodes()
            .filter(|n| kinds.contains(&n.kind()) && n.aliases().any(|a| a == norm))
            .filter(|n| !out.contains(n))
            .collect();
        by_alias.sort_by_key(|n| kinds.iter().position(|&k| k == n.kind()));
        out.extend(by_alias);
        out
    }

    /// The nodes of `kinds` whose name or an alias is nearest `norm` (in
    /// edits of one character), at most [`CLOSEST`], nearest first; names
    /// with nothing in common are left out.
    fn closest(&self, norm: &str, kinds: &[NodeKind]) -> Vec<NodeRef<'_>> {
        let query: Vec<char> = norm.chars().take(COMPARED_CHARS).collect();
        if query.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(usize, NodeRef<'_>)> = self
            .nodes()
            .filter(|n| kinds.contains(&n.kind()))
            .filter_map(|n| {
                std::iter::once(n.name())
                    .chain(n.aliases())
                    .filter_map(|s| {
                        let s: Vec<char> = s.chars().take(COMPARED_CHARS).collect();
                        let d = edit_distance(&query, &s);
                        (d < query.len().max(s.len())).then_some(d)
                    })
                    .min()
                    .map(|d| (d, n))
            })
            .collect();
        scored.sort_by(|a, b| (a.0, a.1.id()).cmp(&(b.0, b.1.id())));
        scored.into_iter().take(CLOSEST).map(|(_, n)| n).collect()
    }
}

/// The error for `name`, which names the nodes `many`.
fn ambiguous(name: &str, many: &[NodeRef<'_>]) -> Error {
    Error::AmbiguousNode {
        name: name.to_string(),
        candidates: many.iter().map(|n| n.id().to_string()).collect(),
    }
}

/// Other names a user's `norm` may stand for: a body's canonical name, a
/// place's full name.
fn canonical_forms(norm: &str, kinds: &[NodeKind]) -> Vec<String> {
    let lex = embedded_lexicon();
    let mut out = Vec::new();
    if kinds.contains(&NodeKind::Org) {
        out.push(canonical_org(lex, norm));
    }
    if kinds.contains(&NodeKind::Place) {
        out.push(canonical_alone(lex, norm));
    }
    out.retain(|n| n != norm);
    out.dedup();
    out
}

/// The Levenshtein distance between two strings of characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How many documents and posts a candidate's line names at most.
const LISTED: usize = 5;

impl KnowledgeGraph {
    /// One line per candidate node of an ambiguous name (the ids of an
    /// [`Error::AmbiguousNode`]), so that a user can choose: its id, where
    /// it is, a person's posts and its documents, as `govkg query` prints
    /// them under its error
    /// (`person:王伟@青山区  in 青山区  posts 青山区委书记  documents a, c`).
    pub fn describe_candidates(&self, candidates: &[String]) -> Vec<String> {
        candidates
            .iter()
            .map(|c| self.describe_candidate(c))
            .collect()
    }

    fn describe_candidate(&self, c: &str) -> String {
        let Some(n) = c.parse().ok().and_then(|id| self.node(&id)) else {
            return c.to_string();
        };
        let mut parts = vec![c.to_string()];
        let places = n.places();
        parts.push(match (places.is_empty(), n.jurisdiction()) {
            (false, _) => format!("in {}", places.join("/")),
            (true, Some(j)) => format!("in {j}"),
            (true, None) => "in no known place".to_string(),
        });
        let mut posts: Vec<String> = Vec::new();
        for e in n.outgoing() {
            if e.kind() != super::EdgeKind::Leads {
                continue;
            }
            let post = format!("{}{}", e.target().name(), e.role().unwrap_or_default());
            if !posts.contains(&post) {
                posts.push(post);
            }
        }
        if !posts.is_empty() {
            parts.push(format!("posts {}", listed(&posts)));
        }
        let docs = n.documents();
        if !docs.is_empty() {
            parts.push(format!("documents {}", listed(&docs)));
        }
        parts.join("  ")
    }
}

/// The first [`LISTED`] items joined with `, `, and how many more.
fn listed<T: AsRef<str>>(items: &[T]) -> String {
    let shown: Vec<&str> = items.iter().take(LISTED).map(AsRef::as_ref).collect();
    let mut s = shown.join(", ");
    if items.len() > LISTED {
        s.push_str(&format!(" and {} more", items.len() - LISTED));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance(&chars("七宝镇"), &chars("七宝镇")), 0);
        assert_eq!(edit_distance(&chars("七宝真"), &chars("七宝镇")), 1);
        assert_eq!(edit_distance(&chars("七宝"), &chars("七宝镇")), 1);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
    }

    #[test]
    fn a_body_of_a_shared_place_name_answers_to_its_short_spellings() {
        use crate::document::{Document, Entity};
        use crate::span::EntityKind;
        let ent = |id: &str, kind, start: usize, t: &str| Entity {
            id: id.into(),
            kind,
            start,
            end: start + t.chars().count(),
            text: t.into(),
            nested: false,
            rule: None,
            value: None,
        };
        // 航头镇 is a town of 浦东新区 and one of 建德市; the document names
        // 浦东新区.
        let d = Document {
            id: "a".into(),
            text: None,
            entities: vec![
                ent("e1", EntityKind::Place, 0, "浦东新区"),
                ent("e2", EntityKind::Org, 5, "航头镇政府"),
            ],
            relations: vec![],
            context: None,
            rejected: Vec::new(),
        };
        let g = KnowledgeGraph::from_documents([&d], embedded_lexicon());
        for spelling in [
            "浦东新区航头镇人民政府",
            "航头镇政府",
            "航头镇人民政府",
            "上海市浦东新区航头镇政府",
        ] {
            assert_eq!(
                g.lookup(spelling, &[NodeKind::Org]).unwrap().name(),
                "浦东新区航头镇人民政府",
                "{spelling}"
            );
        }
    }

    #[test]
    fn canonical_forms_of_a_query() {
        let org = canonical_forms("上海市闵行区七宝镇政府", &[NodeKind::Org]);
        assert_eq!(org, ["七宝镇人民政府"]);
        let place = canonical_forms("闵行", &[NodeKind::Place]);
        assert_eq!(place, ["闵行区"]);
        assert!(canonical_forms("于勇", &ALL).is_empty());
    }
}
