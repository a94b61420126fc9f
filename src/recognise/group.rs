//! Group nouns and names: the words a visiting group is called by
//! (`工作考察团`, `视察调研组`) and the names they make
//! (`施甸县党政代表团`, `第三视察调研组`). The organisation recogniser
//! names numbered groups with them; the visit rules tell a named group from
//! a generic noun that refers back to one.

use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass, Lexicon, embedded_grammar};
use crate::recognise::lengths::YEAR_DIGITS;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The words a generic group noun is made of (`工作`, `考察`:
/// `grammar.group-word` of the embedded grammar), in the order of
/// `grammar.txt`, for the rules that read a group's name from its text.
pub(crate) static GROUP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    embedded_grammar()
        .entries()
        .iter()
        .filter(|e| e.class == GROUP_WORD)
        // Embedded entries borrow their text from the binary.
        .filter_map(|e| match e.text {
            Cow::Borrowed(t) => Some(t),
            Cow::Owned(_) => None,
        })
        .collect()
});

const GROUP_WORD: LexClass = LexClass::Grammar(Grammar::GroupWord);

/// Strips the generic group words of `lex` off the front of `s`; true when
/// nothing else is left.
fn all_group_words(lex: &Lexicon, s: &str) -> bool {
    let mut s = s;
    while !s.is_empty() {
        match lex.prefixes_of(s, GROUP_WORD).next() {
            Some(w) => s = &s[w.len()..],
            None => return false,
        }
    }
    true
}

/// The part of a group name before its final `团` / `组` / `小组`.
fn group_stem(t: &str) -> Option<&str> {
    if t.ends_with("集团") || t.ends_with("共青团") {
        return None;
    }
    t.strip_suffix("小组")
        .or_else(|| t.strip_suffix('团'))
        .or_else(|| t.strip_suffix('组'))
}

/// True for a suffix that ends a group's name (`组`, `调研组`, `代表团`).
pub(crate) fn is_group_suffix(suffix: &str) -> bool {
    group_stem(suffix).is_some()
}

/// A delegation's name: `施甸县党政代表团`, `第三视察调研组`, `代表团`.
pub(crate) fn is_group_name(t: &str) -> bool {
    group_stem(t).is_some_and(|s| GROUP_WORDS.iter().any(|w| s.contains(w)))
}

/// A generic delegation noun, no name: `代表团`, `工作考察团`, `调研组`.
pub(crate) fn is_generic_group(t: &str) -> bool {
    is_generic_group_in(embedded_grammar(), t)
}

/// [`is_generic_group`] with the group words of `lex`.
fn is_generic_group_in(lex: &Lexicon, t: &str) -> bool {
    group_stem(t).is_some_and(|s| !s.is_empty() && all_group_words(lex, s))
}

/// Numerals of an ordinal (`第三`, `第12`).
fn is_numeral(c: char) -> bool {
    crate::lexicon::is_numeral(c) || c.is_ascii_digit()
}

/// The longest number of a numbered group (`第十二`), in characters.
const MAX_ORDINAL_CHARS: usize = 3;

/// The bytes of the number opening `after` (what follows a `第`), when it
/// has one of at most [`MAX_ORDINAL_CHARS`] characters.
fn ordinal_len(after: &str) -> Option<usize> {
    let digits: usize = after
        .chars()
        .take_while(|&c| is_numeral(c))
        .map(char::len_utf8)
        .sum();
    (digits > 0 && after[..digits].chars().count() <= MAX_ORDINAL_CHARS).then_some(digits)
}

/// The shortest and longest group noun after the number (`调研组`,
/// `专题视察调研组`), in characters.
const MIN_GROUP_NOUN_CHARS: usize = 3;
const MAX_GROUP_NOUN_CHARS: usize = 10;

/// Numbered groups: `第二视察调研组`, and with the body that sent them,
/// `区委第三巡察组`. The number makes the group one of a set, so it is a
/// name, an ORG (a bare `调研组` is a generic noun).
pub(crate) fn numbered(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    // memmem, not `match_indices('第')`: a char search stops at every
    // occurrence of the char's last byte, common inside other ideographs.
    for i in memchr::memmem::find_iter(text.as_bytes(), "第".as_bytes()) {
        let after = &text[i + '第'.len_utf8()..];
        let Some(digits) = ordinal_len(after) else {
            continue;
        };
        let rest = &after[digits..];
        // The group noun: group words, then `组`, `小组` or `团`.
        let Some(len) = rest
            .char_indices()
            .take(MAX_GROUP_NOUN_CHARS)
            .map(|(k, c)| k + c.len_utf8())
            .filter(|&k| {
                rest[..k].chars().count() >= MIN_GROUP_NOUN_CHARS
                    && rest[..k].ends_with(['组', '团'])
                    && is_generic_group_in(scan.lex, &rest[..k])
            })
            .last()
        else {
            continue;
        };
        let end = i + '第'.len_utf8() + digits + len;
        let start = scan
            .longest_ending_at(i, [LexClass::Org, LexClass::TitleOrg])
            .map_or(i, |h| h.span().start);
        out.push(Mention::new(
            Span::new(start, end),
            EntityKind::Org,
            Rule::OrgGroup,
        ));
    }
    out
}

/// The measure words of a batch (`第二批`, `第四次`, `第三期`).
/// Kept in code: a closed set of the grammar, read per character.
const BATCH_MEASURES: [char; 4] = ['批', '次', '期', '届'];

/// Quotation marks a batch group's name may hold (`某某暨“三区”发展观摩组`).
const QUOTES: [char; 4] = ['“', '”', '‘', '’'];

/// The longest name of a batch group after its measure word, in chars.
const MAX_BATCH_NAME_CHARS: usize = 24;

/// Groups named by their year and batch: `2024年第二批某国干部考察团`,
/// `2015年第四次全市项目观摩点评组`. The year and the number make the
/// group one of a series, a name: one ORG, the year part of it. The name
/// ends at the first generic group noun (`考察团`, `点评组`) and holds no
/// clause break but quotation marks.
pub(crate) fn batches(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    for i in memchr::memmem::find_iter(text.as_bytes(), "年第".as_bytes()) {
        let year_digits = text[..i]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        if year_digits != YEAR_DIGITS {
            continue;
        }
        let start = i - year_digits;
        let after = &text[i + "年第".len()..];
        let Some(digits) = ordinal_len(after) else {
            continue;
        };
        let rest = &after[digits..];
        if !rest.starts_with(BATCH_MEASURES) {
            continue;
        }
        let Some(len) = rest
            .char_indices()
            .take(MAX_BATCH_NAME_CHARS + 1)
            .take_while(|&(_, c)| !crate::text::is_clause_break(c) || QUOTES.contains(&c))
            .map(|(k, c)| k + c.len_utf8())
            .find(|&k| ends_in_generic_group(scan.lex, &rest[..k]))
        else {
            continue;
        };
        let end = i + "年第".len() + digits + len;
        out.push(Mention::new(
            Span::new(start, end),
            EntityKind::Org,
            Rule::OrgBatchGroup,
        ));
    }
    out
}

/// True when `name` ends in a generic group noun of two group words or
/// more' worth (`考察团`, `观摩点评组`).
fn ends_in_generic_group(lex: &Lexicon, name: &str) -> bool {
    name.ends_with(['团', '组'])
        && name.char_indices().map(|(k, _)| &name[k..]).any(|tail| {
            tail.chars().count() >= MIN_GROUP_NOUN_CHARS && is_generic_group_in(lex, tail)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::testing::spans;

    #[test]
    fn group_nouns() {
        assert!(is_group_name("施甸县党政代表团"));
        assert!(is_group_name("第三视察调研组"));
        assert!(!is_group_name("科教集团"));
        assert!(is_generic_group("工作考察团"));
        assert!(is_generic_group("代表团"));
        assert!(!is_generic_group("第三视察调研组"));
        assert!(!is_generic_group("某市工作考察团"));
    }

    #[test]
    fn groups_named_by_year_and_batch() {
        let t = "由某国财政部副部长率领的“2023年第二批青年干部考察团”莅临考察。";
        assert!(spans(t, EntityKind::Org).contains(&"2023年第二批青年干部考察团".to_string()));
        assert!(spans(t, EntityKind::Date).is_empty());
        let t = "2016年第三次全县项目建设观摩点评组来到青山村。";
        assert_eq!(
            spans(t, EntityKind::Org),
            ["2016年第三次全县项目建设观摩点评组"]
        );
        let t = "2016年第三次全县项目建设观摩会召开,考察团来了。";
        assert_eq!(spans(t, EntityKind::Date), ["2016年"]);
        assert_eq!(
            spans("2016年第三批资金下达。", EntityKind::Date),
            ["2016年"]
        );
    }

    #[test]
    fn numbered_groups_are_named() {
        assert_eq!(
            spans("副主任带领第二视察调研组到莘庄镇调研。", EntityKind::Org),
            ["第二视察调研组"]
        );
        assert_eq!(
            spans("区委第三巡视组进驻莘庄镇。", EntityKind::Org),
            ["区委第三巡视组"]
        );
        // An ordinal that numbers something else.
        assert!(spans("第二批调研工作", EntityKind::Org).is_empty());
        assert!(spans("第三组数据", EntityKind::Org).is_empty());
    }
}
