//! Places glued together into one (`闵行区七宝镇`, `江苏徐州`, a village
//! and a hamlet inside it, `某某村某家湾`: `place.chain`) and a numbered
//! part glued to a place (`东方花园三期`, `七宝村8队`:
//! `place.numbered-part`).

use super::super::{Mention, Scan};
use super::road::is_road;
use crate::lexicon::LexClass;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// Suffixes that only extend a place already found (`东方花园三期`, `七宝村8队`).
/// Kept in code: three single characters, each with its own rule in
/// `extend` (`期` extends no division, `队` and `组` only a village).
pub(super) const EXTENSIONS: &[&str] = &["期", "队", "组"];

/// Glues adjacent places (`闵行区` + `七宝镇`) into one span.
pub(super) fn glue_chains(scan: &Scan<'_>, out: &mut Vec<Mention>) {
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut glued = Vec::new();
    for m in out.iter() {
        let mut cur = m.span;
        loop {
            // `out` is sorted by start, longest first.
            let at = out.partition_point(|n| n.span.start < cur.end);
            let next = out.get(at).filter(|n| n.span.start == cur.end);
            match next {
                Some(n)
                    if (is_division_at(scan, cur)
                        && !is_road(scan, n.span)
                        && !outranks(scan, n.span, cur))
                        || contains_division(scan, cur, n.span)
                        || holds_hamlet(scan, cur, n.span) =>
                {
                    cur = Span::new(cur.start, n.span.end)
                }
                _ => break,
            }
        }
        if cur != m.span {
            glued.push(Mention::new(cur, EntityKind::Place, Rule::PlaceChain));
        }
    }
    out.extend(glued);
}

/// The full division names `text` stands for: itself when it is a
/// division, the full names of a short form (`江苏` → `江苏省`).
fn full_divisions<'l>(scan: &Scan<'l>, text: &str) -> Vec<&'l str> {
    scan.lex
        .lookup(text)
        .filter_map(|e| match e.class {
            LexClass::Division(_) => Some(&*e.text),
            LexClass::PlaceShort => e.full.as_deref(),
            _ => None,
        })
        .collect()
}

/// Short forms glued without a suffix (`江苏徐州`, `上海闵行`): one chain
/// when the gazetteer puts the second inside the first.
fn contains_division(scan: &Scan<'_>, outer: Span, inner: Span) -> bool {
    let outer = full_divisions(scan, &scan.text[outer.range()]);
    if outer.is_empty() {
        return false;
    }
    full_divisions(scan, &scan.text[inner.range()])
        .into_iter()
        .flat_map(|full| scan.lex.lookup(full))
        .any(|e| e.ancestors().any(|a| outer.contains(&a)))
}

/// The most characters of a hamlet glued after its village.
const MAX_HAMLET_CHARS: usize = 5;

/// A village or community right before a hamlet, lane or bay inside it
/// (`某某村` + `某家湾`, `某某社区` + `某某庄`): one address.
fn holds_hamlet(scan: &Scan<'_>, village: Span, hamlet: Span) -> bool {
    let ends_in = |span: Span, pred: fn(&crate::lexicon::SuffixTraits) -> bool| {
        scan.hits_ending_at(span.end)
            .any(|h| h.span().start > span.start && is_suffix_with(scan, h, pred))
    };
    scan.text[hamlet.range()].chars().count() <= MAX_HAMLET_CHARS
        && ends_in(village, |t| t.village)
        && ends_in(hamlet, |t| t.hamlet)
}

/// True when hit `h` is a place suffix whose attributes pass `pred`
/// (`|t| t.village`: `村`, `社区`; `|t| t.hamlet`: `湾`, `组`).
pub(super) fn is_suffix_with(
    scan: &Scan<'_>,
    h: &crate::matcher::Hit,
    pred: fn(&crate::lexicon::SuffixTraits) -> bool,
) -> bool {
    scan.entries(h)
        .any(|e| e.class == LexClass::PlaceSuffix && pred(&e.traits))
}

/// True when `next` names a division of the same level as the one `cur`
/// ends in, or a higher one (`某开发区` + `某省`): a chain narrows from the
/// larger division to the smaller, so `next` opens another name.
pub(crate) fn outranks(scan: &Scan<'_>, next: Span, cur: Span) -> bool {
    let level = |span: Span| {
        full_divisions(scan, &scan.text[span.range()])
            .into_iter()
            .filter_map(|full| super::level_of(scan, full))
            .min()
    };
    let cur_level = scan
        .longest_ending_at(cur.end, crate::lexicon::ClassSet::DIVISIONS)
        .and_then(|h| level(h.span()));
    matches!((level(next), cur_level), (Some(n), Some(c)) if n <= c)
}

fn is_division_at(scan: &Scan<'_>, span: Span) -> bool {
    scan.longest_ending_at(span.end, crate::lexicon::ClassSet::DIVISIONS)
        .is_some_and(|h| h.span().start >= span.start)
}

/// `东方花园三期`, `七宝村8队`: a numbered part glued to a place.
pub(super) fn extend(scan: &Scan<'_>, out: &mut Vec<Mention>) {
    let mut more = Vec::new();
    for m in out.iter() {
        let rest = &scan.text[m.span.end..];
        let num: usize = rest
            .char_indices()
            .take_while(|&(_, c)| c.is_ascii_digit() || crate::lexicon::is_numeral(c))
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        if num == 0 {
            continue;
        }
        let is_division = scan.lex.any(&scan.text[m.span.range()], |c| {
            matches!(c, LexClass::Division(_))
        });
        let is_village = scan.text[m.span.range()].ends_with('村');
        if let Some(ext) = EXTENSIONS
            .iter()
            .find(|e| rest[num..].starts_with(**e))
            .filter(|e| {
                if **e == "期" {
                    !is_division
                } else {
                    is_village
                }
            })
        {
            let end = m.span.end + num + ext.len();
            more.push(Mention::new(
                Span::new(m.span.start, end),
                EntityKind::Place,
                Rule::PlaceNumberedPart,
            ));
        }
    }
    out.extend(more);
}
