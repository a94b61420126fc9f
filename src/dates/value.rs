//! The normalised value of a date: ISO 8601 text, with the year resolved
//! where the document allows.
//!
//! | written | value | |
//! |---|---|---|
//! | `2018年11月20日` | `2018-11-20` | a day |
//! | `2018年11月`, `2018.11` | `2018-11` | a month |
//! | `2018年`, `2021年度` | `2018` | a year |
//! | `11月20日` in an article of 2018 | `2018-11-20` | the year from the article's date |
//! | `11月20日`, no article date | `--11-20` | ISO 8601's form without a year |
//! | `9月底`, no article date | `--09` | |
//! | `2023-2025年` | `2023/2025` | an ISO 8601 interval: first and last date |
//!
//! A value whose first or last date has no year is *undated*: it cannot be
//! placed in a range of years ([`crate::graph::DateRange`] leaves it out
//! unless asked to keep it).

use super::PartialDate;

impl PartialDate {
    /// The ISO 8601 text of the date: `2018-11-20`, `2018-11`, `2018`, or,
    /// without a year, `--11-20`, `--11`, `---20`; `None` when no field is
    /// set. A year with a day but no month is written as the year alone.
    ///
    /// ```
    /// use govkg::dates::PartialDate;
    /// let d = PartialDate::parse("11月20日").unwrap();
    /// assert_eq!(d.to_value().as_deref(), Some("--11-20"));
    /// let d = PartialDate { year: Some(2018), ..d };
    /// assert_eq!(d.to_value().as_deref(), Some("2018-11-20"));
    /// ```
    pub fn to_value(&self) -> Option<String> {
        Some(match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, Some(d)) => format!("---{d:02}"),
            (None, None, None) => return None,
        })
    }

    /// Reads one date written by [`PartialDate::to_value`].
    ///
    /// ```
    /// use govkg::dates::PartialDate;
    /// let d = PartialDate::from_value("--11-20").unwrap();
    /// assert_eq!((d.year, d.month, d.day), (None, Some(11), Some(20)));
    /// assert!(PartialDate::from_value("11月20日").is_none());
    /// ```
    pub fn from_value(s: &str) -> Option<PartialDate> {
        let num = |p: &str| -> Option<u32> {
            (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let month = |p: &str| num(p).filter(|m| (1..=12).contains(m)).map(|m| m as u8);
        let day = |p: &str| num(p).filter(|d| (1..=31).contains(d)).map(|d| d as u8);
        let year = |p: &str| num(p).and_then(|y| i32::try_from(y).ok());
        let d = if let Some(rest) = s.strip_prefix("---") {
            PartialDate {
                day: Some(day(rest)?),
                ..PartialDate::default()
            }
        } else if let Some(rest) = s.strip_prefix("--") {
            match rest.split_once('-') {
                Some((m, d)) => PartialDate {
                    month: Some(month(m)?),
                    day: Some(day(d)?),
                    ..PartialDate::default()
                },
                None => PartialDate {
                    month: Some(month(rest)?),
                    ..PartialDate::default()
                },
            }
        } else {
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y] => PartialDate {
                    year: Some(year(y)?),
                    ..PartialDate::default()
                },
                [y, m] => PartialDate {
                    year: Some(year(y)?),
                    month: Some(month(m)?),
                    day: None,
                },
                [y, m, d] => PartialDate {
                    year: Some(year(y)?),
                    month: Some(month(m)?),
                    day: Some(day(d)?),
                },
                _ => return None,
            }
        };
        Some(d)
    }

    /// The date with its year taken from `anchor` (the article's date) when
    /// it has a month but no year: of the anchor's year and the years either
    /// side, the one that puts it nearest the anchor (an article of January
    /// 2019 speaks of `12月28日` of 2018). Unchanged otherwise.
    ///
    /// ```
    /// use govkg::dates::PartialDate;
    /// let p = |s: &str| PartialDate::parse(s).unwrap();
    /// assert_eq!(p("11月20日").anchored(&p("2018年12月3日")).year, Some(2018));
    /// assert_eq!(p("12月28日").anchored(&p("2019年1月5日")).year, Some(2018));
    /// assert_eq!(p("11月20日").anchored(&p("2018年")).year, Some(2018));
    /// ```
    pub fn anchored(&self, anchor: &PartialDate) -> PartialDate {
        let (None, Some(m), Some(ay)) = (self.year, self.month, anchor.year) else {
            return *self;
        };
        let year = match anchor.month {
            None => ay,
            Some(am) => {
                let months = |y: i32| {
                    (i64::from(y) * 12 + i64::from(m)).abs_diff(i64::from(ay) * 12 + i64::from(am))
                };
                [ay, ay - 1, ay + 1]
                    .into_iter()
                    .min_by_key(|&y| months(y))
                    .unwrap_or(ay)
            }
        };
        PartialDate {
            year: Some(year),
            ..*self
        }
    }

    /// The first calendar day the date can be: `(year, month, day)` with
    /// missing fields at their least; `None` without a year.
    pub(crate) fn first_day(&self) -> Option<(i32, u8, u8)> {
        Some((self.year?, self.month.unwrap_or(1), self.day.unwrap_or(1)))
    }

    /// The last calendar day the date can be, as [`PartialDate::first_day`]
    /// (day 31 stands for the month's last day: the tuples only compare).
    pub(crate) fn last_day(&self) -> Option<(i32, u8, u8)> {
        Some((self.year?, self.month.unwrap_or(12), self.day.unwrap_or(31)))
    }
}

/// A normalised value read back: its first and last date (the same for one
/// date, the ends for an interval `A/B`).
///
/// ```
/// use govkg::dates::value_span;
/// let (a, b) = value_span("2023/2025").unwrap();
/// assert_eq!((a.year, b.year), (Some(2023), Some(2025)));
/// assert!(value_span("11月20日").is_none());
/// ```
pub fn value_span(value: &str) -> Option<(PartialDate, PartialDate)> {
    match value.split_once('/') {
        Some((a, b)) => Some((PartialDate::from_value(a)?, PartialDate::from_value(b)?)),
        None => PartialDate::from_value(value).map(|d| (d, d)),
    }
}

/// The normalised value of a written date or span of dates (see the module
/// docs), its year resolved with `article` (the article's date, itself a
/// value such as `2018-11-20` or `2018`) where the text gives none. `None`
/// when the text is no date govkg can read (`上半年`, `近日`).
///
/// ```
/// use govkg::dates::normalize;
/// assert_eq!(normalize("2018年11月20日", None).as_deref(), Some("2018-11-20"));
/// assert_eq!(normalize("11月20日", Some("2018-12-03")).as_deref(), Some("2018-11-20"));
/// assert_eq!(normalize("11月20日", None).as_deref(), Some("--11-20"));
/// assert_eq!(normalize("11月20日至22日", Some("2018")).as_deref(), Some("2018-11-20/2018-11-22"));
/// assert_eq!(normalize("2023-2025年", None).as_deref(), Some("2023/2025"));
/// assert_eq!(normalize("上半年", None), None);
/// ```
pub fn normalize(written: &str, article: Option<&str>) -> Option<String> {
    let (start, end) = PartialDate::parse_span(written)?;
    let (start, end) = match article.and_then(PartialDate::from_value) {
        Some(anchor) => {
            let s = start.anchored(&anchor);
            let mut e = if end.year.is_none() && s.year.is_some() && end.month.is_some() {
                // The end follows the start (`12月30日至1月2日`).
                PartialDate {
                    year: s.year,
                    ..end
                }
            } else {
                end.anchored(&anchor)
            };
            if let (Some(a), Some(b), None) = (s.first_day(), e.first_day(), end.year)
                && b < a
            {
                e.year = e.year.map(|y| y + 1);
            }
            (s, e)
        }
        None => (start, end),
    };
    let a = start.to_value()?;
    if start == end {
        return Some(a);
    }
    Some(format!("{a}/{}", end.to_value()?))
}

/// True when the value has a year at both ends: it can be placed among
/// dates of other years.
///
/// ```
/// use govkg::dates::is_dated;
/// assert!(is_dated("2018-11-20"));
/// assert!(!is_dated("--11-20"));
/// assert!(!is_dated("not a value"));
/// ```
pub fn is_dated(value: &str) -> bool {
    value_span(value).is_some_and(|(a, b)| a.year.is_some() && b.year.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        for v in [
            "2018-11-20",
            "2018-11",
            "2018",
            "--11-20",
            "--09",
            "---20",
            "0999-01-02",
        ] {
            let d = PartialDate::from_value(v).unwrap_or_else(|| panic!("{v}"));
            assert_eq!(d.to_value().as_deref(), Some(v));
        }
        for bad in [
            "",
            "-",
            "2018-13",
            "--00-01",
            "2018-1-x",
            "---",
            "2018-11-20-1",
        ] {
            assert_eq!(PartialDate::from_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn years_come_from_the_text_first() {
        assert_eq!(
            normalize("2017年12月", Some("2018-11-20")).as_deref(),
            Some("2017-12")
        );
        assert_eq!(normalize("2021年度", None).as_deref(), Some("2021"));
        assert_eq!(
            normalize("6.30", Some("2021-09-14")).as_deref(),
            Some("2021-06-30")
        );
        assert_eq!(
            normalize("9月底", Some("2021-09-14")).as_deref(),
            Some("2021-09")
        );
    }

    #[test]
    fn the_nearest_year_to_the_article() {
        assert_eq!(
            normalize("12月28日", Some("2019-01-05")).as_deref(),
            Some("2018-12-28")
        );
        assert_eq!(
            normalize("1月3日", Some("2018-12-20")).as_deref(),
            Some("2019-01-03")
        );
        assert_eq!(
            normalize("6月1日", Some("2018-12-20")).as_deref(),
            Some("2018-06-01")
        );
    }

    #[test]
    fn spans_over_new_year() {
        assert_eq!(
            normalize("12月30日至1月2日", Some("2018-12-01")).as_deref(),
            Some("2018-12-30/2019-01-02")
        );
        assert_eq!(
            normalize("3月28日至29日", None).as_deref(),
            Some("--03-28/--03-29")
        );
    }

    #[test]
    fn undated_values() {
        assert!(is_dated("2023/2025"));
        assert!(!is_dated("--03-28/--03-29"));
        assert!(!is_dated("---20"));
    }
}
