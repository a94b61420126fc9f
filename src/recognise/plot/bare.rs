//! Bare codes: a dashed code with no classifier, where what follows makes
//! it a plot: a planning word (`将07-115规划为绿地`) or a project
//! (`青山19-04项目` → `19-04`).

use super::code;
use crate::lexicon::{Grammar, LexClass, Lexicon};
use crate::recognise::lengths::YEAR_DIGITS;
use crate::span::Span;

/// Words after which a dashed code is a planning code: the plot is
/// planned, zoned, sold or adjusted (`grammar.planning` in
/// `dictionaries/grammar.txt`).
const PLANNING: LexClass = LexClass::Grammar(Grammar::Planning);

/// The fewest letters and digits of a bare planning code (`02-15`), so
/// that ranges (`1-2`) are none.
const MIN_ALNUM: usize = 4;

/// The longest all-digit part of a planning code (`0203`).
const MAX_DIGIT_PART: usize = 4;

/// Every bare code of the text, as spans; `lex` says the planning words.
pub(super) fn find(text: &str, lex: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    let mut done = 0;
    for dash in memchr::memchr_iter(b'-', text.as_bytes()) {
        if dash < done {
            continue;
        }
        let end = code::code_end(text, dash);
        done = end;
        let Some(start) = code::code_start(text, end) else {
            continue;
        };
        let code = &text[start..end];
        let rest = &text[end..];
        let planned = lex.starts_with(rest, PLANNING) && is_planning_code(code);
        let project = rest.starts_with("项目") && is_project_code(code);
        if planned || project {
            out.push(Span::new(start, end));
        }
    }
    out
}

/// A dashed planning code (`07-115`, `QS0202-C1/C2-05`): enough letters
/// and digits, digit parts of at most four digits with the first of at
/// most three, and no year (`2021-2035`, `2023-05`).
fn is_planning_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    let alnum = code.bytes().filter(u8::is_ascii_alphanumeric).count();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let year = |p: &str| {
        digits(p) && p.len() == YEAR_DIGITS && (p.starts_with("19") || p.starts_with("20"))
    };
    alnum >= MIN_ALNUM
        && parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty() && !year(p))
        && parts
            .iter()
            .all(|p| !digits(p) || p.len() <= MAX_DIGIT_PART)
        && !(digits(parts[0]) && parts[0].len() > 3)
}

/// The code of a project: two groups of one to three digits (`19-04`).
fn is_project_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    #[test]
    fn a_dashed_code_before_a_planning_word() {
        assert_eq!(plots("拟将07-115规划为公共绿地"), ["07-115"]);
        assert_eq!(plots("QS0202-C1/C2-05用地性质调整"), ["QS0202-C1/C2-05"]);
        assert_eq!(plots("青山19-04项目开工"), ["19-04"]);
        assert_eq!(plots("将07-115、07-121调整为绿地"), ["07-115", "07-121"]);
    }

    #[test]
    fn years_ranges_and_numbers_are_no_codes() {
        assert!(plots("编制2021-2035规划").is_empty());
        assert!(plots("完成1-2规划").is_empty());
        assert!(plots("拨打0571-8888规划热线").is_empty());
        assert!(plots("2023-05出让").is_empty());
        assert!(plots("青山2021-04项目").is_empty());
    }
}
