//! PLACE: administrative divisions (from the gazetteer), their short forms
//! (`七宝`, `浦东`), named sites that end in a place suffix (`宝铭路`,
//! `莲浦府邸`, `闵行体育公园`), movement phrases with a one-character
//! abbreviation (`来沪`), and chains glued together (`闵行区七宝镇`).

mod chain;
pub(crate) use chain::outranks;
mod road;
mod short;
mod suffixed;

pub(super) use suffixed::SHORT_NAMED;

use super::{Mention, Scan};
use crate::lexicon::{Grammar, Level, LexClass};
use crate::matcher::Hit;
use crate::recognise::lengths::WORD_CHARS;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use chain::{extend, glue_chains};
use hashbrown::{HashMap, HashSet};
use short::{FullName, Lists, ShortWord, short_licensed, short_with_level};
use suffixed::suffix_names;

/// Two-character division names that are common words unless glued to a
/// parent (`郊区`, `城区`).
fn is_generic_division(name: &str) -> bool {
    name.chars().count() <= WORD_CHARS
        && name.chars().next().is_some_and(|c| {
            matches!(
                c,
                // A closed set of the grammar, kept in code.
                '郊' | '城' | '矿' | '新' | '市' | '东' | '西' | '南' | '北' | '中' | '老'
            )
        })
}

/// Full division names found in the document, for licensing short forms.
fn full_names<'t>(scan: &Scan<'t>) -> HashSet<&'t str> {
    scan.hits()
        .iter()
        .filter(|h| {
            // A town read across a word boundary (`负责人和镇`) is not named.
            // (The divisions' bits first: most hits are none.)
            scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
                && (scan.hit_is(h, |c| matches!(c, LexClass::Division(l) if l < Level::Town))
                    || starts_a_word(scan, h.span()))
        })
        .map(|h| &scan.text[h.span().range()])
        .collect()
}

/// Finds PLACE candidates.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let fulls = full_names(scan);
    let mut lists = Lists::default();
    // The division each short form's full name stands for, by the full
    // name's address and length in the lexicon (one text): a short form
    // of dozens of divisions (`新华`) is read at each of its hits.
    let mut full_of: HashMap<(usize, usize), FullName<'_>> = HashMap::new();
    let mut out: Vec<Mention> = Vec::new();
    // Towns the segmenter reads across their end (`新桥镇定会`, with
    // `镇定`): named when the document also names them as words.
    let mut misaligned: Vec<Span> = Vec::new();
    for hit in scan.hits() {
        lexicon_place(
            scan,
            hit,
            &fulls,
            &mut lists,
            &mut full_of,
            &mut misaligned,
            &mut out,
        );
    }
    named_again(scan, misaligned, &mut out);
    let short = super::movement::first_characters(scan, &fulls, &out);
    out.extend(short);
    let named = suffix_names(scan, &out);
    out.extend(named);
    glue_chains(scan, &mut out);
    extend(scan, &mut out);
    super::line::abbreviated(scan, &mut out);
    // `蒙古族`, `朝鲜族`: a people, no place.
    out.retain(|m| scan.char_at(m.span.end) != Some(PEOPLE));
    out
}

/// The character that makes a people's name of a place's (`蒙古` + `族`).
const PEOPLE: char = '族';

/// `place.lexicon`: a division, a site or a short form of the lexicon at
/// `hit`, when one of its entries is accepted there; else
/// `place.paired-abbreviations` for one abbreviation of a run of
/// provinces (`闽宁协作`). A short form with its level character is
/// `place.short-with-level` besides.
fn lexicon_place<'l>(
    scan: &Scan<'l>,
    hit: &Hit,
    fulls: &HashSet<&str>,
    lists: &mut Lists,
    full_of: &mut HashMap<(usize, usize), FullName<'l>>,
    misaligned: &mut Vec<Span>,
    out: &mut Vec<Mention>,
) {
    // Most hits are no place of the lexicon: their entries need not be
    // read (the classes' bits first).
    if !scan.hit_is(hit, crate::lexicon::ClassSet::PLACES) {
        return;
    }
    let span = hit.span();
    let word = &scan.text[span.range()];
    let mut accepted = false;
    let mut paired = false;
    // A short form may stand for dozens of divisions (`新华`); what
    // depends on the word alone is asked once for all of them.
    let short = ShortWord::new(word, span, hit.pattern);
    let one_char = word.chars().count() == 1;
    for e in scan.entries(hit) {
        match e.class {
            LexClass::Division(level) => match division_reading(scan, span, level) {
                Reading::Accepted => accepted = true,
                Reading::Misaligned => misaligned.push(span),
                Reading::Rejected => {}
            },
            // A site that is also a common word (a foreign city, `万象`)
            // where the text says a place stands.
            LexClass::Site => accepted |= !e.ambiguous || stands_as_place(scan, span),
            LexClass::PlaceShort if one_char => {
                accepted |= super::movement::in_phrase(scan, span);
                paired = paired || (!accepted && super::paired::in_run(scan, span));
            }
            LexClass::PlaceShort => {
                let name = e.full.as_deref();
                let full = *full_of
                    .entry(name.map_or((0, 0), |f| (f.as_ptr() as usize, f.len())))
                    .or_insert_with(|| FullName::of(scan, name));
                out.extend(short_with_level(scan, span, full.level));
                // One full name that licenses the short form is enough.
                accepted = accepted || short_licensed(scan, span, &short, full, fulls, lists);
            }
            _ => {}
        }
    }
    if accepted && !in_idiom(scan, span) {
        out.push(Mention::new(span, EntityKind::Place, Rule::PlaceLexicon));
    } else if paired {
        out.push(Mention::new(
            span,
            EntityKind::Place,
            Rule::PlacePairedAbbreviations,
        ));
    }
}

/// The fewest characters of a set idiom (`成语`): the segmenter's dictionary
/// also tags shorter phrases as idioms (`赴美国/i`), which name places.
const IDIOM_CHARS: usize = 4;

/// True when `span` lies inside a longer set idiom of the segmenter's
/// (`重于泰山/i`, `逼上梁山/i`): the idiom names no place.
fn in_idiom(scan: &Scan<'_>, span: Span) -> bool {
    scan.token_containing(span.start).is_some_and(|t| {
        t.tag == Pos::I
            && span.end <= t.span.end
            && t.span != span
            && scan.text[t.span.range()].chars().count() >= IDIOM_CHARS
    })
}

/// What a division's entry makes of its hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A division named here.
    Accepted,
    /// A town the segmenter reads across its end: named only if the
    /// document names it again as a word (`place.named-again`).
    Misaligned,
    /// No division here.
    Rejected,
}

/// Whether a division of `level` is named at `span`.
fn division_reading(scan: &Scan<'_>, span: Span, level: Level) -> Reading {
    let word = &scan.text[span.range()];
    // A village names itself only as `…村` or `…社区`, not generically.
    if level == Level::Village
        && ((!word.ends_with('村') && !word.ends_with("社区"))
            || super::edge::opens_generically(word))
    {
        return Reading::Rejected;
    }
    if level >= Level::Town {
        // A town of one or two characters, or read across a word's start.
        if word.chars().count() < MIN_TOWN_CHARS || !starts_a_word(scan, span) {
            return Reading::Rejected;
        }
        if !aligned(scan, span) {
            return Reading::Misaligned;
        }
        if !has_parent_glued(scan, span)
            && (super::edge::opens_generically(word) || reads_as_common_word(scan, span))
        {
            return Reading::Rejected;
        }
    }
    // `郊区`, `城区`: only glued after a parent place.
    if is_generic_division(word) && !has_parent_glued(scan, span) {
        return Reading::Rejected;
    }
    Reading::Accepted
}

/// The fewest characters of a town's full name (`七宝镇`).
const MIN_TOWN_CHARS: usize = 3;

/// A division of the lexicon ends right before `span`: a parent glued to it.
fn has_parent_glued(scan: &Scan<'_>, span: Span) -> bool {
    scan.longest_ending_at(span.start, crate::lexicon::ClassSet::DIVISIONS)
        .is_some()
}

/// `新农村`, `中心镇`: a town's name that is also a common word, which
/// `平安街道`, `文明街道` (slogans) open generically.
fn reads_as_common_word(scan: &Scan<'_>, span: Span) -> bool {
    let word = &scan.text[span.range()];
    (scan
        .word_tag(word)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt))
        && !stem_is_place(scan, word))
        || common_stem(scan, span)
}

/// `place.named-again`: a misaligned town whose text the document also
/// names as a place.
fn named_again(scan: &Scan<'_>, misaligned: Vec<Span>, out: &mut Vec<Mention>) {
    let named_words: HashSet<&str> = out.iter().map(|m| &scan.text[m.span.range()]).collect();
    let named_again: Vec<Mention> = misaligned
        .into_iter()
        .filter(|s| named_words.contains(&scan.text[s.range()]))
        .map(|s| Mention::new(s, EntityKind::Place, Rule::PlaceNamedAgain))
        .collect();
    out.extend(named_again);
}

/// The administrative level of a division named in full.
pub(crate) fn level_of(scan: &Scan<'_>, full: &str) -> Option<Level> {
    scan.lex.lookup(full).find_map(|e| match e.class {
        LexClass::Division(l) => Some(l),
        _ => None,
    })
}

/// True when the division named in full `full` is a county or above (a
/// province, city or county): the levels whose short forms stand alone.
pub(crate) fn is_county_or_above(scan: &Scan<'_>, full: &str) -> bool {
    scan.lex
        .lookup(full)
        .any(|e| matches!(e.class, LexClass::Division(l) if l <= Level::County))
}

/// `震泽镇`, which jieba's dictionary tags as a common noun: the name
/// without its level suffix is no common word (a place name to the
/// segmenter, or no word it knows), unlike `中心` of `中心镇`.
fn stem_is_place(scan: &Scan<'_>, word: &str) -> bool {
    Level::word_ending(word)
        .filter(|&(_, l)| l == Level::Town)
        .map(|(s, _)| &word[..word.len() - s.len()])
        .is_some_and(|stem| {
            stem.chars().count() >= WORD_CHARS
                && (!scan.is_known_word(stem) || scan.word_tag(stem) == Some(Pos::Ns))
        })
}

/// `中心镇`: the name without its level suffix is a common word.
fn common_stem(scan: &Scan<'_>, span: Span) -> bool {
    // `新农村`: the suffix belongs to a common word inside the name.
    let last = scan.back(span.end, 1);
    scan.tokens_around(last).iter().any(|t| {
        t.span.start > span.start
            && t.span.start < last
            && t.span.end >= span.end
            && scan.is_known_word(&scan.text[t.span.range()])
            && !t.is_proper()
    })
}

/// True when the segmenter does not read the span's first character as the
/// end of a longer word (`负责人和镇领导` holds no `人和镇`).
fn starts_a_word(scan: &Scan<'_>, span: Span) -> bool {
    !scan.tokens_around(span.start).iter().any(|t| {
        t.span.start < span.start
            && t.span.end > span.start
            && !scan.lex.any(&scan.text[t.span.range()], |c| c.is_place())
    })
}

/// True when no token of the segmenter crosses the span's edges, unless
/// that token is itself a place.
fn aligned(scan: &Scan<'_>, span: Span) -> bool {
    !scan.tokens_around(span.start).iter().any(|t| {
        let crosses_start = t.span.start < span.start && span.start < t.span.end;
        let crosses_end = t.span.start < span.end && span.end < t.span.end;
        (crosses_start || crosses_end)
            && !scan.lex.any(&scan.text[t.span.range()], |c| c.is_place())
    })
}

/// True when the text says a place stands at `span`: a dateline (`新华社某地
/// 1月6日电`), or a word of location or travel right before it (`在`, `赴`,
/// `抵达`), or a country right before it.
fn stands_as_place(scan: &Scan<'_>, span: Span) -> bool {
    let head = &scan.text[..span.start];
    let before_ok = scan
        .lex
        .ends_with(head, LexClass::Grammar(Grammar::PlaceBefore))
        || scan
            .longest_ending_at(span.start, LexClass::Division(Level::Country))
            .is_some();
    before_ok || dated_wire_after(scan, span.end)
}

/// True when `span` is the place of a dateline: after a news agency or a
/// paper (`社`, `报`, `讯`) and before a date and `电`.
fn in_dateline(scan: &Scan<'_>, span: Span) -> bool {
    // A closed set: the last character of an agency or a paper.
    let after_agency = ["社", "报", "本报"]
        .iter()
        .any(|w| scan.text[..span.start].ends_with(w));
    after_agency && dated_wire_after(scan, span.end)
}

/// The most characters of a dateline's date and `电` (`12月31日电`).
const MAX_WIRE_DATE_CHARS: usize = 12;

/// A date then `电` right after `pos` (`1月10日电`).
fn dated_wire_after(scan: &Scan<'_>, pos: usize) -> bool {
    scan.text[pos..]
        .chars()
        .take(MAX_WIRE_DATE_CHARS)
        // A closed set of the grammar, kept in code.
        .take_while(|&c| c.is_numeric() || "月日年电".contains(c))
        .any(|c| c == '电')
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Place;

    fn places(text: &str) -> Vec<String> {
        spans(text, Place)
    }

    #[test]
    fn divisions_and_glued_chains() {
        assert_eq!(places("闵行区莘庄镇召开会议。"), ["闵行区莘庄镇"]);
        assert_eq!(places("云南省昆明市五华区"), ["云南省昆明市五华区"]);
    }

    #[test]
    fn short_forms_glue_only_when_the_second_lies_in_the_first() {
        assert_eq!(places("来自浙江杭州的客人"), ["浙江杭州"]);
        // Two provinces side by side are two places.
        assert_eq!(places("北京上海两地"), ["北京", "上海"]);
    }

    #[test]
    fn a_province_ending_like_a_river_is_still_a_province() {
        assert_eq!(places("他在浙江工作。"), ["浙江"]);
        assert_eq!(places("他们来自镇江。"), ["镇江"]);
    }

    #[test]
    fn a_village_after_its_town_even_with_a_common_stem() {
        // `竹篮` is a common word, and jieba glues `村至`; the chain after
        // the town says it is a village.
        assert_eq!(
            places("县长到莘庄镇竹篮村至县城道路工程检查。"),
            ["莘庄镇竹篮村"]
        );
        assert_eq!(places("他到莘庄镇石磨营村调研。"), ["莘庄镇石磨营村"]);
        // Generic words after a town are no villages.
        assert_eq!(places("莘庄镇部分村和美丽乡村"), ["莘庄镇"]);
    }

    #[test]
    fn a_verb_before_a_village_suffix_names_no_village() {
        assert_eq!(places("8月23日,朱桥镇召开村(社区)党组织会议。"), ["朱桥镇"]);
    }

    #[test]
    fn new_districts_and_resorts() {
        assert_eq!(places("考察了千岛湖旅游度假区。"), ["千岛湖旅游度假区"]);
        assert_eq!(places("入驻临港新区的企业"), ["临港新区"]);
        assert_eq!(places("参观了余杭科技信息孵化园。"), ["余杭科技信息孵化园"]);
    }

    #[test]
    fn a_town_read_across_its_end_counts_where_the_document_names_it() {
        // jieba reads `镇定`.
        assert_eq!(
            places("新桥镇召开大会。新桥镇定会全力以赴。"),
            ["新桥镇", "新桥镇"]
        );
    }

    #[test]
    fn a_town_the_segmenter_tags_as_a_common_noun() {
        // jieba's dictionary has `震泽镇` as `n`; `震泽` is no common word.
        assert_eq!(places("考察团参观了震泽镇。"), ["震泽镇"]);
        // Glued to a named site after it, the town is part of one chain.
        assert_eq!(places("考察团参观了震泽镇丝绸小镇。"), ["震泽镇丝绸小镇"]);
        assert!(places("建设中心镇。").is_empty());
    }

    #[test]
    fn a_rank_and_a_kind_name_no_place() {
        assert_eq!(
            places("先后到省级美丽乡村示范村莘庄镇竹篮村调研。"),
            ["莘庄镇竹篮村"]
        );
        // Nor as an item of a list of places.
        assert!(
            !places("到莘庄镇竹篮村、市级新农村示范村梅陇镇许泾村调研。")
                .iter()
                .any(|p| p.contains("示范村"))
        );
    }

    #[test]
    fn elevated_roads() {
        assert_eq!(places("实施延安高架景观灯光提升。"), ["延安高架"]);
    }

    #[test]
    fn estates_and_resettlement_sites() {
        assert_eq!(
            places("在锦绣庭院、王庄安置点等新开工项目现场。"),
            ["锦绣庭院", "王庄安置点"]
        );
        // A description before a site is no part of its name.
        assert_eq!(places("到莘庄镇某项目拆迁安置点调研。"), ["莘庄镇"]);
    }

    #[test]
    fn a_short_form_opening_with_a_conjunction_joins_no_names() {
        // `和中` is a township's short form; here `和` joins two roads.
        let got = places("延安路和中环路隧道。");
        assert!(got.iter().all(|p| !p.contains('和')), "{got:?}");
    }

    #[test]
    fn the_bounds_of_a_plot_name_roads() {
        assert_eq!(
            places("3地块:东至外环线,西至宝盛路,北至宝南路。"),
            ["外环线", "宝盛路", "宝南路"]
        );
    }

    #[test]
    fn a_suffix_inside_a_common_expression_ends_no_name() {
        assert!(places("深化河湖长制、林长制改革。").is_empty());
    }

    #[test]
    fn kinds_of_village_are_no_village() {
        assert!(places("整治城中村和空心村。").is_empty());
        assert!(places("村里的城中村改造。").is_empty());
    }

    #[test]
    fn short_forms_need_the_full_name_or_a_known_place() {
        assert_eq!(
            places("华漕镇召开会议,华漕将全力推进。"),
            ["华漕镇", "华漕"]
        );
        assert!(places("要把握好新的发展机遇。").is_empty());
        assert_eq!(places("浦东是改革开放的前沿。"), ["浦东"]);
    }

    #[test]
    fn a_county_short_form_counts_where_the_document_names_its_family() {
        // `常熟` is a common word to the segmenter; the town names its county.
        assert_eq!(
            places("梅李镇召开会议。会议指出,常熟与太仓加强合作。"),
            ["梅李镇", "常熟", "太仓"]
        );
        assert_eq!(places("会议指出,常熟与太仓加强合作。"), ["太仓"]);
        // Opening a name the recognisers did not read, it is no place alone.
        assert!(!places("梅李镇召开会议。常熟卷烟厂开工。").contains(&"常熟".to_string()));
    }

    #[test]
    fn a_hamlet_after_a_township_the_lexicon_does_not_know() {
        // `石寨乡` is no division of the lexicon: its `乡` ends its name.
        assert_eq!(
            places("深入隆安县石寨乡禾丰村古坪屯调研。")[0],
            "隆安县石寨乡禾丰村古坪屯"
        );
        assert_eq!(places("在湖东瑶族乡李家堡调研。"), ["湖东瑶族乡李家堡"]);
    }

    #[test]
    fn a_people_is_no_place() {
        assert!(places("代表有张博文（蒙古族）、李红（朝鲜族）。").is_empty());
    }

    #[test]
    fn an_action_verb_opens_no_place() {
        assert_eq!(places("年内启动青禾工业园区规划编制。"), ["青禾工业园区"]);
        assert!(places("积极拓宽市场,推动企业提质增效。").is_empty());
    }

    #[test]
    fn roads_and_sites() {
        assert_eq!(
            places("一行先后督查了春申路、金都路和莲花公园。"),
            ["春申路", "金都路", "莲花公园"]
        );
        assert!(places("要理清思路,修好道路。").is_empty());
        assert_eq!(places("来沪返沪人员"), ["沪", "沪"]);
    }

    #[test]
    fn a_foreign_city_where_the_text_says_a_place_stands() {
        assert_eq!(
            places("新华社万象1月6日电 会谈在万象举行。"),
            ["万象", "万象"]
        );
        assert!(places("春回大地,万象更新。").is_empty());
        assert_eq!(places("新华社大连1月10日电 会议开幕。"), ["大连"]);
    }

    #[test]
    fn slogans_hold_only_the_place() {
        assert_eq!(places("共建美丽华漕,华漕镇全体干部"), ["华漕", "华漕镇"]);
    }
}
