//! Planning units (`单元`): a coded unit (`04单元`, `N010203单元`,
//! `XYd(03)02单元`) and the code in parentheses after a named unit
//! (`青山社区(AB1-0203)单元` → `AB1-0203`). A stairwell of a building
//! (`5栋2单元301室`) and a lesson (`第3单元`) are no plots.

use super::code::{self, char_before, is_close, is_open};
use crate::rules::Rule;
use crate::span::Span;

/// The longest all-digit unit code, in digits (`04单元`); longer runs of
/// digits before `单元` are counts or serial numbers.
const MAX_DIGITS: usize = 4;

/// Characters that end a building or house number before its stairwell
/// (`5栋2单元`, `3号楼1单元`, `A座2单元`).
/// Kept in code: a closed set of the grammar, read per character.
const BUILDING: &[char] = &['栋', '幢', '座', '楼', '号'];

/// `青山社区(AB1-0203)单元`: the code in parentheses between a named unit
/// and `单元` (`unit` is where `单元` starts). The code holds a digit and a
/// letter or `-`, or four digits or more, so a numbered note is none.
pub(super) fn named_code(text: &str, unit: usize) -> Option<Span> {
    let close = char_before(text, unit).filter(|&c| is_close(c))?;
    let end = unit - close.len_utf8();
    let start = code::code_start(text, end)?;
    let open = char_before(text, start).filter(|&c| is_open(c))?;
    let named = char_before(text, start - open.len_utf8()).is_some_and(|c| !c.is_ascii());
    let code = &text[start..end];
    let coded =
        code.bytes().any(|b| b.is_ascii_alphabetic() || b == b'-') || code.len() >= MAX_DIGITS;
    (named && coded).then(|| Span::new(start, end))
}

/// The rule a code before `单元` is a planning unit by, or `None` when it
/// is no unit: a short number is a plot code (`04单元`), a code with
/// letters or dashes a coded unit (`N010203单元`, `01-02单元`). `list` is
/// where the list of codes sharing `单元` starts, `after` where `单元` ends.
pub(super) fn rule(text: &str, code: Span, list: usize, after: usize) -> Option<Rule> {
    if is_stairwell(text, list, after) {
        return None;
    }
    let code = &text[code.range()];
    let digits_only = code.bytes().all(|b| b.is_ascii_digit());
    if digits_only {
        let lesson = char_before(text, list) == Some('第');
        return (code.len() <= MAX_DIGITS && !lesson).then_some(Rule::PlotCode);
    }
    let has_digit = code.bytes().any(|b| b.is_ascii_digit());
    let short_parts = code.split('-').all(|p| {
        !p.is_empty() && (p.len() <= MAX_DIGITS || p.bytes().any(|b| b.is_ascii_alphabetic()))
    });
    (has_digit && short_parts).then_some(Rule::PlotUnitCode)
}

/// `5栋2单元`, `2单元301室`: a stairwell, after a building or before a
/// room or floor (`室`, `户`, `楼`, `层`, or a number and `号`; block
/// codes after a unit have none: `Q0203单元05、06街坊`).
fn is_stairwell(text: &str, list: usize, after: usize) -> bool {
    let building = char_before(text, list).is_some_and(|c| BUILDING.contains(&c));
    let rest = text[after..].trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < text.len() - after;
    // A closed set of the grammar, kept in code.
    building || rest.starts_with(['室', '户', '楼', '层']) || (numbered && rest.starts_with('号'))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    #[test]
    fn coded_units() {
        assert_eq!(
            plots("审议青山新区Q020304单元控制性详细规划"),
            ["Q020304单元"]
        );
        assert_eq!(plots("批复了07QS-0102单元规划"), ["07QS-0102单元"]);
        assert_eq!(plots("编制QSd(05)03单元详细规划"), ["QSd(05)03单元"]);
        assert_eq!(plots("推进12单元和03-02单元更新"), ["12单元", "03-02单元"]);
        // Codes of blocks may follow a unit.
        assert_eq!(
            plots("Q020304单元05、06街坊"),
            ["Q020304单元", "05", "06街坊"]
        );
    }

    #[test]
    fn a_code_in_parentheses_after_a_named_unit_is_the_code() {
        assert_eq!(
            plots("同意青山镇社区(QS2-0405)单元控制性详细规划"),
            ["QS2-0405"]
        );
        assert_eq!(plots("同意青山镇社区（QS2-0405）单元规划"), ["QS2-0405"]);
        // A numbered note is no code.
        assert!(plots("青山社区(2)单元规划").is_empty());
    }

    #[test]
    fn stairwells_lessons_and_long_numbers_are_no_units() {
        assert!(plots("住在青山苑12幢3单元502室").is_empty());
        assert!(plots("青山苑3单元502室").is_empty());
        assert!(plots("青山苑3单元5楼").is_empty());
        assert!(plots("3号楼2单元的居民").is_empty());
        assert!(plots("3号楼A1单元的居民").is_empty());
        assert!(plots("青山苑B2单元1203室").is_empty());
        assert!(plots("居民住在5栋1、2单元").is_empty());
        assert!(plots("学习第3单元课文").is_empty());
        assert!(plots("共有20231单元").is_empty());
        assert!(plots("B单元居民").is_empty());
    }
}
