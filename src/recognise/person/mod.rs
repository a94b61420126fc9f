//! PERSON: full names, found where this genre writes them: after a title
//! (`区委副书记于勇`), in lists after a title (`副镇长彭哲颖、胡小胜`),
//! before cue words (`严俊表示`, `施继平率`, `刘世军一行`), in bylines
//! (`(通讯员 张琳子)`, `高志强/文`), and then at every later mention of a
//! name already recognised (the document cache).
//!
//! A name is a surname (single or compound) and one or two given-name
//! characters; which of the two is decided by what follows (a break, a cue
//! word, a title) and, failing that, by the segmenter.

mod byline;
mod foreign;
mod honour;
mod list;
mod name;
mod pair;
mod roster;
mod tagged;
mod verb;

pub(crate) use name::{name_shaped, read_name, tagged_exactly};

use super::index::MentionIndex;
use super::title::TitleCand;
use super::words::leftmost_longest;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass, Trigger};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use hashbrown::HashSet;
use list::{list_after, list_before, name_before};
use name::{
    after_locative, cue_len, is_not_a_name, is_not_a_name_after_post, is_trigger, is_weak_cue_hit,
};

/// The spans a name may not lie strictly inside (dates excepted), sorted
/// by start, so a look-up reads only the few that start just before it
/// instead of every mention of the document.
struct Blockers {
    spans: Vec<Span>,
    longest: usize,
}

impl Blockers {
    fn new(blockers: &[Mention]) -> Self {
        let mut spans: Vec<Span> = blockers
            .iter()
            .filter(|b| b.kind != EntityKind::Date)
            .map(|b| b.span)
            .collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
        Blockers { spans, longest }
    }

    /// True when a blocker holds `s` and is longer than it.
    fn covers(&self, s: Span) -> bool {
        let upto = self.spans.partition_point(|b| b.start <= s.start);
        self.spans[..upto]
            .iter()
            .rev()
            .take_while(|b| b.start + self.longest >= s.end)
            .any(|b| b.contains(s) && *b != s)
    }
}

/// Finds persons, and marks which titles stand before a person.
pub(crate) fn find(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    blockers: &[Mention],
    orgs: &[Mention],
    places: &[Mention],
) -> (Vec<Mention>, Vec<TitleCand>) {
    let mut names: Vec<(Span, Rule)> = Vec::new();
    let title_starts: HashSet<usize> = titles.iter().map(|t| t.span.start).collect();
    let blocking = Blockers::new(blockers);
    let taken = tagged::taken(places, orgs);
    after_titles(scan, titles, &title_starts, &taken, &mut names);
    before_cues(scan, orgs, &mut names);
    after_leader_words(scan, &title_starts, &mut names);
    after_honours(scan, &taken, &mut names);
    byline::bylines(scan, &mut names);
    known_persons(scan, &mut names);
    // After a verb that takes a person (`任命甲为…`, `会见乙`), and between
    // a body and its post (`某局某某局长`).
    names.extend(verb::find(scan));
    names.extend(verb::between_body_and_post(scan, orgs));
    names.extend(verb::listed_before_post(scan));
    names.extend(verb::opening_before_post(scan));
    // What the segmenter tags as a name, with evidence around it.
    let title_ends: HashSet<usize> = titles.iter().map(|t| t.span.end).collect();
    let tokens = scan.all_tokens();
    names.extend(tagged::find(scan, tokens, &title_ends, &taken));
    drop_segmenter_readings_of_bylines(&mut names);
    // The other items of lists of names.
    let listed = roster::find(scan, &names, tokens, &taken);
    names.extend(listed);
    let paired = pair::find(scan, &names, tokens, &taken);
    names.extend(paired);
    names.extend(roster::with_people_note(scan));
    names.retain(|&(n, _)| !blocking.covers(n) && !name::is_no_name_shape(scan, n));
    document_cache(scan, &blocking, &mut names);
    let kept = longest_of_overlapping(names);
    let kept_titles = titles_of_persons(scan, titles, &kept);
    let persons = kept
        .into_iter()
        .map(|(s, rule)| Mention::new(s, EntityKind::Person, rule))
        .collect();
    (persons, kept_titles)
}

/// `person.after-title`: the name right after a title, and the list that
/// may follow it (`副镇长彭哲颖、胡小胜`); a transliterated name there is
/// `person.foreign`.
fn after_titles(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    title_starts: &HashSet<usize>,
    taken: &MentionIndex,
    names: &mut Vec<(Span, Rule)>,
) {
    for t in titles {
        let mut pos = t.span.end;
        if scan.char_at(pos) == Some(' ') {
            pos += 1;
        }
        // A title right after a title: a chain of posts, no name yet.
        if title_starts.contains(&pos) {
            continue;
        }
        let chinese = read_name(scan, pos)
            .filter(|&n| !is_not_a_name_after_post(scan, n))
            .or_else(|| segmenter_name_at(scan, pos));
        // `国防部长沙利卡什维利`: a transliterated name.
        if let Some(f) = foreign_name_after(scan, pos, chinese, taken) {
            names.push((f, Rule::PersonForeign));
            continue;
        }
        if let Some(n) = chinese {
            let rule = if is_not_a_name(scan, n) {
                Rule::PersonRareWordAfterTitle
            } else {
                Rule::PersonAfterTitle
            };
            names.push((n, rule));
            list_after(scan, n.end, title_starts, names, Rule::PersonAfterTitle);
        }
    }
}

/// `省长某良玉/nz`, `书记某在远/nr`: a full name of three characters right
/// after a title that the segmenter reads as one proper name, opening with
/// a surname the name's own reading turned down (a surname that is also a
/// common word, a given name holding a function character). No frequent
/// word of the dictionary and no entry of the lexicon.
fn segmenter_name_at(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let t = scan.token_starting_at(pos)?;
    let w = &scan.text[t.span.range()];
    (matches!(
        t.tag,
        super::pos::Pos::Nr | super::pos::Pos::Nz | super::pos::Pos::Nrfg
    ) && w.chars().count() == super::lengths::FULL_NAME_CHARS
        && w.chars().all(crate::text::is_cjk)
        && name::surname(scan, pos).is_some_and(|(n, _)| n == 1)
        && !scan.is_frequent_word(w)
        && !scan.lex.any(w, |_| true))
    .then_some(t.span)
}

/// A transliterated name at `pos` (`person.foreign`), which a country or
/// an organisation found inside is part of (`马里奥…`), never overlaps;
/// a place that opens inside the post before it is the post's misreading
/// (`部长沙基卜·…`: not `长沙`).
fn foreign_name_after(
    scan: &Scan<'_>,
    pos: usize,
    chinese: Option<Span>,
    taken: &MentionIndex,
) -> Option<Span> {
    foreign::after_post(scan, pos, chinese).filter(|&f| {
        taken
            .overlapping(f)
            .all(|m| m.span.start < pos || (f.contains(m.span) && m.span != f))
    })
}

/// `person.before-cue`: a name before a cue word, after a break
/// (`严俊表示`, `施继平率`), and the list before it; a weak cue takes none.
fn before_cues(scan: &Scan<'_>, orgs: &[Mention], names: &mut Vec<(Span, Rule)>) {
    for hit in scan.hits() {
        if !scan.hit_is(hit, LexClass::NameCue) {
            continue;
        }
        if is_weak_cue_hit(scan, hit) {
            continue;
        }
        if let Some(n) = name_before(scan, hit.span().start, orgs)
            && !is_not_a_name(scan, n)
            && !honour::function_word_and_word(scan, n)
            && !after_locative(scan, n)
        {
            names.push((n, Rule::PersonBeforeCue));
            list_before(scan, n.start, names);
        }
    }
}

/// `person.after-leader-word`: a name after a generic leader word
/// (`镇领导季良`), and the list that may follow it.
fn after_leader_words(
    scan: &Scan<'_>,
    title_starts: &HashSet<usize>,
    names: &mut Vec<(Span, Rule)>,
) {
    for hit in scan.hits() {
        // The class's bit first: most hits are no stop phrase.
        let opener =
            scan.hit_is(hit, LexClass::Stop) && scan.text[hit.span().range()].ends_with("领导");
        if opener
            && let Some(n) = read_name(scan, hit.span().end)
            && !is_not_a_name(scan, n)
        {
            names.push((n, Rule::PersonAfterLeaderWord));
            list_after(
                scan,
                n.end,
                title_starts,
                names,
                Rule::PersonAfterLeaderWord,
            );
        }
    }
}

/// `person.after-honour`: a name after an honour or a role in the
/// community (`道德模范王某`, `村民李某`) that ends where a name ends; a
/// transliterated one there (`主帅马扎里奥尼`) is `person.foreign`.
fn after_honours(scan: &Scan<'_>, taken: &MentionIndex, names: &mut Vec<(Span, Rule)>) {
    for hit in scan
        .hits()
        .iter()
        .filter(|h| is_trigger(scan, h, Trigger::Honour))
    {
        let pos = hit.span().end;
        let chinese = read_name(scan, pos)
            .filter(|&n| !is_not_a_name(scan, n) && !honour::function_word_and_word(scan, n));
        if let Some(f) = foreign_name_after(scan, pos, chinese, taken) {
            names.push((f, Rule::PersonForeign));
            continue;
        }
        if let Some(n) = chinese
            && (scan.is_break_at(n.end)
                || cue_len(scan, n.end) >= LONG_CUE_BYTES
                || honour::name_ends(scan, n))
        {
            names.push((n, Rule::PersonAfterHonour));
        }
    }
}

/// After an honour, a cue of this many bytes or more (two characters:
/// `表示`, `同志`) ends the name; a one-character cue may be its given name.
const LONG_CUE_BYTES: usize = 6;

/// `person.known`: a well-known person of the lexicon (`persons.txt`).
fn known_persons(scan: &Scan<'_>, names: &mut Vec<(Span, Rule)>) {
    for hit in scan.hits() {
        if scan.hit_is(hit, LexClass::Person) {
            names.push((hit.span(), Rule::PersonKnown));
        }
    }
}

/// `记者王丽摄`: the byline's reading of a name, not the segmenter's
/// longer one that starts with it.
fn drop_segmenter_readings_of_bylines(names: &mut Vec<(Span, Rule)>) {
    let bylined: Vec<Span> = names
        .iter()
        .filter(|(_, r)| *r == Rule::PersonByline)
        .map(|&(s, _)| s)
        .collect();
    names.retain(|&(s, r)| {
        r != Rule::PersonSegmenter || !bylined.iter().any(|b| b.start == s.start && b.end < s.end)
    });
}

/// `person.document-cache`: every later mention of a name already found,
/// unless a longer mention holds it.
fn document_cache(scan: &Scan<'_>, blocking: &Blockers, names: &mut Vec<(Span, Rule)>) {
    let known: HashSet<&str> = names.iter().map(|(n, _)| &scan.text[n.range()]).collect();
    let cached = leftmost_longest(scan.text, known)
        .into_iter()
        .filter(|&s| !blocking.covers(s))
        .map(|s| (s, Rule::PersonDocumentCache));
    names.extend(cached);
}

/// Of one span, the first rule that found it; of overlapping names, the
/// one that starts first, longest first.
fn longest_of_overlapping(mut names: Vec<(Span, Rule)>) -> Vec<(Span, Rule)> {
    names.sort_by_key(|&(s, _)| (s.start, std::cmp::Reverse(s.end)));
    names.dedup_by_key(|(s, _)| *s);
    let mut kept: Vec<(Span, Rule)> = Vec::new();
    for n in names {
        if kept.last().is_some_and(|last| last.0.overlaps(n.0)) {
            continue;
        }
        kept.push(n);
    }
    kept
}

/// The titles kept: those a person follows, or a kept title joined to
/// them, or a person names before them; then those chained after a kept
/// title by `、`. Sorted by start.
fn titles_of_persons(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    kept: &[(Span, Rule)],
) -> Vec<TitleCand> {
    let person_starts: HashSet<usize> = kept.iter().map(|(s, _)| s.start).collect();
    let person_ends: HashSet<usize> = kept.iter().map(|(s, _)| s.end).collect();
    let mut kept_titles: Vec<TitleCand> = Vec::new();
    let mut sorted: Vec<TitleCand> = titles.to_vec();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.span.start));
    let mut kept_starts: HashSet<usize> = HashSet::new();
    for t in sorted {
        let ok = person_starts.contains(&after_spaces(scan, t.span.end))
            || joined_to_kept_title(scan, t, &kept_starts)
            || person_before_post(scan, t.span.start, &person_ends);
        if ok {
            kept_starts.insert(t.span.start);
            kept_titles.push(t);
        }
    }
    chain_after_kept_titles(scan, titles, &mut kept_starts, &mut kept_titles);
    kept_titles.sort_by_key(|t| t.span.start);
    kept_titles
}

/// `镇长  某某`: the position after the spaces that may stand before a
/// name (a speech's byline).
fn after_spaces(scan: &Scan<'_>, mut after: usize) -> usize {
    while scan
        .char_at(after)
        .is_some_and(|c| c == ' ' || c == '\u{3000}')
    {
        after += scan.char_at(after).map_or(1, char::len_utf8);
    }
    after
}

/// Titles of one person are joined by `、` or `兼`, or by a comma when no
/// name stands between (`某党组副书记、副主任,某会主席某某`): true when a
/// kept title follows `t` so.
fn joined_to_kept_title(scan: &Scan<'_>, t: TitleCand, kept_starts: &HashSet<usize>) -> bool {
    scan.char_at(t.span.end)
        .filter(|c| matches!(c, '、' | '兼' | ',' | '\u{FF0C}'))
        .is_some_and(|j| kept_starts.contains(&(t.span.end + j.len_utf8())))
}

/// A title after a kept title and `、` (`副县长、代理县长`) is kept too,
/// until no more is added.
fn chain_after_kept_titles(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    kept_starts: &mut HashSet<usize>,
    kept_titles: &mut Vec<TitleCand>,
) {
    let mut changed = true;
    while changed {
        changed = false;
        for t in titles {
            if kept_starts.contains(&t.span.start) {
                continue;
            }
            if scan.char_before(t.span.start) == Some('、')
                && kept_titles
                    .iter()
                    .any(|k| k.span.end + '、'.len_utf8() == t.span.start)
            {
                kept_starts.insert(t.span.start);
                kept_titles.push(*t);
                changed = true;
            }
        }
    }
}

/// `李明同志为城南县人民政府副县长`, `免去赵刚同志副县长职务`: a post
/// named after the person.
fn person_before_post(scan: &Scan<'_>, start: usize, person_ends: &HashSet<usize>) -> bool {
    let head = &scan.text[..start];
    // The longest link (`grammar.appoint-link`: `当选为` before `为`).
    let cut = scan
        .lex
        .suffixes_of(head, LexClass::Grammar(Grammar::AppointLink))
        .next()
        .map_or(head, |link| &head[..head.len() - link.len()]);
    let cut = cut.strip_suffix("同志").unwrap_or(cut);
    person_ends.contains(&cut.len()) && (cut.len() < head.len())
        || person_ends.contains(&head.strip_suffix("同志").map_or(usize::MAX, str::len))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::{Person, Title};

    fn persons(text: &str) -> Vec<String> {
        spans(text, Person)
    }

    #[test]
    fn the_name_of_a_resume() {
        assert_eq!(
            persons("王浩宇,男,汉族,1975年5月生,现任县委常委、组织部部长。"),
            ["王浩宇"]
        );
        assert_eq!(persons("李雪梅\u{FF0C}女\u{FF0C}1980年生。"), ["李雪梅"]);
    }

    #[test]
    fn a_name_that_is_also_a_township_short_form() {
        // `张明` and `张华` are short forms of 张明乡 and a 张华镇.
        assert_eq!(persons("镇长张明讲话,副镇长张华主持。"), ["张明", "张华"]);
        // A county's short form still is no name (`吴江`).
        assert!(persons("他来自吴江。").is_empty());
        assert_eq!(persons("记者 张明 通讯员 王丽\n本报讯"), ["张明", "王丽"]);
    }

    #[test]
    fn two_bylines_on_one_line() {
        assert_eq!(
            persons("记者 李明 通讯员 王丽\n本报讯 近日,市里召开会议。"),
            ["李明", "王丽"]
        );
    }

    #[test]
    fn a_common_word_character_and_a_verb_are_no_name() {
        assert!(persons("通过实地察看和听取汇报,了解情况。").is_empty());
    }

    #[test]
    fn a_surname_missing_from_the_lexicon_after_a_post() {
        assert_eq!(persons("会上,镇长茆建华作总结讲话。"), ["茆建华"]);
    }

    #[test]
    fn a_rare_dictionary_word_after_a_post_is_a_name() {
        // `吴兴国` is a rare place word of jieba's dictionary.
        assert_eq!(persons("会上,市委副书记吴兴国作总结讲话。"), ["吴兴国"]);
        // A common word after a post stays out.
        assert!(persons("会上,市委副书记高度评价了这项工作。").is_empty());
    }

    #[test]
    fn after_titles_and_in_chains() {
        let text = "区委副书记王建国,区委常委、组织部部长李明华一行来到莘庄镇调研。";
        assert_eq!(persons(text), ["王建国", "李明华"]);
        assert_eq!(spans(text, Title), ["区委副书记", "区委常委", "组织部部长"]);
    }

    #[test]
    fn lists_after_a_title() {
        assert_eq!(
            persons("副镇长赵晓东、钱丽、孙志刚参加会议。"),
            ["赵晓东", "钱丽", "孙志刚"]
        );
    }

    #[test]
    fn before_cue_words_without_swallowing_them() {
        assert_eq!(persons("会上,周建平表示要抓好落实。"), ["周建平"]);
        assert_eq!(persons("马国强率县党政代表团到镇里考察。"), ["马国强"]);
        assert_eq!(persons("于海来到现场。"), ["于海"]);
    }

    #[test]
    fn document_cache_finds_later_mentions() {
        let text = "镇长何文静主持会议。会后,大家认为何文静讲得很实在。";
        assert_eq!(persons(text), ["何文静", "何文静"]);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            persons("本报讯(通讯员 林晓)9月1日,镇里召开会议。"),
            ["林晓"]
        );
        assert_eq!(
            persons("工作取得实效。\n\n张丽华/文 吴强/摄"),
            ["张丽华", "吴强"]
        );
    }

    #[test]
    fn a_word_that_starts_at_the_third_character_ends_a_two_character_name() {
        // `总理` and `报道` start after `鹏` and `标`; `告诉` starts after `忠`.
        assert_eq!(persons("区长何鹏高度重视此事。"), ["何鹏"]);
        assert_eq!(persons("总经理符文忠告诉记者,一切顺利。"), ["符文忠"]);
        assert_eq!(persons("副县长陈立为此作了说明。"), ["陈立"]);
    }

    #[test]
    fn a_byline_of_names_without_separators() {
        assert_eq!(
            persons("本报记者韩志远邬振森发自北京 会议今天开幕。"),
            ["韩志远", "邬振森"]
        );
    }

    #[test]
    fn a_byline_name_before_a_place_and_a_closer() {
        assert_eq!(persons("记者蒋兴华香港报道 今天开幕。"), ["蒋兴华"]);
    }

    #[test]
    fn bylines_of_two_reporters() {
        assert_eq!(
            persons("新华社北京3月2日电(记者李明山、王丽)会议今天开幕。"),
            ["李明山", "王丽"]
        );
        assert_eq!(persons("本报讯 记者江大海报道:会议召开。"), ["江大海"]);
        assert_eq!(
            persons("新华社北京3月2日电(张强、刘红)会议今天开幕。"),
            ["张强", "刘红"]
        );
        assert_eq!(persons("记者王丽摄"), ["王丽"]);
    }

    #[test]
    fn a_level_character_in_a_given_name_the_segmenter_reads() {
        assert_eq!(
            persons("会上,县交通局局长陈镇宇在讲话中说,要抓好落实。"),
            ["陈镇宇"]
        );
    }

    #[test]
    fn the_adverb_jiang_after_a_name_is_not_its_given_name() {
        assert_eq!(persons("调解员韩志将在下月赴京。"), ["韩志"]);
    }

    #[test]
    fn a_word_across_the_third_character_ends_the_name() {
        assert_eq!(persons("国务委员罗建以及有关部门负责人出席。"), ["罗建"]);
    }

    #[test]
    fn a_name_ending_like_a_place_before_tongzhi() {
        assert_eq!(persons("县人大常委会主任钱玉桥同志带队调研。"), ["钱玉桥"]);
    }

    #[test]
    fn a_verb_and_its_measure_after_a_role_is_no_name() {
        assert_eq!(persons("下面请李老师谈一下。"), ["李老师"]);
    }

    #[test]
    fn a_surname_and_a_form_of_address_is_no_name() {
        assert!(persons("客户经理黄先生每天打电话,王某也来了。").is_empty());
        assert!(persons("他看望了老师和同学。").is_empty());
    }

    #[test]
    fn not_names() {
        assert!(persons("陈书记强调,要做好工作。").is_empty());
        // A surname character, then a speech verb or a byline word.
        assert!(persons("他在调研时强调,要抓好落实。").is_empty());
        assert!(persons("多位分析师向记者指出,价格还会上涨。").is_empty());
        assert!(persons("县长王立新博士曾表示,要抓好落实。").contains(&"王立新".to_string()));
        assert!(persons("教育、医疗、养老等民生项目。").is_empty());
        assert!(spans("县领导到会指导。", Title).is_empty());
    }
}
