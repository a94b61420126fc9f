//! Where a name after an honour or a role (`主帅某某`, `设计师某某`) may
//! end besides a break: before a form of address, a post or another role
//! (`某某女士`, `某某博士`), a cue word, or a verb. The role says a person
//! follows, so a name with a clear surname needs no more than that.

use super::super::Scan;
use super::super::lengths::MAX_GIVEN_CHARS;
use super::name::{is_trigger, is_weak_cue_hit, surname};
use crate::lexicon::{LexClass, Trigger};
use crate::recognise::pos::Pos;
use crate::span::Span;

/// True when the name `n` after an honour or a role ends where names end.
pub(crate) fn name_ends(scan: &Scan<'_>, n: Span) -> bool {
    // A function word before a word (`function_word_and_word`) is turned
    // down before this is asked, with the reading itself.
    if !matches!(surname(scan, n.start), Some((_, true))) {
        return false;
    }
    let end = n.end;
    scan.hits_at(end).iter().any(|h| {
        is_trigger(scan, h, Trigger::Address)
            || is_trigger(scan, h, Trigger::Honour)
            || scan.hit_is(h, LexClass::TitleRole)
            || (scan.hit_is(h, LexClass::NameCue) && !is_weak_cue_hit(scan, h))
    }) || verb_at(scan, end)
}

/// `专家向媒体宣称`, `博士曾表示`, `学生和家长参加…`: a preposition, a
/// conjunction, an adverb or a verb before a word of two characters is no
/// surname and given name.
pub(crate) fn function_word_and_word(scan: &Scan<'_>, n: Span) -> bool {
    let Some((sn, _)) = surname(scan, n.start) else {
        return false;
    };
    let given_at = scan.forward(n.start, sn);
    scan.word_tag(&scan.text[n.start..given_at])
        .is_some_and(|t| matches!(t, Pos::P | Pos::C | Pos::D | Pos::V))
        && scan.text[given_at..n.end].chars().count() == MAX_GIVEN_CHARS
        && scan.is_known_word(&scan.text[given_at..n.end])
}

/// True when the segmenter reads a verb (not a verbal noun) or a
/// preposition (`店主某某从…`) starting at `pos`.
fn verb_at(scan: &Scan<'_>, pos: usize) -> bool {
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.start == pos && (t.tag.is_verb() || t.tag == Pos::P))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_name_after_a_role_before_a_form_of_address_or_a_verb() {
        assert_eq!(
            spans("项目营销经理、设计师韩雪梅女士介绍了户型。", Person),
            ["韩雪梅"]
        );
        assert_eq!(spans("球队主帅董立军透露了首发阵容。", Person), ["董立军"]);
    }

    #[test]
    fn a_name_after_a_role_before_a_preposition() {
        assert_eq!(
            spans("店主邝怀远从经营的角度谈了看法。", Person),
            ["邝怀远"]
        );
    }

    #[test]
    fn a_role_before_a_common_word_is_no_name() {
        assert!(spans("学生和家长参加了活动。", Person).is_empty());
        assert!(spans("农民和工人参加了活动。", Person).is_empty());
        assert!(spans("几位专家向媒体宣称,画是真迹。", Person).is_empty());
    }
}
