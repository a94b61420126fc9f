//! Lists of names: `甲、乙、丙为副主席`, `发奖的有甲、乙`, `甲、乙、丙参加`.
//! The items of a `、` list share a type: when one item is a person found
//! with evidence, or when the segmenter tags several items as names and
//! the list has a post, a verb that takes a person or a cue beside it,
//! every item shaped like a name is a person.

use super::super::Scan;
use super::super::index::MentionIndex;
use super::super::lengths::{
    FULL_NAME_CHARS, MAX_NAME_CHARS, MIN_NAME_CHARS, NAME_LENGTHS, WORD_CHARS,
};
use super::super::segment::Token;
use super::name::{
    end_strength, is_not_a_name, is_not_a_name_after_post, is_trigger, name_shaped, read_name,
    surname, tagged_exactly,
};
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
    Rule::PersonForeign,
    Rule::PersonByline,
    Rule::PersonAfterLeaderWord,
];

/// Items the segmenter must tag as names, at least, for a list to count
/// on its own.
const MIN_TAGGED: usize = 2;

/// The shortest list whose items, all tagged names, need nothing around them.
const MIN_UNVOUCHED_LIST: usize = 3;

/// The share of items tagged as names (numerator, denominator) that makes
/// a list of three items or more, every one shaped like a name, a list of
/// names with nothing around it.
const MOSTLY: (usize, usize) = (3, 4);

/// The longest item read, in chars (a compound surname and two more).
const MAX_ITEM: usize = 4;

/// An item of a list: its span, and whether it is shaped like a name (a
/// surname and a given name) or is only a plain word the segmenter does
/// not know (`格日勒图`, a name of a minority).
#[derive(Debug, Clone, Copy)]
struct Item {
    span: Span,
    named: bool,
}

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
        .filter(|t| t.tag.is_name())
        .map(|t| t.span.start)
        .collect();
    let is_tagged = |s: &Span| {
        let i = tagged.partition_point(|&p| p < s.start);
        tagged.get(i).is_some_and(|&p| p < s.end)
    };
    let mut out = Vec::new();
    for run in lists(scan) {
        let named: Vec<Span> = run.iter().filter(|i| i.named).map(|i| i.span).collect();
        if named.len() < 2 {
            continue;
        }
        let vouched_here = named.iter().any(|s| vouched.contains(s));
        let tagged_here = named.iter().filter(|s| is_tagged(s)).count();
        // Every item of a long list tagged a name is evidence enough.
        let ok = vouched_here
            || (tagged_here == named.len() && named.len() >= MIN_UNVOUCHED_LIST)
            // A long list of names, most of them tagged (`甲、乙、丙、丁等`),
            // one item at most not shaped like a name (a surname missing
            // from the table: `于是之`).
            || (named.len() >= MIN_UNVOUCHED_LIST
                && named.len() + 1 >= run.len()
                && tagged_here * MOSTLY.1 >= named.len() * MOSTLY.0)
            || (tagged_here >= MIN_TAGGED.max(named.len().div_ceil(2))
                && (strong_before(scan, run[0].span.start)
                    || strong_after(scan, run[run.len() - 1].span.end)))
            || (named.len() == run.len() && run.iter().all(|i| full_name(scan, i.span)));
        if !ok {
            continue;
        }
        // Items without a surname count in long lists of names only.
        let plain_ok = named.len() >= MIN_UNVOUCHED_LIST && 2 * named.len() > run.len();
        for item in &run {
            let s = item.span;
            if (item.named || plain_ok)
                && !known.contains(&s)
                // A place or body reading of exactly the item (`石峰`, the
                // short form of some 石峰区) yields to the list of names.
                && taken.overlapping(s).all(|m| m.span == s && item.named)
                // Among names, a name-shaped item may be a county's short
                // form too, as after a post.
                && !(if item.named {
                    is_not_a_name_after_post(scan, s)
                } else {
                    is_not_a_name(scan, s)
                })
            {
                out.push((s, Rule::PersonListItem));
            }
        }
    }
    out
}

/// The runs of items of every `、` list, two items at least.
fn lists(scan: &Scan<'_>) -> Vec<Vec<Item>> {
    let text = scan.text;
    let mut out = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    let mut flush = |run: &mut Vec<Item>| {
        if run.len() >= 2 {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    // memmem, not `match_indices('、')`: a char search stops at every
    // occurrence of the char's last byte, common inside ideographs.
    for i in memchr::memmem::find_iter(text.as_bytes(), "、".as_bytes()) {
        let after = i + '、'.len_utf8();
        // The item before this `、`: the last one read, or the list's first.
        let before = match run.last() {
            Some(last) if last.span.end == i || note_between(scan, last.span.end, i) => Some(*last),
            _ => {
                flush(&mut run);
                first_item(scan, without_note(scan, i))
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

/// `end`, or where a note in brackets before it starts (`某某（女）、`).
fn without_note(scan: &Scan<'_>, end: usize) -> usize {
    let head = &scan.text[..end];
    if !(head.ends_with('）') || head.ends_with(')')) {
        return end;
    }
    head.rfind(['（', '('])
        .filter(|&open| note_between(scan, open, end))
        .unwrap_or(end)
}

/// An item at `span`: named, plain (a word the segmenter does not know,
/// nothing in the lexicon), or none.
fn item(scan: &Scan<'_>, span: Span) -> Option<Item> {
    let w = &scan.text[span.range()];
    let n = w.chars().count();
    if !(2..=MAX_ITEM).contains(&n) || !w.chars().all(is_cjk) {
        return None;
    }
    if name_shaped(scan, span) {
        return Some(Item { span, named: true });
    }
    (!scan.is_known_word(w) && !scan.lex.any(w, |_| true)).then_some(Item { span, named: false })
}

/// The first item of a list, ending at `end` (a `、`): the name-shaped
/// stretch that a boundary opens (a break, a post, a verb that takes a
/// person, a conjunction, `的`), or that the segmenter reads as exactly
/// one name (`困难群众/l 罗某某/nr、`).
fn first_item(scan: &Scan<'_>, end: usize) -> Option<Item> {
    [FULL_NAME_CHARS, MIN_NAME_CHARS, MAX_NAME_CHARS]
        .into_iter()
        .find_map(|len| {
            let start = scan.back(end, len);
            let span = Span::new(start, end);
            (scan.text[span.range()].chars().count() == len
                && name_shaped(scan, span)
                && (opens_item(scan, start) || tagged_exactly(scan, span)))
            .then_some(Item { span, named: true })
        })
}

/// True when `span` is a full name the segmenter reads as exactly one
/// name: a clear surname and two given-name characters (`甲、乙` of two
/// such names is a list of names with nothing around it).
fn full_name(scan: &Scan<'_>, span: Span) -> bool {
    scan.text[span.range()].chars().count() == FULL_NAME_CHARS
        && matches!(surname(scan, span.start), Some((1, true)))
        && tagged_exactly(scan, span)
}

/// `某某（蒙古族）`: a name-shaped item of a roster right before a note
/// giving a people in brackets. The note says a person is listed.
pub(crate) fn with_people_note(scan: &Scan<'_>) -> Vec<(Span, Rule)> {
    let mut out = Vec::new();
    for (i, c) in scan.non_ideographs() {
        if !matches!(c, '（' | '(') {
            continue;
        }
        let rest = &scan.text[i + c.len_utf8()..];
        let Some(close) = rest.find(['）', ')']) else {
            continue;
        };
        let note = &rest[..close];
        let n = note.chars().count();
        if !(WORD_CHARS..=MAX_NOTE).contains(&n)
            || !note.ends_with('族')
            || !note.chars().all(is_cjk)
        {
            continue;
        }
        let found = NAME_LENGTHS.into_iter().find_map(|len| {
            let start = scan.back(i, len);
            let span = Span::new(start, i);
            (scan.text[span.range()].chars().count() == len
                && name_shaped(scan, span)
                && (opens_item(scan, start) || scan.char_before(start) == Some('、')))
            .then_some(span)
        });
        out.extend(found.map(|s| (s, Rule::PersonListItem)));
    }
    out
}

/// True when `from..to` is a note in brackets after an item (`（女）`,
/// `（蒙古族）`).
fn note_between(scan: &Scan<'_>, from: usize, to: usize) -> bool {
    let between = &scan.text[from..to];
    between.chars().count() <= MAX_NOTE + 2
        && (between.starts_with('（') && between.ends_with('）')
            || between.starts_with('(') && between.ends_with(')'))
}

/// The longest note in brackets after an item, in chars.
const MAX_NOTE: usize = 6;

/// True when an item may start at `pos`: after a break, a post, a verb or
/// byline word, or a few link words (`有`, `是`, `和`).
fn opens_item(scan: &Scan<'_>, pos: usize) -> bool {
    scan.is_break_before(pos)
        || scan
            .char_before(pos)
            .is_some_and(|c| "有是和与及同由对请的".contains(c))
        || scan.hits_ending_at(pos).any(|h| {
            scan.hit_is(
                h,
                [
                    LexClass::TitleRole,
                    LexClass::NameCue,
                    LexClass::Trigger(Trigger::PersonVerb),
                    LexClass::Trigger(Trigger::Byline),
                ],
            )
        })
}

/// The item starting at `start` (after a `、`): a stretch that ends at
/// another `、` (or a note in brackets before it), or a name that ends
/// where a list can end.
fn next_item(scan: &Scan<'_>, start: usize) -> Option<Item> {
    let rest = &scan.text[start..];
    // The stretch ends at the first break; only `、` or a note goes on.
    if let Some(k) = rest.find(is_clause_break)
        && matches!(rest[k..].chars().next(), Some('、' | '（' | '('))
    {
        let end = start + k;
        if rest[k..].starts_with('、') || without_note(scan, next_comma(scan, end)) == end {
            return item(scan, Span::new(start, end));
        }
    }
    // The last item: where a name read there ends, or a name the
    // segmenter reads as exactly one word (`…、某某某观看了演出`).
    let n = read_name(scan, start)?;
    ((ends_item(scan, n.end) || tagged_exactly(scan, n)) && name_shaped(scan, n)).then_some(Item {
        span: n,
        named: true,
    })
}

/// The next `、` at or after `pos`, or `pos`.
fn next_comma(scan: &Scan<'_>, pos: usize) -> usize {
    memchr::memmem::find(&scan.text.as_bytes()[pos..], "、".as_bytes()).map_or(pos, |k| pos + k)
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
        scan.hit_is(h, LexClass::TitleRole)
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
            .any(|h| scan.hit_is(h, [LexClass::TitleRole, LexClass::TitleOrg]))
    };
    if rest.starts_with('为') {
        // `为副主席`, `为自治区政协副主席`: a post ends the clause.
        let p = pos + '为'.len_utf8();
        let end = scan.clause_at(p).end;
        return post_at(p)
            || scan
                .hits_ending_at(end)
                .any(|h| h.span().start >= p && scan.hit_is(h, LexClass::TitleRole));
    }
    post_at(pos)
        || scan.hits_at(pos).iter().any(|h| {
            scan.hit_is(h, LexClass::NameCue)
                && !super::name::is_weak_cue_hit(scan, h)
                && scan.text[h.span().range()] != *"等"
        })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_name_among_names_may_read_as_a_place_or_a_word() {
        assert_eq!(
            spans("出席会议的有副市长李明、石林、王强。", Person),
            ["李明", "石林", "王强"]
        );
    }

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
    fn the_last_item_of_a_list_ends_at_its_clause() {
        assert_eq!(
            spans(
                "选举郑明华为主任,王国栋、李秀英、赵建平为副主任;选举钱海燕、周德胜为委员。",
                Person
            ),
            ["郑明华", "王国栋", "李秀英", "赵建平", "钱海燕", "周德胜"]
        );
    }

    #[test]
    fn a_long_list_of_names_most_of_them_tagged() {
        assert_eq!(
            spans(
                "参加演出的张建国、李红梅、王志强、赵丽娟,都是新人。",
                Person
            ),
            ["张建国", "李红梅", "王志强", "赵丽娟"]
        );
    }

    #[test]
    fn a_long_list_of_names_with_one_odd_item() {
        // `于是之`: `是` stands in no given name the table knows.
        assert_eq!(
            spans(
                "出席座谈的张建国、李红梅、于是之、王志强、赵丽娟,都是老艺术家。",
                Person
            ),
            ["张建国", "李红梅", "于是之", "王志强", "赵丽娟"]
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
