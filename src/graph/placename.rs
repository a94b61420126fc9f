//! Place names: which node a place written in a document joins, and the
//! lexicon's hierarchy of places (parent chains, glued chains).

use super::normalize_name;
use crate::document::{Certainty, Document};
use crate::lexicon::{LexClass, Lexicon};
use crate::span::EntityKind;
use hashbrown::HashSet;
use std::collections::BTreeSet;

/// The place names of one document and how each joins a node.
pub(super) struct PlaceNames<'l> {
    lex: &'l Lexicon,
    /// Every place the document names (nested spans and the last division
    /// of glued chains included), normalised.
    named: HashSet<String>,
    /// The places of the article context, unless it is unsure
    /// (`certainty: low`), normalised.
    context: HashSet<String>,
}

impl<'l> PlaceNames<'l> {
    /// The place names of `doc`.
    pub(super) fn new(lex: &'l Lexicon, doc: &Document) -> Self {
        let mut named: HashSet<String> = HashSet::new();
        for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Place) {
            let n = normalize_name(&e.text);
            if let Some(last) = glued_chain(lex, &n) {
                named.insert(last);
            }
            named.insert(n);
        }
        let context = doc
            .context
            .iter()
            .filter(|c| c.certainty != Some(Certainty::Low))
            .flat_map(|c| [&c.province, &c.city, &c.county, &c.town])
            .filter_map(|f| f.as_deref().map(normalize_name))
            .collect();
        PlaceNames {
            lex,
            named,
            context,
        }
    }

    /// Every place the document names, normalised.
    pub(super) fn named(&self) -> &HashSet<String> {
        &self.named
    }

    /// The node name of a place written `written` (normalised):
    ///
    /// - a name the lexicon knows as a place is itself;
    /// - a short form (`七宝`) becomes a full name: of the possible full
    ///   names the document names, or, when it names none, of those in the
    ///   article context's places, or else of all the lexicon's, the only
    ///   one, or else the one that encloses all the others (`七宝镇` over
    ///   `七宝村`, which lies in it);
    /// - a chain of divisions glued together (`闵行区七宝镇`) becomes its last
    ///   division when the lexicon's parent chain of that division holds the
    ///   others, in order;
    /// - anything else is itself (`栖霞`: 栖霞区 of Nanjing or 栖霞市 of
    ///   Yantai, and the document names neither or both).
    pub(super) fn canonical(&self, written: &str) -> String {
        if is_full_place(self.lex, written) {
            return written.to_string();
        }
        let fulls: BTreeSet<&str> = short_form_fulls(self.lex, written);
        if !fulls.is_empty() {
            let in_doc: BTreeSet<&str> = fulls
                .iter()
                .copied()
                .filter(|f| self.named.contains(*f))
                .collect();
            let in_context: BTreeSet<&str> = fulls
                .iter()
                .copied()
                .filter(|f| {
                    self.context.contains(*f)
                        || parent_chains(self.lex, f)
                            .0
                            .iter()
                            .any(|c| c.iter().any(|p| self.context.contains(p)))
                })
                .collect();
            let pool = [&in_doc, &in_context]
                .into_iter()
                .find(|p| !p.is_empty())
                .unwrap_or(&fulls);
            return one_of(self.lex, pool).unwrap_or(written).to_string();
        }
        glued_chain(self.lex, written).unwrap_or_else(|| written.to_string())
    }
}

/// The node name of a place written `written` (normalised) in no
/// particular document: the lexicon alone decides (see
/// [`PlaceNames::canonical`]).
pub(super) fn canonical_alone(lex: &Lexicon, written: &str) -> String {
    PlaceNames {
        lex,
        named: HashSet::new(),
        context: HashSet::new(),
    }
    .canonical(written)
}

/// The full names the lexicon gives a place's short form (`七宝` →
/// `七宝镇`, `七宝村`).
pub(super) fn short_form_fulls<'l>(lex: &'l Lexicon, short: &str) -> BTreeSet<&'l str> {
    lex.lookup(short)
        .filter(|e| e.class == LexClass::PlaceShort)
        .filter_map(|e| e.full.as_deref())
        .collect()
}

/// The one name `names` stand for: the only one, or the one every other
/// lies in by the lexicon's parent chains.
fn one_of<'n>(lex: &Lexicon, names: &BTreeSet<&'n str>) -> Option<&'n str> {
    if names.len() == 1 {
        return names.first().copied();
    }
    let encloses_all = |outer: &str| {
        names.iter().filter(|&&n| n != outer).all(|inner| {
            parent_chains(lex, inner)
                .0
                .iter()
                .any(|chain| chain.iter().any(|p| p == outer))
        })
    };
    let mut enclosing = names.iter().copied().filter(|n| encloses_all(n));
    let first = enclosing.next()?;
    enclosing.next().is_none().then_some(first)
}

/// True when the lexicon knows `name` as a place in its own right (a
/// division or a site, not a short form).
fn is_full_place(lex: &Lexicon, name: &str) -> bool {
    lex.any(name, |c| {
        matches!(c, LexClass::Division(_) | LexClass::Site)
    })
}

/// The lexicon's parent chains of a place (each from the top down), and
/// whether it marks them as too ambiguous to list (`parent=*`).
pub(super) fn parent_chains(lex: &Lexicon, name: &str) -> (BTreeSet<Vec<String>>, bool) {
    let mut chains = BTreeSet::new();
    let mut ambiguous = false;
    for e in lex
        .lookup(name)
        .filter(|e| matches!(e.class, LexClass::Division(_) | LexClass::Site))
    {
        let Some(p) = e.parent.as_deref() else {
            continue;
        };
        for alt in p.split('|') {
            let alt = alt.trim();
            if alt == "*" {
                ambiguous = true;
                continue;
            }
            let chain: Vec<String> = alt
                .split('/')
                .map(normalize_name)
                .filter(|s| !s.is_empty() && s != name)
                .collect();
            if !chain.is_empty() {
                chains.insert(chain);
            }
        }
    }
    (chains, ambiguous)
}

/// The last division of a name made of divisions glued together
/// (`闵行区七宝镇` → `七宝镇`, `施甸县酒房乡` → `酒房乡`), when one of the
/// lexicon's parent chains of that last division holds the others in order.
pub(super) fn glued_chain(lex: &Lexicon, name: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    if chars.len() < 4 {
        return None;
    }
    let bounds: Vec<usize> = chars
        .iter()
        .map(|&(b, _)| b)
        .chain(std::iter::once(name.len()))
        .collect();
    let parts = split_divisions(lex, name, &bounds, 0)?;
    let (last, before) = parts.split_last()?;
    if before.is_empty() {
        return None;
    }
    in_order_above(lex, before, last).then(|| last.to_string())
}

/// True when one of the lexicon's parent chains of `place` holds every
/// name of `above`, in order (`["上海市", "闵行区"]` above `七宝镇`).
pub(super) fn in_order_above(lex: &Lexicon, above: &[&str], place: &str) -> bool {
    let (chains, _) = parent_chains(lex, place);
    chains.iter().any(|chain| is_subsequence(above, chain))
}

/// Splits `name[bounds[i]..]` into division names, longest first.
fn split_divisions<'n>(
    lex: &Lexicon,
    name: &'n str,
    bounds: &[usize],
    i: usize,
) -> Option<Vec<&'n str>> {
    if i + 1 == bounds.len() {
        return Some(Vec::new());
    }
    for j in (i + 2..bounds.len()).rev() {
        let part = &name[bounds[i]..bounds[j]];
        if lex.any(part, |c| matches!(c, LexClass::Division(_)))
            && let Some(mut rest) = split_divisions(lex, name, bounds, j)
        {
            rest.insert(0, part);
            return Some(rest);
        }
    }
    None
}

/// True when every item of `needles` appears in `hay`, in order.
fn is_subsequence(needles: &[&str], hay: &[String]) -> bool {
    let mut it = hay.iter();
    needles.iter().all(|n| it.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        super::super::embedded_lexicon()
    }

    fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
        names.iter().copied().collect()
    }

    #[test]
    fn the_enclosing_name_stands_for_the_short_form() {
        assert_eq!(one_of(lex(), &set(&["七宝镇", "七宝村"])), Some("七宝镇"));
        assert_eq!(one_of(lex(), &set(&["七宝村"])), Some("七宝村"));
        assert_eq!(one_of(lex(), &set(&["栖霞区", "栖霞市"])), None);
    }

    #[test]
    fn glued_names_the_hierarchy_denies_stay_apart() {
        // 七宝镇 is not in 浦东新区.
        assert_eq!(glued_chain(lex(), "浦东新区七宝镇"), None);
        assert_eq!(glued_chain(lex(), "七宝镇"), None);
        assert_eq!(
            glued_chain(lex(), "云南省保山市施甸县").as_deref(),
            Some("施甸县")
        );
    }

    #[test]
    fn parent_chains_read_alternatives() {
        let (c, amb) = parent_chains(lex(), "七宝镇");
        assert_eq!(
            c.into_iter().collect::<Vec<_>>(),
            [vec!["上海市".to_string(), "闵行区".to_string()]]
        );
        assert!(!amb);
        let (c, _) = parent_chains(lex(), "航头镇");
        assert_eq!(c.len(), 2);
        let (c, amb) = parent_chains(lex(), "万安镇");
        assert!(c.is_empty() && amb);
    }
}
