//! ORG: named organisations. Standalone abbreviations come from the lexicon
//! (`区委`, `国务院`); every other name ends in an organisation suffix
//! (`局`, `办`, `中心`, `有限公司`, `代表团` …) and its left edge is found by
//! grammar ([`super::edge`]): `区城管执法局`, `上海何勇企业管理有限公司`,
//! `施甸县党政代表团`.

use super::edge::{LEVEL_CHARS, left_edge};
use super::{Mention, Scan};
use crate::lexicon::LexClass;
use crate::span::{EntityKind, Span};

/// Suffixes of one character, which need a clear word boundary.
fn is_single_char(s: &str) -> bool {
    s.chars().count() == 1
}

/// Suffixes that make a generic noun a name only with a proper part
/// (`公司` alone is not an organisation; `中联重科公司` is).
const NEEDS_PROPER: &[&str] = &["公司", "有限公司", "集团", "中心", "小组", "联盟", "协会", "商会", "银行", "学校", "医院", "部"];

/// Finds ORG candidates.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let mut out = Vec::new();
    for hit in scan.hits() {
        let word = &scan.text[hit.span.range()];
        if scan.hit_is(hit, |c| c == LexClass::Org) {
            // `区委` inside `区委书记` is still the body; the title decides later.
            out.push(Mention::new(hit.span, EntityKind::Org));
        }
        if !scan.hit_is(hit, |c| c == LexClass::OrgSuffix) {
            continue;
        }
        // The suffix must end a word (`举办`, `布局`, `干部` are not bodies).
        let Some(head) = scan.token_containing(hit.span.start) else { continue };
        if head.span.end > hit.span.end {
            continue;
        }
        let mut name_end = hit.span.start;
        if head.span.start < hit.span.start {
            let hw = &scan.text[head.span.range()];
            if head.tag.starts_with('v') && !head.tag.starts_with("vn") {
                continue;
            }
            if scan.lex.any(hw, |c| c == LexClass::Stop) {
                continue;
            }
            name_end = head.span.start;
        }
        let edge = left_edge(scan, name_end, 20);
        if edge.start == hit.span.start {
            continue;
        }
        let span = Span::new(edge.start, hit.span.end);
        let name = &scan.text[span.range()];
        if scan.lex.any(name, |c| c == LexClass::Stop) {
            continue;
        }
        let left_len = name.chars().count() - word.chars().count();
        if is_single_char(word) {
            // `区城管执法局`, `公安局`, `镇重大办`: a body word before it.
            if left_len < 2 && !edge.anchored {
                continue;
            }
        }
        if NEEDS_PROPER.contains(&word) && !edge.proper {
            continue;
        }
        // A level character alone before the suffix is no name (`区委` is
        // in the lexicon; `镇办` is not a body).
        if left_len == 1 && name.chars().next().is_some_and(|c| LEVEL_CHARS.contains(&c)) && is_single_char(word) {
            continue;
        }
        out.push(Mention::new(span, EntityKind::Org));
    }
    out
}
