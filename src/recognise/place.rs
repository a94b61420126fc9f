//! PLACE: administrative divisions (from the gazetteer), their short forms
//! (`七宝`, `浦东`), named sites that end in a place suffix (`宝铭路`,
//! `莲浦府邸`, `闵行体育公园`), movement phrases with a one-character
//! abbreviation (`来沪`), and chains glued together (`闵行区七宝镇`).

use super::edge::left_edge;
use super::index::MentionIndex;
use super::segment::Token;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, Level, LexClass};
use crate::matcher::Hit;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_cjk};
use hashbrown::{HashMap, HashSet};
use std::cell::OnceCell;

/// The endings of roads and waterways (`路`, `大道`, `浜`): the name before
/// them is short. `grammar.road` in `dictionaries/grammar.txt`.
const ROAD: LexClass = LexClass::Grammar(Grammar::Road);

/// Place suffixes whose names are short (`安置点`): `grammar.short-named`.
pub(super) const SHORT_NAMED: LexClass = LexClass::Grammar(Grammar::ShortNamed);

/// Suffixes that only extend a place already found (`东方花园三期`, `七宝村8队`).
/// Kept in code: three single characters, each with its own rule in
/// `extend` (`期` extends no division, `队` and `组` only a village).
const EXTENSIONS: &[&str] = &["期", "队", "组"];

/// Two-character division names that are common words unless glued to a
/// parent (`郊区`, `城区`).
fn is_generic_division(name: &str) -> bool {
    name.chars().count() <= 2
        && name.chars().next().is_some_and(|c| {
            matches!(
                c,
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
            scan.hit_is(h, |c| matches!(c, LexClass::Division(l) if l < Level::Town))
                || (scan.hit_is(h, |c| matches!(c, LexClass::Division(_)))
                    && starts_a_word(scan, h.span()))
        })
        .map(|h| &scan.text[h.span().range()])
        .collect()
}

/// Finds PLACE candidates.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let fulls = full_names(scan);
    let mut lists = Lists::default();
    let mut out: Vec<Mention> = Vec::new();
    // Towns the segmenter reads across their end (`新桥镇定会`, with
    // `镇定`): named when the document also names them as words.
    let mut misaligned: Vec<Span> = Vec::new();
    for hit in scan.hits() {
        lexicon_place(scan, hit, &fulls, &mut lists, &mut misaligned, &mut out);
    }
    named_again(scan, misaligned, &mut out);
    let short = super::movement::first_characters(scan, &fulls, &out);
    out.extend(short);
    let named = suffix_names(scan, &out);
    out.extend(named);
    glue_chains(scan, &mut out);
    extend(scan, &mut out);
    super::line::abbreviated(scan, &mut out);
    out
}

/// `place.lexicon`: a division, a site or a short form of the lexicon at
/// `hit`, when one of its entries is accepted there; else
/// `place.paired-abbreviations` for one abbreviation of a run of
/// provinces (`闽宁协作`). A short form with its level character is
/// `place.short-with-level` besides.
fn lexicon_place(
    scan: &Scan<'_>,
    hit: &Hit,
    fulls: &HashSet<&str>,
    lists: &mut Lists,
    misaligned: &mut Vec<Span>,
    out: &mut Vec<Mention>,
) {
    let span = hit.span();
    let word = &scan.text[span.range()];
    let mut accepted = false;
    let mut paired = false;
    // A short form may stand for dozens of divisions (`新华`); what
    // depends on the word alone is asked once for all of them.
    let short = ShortWord::new(word);
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
            LexClass::PlaceShort if word.chars().count() == 1 => {
                accepted |= super::movement::in_phrase(scan, span);
                paired = paired || (!accepted && super::paired::in_run(scan, span));
            }
            LexClass::PlaceShort => {
                let level = e.full.as_deref().and_then(|f| level_of(scan, f));
                out.extend(short_with_level(scan, span, level));
                // One full name that licenses the short form is enough.
                accepted = accepted
                    || short_licensed(scan, span, &short, e.full.as_deref(), level, fulls, lists);
            }
            _ => {}
        }
    }
    if accepted {
        out.push(Mention::new(span, EntityKind::Place, Rule::PlaceLexicon));
    } else if paired {
        out.push(Mention::new(
            span,
            EntityKind::Place,
            Rule::PlacePairedAbbreviations,
        ));
    }
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
    scan.longest_ending_at(span.start, |c| matches!(c, LexClass::Division(_)))
        .is_some()
}

/// `新农村`, `中心镇`: a town's name that is also a common word, which
/// `平安街道`, `文明街道` (slogans) open generically.
fn reads_as_common_word(scan: &Scan<'_>, span: Span) -> bool {
    let word = &scan.text[span.range()];
    (scan
        .word_tag(word)
        .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt"))
        && !stem_is_place(scan, word))
        || common_stem(scan, span)
}

/// `place.short-with-level`: `湘西州`, `通道县`: the short form of a
/// county or above with its level character, unless a longer division
/// starts there.
fn short_with_level(scan: &Scan<'_>, span: Span, level: Option<Level>) -> Option<Mention> {
    let c = scan.char_at(span.end)?;
    let fits = level.is_some_and(|l| l <= Level::County)
        && matches!(c, '省' | '市' | '州' | '县' | '区' | '盟' | '旗')
        && !scan.hits_at(span.start).iter().any(|h| {
            h.span().end > span.end && scan.hit_is(h, |k| matches!(k, LexClass::Division(_)))
        });
    fits.then(|| {
        Mention::new(
            Span::new(span.start, span.end + c.len_utf8()),
            EntityKind::Place,
            Rule::PlaceShortWithLevel,
        )
    })
}

/// A short form of two characters or more is a place when its full name
/// licenses it, when it stands in a list of towns with places, or when
/// it is a city or county in a dateline (`新华社大连1月10日电`).
fn short_licensed(
    scan: &Scan<'_>,
    span: Span,
    short: &ShortWord<'_>,
    full: Option<&str>,
    level: Option<Level>,
    fulls: &HashSet<&str>,
    lists: &mut Lists,
) -> bool {
    short_form_ok(scan, span, short, full, level, fulls)
        || (level.is_some_and(|l| l >= Level::Town) && lists.listed_with_places(scan, span, fulls))
        || (level.is_some_and(|l| l <= Level::County) && in_dateline(scan, span))
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

/// What licensing a short form asks of the word itself, whichever full
/// name it stands for: asked once per hit, on first need.
struct ShortWord<'t> {
    word: &'t str,
    other_word: OnceCell<bool>,
}

impl<'t> ShortWord<'t> {
    fn new(word: &'t str) -> Self {
        ShortWord {
            word,
            other_word: OnceCell::new(),
        }
    }

    /// True when the lexicon has the word as something a short form is
    /// not: a stop word, a surname or a post.
    fn is_other_word(&self, scan: &Scan<'_>) -> bool {
        *self.other_word.get_or_init(|| {
            scan.lex.any(self.word, |c| {
                matches!(c, LexClass::Stop | LexClass::Surname | LexClass::TitleRole)
            })
        })
    }
}

/// The administrative level of a division named in full.
pub(crate) fn level_of(scan: &Scan<'_>, full: &str) -> Option<Level> {
    scan.lex.lookup(full).find_map(|e| match e.class {
        LexClass::Division(l) => Some(l),
        _ => None,
    })
}

/// A town's short form in an enumeration of towns: `(适中、小池、岩山)`,
/// `向阳、洄水、瓦庙、汉王四镇`. The list holds a town named in full
/// elsewhere in the document, or is counted as towns right after.
///
/// The answer depends only on the clause, so it is worked out once per
/// clause: walking the clause at every candidate cost time in the square
/// of its length on a long line without punctuation.
#[derive(Default)]
struct Lists {
    /// Breaks that end a list clause (clause breaks other than `、`), found
    /// on first use.
    breaks: Option<Vec<Span>>,
    /// The answer for each clause seen, by its start.
    answers: HashMap<usize, bool>,
}

impl Lists {
    fn listed_with_places(&mut self, scan: &Scan<'_>, span: Span, fulls: &HashSet<&str>) -> bool {
        let breaks = self.breaks.get_or_insert_with(|| {
            crate::text::non_ideographs(scan.text)
                .filter(|&(_, c)| crate::text::is_clause_break(c) && c != '、')
                .map(|(i, c)| Span::new(i, i + c.len_utf8()))
                .collect()
        });
        let i = breaks.partition_point(|b| b.end <= span.start);
        let start = if i > 0 { breaks[i - 1].end } else { 0 };
        let end = breaks[i..]
            .iter()
            .find(|b| b.start >= span.end)
            .map_or(scan.text.len(), |b| b.start);
        *self
            .answers
            .entry(start)
            .or_insert_with(|| listed_in(scan, &scan.text[start..end], fulls))
    }
}

/// True when `clause` is a list of 2–6-char names, one of them the short
/// form of a place named in full in the document, or a list closed by a
/// count (`…汉王四镇`).
fn listed_in(scan: &Scan<'_>, clause: &str, fulls: &HashSet<&str>) -> bool {
    if !clause.contains('、') {
        return false;
    }
    let mut items: Vec<&str> = clause.split('、').collect();
    // Counted: `…汉王四镇人大主席`: the list ends at the count.
    let mut counted = false;
    if let Some(last) = items.last_mut() {
        let cut = last.char_indices().find(|&(i, c)| {
            matches!(
                c,
                '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            ) && Level::word_starting(&last[i + c.len_utf8()..])
                .is_some_and(|(_, l)| l == Level::Town)
        });
        if let Some((i, _)) = cut {
            *last = &last[..i];
            counted = true;
        }
    }
    if items.len() < 2
        || !items
            .iter()
            .all(|i| LISTED_SHORT_CHARS.contains(&i.chars().count()))
    {
        return false;
    }
    let sibling_named = items.iter().any(|i| {
        scan.lex.lookup(i).any(|e| {
            e.class == LexClass::PlaceShort && e.full.as_deref().is_some_and(|f| fulls.contains(f))
        })
    });
    counted || sibling_named
}

/// How long a town's short form listed with others is, in chars.
const LISTED_SHORT_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

/// `震泽镇`, which jieba's dictionary tags as a common noun: the name
/// without its level suffix is no common word (a place name to the
/// segmenter, or no word it knows), unlike `中心` of `中心镇`.
fn stem_is_place(scan: &Scan<'_>, word: &str) -> bool {
    Level::word_ending(word)
        .filter(|&(_, l)| l == Level::Town)
        .map(|(s, _)| &word[..word.len() - s.len()])
        .is_some_and(|stem| {
            stem.chars().count() >= 2
                && (!scan.is_known_word(stem) || scan.word_tag(stem) == Some("ns"))
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

/// A short form counts when the document also names the full division, or
/// when the segmenter knows it as a place name, and it stands as a word.
fn short_form_ok(
    scan: &Scan<'_>,
    span: Span,
    short: &ShortWord<'_>,
    full: Option<&str>,
    level: Option<Level>,
    fulls: &HashSet<&str>,
) -> bool {
    let word = short.word;
    if short.is_other_word(scan) {
        return false;
    }
    let in_doc = full.is_some_and(|f| fulls.contains(f));
    // A village's stem (`九星` of `九星村`) where its town is named.
    if let Some(f) = full
        && level == Some(Level::Village)
    {
        let town_named = scan
            .lex
            .lookup(f)
            .any(|e| e.parents().any(|t| fulls.contains(t)));
        if !town_named {
            return false;
        }
        return aligned(scan, span)
            && !scan
                .word_tag(word)
                .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt" | "j"));
    }
    // `中路`, `南桥`: a short form that reads as the tail of a road name
    // (not a province or city: `在浙江`, `到九江`).
    if !in_doc
        && level.is_none_or(|l| l > Level::City)
        && scan.lex.ends_with(word, ROAD)
        && scan.char_before(span.start).is_some_and(is_cjk)
    {
        return false;
    }
    // Only shorts of counties and above stand without their full name.
    let high = full.is_some_and(|f| {
        scan.lex
            .lookup(f)
            .any(|e| matches!(e.class, LexClass::Division(l) if l <= Level::County))
    });
    // A place the segmenter knows as one, or a word it does not know at all
    // (`邹城` of 邹城市: no common word).
    let known_place =
        high && (scan.word_tag(word).is_some_and(|t| t == "ns") || !scan.is_known_word(word));
    // `来邹城开展…`, `位于自贡`: a county or city where the text says a
    // place stands, whatever the segmenter's dictionary calls the word.
    let placed = high
        && word.chars().count() >= 2
        && !scan
            .word_tag(word)
            .is_some_and(|t| t.starts_with('v') || matches!(t, "a" | "ad" | "d" | "c" | "p"))
        && scan.hits_ending_at(span.start).any(|h| {
            scan.hit_is(h, |c| {
                c == LexClass::Trigger(crate::lexicon::Trigger::VisitMotion)
            })
        });
    if placed && aligned(scan, span) {
        return true;
    }
    if !(in_doc || known_place) {
        return false;
    }
    // A common word the segmenter knows (`乡村`, `牡丹`, `促进`) is no place.
    if scan
        .word_tag(word)
        .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt" | "j"))
    {
        return false;
    }
    // The segmenter must not read it across a word boundary (`拆迁安置`
    // holds no `迁安`), unless the document names the full division
    // (`展现出航头干部`, where the segmenter reads `出航`).
    in_doc || aligned(scan, span)
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

/// True when a stop phrase starts inside `name` and reaches past its end
/// (`河湖长制` after `深化河湖`): the name's suffix is part of a common
/// expression.
fn inside_a_stop_phrase(scan: &Scan<'_>, name: Span) -> bool {
    scan.text[name.range()].char_indices().any(|(i, _)| {
        scan.hits_at(name.start + i)
            .iter()
            .any(|h| h.span().end > name.end && scan.hit_is(h, |c| c == LexClass::Stop))
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
            .longest_ending_at(span.start, |c| c == LexClass::Division(Level::Country))
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
        .take_while(|&c| c.is_numeric() || "月日年电".contains(c))
        .any(|c| c == '电')
}

/// Named sites ending in a place suffix.
fn suffix_names(scan: &Scan<'_>, known: &[Mention]) -> Vec<Mention> {
    let known = &MentionIndex::new(known);
    let mut out: Vec<Mention> = scan
        .hits()
        .iter()
        .filter(|hit| scan.hit_is(hit, |c| c == LexClass::PlaceSuffix))
        .filter_map(|hit| suffix_name(scan, hit.span(), known))
        .collect();
    // Asked of the names found, not of every suffix.
    out.retain(|m| !inside_a_stop_phrase(scan, m.span));
    out
}

/// The longest name before a place suffix, in characters.
const MAX_SITE_NAME_CHARS: usize = 10;

/// The longest name before a suffix of short names (`SHORT_NAMED`), in
/// characters.
const MAX_SHORT_NAME_CHARS: usize = 4;

/// The place named with the place suffix at `suffix`:
/// `place.village-after-town`, a road (`place.road`), the segmenter's
/// word of its own (`place.suffix-word`), or the name grammar finds
/// before the suffix (`place.suffix`).
fn suffix_name(scan: &Scan<'_>, suffix: Span, known: &MentionIndex) -> Option<Mention> {
    let word = &scan.text[suffix.range()];
    if EXTENSIONS.contains(&word) {
        return None;
    }
    if let Some(m) = village_after_town(scan, suffix, known) {
        return Some(m);
    }
    if is_city_of_common_word(scan, suffix) {
        return None;
    }
    let road = scan.lex.is(word, ROAD);
    // A suffix opening its clause has no name before it (a road's is
    // still read whole by `road_name`, once the suffix ends a word).
    if !road && scan.opens_clause(suffix.start) {
        return None;
    }
    let head = scan.token_containing(suffix.start)?;
    if swallowed_by_word(scan, suffix, &head, road) {
        return None;
    }
    // `虹桥` holds `桥`: an accepted place, the place rule has it.
    if head.span.start < suffix.start && known.exactly(head.span).next().is_some() {
        return None;
    }
    if road {
        return road_name(scan, suffix, known);
    }
    let mut name_end = suffix.start;
    if head.span.start < suffix.start {
        if is_common_word_ending(scan, suffix, &head) {
            return None;
        }
        if is_word_of_its_own(scan, suffix, &head) {
            return Some(Mention::new(
                head.span,
                EntityKind::Place,
                Rule::PlaceSuffixWord,
            ));
        }
        // The segmenter merged the suffix into a longer word (`农贸市场`).
        name_end = head.span.start;
    }
    named_before_suffix(scan, suffix, name_end)
}

/// `城区`, `城镇`: the 城 of a common word.
fn is_city_of_common_word(scan: &Scan<'_>, suffix: Span) -> bool {
    &scan.text[suffix.range()] == "城"
        && scan.text[suffix.end..]
            .starts_with(['区', '镇', '市', '乡', '墙', '运', '管', '建', '口', '中'])
}

/// The suffix must end a word: `思路` and `道路` swallow their `路`. A
/// word the segmenter guessed across a road suffix (`蒲汇塘步`) is not
/// trusted.
fn swallowed_by_word(scan: &Scan<'_>, suffix: Span, head: &Token, road: bool) -> bool {
    let hw = &scan.text[head.span.range()];
    head.span.end > suffix.end
        && !scan.lex.any(hw, |c| c.is_place())
        && (scan.is_known_word(hw) || !road)
}

/// A common word ending in a one-character suffix (`乡村`, `农村`).
fn is_common_word_ending(scan: &Scan<'_>, suffix: Span, head: &Token) -> bool {
    let hw = &scan.text[head.span.range()];
    scan.text[suffix.range()].chars().count() == 1
        && hw.chars().count() == 2
        && scan.is_known_word(hw)
        && !head.is_proper()
}

/// An unknown or proper word of three characters or more ending in the
/// suffix is a name of its own (`桃源村`, `石桥村`); a person's name ends
/// only in a village suffix (`村`, `庄`, `屯`: a closed set, kept in code),
/// and a word after a code (`G228线牛庄`) is none.
fn is_word_of_its_own(scan: &Scan<'_>, suffix: Span, head: &Token) -> bool {
    let hw = &scan.text[head.span.range()];
    let word = &scan.text[suffix.range()];
    hw.chars().count() >= 3
        && !super::edge::opens_generically(hw)
        && (word != "城" || !scan.text[suffix.end..].starts_with(['区', '镇', '市', '乡']))
        && (!scan.is_known_word(hw) || head.is_proper())
        && (!head.tag.starts_with("nr") || ["村", "庄", "屯"].contains(&word))
        && !scan
            .char_before(head.span.start)
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `place.suffix`: the name grammar finds before `name_end`, which must
/// hold a proper part and no rank (`省级新农村示范村` names a kind of
/// place, none).
fn named_before_suffix(scan: &Scan<'_>, suffix: Span, name_end: usize) -> Option<Mention> {
    // Resettlement sites are named by a village or a short name
    // (`王庄安置点`); a long run before them is a description
    // (`某项目拆迁安置点`).
    let max = if scan.lex.is(&scan.text[suffix.range()], SHORT_NAMED) {
        MAX_SHORT_NAME_CHARS
    } else {
        MAX_SITE_NAME_CHARS
    };
    let mut edge = left_edge(scan, name_end, max, false, false);
    if !edge.anchored && scan.text[suffix.range()].chars().count() >= 2 {
        // `虹桥国际开放枢纽`: a verb may stand before a long suffix when
        // a place opens the name.
        let with_verb = left_edge(scan, name_end, max, true, false);
        if with_verb.anchored {
            edge = with_verb;
        }
    }
    // `G228线牛庄`: a name does not start inside a code (the `线` of
    // `G228线` belongs to the route).
    if edge.start == name_end
        || scan
            .char_before(edge.start)
            .is_some_and(|c| c.is_ascii_alphanumeric())
        || !edge.proper
        || super::edge::holds_rank(&scan.text[edge.start..name_end])
    {
        return None;
    }
    Some(Mention::new(
        Span::new(edge.start, suffix.end),
        EntityKind::Place,
        Rule::PlaceSuffix,
    ))
}

/// `果园镇篓子村`: a village written right after its town or township is
/// named by the two or three characters before its suffix, even when they
/// are a common word (`篓子`) or the segmenter glued the suffix to what
/// follows (`村至`), since the chain says what it is.
fn village_after_town(scan: &Scan<'_>, suffix: Span, known: &MentionIndex) -> Option<Mention> {
    // The two level words of villages, kept in code.
    if !["村", "社区"].contains(&&scan.text[suffix.range()]) {
        return None;
    }
    (2..=3).find_map(|n| {
        let start = scan.back(suffix.start, n);
        let stem = &scan.text[start..suffix.start];
        let town = known.ending_at(start).any(|m| {
            let t = &scan.text[m.span.range()];
            t.chars().count() >= 3 && Level::word_ending(t).is_some_and(|(_, l)| l == Level::Town)
        });
        if !town
            || stem.chars().count() != n
            || !stem.chars().all(is_cjk)
            || stem.contains(['镇', '乡', '村', '和', '与', '及', '的', '个'])
            || super::edge::opens_generically(stem)
            // `某镇召开村(社区)党组织会议`: a verb, no name.
            || scan
                .word_tag(stem)
                .is_some_and(|t| t.starts_with('v') && t != "vn")
        {
            return None;
        }
        let whole = &scan.text[start..suffix.end];
        // `新农村`, `美丽乡村`: common words, no names.
        // The two generic words for the countryside, kept in code.
        let common = ["农村", "乡村"].iter().any(|w| whole.ends_with(w))
            || scan
                .word_tag(whole)
                .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt"));
        (!common).then(|| {
            Mention::new(
                Span::new(start, suffix.end),
                EntityKind::Place,
                Rule::PlaceVillageAfterTown,
            )
        })
    })
}

/// Characters that end the name before a road suffix (`东至星中路`).
static ROAD_BOUNDARY: LazyCharSet = LazyCharSet::new(
    "各该其这每本至到在和与及的了对从经沿临向往赴是为于把将被由等入出或跨近接、,。:;“”()《》 \n\t-—~/",
);

/// A road or waterway: two name characters before the suffix, three when
/// the third is preceded by a boundary (`沈长浜街` after `南至`).
fn road_name(scan: &Scan<'_>, suffix: Span, known: &MentionIndex) -> Option<Mention> {
    let start = road_start(scan, suffix, known)?;
    // The suffix is the tail of a known place (`虹桥`): not a road.
    if known
        .ending_at(suffix.end)
        .any(|m| m.span.start > start && m.span.start < suffix.start)
    {
        return None;
    }
    // A plot's bounds (`东至…,西至…`) name a road or river each: the
    // segmenter's words across `至` (`至宝`) do not count there.
    // The four directions and `至`: a closed set, kept in code.
    let bound = ["东至", "南至", "西至", "北至"]
        .iter()
        .any(|b| scan.text[..start].ends_with(b));
    if !bound && (verb_or_word_across(scan, start, suffix) || ends_common_word(scan, suffix)) {
        return None;
    }
    if is_no_road_name(scan, &scan.text[start..suffix.start]) {
        return None;
    }
    Some(Mention::new(
        Span::new(start, with_structure(scan, suffix.end)),
        EntityKind::Place,
        Rule::PlaceRoad,
    ))
}

/// Where a road's name starts: two name characters before the suffix,
/// three when a boundary stands before the third; none before `街道` (a
/// division word, never a street) or when the two are no name characters.
fn road_start(scan: &Scan<'_>, suffix: Span, known: &MentionIndex) -> Option<usize> {
    if scan.text[suffix.end..].starts_with('道') {
        return None;
    }
    let name_char = |c: char| is_cjk(c) && !ROAD_BOUNDARY.contains(c);
    let two = scan.back(suffix.start, 2);
    let stem = &scan.text[two..suffix.start];
    if stem.chars().count() != 2 || !stem.chars().all(name_char) {
        return None;
    }
    let place_before = known.ending_at(two).next().is_some();
    if !is_road_boundary(scan, two) && !place_before && scan.char_before(two).is_some_and(name_char)
    {
        let three = scan.back(two, 1);
        if is_road_boundary(scan, three) {
            return Some(three);
        }
    }
    Some(two)
}

/// A road's name may start at `pos`: the text's start, a boundary
/// character, no ideograph, or a cue or stop word of two characters or
/// more right before.
fn is_road_boundary(scan: &Scan<'_>, pos: usize) -> bool {
    scan.char_before(pos)
        .is_none_or(|c| ROAD_BOUNDARY.contains(c) || !is_cjk(c))
        || scan
            .longest_ending_at(pos, |c| matches!(c, LexClass::NameCue | LexClass::Stop))
            .is_some_and(|h| h.span().len() > ONE_CHAR_BYTES)
}

/// The bytes of one ideograph in UTF-8: a hit longer than this holds two
/// characters or more.
const ONE_CHAR_BYTES: usize = 3;

/// No verb inside a road's name, and it starts a word (`抓住` + `虹桥`):
/// after a link character only a known word may cross its start.
fn verb_or_word_across(scan: &Scan<'_>, start: usize, suffix: Span) -> bool {
    let start_after_link = scan
        .char_before(start)
        .is_some_and(|c| ROAD_BOUNDARY.contains(c));
    scan.tokens_around(start).iter().any(|t| {
        (t.span.start < start
            && start < t.span.end
            && (!start_after_link || scan.is_known_word(&scan.text[t.span.range()])))
            || (t.span.start >= start
                && t.span.end <= suffix.start
                && t.tag.starts_with('v')
                && t.tag != "vn")
    })
}

/// Common words: `思路`, `道路`, `安全线`, `沿线`: the suffix's last two
/// characters are a word the segmenter tags as no name.
fn ends_common_word(scan: &Scan<'_>, suffix: Span) -> bool {
    let last_two = &scan.text[scan.back(suffix.end, 2)..suffix.end];
    scan.word_tag(last_two)
        .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt"))
}

/// A road's name that is a function or descriptive word to the segmenter,
/// or a stop phrase, post or cue of the lexicon.
fn is_no_road_name(scan: &Scan<'_>, prefix: &str) -> bool {
    scan.word_tag(prefix).is_some_and(|t| {
        matches!(
            t,
            "a" | "an" | "v" | "vn" | "d" | "ad" | "r" | "m" | "p" | "c" | "u" | "q"
        )
    }) || scan.lex.any(prefix, |c| {
        matches!(c, LexClass::Stop | LexClass::TitleRole | LexClass::NameCue)
    })
}

/// `延安路高架`: a structure named after the road is one place with it.
fn with_structure(scan: &Scan<'_>, end: usize) -> usize {
    scan.lex
        .prefixes_of(&scan.text[end..], LexClass::Grammar(Grammar::RoadStructure))
        .next()
        .map_or(end, |ext| end + ext.len())
}

/// Glues adjacent places (`闵行区` + `七宝镇`) into one span.
fn glue_chains(scan: &Scan<'_>, out: &mut Vec<Mention>) {
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut glued = Vec::new();
    for m in out.iter() {
        let mut cur = m.span;
        loop {
            // `out` is sorted by start, longest first.
            let at = out.partition_point(|n| n.span.start < cur.end);
            let next = out.get(at).filter(|n| n.span.start == cur.end);
            match next {
                Some(n)
                    if (is_division_at(scan, cur) && !is_road(scan, n.span))
                        || contains_division(scan, cur, n.span) =>
                {
                    cur = Span::new(cur.start, n.span.end)
                }
                _ => break,
            }
        }
        if cur != m.span {
            glued.push(Mention::new(cur, EntityKind::Place, Rule::PlaceChain));
        }
    }
    out.extend(glued);
}

/// The full division names `text` stands for: itself when it is a
/// division, the full names of a short form (`江苏` → `江苏省`).
fn full_divisions<'l>(scan: &Scan<'l>, text: &str) -> Vec<&'l str> {
    scan.lex
        .lookup(text)
        .filter_map(|e| match e.class {
            LexClass::Division(_) => Some(&*e.text),
            LexClass::PlaceShort => e.full.as_deref(),
            _ => None,
        })
        .collect()
}

/// Short forms glued without a suffix (`江苏徐州`, `上海闵行`): one chain
/// when the gazetteer puts the second inside the first.
fn contains_division(scan: &Scan<'_>, outer: Span, inner: Span) -> bool {
    let outer = full_divisions(scan, &scan.text[outer.range()]);
    if outer.is_empty() {
        return false;
    }
    full_divisions(scan, &scan.text[inner.range()])
        .into_iter()
        .flat_map(|full| scan.lex.lookup(full))
        .any(|e| e.ancestors().any(|a| outer.contains(&a)))
}

/// Roads stay apart from the division before them (`闵行区` + `吴中路`).
fn is_road(scan: &Scan<'_>, span: Span) -> bool {
    let text = &scan.text[span.range()];
    scan.lex.ends_with(text, ROAD) && !scan.lex.any(text, |c| matches!(c, LexClass::Division(_)))
}

fn is_division_at(scan: &Scan<'_>, span: Span) -> bool {
    scan.longest_ending_at(span.end, |c| matches!(c, LexClass::Division(_)))
        .is_some_and(|h| h.span().start >= span.start)
}

/// `东方花园三期`, `七宝村8队`: a numbered part glued to a place.
fn extend(scan: &Scan<'_>, out: &mut Vec<Mention>) {
    let mut more = Vec::new();
    for m in out.iter() {
        let rest = &scan.text[m.span.end..];
        let num: usize = rest
            .char_indices()
            .take_while(|&(_, c)| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                    )
            })
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        if num == 0 {
            continue;
        }
        let is_division = scan.lex.any(&scan.text[m.span.range()], |c| {
            matches!(c, LexClass::Division(_))
        });
        let is_village = scan.text[m.span.range()].ends_with('村');
        if let Some(ext) = EXTENSIONS
            .iter()
            .find(|e| rest[num..].starts_with(**e))
            .filter(|e| {
                if **e == "期" {
                    !is_division
                } else {
                    is_village
                }
            })
        {
            let end = m.span.end + num + ext.len();
            more.push(Mention::new(
                Span::new(m.span.start, end),
                EntityKind::Place,
                Rule::PlaceNumberedPart,
            ));
        }
    }
    out.extend(more);
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
