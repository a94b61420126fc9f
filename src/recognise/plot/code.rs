//! Reading a plot code: ASCII letters and digits joined by `-`, `#` and
//! `/` (`01-02`, `3#`, `AB0101-C1/C2-05`), with a parenthesised group
//! inside (`XYd(03)02`).

/// The longest parenthesised group inside a code, in letters and digits.
const MAX_GROUP: usize = 4;

/// Technology and grade words written like a code (`5G街区`, `3D街区`).
const NOT_CODES: &[&str] = &["2G", "3G", "4G", "5G", "6G", "3D", "4D", "4K", "8K"];

/// A character a code is written with.
pub(super) fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '#' | '/' | '\u{FF0F}')
}

/// A slash, ASCII or full-width.
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '\u{FF0F}')
}

/// An opening parenthesis, ASCII or full-width.
pub(super) fn is_open(c: char) -> bool {
    matches!(c, '(' | '\u{FF08}')
}

/// A closing parenthesis, ASCII or full-width.
pub(super) fn is_close(c: char) -> bool {
    matches!(c, ')' | '\u{FF09}')
}

/// The character ending at byte `pos`.
pub(super) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Where the code characters ending at `end` start, reading through a
/// parenthesised group that code characters enclose (`XYd(03)02`).
fn raw_start(text: &str, end: usize) -> usize {
    let mut pos = end;
    while let Some(c) = char_before(text, pos) {
        if is_code_char(c) {
            pos -= c.len_utf8();
        } else if is_close(c) && pos < end {
            match group_open(text, pos - c.len_utf8()) {
                Some(open) => pos = open,
                None => break,
            }
        } else {
            break;
        }
    }
    pos
}

/// The `(` of a group whose `)` is at byte `close`, when the group holds
/// one to [`MAX_GROUP`] letters or digits and a letter or digit stands
/// before it (`XYd(03)`, not the note in `社区(03)`).
fn group_open(text: &str, close: usize) -> Option<usize> {
    let mut inner = close;
    while let Some(c) = char_before(text, inner).filter(char::is_ascii_alphanumeric) {
        if close - inner == MAX_GROUP {
            return None;
        }
        inner -= c.len_utf8();
    }
    if inner == close {
        return None;
    }
    let open = char_before(text, inner).filter(|&c| is_open(c))?;
    let open = inner - open.len_utf8();
    char_before(text, open)
        .is_some_and(|c| c.is_ascii_alphanumeric())
        .then_some(open)
}

/// True for a code: it holds a digit or is one capital letter (`B地块`),
/// ends with a letter, digit, `#` or `)`, and holds a `/` only between
/// codes with letters (`C1/C2`, not the fraction `1/3`).
pub(super) fn is_code(code: &str) -> bool {
    let Some(last) = code.chars().next_back() else {
        return false;
    };
    if last == '-' || is_slash(last) {
        return false;
    }
    let has_digit = code.bytes().any(|b| b.is_ascii_digit());
    let single_capital = code.len() == 1 && last.is_ascii_uppercase();
    let slash_ok = !code.contains(is_slash) || code.bytes().any(|b| b.is_ascii_alphabetic());
    (has_digit || single_capital) && slash_ok && !NOT_CODES.contains(&code)
}

/// The start of the code ending at byte `end`, if one does.
pub(super) fn code_start(text: &str, end: usize) -> Option<usize> {
    let raw = raw_start(text, end);
    let code = text[raw..end].trim_start_matches(|c| c == '-' || is_slash(c));
    is_code(code).then_some(end - code.len())
}

/// Where the code starting at byte `start` ends (the first character that
/// is no code character).
pub(super) fn code_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(|c: char| !is_code_char(c))
        .map_or(text.len(), |n| start + n)
}

/// The code's shape: each run of letters as `A`, of digits as `9`, the
/// rest as written (`J16` → `A9`, `05-03` → `9-9`). Items of one list
/// joined by a conjunction share it.
pub(super) fn shape(code: &str) -> String {
    let mut out = String::new();
    for c in code.chars() {
        let class = if c.is_ascii_alphabetic() {
            'A'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if !(matches!(class, 'A' | '9') && out.ends_with(class)) {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_before(text: &str, tail: &str) -> Option<String> {
        let end = text.find(tail).unwrap();
        code_start(text, end).map(|s| text[s..end].to_string())
    }

    #[test]
    fn codes_are_read_leftwards_to_the_first_other_character() {
        assert_eq!(
            code_before("推进青山01-02地块", "地块").as_deref(),
            Some("01-02")
        );
        assert_eq!(
            code_before("规划XYd(03)02单元", "单元").as_deref(),
            Some("XYd(03)02")
        );
        assert_eq!(
            code_before("东侧QS0202-C1/C2-05地块", "地块").as_deref(),
            Some("QS0202-C1/C2-05")
        );
        assert_eq!(
            code_before("东侧QS0202-C1／C2地块", "地块").as_deref(),
            Some("QS0202-C1／C2")
        );
        assert_eq!(code_before("这是B地块", "地块").as_deref(), Some("B"));
        assert_eq!(code_before("青山-3#地块", "地块").as_deref(), Some("3#"));
    }

    #[test]
    fn non_codes() {
        assert_eq!(code_before("青山镇地块", "地块"), None);
        assert_eq!(code_before("约1/3地块", "地块"), None);
        assert_eq!(code_before("AB地块", "地块"), None);
        assert_eq!(code_before("A1-地块", "地块"), None);
        assert_eq!(code_before("打造5G街区", "街区"), None);
        // A note in brackets after a name is no group of the code.
        assert_eq!(code_before("社区(03)单元", "单元"), None);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("J16"), "A9");
        assert_eq!(shape("05-03"), "9-9");
        assert_eq!(shape("3#"), "9#");
    }
}
