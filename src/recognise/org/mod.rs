//! ORG: named organisations. Standalone abbreviations come from the lexicon
//! (`区委`, `国务院`); every other name ends in an organisation suffix
//! (`局`, `办`, `中心`, `有限公司`, `代表团` …) and its left edge is found by
//! grammar ([`super::edge`]): `区城管执法局`, `上海何勇企业管理有限公司`,
//! `施甸县党政代表团`.

mod document_number;
mod lead_in;
mod level;
mod listed;
mod party;
mod placed;
mod region;

pub(crate) use document_number::opens_document_number;
pub(crate) use lead_in::start_at_place;
pub(crate) use listed::list_items;
pub(crate) use party::with_party_prefix;

use super::edge::{Edge, LEVEL_CHARS, left_edge};
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass, SuffixTraits};
use crate::recognise::lengths::WORD_CHARS;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::LazyCharSet;
use level::level_anchored;
use region::with_region_in_parentheses;

/// Suffixes of one character, which need a clear word boundary.
fn is_single_char(s: &str) -> bool {
    s.chars().count() == 1
}

/// Generic nouns that, alone before a suffix, name no body (`街道党工委`,
/// `平台公司`): `grammar.generic-head` in `dictionaries/grammar.txt`.
const GENERIC_HEAD: LexClass = LexClass::Grammar(Grammar::GenericHead);

/// Characters after which a body's own name starts (`报区人民政府办公室`).
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const BEFORE_BODY: &str = "报将由经向对在把被从为和与及或、:到赴至了年月日";

/// Verbs of going with a group, which stand before the group's body
/// (`随市代表团`, `同县考察组`); a place they begin (`随州`, `大同市`) keeps them.
/// Kept in code: a closed set of the grammar, read per character.
const GOES_WITH: &str = "随同跟";

/// Characters that never stand inside a body's name.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
static NOT_IN_BODY: LazyCharSet = LazyCharSet::new("的了是在对从把被将这那其各该报由向着过");

/// What the organisation suffix `word` asks of its names (its attributes
/// in `dictionaries/suffixes.txt`).
fn suffix_traits(scan: &Scan<'_>, word: &str) -> SuffixTraits {
    scan.lex
        .lookup(word)
        .find(|e| e.class == LexClass::OrgSuffix)
        .map(|e| e.traits)
        .unwrap_or_default()
}

/// Finds ORG candidates.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let mut out = Vec::new();
    for hit in scan.hits() {
        if scan.hit_is(hit, LexClass::Org) && !cut_from_its_word(scan, hit.span()) {
            if let Some(whole) = named_whole(scan, hit.span()) {
                out.push(Mention::new(whole, EntityKind::Org, Rule::OrgSegmenterWord));
                continue;
            }
            // `区委` inside `区委书记` is still the body; the title decides later.
            out.push(Mention::new(hit.span(), EntityKind::Org, Rule::OrgLexicon));
            out.extend(placed::with_place_before(scan, hit));
        }
        if scan.hit_is(hit, LexClass::OrgSuffix) {
            suffixed(scan, hit.span(), &mut out);
        }
    }
    out
}

/// A body's name that is only the start of a longer word: `公安部` of
/// `公安部门` (the police in general), `外交部` of `外交部长` (a post).
/// The segmenter's word goes on past the name, and what follows is no
/// post of the body (`区委` + `书记` of `区委书记` is still the body).
fn cut_from_its_word(scan: &Scan<'_>, name: Span) -> bool {
    let Some(last) = scan.text[name.range()].chars().next_back() else {
        return false;
    };
    let Some(word) = scan.token_containing(name.end - last.len_utf8()) else {
        return false;
    };
    // A post after the name is a hit from its end to the word's.
    word.span.end > name.end
        && !scan
            .hits_at(name.end)
            .iter()
            .any(|h| h.span().end == word.span.end && scan.hit_is(h, LexClass::TitleRole))
}

/// `某某特区政府/nt`: a body of the lexicon (`区政府`) that ends a word the
/// segmenter knows whole as an organisation's name, starting before it.
/// That word is the body named; the lexicon's is only its tail.
fn named_whole(scan: &Scan<'_>, name: Span) -> Option<Span> {
    let word = scan.token_containing(name.start)?;
    (word.tag == Pos::Nt
        && word.span.start < name.start
        && word.span.end == name.end
        && scan.text[word.span.range()]
            .chars()
            .all(crate::text::is_cjk))
    .then_some(word.span)
}

/// The longest edge of a name, in characters, walked left from its suffix.
const MAX_NAME_CHARS: usize = 20;

/// The bodies named with the organisation suffix at `suffix`: the one
/// anchored at a level character (`org.level-anchored`), the one whose
/// left edge grammar finds (`org.suffix`), and a company's with its region
/// in parentheses (`org.region-in-parentheses`).
fn suffixed(scan: &Scan<'_>, suffix: Span, out: &mut Vec<Mention>) {
    if let Some(m) = level_anchored(scan, suffix)
        && !in_place_suffix(scan, suffix)
    {
        out.push(m);
    }
    // A suffix opening its clause (`会议…`) has no name before it; the
    // segmenter, which reads no token across a clause break, is not
    // asked.
    if scan.opens_clause(suffix.start) {
        return;
    }
    let Some(head) = word_before_suffix(scan, suffix) else {
        return;
    };
    if ends_a_post(scan, suffix) {
        return;
    }
    let word = &scan.text[suffix.range()];
    let traits = suffix_traits(scan, word);
    let Some(edge) = name_edge(scan, suffix, head, traits) else {
        return;
    };
    if traits.governing && !edge.anchored && !opens_with_party(scan, edge.start, head.name_end) {
        // `深化` + `政府`: a governing body is named from a place or level.
        return;
    }
    let start = lead_in::start_at_place(scan, Span::new(edge.start, suffix.end), suffix.start);
    let span = Span::new(start, suffix.end);
    if is_generic_name(scan, span, suffix, head.name_end)
        || (is_single_char(word)
            && ((!edge.anchored && !one_noun_before(scan, span, suffix, head))
                || verb_with_aspect(scan, suffix)))
    {
        return;
    }
    // The brand before a parenthesised region is the proper part of
    // a trade named with common nouns (`某某(中国)饮料有限公司`).
    if word.ends_with("公司")
        && let Some(whole) = with_region_in_parentheses(scan, span)
    {
        out.push(Mention::new(
            whole,
            EntityKind::Org,
            Rule::OrgRegionInParentheses,
        ));
    }
    if traits.needs_proper && !edge.proper {
        return;
    }
    let part = Span::new(span.start, suffix.start);
    if holds_a_named_person(scan, part)
        || holds_a_clause_verb(scan, part)
        || level_alone_before(scan, span, suffix)
        || in_place_suffix(scan, suffix)
    {
        return;
    }
    out.push(Mention::new(span, EntityKind::Org, Rule::OrgSuffix));
}

/// The longest suffix says the kind: `邻里中心` and `购物中心` are places,
/// though `中心` ends bodies. Asked of a name found.
fn in_place_suffix(scan: &Scan<'_>, suffix: Span) -> bool {
    scan.hits_ending_at(suffix.end)
        .any(|h| h.span().start < suffix.start && scan.hit_is(h, LexClass::PlaceSuffix))
}

/// The segmenter's word that holds a suffix.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// Where the name before the suffix ends: the suffix's start, or the
    /// start of the word the segmenter glued it to (`社建办`).
    name_end: usize,
    /// The segmenter glued the suffix to the characters before it.
    merged: bool,
}

/// The word the suffix ends, unless it is no body's: the suffix must end
/// a word (`举办`, `布局`, `干部` are not bodies), though the segmenter may
/// glue a post after it (`党工委书记`).
fn word_before_suffix(scan: &Scan<'_>, suffix: Span) -> Option<Head> {
    let head = scan.token_containing(suffix.start)?;
    if head.span.end > suffix.end
        && !(head.span.start == suffix.start
            && scan
                .lex
                .is(&scan.text[suffix.end..head.span.end], LexClass::TitleRole))
    {
        return None;
    }
    let merged = head.span.start < suffix.start;
    if !merged {
        return Some(Head {
            name_end: suffix.start,
            merged,
        });
    }
    let hw = &scan.text[head.span.range()];
    // `举办`, `主办`: dictionary verbs. An unknown word the segmenter
    // built (`社建办`) may be tagged anything.
    if head.tag.is_verb() && scan.is_known_word(hw) {
        return None;
    }
    if scan.lex.is(hw, LexClass::Stop)
        || ends_in_common_word(scan, Span::new(head.span.start, suffix.end))
    {
        return None;
    }
    // A common word that ends in the suffix (`干部`, `布局`, `展厅`):
    // one character before a one-character suffix.
    if is_single_char(&scan.text[suffix.range()])
        && scan.text[head.span.start..suffix.start].chars().count() < WORD_CHARS
        && !scan
            .lex
            .any(hw, |c| matches!(c, LexClass::Org | LexClass::TitleOrg))
        && !matches!(head.tag, Pos::Nt | Pos::J)
    {
        return None;
    }
    Some(Head {
        name_end: head.span.start,
        merged,
    })
}

/// `words` ends in a two-character common word of the stop list, a
/// one-character suffix bound to the character before it, that starts
/// inside it and names no body (`产业布局`, `合理布局`: `布局` is no bureau;
/// `党委`, a stop as a generic body, is a body's word; `物业公司` is a
/// company's trade and its suffix).
pub(super) fn ends_in_common_word(scan: &Scan<'_>, words: Span) -> bool {
    scan.hits_ending_at(words.end).any(|h| {
        h.span().start > words.start
            && scan.text[h.span().range()].chars().count() == 2
            && scan.hit_is(h, LexClass::Stop)
            && !scan.hit_is(h, crate::lexicon::ClassSet::BODY_WORDS)
    })
}

/// `常委` is a post: its `委` is no body.
fn ends_a_post(scan: &Scan<'_>, suffix: Span) -> bool {
    scan.hits_ending_at(suffix.end).any(|h| {
        h.span().start < suffix.start
            && scan.hit_is(h, LexClass::TitleRole)
            && !scan.hit_is(h, [LexClass::Org, LexClass::OrgSuffix])
    })
}

/// The left edge of the name ending in `suffix`, found by grammar; none
/// when a group suffix has no body before its group words (`视察调研组`
/// alone is a generic noun).
fn name_edge(scan: &Scan<'_>, suffix: Span, head: Head, traits: SuffixTraits) -> Option<Edge> {
    // `区人大常委会视察调研组`: the words saying what a group does
    // (cue words elsewhere) stand between its body and its suffix.
    let group_words = group_words_before(scan, head.name_end, &scan.text[suffix.range()]);
    let allow_verb = !head.merged && traits.holds_verbs;
    let mut edge = left_edge(
        scan,
        group_words,
        MAX_NAME_CHARS,
        allow_verb,
        !traits.governing,
    );
    if edge.start == suffix.start || (group_words < head.name_end && edge.start == group_words) {
        return None;
    }
    // The anchor lies in the name proper, before any group words.
    edge.start = trim_at_anchor(scan, edge.start, head.name_end.min(suffix.start));
    // The segmenter's dictionary holds whole bodies (`某某省人民政府`,
    // one word): the division opening that word anchors the name.
    if head.merged && opens_with_division(scan, Span::new(head.name_end, suffix.start)) {
        // Words before it that hold no place are no part of it (`经`).
        if !edge.anchored {
            edge.start = head.name_end;
        }
        edge.anchored = true;
        edge.proper = true;
    }
    Some(edge)
}

/// `中共` opens the name between `start` and `name_end`: a party body,
/// named without a place.
fn opens_with_party(scan: &Scan<'_>, start: usize, name_end: usize) -> bool {
    scan.text
        .get(start..name_end)
        .is_some_and(|n| n.starts_with("中共"))
}

/// A name that names no one body: a stop phrase or cadres (`镇村干部`),
/// every body of a kind (`区政府各委`), a kind of body read off its
/// suffix alone (`党工委`), or a generic noun before the suffix
/// (`街道党工委`, `平台公司`).
fn is_generic_name(scan: &Scan<'_>, span: Span, suffix: Span, name_end: usize) -> bool {
    let name = &scan.text[span.range()];
    if scan.lex.is(name, LexClass::Stop) || name.ends_with("干部") || name.contains('各') {
        return true;
    }
    if scan.lex.any(name, |c| {
        matches!(c, LexClass::TitleOrg | LexClass::OrgSuffix)
    }) && !scan.lex.is(name, LexClass::Org)
    {
        return true;
    }
    scan.lex
        .is(&scan.text[span.start..suffix.start], GENERIC_HEAD)
        || scan.lex.is(
            &scan.text[span.start..name_end.max(span.start)],
            GENERIC_HEAD,
        )
}

/// A one-character suffix with no anchor needs one two-character noun or
/// abbreviation before it (`公安局`, `财政局`, `党建办`), two such nouns
/// (`社会事务办`), or the segmenter's whole word.
fn one_noun_before(scan: &Scan<'_>, span: Span, suffix: Span, head: Head) -> bool {
    let left_len = scan.text[span.start..suffix.start].chars().count();
    let nominal = |t: &crate::recognise::segment::Token| t.tag.is_noun() || t.tag == Pos::J;
    let toks = scan.tokens_around(span.start);
    let inside: Vec<_> = toks
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= head.name_end)
        .collect();
    let two_chars_each = inside
        .iter()
        .all(|t| scan.text[t.span.range()].chars().count() == 2);
    let one_noun = (left_len == 2 || left_len == 4)
        && inside.len() * 2 == left_len
        && two_chars_each
        && inside.first().is_some_and(|t| t.span.start == span.start)
        && inside.last().is_some_and(|t| t.span.end == head.name_end)
        && inside.iter().all(|t| nominal(t));
    let head_part = scan.text[head.name_end..suffix.start].chars().count();
    one_noun || (head.merged && left_len == head_part)
}

/// A level character alone before a one-character suffix is no name
/// (`区委` is in the lexicon; `镇办` is not a body).
fn level_alone_before(scan: &Scan<'_>, span: Span, suffix: Span) -> bool {
    let left = &scan.text[span.start..suffix.start];
    let mut chars = left.chars();
    is_single_char(&scan.text[suffix.range()])
        && chars.next().is_some_and(|c| LEVEL_CHARS.contains(&c))
        && chars.next().is_none()
}

/// True when a division of the lexicon (`某某省`, `某某市`), or its short
/// form with its level character, opens `part` and ends inside it.
fn opens_with_division(scan: &Scan<'_>, part: Span) -> bool {
    scan.hits_at(part.start).iter().any(|h| {
        h.span().end <= part.end
            && h.span().len() >= super::TWO_CHARS_BYTES
            && scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
    })
}

/// `某某博士出任中心`, `某某局长主持会议`: a name the segmenter tags as a
/// person, right before a post or an honour, is a sentence inside what
/// looked like a body's name.
fn holds_a_named_person(scan: &Scan<'_>, part: Span) -> bool {
    let tokens = scan.tokens_around(part.start);
    scan.hits_within(part).any(|h| {
        scan.hit_is(h, |c| {
            matches!(
                c,
                LexClass::TitleRole | LexClass::Trigger(crate::lexicon::Trigger::Honour)
            )
        }) && tokens
            .iter()
            .any(|t| t.span.end == h.span().start && t.span.start >= part.start && t.tag.is_name())
    })
}

/// `县政协召开第十一届委员会`, `市委关于加强人大`: a verb that moves a clause
/// (a verb that ends a list of places and is no inspection, such as
/// `召开`, `开展`, `了解`) or a preposition (`关于`) inside what looked like
/// a body's name.
fn holds_a_clause_verb(scan: &Scan<'_>, part: Span) -> bool {
    use crate::lexicon::Trigger;
    scan.hits_within(part).any(|h| {
        scan.hit_is(h, LexClass::Trigger(Trigger::LinkVerb))
            && !scan.hit_is(
                h,
                [
                    LexClass::Trigger(Trigger::VisitInspect),
                    LexClass::Trigger(Trigger::Purpose),
                ],
            )
            && h.span().len() >= super::TWO_CHARS_BYTES
    }) || scan.tokens_around(part.start).iter().any(|t| {
        t.span.start >= part.start
            && t.span.end <= part.end
            && t.span.len() >= super::TWO_CHARS_BYTES
            && (t.tag == Pos::P || (t.tag == Pos::V && acts_after_body(scan, part, t)))
    })
}

/// `省政府派出工作组`, `市委成立调研组`: a verb the segmenter knows right
/// after a body inside `part`: the body acts, and what follows is no part
/// of its name. A group's own activity (`视察` of `市人大常委会视察调研组`:
/// a group word or a verb of inspection) names the group.
fn acts_after_body(scan: &Scan<'_>, part: Span, verb: &crate::recognise::segment::Token) -> bool {
    use crate::lexicon::{Grammar, Trigger};
    let names_a_group = [
        LexClass::Grammar(Grammar::GroupWord),
        LexClass::Trigger(Trigger::VisitInspect),
        LexClass::Trigger(Trigger::Purpose),
    ];
    scan.is_known_word(&scan.text[verb.span.range()])
        && !scan
            .hits_at(verb.span.start)
            .iter()
            .any(|h| h.span() == verb.span && scan.hit_is(h, names_a_group))
        && scan.span_ends_with(
            Span::new(part.start, verb.span.start),
            crate::lexicon::ClassSet::BODY_WORDS,
        )
}

/// `在银行办了贷款`: a one-character suffix the segmenter reads as a verb
/// with an aspect particle after it (`了`, `过`, `着`) ends no body.
fn verb_with_aspect(scan: &Scan<'_>, suffix: Span) -> bool {
    let tokens = scan.tokens_around(suffix.start);
    tokens.iter().any(|t| t.span == suffix && t.tag.is_verb())
        && tokens
            .iter()
            .any(|t| t.span.start == suffix.end && t.tag.is_aspect())
}

/// Where the group words before a group suffix start (`视察` of
/// `视察调研组`); `pos` itself for other suffixes.
fn group_words_before(scan: &Scan<'_>, pos: usize, suffix: &str) -> usize {
    if !super::group::is_group_suffix(suffix) {
        return pos;
    }
    let mut start = pos;
    // A group's task takes a few words at most (`专题视察调研`).
    for _ in 0..4 {
        match super::group::GROUP_WORDS
            .iter()
            .find(|w| scan.text[..start].ends_with(**w))
        {
            Some(w) => start -= w.len(),
            None => break,
        }
    }
    start
}

/// Moves a name's start forward to a level character or place that opens
/// the body's own name after a verb or a link (`工作方案报` + `区人民政府办公室`).
fn trim_at_anchor(scan: &Scan<'_>, start: usize, suffix_start: usize) -> usize {
    let mut best = start;
    let Some(name) = scan.text.get(start..suffix_start) else {
        return start;
    };
    for (i, c) in name.char_indices().skip(1) {
        let p = start + i;
        let opens =
            LEVEL_CHARS.contains(&c) || scan.longest_at(p, |k: LexClass| k.is_place()).is_some();
        // `高标准建设` + `某镇红色文化展示厅`: a verb before the place.
        let after_verb = || {
            scan.tokens_around(p)
                .iter()
                .any(|t| t.span.end == p && t.tag.is_verbal())
        };
        let goes_with = || {
            scan.char_before(p).is_some_and(|b| GOES_WITH.contains(b))
                && !closes_a_place(scan, p, c)
        };
        if opens
            && (scan.char_before(p).is_some_and(|b| BEFORE_BODY.contains(b))
                || after_verb()
                || goes_with())
        {
            best = p;
        }
    }
    best
}

/// True when the character `c` at `p` ends or continues a place of the
/// lexicon that starts before it (`大同市`, `随州`).
fn closes_a_place(scan: &Scan<'_>, p: usize, c: char) -> bool {
    let after = p + c.len_utf8();
    scan.hits_within(Span::new(scan.back(p, 2), scan.forward(after, 2)))
        .any(|h| {
            h.span().start < p
                && h.span().end >= after
                && scan.hit_is(h, |k: LexClass| k.is_place())
        })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    fn orgs(text: &str) -> Vec<String> {
        spans(text, Org)
    }

    #[test]
    fn an_office_named_by_an_abbreviation_or_two_nouns() {
        assert_eq!(orgs("由党建办牵头负责。"), ["党建办"]);
        assert_eq!(orgs("由社会事务办牵头负责。"), ["社会事务办"]);
        assert!(orgs("今年举办活动。").is_empty());
    }

    #[test]
    fn a_national_body_is_no_start_of_a_longer_word() {
        assert_eq!(orgs("民政部日前发出通知。"), ["民政部"]);
        assert!(orgs("县公安部门和财政部门联合行动。").is_empty());
        assert!(orgs("外交部长王立新会见了他。").is_empty());
    }

    #[test]
    fn an_adjectival_noun_names_a_field() {
        assert_eq!(
            orgs("湖州市教育卫生委员会召开会议。"),
            ["湖州市教育卫生委员会"]
        );
    }

    #[test]
    fn a_verb_ending_in_a_suffix_ends_no_body() {
        assert_eq!(orgs("活动由区文明办主办。"), ["区文明办"]);
    }

    #[test]
    fn rooms_in_a_list_are_no_bodies() {
        assert!(
            orgs("参观了新时代文明实践站、党员活动室、书画室等。")
                .iter()
                .all(|o| !o.ends_with('室'))
        );
        assert_eq!(
            orgs("镇党政办、镇信访室负责人参加。"),
            ["镇党政办", "镇信访室"]
        );
    }

    #[test]
    fn a_county_short_form_at_the_end_of_a_word_does_not_stop_the_name() {
        // `资源` is the short form of 资源县, and the tail of `国土资源`.
        assert_eq!(orgs("温州国土资源局发布公告。"), ["温州国土资源局"]);
    }

    #[test]
    fn a_verb_of_going_with_a_group_is_not_part_of_its_name() {
        assert_eq!(orgs("李明还随市考察团参观了青山村。"), ["市考察团"]);
        assert_eq!(orgs("他同县代表团一起来到柳镇。"), ["县代表团"]);
        assert!(orgs("大同市规划局召开会议。").contains(&"大同市规划局".to_string()));
    }

    #[test]
    fn a_glued_preposition_is_not_part_of_the_name() {
        // jieba reads `由城` as one word.
        assert!(
            orgs("本工程由城投公司代建。")
                .iter()
                .all(|o| !o.contains('由'))
        );
    }

    #[test]
    fn a_congress_with_its_term_and_a_key_laboratory() {
        assert_eq!(
            orgs("三林镇第十五届人民代表大会第二次会议开幕。"),
            ["三林镇第十五届人民代表大会"]
        );
        assert_eq!(
            orgs("建设浙江省光电材料重点实验室。"),
            ["浙江省光电材料重点实验室"]
        );
        // A congress is named from its place or level, never alone.
        assert!(orgs("召开人民代表大会。").is_empty());
    }

    #[test]
    fn a_group_named_after_its_body_and_its_task() {
        assert_eq!(
            orgs("此次区人大常委会视察调研组对报告提出意见。"),
            ["区人大常委会视察调研组"]
        );
        assert!(orgs("随后,视察调研组来到工地。").is_empty());
    }

    #[test]
    fn a_body_the_segmenter_glued_to_a_post() {
        // jieba reads `党工委书记` as one word; with no person after it the
        // post is dropped and the body stays.
        assert_eq!(
            orgs("春华社区党工委书记、服务中心主任介绍了情况。"),
            ["春华社区党工委"]
        );
        // `委员` after `党工委` glues no body `党工委` out of `委`.
        assert!(orgs("担任兼职党工委委员。").is_empty());
    }

    #[test]
    fn two_governing_bodies_side_by_side_are_two() {
        assert_eq!(
            orgs("贯彻《中共天津市委天津市人民政府关于加强工作的意见》"),
            ["中共天津市委", "天津市人民政府"]
        );
    }

    #[test]
    fn a_short_form_that_is_a_common_word_is_read_as_a_word() {
        // `发展` is also the short form of 发展乡.
        assert_eq!(
            orgs("依托莘庄镇产业发展联盟,研究制定政策。"),
            ["莘庄镇产业发展联盟"]
        );
        // `建设` too; a verb before the place ends the name.
        assert_eq!(
            orgs("高标准建设莘庄红色文化展示厅。"),
            ["莘庄红色文化展示厅"]
        );
    }

    #[test]
    fn an_unknown_word_is_part_of_a_company_name_whatever_its_guessed_tag() {
        // From the sample corpus: jieba's model tags the unknown `德必` as
        // an adverb.
        assert_eq!(
            orgs("潘丽萍先后到七宝德必科技发展有限公司进行了实地调研。"),
            ["七宝德必科技发展有限公司"]
        );
        // An adjective the model made up (`老旧`) is not, nor is a
        // boundary word that is also a county's short form (`东至`).
        let places = |t| crate::recognise::testing::spans(t, crate::span::EntityKind::Place);
        assert!(places("完成老旧小区改造。").is_empty());
        assert!(!places("1号地块:东至绿瘦酒店。").contains(&"东至绿瘦酒店".to_string()));
    }

    #[test]
    fn a_level_and_a_body_before_a_post() {
        // A rank of a level's congress names no body; the one in charge of
        // a court or a procuratorate does.
        assert!(orgs("他是县人大代表。").is_empty());
        assert_eq!(
            orgs("县法院、县检察院负责人列席会议。"),
            ["县法院", "县检察院"]
        );
    }

    #[test]
    fn the_longest_suffix_says_the_kind() {
        let text = "在莘松邻里中心、万达购物中心开展活动。";
        assert!(orgs(text).is_empty());
        let places = crate::recognise::testing::spans(text, crate::span::EntityKind::Place);
        assert_eq!(places, ["莘松邻里中心", "万达购物中心"]);
    }

    #[test]
    fn a_cooperative_needs_its_village() {
        assert!(orgs("完成村委换届后经济合作社信息变更。").is_empty());
        assert_eq!(orgs("九星村股份经济合作社成立。"), ["九星村股份经济合作社"]);
    }

    #[test]
    fn a_kind_of_station_is_no_station() {
        assert!(orgs("全面推进党群服务站标准化建设。").is_empty());
        assert_eq!(orgs("镇慈善工作站被评为先进。"), ["镇慈善工作站"]);
    }

    #[test]
    fn a_party_committee_and_a_government_side_by_side_are_two_bodies() {
        assert_eq!(orgs("在市委市政府的领导下。"), ["市委", "市政府"]);
        assert!(!orgs("区委政府高度重视。").contains(&"区委政府".to_string()));
    }

    #[test]
    fn the_issuer_code_of_a_document_number_is_no_body() {
        assert!(orgs("根据区府办〔2023〕12号文件精神。").is_empty());
        assert!(orgs("根据区府办[2023]12号文件精神。").is_empty());
        assert_eq!(orgs("区府办将于下周召开会议。"), ["区府办"]);
    }

    #[test]
    fn a_company_with_its_region_in_parentheses() {
        assert_eq!(
            orgs("走访了森美(福建)石油有限公司泉州分公司。"),
            ["森美(福建)石油有限公司泉州分公司"]
        );
        assert_eq!(
            orgs("公司与可口可乐(中国)饮料有限公司签约。"),
            ["可口可乐(中国)饮料有限公司"]
        );
        // A place in parentheses before no company is just a place.
        assert!(orgs("会议(上海)召开。").is_empty());
    }

    #[test]
    fn offices_of_a_party_committee_or_a_government() {
        assert_eq!(
            orgs("市政府督查室、市委政策研究室的同志参加。"),
            ["市政府督查室", "市委政策研究室"]
        );
        // A room is no office.
        assert!(
            orgs("在区政府会议室召开会议。")
                .iter()
                .all(|o| !o.ends_with("室"))
        );
    }

    #[test]
    fn a_clause_verb_or_a_name_inside_is_no_body() {
        assert!(
            orgs("7月20日,县政协召开第十一届委员会第十五次常委会议。")
                .iter()
                .all(|o| !o.contains("召开"))
        );
        assert!(
            orgs("研究所所长秦立文博士出任中心主任。")
                .iter()
                .all(|o| !o.contains("秦立文"))
        );
        assert!(orgs("全县政协组织要发挥作用。").is_empty());
    }

    #[test]
    fn bodies_of_every_town_are_no_body() {
        assert!(orgs("加强乡镇人大建设。").is_empty());
        assert!(orgs("各街道办事处、镇人民政府:").is_empty());
        assert_eq!(orgs("区政府、镇人民政府:"), ["区政府", "镇人民政府"]);
        // A headline joined to the addressees (its line break removed),
        // and the departments of a government, all of them.
        let notice = "关于印发《区2024年城市更新工作要点》的通知\n各街道办事处、镇人民政府,区政府各委、办、局:";
        assert_eq!(orgs(notice), ["区政府"]);
    }

    #[test]
    fn cadres_and_kinds_of_body_are_no_body() {
        assert!(orgs("书记带领镇村干部赴外地学习。").is_empty());
        assert_eq!(orgs("园区党工委、各街道党工委要抓好落实。"), ["园区党工委"]);
    }

    #[test]
    fn a_post_and_a_name_between_two_bodies_make_no_body() {
        let found = orgs("10月15日,市政协主席李伟率市政协视察组到经开区视察。");
        assert!(found.iter().all(|o| !o.contains("主席")), "{found:?}");
        // `和` is a cue after names, and joins the words of a bureau's name.
        assert_eq!(orgs("区发展和改革局牵头。"), ["区发展和改革局"]);
    }

    #[test]
    fn bodies_named_from_their_level() {
        assert_eq!(
            orgs("区城管执法局、区科学技术局负责人参加。"),
            ["区城管执法局", "区科学技术局"]
        );
        assert_eq!(orgs("坚持区委、区政府的领导。"), ["区委", "区政府"]);
    }

    #[test]
    fn companies_and_institutions() {
        assert_eq!(
            orgs("走访了上海星海科技有限公司。"),
            ["上海星海科技有限公司"]
        );
        assert_eq!(
            orgs("来到莘庄镇社区卫生服务中心。"),
            ["莘庄镇社区卫生服务中心"]
        );
    }

    #[test]
    fn abbreviations_in_lists() {
        assert_eq!(
            orgs("责任单位:党建办、财政所、城运中心"),
            ["党建办", "财政所", "城运中心"]
        );
    }

    #[test]
    fn generic_groups_are_no_bodies() {
        assert!(orgs("相关部门负责人参加会议。").is_empty());
        assert!(orgs("各街道党工委要抓好落实。").is_empty());
        assert!(orgs("联合主办").is_empty());
    }

    #[test]
    fn a_government_the_segmenter_reads_as_one_word() {
        assert_eq!(orgs("经河北省人民政府批准,项目开工。"), ["河北省人民政府"]);
        assert_eq!(orgs("他向江苏省政府汇报。"), ["江苏省政府"]);
    }

    #[test]
    fn a_school_numbered_by_an_ordinal() {
        assert_eq!(orgs("代表团走访武义县第二中学。"), ["武义县第二中学"]);
    }
}
