//! Codes that share one classifier: each is its own span, the bare ones
//! bare. Either the last code carries the classifier (`J5、J6、J7街坊` →
//! `J5`, `J6`, `J7街坊`), or the list is closed by `等` or by a count of
//! its items (`A1、A2等地块`, `A1、A2、A3三幅地块`).

use super::code::{self, char_before};
use super::numeral;
use super::prefix;
use crate::recognise::Scan;
use crate::span::Span;

/// Measure words of a count of plots (`三幅地块`, `五个街坊`, `两宗地块`).
/// Kept in code: a closed set of the grammar, read per character.
const MEASURES: &[char] = &['幅', '个', '块', '宗', '处'];

/// The bare codes listed before the code at `first`, nearest first, each
/// joined to the next by `、` or a conjunction.
pub(super) fn items_before(scan: &Scan<'_>, first: Span) -> Vec<Span> {
    let mut items = Vec::new();
    let mut next = first;
    while let Some(item) = item_before(scan, next) {
        items.push(item);
        next = item;
    }
    items
}

/// The code joined to `next` by a separator just before it, when the two
/// share their shape (`J5、J6`, `3#、6#`): a number before `、` that opens
/// an item of a numbered list (`1、A1地块`) has another.
fn item_before(scan: &Scan<'_>, next: Span) -> Option<Span> {
    let text = scan.text;
    let sep = char_before(text, next.start)?;
    if sep != '、' && !crate::lexicon::is_conjunction(sep) {
        return None;
    }
    let item = item_ending_at(scan, next.start - sep.len_utf8())?;
    (shape(&text[item.range()]) == shape(&text[next.range()])).then_some(item)
}

/// The item of a list ending at `end`: a code with its land prefix, and
/// the `号` after it (`1号、2号地块` → `1号`).
fn item_ending_at(scan: &Scan<'_>, end: usize) -> Option<Span> {
    let code_end = match char_before(scan.text, end) {
        Some('号') => end - '号'.len_utf8(),
        _ => end,
    };
    let start = code::code_start(scan.text, code_end)?;
    Some(Span::new(prefix::with_land_prefix(scan, start), end))
}

/// The shape of an item's code, without its `号`.
fn shape(item: &str) -> String {
    code::shape(item.strip_suffix('号').unwrap_or(item))
}

/// `A1、A2、A3三幅地块`, `A1、A2等地块`: the codes of a list closed by `等`
/// or by a count before the classifier at `classifier`. A count must
/// match the number of codes (`等` may close a longer list), so that
/// `已完成11个街坊` and `共三幅地块` give nothing.
pub(super) fn counted(scan: &Scan<'_>, classifier: usize) -> Vec<Span> {
    let text = scan.text;
    let mut pos = classifier;
    let mut count = None;
    if let Some(m) = char_before(text, pos).filter(|c| MEASURES.contains(c)) {
        let measure = pos - m.len_utf8();
        let (start, value) = numeral::before(text, measure);
        if start == measure {
            return Vec::new();
        }
        count = value;
        pos = start;
    }
    let etc = char_before(text, pos) == Some('等');
    if etc {
        pos -= '等'.len_utf8();
    } else if count.is_none() {
        return Vec::new();
    }
    let Some(last) = item_ending_at(scan, pos) else {
        return Vec::new();
    };
    let mut items = items_before(scan, last);
    items.insert(0, last);
    let counted = count.is_some_and(|n| n as usize == items.len() && n > 1);
    if etc || counted { items } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    #[test]
    fn the_last_code_carries_the_classifier() {
        assert_eq!(plots("调整K3、K4、K5街坊规划"), ["K3", "K4", "K5街坊"]);
        assert_eq!(plots("推进2#、5#地块建设"), ["2#", "5#地块"]);
        assert_eq!(plots("青山07-01、07-04地块出让"), ["07-01", "07-04地块"]);
        assert_eq!(plots("征收21、22、25街坊"), ["21", "22", "25街坊"]);
        assert_eq!(plots("完成1、2号地块"), ["1", "2号地块"]);
        assert_eq!(plots("完成1号、2号地块"), ["1号", "2号地块"]);
        assert_eq!(plots("完成1号、2号等地块"), ["1号", "2号"]);
        assert!(plots("完成1号、2号楼").is_empty());
    }

    #[test]
    fn list_items_share_their_shape() {
        assert_eq!(plots("H1和H2地块"), ["H1", "H2地块"]);
        assert_eq!(plots("完成2024和H2地块"), ["H2地块"]);
        // The number of a numbered list is no code.
        assert_eq!(plots("工作安排\n1、H1地块开工"), ["H1地块"]);
    }

    #[test]
    fn a_list_closed_by_etc_or_a_count() {
        assert_eq!(plots("包括07-115、07-121等地块"), ["07-115", "07-121"]);
        assert_eq!(plots("包括C3、C4、C5三幅地块"), ["C3", "C4", "C5"]);
        assert_eq!(plots("剩下21、23、26三个街坊"), ["21", "23", "26"]);
    }

    #[test]
    fn counts_that_are_no_lists() {
        assert!(plots("已征收11个街坊").is_empty());
        assert!(plots("出让三幅地块").is_empty());
        assert!(plots("包括C3、C4三幅地块").is_empty());
        assert!(plots("居住在2、3号楼").is_empty());
        assert!(plots("开通18、22号线").is_empty());
    }
}
