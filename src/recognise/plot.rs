//! PLOT: land-plot and planning-unit codes with their classifier
//! (`373地块`, `01-02地块`, `04单元`, `C-08地块`, `1#地块`, `156号二期`,
//! `东一地块`), and the bare code of a project (`万科19-04项目` → `19-04`).
//!
//! A place glued before the code is not part of it (`九星` + `01-02地块`);
//! footnote markers after it (`①`) are not either, since they are not code
//! characters.

use super::{Mention, Scan};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

const CLASSIFIERS: &[&str] = &["地块", "区块", "单元"];
const CN_NUM: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DIRECTIONS: &[char] = &['东', '西', '南', '北', '中'];

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '#')
}

/// Reads a code leftwards from `end` (exclusive); returns its start.
fn code_start(scan: &Scan<'_>, end: usize) -> Option<usize> {
    let mut start = end;
    while let Some(c) = scan.char_before(start) {
        if is_code_char(c) {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let code = &scan.text[start..end];
    let code = code.trim_start_matches('-');
    let start = end - code.len();
    if code.is_empty() {
        return None;
    }
    let has_digit = code.bytes().any(|b| b.is_ascii_digit());
    let single_letter = code.len() == 1 && code.as_bytes()[0].is_ascii_uppercase();
    (has_digit || single_letter).then_some(start)
}

/// The length in bytes of a phase (`二期`) opening `rest`, or 0.
fn phase_len(rest: &str) -> usize {
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(n), Some('期')) if CN_NUM.contains(&n) => n.len_utf8() + '期'.len_utf8(),
        _ => 0,
    }
}

/// Finds every PLOT in the scan.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    // Where a classifier, `号` or `项目` starts: five SIMD substring
    // searches cost less than decoding every char of the text to compare
    // it with five.
    let mut at: Vec<usize> = CLASSIFIERS
        .iter()
        .chain(&["号", "项目"])
        .flat_map(|w| memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()))
        .collect();
    at.sort_unstable();
    for i in at {
        let rest = &text[i..];
        if let Some(cls) = CLASSIFIERS.iter().find(|c| rest.starts_with(**c)) {
            let mut end = i + cls.len();
            // A phase of the plot is part of its code (`156号地块二期`, as
            // `156号二期`).
            if *cls != "单元" {
                end += phase_len(&text[end..]);
            }
            // `S2207号地块`, `浙地2019-XY-3号地块`: a 号 between code and classifier.
            let mut code_end = i;
            if *cls != "单元" && scan.char_before(i) == Some('号') {
                code_end = i - '号'.len_utf8();
            }
            if let Some(mut start) = code_start(scan, code_end) {
                // A land-certificate prefix: one province abbreviation + 地.
                if scan.char_before(start) == Some('地') {
                    let p = start - '地'.len_utf8();
                    if let Some(c) = scan.char_before(p)
                        && scan
                            .lex
                            .lookup(&c.to_string())
                            .any(|e| e.class == crate::lexicon::LexClass::PlaceShort)
                    {
                        start = p - c.len_utf8();
                    }
                }
                if *cls == "单元" && code_end - start > 4 {
                    continue;
                }
                out.push(Mention::new(
                    Span::new(start, end),
                    EntityKind::Plot,
                    Rule::PlotCode,
                ));
                continue;
            }
            // 东一地块.
            if *cls == "地块" {
                let n = scan.char_before(i);
                if n.is_some_and(|c| CN_NUM.contains(&c)) {
                    let p = i - 3;
                    if scan.char_before(p).is_some_and(|c| DIRECTIONS.contains(&c)) {
                        out.push(Mention::new(
                            Span::new(p - 3, end),
                            EntityKind::Plot,
                            Rule::PlotCode,
                        ));
                    }
                }
            }
            continue;
        }
        // 156号二期.
        if rest.starts_with('号') {
            let after = &rest['号'.len_utf8()..];
            let mut chars = after.chars();
            if chars.next().is_some_and(|c| CN_NUM.contains(&c)) && chars.next() == Some('期') {
                let mut start = i;
                while scan.char_before(start).is_some_and(|c| c.is_ascii_digit()) {
                    start -= 1;
                }
                if start < i && !scan.char_before(start).is_some_and(is_code_char) {
                    out.push(Mention::new(
                        Span::new(start, i + "号二期".len()),
                        EntityKind::Plot,
                        Rule::PlotCode,
                    ));
                }
            }
            continue;
        }
        // 万科19-04项目: the bare code.
        if rest.starts_with("项目") {
            let mut start = i;
            while scan
                .char_before(start)
                .is_some_and(|c| c.is_ascii_digit() || c == '-')
            {
                start -= 1;
            }
            let code = &text[start..i];
            let parts: Vec<&str> = code.split('-').collect();
            if parts.len() == 2 && parts.iter().all(|p| (1..=3).contains(&p.len())) {
                out.push(Mention::new(
                    Span::new(start, i),
                    EntityKind::Plot,
                    Rule::PlotCode,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    #[test]
    fn a_phase_belongs_to_the_plot() {
        assert_eq!(
            plots("156号地块二期安置房完工,373地块一期开工。"),
            ["156号地块二期", "373地块一期"]
        );
        // A unit has no phases; a period after a plot is no phase.
        assert_eq!(plots("04单元二期规划"), ["04单元"]);
        assert_eq!(plots("373地块期间"), ["373地块"]);
    }

    #[test]
    fn codes() {
        assert_eq!(plots("加快推进373地块①项目"), ["373地块"]);
        assert_eq!(plots("推进九星01-02地块③租赁房"), ["01-02地块"]);
        assert_eq!(plots("C-08地块和1#地块"), ["C-08地块", "1#地块"]);
        assert_eq!(plots("制定04单元转型方案"), ["04单元"]);
        assert_eq!(plots("完成156号二期竣工验收"), ["156号二期"]);
        assert_eq!(plots("东一地块开工"), ["东一地块"]);
        assert_eq!(plots("S2207号地块封顶"), ["S2207号地块"]);
        assert_eq!(plots("万科19-04项目"), ["19-04"]);
        assert_eq!(plots("5#区块"), ["5#区块"]);
        assert_eq!(plots("D地块"), ["D地块"]);
    }

    #[test]
    fn not_plots() {
        assert!(plots("国韵宾馆地块项目").is_empty());
        assert!(plots("中部单元规划").is_empty());
        assert!(plots("2号楼").is_empty());
    }
}
