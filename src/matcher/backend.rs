//! The automata behind [`super::Matcher`], behind one private interface.
//!
//! daachorse's charwise double-array Aho-Corasick is the default: on a
//! Chinese lexicon of tens of thousands of entries it walks one transition
//! per character instead of three per UTF-8 byte, which makes it several
//! times faster than aho-corasick's contiguous NFA on the same patterns (see
//! BENCHMARKS.md). aho-corasick stays available for comparison.

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use daachorse::CharwiseDoubleArrayAhoCorasick;

/// The automaton implementations govkg can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BackendKind {
    /// daachorse's charwise double-array automaton (the default).
    #[default]
    Daachorse,
    /// aho-corasick's contiguous NFA.
    AhoCorasick,
}

pub(super) enum Backend {
    Empty,
    Daachorse(CharwiseDoubleArrayAhoCorasick<u32>),
    AhoCorasick(AhoCorasick),
}

impl Backend {
    pub(super) fn build<'p>(
        patterns: impl ExactSizeIterator<Item = &'p str> + Clone,
        kind: BackendKind,
    ) -> Result<Self> {
        if patterns.len() == 0 {
            return Ok(Backend::Empty);
        }
        Ok(match kind {
            BackendKind::Daachorse => {
                let da = CharwiseDoubleArrayAhoCorasick::with_values(
                    patterns.enumerate().map(|(i, p)| (p, i as u32)),
                )
                .map_err(|e| Error::Matcher(e.to_string()))?;
                Backend::Daachorse(da)
            }
            BackendKind::AhoCorasick => {
                let ac = AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::Standard)
                    .build(patterns)
                    .map_err(|e| Error::Matcher(e.to_string()))?;
                Backend::AhoCorasick(ac)
            }
        })
    }

    pub(super) fn kind(&self) -> BackendKind {
        match self {
            Backend::Empty | Backend::Daachorse(_) => BackendKind::Daachorse,
            Backend::AhoCorasick(_) => BackendKind::AhoCorasick,
        }
    }

    pub(super) fn for_each(&self, text: &str, mut f: impl FnMut(usize, usize, u32)) {
        match self {
            Backend::Empty => {}
            Backend::Daachorse(da) => {
                for m in da.find_overlapping_iter(text) {
                    f(m.start(), m.end(), m.value());
                }
            }
            Backend::AhoCorasick(ac) => {
                for m in ac.find_overlapping_iter(text) {
                    f(m.start(), m.end(), m.pattern().as_u32());
                }
            }
        }
    }
}
