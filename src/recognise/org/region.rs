//! A company's region in parentheses between its brand and its trade
//! (`某某(中国)饮料有限公司`): `org.region-in-parentheses`.

use super::super::Scan;
use super::super::edge::left_edge;
use super::{BEFORE_BODY, NOT_IN_BODY};
use crate::span::Span;

/// How long a brand read whole from its clause's start may be, in chars.
const BRAND_CHARS: std::ops::RangeInclusive<usize> = 2..=8;

/// How far a brand's left edge is walked otherwise, in chars.
const MAX_BRAND_EDGE_CHARS: usize = 10;

/// A company's name may hold its region in parentheses between the brand
/// and the trade (`某某(福建)石油有限公司`, `某某(中国)投资有限公司`): a
/// company name found right after a parenthesised place takes in the
/// place and the brand before it. The brand is often a made-up word the
/// segmenter reads as anything; it runs from its clause's start, or from
/// the last link word in it (`与`, `由`), when that is near, else from
/// the left edge.
pub(super) fn with_region_in_parentheses(scan: &Scan<'_>, span: Span) -> Option<Span> {
    let close = scan
        .char_before(span.start)
        .filter(|c| matches!(c, ')' | '\u{FF09}'))?;
    let place = scan.longest_ending_at(
        span.start - close.len_utf8(),
        |k: crate::lexicon::LexClass| k.is_place(),
    )?;
    let open = scan
        .char_before(place.span().start)
        .filter(|c| matches!(c, '(' | '\u{FF08}'))?;
    let brand_end = place.span().start - open.len_utf8();
    let clause = scan.clause_at(scan.back(brand_end, 1)).start.min(brand_end);
    let near = scan.text[clause..brand_end]
        .char_indices()
        .rfind(|&(_, c)| BEFORE_BODY.contains(c))
        .map_or(clause, |(i, c)| clause + i + c.len_utf8());
    let brand = &scan.text[near..brand_end];
    let start = if BRAND_CHARS.contains(&brand.chars().count())
        && brand
            .chars()
            .all(|c| crate::text::is_cjk(c) && !NOT_IN_BODY.contains(c))
    {
        near
    } else {
        let edge = left_edge(scan, brand_end, MAX_BRAND_EDGE_CHARS, false, false);
        if !edge.proper {
            return None;
        }
        edge.start
    };
    (start < brand_end).then(|| Span::new(start, span.end))
}
