//! The owner of a project named by its capacity. In a visit list, an item
//! written as a name, then the project's capacity, then its product
//! (`某某年产300吨碳纤维项目`, `某某2000吨/日玻璃项目`, `某某10万锭纺纱项目`)
//! visits the name: a company's short name (a place where the project
//! stands is left to the place rules). The capacity and the product are no
//! part of it.

use super::company::region_at;
use super::site::{made_of_name_words, plain};
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_cjk};

/// The shortest owner, in chars.
const MIN_OWNER: usize = 2;
/// The longest owner (a region and a brand), in chars.
const MAX_OWNER: usize = 8;

/// The units a capacity written in digits is counted in (`吨`, `万锭`,
/// `兆瓦`, `台套`): a closed set of measure characters, read per character
/// after the digits (one-character words stay out of the automaton, as
/// `dictionaries/README.md` says).
static UNITS: LazyCharSet = LazyCharSet::new("吨锭台套辆头只件瓦");

/// The multipliers a number may carry before its unit (`10万锭`).
static MULTIPLIERS: LazyCharSet = LazyCharSet::new("十百千万亿兆");

/// The owner named at the start of a visit-list `item`, if the item goes
/// on with a capacity.
pub(crate) fn owner(scan: &Scan<'_>, item: Span) -> Option<Mention> {
    let at = capacity_start(scan, item)?;
    let owner = Span::new(item.start, at);
    let name = &scan.text[owner.range()];
    let n = name.chars().count();
    if !(MIN_OWNER..=MAX_OWNER).contains(&n) || !name.chars().all(is_cjk) {
        return None;
    }
    // A place where the project stands (`某县70兆瓦光伏项目`) is found by the
    // place rules already: no company.
    if scan.lex.any(name, |c| c.is_place()) {
        return None;
    }
    // A company's short name, with the region it is registered in or
    // without (`某省某某`).
    let brand = region_at(scan, owner.start)
        .filter(|&end| end < owner.end)
        .map_or(owner, |end| Span::new(end, owner.end));
    let brand_chars = scan.text[brand.range()].chars().count();
    (brand_chars >= MIN_OWNER && plain(scan, brand) && made_of_name_words(scan, brand))
        .then(|| Mention::new(owner, EntityKind::Org, Rule::OrgProjectOwner))
}

/// Where a capacity starts inside `item`, after a name of two characters
/// at least: a capacity word (`年产`), or digits with a unit (`300吨`,
/// `10万锭`, `70兆瓦`).
fn capacity_start(scan: &Scan<'_>, item: Span) -> Option<usize> {
    if let Some(at) = capacity_word(scan, item) {
        return Some(at);
    }
    let text = &scan.text[item.range()];
    // Full-width digits are folded to ASCII before recognition.
    let (at, c) = text.char_indices().find(|&(_, c)| !is_cjk(c))?;
    (c.is_ascii_digit() && counted_in_units(&text[at..])).then_some(item.start + at)
}

/// The first capacity word inside `item` that has a name before it.
fn capacity_word(scan: &Scan<'_>, item: Span) -> Option<usize> {
    scan.hits_within(item)
        .find(|h| {
            h.span().start > item.start && scan.hit_is(h, LexClass::Grammar(Grammar::Capacity))
        })
        .map(|h| h.span().start)
}

/// True when `rest` opens with a number counted in a unit of output.
fn counted_in_units(rest: &str) -> bool {
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let after = after.trim_start_matches(|c| MULTIPLIERS.contains(c));
    after.chars().next().is_some_and(|c| UNITS.contains(c))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::{Org, Place};

    #[test]
    fn the_company_before_a_capacity_is_the_site() {
        let t = "王明一行先后前往禾泰年产300吨碳纤维项目、江苏恒瑞2000吨/日玻璃项目、\
                 浙江盛安年产5万吨纸浆项目等企业建设现场。";
        assert_eq!(spans(t, Org), ["禾泰", "江苏恒瑞", "浙江盛安"]);
    }

    #[test]
    fn a_place_before_a_capacity_is_a_place() {
        let t = "调研组先后来到东平70兆瓦光伏农业综合体、禾泰10万锭纺纱项目。";
        assert!(spans(t, Place).contains(&"东平".to_string()));
        assert!(spans(t, Org).contains(&"禾泰".to_string()));
    }

    #[test]
    fn a_verb_before_a_capacity_is_no_owner() {
        let t = "调研组先后来到新建年产300吨碳纤维项目、扩建10万锭纺纱项目。";
        assert!(spans(t, Org).is_empty());
    }
}
