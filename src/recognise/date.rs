//! DATE: calendar dates and years (`11月20日`, `2018年`, `2023-2025年`,
//! `3月28日至29日`, `2017-06-05`, `9月底`, `2021年度`, `6.30`).
//!
//! Dates are anchored on ASCII digit runs of the normalised text (full-width
//! digits are already folded); times of day and relative periods (`上午`,
//! `今年`) are never part of a date.

use super::{Mention, Scan};
use crate::recognise::lengths::YEAR_DIGITS;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// A small cursor over the text for reading number patterns.
struct Cur<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Cur<'t> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn eat_any(&mut self, cs: &[char]) -> Option<char> {
        let c = self.peek()?;
        if cs.contains(&c) {
            self.pos += c.len_utf8();
            Some(c)
        } else {
            None
        }
    }
    fn eat_str(&mut self, s: &str) -> bool {
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) {
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
    }
    /// Reads 1..=max ASCII digits; `None` if there are none or more than `max`.
    fn digits(&mut self, max: usize) -> Option<u32> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end == start || end - start > max {
            return None;
        }
        self.pos = end;
        self.text[start..end].parse().ok()
    }
    /// Tries `f`; on `None` rewinds.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let save = self.pos;
        let r = f(self);
        if r.is_none() {
            self.pos = save;
        }
        r
    }
}

/// Kept in code: a closed set of the grammar, read per character.
const UNIT_AFTER_NUMBER: &[char] = &[
    '元', '个', '户', '人', '万', '亿', '家', '名', '项', '件', '次', '条', '所', '座', '辆', '吨',
    '米', '平', '亩', '公', '号', '期', '%', '多', '余', '岁', '周', '天', '小', '分', '秒', '倍',
    '批', '部', '栋', '幢', '层', '套', '间', '台', '只', '位', '届',
];

fn valid_month(m: u32) -> bool {
    (1..=12).contains(&m)
}

fn valid_day(d: u32) -> bool {
    (1..=31).contains(&d)
}

fn valid_year(y: u32) -> bool {
    (1900..=2099).contains(&y)
}

/// `M月[D日]…` after the month digits have been read.
fn month_tail(c: &mut Cur<'_>) {
    let save = c.pos;
    c.spaces();
    if let Some(d) = c.digits(2) {
        c.spaces();
        if valid_day(d) && c.eat_any(&['日', '号']).is_some() {
            day_range(c);
            return;
        }
    }
    c.pos = save;
    // The closed set of the parts of a month, kept in code.
    for w in ["上旬", "中旬", "下旬", "底", "初", "末"] {
        if c.eat_str(w) {
            return;
        }
    }
}

/// The words that join the two ends of a range of dates.
/// Kept in code: a closed set of the grammar, read per character.
const RANGE_JOINERS: &[char] = &['至', '-', '—', '~', '到'];

/// `…日至29日`, `…日至10月3日`, `…日至2019年1月28日`.
fn day_range(c: &mut Cur<'_>) {
    c.attempt(|c| {
        c.eat_any(RANGE_JOINERS)?;
        c.attempt(|c| {
            let y = c.digits(YEAR_DIGITS)?;
            (valid_year(y) && c.eat('年')).then_some(())
        });
        c.attempt(|c| {
            let m = c.digits(2)?;
            (valid_month(m) && c.eat('月')).then_some(())
        });
        let d = c.digits(2)?;
        (valid_day(d) && c.eat_any(&['日', '号']).is_some()).then_some(())
    });
}

/// Reads a date starting at `start` (the first digit); returns its end.
fn read_date(text: &str, start: usize) -> Option<usize> {
    let mut c = Cur { text, pos: start };
    let n = c.digits(YEAR_DIGITS)?;
    match c.pos - start {
        4 if valid_year(n) => after_year(&mut c),
        1 | 2 => after_month_or_day(&mut c, n),
        _ => None,
    }
}

/// A date that opens with a four-digit year, `c` just after it.
fn after_year(c: &mut Cur<'_>) -> Option<usize> {
    // Furniture dates: 2017-06-05, 2018/7/9, 2019.8.2.
    if let Some(end) = c.attempt(|c| {
        let sep = c.eat_any(&['-', '/', '.'])?;
        let m = c.digits(2)?;
        c.eat(sep).then_some(())?;
        let d = c.digits(2)?;
        (valid_month(m) && valid_day(d) && !c.peek().is_some_and(|x| x.is_ascii_digit()))
            .then_some(c.pos)
    }) {
        return Some(end);
    }
    // Year ranges: 2023-2025年.
    if let Some(end) = c.attempt(|c| {
        c.eat_any(&['-', '—', '~', '至', '到'])?;
        let y = c.digits(YEAR_DIGITS)?;
        (valid_year(y) && c.eat('年')).then_some(c.pos)
    }) {
        return Some(end);
    }
    let before_year = c.pos;
    c.spaces();
    if c.eat('年') {
        return Some(after_year_character(c));
    }
    c.pos = before_year;
    // A bare year before a CJK word (`2021上半年`), not a quantity.
    let next = c.peek();
    next.is_some_and(|x| crate::text::is_cjk(x) && !UNIT_AFTER_NUMBER.contains(&x))
        .then_some(before_year)
}

/// What follows `年`: `年度`, `年第一季度`, `年11月…`, or the year alone.
fn after_year_character(c: &mut Cur<'_>) -> usize {
    let after_year = c.pos;
    if c.eat('度') {
        return c.pos;
    }
    // A closed set of the grammar, kept in code.
    if c.eat_str("第") && c.eat_any(&['一', '二', '三', '四']).is_some() && c.eat_str("季度")
    {
        return c.pos;
    }
    c.pos = after_year;
    c.spaces();
    if let Some(m) = c.digits(2) {
        c.spaces();
        if valid_month(m) && c.eat('月') {
            month_tail(c);
            return c.pos;
        }
    }
    after_year
}

/// A date that opens with a one- or two-digit number `n`, `c` just after
/// it: `11月20日`, `10月下旬`, `9月份`, a bare day `13日`, a deadline `6.30`.
fn after_month_or_day(c: &mut Cur<'_>, n: u32) -> Option<usize> {
    let save = c.pos;
    c.spaces();
    if valid_month(n) && c.eat('月') {
        if c.peek() == Some('份') {
            c.pos += '份'.len_utf8();
        } else {
            month_tail(c);
        }
        return Some(c.pos);
    }
    c.pos = save;
    if valid_day(n) && c.eat('日') {
        day_range(c);
        return Some(c.pos);
    }
    // A range of months: 1—10月.
    if let Some(end) = c.attempt(|c| {
        c.eat_any(RANGE_JOINERS)?;
        let m = c.digits(2)?;
        (valid_month(n) && valid_month(m) && m > n && c.eat('月')).then_some(c.pos)
    }) {
        return Some(end);
    }
    // A web page's stamp, day first: 21.11.2016.
    if let Some(end) = c.attempt(|c| {
        c.eat('.').then_some(())?;
        let m = c.digits(2)?;
        c.eat('.').then_some(())?;
        let y = c.digits(YEAR_DIGITS)?;
        (valid_day(n) && valid_month(m) && valid_year(y)).then_some(c.pos)
    }) {
        return Some(end);
    }
    c.pos = save;
    if valid_month(n) && c.eat('.') {
        let ds = c.pos;
        let d = c.digits(2)?;
        let next = c.peek();
        return (c.pos - ds == 2
            && valid_day(d)
            && next.is_some_and(|x| crate::text::is_cjk(x) && !UNIT_AFTER_NUMBER.contains(&x)))
        .then_some(c.pos);
    }
    None
}

/// Finds every DATE in the scan.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Where the reading goes on: past a date, or past a run of digits.
    let mut next = 0;
    // Digits are no ideographs: only the other chars are read.
    for (i, c) in scan.non_ideographs() {
        if i < next || !c.is_ascii_digit() {
            continue;
        }
        // Only at the start of a number that is not part of a code.
        let prev = scan.char_before(i);
        let glued = prev.is_some_and(|p| {
            p.is_ascii_alphanumeric() || matches!(p, '-' | '.' | '/' | '#' | '〔' | '[' | '_')
        });
        if !glued && let Some(end) = read_date(text, i) {
            // Not followed by more digits or a code continuation.
            out.push(Mention::new(
                Span::new(i, end),
                EntityKind::Date,
                Rule::Date,
            ));
            next = end;
            continue;
        }
        next = i;
        while next < bytes.len() && bytes[next].is_ascii_digit() {
            next += 1;
        }
    }
    out.extend(find_in_characters(text));
    out
}

/// A year written in four digit characters of three bytes each
/// (`二〇二〇`), in bytes.
const YEAR_IN_CHARACTERS_BYTES: usize = 12;

/// Dates written in characters, as formal documents sign them: a year of
/// four digit characters (`二〇二〇年`, `一九九八年`), then perhaps `度` or a
/// month and a day (`五月八日`, `十二月三十一日`).
fn find_in_characters(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    // memmem, not `match_indices('年')` (see `group::numbered`).
    for at in memchr::memmem::find_iter(text.as_bytes(), "年".as_bytes()) {
        let Some(start) = at.checked_sub(YEAR_IN_CHARACTERS_BYTES) else {
            continue;
        };
        let Some(year) = text.get(start..at) else {
            continue;
        };
        if year.chars().count() != YEAR_DIGITS || !in_characters(year).is_some_and(valid_year) {
            continue;
        }
        let mut end = at + '年'.len_utf8();
        if text[end..].starts_with('度') {
            end += '度'.len_utf8();
        } else if let Some(m) = unit_after(text, end, '月', valid_month) {
            end = unit_after(text, m, '日', valid_day).unwrap_or(m);
        }
        out.push(Mention::new(
            Span::new(start, end),
            EntityKind::Date,
            Rule::Date,
        ));
    }
    out
}

/// The value of a number written in characters (`二〇二〇`, `十二`), none
/// for one with an ASCII digit (those are read as digits).
fn in_characters(s: &str) -> Option<u32> {
    if s.is_empty() || s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    crate::dates::written::number(s)
}

/// The end of `unit` (`月`, `日`) after a number of one to three characters
/// at `from` whose value passes `valid`.
fn unit_after(text: &str, from: usize, unit: char, valid: fn(u32) -> bool) -> Option<usize> {
    let rest = &text[from..];
    let (k, _) = rest.char_indices().take(4).find(|&(_, c)| c == unit)?;
    in_characters(&rest[..k])
        .is_some_and(valid)
        .then(|| from + k + unit.len_utf8())
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Date;

    fn dates(text: &str) -> Vec<String> {
        spans(text, Date)
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(dates("11月20日上午,区委"), ["11月20日"]);
        assert_eq!(dates("2018年是闵行区"), ["2018年"]);
        assert_eq!(dates("实施2023-2025年行动"), ["2023-2025年"]);
        assert_eq!(dates("3月28日至29日举行"), ["3月28日至29日"]);
        assert_eq!(dates("发布时间:2021年9月14日"), ["2021年9月14日"]);
        assert_eq!(dates("１２月２７日"), ["１２月２７日"]);
        assert_eq!(dates("2020 年 6 月 8 日"), ["2020 年 6 月 8 日"]);
    }

    #[test]
    fn periods_and_deadlines() {
        assert_eq!(dates("9月底前完成"), ["9月底"]);
        assert_eq!(dates("2021年度区党建"), ["2021年度"]);
        assert_eq!(dates("完成全区6.30任务"), ["6.30"]);
        assert_eq!(dates("2022年第三季度"), ["2022年第三季度"]);
        assert_eq!(dates("10月下旬"), ["10月下旬"]);
        assert_eq!(dates("2021上半年主要工作"), ["2021"]);
        assert_eq!(dates("发布:2017-06-05 09:30"), ["2017-06-05"]);
    }

    #[test]
    fn ranges_and_stamps() {
        assert_eq!(dates("9月28日至10月2日举行"), ["9月28日至10月2日"]);
        assert_eq!(
            dates("于2020年3月9日至2020年3月18日公示"),
            ["2020年3月9日至2020年3月18日"]
        );
        assert_eq!(dates("1—9月共完成收入"), ["1—9月"]);
        assert_eq!(dates("发布 08.10.2019 09:12"), ["08.10.2019"]);
        assert_eq!(dates("二〇二〇年五月八日"), ["二〇二〇年五月八日"]);
        assert_eq!(
            dates("二○一九年十二月三十一日印发"),
            ["二○一九年十二月三十一日"]
        );
        assert_eq!(dates("二〇二一年度"), ["二〇二一年度"]);
    }

    #[test]
    fn not_dates() {
        assert!(dates("一二三四年").is_empty());
        assert!(dates("三五年内").is_empty());
        assert!(dates("5-3月").is_empty());
        assert!(dates("1.2.3000").is_empty());
        assert!(dates("今年上半年").is_empty());
        assert!(dates("完成24.03亿元").is_empty());
        assert!(dates("蔡政办〔2023〕1号").is_empty());
        assert!(dates("编号2023-05475").is_empty());
        assert!(dates("新增企业3572家").is_empty());
        assert!(dates("增长8.59%").is_empty());
        assert!(dates("5个月").is_empty());
    }
}
