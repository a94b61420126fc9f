//! Codes with their classifier (`373地块`, `J7街坊`, `S2207号地块`,
//! `A1 地块`), blocks numbered in words (`十二街坊二期`, `东一地块`,
//! `三号地块`) and a numbered phase (`156号二期`), with the lists that
//! share the classifier.

use super::code::{self, char_before};
use super::prefix;
use super::{list, numeral, unit};
use crate::recognise::lengths::YEAR_DIGITS;
use crate::recognise::{Mention, Scan};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// The classifiers of a plot or block.
/// Kept in code: a closed set whose words each have their own rule below
/// (`区块链` is no block, a `单元` needs its number, `街坊` its mark).
const CLASSIFIERS: &[&str] = &["地块", "区块", "单元", "街坊", "街区"];

/// Directions that number a plot with a numeral (`东一地块`).
/// Kept in code: a closed set of the grammar, read per character.
const DIRECTIONS: &[char] = &['东', '西', '南', '北', '中'];

/// Spaces written between a code and its classifier (`A1 地块`).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// A mention of a plot.
fn plot(start: usize, end: usize, rule: Rule) -> Mention {
    Mention::new(Span::new(start, end), EntityKind::Plot, rule)
}

/// Every plot found from a classifier or a `号`.
pub(super) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    // Where a classifier or `号` starts: a few SIMD substring searches
    // cost less than decoding every char of the text to compare it.
    let mut at: Vec<(usize, &str)> = CLASSIFIERS
        .iter()
        .chain(&["号"])
        .flat_map(|w| {
            memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).map(move |i| (i, *w))
        })
        .collect();
    at.sort_unstable();
    for (i, word) in at {
        if word == "号" {
            out.extend(numbered_phase(text, i));
        } else {
            classified(scan, i, word, &mut out);
        }
    }
    out
}

/// The plots a classifier at `i` gives: the code before it with the codes
/// that share it, a block numbered in words, or a counted list.
fn classified(scan: &Scan<'_>, i: usize, cls: &str, out: &mut Vec<Mention>) {
    let text = scan.text;
    if cls == "区块" && text[i + cls.len()..].starts_with('链') {
        return;
    }
    let is_unit = cls == "单元";
    let mut end = i + cls.len();
    // A phase of the plot is part of it (`156号地块二期`); a unit has none.
    if !is_unit {
        end += phase_len(&text[end..]);
    }
    if is_unit && let Some(code) = unit::named_code(text, i) {
        out.push(plot(code.start, code.end, Rule::PlotUnitCode));
        return;
    }
    let (code_end, numbered) = code_end_before(text, i, is_unit);
    if let Some(start) = code::code_start(text, code_end) {
        let start = prefix::with_land_prefix(scan, start);
        coded(scan, Span::new(start, code_end), end, is_unit, out);
        return;
    }
    if let Some(start) = numbered_in_words(text, code_end, cls, numbered, end > i + cls.len()) {
        out.push(plot(start, end, Rule::PlotWordNumber));
        return;
    }
    for item in list::counted(scan, i) {
        out.push(plot(item.start, item.end, Rule::PlotSharedClassifier));
    }
}

/// Where the code before the classifier at `i` ends, past a space
/// (`A1 地块`, not the year in `2024 地块`) and a `号` (`S2207号地块`; not
/// before a unit), and whether a `号` was passed.
fn code_end_before(text: &str, i: usize, is_unit: bool) -> (usize, bool) {
    let mut pos = i;
    if let Some(s) = char_before(text, pos).filter(|&c| is_space(c))
        && char_before(text, pos - s.len_utf8()).is_some_and(code::is_code_char)
        && !ends_with_year(&text[..pos - s.len_utf8()])
    {
        pos -= s.len_utf8();
    }
    if !is_unit && char_before(text, pos) == Some('号') {
        return (pos - '号'.len_utf8(), true);
    }
    (pos, false)
}

/// True when `text` ends with a year standing alone (`截至2024`).
fn ends_with_year(text: &str) -> bool {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = &text[..text.len() - digits];
    let year = &text[head.len()..];
    digits == YEAR_DIGITS
        && (year.starts_with("19") || year.starts_with("20"))
        && !head.ends_with(|c: char| code::is_code_char(c))
}

/// The code at `code` with its classifier ending at `end`, and the bare
/// codes listed before it.
fn coded(scan: &Scan<'_>, code: Span, end: usize, is_unit: bool, out: &mut Vec<Mention>) {
    let text = scan.text;
    let items = list::items_before(scan, code);
    let rule = if is_unit {
        let list_start = items.last().map_or(code.start, |s| s.start);
        match unit::rule(text, code, list_start, end) {
            Some(rule) => rule,
            None => return,
        }
    } else {
        Rule::PlotCode
    };
    out.push(plot(code.start, end, rule));
    for item in items {
        out.push(plot(item.start, item.end, Rule::PlotSharedClassifier));
    }
}

/// Where a block numbered in words starts, its numeral ending at `end`:
/// after a direction (`东一地块`), before `号` (`三号地块`, when `numbered`),
/// or a block (`街坊`, `街区`) whose numeral has two characters or a phase
/// after it (`十二街坊二期`), so that `三街区` (three blocks) is none. A
/// single `一` is a word (`统一`, `同一`) unless a direction or `号` marks it.
fn numbered_in_words(
    text: &str,
    end: usize,
    cls: &str,
    numbered: bool,
    phased: bool,
) -> Option<usize> {
    let (start, value) = numeral::before(text, end);
    value?;
    if let Some(d) = char_before(text, start).filter(|c| DIRECTIONS.contains(c))
        && !numbered
        && cls == "地块"
    {
        return Some(start - d.len_utf8());
    }
    let long = text[start..end].chars().count() > 1;
    let block = matches!(cls, "街坊" | "街区" | "地块");
    let marked = numbered || (matches!(cls, "街坊" | "街区") && (long || phased));
    let bare_one = !numbered && &text[start..end] == "一";
    (block && marked && !bare_one).then_some(start)
}

/// `156号二期`: a number with a phase, the plot of a resettlement project.
fn numbered_phase(text: &str, i: usize) -> Option<Mention> {
    let after = i + '号'.len_utf8();
    let phase = phase_len(&text[after..]);
    if phase == 0 {
        return None;
    }
    let mut start = i;
    while char_before(text, start).is_some_and(|c| c.is_ascii_digit()) {
        start -= 1;
    }
    let whole = start < i && !char_before(text, start).is_some_and(code::is_code_char);
    whole.then(|| plot(start, after + phase, Rule::PlotCode))
}

/// The length in bytes of a phase (`二期`) opening `rest`, or 0.
fn phase_len(rest: &str) -> usize {
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(n), Some('期')) if n != '两' && numeral::is_numeral(n) => {
            n.len_utf8() + '期'.len_utf8()
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    #[test]
    fn other_classifiers() {
        assert_eq!(plots("青山路K7街坊改造"), ["K7街坊"]);
        assert_eq!(plots("征收31街坊旧里"), ["31街坊"]);
        assert_eq!(plots("打造C2街区商业"), ["C2街区"]);
        assert_eq!(plots("建设3号街坊"), ["3号街坊"]);
    }

    #[test]
    fn blocks_numbered_in_words() {
        assert_eq!(plots("青山东块十三街坊二期启动征收"), ["十三街坊二期"]);
        assert_eq!(plots("推进三号地块建设"), ["三号地块"]);
        assert_eq!(plots("西二地块开工"), ["西二地块"]);
        // An ordinal's 第 is no part of the number, as with digits.
        assert_eq!(plots("第十一街坊居民"), ["十一街坊"]);
        assert_eq!(plots("第11街坊居民"), ["11街坊"]);
    }

    #[test]
    fn numerals_that_number_no_block() {
        assert!(plots("打造三街区两中心").is_empty());
        assert!(plots("同一街坊的居民").is_empty());
        assert!(plots("建立一地块一专班").is_empty());
        assert!(plots("统一地块开发").is_empty());
    }

    #[test]
    fn a_space_before_the_classifier() {
        assert_eq!(plots("完成B2 地块出让"), ["B2 地块"]);
        assert_eq!(plots("完成B2\u{3000}地块出让"), ["B2\u{3000}地块"]);
        assert_eq!(plots("完成373 地块出让"), ["373 地块"]);
        assert!(plots("截至2024 地块出让").is_empty());
    }

    #[test]
    fn blocks_that_are_no_plots() {
        assert!(plots("发展5G区块链").is_empty());
        assert!(plots("历史文化街区").is_empty());
    }
}
