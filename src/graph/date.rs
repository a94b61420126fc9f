//! Date ranges for queries, over the normalised dates of visits.
//!
//! # The rule
//!
//! A visit's date is its normalised value ([`EdgeRef::when`]: `2018-11-20`,
//! `2018-11`, `2018`, or an interval `2023/2025`), with the year taken from
//! the text or the article's date (see [`crate::dates`]). A range has a
//! first and a last day; a value is in it when the days it may stand for
//! and the range's overlap: `2018` is within `2018年11月..2019年`.
//!
//! A visit with no date, with a date that cannot be read, or with a date
//! whose year could not be resolved (`--11-20`) is *undated*: it is outside
//! every range that has a bound, unless the range keeps undated visits
//! ([`DateRange::keep_undated`], `--keep-undated` on the command line).
//! A bound needs a year, and the first bound may not come after the last.
//!
//! [`EdgeRef::when`]: super::EdgeRef::when

use crate::dates::{PartialDate, value_span};
use crate::error::{Error, Result};

/// A range of dates for queries; either bound may be open.
///
/// ```
/// use govkg::graph::DateRange;
/// let r = DateRange::new(Some("2018年11月1日"), Some("2018年11月30日"))?;
/// assert!(r.contains(Some("2018-11-20")));
/// assert!(r.contains(Some("2018")));
/// assert!(!r.contains(Some("2018-12-03")));
/// // No year: outside the range, unless undated visits are kept.
/// assert!(!r.contains(Some("--11-20")));
/// assert!(r.keep_undated(true).contains(Some("--11-20")));
/// assert!(!r.contains(None));
/// assert!(DateRange::any().contains(None));
/// // A reversed range is an error, and so is a bound without a year.
/// assert!(DateRange::new(Some("2019年"), Some("2018年")).is_err());
/// assert!(DateRange::new(Some("11月1日"), None).is_err());
/// # Ok::<(), govkg::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day: `(year, month, day)`.
    from: Option<(i32, u8, u8)>,
    /// The last day.
    to: Option<(i32, u8, u8)>,
    keep_undated: bool,
}

impl DateRange {
    /// Every date, and no date.
    pub fn any() -> Self {
        DateRange::default()
    }

    /// The range from `from` to `to`, both included, written as documents
    /// write dates (`2018年11月1日`, `2018年11月`, `2018`, `2018-11-20`). A
    /// bound that is a span or less than a day counts in full: `--from
    /// 2018年11月` starts on the first of November, `--to 2018` ends on
    /// the last day of 2018.
    ///
    /// Errors ([`Error::InvalidDate`]): a bound that cannot be read, a
    /// bound without a year, or `from` after `to`.
    pub fn new(from: Option<&str>, to: Option<&str>) -> Result<Self> {
        let read = |s: &str| -> Result<(PartialDate, PartialDate)> {
            let (a, b) = PartialDate::parse_span(s).ok_or_else(|| Error::InvalidDate {
                text: s.to_string(),
                reason: "cannot read it".into(),
            })?;
            if a.year.is_none() || b.year.is_none() {
                return Err(Error::InvalidDate {
                    text: s.to_string(),
                    reason: "a bound needs a year".into(),
                });
            }
            Ok((a, b))
        };
        let from_days = from.map(read).transpose()?;
        let to_days = to.map(read).transpose()?;
        let range = DateRange {
            from: from_days.and_then(|(a, _)| a.first_day()),
            to: to_days.and_then(|(_, b)| b.last_day()),
            keep_undated: false,
        };
        if let (Some(f), Some(t)) = (range.from, range.to)
            && f > t
        {
            return Err(Error::InvalidDate {
                text: format!("{} .. {}", from.unwrap_or(""), to.unwrap_or("")),
                reason: "--from comes after --to".into(),
            });
        }
        Ok(range)
    }

    /// The same range, keeping (`true`) or leaving out (`false`, the
    /// default) visits whose date has no year or is missing.
    pub fn keep_undated(self, keep: bool) -> Self {
        DateRange {
            keep_undated: keep,
            ..self
        }
    }

    /// True when neither bound is set.
    pub fn is_any(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// True when the normalised date `value` (see the module docs) falls in
    /// the range.
    pub fn contains(&self, value: Option<&str>) -> bool {
        if self.is_any() {
            return true;
        }
        let days = value
            .and_then(value_span)
            .and_then(|(a, b)| Some((a.first_day()?, b.last_day()?)));
        let Some((start, end)) = days else {
            return self.keep_undated;
        };
        self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_overlap_what_the_value_may_mean() {
        let r = DateRange::new(Some("2018年11月"), Some("2019年")).unwrap();
        assert!(r.contains(Some("2018")));
        assert!(r.contains(Some("2019-03")));
        assert!(!r.contains(Some("2017")));
        assert!(!r.contains(Some("2018-10-31")));
        assert!(r.contains(Some("2017/2018")));
        assert!(!r.contains(Some("2020/2025")));
        assert!(!r.contains(Some("上半年")));
        let open = DateRange::new(None, Some("2018年")).unwrap();
        assert!(open.contains(Some("2018-12-31")));
        assert!(!open.contains(Some("2019-01-01")));
    }

    #[test]
    fn undated_values_are_out_unless_kept() {
        let r = DateRange::new(Some("2018-11-01"), Some("2018-11-30")).unwrap();
        for v in [
            Some("--11-20"),
            Some("--11-20/--11-22"),
            Some("---20"),
            None,
        ] {
            assert!(!r.contains(v), "{v:?}");
            assert!(r.keep_undated(true).contains(v), "{v:?}");
        }
        assert!(!r.keep_undated(true).contains(Some("2018-12-01")));
    }

    #[test]
    fn bad_bounds_are_errors() {
        let e = DateRange::new(Some("yesterday"), None).unwrap_err();
        assert!(e.to_string().contains("yesterday"), "{e}");
        let e = DateRange::new(None, Some("11月30日")).unwrap_err();
        assert!(e.to_string().contains("needs a year"), "{e}");
        let e = DateRange::new(Some("2018年12月"), Some("2018年11月")).unwrap_err();
        assert!(e.to_string().contains("after"), "{e}");
        // The same month as both bounds is one month, not reversed.
        assert!(DateRange::new(Some("2018年11月"), Some("2018年11月")).is_ok());
    }
}
