//! Roads and waterways (`宝铭路`, `沈长浜街`, `延安路高架`): two or three
//! name characters before a road suffix (`place.road`).

use super::super::index::MentionIndex;
use super::super::{Mention, Scan};
use crate::lexicon::Grammar;
use crate::lexicon::Level;
use crate::lexicon::LexClass;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_cjk};

/// The endings of roads and waterways (`路`, `大道`, `浜`): the name before
/// them is short. `grammar.road` in `dictionaries/grammar.txt`.
pub(super) const ROAD: LexClass = LexClass::Grammar(Grammar::Road);

/// Characters that end the name before a road suffix (`东至星中路`).
static ROAD_BOUNDARY: LazyCharSet = LazyCharSet::new(
    "各该其这每本至到在和与及的了对从经沿临向往赴是为于把将被由等入出或跨近接、,。:;“”()《》 \n\t-—~/",
);

/// A road or waterway: two name characters before the suffix, three when
/// the third is preceded by a boundary (`沈长浜街` after `南至`).
pub(super) fn road_name(scan: &Scan<'_>, suffix: Span, known: &MentionIndex) -> Option<Mention> {
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
    if is_no_road_name(scan, &scan.text[start..suffix.start])
        || suffix_opens_a_place(scan, suffix)
        || body_before(scan, start, suffix.start)
    {
        return None;
    }
    Some(Mention::new(
        Span::new(start, with_level(scan, with_structure(scan, suffix.end))),
        EntityKind::Place,
        Rule::PlaceRoad,
    ))
}

/// `某溪河村`, `某河镇`: a village or a town named after the river or road
/// is one place with its level character.
fn with_level(scan: &Scan<'_>, end: usize) -> usize {
    match scan.char_at(end) {
        Some(c) if matches!(Level::of_char(c), Some(Level::Town | Level::Village)) => {
            end + c.len_utf8()
        }
        _ => end,
    }
}

/// `新华社` + `河内`: a body of the lexicon ends where the suffix starts,
/// and the name before the suffix is that body's, no road's or river's.
fn body_before(scan: &Scan<'_>, start: usize, suffix_start: usize) -> bool {
    scan.hits_ending_at(suffix_start).any(|h| {
        h.span().start <= start && h.span().len() > ONE_CHAR_BYTES && scan.hit_is(h, LexClass::Org)
    })
}

/// True when the segmenter reads the suffix as the start of a place name
/// or a person's name running past it (`甘肃` + `河西`…, `作者` + `江某某`):
/// the character opens that name and ends no road or river.
fn suffix_opens_a_place(scan: &Scan<'_>, suffix: Span) -> bool {
    scan.token_containing(suffix.start).is_some_and(|t| {
        t.span.start == suffix.start
            && t.span.end > suffix.end
            && matches!(t.tag, Pos::Ns | Pos::Nr)
    })
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
            .longest_ending_at(pos, [LexClass::NameCue, LexClass::Stop])
            .is_some_and(|h| h.span().len() > ONE_CHAR_BYTES)
}

/// The bytes of one ideograph in UTF-8: a hit longer than this holds two
/// characters or more.
const ONE_CHAR_BYTES: usize = 3;

/// No verb or measure word inside a road's name (`1.7公里` + `农路`), and
/// it starts a word (`抓住` + `虹桥`):
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
                && (t.tag.is_verb() || t.tag == Pos::Q))
    })
}

/// Common words: `思路`, `道路`, `安全线`, `沿线`: the suffix's last two
/// characters are a word the segmenter tags as no name.
fn ends_common_word(scan: &Scan<'_>, suffix: Span) -> bool {
    let last_two = &scan.text[scan.back(suffix.end, 2)..suffix.end];
    scan.word_tag(last_two)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt))
}

/// A road's name that is a function, descriptive or distinguishing word
/// (`主要` + `河`流) to the segmenter,
/// or a stop phrase, post or cue of the lexicon.
fn is_no_road_name(scan: &Scan<'_>, prefix: &str) -> bool {
    scan.word_tag(prefix).is_some_and(|t| {
        matches!(
            t,
            Pos::A
                | Pos::An
                | Pos::B
                | Pos::V
                | Pos::Vn
                | Pos::D
                | Pos::Ad
                | Pos::R
                | Pos::M
                | Pos::P
                | Pos::C
                | Pos::U
                | Pos::Q
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

/// Roads stay apart from the division before them (`闵行区` + `吴中路`).
pub(super) fn is_road(scan: &Scan<'_>, span: Span) -> bool {
    let text = &scan.text[span.range()];
    scan.span_ends_with(span, ROAD) && !scan.lex.any(text, |c| matches!(c, LexClass::Division(_)))
}
