//! The date of an article: when it was published or signed, which dates
//! without a year are read against.
//!
//! In order:
//!
//! 1. a publication line: a line of at most [`PUBLICATION_LINE_CHARS`]
//!    characters holding a marker (`发布时间`, `发布日期`, `发布:`, `来源:`,
//!    `日期:`, `时间:` …) and, within [`MARKER_REACH`] characters after it, a
//!    date with a year (`发布时间:2025-03-10`, `来源:七宝镇 2021年9月14日`);
//! 2. else the first full date (year, month and day) of the text: a dated
//!    lead (`2018年11月20日,…`), a dateline, or the date under a signature
//!    (`中共七宝镇委员会 2023年9月26日`);
//! 3. else none: the article's dates without a year stay without one.
//!
//! One pass over the text, in time linear in its length.

use super::PartialDate;

/// The longest line read as a publication line, in characters.
pub const PUBLICATION_LINE_CHARS: usize = 120;

/// How far after its marker a publication line's date may start, in
/// characters.
pub const MARKER_REACH: usize = 40;

/// Words that introduce the date of a publication line.
const MARKERS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "发表日期",
    "发文日期",
    "成文日期",
    "印发日期",
    "更新时间",
    "发布于",
    "发布:",
    "发布:",
    "日期:",
    "日期:",
    "时间:",
    "时间:",
    "来源:",
    "来源:",
];

/// [`MARKERS`] as one automaton, built once.
fn markers() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| aho_corasick::AhoCorasick::new(MARKERS).expect("a few short markers"))
}

/// The longest run of characters read as one written date.
const MAX_DATE_CHARS: usize = 24;

/// The article date of `text` as a normalised value (`2025-03-10`,
/// `2025-03` or `2025`), found as the module docs say.
///
/// ```
/// use govkg::dates::article_date;
/// assert_eq!(article_date("标题\n发布时间:2025-03-10 09:30\n正文").as_deref(), Some("2025-03-10"));
/// assert_eq!(article_date("2018年11月20日,区委副书记于勇来到七宝镇。").as_deref(), Some("2018-11-20"));
/// assert_eq!(article_date("11月20日,于勇来到七宝镇。2019年是关键一年。"), None);
/// ```
pub fn article_date(text: &str) -> Option<String> {
    let mut first_full: Option<PartialDate> = None;
    for line in text.lines() {
        if let Some(d) = publication_date(line) {
            return d.to_value();
        }
        if first_full.is_none() {
            first_full =
                dates_in(line).find(|d| d.year.is_some() && d.month.is_some() && d.day.is_some());
        }
    }
    first_full.and_then(|d| d.to_value())
}

/// The date of a publication line, if `line` is one.
fn publication_date(line: &str) -> Option<PartialDate> {
    // Cheap tests first: most lines are long or hold no marker.
    crate::text::chars_at_most(line, PUBLICATION_LINE_CHARS)?;
    // The marker that ends first: an automaton's first match (standard
    // semantics report the match that ends earliest), one pass instead of
    // one search per marker.
    let at = markers().find(line)?.end();
    let after: String = line[at..]
        .chars()
        .take(MARKER_REACH + MAX_DATE_CHARS)
        .collect();
    let reach: usize = after
        .char_indices()
        .nth(MARKER_REACH)
        .map_or(after.len(), |(i, _)| i);
    dates_at(&after)
        .find(|&(start, d)| start <= reach && d.year.is_some())
        .map(|(_, d)| d)
}

/// The dates written in `s` that start with a year, in order.
fn dates_in(s: &str) -> impl Iterator<Item = PartialDate> + '_ {
    dates_at(s).map(|(_, d)| d)
}

/// The dates written in `s` that start with a four-digit year (`2018年…`,
/// `2018-11-20`, `二〇一八年…`), with the byte where each starts.
fn dates_at(s: &str) -> impl Iterator<Item = (usize, PartialDate)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some((i, c)) = next_digit_like(s, pos) {
            // The whole run of date characters from here, at most
            // MAX_DATE_CHARS (a longer run is skipped whole).
            let mut end = i + c.len_utf8();
            let mut n = 1;
            for d in s[end..].chars() {
                if !is_date_char(d) {
                    break;
                }
                end += d.len_utf8();
                n += 1;
            }
            pos = end;
            if n > MAX_DATE_CHARS {
                continue;
            }
            if let Some(d) = read_run(&s[i..end]) {
                return Some((i, d));
            }
        }
        None
    })
}

/// The first digit-like char of `s` at or after byte `from` (a char
/// boundary), with its byte. The bytes are walked a char at a time by the
/// width its first byte gives (`s` is valid UTF-8): the ideographs that
/// make up most of a text are not decoded by the general char iterator.
fn next_digit_like(s: &str, from: usize) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(&x) = b.get(i) {
        let width = crate::text::utf8_width(x);
        if x.is_ascii_digit() {
            return Some((i, char::from(x)));
        }
        // Only three-byte chars are digit-like beside the ASCII digits
        // (full-width digits, `〇`, `○`, `零`, `一`…`九`).
        if width == 3 && may_be_digit_like(x, b[i + 1]) {
            let c = (u32::from(x & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F);
            if let Some(c) = char::from_u32(c).filter(|&c| is_digit_like(c)) {
                return Some((i, c));
            }
        }
        i += width;
    }
    None
}

/// False when no digit-like char of three bytes ([`is_digit_like`])
/// starts with the bytes `lead`, `second`: most ideographs are turned away
/// by their first two bytes, without decoding them.
fn may_be_digit_like(lead: u8, second: u8) -> bool {
    matches!(
        (lead, second),
        (0xE2, 0x97) // ○
            | (0xE3, 0x80) // 〇
            | (0xE4, 0xB8..=0xBA) // 一 七 三, 九, 二 五
            | (0xE5, 0x85 | 0x9B) // 六 八, 四
            | (0xE9, 0x9B) // 零
            | (0xEF, 0xBC) // ０…９
    )
}

/// A run of date characters read as one date, when it starts with a year.
fn read_run(run: &str) -> Option<PartialDate> {
    let year_digits = run.chars().take_while(|&c| is_digit_like(c)).count();
    if year_digits != 4 {
        return None;
    }
    // Spaces count only next to 年, 月, 日 (`2020 年 6 月 8 日`); any other
    // space ends the date (`2017-06-05 09:30`).
    let chars: Vec<char> = run.chars().collect();
    let mut kept = String::with_capacity(run.len());
    for (k, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let unit =
                |x: Option<&char>| x.is_some_and(|&x| matches!(x, '年' | '月' | '日' | '号'));
            if unit(k.checked_sub(1).and_then(|p| chars.get(p))) || unit(chars.get(k + 1)) {
                continue;
            }
            break;
        }
        kept.push(c);
    }
    let kept = kept
        .trim_end_matches(|c: char| !is_digit_like(c) && !matches!(c, '年' | '月' | '日' | '号'));
    let d = PartialDate::parse(kept)?;
    d.year.is_some().then_some(d)
}

/// A digit: ASCII, full-width, or a Chinese numeral of a year (`二〇一八`).
fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
        )
}

/// A character a written date may hold after its first digit.
fn is_date_char(c: char) -> bool {
    is_digit_like(c)
        || matches!(
            c,
            '十' | '年' | '月' | '日' | '号' | '-' | '.' | '/' | '－' | '．' | '／' | ' '
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_lines_win() {
        let text = "2019年3月1日的计划\n来源:上海市闵行区七宝镇  时间:2021年9月14日\n正文";
        assert_eq!(article_date(text).as_deref(), Some("2021-09-14"));
        assert_eq!(
            article_date("发布:2017-06-05 09:30\n").as_deref(),
            Some("2017-06-05")
        );
        assert_eq!(
            article_date("发布日期:2020 年 6 月 8 日\n").as_deref(),
            Some("2020-06-08")
        );
        assert_eq!(
            article_date("发布时间:2021年9月\n").as_deref(),
            Some("2021-09")
        );
    }

    #[test]
    fn a_signature_date_counts() {
        let text = "行动方案\n全文……2025年5月底前完成。\n中共七宝镇委员会 2023年9月26日 |";
        assert_eq!(article_date(text).as_deref(), Some("2023-09-26"));
        assert_eq!(
            article_date("中共七宝镇委员会\n二〇二三年九月二十六日").as_deref(),
            Some("2023-09-26")
        );
    }

    #[test]
    fn years_alone_and_numbers_are_no_article_date() {
        assert_eq!(article_date("2018年是起始年,11月20日督查。"), None);
        assert_eq!(article_date("编号2023-05475,增长8.59%"), None);
        assert_eq!(
            article_date("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九"),
            None
        );
        assert_eq!(article_date(""), None);
    }

    #[test]
    fn a_marker_far_from_the_date_is_no_publication_line() {
        let text = format!("时间:{}2019年1月2日\n2018年5月6日", "字".repeat(50));
        assert_eq!(article_date(&text).as_deref(), Some("2019-01-02"));
        // (The first line is read for its full date, not as a publication line.)
        let text = format!("时间:{}2019年1月\n2018年5月6日", "字".repeat(50));
        assert_eq!(article_date(&text).as_deref(), Some("2018-05-06"));
    }

    #[test]
    fn digit_likes_are_found_as_the_chars_give_them() {
        let text = "a1é２〇○零一二三四五六七八九十字𠀀9";
        let mut want = text.char_indices().filter(|&(_, c)| is_digit_like(c));
        let mut pos = 0;
        while let Some((i, c)) = next_digit_like(text, pos) {
            assert_eq!(want.next(), Some((i, c)));
            pos = i + c.len_utf8();
        }
        assert_eq!(want.next(), None);
    }

    #[test]
    fn every_digit_like_of_three_bytes_passes_the_byte_test() {
        let mut n = 0;
        for c in (0x800..0x10000u32).filter_map(char::from_u32) {
            if is_digit_like(c) {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                assert!(may_be_digit_like(b[0], b[1]), "{c}");
                n += 1;
            }
        }
        assert_eq!(n, 22);
    }

    #[test]
    fn long_unpunctuated_text_is_read_in_one_pass() {
        let text = "字".repeat(1 << 20) + "2018年11月20日";
        assert_eq!(article_date(&text).as_deref(), Some("2018-11-20"));
        let digits = "1".repeat(1 << 20);
        assert_eq!(article_date(&digits), None);
    }
}
