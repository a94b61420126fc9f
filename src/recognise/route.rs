//! Route numbers of China's road network, which the genre writes for roads
//! and their works: `G50`, `G312国道`, `S309线`, `S20外环高速`. `G` numbers
//! national roads and expressways, `S` provincial ones; the road word that
//! follows (`线`, `国道`, `省道`) belongs to the name. They are PLACE.
//!
//! A letter and digits are no route when they are part of a longer code
//! (`GS30`, `G50A`, `S1.5`), a plot or house number (`S1814号地块`), or a
//! summit (`G20峰会`).

use super::{Mention, Scan};
use crate::span::{EntityKind, Span};

/// Road words glued after the number, longest first.
const ROAD_WORDS: &[&str] = &["国道", "省道", "县道", "线"];

/// What, right after the digits, makes them something else.
const NOT_A_ROUTE: &[&str] = &["号", "地块", "峰会", "期", "单元", "栋", "幢", "室"];

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
        if !(1..=4).contains(&digits) || bytes[i + 1] == b'0' {
            continue;
        }
        let rest = &text[end..];
        if rest
            .as_bytes()
            .first()
            .is_some_and(|&c| is_code_byte(c) || c == b'.')
            || NOT_A_ROUTE.iter().any(|w| rest.starts_with(w))
        {
            continue;
        }
        let word = ROAD_WORDS.iter().find(|w| rest.starts_with(**w));
        // A bare number needs two digits at least (`G7` is more often a
        // summit than a road).
        if word.is_none() && digits < 2 {
            continue;
        }
        let end = end + word.map_or(0, |w| w.len());
        out.push(Mention::new(Span::new(i, end), EntityKind::Place));
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
