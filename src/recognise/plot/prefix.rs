//! The prefix of a land code that belongs to it: a land certificate
//! (`苏地2015-WG-1号地块`: a province abbreviation and `地`) or a land sale
//! with its year (`青政储出〔2021〕45号地块`).

use super::code::char_before;
use crate::lexicon::LexClass;
use crate::recognise::Scan;
use crate::recognise::lengths::YEAR_DIGITS;

/// Brackets around the year of a land sale, opening and closing.
const YEAR_BRACKETS: &[(char, char)] = &[
    ('〔', '〕'),
    ('[', ']'),
    ('【', '】'),
    ('\u{FF3B}', '\u{FF3D}'),
];

/// Where the code starting at `start` starts with its land prefix.
pub(super) fn with_land_prefix(scan: &Scan<'_>, start: usize) -> usize {
    certificate(scan, start)
        .or_else(|| land_sale(scan.text, start))
        .unwrap_or(start)
}

/// `苏地` before the code: one province abbreviation and `地`.
fn certificate(scan: &Scan<'_>, start: usize) -> Option<usize> {
    let p = start
        - char_before(scan.text, start)
            .filter(|&c| c == '地')?
            .len_utf8();
    let c = char_before(scan.text, p)?;
    scan.lex
        .lookup(c.encode_utf8(&mut [0; 4]))
        .any(|e| e.class == LexClass::PlaceShort)
        .then(|| p - c.len_utf8())
}

/// `青政储出〔2021〕` before the number: a sale (four characters, the second
/// `政` and the last `出`: government, land kind, sold) and its year in
/// brackets.
fn land_sale(text: &str, start: usize) -> Option<usize> {
    let close = char_before(text, start)?;
    let &(open, _) = YEAR_BRACKETS.iter().find(|(_, c)| *c == close)?;
    let year_end = start - close.len_utf8();
    // ASCII digits: one byte each.
    let year_start = year_end.checked_sub(YEAR_DIGITS)?;
    let year = text.get(year_start..year_end)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) || char_before(text, year_start) != Some(open) {
        return None;
    }
    let sale_end = year_start - open.len_utf8();
    let sale: Vec<(usize, char)> = text[..sale_end].char_indices().rev().take(4).collect();
    match sale.as_slice() {
        [(_, '出'), _, (_, '政'), (first, c)] if !c.is_ascii() => Some(*first),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Plot;

    #[test]
    fn land_codes_keep_their_prefix() {
        assert_eq!(
            spans("苏地2019-QS-3号地块挂牌", Plot),
            ["苏地2019-QS-3号地块"]
        );
        assert_eq!(
            spans("竞得青政储出〔2021〕45号地块", Plot),
            ["青政储出〔2021〕45号地块"]
        );
        assert_eq!(
            spans("竞得青政工出[2021]7号地块", Plot),
            ["青政工出[2021]7号地块"]
        );
        // A document number is no sale.
        assert_eq!(spans("根据青政发〔2021〕45号地块", Plot), ["45号地块"]);
    }
}
