//! Words read into a body's name before the place that opens it
//! (`亏损企业` + `某省船舶工业总公司`, `以来` + `某国航天局`), and the
//! clause read into it up to a verb that takes a person or a place
//! (`某某会见` + `某国某公司`, `３次来` + `某某派出所`): the name starts
//! after them.

use crate::lexicon::{Level, LexClass, Trigger};
use crate::recognise::Scan;
use crate::recognise::pos::Pos;
use crate::span::Span;

/// Where the name `span` (ending in the suffix at `suffix_start`) really
/// starts: at the first division of the lexicon inside it when every word
/// before that division is a common word of the segmenter's dictionary
/// (no proper noun, no unknown word, no place and no body), the words
/// ending right where the division starts.
pub(crate) fn start_at_place(scan: &Scan<'_>, span: Span, suffix_start: usize) -> usize {
    let start = after_verb(scan, span.start, suffix_start).unwrap_or(span.start);
    let Some(place) = first_division(scan, start, suffix_start) else {
        return start;
    };
    if all_common_words(scan, start, place) {
        place
    } else {
        start
    }
}

/// The end of the last verb inside the name between `from` and `to` that
/// takes a person, a post or a place after it (`会见`, `来`, `现任`), or of
/// a word marking a post as former (`原`): the segmenter's word ends with
/// it, and it is two characters long or a division follows it. A verb
/// never is the name's first word; `原` may be, before a division or a
/// level character (`原某某乡党委`, `原省某公司`).
fn after_verb(scan: &Scan<'_>, from: usize, to: usize) -> Option<usize> {
    scan.hits_within(Span::new(from, to))
        .filter(|h| h.span().end < to)
        .filter(|h| {
            let former = scan.hit_is(h, LexClass::Trigger(Trigger::Former));
            let verb = scan.hit_is(
                h,
                [
                    LexClass::Trigger(Trigger::PersonVerb),
                    LexClass::Trigger(Trigger::VisitMotion),
                    LexClass::Trigger(Trigger::Appoint),
                ],
            );
            let end = h.span().end;
            let Some(word) = scan.token_containing(h.span().start) else {
                return false;
            };
            let division_next = first_division(scan, end - 1, to) == Some(end);
            let level_next = scan.char_at(end).and_then(Level::of_char).is_some();
            if former && h.span().start == from {
                return word.span.end == end && (division_next || level_next);
            }
            let long = word.span.len() >= crate::recognise::TWO_CHARS_BYTES;
            (verb || former)
                && h.span().start > from
                && word.span.end == end
                && (long || division_next)
        })
        .map(|h| h.span().end)
        .max()
}

/// The start of the first division named after `from` and before `to`,
/// ending before `to`, that is no common word; a division's short form
/// counts where the segmenter knows it as a place (`北京`).
fn first_division(scan: &Scan<'_>, from: usize, to: usize) -> Option<usize> {
    // Hits come by start: the first that is a division starts first.
    scan.hits_starting_in(Span::new(from + 1, to))
        .find(|h| {
            let word = &scan.text[h.span().range()];
            h.span().end <= to
                && (scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
                    || (scan.hit_is(h, LexClass::PlaceShort)
                        && scan.word_tag(word) == Some(Pos::Ns)))
                && !is_common_word(scan, word)
        })
        .map(|h| h.span().start)
}

/// A division's name that is mostly a common word (`社区`): the segmenter
/// knows it, and not as a place.
fn is_common_word(scan: &Scan<'_>, word: &str) -> bool {
    scan.is_known_word(word) && scan.word_tag(word) != Some(Pos::Ns)
}

/// True when the text between `from` and `to` is read as common words
/// only, the last ending at `to`, and holds no place, body or post.
fn all_common_words(scan: &Scan<'_>, from: usize, to: usize) -> bool {
    let mut pos = from;
    while pos < to {
        let Some(tok) = scan.token_containing(pos) else {
            return false;
        };
        let word = &scan.text[tok.span.range()];
        if tok.span.start != pos
            || tok.span.end > to
            || tok.is_proper()
            || !scan.is_known_word(word)
            || scan.lex.any(word, |c| {
                c.is_place()
                    || matches!(
                        c,
                        LexClass::Org
                            | LexClass::OrgSuffix
                            | LexClass::TitleOrg
                            | LexClass::PlaceShort
                    )
            })
        {
            return false;
        }
        pos = tok.span.end;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn common_words_before_the_place_are_no_part_of_the_name() {
        let orgs = spans("他又来到另一家亏损企业云南省机械制造总公司。", Org);
        assert!(
            orgs.contains(&"云南省机械制造总公司".to_string()),
            "{orgs:?}"
        );
        assert!(orgs.iter().all(|o| !o.starts_with("亏损")), "{orgs:?}");
        let orgs = spans("这是骨干生产企业上海机床总厂的车间。", Org);
        assert!(orgs.contains(&"上海机床总厂".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_clause_up_to_a_verb_is_no_part_of_the_name() {
        let orgs = spans("张国华会见瑞典沃达汽车公司总裁。", Org);
        assert!(orgs.contains(&"瑞典沃达汽车公司".to_string()), "{orgs:?}");
        assert!(orgs.iter().all(|o| !o.contains("会见")), "{orgs:?}");
        let orgs = spans("李玉兰现任湖州市残疾人联合会副理事长。", Org);
        assert!(orgs.contains(&"湖州市残疾人联合会".to_string()), "{orgs:?}");
    }
}
