//! Organisation names: the one name a body's node is keyed by.
//!
//! Documents write the same body many ways: `七宝镇政府`, `七宝镇人民政府`,
//! `闵行区七宝镇人民政府`, `上海市闵行区七宝镇人民政府`. They are one node,
//! named canonically:
//!
//! - a government after a division is its people's government (`政府` ≡
//!   `人民政府`: `七宝镇政府` → `七宝镇人民政府`, `区政府` → `区人民政府`,
//!   `镇政府办公室` → `镇人民政府办公室`; the abbreviation `镇政府办` stays);
//! - the higher levels written before a division are left out when the
//!   lexicon's hierarchy agrees (`上海市闵行区七宝镇人民政府` →
//!   `七宝镇人民政府`; `浦东新区七宝镇党委` stays, 七宝镇 not being in
//!   浦东新区).
//!
//! The other spellings become the node's aliases.

use super::placename::in_order_above;
use crate::lexicon::{Level, LexClass, Lexicon, leading_divisions_by};

/// The longest division name tried when splitting a name's leading
/// divisions, in characters.
const MAX_DIVISION_CHARS: usize = 16;

/// True when `before` ends in a level character of a division a government
/// is named after (`镇政府`, `自治区政府`; not a village's `村`).
fn ends_in_division_level(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .and_then(Level::of_char)
        .is_some_and(|l| l != Level::Village)
}

/// The last characters of the lexicon's division names (the level
/// characters, villages' `村`, streets' `街道`, farms' `场`, offices'
/// `办事处`, `苏木`, `兵团`, parks' `园`, `城`: all but 0.1 % of them): only
/// names ending so are looked up when splitting leading divisions.
const NAME_ENDS: &[char] = &[
    '省', '市', '县', '区', '镇', '乡', '旗', '州', '盟', '村', '道', '场', '处', '木', '团', '园',
    '城',
];

/// The canonical name of the body written `name` (normalised), as the
/// module docs say.
pub(super) fn canonical_org(lex: &Lexicon, name: &str) -> String {
    let name = peoples_government(name);
    match without_higher_levels(lex, &name) {
        Some(short) => short.to_string(),
        None => name,
    }
}

/// `政府` after a division written `人民政府`, when it ends the name or
/// its office (`七宝镇政府办公室`); abbreviations such as `镇政府办` stay.
fn peoples_government(name: &str) -> String {
    let Some(at) = name.find("政府") else {
        return name.to_string();
    };
    let before = &name[..at];
    let after = &name[at + "政府".len()..];
    if before.ends_with("人民")
        || !ends_in_division_level(before)
        || !(after.is_empty() || after == "办公室")
    {
        return name.to_string();
    }
    format!("{before}人民{}", &name[at..])
}

/// The name from its last leading division on, when two or more divisions
/// lead it and the lexicon puts the earlier ones above the last, in order.
fn without_higher_levels<'n>(lex: &Lexicon, name: &'n str) -> Option<&'n str> {
    // Each division leaves something after it: the last char is read in none.
    let head = &name[..name.char_indices().last().map_or(0, |(i, _)| i)];
    let (lens, _) = leading_divisions_by(head, MAX_DIVISION_CHARS, |w| {
        is_division_name(lex, w).then_some(w.len())
    });
    let mut at = 0;
    let parts: Vec<&str> = lens
        .iter()
        .map(|&n| {
            at += n;
            &name[at - n..at]
        })
        .collect();
    let (last, above) = parts.split_last()?;
    if above.is_empty() || !in_order_above(lex, above, last) {
        return None;
    }
    Some(&name[at - last.len()..])
}

/// True when `w` is a division name of the lexicon (countries and villages
/// included): only names ending in one of [`NAME_ENDS`] are looked up.
fn is_division_name(lex: &Lexicon, w: &str) -> bool {
    w.ends_with(NAME_ENDS) && lex.any(w, |c| matches!(c, LexClass::Division(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(name: &str) -> String {
        canonical_org(super::super::embedded_lexicon(), name)
    }

    #[test]
    fn one_body_one_name() {
        for written in [
            "七宝镇政府",
            "七宝镇人民政府",
            "闵行区七宝镇人民政府",
            "上海市闵行区七宝镇人民政府",
            "上海市闵行区七宝镇政府",
        ] {
            assert_eq!(canon(written), "七宝镇人民政府", "{written}");
        }
        assert_eq!(canon("上海市闵行区人民政府"), "闵行区人民政府");
        assert_eq!(canon("云南省保山市施甸县党政代表团"), "施甸县党政代表团");
        assert_eq!(canon("区政府"), "区人民政府");
        assert_eq!(canon("七宝镇政府办公室"), "七宝镇人民政府办公室");
    }

    #[test]
    fn other_names_stay() {
        for name in [
            "七宝镇党委",
            "浦东新区七宝镇党委",
            "上海市人民政府",
            "闵行区人民法院",
            "镇政府办",
            "区委宣传部",
            "市场监管局",
            "政府",
            "闵行区七宝镇",
        ] {
            assert_eq!(canon(name), name);
        }
    }
}
