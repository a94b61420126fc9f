//! Dates as the documents write them (`11月20日`, `2018年`, `2023-2025年`,
//! `9月底`, `6.30`, `二〇二三年九月二十六日`), read into [`PartialDate`]s.
//!
//! Reading is forgiving: words that qualify a field (`底`, `初`, `中旬`,
//! `度`, `第三季度`) are skipped, full-width digits fold, and Chinese
//! numerals are read digit by digit (`二〇一八`) or with tens (`二十三`).

use std::cmp::Ordering;
use std::fmt;

/// A calendar date with any of its fields unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year (`2018`).
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: Option<u8>,
    /// The day of the month, 1 to 31.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Compares on the fields both dates have, from the year down: the
    /// years if both have one, then the months if both have one, then the
    /// days if both have a day and a month; `Equal` ("possibly the same")
    /// when no field can be compared. To compare dates of different years
    /// reliably, resolve their years first ([`crate::dates::normalize`]).
    ///
    /// ```
    /// use govkg::dates::PartialDate;
    /// use std::cmp::Ordering;
    /// let d = |s: &str| PartialDate::parse(s).unwrap();
    /// assert_eq!(d("11月20日").compare(&d("2018年11月1日")), Ordering::Greater);
    /// assert_eq!(d("2018年").compare(&d("2018年11月1日")), Ordering::Equal);
    /// assert_eq!(d("2017年12月").compare(&d("2018年1月")), Ordering::Less);
    /// ```
    pub fn compare(&self, other: &PartialDate) -> Ordering {
        if let (Some(a), Some(b)) = (self.year, other.year) {
            match a.cmp(&b) {
                Ordering::Equal => {}
                o => return o,
            }
        }
        if let (Some(a), Some(b)) = (self.month, other.month) {
            match a.cmp(&b) {
                Ordering::Equal => {}
                o => return o,
            }
            if let (Some(a), Some(b)) = (self.day, other.day) {
                return a.cmp(&b);
            }
        }
        Ordering::Equal
    }

    /// Reads one date (`2018年11月20日`, `11月20日`, `2018年`, `9月底`,
    /// `2018-11-20`, `2018.11`, `6.30`, `二〇一八年十一月二十日`). A span
    /// (`2023-2025年`) gives its start; see [`PartialDate::parse_span`].
    pub fn parse(s: &str) -> Option<PartialDate> {
        Self::parse_span(s).map(|(a, _)| a)
    }

    /// Reads a date or a span of dates into its first and last date
    /// (equal for a single date).
    ///
    /// ```
    /// use govkg::dates::PartialDate;
    /// let (a, b) = PartialDate::parse_span("2023-2025年").unwrap();
    /// assert_eq!((a.year, b.year), (Some(2023), Some(2025)));
    /// let (a, b) = PartialDate::parse_span("11月20日至22日").unwrap();
    /// assert_eq!((a.day, b.month, b.day), (Some(20), Some(11), Some(22)));
    /// ```
    pub fn parse_span(s: &str) -> Option<(PartialDate, PartialDate)> {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '．' => '.',
                '－' | '—' | '–' | '～' | '~' => '-',
                '／' => '/',
                _ => c,
            })
            .collect();
        if s.is_empty() {
            return None;
        }
        if let Some(d) = numeric(&s) {
            return Some((d, d));
        }
        let cut = s
            .char_indices()
            .find(|&(_, c)| matches!(c, '-' | '至' | '到'))
            .map(|(i, c)| (i, i + c.len_utf8()));
        let Some((l, r)) = cut else {
            let d = fields(&s, None)?;
            return Some((d, d));
        };
        let right = fields(&s[r..], None)?;
        let left_str = &s[..l];
        let left = fields(left_str, Some(first_unit(&right))).or_else(|| numeric(left_str))?;
        // The end inherits the larger fields it leaves out (`至22日` of
        // `11月20日至22日` is in November).
        let right = PartialDate {
            year: right.year.or(left.year),
            month: right.month.or(if right.year.is_none() {
                left.month
            } else {
                None
            }),
            day: right.day,
        };
        Some((left, right))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(y) = self.year {
            write!(f, "{y}年")?;
        }
        if let Some(m) = self.month {
            write!(f, "{m}月")?;
        }
        if let Some(d) = self.day {
            write!(f, "{d}日")?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Month,
    Day,
}

fn first_unit(d: &PartialDate) -> Unit {
    if d.year.is_some() {
        Unit::Year
    } else if d.month.is_some() {
        Unit::Month
    } else {
        Unit::Day
    }
}

/// `2018-11-20`, `2018/11/20`, `2018.11.20`, `2018-11`, `6.30`, `2018`.
fn numeric(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    let d = match parts.as_slice() {
        [y] if y.len() == 4 => PartialDate {
            year: n(y).and_then(|v| i32::try_from(v).ok()),
            ..PartialDate::default()
        },
        [y, m] if y.len() == 4 => PartialDate {
            year: n(y).and_then(|v| i32::try_from(v).ok()),
            month: month(n(m)?),
            day: None,
        },
        [m, d] => PartialDate {
            year: None,
            month: month(n(m)?),
            day: day(n(d)?),
        },
        [y, m, d] if y.len() == 4 => PartialDate {
            year: n(y).and_then(|v| i32::try_from(v).ok()),
            month: month(n(m)?),
            day: day(n(d)?),
        },
        _ => return None,
    };
    valid(d)
}

/// Reads `2018年11月20日`-style fields; a bare number takes `bare` as its
/// unit (or is a year when it has four digits).
fn fields(s: &str, bare: Option<Unit>) -> Option<PartialDate> {
    let chars: Vec<char> = s.chars().collect();
    let mut d = PartialDate::default();
    let mut i = 0;
    let mut any = false;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && is_numeral(chars[i]) {
            i += 1;
        }
        if start == i {
            // Words like 底, 初, 中旬, 度 qualify a field; skip them.
            i += 1;
            continue;
        }
        // An ordinal (`第三季度`) qualifies the date; it is no field.
        if start > 0 && chars[start - 1] == '第' {
            continue;
        }
        let digits: String = chars[start..i].iter().collect();
        let value = number(&digits)?;
        let unit = match chars.get(i) {
            Some('年') => Some(Unit::Year),
            Some('月') => Some(Unit::Month),
            Some('日' | '号') => Some(Unit::Day),
            _ if digits.chars().count() == 4 => Some(Unit::Year),
            _ => bare,
        };
        match unit {
            Some(Unit::Year) => d.year = Some(i32::try_from(value).ok()?),
            Some(Unit::Month) => d.month = Some(month(value)?),
            Some(Unit::Day) => d.day = Some(day(value)?),
            None => return None,
        }
        any = true;
        i += 1;
    }
    if !any {
        return None;
    }
    valid(d)
}

fn valid(d: PartialDate) -> Option<PartialDate> {
    (d.year.is_some() || d.month.is_some() || d.day.is_some()).then_some(d)
}

fn month(v: u32) -> Option<u8> {
    (1..=12).contains(&v).then_some(v as u8)
}

fn day(v: u32) -> Option<u8> {
    (1..=31).contains(&v).then_some(v as u8)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇○零一二两三四五六七八九十".contains(c)
}

/// `2018`, `二〇一八` (digit by digit), `十一`, `二十三` (with tens).
pub(crate) fn number(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '○' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            c => c.to_digit(10)?,
        })
    };
    if let Some((tens, units)) = s.split_once('十') {
        let t = if tens.is_empty() {
            1
        } else {
            digit(single(tens)?)?
        };
        let u = if units.is_empty() {
            0
        } else {
            digit(single(units)?)?
        };
        return Some(t * 10 + u);
    }
    s.chars()
        .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?))
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<i32>, m: Option<u8>, day: Option<u8>) -> PartialDate {
        PartialDate {
            year: y,
            month: m,
            day,
        }
    }

    #[test]
    fn written_dates_parse() {
        let cases = [
            ("11月20日", d(None, Some(11), Some(20))),
            ("2018年", d(Some(2018), None, None)),
            ("2018年11月20日", d(Some(2018), Some(11), Some(20))),
            ("9月底", d(None, Some(9), None)),
            ("2021年度", d(Some(2021), None, None)),
            ("6.30", d(None, Some(6), Some(30))),
            ("2018-11-20", d(Some(2018), Some(11), Some(20))),
            ("2018.11", d(Some(2018), Some(11), None)),
            ("２０１８年１１月", d(Some(2018), Some(11), None)),
            ("二〇一八年十一月二十日", d(Some(2018), Some(11), Some(20))),
            ("二○一九年十二月三十一日", d(Some(2019), Some(12), Some(31))),
            ("十月1号", d(None, Some(10), Some(1))),
            ("2018", d(Some(2018), None, None)),
            ("2022年第三季度", d(Some(2022), None, None)),
            ("2020 年 6 月 8 日", d(Some(2020), Some(6), Some(8))),
        ];
        for (s, want) in cases {
            assert_eq!(PartialDate::parse(s), Some(want), "{s}");
        }
    }

    #[test]
    fn nonsense_does_not_parse() {
        for s in [
            "",
            "今年",
            "13月",
            "上半年",
            "32日",
            "12",
            "一二三四五六七八九〇一二三四年",
            "99999999999年",
            "-",
            "至",
            "年月日",
        ] {
            assert_eq!(PartialDate::parse(s), None, "{s}");
        }
    }

    #[test]
    fn spans_parse() {
        let (a, b) = PartialDate::parse_span("2023-2025年").unwrap();
        assert_eq!(
            (a, b),
            (d(Some(2023), None, None), d(Some(2025), None, None))
        );
        let (a, b) = PartialDate::parse_span("3-5月").unwrap();
        assert_eq!((a.month, b.month), (Some(3), Some(5)));
        let (a, b) = PartialDate::parse_span("2018年11月20日至2019年1月").unwrap();
        assert_eq!(a, d(Some(2018), Some(11), Some(20)));
        assert_eq!(b, d(Some(2019), Some(1), None));
    }

    #[test]
    fn comparison_uses_the_shared_fields() {
        let p = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(p("2018年").compare(&p("2018年11月1日")), Ordering::Equal);
        assert_eq!(p("11月").compare(&p("2018年12月1日")), Ordering::Less);
        assert_eq!(p("2019年").compare(&p("11月")), Ordering::Equal);
    }
}
