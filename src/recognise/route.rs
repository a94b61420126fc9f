//! Route numbers of China's road network, which the genre writes for roads
//! and their works: `G50`, `G312国道`, `S309线`, `S20外环高速`. `G` numbers
//! national roads and expressways, `S` provincial ones; the road word that
//! follows (`线`, `国道`, `省道`) belongs to the name. They are PLACE.
//!
//! A letter and digits are no route when they are part of a longer code
//! (`GS30`, `G50A`, `S1.5`), a plot or house number (`S1814号地块`), or a
//! summit (`G20峰会`).

use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// Road words glued after the number (`国道`, `线`: `grammar.route`).
const ROUTE: LexClass = LexClass::Grammar(Grammar::Route);

/// What, right after the digits, makes them something else (`号`, `峰会`:
/// `grammar.code-unit`).
const CODE_UNIT: LexClass = LexClass::Grammar(Grammar::CodeUnit);

/// Words that end a road's or a line's name (`线`, `公路`:
/// `grammar.road-end`).
const ROAD_END: LexClass = LexClass::Grammar(Grammar::RoadEnd);

/// The most digits of a route number (`G1501`).
const MAX_DIGITS: usize = 4;

/// The fewest digits of a route number without its road word (`G50`).
const MIN_BARE_DIGITS: usize = 2;

/// How far after a road its section (`甲地至乙地段`) may end, in
/// characters, and the longest name of one of its ends.
const MAX_SECTION_CHARS: usize = 14;
const MAX_END_CHARS: usize = 6;

/// Finds route numbers.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Route letters are rare: memchr finds them without a test per byte.
    for i in memchr::memchr2_iter(b'G', b'S', bytes) {
        if i > 0 && is_code_byte(bytes[i - 1]) {
            continue;
        }
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        let end = i + 1 + digits;
        if !(1..=MAX_DIGITS).contains(&digits) || bytes[i + 1] == b'0' {
            continue;
        }
        let rest = &text[end..];
        if rest
            .as_bytes()
            .first()
            .is_some_and(|&c| is_code_byte(c) || c == b'.')
            || scan.longest_at(end, |c| c == CODE_UNIT).is_some()
        {
            continue;
        }
        let word = scan.longest_at(end, |c| c == ROUTE);
        // A bare number needs two digits at least (`G7` is more often a
        // summit than a road).
        if word.is_none() && digits < MIN_BARE_DIGITS {
            continue;
        }
        let end = word.map_or(end, |w| w.span().end);
        out.push(Mention::new(
            Span::new(i, end),
            EntityKind::Place,
            Rule::PlaceRoute,
        ));
    }
    out
}

/// The two ends of a road section, written after the road (`某某线甲地至乙地段`,
/// as works on roads are reported): places, though the lexicon may know
/// neither. `places` are the places found so far; ends they already cover
/// are not reported again.
pub(crate) fn section_ends(scan: &Scan<'_>, places: &[Mention]) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    for m in places {
        if !scan
            .hits_ending_at(m.span.end)
            .any(|h| h.span().start >= m.span.start && scan.hit_is(h, |c| c == ROAD_END))
        {
            continue;
        }
        let rest = &text[m.span.end..];
        // Up to `段`, two short names joined by `至`.
        let Some(len) = rest
            .char_indices()
            .take(MAX_SECTION_CHARS)
            .find(|&(_, c)| c == '段' || !is_cjk(c))
            .filter(|&(_, c)| c == '段')
            .map(|(i, _)| i)
        else {
            continue;
        };
        let Some((a, b)) = rest[..len].split_once('至') else {
            continue;
        };
        let ok = |w: &str| (1..=MAX_END_CHARS).contains(&w.chars().count()) && !w.contains('至');
        if !(ok(a) && ok(b)) {
            continue;
        }
        let a_span = Span::new(m.span.end, m.span.end + a.len());
        let b_start = a_span.end + '至'.len_utf8();
        let b_span = Span::new(b_start, b_start + b.len());
        for end in [a_span, b_span] {
            let covered = places
                .iter()
                .chain(&out)
                .any(|p| p.span.start < end.end && end.start < p.span.end);
            if !covered {
                out.push(Mention::new(end, EntityKind::Place, Rule::PlaceSectionEnd));
            }
        }
    }
    out
}

/// ASCII letters and digits: what a longer code is made of.
fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Place;

    fn places(text: &str) -> Vec<String> {
        spans(text, Place)
    }

    #[test]
    fn the_ends_of_a_road_section_are_places() {
        assert_eq!(
            places("实施G228线牛庄至马集段改建工程。"),
            ["G228线", "牛庄", "马集"]
        );
        // Ends already found are not found twice.
        assert_eq!(
            places("完成沪宁高速无锡至苏州段拓宽。"),
            ["沪宁高速", "无锡", "苏州"]
        );
        // No section: nothing after the road.
        assert_eq!(places("沿G228线至马集。"), ["G228线"]);
    }

    #[test]
    fn route_numbers_with_their_road_word() {
        assert_eq!(places("检查了S218线路面工程。"), ["S218线"]);
        assert_eq!(places("G205国道拓宽改造"), ["G205国道"]);
        assert_eq!(places("整治蒲汇塘(G60-莘庄段)沿线"), ["蒲汇塘", "G60"]);
    }

    #[test]
    fn codes_that_are_no_routes() {
        for text in [
            "S2210号地块主体结构封顶",
            "参加G20峰会筹备会",
            "GS300型设备",
            "G7集团",
            "5G基站建设",
            "S1.5标准",
        ] {
            assert!(places(text).is_empty(), "{text}: {:?}", places(text));
        }
    }
}
