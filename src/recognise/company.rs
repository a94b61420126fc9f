//! Companies named in full: the region they are registered in, a brand, an
//! industry and a legal form (`某省某某新材料有限公司`, `某市某某集团某某化工公司`).
//! The general left edge of a body stops inside such names (at a brand
//! the segmenter reads as a verb or a conjunction, at an adjective such as
//! `新`); here the name runs from the suffix back to where a clause, a
//! grammar word or a trigger word stops it, and counts when a region of
//! the lexicon opens it.

use super::{Mention, Scan};
use crate::lexicon::{Level, LexClass, Trigger};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_clause_break};

/// The longest stretch between the region and the legal form, in chars.
const MAX_BETWEEN: usize = 14;

/// The longest region a company's name opens with, in chars, which the
/// walk left from the legal form may cross besides the stretch.
const MAX_REGION_CHARS: usize = 8;

/// Characters that never stand inside a company's name: particles,
/// prepositions, demonstratives, adverbs (a conjunction may: `和世泰`).
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
static STOPS: LazyCharSet =
    LazyCharSet::new("的了是在对从把被将这那其各该由向着过于为等还也又就都");

/// Companies whose name opens with a region: one per legal-form suffix.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let mut out = Vec::new();
    for hit in scan.hits() {
        // The class's bit first: most hits are no suffix, and their
        // entries need not be read.
        let is_company = scan.hit_is(hit, LexClass::OrgSuffix)
            && scan
                .entries(hit)
                .any(|e| e.class == LexClass::OrgSuffix && e.traits.company);
        if !is_company {
            continue;
        }
        let suffix = hit.span();
        let start = stretch_start(scan, suffix.start);
        if start >= suffix.start {
            continue;
        }
        let Some(start) = name_start(scan, start, suffix.start) else {
            continue;
        };
        out.push(Mention::new(
            Span::new(start, suffix.end),
            EntityKind::Org,
            Rule::OrgCompany,
        ));
    }
    out
}

/// Where a company's name starts in the stretch from `start` to its legal
/// form at `end`: at a region right after a place of a lower level that
/// ends inside the stretch (`某经济开发区` + `某省某某新材料有限公司`: the zone is
/// where the company stands, the province opens its name; `某市某区`
/// narrows one place and is no such split), else at the region opening
/// the stretch when the name after it fits.
fn name_start(scan: &Scan<'_>, start: usize, end: usize) -> Option<usize> {
    // The end of the region at `at` whose name after it fits.
    let fitting_region = |at: usize| {
        region_at(scan, at)
            .filter(|&region| (1..=MAX_BETWEEN).contains(&scan.text[region..end].chars().count()))
    };
    let split = scan
        .hits_within(Span::new(start, end))
        .filter(|h| h.span().end < end && scan.hit_is(h, |c: LexClass| c.is_place()))
        .find_map(|h| {
            let at = h.span().end;
            let region = fitting_region(at).filter(|_| at > start)?;
            super::place::outranks(scan, Span::new(at, region), h.span()).then_some(at)
        });
    split.or_else(|| fitting_region(start).map(|_| start))
}

/// Where the stretch before a legal form at `end` starts: walking left,
/// the first clause break, grammar word, or end of a trigger, cue or post
/// (two characters at least) stops it; so does another company's legal form followed by a
/// conjunction (`甲公司和乙公司`).
fn stretch_start(scan: &Scan<'_>, end: usize) -> usize {
    let mut pos = end;
    for _ in 0..(MAX_BETWEEN + MAX_REGION_CHARS) {
        let Some(c) = scan.char_before(pos) else {
            return pos;
        };
        if is_clause_break(c) && !matches!(c, '(' | ')' | '（' | '）') || STOPS.contains(c) {
            return pos;
        }
        // A word of two characters or more: one-character cues are grammar
        // words, some of them inside brands (`和`).
        let stop = scan.hits_ending_at(pos).any(|h| {
            h.span().start + c.len_utf8() < pos
                && !brand_after_region(scan, h)
                && (scan.hit_is(h, |k| {
                    matches!(
                        k,
                        LexClass::NameCue | LexClass::TitleRole | LexClass::Trigger(_)
                    ) && k != LexClass::Trigger(Trigger::Industry)
                }) && !scan.hit_is(h, |k: LexClass| k.is_place())
                    // A government or a party committee ends its own name.
                    || scan
                        .entries(h)
                        .any(|e| e.class == LexClass::OrgSuffix && e.traits.governing))
        });
        if stop {
            return pos;
        }
        if crate::lexicon::is_conjunction(c)
            && scan.hits_ending_at(pos - c.len_utf8()).any(|h| {
                scan.entries(h)
                    .any(|e| e.class == LexClass::OrgSuffix && e.traits.company)
            })
        {
            return pos;
        }
        pos -= c.len_utf8();
    }
    pos
}

/// `河南` + `标兵` + `新材料有限公司`: a noun for people right after a region
/// is the company's brand, which may be any word, not a person's honour
/// that ends the stretch.
fn brand_after_region(scan: &Scan<'_>, h: &crate::matcher::Hit) -> bool {
    scan.hit_is(h, LexClass::Trigger(Trigger::Honour))
        && scan.hits_ending_at(h.span().start).any(|r| {
            r.span().len() >= super::TWO_CHARS_BYTES
                && region_at(scan, r.span().start) == Some(h.span().start)
        })
}

/// The end of a region (a province, city or county, or the short form of
/// one) starting at `pos`, the longest there.
pub(crate) fn region_at(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    scan.hits_at(pos)
        .iter()
        .find(|h| {
            h.span().len() >= super::TWO_CHARS_BYTES
                && scan.entries(h).any(|e| match e.class {
                    LexClass::Division(l) => (Level::Province..=Level::County).contains(&l),
                    LexClass::PlaceShort => e
                        .full
                        .as_deref()
                        .and_then(|f| super::place::level_of(scan, f))
                        .is_some_and(|l| (Level::Province..=Level::County).contains(&l)),
                    _ => false,
                })
        })
        .map(|h| h.span().end)
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn a_company_named_with_its_region() {
        assert_eq!(
            spans(
                "调研组先后来到浙江和润达新材料有限公司、江苏远通物流有限公司。",
                Org
            ),
            ["浙江和润达新材料有限公司", "江苏远通物流有限公司"]
        );
    }

    #[test]
    fn a_parent_company_and_its_unit_are_one_name() {
        assert_eq!(
            spans("在河北石化集团华东精细化工公司,他了解了生产情况。", Org),
            ["河北石化集团华东精细化工公司"]
        );
    }

    #[test]
    fn a_brand_that_names_people_after_a_region() {
        assert_eq!(
            spans("张明在湖北冠军新材料科技有限公司调研。", Org),
            ["湖北冠军新材料科技有限公司"]
        );
    }

    #[test]
    fn a_grammar_word_ends_the_stretch() {
        assert_eq!(
            spans("他走访了位于湖南的宏达机械有限公司。", Org),
            ["宏达机械有限公司"]
        );
    }
}
