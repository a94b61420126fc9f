//! Names after a verb that takes a person: `选举甲为市长`, `任命乙为副县长`,
//! `会见了丙`, `看望老党员丁`. The name must end where names end: a break,
//! a cue word, `为`, `等` or a list.

use super::super::Scan;
use super::super::lengths::{NAME_LENGTHS, WORD_CHARS};
use super::name::{end_strength, is_not_a_name, is_trigger, read_name, surname};
use crate::lexicon::Trigger;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::Span;

/// Characters after which the name read must end (`为` of an appointment).
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const ENDS: &str = "为等、（(";

/// Persons named right after a verb that takes a person.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<(Span, Rule)> {
    let mut out = Vec::new();
    for hit in scan
        .hits()
        .iter()
        .filter(|h| is_trigger(scan, h, Trigger::PersonVerb))
    {
        let mut pos = hit.span().end;
        if scan.text[pos..].starts_with('了') {
            pos += '了'.len_utf8();
        }
        let Some(n) = read_name(scan, pos) else {
            continue;
        };
        let Some((_, clear)) = surname(scan, n.start) else {
            continue;
        };
        let ends =
            end_strength(scan, n.end) > 0 || scan.char_at(n.end).is_some_and(|c| ENDS.contains(c));
        if clear && ends && !is_not_a_name(scan, n) {
            out.push((n, Rule::PersonAfterVerb));
        }
    }
    out
}

/// `某市农业局王某局长`: a name between a body and a post of it.
pub(crate) fn between_body_and_post(
    scan: &Scan<'_>,
    orgs: &[super::super::Mention],
) -> Vec<(Span, Rule)> {
    orgs.iter()
        .filter_map(|o| {
            let n = read_name(scan, o.span.end)?;
            let post = scan
                .hits_at(n.end)
                .iter()
                .any(|h| scan.hit_is(h, |c| c == crate::lexicon::LexClass::TitleRole));
            (post
                && surname(scan, n.start).is_some_and(|(_, clear)| clear)
                && !is_not_a_name(scan, n))
            .then_some((n, Rule::PersonBeforePost))
        })
        .collect()
}

/// `据某某副局长介绍`, `某某副县长一行…`: a name with a clear surname
/// right before a post, where a clause opens with it or a preposition
/// stands before it (the segmenter need not know the name: `韩鲲/x`).
pub(crate) fn opening_before_post(scan: &Scan<'_>) -> Vec<(Span, Rule)> {
    let mut out = Vec::new();
    for hit in scan.hits() {
        if !scan.hit_is(hit, crate::lexicon::LexClass::TitleRole) {
            continue;
        }
        let post = hit.span().start;
        // `某某总裁某某`: the post's holder is named after it; the word
        // before it is their company.
        if super::tagged::name_token_at(scan, hit.span().end) {
            continue;
        }
        for len in NAME_LENGTHS {
            let start = scan.back(post, len);
            if scan.text[start..post].chars().count() != len
                || !(scan.is_break_before(start) || after_preposition(scan, start))
            {
                continue;
            }
            if let Some(n) = read_name(scan, start).filter(|n| n.end == post)
                && let Some((sn, true)) = surname(scan, n.start)
                && !is_not_a_name(scan, n)
                && plain_given(scan, &scan.text[scan.forward(n.start, sn)..n.end])
            {
                out.push((n, Rule::PersonBeforePost));
            }
        }
    }
    out
}

/// A given name before a post that is no two-character word of the
/// segmenter's dictionary (`向国家主席…`, `南财政…`) nor ends in the post's own `副`
/// (`罗副科长`: a surname and a deputy's post).
fn plain_given(scan: &Scan<'_>, given: &str) -> bool {
    let word = given.chars().count() >= WORD_CHARS && scan.is_known_word(given);
    !given.ends_with('副') && !word
}

/// True when the segmenter reads a preposition ending at `pos` (`据`,
/// `由`, `向`).
fn after_preposition(scan: &Scan<'_>, pos: usize) -> bool {
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.end == pos && t.tag == Pos::P)
}

/// `甲局长、乙副局长、丙总农艺师`: a name between a list's `、` and a post,
/// when the item before the `、` ends in a post too.
pub(crate) fn listed_before_post(scan: &Scan<'_>) -> Vec<(Span, Rule)> {
    let is_post = |c| c == crate::lexicon::LexClass::TitleRole;
    memchr::memmem::find_iter(scan.text.as_bytes(), "、".as_bytes())
        .filter(|&i| scan.longest_ending_at(i, is_post).is_some())
        .filter_map(|i| {
            let n = read_name(scan, i + '、'.len_utf8())?;
            let post = scan.hits_at(n.end).iter().any(|h| scan.hit_is(h, is_post));
            (post
                && surname(scan, n.start).is_some_and(|(_, clear)| clear)
                && !is_not_a_name(scan, n))
            .then_some((n, Rule::PersonBeforePost))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_name_between_a_body_and_its_post() {
        assert_eq!(
            spans("青山市农业局韩明远局长带队调研。", Person),
            ["韩明远"]
        );
    }

    #[test]
    fn a_name_before_a_post_in_a_list_of_names_before_posts() {
        assert_eq!(
            spans(
                "市农业局张立局长率李强副局长、覃玉林总农艺师到青山镇调研。",
                Person
            ),
            ["张立", "李强", "覃玉林"]
        );
    }

    #[test]
    fn appointments_and_meetings() {
        assert_eq!(
            spans("会议选举赵立新为县人民政府县长。", Person),
            ["赵立新"]
        );
        assert_eq!(spans("副县长会见了韩明远一行。", Person), ["韩明远"]);
        assert!(spans("会议选举产生了新一届领导班子。", Person).is_empty());
    }
}
