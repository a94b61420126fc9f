//! Numbers written in Chinese numerals (`十二`, `三`, `两`), read
//! leftwards before a classifier or a measure word.

use super::code::char_before;

/// The longest numeral read, in characters (`九十九`).
const MAX_LEN: usize = 3;

/// The value of a digit numeral.
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A character of a numeral.
pub(super) fn is_numeral(c: char) -> bool {
    c == '十' || digit(c).is_some()
}

/// The start of the numeral ending at byte `end` (`end` when none does)
/// and its value, when it reads as a number below a hundred.
pub(super) fn before(text: &str, end: usize) -> (usize, Option<u32>) {
    let mut start = end;
    let mut n = 0;
    while let Some(c) = char_before(text, start).filter(|&c| is_numeral(c)) {
        if n == MAX_LEN {
            return (end, None);
        }
        start -= c.len_utf8();
        n += 1;
    }
    (start, value(&text[start..end]))
}

/// The value of `十二`, `二十`, `二十三`, `三`.
fn value(numeral: &str) -> Option<u32> {
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (usize, Option<u32>) {
        before(s, s.len())
    }

    #[test]
    fn values() {
        assert_eq!(read("剩下五").1, Some(5));
        assert_eq!(read("十二").1, Some(12));
        assert_eq!(read("二十").1, Some(20));
        assert_eq!(read("三十四").1, Some(34));
        assert_eq!(read("两").1, Some(2));
        assert_eq!(read("二二").1, None);
        assert_eq!(read("地"), (3, None));
        // Too long to be one count.
        assert_eq!(read("一二三四").1, None);
    }
}
