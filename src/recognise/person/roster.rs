//! Lists of names: `甲、乙、丙为副主席`, `发奖的有甲、乙`, `甲、乙、丙参加`.
//! The items of a `、` list share a type: when one item is a person found
//! with evidence, or when the segmenter tags several items as names and
//! the list has a post, a verb that takes a person or a cue beside it,
//! every item shaped like a name is a person.

use super::super::Scan;
use super::super::index::MentionIndex;
use super::super::segment::Token;
use super::name::{end_strength, is_not_a_name, is_trigger, read_name, surname, valid_given};
use crate::lexicon::{LexClass, Trigger};
use crate::rules::Rule;
use crate::span::Span;
use crate::text::{is_cjk, is_clause_break};
use hashbrown::HashSet;

/// Rules whose persons vouch for their list: those that found the name
/// with evidence of its own.
const VOUCHING: &[Rule] = &[
    Rule::PersonAfterTitle,
    Rule::PersonKnown,
    Rule::PersonSegmenter,
    Rule::PersonTransliterated,
    Rule::PersonByline,
];

/// Items the segmenter must tag as names, at least, for a list to count
/// on its own.
const MIN_TAGGED: usize = 2;

/// The shortest list whose items, all tagged names, need nothing around them.
const MIN_UNVOUCHED_LIST: usize = 3;

/// The longest item read, in chars (a compound surname and two more).
const MAX_ITEM: usize = 4;

/// Persons found as items of lists whose other items are persons.
pub(crate) fn find(
    scan: &Scan<'_>,
    names: &[(Span, Rule)],
    tokens: &[Token],
    taken: &MentionIndex,
) -> Vec<(Span, Rule)> {
    let vouched: HashSet<Span> = names
        .iter()
        .filter(|(_, r)| VOUCHING.contains(r))
        .map(|&(s, _)| s)
        .collect();
    let known: HashSet<Span> = names.iter().map(|&(s, _)| s).collect();
    // Starts of the name tokens, in order: an item is tagged when one
    // starts inside it (`钱/n 海燕/nr` reads a name all the same).
    let tagged: Vec<usize> = tokens
        .iter()
        .filter(|t| t.tag.starts_with("nr"))
        .map(|t| t.span.start)
        .collect();
    let is_tagged = |s: &Span| {
        let i = tagged.partition_point(|&p| p < s.start);
        tagged.get(i).is_some_and(|&p| p < s.end)
    };
    let mut out = Vec::new();
    for run in lists(scan) {
        let vouched_here = run.iter().any(|s| vouched.contains(s));
        let tagged_here = run.iter().filter(|s| is_tagged(s)).count();
        // Every item of a long list tagged a name is evidence enough.
        let ok = vouched_here
            || (tagged_here == run.len() && run.len() >= MIN_UNVOUCHED_LIST)
            || (tagged_here >= MIN_TAGGED.max(run.len().div_ceil(2))
                && (strong_before(scan, run[0].start)
                    || strong_after(scan, run[run.len() - 1].end)));
        if !ok {
            continue;
        }
        for &item in &run {
            if !known.contains(&item)
                && taken.overlapping(item).next().is_none()
                && !is_not_a_name(scan, item)
            {
                out.push((item, Rule::PersonListItem));
            }
        }
    }
    out
}

/// The runs of name-shaped items of every `、` list, two items at least.
fn lists(scan: &Scan<'_>) -> Vec<Vec<Span>> {
    let text = scan.text;
    let mut out = Vec::new();
    let mut run: Vec<Span> = Vec::new();
    let mut flush = |run: &mut Vec<Span>| {
        if run.len() >= 2 {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    for (i, _) in text.match_indices('、') {
        let after = i + '、'.len_utf8();
        // The item before this `、`: the last one read, or the list's first.
        let before = match run.last() {
            Some(last) if last.end == i => Some(*last),
            _ => {
                flush(&mut run);
                first_item(scan, i)
            }
        };
        let Some(before) = before else {
            continue;
        };
        if run.is_empty() {
            run.push(before);
        }
        match next_item(scan, after) {
            Some(item) => run.push(item),
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    out
}

/// True when `span` is shaped like a name: a surname and one or two
/// given-name characters.
fn name_shaped(scan: &Scan<'_>, span: Span) -> bool {
    let Some((sn, _)) = surname(scan, span.start) else {
        return false;
    };
    let given_start = scan.forward(span.start, sn);
    let given = &scan.text[given_start.min(span.end)..span.end];
    let n = given.chars().count();
    given_start < span.end && (1..=2).contains(&n) && valid_given(given)
}

/// The first item of a list, ending at `end` (a `、`): the name-shaped
/// stretch that a boundary opens (a break, a post, a verb that takes a
/// person, a conjunction).
fn first_item(scan: &Scan<'_>, end: usize) -> Option<Span> {
    [3usize, 2, 4].into_iter().find_map(|len| {
        let start = scan.back(end, len);
        let span = Span::new(start, end);
        (scan.text[span.range()].chars().count() == len
            && scan.text[span.range()].chars().all(is_cjk)
            && name_shaped(scan, span)
            && opens_item(scan, start))
        .then_some(span)
    })
}

/// True when an item may start at `pos`: after a break, a post, a verb or
/// byline word, or a few link words (`有`, `是`, `和`).
fn opens_item(scan: &Scan<'_>, pos: usize) -> bool {
    scan.is_break_before(pos)
        || scan
            .char_before(pos)
            .is_some_and(|c| "有是和与及同由对请".contains(c))
        || scan.hits_ending_at(pos).any(|h| {
            scan.hit_is(h, |c| {
                matches!(
                    c,
                    LexClass::TitleRole
                        | LexClass::NameCue
                        | LexClass::Trigger(Trigger::PersonVerb)
                        | LexClass::Trigger(Trigger::Byline)
                )
            })
        })
}

/// The item starting at `start` (after a `、`): a name-shaped stretch that
/// ends at another `、` or where a name can end.
fn next_item(scan: &Scan<'_>, start: usize) -> Option<Span> {
    // Exactly up to the next `、`.
    let rest = &scan.text[start..];
    if let Some(k) = rest.find('、') {
        let span = Span::new(start, start + k);
        let n = rest[..k].chars().count();
        if (2..=MAX_ITEM).contains(&n) && rest[..k].chars().all(is_cjk) {
            return name_shaped(scan, span).then_some(span);
        }
    }
    // The last item: where a name read there ends.
    let n = read_name(scan, start)?;
    (ends_item(scan, n.end) && name_shaped(scan, n)).then_some(n)
}

/// True when the last item of a list may end at `pos`.
fn ends_item(scan: &Scan<'_>, pos: usize) -> bool {
    end_strength(scan, pos) > 0
        || scan
            .char_at(pos)
            .is_some_and(|c| "为等和及与（(".contains(c) || is_clause_break(c))
}

/// A post, a verb that takes a person or a byline word right before `pos`.
fn strong_before(scan: &Scan<'_>, pos: usize) -> bool {
    scan.hits_ending_at(pos).any(|h| {
        scan.hit_is(h, |c| c == LexClass::TitleRole)
            || is_trigger(scan, h, Trigger::PersonVerb)
            || is_trigger(scan, h, Trigger::Byline)
    })
}

/// `为` and a post, a cue word, or `等` and a word for people right after `pos`.
fn strong_after(scan: &Scan<'_>, pos: usize) -> bool {
    let rest = &scan.text[pos..];
    let post_at = |p: usize| {
        scan.hits_at(p)
            .iter()
            .any(|h| scan.hit_is(h, |c| matches!(c, LexClass::TitleRole | LexClass::TitleOrg)))
    };
    if let Some(after) = rest.strip_prefix('为') {
        let p = pos + '为'.len_utf8();
        return post_at(p) || after.starts_with(['省', '市', '县', '区', '镇', '乡']);
    }
    post_at(pos)
        || scan.hits_at(pos).iter().any(|h| {
            scan.hit_is(h, |c| c == LexClass::NameCue)
                && !super::name::is_weak_cue(scan, &scan.text[h.span().range()])
                && scan.text[h.span().range()] != *"等"
        })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_list_of_names_for_a_post() {
        assert_eq!(
            spans(
                "会议选举郑明华为主席,王国栋、李秀英、赵建平为副主席。",
                Person
            ),
            ["郑明华", "王国栋", "李秀英", "赵建平"]
        );
    }

    #[test]
    fn a_list_after_a_link_word() {
        assert_eq!(
            spans("当选为常委的还有孙立军、钱海燕、周德胜。", Person),
            ["孙立军", "钱海燕", "周德胜"]
        );
    }

    #[test]
    fn a_list_of_words_is_no_list_of_names() {
        assert!(spans("教育、医疗、养老等民生项目加快建设。", Person).is_empty());
    }
}
