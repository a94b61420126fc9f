//! Named sites that end in a place suffix (`莲浦府邸`, `闵行体育公园`):
//! `place.suffix`, `place.suffix-word`, and the village written after its
//! town (`place.village-after-town`).

use super::super::edge::left_edge;
use super::super::index::MentionIndex;
use super::super::segment::Token;
use super::super::{Mention, Scan};
use super::chain::{EXTENSIONS, is_suffix_with};
use super::road::{ROAD, road_name};
use crate::lexicon::{Grammar, Level, LexClass};
use crate::recognise::lengths::WORD_CHARS;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// Place suffixes whose names are short (`安置点`): `grammar.short-named`.
pub(in super::super) const SHORT_NAMED: LexClass = LexClass::Grammar(Grammar::ShortNamed);

/// True when a stop phrase starts inside `name` and reaches past its end
/// (`河湖长制` after `深化河湖`): the name's suffix is part of a common
/// expression.
fn inside_a_stop_phrase(scan: &Scan<'_>, name: Span) -> bool {
    scan.hits_starting_in(name)
        .any(|h| h.span().end > name.end && scan.hit_is(h, LexClass::Stop))
}

/// Named sites ending in a place suffix.
pub(super) fn suffix_names(scan: &Scan<'_>, known: &[Mention]) -> Vec<Mention> {
    let known = &MentionIndex::new(known);
    let mut out: Vec<Mention> = scan
        .hits()
        .iter()
        .filter(|hit| scan.hit_is(hit, LexClass::PlaceSuffix))
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
            // A closed set of the grammar, kept in code.
            .starts_with(['区', '镇', '市', '乡', '墙', '运', '管', '建', '口', '中'])
}

/// The suffix must end a word: `思路` and `道路` swallow their `路`. A
/// word the segmenter guessed across a road suffix (`蒲汇塘步`) is not
/// trusted.
fn swallowed_by_word(scan: &Scan<'_>, suffix: Span, head: &Token, road: bool) -> bool {
    let hw = &scan.text[head.span.range()];
    // `某某村一民宿`: the segmenter read the suffix and the numeral after it
    // as one number (`村一`).
    let numeral_after = head.span.start == suffix.start
        && head.tag == Pos::M
        && scan.text[suffix.end..head.span.end]
            .chars()
            .all(crate::lexicon::is_numeral);
    head.span.end > suffix.end
        && !numeral_after
        && !scan.lex.any(hw, |c| c.is_place())
        && (scan.is_known_word(hw) || !road)
}

/// A common word ending in a one-character suffix (`乡村`, `农村`).
fn is_common_word_ending(scan: &Scan<'_>, suffix: Span, head: &Token) -> bool {
    let hw = &scan.text[head.span.range()];
    scan.text[suffix.range()].chars().count() == 1
        && hw.chars().count() == WORD_CHARS
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
    hw.chars().count() > WORD_CHARS
        && !super::super::edge::opens_generically(hw)
        // A closed set of the grammar, kept in code.
        && (word != "城" || !scan.text[suffix.end..].starts_with(['区', '镇', '市', '乡']))
        && (!scan.is_known_word(hw) || head.is_proper())
        && (!head.tag.is_name() || ["村", "庄", "屯"].contains(&word))
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
    if !edge.anchored && scan.text[suffix.range()].chars().count() >= WORD_CHARS {
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
        || super::super::edge::holds_rank(&scan.text[edge.start..name_end])
        || describes_a_village(scan, suffix, Span::new(edge.start, name_end))
    {
        return None;
    }
    Some(Mention::new(
        Span::new(edge.start, suffix.end),
        EntityKind::Place,
        Rule::PlaceSuffix,
    ))
}

/// The fewest characters after a village's suffix inside a stem that make
/// the stem a description of the village (`某某村` + `农旅融合示范` + `村`).
const MIN_VILLAGE_DESCRIPTION: usize = 3;

/// True when a village suffix ends a stem that already holds a village
/// followed by words (`某镇某某村农旅融合示范村`): the words say what kind
/// of village it is, an honour or a programme, and the name is the village
/// inside, which its own rules find.
fn describes_a_village(scan: &Scan<'_>, suffix: Span, stem: Span) -> bool {
    let village_suffix = |h: &crate::matcher::Hit| is_suffix_with(scan, h, |t| t.village);
    if !scan
        .hits_at(suffix.start)
        .iter()
        .any(|h| h.span() == suffix && village_suffix(h))
    {
        return false;
    }
    scan.hits_within(stem).any(|h| {
        h.span().start > stem.start
            && village_suffix(h)
            && scan.text[h.span().end..stem.end].chars().count() >= MIN_VILLAGE_DESCRIPTION
    })
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
            // A closed set of the grammar, kept in code.
            || stem.contains(['镇', '乡', '村', '和', '与', '及', '的', '个'])
            || super::super::edge::opens_generically(stem)
            // `某镇召开村(社区)党组织会议`: a verb, no name.
            || scan
                .word_tag(stem)
                .is_some_and(|t| t.is_verb())
        {
            return None;
        }
        let whole = &scan.text[start..suffix.end];
        // `新农村`, `美丽乡村`: common words, no names.
        // The two generic words for the countryside, kept in code.
        let common = ["农村", "乡村"].iter().any(|w| whole.ends_with(w))
            || scan
                .word_tag(whole)
                .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt));
        (!common).then(|| {
            Mention::new(
                Span::new(start, suffix.end),
                EntityKind::Place,
                Rule::PlaceVillageAfterTown,
            )
        })
    })
}
