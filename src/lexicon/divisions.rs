//! Division names read inside a longer name: the one longest-match reader
//! behind every rule that asks which divisions a name, a title or a
//! dateline writes (`云南省保山市施甸县委` → 云南省, 保山市, 施甸县).
//!
//! The readers differ only in what they accept as a division (a name of
//! the lexicon at some levels, a short form, the full name it stands for)
//! and in how far they look: they pass that as a closure, and the walk
//! over the characters is written once here.

use super::{Level, LexClass, Lexicon};
use crate::text::CodePoints;

/// The party's prefix before a body's name (`中共某县委`): no division,
/// read past when a name's divisions are read.
pub(crate) const PARTY_PREFIX: &str = "中共";

/// The shortest division name read, in characters (`房县`).
const MIN_DIVISION_CHARS: usize = 2;

/// The longest name starting at char `i` of `text` (which `cps` indexes)
/// that `read` reads as a division, of [`MIN_DIVISION_CHARS`] to
/// `max_chars` characters: what `read` returned, and the char index where
/// the name ends.
pub(crate) fn longest_division_at<T>(
    text: &str,
    cps: &CodePoints,
    i: usize,
    max_chars: usize,
    mut read: impl FnMut(&str) -> Option<T>,
) -> Option<(T, usize)> {
    longest_division_heading(&text[cps.byte(i)..], max_chars, &mut read).map(|(t, _, n)| (t, i + n))
}

/// The longest head of `rest`, of [`MIN_DIVISION_CHARS`] to `max_chars`
/// characters, that `read` reads as a division: what `read` returned, and
/// the head's length in bytes and in characters. Heads are tried from the
/// longest down, a character shorter each time.
fn longest_division_heading<T>(
    rest: &str,
    max_chars: usize,
    read: &mut impl FnMut(&str) -> Option<T>,
) -> Option<(T, usize, usize)> {
    // The longest head: `max_chars` characters, or all of `rest`.
    let mut chars = 0;
    let mut end = rest.len();
    for (k, _) in rest.char_indices() {
        if chars == max_chars {
            end = k;
            break;
        }
        chars += 1;
    }
    let mut head = &rest[..end];
    while chars >= MIN_DIVISION_CHARS {
        if let Some(t) = read(head) {
            return Some((t, head.len(), chars));
        }
        let last = head.chars().next_back()?;
        head = &head[..head.len() - last.len_utf8()];
        chars -= 1;
    }
    None
}

/// The division names written one after another at the head of `text`,
/// each the longest that `read` accepts (at most `max_chars` characters),
/// with the number of characters they cover.
pub(crate) fn leading_divisions_by<T>(
    text: &str,
    max_chars: usize,
    mut read: impl FnMut(&str) -> Option<T>,
) -> (Vec<T>, usize) {
    let mut out = Vec::new();
    // Where the next name starts, in bytes and in characters.
    let (mut at, mut chars) = (0, 0);
    while let Some((t, bytes, n)) = longest_division_heading(&text[at..], max_chars, &mut read) {
        out.push(t);
        at += bytes;
        chars += n;
    }
    (out, chars)
}

/// The shortest place suffix that makes a name a zone, in characters
/// (`开发区`, `高新区`; `区` alone ends divisions too).
const MIN_ZONE_SUFFIX_CHARS: usize = 2;

/// True when a place suffix of [`MIN_ZONE_SUFFIX_CHARS`] or more ends
/// `name` (`高新区`, `经济开发区`): a zone, not a division.
pub(crate) fn is_zone(lex: &Lexicon, name: &str) -> bool {
    name.char_indices().any(|(i, _)| {
        let tail = &name[i..];
        tail.chars().count() >= MIN_ZONE_SUFFIX_CHARS && lex.is(tail, LexClass::PlaceSuffix)
    })
}

impl Lexicon {
    /// The levels at which the lexicon knows `name` as a division below
    /// the country, in the order of its entries.
    pub(crate) fn division_levels<'a>(&'a self, name: &str) -> impl Iterator<Item = Level> + 'a {
        self.lookup(name).filter_map(|e| match e.class {
            LexClass::Division(l) if l != Level::Country => Some(l),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_name_first() {
        let lex = Lexicon::embedded();
        let read = |w: &str| lex.division_levels(w).next().map(|_| w.to_string());
        let (divs, used) = leading_divisions_by("云南省保山市施甸县委", usize::MAX, read);
        assert_eq!(divs, ["云南省", "保山市", "施甸县"]);
        assert_eq!(used, 9);
        let text = "某某施甸县";
        let cps = CodePoints::new(text);
        assert_eq!(
            longest_division_at(text, &cps, 2, 3, |w| (w == "施甸县").then_some(())),
            Some(((), 5))
        );
        assert_eq!(
            longest_division_at(text, &cps, 2, 2, |w| (w == "施甸县").then_some(())),
            None
        );
        assert_eq!(longest_division_at(text, &cps, 9, 3, |_| Some(())), None);
    }
}
