//! Names after a verb that takes a person: `选举甲为市长`, `任命乙为副县长`,
//! `会见了丙`, `看望老党员丁`. The name must end where names end: a break,
//! a cue word, `为`, `等` or a list.

use super::super::Scan;
use super::name::{end_strength, is_not_a_name, is_trigger, read_name, surname};
use crate::lexicon::Trigger;
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
