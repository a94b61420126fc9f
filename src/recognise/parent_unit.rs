//! A body named by its parent and its unit: a body of the lexicon
//! (`中共中央`, `国务院`) and, glued to it, a unit ending in a body's suffix
//! (`政治局`, `对外联络部`, `外办`) make one ORG, `中共中央政治局`.

use super::pos::Pos;
use super::{Mention, Scan};
use crate::lexicon::LexClass;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// How long a unit is, in characters (suffix included).
const UNIT_CHARS: std::ops::RangeInclusive<usize> = 2..=8;

/// Bodies of the lexicon (`known`) with the unit glued after them.
pub(super) fn find(scan: &Scan<'_>, known: &[Mention]) -> Vec<Mention> {
    known
        .iter()
        .filter(|m| m.kind == EntityKind::Org && m.rule == Rule::OrgLexicon && !m.nested)
        // `县政协`, `市政府`: a body named by its level alone belongs to the
        // article's place, which the relations resolve; its units are left
        // to the title and suffix rules.
        .filter(|m| {
            scan.char_at(m.span.start)
                .is_none_or(|c| !super::edge::LEVEL_CHARS.contains(&c))
        })
        .filter_map(|m| unit_after(scan, m.span.end).map(|end| Span::new(m.span.start, end)))
        .map(|s| Mention::new(s, EntityKind::Org, Rule::OrgParentUnit))
        .collect()
}

/// The end of the unit right after `pos`, if one stands there: the
/// longest stretch of name characters ending in a body's suffix at a word's
/// end, opened by no place, no generic word, and holding no post, cue or
/// verb.
fn unit_after(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    let text = scan.text;
    // A place opens another body (`某省委某省人民政府`).
    if scan
        .hits_at(pos)
        .iter()
        .any(|h| scan.hit_is(h, |c: LexClass| c.is_place() || c == LexClass::Org))
        || super::edge::opens_generically_in(scan.lex, &text[pos..])
    {
        return None;
    }
    let tokens = scan.tokens_around(pos);
    let mut best = None;
    let mut end = pos;
    for (n, c) in text[pos..].chars().enumerate() {
        if n >= *UNIT_CHARS.end() || !is_cjk(c) {
            break;
        }
        end += c.len_utf8();
        let unit = Span::new(pos, end);
        let suffix = scan
            .hits_ending_at(end)
            .any(|h| h.span().start >= pos && scan.hit_is(h, LexClass::OrgSuffix));
        let word_end = tokens.iter().any(|t| t.span.end == end);
        if suffix && word_end && UNIT_CHARS.contains(&(n + 1)) && clean(scan, unit) {
            best = Some(end);
        }
    }
    best
}

/// True when no post, cue, stop phrase or verb stands in `unit`.
fn clean(scan: &Scan<'_>, unit: Span) -> bool {
    !scan.hits_within(unit).any(|h| {
        scan.hit_is(
            h,
            [
                LexClass::TitleRole,
                LexClass::NameCue,
                LexClass::Stop,
                LexClass::Person,
            ],
        )
    }) && !scan.tokens_around(unit.start).iter().any(|t| {
        t.span.start >= unit.start
            && t.span.end <= unit.end
            && (t.tag.is_verb()
                || matches!(
                    t.tag,
                    Pos::P | Pos::C | Pos::U | Pos::Uj | Pos::Ul | Pos::D | Pos::R | Pos::M
                ))
            && scan.is_known_word(&scan.text[t.span.range()])
    })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn a_unit_glued_to_its_parent() {
        assert_eq!(
            spans("会议由国务院外办召集,中共中央政治局听取汇报。", Org),
            ["国务院外办", "中共中央政治局"]
        );
    }

    #[test]
    fn a_generic_word_or_a_verb_is_no_unit() {
        assert_eq!(spans("国务院有关部门要抓好落实。", Org), ["国务院"]);
        assert_eq!(spans("国务院批准设立试验区。", Org), ["国务院"]);
    }
}
