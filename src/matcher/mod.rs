//! One automaton over every lexicon entry.
//!
//! This is govkg's hot path: the text is scanned once, every entry of every
//! dictionary is found in that one pass (overlapping matches included), and
//! the recognisers only read the hits and a few characters around them.

mod backend;

pub use backend::BackendKind;

use crate::error::Result;
use crate::lexicon::{Lexicon, PatternId};
use crate::span::Span;
use backend::Backend;

/// One match of a lexicon pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Where it matched (bytes of the searched text).
    pub span: Span,
    /// Which pattern matched; see [`Lexicon::entries_of`].
    pub pattern: PatternId,
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
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::with_capacity(text.len() / 4);
        self.backend.for_each(text, |start, end, pattern| {
            out.push(Hit {
                span: Span::new(start, end),
                pattern,
            })
        });
        out.sort_unstable_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        out
    }
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
            let got: Vec<&str> = m.hits(text).iter().map(|h| &text[h.span.range()]).collect();
            assert_eq!(got, ["七宝镇", "七宝", "宝镇", "镇长"], "{kind:?}");
        }
    }

    #[test]
    fn empty_lexicon_and_text() {
        let m = Matcher::new(&Lexicon::empty()).unwrap();
        assert!(m.hits("七宝镇").is_empty());
        let m = Matcher::new(&lex()).unwrap();
        assert!(m.hits("").is_empty());
    }
}
