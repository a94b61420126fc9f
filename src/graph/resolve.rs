//! Which node a mention is: the one place where names as written become
//! node ids.
//!
//! A [`Resolver`] is made per document, with the document at hand, so that
//! a decision may use what the document says:
//!
//! - a place's short form takes the full name the document names
//!   ([`super::placename`]), and a name that the lexicon gives to places
//!   in several counties or provinces is keyed by the place it lies in when
//!   the document says which (`place:城关镇@施甸县`, [`super::jurisdiction`]);
//! - a body takes its canonical name ([`super::orgname`]); one named
//!   without its place (`县人民政府`) takes the article context's
//!   (`施甸县人民政府`), and one whose place the lexicon gives to several
//!   (`青山区委`) is written with the parents that say which
//!   (`武汉市青山区委`), when the document says;
//! - a person is keyed by name and jurisdiction ([`super::identity`]): the
//!   most specific place of their posts, else the article context's place,
//!   else none; a national figure of the lexicon without a local post is
//!   keyed nationally (`习近平@全国`).

use super::identity::{Juris, person_id};
use super::jurisdiction::{Hints, PlaceRef, divisions_in_name, is_ambiguous, keyed_chain};
use super::orgname::canonical_org;
use super::placename::PlaceNames;
use super::{NodeId, NodeKind, normalize_name};
use crate::document::{Document, Entity, Relation};
use crate::lexicon::{Level, LexClass, Lexicon};
use crate::span::EntityKind;
use hashbrown::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// A mention's node, the name as written when it differs from the node's
/// (to be kept as an alias), and what the node records of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Resolved {
    /// The node.
    pub id: NodeId,
    /// The written name, normalised, when the node is named otherwise.
    pub alias: Option<String>,
    /// A person: where the document places them.
    pub juris: Option<Juris>,
    /// A place keyed by where it lies: its parent chain (node keys, top
    /// down).
    pub parents: Option<Vec<String>>,
}

/// Decides the nodes of one document's mentions.
pub(super) struct Resolver<'l> {
    lex: &'l Lexicon,
    places: PlaceNames<'l>,
    hints: Hints,
    /// The jurisdiction of each person entity, by entity id.
    persons: HashMap<String, Juris>,
}

impl<'l> Resolver<'l> {
    /// A resolver for the mentions of `doc`.
    pub(super) fn new(lex: &'l Lexicon, doc: &Document) -> Self {
        let places = PlaceNames::new(lex, doc);
        let hints = Hints::new(lex, doc, places.named());
        let mut r = Resolver {
            lex,
            places,
            hints,
            persons: HashMap::new(),
        };
        r.persons = r.place_persons(doc);
        r
    }

    /// The node of entity `e`, a `kind` mention; `None` for a name that is
    /// empty once normalised.
    pub(super) fn entity(&self, kind: NodeKind, e: &Entity) -> Option<Resolved> {
        match kind {
            NodeKind::Person => {
                let name = normalize_name(&e.text);
                if name.is_empty() {
                    return None;
                }
                let juris = self.persons.get(&e.id).cloned().unwrap_or(Juris::Unknown);
                Some(Resolved {
                    id: person_id(&name, &juris),
                    alias: None,
                    juris: Some(juris),
                    parents: None,
                })
            }
            _ => self.named(kind, &e.text),
        }
    }

    /// The node of an organisation written `text` (a LEADS relation's
    /// `org`).
    pub(super) fn org(&self, text: &str) -> Option<Resolved> {
        self.named(NodeKind::Org, text)
    }

    /// The node of a place, organisation or plot written `text`.
    fn named(&self, kind: NodeKind, text: &str) -> Option<Resolved> {
        let written = normalize_name(text);
        if written.is_empty() {
            return None;
        }
        let (id, parents) = match kind {
            NodeKind::Place => self.place(&written),
            NodeKind::Org => (NodeId::new(kind, &self.org_name(&written)), None),
            _ => (NodeId::new(kind, &written), None),
        };
        let alias = (id.name() != written).then_some(written);
        Some(Resolved {
            id,
            alias,
            juris: None,
            parents,
        })
    }

    /// The node of a place written `written`, and its parent chain when it
    /// is keyed by where it lies.
    fn place(&self, written: &str) -> (NodeId, Option<Vec<String>>) {
        let mut name = self.places.canonical(written);
        // Divisions glued before it (`施甸县城关镇`) say where it lies.
        let mut above = divisions_in_name(self.lex, written);
        match above.last() {
            Some(last) if *last == name => {}
            // A chain the lexicon cannot confirm, ending with a name it
            // gives to many places: the writing says which.
            Some(last)
                if name == written
                    && above.len() > 1
                    && above.concat() == written
                    && is_ambiguous(self.lex, last) =>
            {
                name = last.clone();
            }
            _ => above.clear(),
        }
        above.pop();
        if !is_ambiguous(self.lex, &name) {
            return (NodeId::new(NodeKind::Place, &name), None);
        }
        let p = self.hints.locate(self.lex, &name, &above);
        match p.parent_written() {
            Some(parent) => {
                let chain = p.chain();
                let parents = keyed_chain(self.lex, &chain[..chain.len() - 1]);
                (
                    NodeId::with_jurisdiction(NodeKind::Place, &name, Some(&parent)),
                    Some(parents),
                )
            }
            None => (NodeId::new(NodeKind::Place, &name), None),
        }
    }

    /// The node name of a body written `written` (normalised): canonical,
    /// completed by the article context when it names no place, and with
    /// the parents its place needs when the document says them.
    fn org_name(&self, written: &str) -> String {
        let name = canonical_org(self.lex, written);
        let name = self.with_context(name);
        let divs = divisions_in_name(self.lex, &name);
        let Some(first) = divs.first() else {
            return name;
        };
        if !is_ambiguous(self.lex, first) {
            return name;
        }
        // The divisions written before it, which canonical names drop.
        let as_written = divisions_in_name(self.lex, written);
        let above: &[String] = as_written
            .iter()
            .position(|d| d == first)
            .map_or(&[], |at| &as_written[..at]);
        let p = self.hints.locate(self.lex, first, above);
        if p.parent_written().is_none() {
            return name;
        }
        let Some(at) = name.find(first.as_str()) else {
            return name;
        };
        format!(
            "{}{}{}",
            &name[..at],
            p.written(),
            &name[at + first.len()..]
        )
    }

    /// A body named without its place (`县人民政府`, `区委`, `镇党委`)
    /// written with the context's division of that level (`施甸县人民政府`);
    /// any other name as it is.
    fn with_context(&self, name: String) -> String {
        if !divisions_in_name(self.lex, &name).is_empty() {
            return name;
        }
        let Some(word) = LEVEL_WORDS.iter().find(|w| name.starts_with(**w)) else {
            return name;
        };
        let rest = &name[word.len()..];
        if !opens_with_body(self.lex, rest) {
            return name;
        }
        let Some((division, _)) = self
            .hints
            .context()
            .iter()
            .rev()
            .find(|(d, level)| fits_level_word(word, d, *level))
        else {
            return name;
        };
        format!("{division}{rest}")
    }

    /// The jurisdiction of every person entity of `doc`, by entity id (see
    /// the module docs).
    ///
    /// Mentions of one name are one person, unless their posts lie in
    /// places apart (`青山区` and `海门县`): then each post's place is one
    /// person (the places inside another joining it, as across documents),
    /// and a mention without a post is the person of the nearest mention
    /// before it that has one, else after it.
    fn place_persons(&self, doc: &Document) -> HashMap<String, Juris> {
        let posts = self.posts(doc);
        let mut by_name: BTreeMap<String, Vec<&Entity>> = BTreeMap::new();
        for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            by_name.entry(normalize_name(&e.text)).or_default().push(e);
        }
        let mut out = HashMap::new();
        for (name, mut ents) in by_name {
            ents.sort_by_key(|e| (e.start, e.end));
            // Each mention with posts: the most specific post's place (of
            // places apart, the first of the most specific).
            let mut own: HashMap<&str, Juris> = HashMap::new();
            let mut posted: Vec<(usize, Juris)> = Vec::new();
            for e in &ents {
                let mut best: Option<&PlaceRef> = None;
                for p in posts.get(e.id.as_str()).into_iter().flatten() {
                    if best.is_none_or(|b| p.chain().len() > b.chain().len()) {
                        best = Some(p);
                    }
                }
                if let Some(b) = best {
                    let j = Juris::place(b.clone());
                    own.insert(e.id.as_str(), j.clone());
                    posted.push((e.start, j));
                }
            }
            if posted.is_empty() {
                let j = if self.lex.is(&name, LexClass::Person) {
                    Juris::National
                } else {
                    self.hints
                        .context_place(self.lex)
                        .map_or(Juris::Unknown, Juris::place)
                };
                for e in ents {
                    out.insert(e.id.clone(), j.clone());
                }
                continue;
            }
            let set: BTreeSet<Juris> = posted.iter().map(|(_, j)| j.clone()).collect();
            let reps = super::identity::clusters(&set);
            for e in &ents {
                let j = own.get(e.id.as_str()).or_else(|| {
                    let before = posted.iter().rev().find(|(s, _)| *s <= e.start);
                    let after = posted.iter().find(|(s, _)| *s > e.start);
                    before.or(after).map(|(_, j)| j)
                });
                if let Some(j) = j {
                    let rep = reps.get(j).unwrap_or(j).clone();
                    out.insert(e.id.clone(), rep);
                }
            }
        }
        out
    }

    /// The places of each person entity's posts, by entity id: for each
    /// LEADS relation, the divisions its title opens with, else those its
    /// organisation (resolved) opens with, the last of them placed.
    fn posts<'d>(&self, doc: &'d Document) -> HashMap<&'d str, Vec<PlaceRef>> {
        let mut out: HashMap<&str, Vec<PlaceRef>> = HashMap::new();
        for r in &doc.relations {
            let Relation::Leads {
                head, org, title, ..
            } = r
            else {
                continue;
            };
            let from_title = title
                .as_deref()
                .and_then(|t| doc.entity(t))
                .map(|t| divisions_in_name(self.lex, &normalize_name(&t.text)))
                .filter(|d| !d.is_empty());
            let divs = from_title.unwrap_or_else(|| {
                divisions_in_name(self.lex, &self.org_name(&normalize_name(org)))
            });
            let Some((last, above)) = divs.split_last() else {
                continue;
            };
            out.entry(head.as_str())
                .or_default()
                .push(self.hints.locate(self.lex, last, above));
        }
        out
    }
}

/// The level words a body named without its place starts with, longest
/// first.
const LEVEL_WORDS: [&str; 9] = ["街道", "省", "市", "州", "区", "县", "旗", "镇", "乡"];

/// True when `rest` (what follows a level word) opens with a body: `委`
/// (`区委`), or a body's word of the lexicon (`人民政府`, `党委`,
/// `市场监管局`).
fn opens_with_body(lex: &Lexicon, rest: &str) -> bool {
    if rest.starts_with('委') {
        return true;
    }
    rest.char_indices()
        .skip(1)
        .map(|(b, _)| b)
        .chain(std::iter::once(rest.len()))
        .any(|end| {
            lex.any(&rest[..end], |c| {
                matches!(c, LexClass::OrgSuffix | LexClass::TitleOrg | LexClass::Org)
            })
        })
}

/// True when a division `name` of `level` fits the level word `w` written
/// before a body (`区` in `区委` fits a district, `市` a city or a
/// county-level city).
fn fits_level_word(w: &str, name: &str, level: Level) -> bool {
    if !name.ends_with(w) {
        return false;
    }
    match w {
        "省" => level == Level::Province,
        "市" => matches!(level, Level::Province | Level::City | Level::County),
        "州" => level == Level::City,
        "区" | "县" | "旗" => level == Level::County,
        "镇" | "乡" | "街道" => level == Level::Town,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Certainty, Context};

    fn lex() -> &'static Lexicon {
        super::super::embedded_lexicon()
    }

    fn ent(id: &str, kind: EntityKind, start: usize, text: &str) -> Entity {
        Entity {
            id: id.into(),
            kind,
            start,
            end: start + text.chars().count(),
            text: text.into(),
            nested: false,
            rule: None,
            value: None,
        }
    }

    fn leads(head: &str, org: &str, title: Option<&str>) -> Relation {
        Relation::Leads {
            head: head.into(),
            head_text: None,
            org: org.into(),
            role: "书记".into(),
            title: title.map(str::to_string),
            evidence: [0, 1],
            rule: None,
        }
    }

    fn doc(entities: Vec<Entity>, relations: Vec<Relation>, context: Option<Context>) -> Document {
        Document {
            id: "d".into(),
            text: None,
            entities,
            relations,
            context,
            rejected: Vec::new(),
        }
    }

    fn shigou() -> Context {
        Context {
            province: Some("云南省".into()),
            city: Some("保山市".into()),
            county: Some("施甸县".into()),
            certainty: Some(Certainty::High),
            ..Context::default()
        }
    }

    fn id_of(r: &Resolver<'_>, kind: NodeKind, e: &Entity) -> String {
        r.entity(kind, e).unwrap().id.to_string()
    }

    #[test]
    fn a_person_is_keyed_by_the_place_of_their_post() {
        let d = doc(
            vec![
                ent("t", EntityKind::Title, 0, "海门县县长"),
                ent("p", EntityKind::Person, 5, "王伟"),
            ],
            // The body as the relation resolved it, malformed (issue 9):
            // the title says the place.
            vec![leads("p", "东风镇海门县", Some("t"))],
            None,
        );
        let r = Resolver::new(lex(), &d);
        assert_eq!(
            id_of(&r, NodeKind::Person, &d.entities[1]),
            "person:王伟@海门县"
        );
    }

    #[test]
    fn without_a_post_the_context_places_a_person() {
        let p = ent("p", EntityKind::Person, 0, "王伟");
        let d = doc(vec![p.clone()], vec![], Some(shigou()));
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Person, &p),
            "person:王伟@施甸县"
        );
        let d = doc(vec![p.clone()], vec![], None);
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Person, &p),
            "person:王伟"
        );
        let low = Context {
            certainty: Some(Certainty::Low),
            ..shigou()
        };
        let d = doc(vec![p.clone()], vec![], Some(low));
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Person, &p),
            "person:王伟"
        );
    }

    #[test]
    fn a_national_figure_is_keyed_nationally_unless_a_local_post_says_otherwise() {
        let xi = ent("p", EntityKind::Person, 0, "习近平");
        let d = doc(
            vec![xi.clone()],
            vec![leads("p", "中共中央", None)],
            Some(shigou()),
        );
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Person, &xi),
            "person:习近平@全国"
        );
        let d = doc(vec![xi.clone()], vec![leads("p", "七宝镇党委", None)], None);
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Person, &xi),
            "person:习近平@七宝镇"
        );
    }

    #[test]
    fn one_name_in_two_places_of_one_document_is_two_persons() {
        let d = doc(
            vec![
                ent("a", EntityKind::Person, 0, "王伟"),
                ent("b", EntityKind::Person, 10, "王伟"),
                ent("c", EntityKind::Person, 20, "王伟"),
                ent("d", EntityKind::Person, 30, "王伟"),
            ],
            vec![
                leads("a", "青山区委", None),
                leads("c", "海门县人民政府", None),
                leads("d", "上海市闵行区委", None),
            ],
            None,
        );
        let r = Resolver::new(lex(), &d);
        let ids: Vec<String> = d
            .entities
            .iter()
            .map(|e| id_of(&r, NodeKind::Person, e))
            .collect();
        assert_eq!(
            ids,
            [
                "person:王伟@青山区",
                "person:王伟@青山区",
                "person:王伟@海门县",
                "person:王伟@闵行区"
            ]
        );
        // Posts one inside the other are one person, at the most specific.
        let d = doc(
            vec![
                ent("a", EntityKind::Person, 0, "王伟"),
                ent("b", EntityKind::Person, 10, "王伟"),
            ],
            vec![leads("a", "闵行区委", None), leads("b", "七宝镇党委", None)],
            None,
        );
        let r = Resolver::new(lex(), &d);
        for e in &d.entities {
            assert_eq!(id_of(&r, NodeKind::Person, e), "person:王伟@七宝镇");
        }
    }

    #[test]
    fn bodies_without_a_place_take_the_contexts() {
        let d = doc(vec![], vec![], Some(shigou()));
        let r = Resolver::new(lex(), &d);
        let name = |t: &str| r.org(t).unwrap().id.to_string();
        assert_eq!(name("县人民政府"), "org:施甸县人民政府");
        assert_eq!(name("县政府"), "org:施甸县人民政府");
        assert_eq!(name("县委宣传部"), "org:施甸县委宣传部");
        assert_eq!(name("市委"), "org:保山市委");
        assert_eq!(name("省委"), "org:云南省委");
        // No town in the context; 市场监管局 is no 市 body.
        assert_eq!(name("镇党委"), "org:镇党委");
        assert_eq!(name("市场监管局"), "org:市场监管局");
        let none = doc(vec![], vec![], None);
        let r = Resolver::new(lex(), &none);
        assert_eq!(
            r.org("县人民政府").unwrap().id.to_string(),
            "org:县人民政府"
        );
    }

    #[test]
    fn a_body_of_a_shared_place_name_is_written_with_its_parents() {
        let wuhan = Context {
            city: Some("武汉市".into()),
            county: Some("青山区".into()),
            certainty: Some(Certainty::High),
            ..Context::default()
        };
        let d = doc(vec![], vec![], Some(wuhan));
        let r = Resolver::new(lex(), &d);
        assert_eq!(r.org("区委").unwrap().id.to_string(), "org:武汉市青山区委");
        assert_eq!(
            r.org("青山区委").unwrap().id.to_string(),
            "org:武汉市青山区委"
        );
        let r = Resolver::new(lex(), &doc(vec![], vec![], None));
        assert_eq!(r.org("青山区委").unwrap().id.to_string(), "org:青山区委");
        assert_eq!(
            r.org("湖北省武汉市青山区委").unwrap().id.to_string(),
            "org:武汉市青山区委"
        );
        assert_eq!(
            r.org("上海市闵行区七宝镇政府").unwrap().id.to_string(),
            "org:七宝镇人民政府"
        );
    }

    #[test]
    fn a_shared_place_name_is_keyed_by_its_parent_where_the_document_says() {
        let town = ent("e", EntityKind::Place, 0, "城关镇");
        let d = doc(vec![town.clone()], vec![], Some(shigou()));
        let r = Resolver::new(lex(), &d);
        let res = r.entity(NodeKind::Place, &town).unwrap();
        assert_eq!(res.id.to_string(), "place:城关镇@施甸县");
        assert_eq!(res.parents.unwrap(), ["云南省", "保山市", "施甸县"]);
        let d = doc(vec![town.clone()], vec![], None);
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Place, &town),
            "place:城关镇"
        );
        let glued = ent("e", EntityKind::Place, 0, "施甸县城关镇");
        let d = doc(vec![glued.clone()], vec![], None);
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Place, &glued),
            "place:城关镇@施甸县"
        );
        // A name the lexicon ties to one place is never keyed.
        let qibao = ent("e", EntityKind::Place, 0, "七宝镇");
        let d = doc(vec![qibao.clone()], vec![], Some(shigou()));
        assert_eq!(
            id_of(&Resolver::new(lex(), &d), NodeKind::Place, &qibao),
            "place:七宝镇"
        );
    }
}
