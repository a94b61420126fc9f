//! Fixed word lists searched in a whole document: one automaton pass per
//! list instead of one substring search per word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// A fixed list of words and, built on first use, its automaton.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    ac: OnceLock<Option<AhoCorasick>>,
}

impl WordSet {
    /// A word set over `words` (nothing is built until the first search).
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            ac: OnceLock::new(),
        }
    }

    /// Every occurrence of every word in `text`, overlapping ones included
    /// (as searching for each word in turn would find them), in order of
    /// their end: `(byte start, word)`.
    pub fn find_in<'t>(
        &'static self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'static str)> + 't {
        let ac = self
            .ac
            .get_or_init(|| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::Standard)
                    .build(self.words)
                    .ok()
            })
            .as_ref();
        ac.into_iter().flat_map(move |ac| {
            ac.find_overlapping_iter(text)
                .map(|m| (m.start(), self.words[m.pattern().as_usize()]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["村民", "民", "老党员"]);

    #[test]
    fn finds_what_a_search_per_word_finds() {
        let text = "村民张三和老党员李四";
        let mut got: Vec<(usize, &str)> = SET.find_in(text).collect();
        got.sort();
        let mut want: Vec<(usize, &str)> = SET
            .words
            .iter()
            .flat_map(|w| text.match_indices(w).map(move |(i, _)| (i, *w)))
            .collect();
        want.sort();
        assert_eq!(got, want);
    }
}
