//! Fixed word lists searched in a whole document: one automaton pass over
//! several lists at once, instead of one substring search per word (or one
//! pass per list).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// Fixed lists of words and, built on first use, one automaton over all
/// of them.
pub(crate) struct WordGroups {
    groups: &'static [&'static [&'static str]],
    ac: OnceLock<Option<Built>>,
}

/// The automaton, and for each of its patterns its group and word.
type Built = (AhoCorasick, Vec<(usize, &'static str)>);

/// One occurrence of a word of a [`WordGroups`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Found {
    /// Index of the word's list.
    pub group: usize,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// The word.
    pub word: &'static str,
}

impl WordGroups {
    /// Word groups over `groups` (nothing is built until the first search).
    pub const fn new(groups: &'static [&'static [&'static str]]) -> Self {
        WordGroups {
            groups,
            ac: OnceLock::new(),
        }
    }

    /// Every occurrence of every word of every list in `text`, overlapping
    /// ones included (as searching for each word in turn would find them),
    /// in order of their end.
    pub fn find_in<'t>(&'static self, text: &'t str) -> impl Iterator<Item = Found> + 't {
        let ac = self
            .ac
            .get_or_init(|| {
                let words: Vec<(usize, &'static str)> = self
                    .groups
                    .iter()
                    .enumerate()
                    .flat_map(|(g, ws)| ws.iter().map(move |w| (g, *w)))
                    .collect();
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::Standard)
                    .build(words.iter().map(|(_, w)| w))
                    .ok()
                    .map(|ac| (ac, words))
            })
            .as_ref();
        ac.into_iter().flat_map(move |(ac, words)| {
            ac.find_overlapping_iter(text).map(move |m| {
                let (group, word) = words[m.pattern().as_usize()];
                Found {
                    group,
                    start: m.start(),
                    word,
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static GROUPS: WordGroups = WordGroups::new(&[&["村民", "民", "老党员"], &["党员", "民"], &[]]);

    #[test]
    fn finds_what_a_search_per_word_finds() {
        let text = "村民张三和老党员李四";
        let mut got: Vec<Found> = GROUPS.find_in(text).collect();
        got.sort();
        let mut want: Vec<Found> = GROUPS
            .groups
            .iter()
            .enumerate()
            .flat_map(|(group, ws)| {
                ws.iter().flat_map(move |w| {
                    text.match_indices(w).map(move |(start, _)| Found {
                        group,
                        start,
                        word: w,
                    })
                })
            })
            .collect();
        want.sort();
        assert_eq!(got, want);
        // A word in two lists is found for each.
        assert_eq!(got.iter().filter(|f| f.word == "民").count(), 2);
    }

    #[test]
    fn in_order_of_their_end() {
        let ends: Vec<usize> = GROUPS
            .find_in("老党员村民")
            .map(|f| f.start + f.word.len())
            .collect();
        assert!(ends.windows(2).all(|w| w[0] <= w[1]));
    }
}
