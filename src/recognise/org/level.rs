//! Bodies named from their level (`区建管委`, `省商务厅`, `县法院`):
//! `org.level-anchored`.

use super::super::edge::{LEVEL_CHARS, is_post_or_cue};
use super::super::{Mention, Scan};
use super::{BEFORE_BODY, NOT_IN_BODY, holds_a_clause_verb};
use crate::lexicon::LexClass;
use crate::recognise::lengths::WORD_CHARS;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// A body named from its level: a level character after a break or a link,
/// then plain name characters, then the suffix (`区建管委`, `区科学技术局`,
/// `省商务厅`, `市政府研究室`).
pub(super) fn level_anchored(scan: &Scan<'_>, suffix: Span) -> Option<Mention> {
    // The suffix ends a word (`部署`, `委员` hold no body). Asked last, of
    // a name found otherwise: it tags the clause.
    // Nor does a word other than a noun that ends in it (`主办`, `承办`).
    let ends_word = || {
        !scan.tokens_around(suffix.start).iter().any(|t| {
            let known = || scan.is_known_word(&scan.text[t.span.range()]);
            let verb_ending_in_it = t.span.start < suffix.start
                && t.span.end == suffix.end
                && !(t.tag.is_noun() || t.tag == Pos::J);
            t.span.start <= suffix.start
                && (t.span.end > suffix.end || verb_ending_in_it)
                && known()
        })
    };
    let mut pos = suffix.start;
    for _ in 0..10 {
        let c = scan.char_before(pos)?;
        if !crate::text::is_cjk(c) || NOT_IN_BODY.contains(c) {
            return None;
        }
        pos -= c.len_utf8();
        if LEVEL_CHARS.contains(&c)
            && scan
                .char_before(pos)
                .is_none_or(|b| crate::text::is_clause_break(b) || BEFORE_BODY.contains(b))
        {
            // `村民某某成为合作社…`, `市民…`: a noun for people that opens
            // with a level character is no level.
            if scan
                .hits_at(pos)
                .iter()
                .any(|h| scan.hit_is(h, LexClass::Trigger(crate::lexicon::Trigger::Honour)))
            {
                return None;
            }
            if pos + c.len_utf8() >= suffix.start {
                // `县检察院`, `县法院`: a level and a body word.
                let body = &scan.text[suffix.range()];
                return (body.chars().count() >= WORD_CHARS && ends_word()).then(|| {
                    Mention::new(
                        Span::new(pos, suffix.end),
                        EntityKind::Org,
                        Rule::OrgLevelAnchored,
                    )
                });
            }
            let inner_span = Span::new(pos + c.len_utf8(), suffix.start);
            let inner = &scan.text[inner_span.range()];
            // `市委` + `市政府`, `市委` + `政府`: a party committee and a
            // government written side by side are two bodies.
            if scan.text[suffix.range()].ends_with("政府")
                && scan.hits_at(pos).iter().any(|h| {
                    h.span().end <= suffix.start
                        && scan.text[h.span().range()].ends_with('委')
                        && scan.hit_is(h, LexClass::Org)
                })
            {
                return None;
            }
            // A post or a cue inside is a sentence, no name
            // (`市政协主席李伟率市政协`, `省长某某等省委`).
            if scan
                .hits_within(Span::new(pos, suffix.start))
                .any(|h| is_post_or_cue(scan, h))
                || holds_a_clause_verb(scan, Span::new(pos, suffix.start))
            {
                return None;
            }
            if (inner.chars().count() >= WORD_CHARS
                || scan
                    .lex
                    .any(inner, |k| matches!(k, LexClass::TitleOrg | LexClass::Org)))
                && ends_word()
            {
                return Some(Mention::new(
                    Span::new(pos, suffix.end),
                    EntityKind::Org,
                    Rule::OrgLevelAnchored,
                ));
            }
            return None;
        }
    }
    None
}
