//! PLOT: land-plot, block and planning-unit codes, in the spec's forms:
//!
//! - a code with its classifier (`373地块`, `01-02地块`, `04单元`, `K7街坊`,
//!   `C2街区`, `5#区块`, `S2207号地块`, `A1 地块`), with a phase
//!   (`156号地块二期`, `156号二期`) — [`classified`];
//! - a block numbered in words (`十二街坊二期`, `东一地块`) — [`classified`];
//! - codes sharing one classifier, the bare ones bare (`K5、K6、K7街坊`,
//!   `A1、A2等地块`, `A1、A2、A3三幅地块`) — [`list`];
//! - coded planning units (`N010203单元`, `XYd(03)02单元`) and the code in
//!   parentheses after a named unit (`青山社区(AB1-0203)单元` → the code)
//!   — [`unit`];
//! - bare dashed codes in a planning context (`将07-115规划为…`) or of a
//!   project (`万科19-04项目` → `19-04`) — [`bare`].
//!
//! A place glued before the code is not part of it (`九星` + `01-02地块`);
//! footnote markers after it (`①`) are not either, since they are not code
//! characters. A plot named after a place or company (`国韵宾馆地块`) has no
//! code and is no PLOT.

mod bare;
mod classified;
mod code;
mod list;
mod numeral;
mod prefix;
mod unit;

use super::{Mention, Scan};
use crate::rules::Rule;
use crate::span::EntityKind;

/// Finds every PLOT in the scan, without overlaps.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let mut out = classified::find(scan);
    for code in bare::find(scan.text, scan.lex) {
        out.push(Mention::new(code, EntityKind::Plot, Rule::PlotBareCode));
        out.extend(
            list::items_before(scan, code)
                .into_iter()
                .map(|s| Mention::new(s, EntityKind::Plot, Rule::PlotSharedClassifier)),
        );
    }
    without_overlaps(out)
}

/// The mentions by start, the longest where two overlap.
fn without_overlaps(mut plots: Vec<Mention>) -> Vec<Mention> {
    plots.sort_unstable_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(plots.len());
    for m in plots {
        match kept.last_mut() {
            Some(k) if m.span.start < k.span.end => {
                if m.span.len() > k.span.len() {
                    *k = m;
                }
            }
            _ => kept.push(m),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::{extractor, spans};
    use crate::span::EntityKind::Plot;

    fn plots(text: &str) -> Vec<String> {
        spans(text, Plot)
    }

    proptest::proptest! {
        /// Text made of the characters the plot rules read: every plot is
        /// the text between its offsets, and no two plots overlap.
        #[test]
        fn plots_are_spans_of_the_text(
            text in "[0-9A-Za-z#/／ 　\\-、和等个幅三十二一东政储出地块单元街坊区号期项目规划(（)）〔〕\\[\\]链栋室第]{0,40}"
        ) {
            let doc = extractor().extract("t", &text);
            let chars: Vec<char> = text.chars().collect();
            let mut plots: Vec<_> = doc.entities.iter().filter(|e| e.kind == Plot).collect();
            plots.sort_by_key(|e| e.start);
            for e in &plots {
                let written: String = chars[e.start..e.end].iter().collect();
                proptest::prop_assert_eq!(&written, &e.text);
            }
            for w in plots.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
        }
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
        for text in [
            "Ⅰ标段施工",
            "根据青府发〔2024〕2号文件",
            "2024年3月5日地块出让",
            "联系电话021-64123456",
            "位于青山路88号",
            "乘坐18号线",
            "开通12、15号线",
            "编制2021-2035年规划",
            "青山镇地块",
        ] {
            assert!(plots(text).is_empty(), "{text}");
        }
    }
}
