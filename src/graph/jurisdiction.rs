//! Where things are: the divisions a name opens with, and a division placed
//! in the hierarchy as far as the lexicon and the document say.
//!
//! A division's name does not always say which place it is: `青山区` is a
//! district of 武汉市 and one of 包头市, and `城关镇` is a town in hundreds
//! of counties. [`Hints::locate`] gives a division its chain of enclosing
//! places when the lexicon has only one, or when the document tells which
//! one (the divisions written before it, the article's context, the places
//! the document names), and leaves it unplaced otherwise.

use super::normalize_name;
use super::placename::{canonical_alone, parent_chains};
use crate::document::{Certainty, Document};
use crate::lexicon::{Level, LexClass, Lexicon, PARTY_PREFIX, is_zone, longest_division_at};
use crate::text::CodePoints;
use hashbrown::HashSet;

/// The longest division name looked up, in characters.
const MAX_DIVISION_CHARS: usize = 16;

/// The longest division name the lexicon does not know that is accepted
/// before a body (`海门县` in `海门县县长`), in characters.
const MAX_UNKNOWN_CHARS: usize = 10;

/// The characters a division's name ends with when the lexicon does not
/// know it (besides `街道`).
const LEVEL_CHARS: [char; 8] = ['省', '市', '州', '区', '县', '旗', '镇', '乡'];

/// The divisions an organisation's or a post's name opens with, in the
/// order written (`云南省保山市施甸县委` → `云南省`, `保山市`, `施甸县`;
/// `中共七宝镇委员会` → `七宝镇`).
///
/// A division is a name the lexicon knows as one (the longest that fits,
/// villages included, countries not), or a name it does not know, of three
/// to ten Chinese characters ending in a level character (`县`, `区`, `市`,
/// `镇`, `乡`, `街道` …), when a division, a body or a post follows it
/// (`海门县` in `海门县县长`). Names such as `区委` or `县人民政府` open with
/// none.
///
/// ```
/// let lex = govkg::Lexicon::embedded();
/// use govkg::graph::divisions_in_name;
/// assert_eq!(divisions_in_name(&lex, "上海市闵行区七宝镇人民政府"), ["上海市", "闵行区", "七宝镇"]);
/// assert_eq!(divisions_in_name(&lex, "海门县县长"), ["海门县"]);
/// assert!(divisions_in_name(&lex, "县人民政府").is_empty());
/// assert!(divisions_in_name(&lex, "市场监管局").is_empty());
/// ```
pub fn divisions_in_name(lex: &Lexicon, name: &str) -> Vec<String> {
    let text = name.strip_prefix(PARTY_PREFIX).unwrap_or(name);
    let cps = CodePoints::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cps.len() {
        let Some(j) = known_division_at(lex, text, &cps, i)
            .or_else(|| unknown_division_at(lex, text, &cps, i))
        else {
            break;
        };
        out.push(text[cps.byte(i)..cps.byte(j)].to_string());
        i = j;
    }
    out
}

/// The end (a char index) of the longest division the lexicon knows that
/// starts at char `i`.
fn known_division_at(lex: &Lexicon, text: &str, cps: &CodePoints, i: usize) -> Option<usize> {
    longest_division_at(text, cps, i, MAX_DIVISION_CHARS, |w| {
        is_division(lex, w).then_some(())
    })
    .map(|((), j)| j)
}

/// The end of the shortest name the lexicon does not know that reads as a
/// division starting at char `i`: three to [`MAX_UNKNOWN_CHARS`] Chinese
/// characters ending in a level character, followed by a division, a body
/// or a post, and not a zone (`高新区`: a place suffix of two characters
/// or more ends it).
fn unknown_division_at(lex: &Lexicon, text: &str, cps: &CodePoints, i: usize) -> Option<usize> {
    let last = cps.len().saturating_sub(1).min(i + MAX_UNKNOWN_CHARS);
    (i + 3..=last).find(|&j| {
        let cand = &text[cps.byte(i)..cps.byte(j)];
        (cand.ends_with("街道") || cand.ends_with(LEVEL_CHARS))
            && cand.chars().all(crate::text::is_cjk)
            && !is_zone(lex, cand)
            && (known_division_at(lex, text, cps, j).is_some()
                || opens_with_body(lex, &text[cps.byte(j)..]))
    })
}

/// True when `rest` opens with a body or a post: `委`, a body's or a post's
/// word of the lexicon (`人民政府`, `党委`, `县长`, `书记`).
fn opens_with_body(lex: &Lexicon, rest: &str) -> bool {
    if rest.starts_with('委') {
        return true;
    }
    rest.char_indices()
        .skip(1)
        .map(|(b, _)| b)
        .chain(std::iter::once(rest.len()))
        .take(MAX_DIVISION_CHARS)
        .any(|end| {
            lex.any(&rest[..end], |c| {
                matches!(
                    c,
                    LexClass::OrgSuffix | LexClass::TitleRole | LexClass::TitleOrg
                )
            })
        })
}

/// True when the lexicon knows `name` as a division below the country.
fn is_division(lex: &Lexicon, name: &str) -> bool {
    lex.any(
        name,
        |c| matches!(c, LexClass::Division(l) if l != Level::Country),
    )
}

/// The level of a division the lexicon knows (the highest, when it knows
/// the name at several).
pub(super) fn division_level(lex: &Lexicon, name: &str) -> Option<Level> {
    lex.division_levels(name).min()
}

/// True when the lexicon gives `name` several parent chains, or marks it
/// `*` (too many to list): the name alone does not say which place it is.
pub(super) fn is_ambiguous(lex: &Lexicon, name: &str) -> bool {
    let (chains, star) = parent_chains(lex, name);
    star || chains.len() > 1
}

/// A place and the places it lies in, as far as known: `chain` runs from
/// the top down and ends with the place itself.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct PlaceRef {
    chain: Vec<String>,
    /// How many of the last names of `chain` its written form glues: one
    /// for a name that says which place it is (`七宝镇`), more for one that
    /// needs its parents (`武汉市青山区`).
    shown: usize,
}

impl PlaceRef {
    /// The place at the end of `chain` (top down, never empty), written
    /// with as many of its parents as it takes to reach one whose name the
    /// lexicon ties to one place.
    pub(super) fn new(lex: &Lexicon, chain: Vec<String>) -> Self {
        let n = chain.len();
        let shown = if n == 0 || !is_ambiguous(lex, &chain[n - 1]) {
            1
        } else {
            (0..n - 1)
                .rev()
                .find(|&j| !is_ambiguous(lex, &chain[j]))
                .map_or(n, |j| n - j)
        };
        PlaceRef {
            chain,
            shown: shown.min(n).max(1),
        }
    }

    /// A place from its stored parts; `None` when they do not fit (an empty
    /// chain, or `shown` past it).
    pub(super) fn from_parts(chain: Vec<String>, shown: usize) -> Option<Self> {
        (!chain.is_empty() && (1..=chain.len()).contains(&shown))
            .then_some(PlaceRef { chain, shown })
    }

    /// The chain, top down, the place last.
    pub(super) fn chain(&self) -> &[String] {
        &self.chain
    }

    /// How many of the last names of the chain the written form glues.
    pub(super) fn shown(&self) -> usize {
        self.shown
    }

    /// The place's own name.
    pub(super) fn name(&self) -> &str {
        self.chain.last().map_or("", String::as_str)
    }

    /// The written form: the place with the parents it needs
    /// (`七宝镇`, `武汉市青山区`, `施甸县城关镇`).
    pub(super) fn written(&self) -> String {
        self.chain[self.chain.len() - self.shown..].concat()
    }

    /// The written form of the parents the place needs (`武汉市` of
    /// `武汉市青山区`); none for a place whose name says which it is.
    pub(super) fn parent_written(&self) -> Option<String> {
        let n = self.chain.len();
        (self.shown > 1).then(|| self.chain[n - self.shown..n - 1].concat())
    }

    /// The place's node key: its name, or `name@parents` when it needs
    /// them (`青山区@武汉市`).
    pub(super) fn key(&self) -> String {
        match self.parent_written() {
            Some(p) => format!("{}@{p}", self.name()),
            None => self.name().to_string(),
        }
    }

    /// True when `self` is `other` or lies inside it: every place `other`
    /// is known to lie in (itself included) is one `self` lies in.
    pub(super) fn within(&self, other: &PlaceRef) -> bool {
        other.chain.iter().all(|p| self.chain.contains(p))
    }
}

/// The node keys of a parent chain: each name, keyed by its own parents
/// when the lexicon does not tie it to one place (`["湖北省", "武汉市",
/// "青山区"]` → `["湖北省", "武汉市", "青山区@武汉市"]`).
pub(super) fn keyed_chain(lex: &Lexicon, chain: &[String]) -> Vec<String> {
    (0..chain.len())
        .map(|i| PlaceRef::new(lex, chain[..=i].to_vec()).key())
        .collect()
}

/// What a document says about where things are: its article context (when
/// it is sure enough to use) and the places it names.
pub(super) struct Hints {
    /// The context's divisions, top down, with their levels.
    context: Vec<(String, Level)>,
    /// The places the document names, and the context's.
    named: HashSet<String>,
}

impl Hints {
    /// The hints of `doc`, whose places `named` are already collected
    /// (normalised).
    ///
    /// The context is used unless its certainty is `low` (a place named in
    /// passing only).
    pub(super) fn new(lex: &Lexicon, doc: &Document, named: &HashSet<String>) -> Self {
        let mut context = Vec::new();
        if let Some(c) = &doc.context
            && c.certainty != Some(Certainty::Low)
        {
            for (field, level) in [
                (&c.province, Level::Province),
                (&c.city, Level::City),
                (&c.county, Level::County),
                (&c.town, Level::Town),
            ] {
                if let Some(f) = field.as_deref() {
                    let n = canonical_alone(lex, &normalize_name(f));
                    if !n.is_empty() {
                        context.push((n, level));
                    }
                }
            }
        }
        let mut all: HashSet<String> = named
            .iter()
            .flat_map(|n| [canonical_alone(lex, n), n.clone()])
            .collect();
        all.extend(context.iter().map(|(n, _)| n.clone()));
        Hints {
            context,
            named: all,
        }
    }

    /// The context's divisions, top down, with their levels.
    pub(super) fn context(&self) -> &[(String, Level)] {
        &self.context
    }

    /// The most specific division of the context, placed.
    pub(super) fn context_place(&self, lex: &Lexicon) -> Option<PlaceRef> {
        let (last, above) = self.context.split_last()?;
        let above: Vec<String> = above.iter().map(|(n, _)| n.clone()).collect();
        Some(self.locate(lex, &last.0, &above))
    }

    /// The division `name` placed: by the lexicon when it has one chain for
    /// it; else by the chain holding the most of the divisions written
    /// before it (`above`, top down), the context's and the document's
    /// places, if exactly one does; else below what is written before it;
    /// else, for a name the lexicon marks `*` (`城关镇`), below the
    /// context's division above its level. A name the lexicon does not know
    /// lies below what is written before it, if anything is. Otherwise the
    /// place is unplaced: its chain is its name alone.
    pub(super) fn locate(&self, lex: &Lexicon, name: &str, above: &[String]) -> PlaceRef {
        let known = lex.any(name, |c| {
            matches!(c, LexClass::Division(_) | LexClass::Site)
        });
        let (chains, star) = parent_chains(lex, name);
        let written_parent = || {
            above
                .split_last()
                .map(|(p, rest)| self.locate(lex, p, rest).chain)
        };
        let parent: Option<Vec<String>> = if !known {
            written_parent()
        } else if !star && chains.len() <= 1 {
            Some(chains.into_iter().next().unwrap_or_default())
        } else {
            let said = |p: &String| above.contains(p) || self.named.contains(p);
            let score = |c: &Vec<String>| c.iter().filter(|p| said(p)).count();
            let best = chains.iter().map(score).max().unwrap_or(0);
            let mut winners = chains.iter().filter(|c| score(c) == best);
            match (best, winners.next(), winners.next()) {
                (1.., Some(c), None) => Some(c.clone()),
                _ => written_parent().or_else(|| {
                    if star {
                        self.context_above(lex, name)
                    } else {
                        None
                    }
                }),
            }
        };
        match parent {
            Some(mut chain) => {
                chain.retain(|p| p != name);
                chain.push(name.to_string());
                PlaceRef::new(lex, chain)
            }
            None => PlaceRef::new(lex, vec![name.to_string()]),
        }
    }

    /// The chain down to the context's most specific division above the
    /// level of `name` (the county of a town), if the context has one.
    fn context_above(&self, lex: &Lexicon, name: &str) -> Option<Vec<String>> {
        let level = division_level(lex, name)?;
        let at = self.context.iter().rposition(|(_, l)| *l < level)?;
        let above: Vec<String> = self.context[..at].iter().map(|(n, _)| n.clone()).collect();
        Some(self.locate(lex, &self.context[at].0, &above).chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Context;

    fn lex() -> &'static Lexicon {
        super::super::embedded_lexicon()
    }

    fn doc_in(context: Option<Context>, places: &[&str]) -> (Document, HashSet<String>) {
        let d = Document {
            id: "d".into(),
            text: None,
            entities: Vec::new(),
            relations: Vec::new(),
            context,
            rejected: Vec::new(),
        };
        (d, places.iter().map(|p| p.to_string()).collect())
    }

    fn hints(context: Option<Context>, places: &[&str]) -> Hints {
        let (d, named) = doc_in(context, places);
        Hints::new(lex(), &d, &named)
    }

    fn chain(p: &PlaceRef) -> String {
        p.chain().join("/")
    }

    #[test]
    fn divisions_open_names() {
        let l = lex();
        assert_eq!(
            divisions_in_name(l, "云南省保山市施甸县委"),
            ["云南省", "保山市", "施甸县"]
        );
        assert_eq!(divisions_in_name(l, "中共七宝镇委员会"), ["七宝镇"]);
        assert_eq!(
            divisions_in_name(l, "海门县东风镇人民政府"),
            ["海门县", "东风镇"]
        );
        assert_eq!(divisions_in_name(l, "通道县人大常委会"), ["通道县"]);
        for none in [
            "区委",
            "县人民政府",
            "市场监管局",
            "高新区党工委",
            "镇党委书记",
            "",
        ] {
            assert!(divisions_in_name(l, none).is_empty(), "{none}");
        }
    }

    #[test]
    fn places_are_written_with_the_parents_they_need() {
        let l = lex();
        let qibao = PlaceRef::new(l, vec!["上海市".into(), "闵行区".into(), "七宝镇".into()]);
        assert_eq!(qibao.written(), "七宝镇");
        assert_eq!(qibao.key(), "七宝镇");
        let qingshan = PlaceRef::new(l, vec!["湖北省".into(), "武汉市".into(), "青山区".into()]);
        assert_eq!(qingshan.written(), "武汉市青山区");
        assert_eq!(qingshan.key(), "青山区@武汉市");
        assert!(qibao.within(&PlaceRef::new(l, vec!["上海市".into(), "闵行区".into()])));
        assert!(!qingshan.within(&qibao));
        assert_eq!(
            keyed_chain(l, &["湖北省".into(), "武汉市".into(), "青山区".into()]),
            ["湖北省", "武汉市", "青山区@武汉市"]
        );
    }

    #[test]
    fn the_lexicon_places_a_name_it_ties_to_one_place() {
        let h = hints(None, &[]);
        assert_eq!(
            chain(&h.locate(lex(), "七宝镇", &[])),
            "上海市/闵行区/七宝镇"
        );
        // 青山区: 武汉市 or 包头市, and nothing says which.
        assert_eq!(chain(&h.locate(lex(), "青山区", &[])), "青山区");
        // A name the lexicon does not know stays alone, or below what is
        // written before it.
        assert_eq!(chain(&h.locate(lex(), "海门县", &[])), "海门县");
        assert_eq!(
            chain(&h.locate(lex(), "海门县", &["江苏省".into()])),
            "江苏省/海门县"
        );
    }

    #[test]
    fn the_document_says_which_place_a_shared_name_is() {
        let ctx = Context {
            province: Some("湖北省".into()),
            city: Some("武汉市".into()),
            certainty: Some(Certainty::High),
            ..Context::default()
        };
        let h = hints(Some(ctx.clone()), &[]);
        assert_eq!(
            chain(&h.locate(lex(), "青山区", &[])),
            "湖北省/武汉市/青山区"
        );
        // Named in the document, or written before it.
        let h = hints(None, &["包头市"]);
        assert_eq!(
            chain(&h.locate(lex(), "青山区", &[])),
            "内蒙古自治区/包头市/青山区"
        );
        let h = hints(None, &[]);
        assert_eq!(
            chain(&h.locate(lex(), "青山区", &["武汉市".into()])),
            "湖北省/武汉市/青山区"
        );
        // A context named in passing is not used.
        let low = Context {
            certainty: Some(Certainty::Low),
            ..ctx
        };
        assert_eq!(
            chain(&hints(Some(low), &[]).locate(lex(), "青山区", &[])),
            "青山区"
        );
    }

    #[test]
    fn a_name_in_countless_counties_lies_in_the_contexts_county() {
        let ctx = Context {
            province: Some("云南省".into()),
            city: Some("保山市".into()),
            county: Some("施甸县".into()),
            certainty: Some(Certainty::High),
            ..Context::default()
        };
        let h = hints(Some(ctx), &[]);
        let p = h.locate(lex(), "城关镇", &[]);
        assert_eq!(chain(&p), "云南省/保山市/施甸县/城关镇");
        assert_eq!(p.key(), "城关镇@施甸县");
        assert_eq!(p.written(), "施甸县城关镇");
        assert_eq!(
            chain(&hints(None, &[]).locate(lex(), "城关镇", &[])),
            "城关镇"
        );
        assert_eq!(
            chain(&h.context_place(lex()).unwrap()),
            "云南省/保山市/施甸县"
        );
    }
}
