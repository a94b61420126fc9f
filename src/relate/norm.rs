//! The normalised text as the relation rules read it: positions, the
//! chars at them, and steps from char to char.
//!
//! Every position the rules hold (mentions, triggers, sentences, articles)
//! is one of this text's; the rules step and count through these helpers
//! only, never by arithmetic on positions, so that a position's unit is
//! this file's business alone.

use crate::text::CodePoints;

/// The normalised text of a document.
pub(crate) struct NormText<'a> {
    /// The normalised text, as chars.
    pub chars: Vec<char>,
    /// The same text as a string, and where each of its chars starts: a
    /// stretch of it is a slice, not a new string.
    pub norm: &'a str,
    pub starts: CodePoints,
}

impl<'a> NormText<'a> {
    /// Indexes `norm`, whose char starts `starts` holds.
    pub(crate) fn new(norm: &'a str, starts: CodePoints) -> Self {
        // Sized once: the index counted the chars.
        let mut chars: Vec<char> = Vec::with_capacity(starts.len());
        chars.extend(norm.chars());
        NormText {
            chars,
            norm,
            starts,
        }
    }

    /// The end of the text.
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The char at `pos`, if `pos` is inside the text.
    pub(crate) fn char_at(&self, pos: usize) -> Option<char> {
        self.chars.get(pos).copied()
    }

    /// The char that ends at `pos`, if any.
    pub(crate) fn char_before(&self, pos: usize) -> Option<char> {
        pos.checked_sub(1).and_then(|p| self.char_at(p))
    }

    /// The position one char after `pos` (one past it beyond the end).
    pub(crate) fn next(&self, pos: usize) -> usize {
        pos + 1
    }

    /// The position one char before `pos` (`pos` > 0).
    pub(crate) fn prev(&self, pos: usize) -> usize {
        pos - 1
    }

    /// The position `n` chars after `pos` (counted on past the end).
    pub(crate) fn fwd(&self, pos: usize, n: usize) -> usize {
        pos + n
    }

    /// The position `n` chars before `pos`, or the start of the text.
    pub(crate) fn back(&self, pos: usize, n: usize) -> usize {
        pos.saturating_sub(n)
    }

    /// The position after `word` written at `pos`.
    pub(crate) fn past(&self, pos: usize, word: &str) -> usize {
        pos + word.chars().count()
    }

    /// The position where `word`, written to end at `pos`, starts.
    pub(crate) fn before(&self, pos: usize, word: &str) -> usize {
        pos - word.chars().count()
    }

    /// The number of chars from `a` to `b` (0 when `b` <= `a`).
    pub(crate) fn count(&self, a: usize, b: usize) -> usize {
        b.saturating_sub(a)
    }

    /// True when `a..b` holds more than `n` chars.
    pub(crate) fn longer_than(&self, a: usize, b: usize, n: usize) -> bool {
        self.count(a, b) > n
    }

    /// The chars of `a..b` (clamped to the text) with their positions.
    pub(crate) fn chars_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
        let b = b.min(self.chars.len());
        (a.min(b)..b).map(move |i| (i, self.chars[i]))
    }

    /// The positions of the chars of `a..b` (clamped to the text).
    pub(crate) fn positions(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = usize> + '_ {
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

    /// The chars `a..b` as a string.
    pub(crate) fn text(&self, a: usize, b: usize) -> &'a str {
        let b = b.min(self.chars.len());
        if a >= b {
            return "";
        }
        &self.norm[self.starts.byte(a)..self.starts.byte(b)]
    }

    /// True when the chars `a..b` hold nothing but white space.
    pub(crate) fn blank(&self, a: usize, b: usize) -> bool {
        self.chars_in(a, b).all(|(_, c)| c.is_whitespace())
    }

    /// True when `word` is written at `pos`.
    pub(crate) fn at(&self, pos: usize, word: &str) -> bool {
        // One byte comparison instead of decoding `word` char by char (a
        // position past the end reads as the empty rest of the text).
        self.norm[self.starts.byte(pos)..].starts_with(word)
    }

    /// True when `word` ends at `pos`.
    pub(crate) fn ends_at(&self, pos: usize, word: &str) -> bool {
        if pos > self.chars.len() {
            return word.is_empty();
        }
        self.norm[..self.starts.byte(pos)].ends_with(word)
    }

    /// The byte offset of `pos` in the normalised text.
    pub(crate) fn byte(&self, pos: usize) -> usize {
        self.starts.byte(pos)
    }

    /// The position of byte offset `byte` of the normalised text.
    pub(crate) fn pos_of_byte(&self, byte: usize) -> usize {
        self.starts.of(byte)
    }
}
