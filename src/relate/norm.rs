//! The normalised text as the relation rules read it: positions, the
//! chars at them, and steps from char to char.
//!
//! A position is a byte offset of the normalised text, as everywhere in
//! the library (recognition's spans, the automaton's triggers); code
//! points are counted only where relations are written out. Every position
//! the rules hold (mentions, triggers, sentences, articles) is a char
//! boundary of this text. A position moves by the byte length of a word
//! read there (a trigger's, `past`), or by whole chars through these
//! helpers (`next`, `prev`, `fwd`, `back`), never by a count of chars; the
//! bounds the rules read in chars (`within 6 chars`) stay named constants
//! in chars, counted here (`count`, `longer_than`, `fwd`, `back`).

use crate::text::utf8_width;
use memchr::memmem::Finder;

/// The most bytes a char takes in UTF-8.
const MAX_CHAR_BYTES: usize = 4;

/// The normalised text of a document.
pub(crate) struct NormText<'a> {
    /// The normalised text: a stretch of it is a slice, not a new string.
    pub norm: &'a str,
}

impl<'a> NormText<'a> {
    /// Reads `norm`.
    pub(crate) fn new(norm: &'a str) -> Self {
        NormText { norm }
    }

    /// The end of the text.
    pub(crate) fn len(&self) -> usize {
        self.norm.len()
    }

    /// The char at `pos`, if `pos` is inside the text.
    pub(crate) fn char_at(&self, pos: usize) -> Option<char> {
        let &lead = self.norm.as_bytes().get(pos)?;
        if lead.is_ascii() {
            return Some(char::from(lead));
        }
        self.norm.get(pos..)?.chars().next()
    }

    /// The char that ends at `pos`, if any.
    pub(crate) fn char_before(&self, pos: usize) -> Option<char> {
        self.norm.get(..pos)?.chars().next_back()
    }

    /// The position one char after `pos` (one byte on past the end).
    pub(crate) fn next(&self, pos: usize) -> usize {
        pos + self
            .norm
            .as_bytes()
            .get(pos)
            .map_or(1, |&lead| utf8_width(lead))
    }

    /// The position one char before `pos` (`pos` > 0; one byte back past
    /// the end).
    pub(crate) fn prev(&self, pos: usize) -> usize {
        if pos > self.norm.len() {
            return pos - 1;
        }
        let mut p = pos - 1;
        while p > 0 && !self.norm.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// The position `n` chars after `pos` (a byte a char past the end).
    pub(crate) fn fwd(&self, pos: usize, n: usize) -> usize {
        (0..n).fold(pos, |p, _| self.next(p))
    }

    /// The position `n` chars before `pos`, or the start of the text.
    pub(crate) fn back(&self, pos: usize, n: usize) -> usize {
        let mut p = pos;
        for _ in 0..n {
            if p == 0 {
                break;
            }
            p = self.prev(p);
        }
        p
    }

    /// The position after `word` written at `pos`.
    pub(crate) fn past(&self, pos: usize, word: &str) -> usize {
        pos + word.len()
    }

    /// The position where `word`, written to end at `pos`, starts.
    pub(crate) fn before(&self, pos: usize, word: &str) -> usize {
        pos - word.len()
    }

    /// The number of chars from `a` to `b` (0 when `b` <= `a`; a char a
    /// byte past the end).
    pub(crate) fn count(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        let end = self.norm.len();
        let beyond = b - a.max(end).min(b);
        beyond + self.text(a, b).chars().count()
    }

    /// True when `a..b` holds more than `n` chars: a span of `n` bytes or
    /// fewer does not, one of more than four bytes a char does, and only
    /// those between are counted.
    pub(crate) fn longer_than(&self, a: usize, b: usize, n: usize) -> bool {
        let bytes = b.saturating_sub(a);
        if bytes <= n {
            return false;
        }
        if bytes > n.saturating_mul(MAX_CHAR_BYTES) {
            return true;
        }
        self.count(a, b) > n
    }

    /// The chars of `a..b` (clamped to the text) with their positions.
    pub(crate) fn chars_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, char)> + 'a {
        let b = b.min(self.norm.len());
        let a = a.min(b);
        self.norm[a..b].char_indices().map(move |(i, c)| (a + i, c))
    }

    /// The positions of the chars of `a..b` (clamped to the text).
    pub(crate) fn positions(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = usize> + 'a {
        self.chars_in(a, b).map(|(i, _)| i)
    }

    /// The start of the run of at most `max` chars that ends at `pos` and
    /// whose chars each satisfy `keep(position, char)`, read backwards.
    pub(crate) fn run_back(
        &self,
        pos: usize,
        max: usize,
        mut keep: impl FnMut(usize, char) -> bool,
    ) -> usize {
        self.chars_in(0, pos)
            .rev()
            .take(max)
            .take_while(|&(k, c)| keep(k, c))
            .last()
            .map_or(pos, |(k, _)| k)
    }

    /// The text of `a..b` (clamped to the text).
    pub(crate) fn text(&self, a: usize, b: usize) -> &'a str {
        let b = b.min(self.norm.len());
        if a >= b {
            return "";
        }
        &self.norm[a..b]
    }

    /// True when `a..b` holds nothing but white space.
    pub(crate) fn blank(&self, a: usize, b: usize) -> bool {
        self.text(a, b).trim_start().is_empty()
    }

    /// Where the word `finder` searches for is written inside `a..b`, in
    /// order (occurrences that do not overlap). The rules build each
    /// finder once, in a static: a sentence is short, and building the
    /// finder cost more than the search.
    pub(crate) fn find_all<'f>(
        &self,
        a: usize,
        b: usize,
        finder: &'f Finder<'static>,
    ) -> impl Iterator<Item = usize> + use<'a, 'f> {
        // Bytes: a match of UTF-8 starts at a char boundary.
        finder
            .find_iter(self.text(a, b).as_bytes())
            .map(move |i| a + i)
    }

    /// The chars of `a..b` outside the rows of ideographs (U+4000–U+9FFF):
    /// the punctuation, breaks and brackets a scan looks for, without
    /// decoding the ideographs between them.
    pub(crate) fn marks_in(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, char)> + 'a {
        let t = self.text(a, b);
        crate::text::non_ideographs(t).map(move |(i, c)| (a + i, c))
    }

    /// The non-blank lines of `a..b` (clamped to the text), without their
    /// line breaks.
    pub(crate) fn lines(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let end = b.min(self.len());
        let mut out = Vec::new();
        let mut s = a;
        let from = a.min(end);
        for i in memchr::memchr_iter(b'\n', self.text(from, end).as_bytes()).map(|i| from + i) {
            out.push((s, i));
            s = i + 1;
        }
        out.push((s, end));
        out.retain(|&(x, y)| !self.blank(x, y));
        out
    }

    /// True when `word` is written at `pos` (past the end only the empty
    /// word is).
    pub(crate) fn at(&self, pos: usize, word: &str) -> bool {
        self.norm
            .get(pos..)
            .map_or(word.is_empty(), |rest| rest.starts_with(word))
    }

    /// True when `word` ends at `pos`.
    pub(crate) fn ends_at(&self, pos: usize, word: &str) -> bool {
        self.norm
            .get(..pos)
            .map_or(word.is_empty(), |head| head.ends_with(word))
    }

    /// The most bytes `n` chars take: a bound for looking back by bytes.
    pub(crate) fn bytes_of_chars(n: usize) -> usize {
        n.saturating_mul(MAX_CHAR_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The steps agree with the text's chars, for chars of one to four
    /// bytes, and past the end.
    #[test]
    fn steps_are_chars() {
        let text = "a七é😀 \n镇";
        let nt = NormText::new(text);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let n = text.len();
        for (k, &p) in starts.iter().enumerate() {
            let next = starts.get(k + 1).copied().unwrap_or(n);
            assert_eq!(nt.next(p), next);
            assert_eq!(nt.prev(next), p);
            assert_eq!(nt.char_at(p), text[p..].chars().next());
            assert_eq!(nt.char_before(next), text[p..].chars().next());
            assert_eq!(nt.count(0, p), k);
            assert_eq!(nt.fwd(0, k), p);
            assert_eq!(nt.back(n, starts.len() - k), p);
            assert!(!nt.longer_than(0, p, k) && (k == 0 || nt.longer_than(0, p, k - 1)));
        }
        assert_eq!(nt.next(n), n + 1);
        assert_eq!(nt.fwd(n - 3, 3), n + 2);
        assert_eq!(nt.count(n - 3, n + 2), 3);
        assert_eq!(nt.back(3, 10), 0);
        assert_eq!(nt.char_at(n), None);
        assert_eq!(nt.char_before(0), None);
        assert!(nt.at(n + 2, "") && !nt.at(n + 2, "镇") && nt.ends_at(n, "镇"));
        assert!(!nt.ends_at(n + 1, "镇") && nt.ends_at(n + 1, ""));
        let chars: Vec<(usize, char)> = nt.chars_in(1, n).rev().collect();
        assert_eq!(chars.len(), starts.len() - 1);
        assert_eq!(
            nt.run_back(n, 10, |_, c| !c.is_whitespace()),
            n - "镇".len()
        );
    }
}
