//! One automaton over every lexicon entry.
//!
//! This is govkg's hot path: the text is scanned once, every entry of every
//! dictionary is found in that one pass (overlapping matches included), and
//! the recognisers only read the hits and a few characters around them.

mod backend;
pub(crate) mod nearly_sorted;

pub use backend::BackendKind;

use crate::error::Result;
use crate::lexicon::{Lexicon, PatternId};
use crate::span::Span;
use backend::Backend;

/// One match of a lexicon pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
///
/// Offsets are kept as `u32`: a hit is collected for every lexicon word in
/// the text (about one per ten bytes of Chinese), and twelve bytes a hit
/// instead of twenty-four is what keeps collecting them within a few per
/// cent of the bare automaton scan (BENCHMARKS.md).
pub struct Hit {
    start: u32,
    end: u32,
    /// Which pattern matched; see [`Lexicon::entries_of`].
    pub pattern: PatternId,
}

impl Hit {
    /// A hit of `pattern` over `span`, or `None` when the span lies past
    /// the 4 GiB that `u32` offsets can address.
    pub fn new(span: Span, pattern: PatternId) -> Option<Hit> {
        Some(Hit {
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
            pattern,
        })
    }

    /// Where it matched (bytes of the searched text).
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The automaton over a lexicon's patterns.
pub struct Matcher {
    backend: Backend,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("backend", &self.backend.kind())
            .finish()
    }
}

impl Matcher {
    /// Builds the default automaton over `lexicon`'s patterns.
    pub fn new(lexicon: &Lexicon) -> Result<Self> {
        Self::with_backend(lexicon, BackendKind::default())
    }

    /// Builds with a chosen backend (for benchmarks).
    pub fn with_backend(lexicon: &Lexicon, kind: BackendKind) -> Result<Self> {
        Ok(Matcher {
            backend: Backend::build(lexicon.patterns(), kind)?,
        })
    }

    /// Which automaton is in use.
    pub fn backend(&self) -> BackendKind {
        self.backend.kind()
    }

    /// Every (overlapping) hit in `text`, sorted by start, longest first.
    /// Hits ending past the first 4 GiB of `text` are not reported.
    ///
    /// ```
    /// use govkg::{LexClass, Lexicon, matcher::Matcher};
    /// let mut b = Lexicon::builder();
    /// b.add_entry("七宝", LexClass::Org).add_entry("七宝镇", LexClass::Org);
    /// let lex = b.build();
    /// let m = Matcher::new(&lex)?;
    /// let text = "到七宝镇";
    /// let found: Vec<&str> = m.hits(text).iter().map(|h| &text[h.span().range()]).collect();
    /// assert_eq!(found, ["七宝镇", "七宝"]);
    /// # Ok::<(), govkg::Error>(())
    /// ```
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.hits_into(text, &mut out);
        out
    }

    /// Like [`Matcher::hits`], but fills `out` (cleared first), so a caller
    /// scanning many texts reuses one buffer.
    pub fn hits_into(&self, text: &str, out: &mut Vec<Hit>) {
        out.clear();
        out.reserve(text.len() / 6);
        if u32::try_from(text.len()).is_ok() {
            // Every offset fits: no check per hit, and each hit is put in
            // its place as it comes, while it is at hand. Most hits start
            // after every hit before them and stay last.
            let mut top = 0;
            self.backend.for_each(text, |start, end, pattern| {
                let hit = Hit {
                    start: start as u32,
                    end: end as u32,
                    pattern,
                };
                let k = start_order(&hit);
                out.push(hit);
                if k >= top {
                    top = k;
                } else {
                    nearly_sorted::sift_last(out, start_order);
                }
            });
        } else {
            self.backend.for_each(text, |start, end, pattern| {
                if let Some(hit) = Hit::new(Span::new(start, end), pattern) {
                    out.push(hit);
                }
            });
            sort_by_start(out);
        }
    }
}

/// The key that orders hits by start, longest first, in one integer
/// compare: start ascending, then end descending.
fn start_order(h: &Hit) -> u64 {
    (u64::from(h.start) << 32) | u64::from(u32::MAX - h.end)
}

/// Sorts hits by start, longest first: each hit moves back only past the
/// few hits that end inside it ([`nearly_sorted`]).
fn sort_by_start(hits: &mut [Hit]) {
    nearly_sorted::sort_by_key(hits, start_order);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexClass;

    fn lex() -> Lexicon {
        let mut b = Lexicon::builder();
        for w in ["七宝", "七宝镇", "宝镇", "镇长"] {
            b.add_entry(w, LexClass::Org);
        }
        b.build()
    }

    #[test]
    fn overlapping_hits_sorted() {
        let lex = lex();
        for kind in [BackendKind::Daachorse, BackendKind::AhoCorasick] {
            let m = Matcher::with_backend(&lex, kind).unwrap();
            let text = "七宝镇镇长";
            let got: Vec<&str> = m
                .hits(text)
                .iter()
                .map(|h| &text[h.span().range()])
                .collect();
            assert_eq!(got, ["七宝镇", "七宝", "宝镇", "镇长"], "{kind:?}");
        }
    }

    #[test]
    fn sort_by_start_matches_a_full_sort() {
        let mut hits: Vec<Hit> = [(3, 9), (0, 6), (0, 3), (6, 9), (3, 6), (0, 9), (9, 12)]
            .iter()
            .enumerate()
            .filter_map(|(i, &(s, e))| Hit::new(Span::new(s, e), i as PatternId))
            .collect();
        let mut want = hits.clone();
        want.sort_by_key(|h| (h.span().start, std::cmp::Reverse(h.span().end)));
        sort_by_start(&mut hits);
        assert_eq!(hits, want);
    }

    #[test]
    fn empty_lexicon_and_text() {
        let m = Matcher::new(&Lexicon::empty()).unwrap();
        assert!(m.hits("七宝镇").is_empty());
        let m = Matcher::new(&lex()).unwrap();
        assert!(m.hits("").is_empty());
    }
}
