//! Fixed word lists searched in a whole document: one automaton pass over
//! several lists at once, instead of one substring search per word (or one
//! pass per list).

use crate::span::Span;
use crate::text::CharSet;
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::sync::OnceLock;

/// Fixed lists of words and, built on first use, one automaton over all
/// of them.
///
/// The automaton is daachorse's charwise one, as for the lexicon: on
/// Chinese words it takes one step a character where aho-corasick's takes
/// three (a byte each), and these lists are searched in every document.
pub(crate) struct WordGroups {
    groups: &'static [&'static [&'static str]],
    ac: OnceLock<Option<Built>>,
}

/// The automaton over the distinct words, and for each of them (its value)
/// the lists that hold it.
type Built = (
    CharwiseDoubleArrayAhoCorasick<u32>,
    Vec<(&'static str, Vec<usize>)>,
);

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
    /// in order of their end; a word in two lists is found for each.
    pub fn find_in<'t>(&'static self, text: &'t str) -> impl Iterator<Item = Found> + 't {
        let built = self.ac.get_or_init(|| self.build()).as_ref();
        built.into_iter().flat_map(move |(ac, words)| {
            ac.find_overlapping_iter(text).flat_map(move |m| {
                let (word, groups) = &words[m.value() as usize];
                groups.iter().map(move |&group| Found {
                    group,
                    start: m.start(),
                    word,
                })
            })
        })
    }

    fn build(&self) -> Option<Built> {
        let mut words: Vec<(&'static str, Vec<usize>)> = Vec::new();
        for (g, list) in self.groups.iter().enumerate() {
            for &w in list.iter().filter(|w| !w.is_empty()) {
                match words.iter_mut().find(|(x, _)| *x == w) {
                    Some((_, groups)) => groups.push(g),
                    None => words.push((w, vec![g])),
                }
            }
        }
        if words.is_empty() {
            return None;
        }
        let ac = CharwiseDoubleArrayAhoCorasick::with_values(
            words.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)),
        )
        .ok()?;
        Some((ac, words))
    }
}

/// The occurrences of `words` in `text` that a left-to-right reading
/// takes: at each position the longest word that starts there, and after it
/// the search goes on past its end (aho-corasick's leftmost-longest, for a
/// handful of words, without building an automaton).
pub(crate) fn leftmost_longest<'w>(
    text: &str,
    words: impl IntoIterator<Item = &'w str>,
) -> Vec<Span> {
    let mut words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let initials: CharSet = words.iter().filter_map(|w| w.chars().next()).collect();
    let mut out = Vec::new();
    let mut next = 0;
    for (pos, c) in text.char_indices() {
        if pos < next || !initials.contains(c) {
            continue;
        }
        if let Some(w) = words.iter().find(|w| text[pos..].starts_with(**w)) {
            out.push(Span::new(pos, pos + w.len()));
            next = pos + w.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    #[test]
    fn leftmost_then_longest() {
        let text = "张三丰和张三、李四来了,张三丰说";
        let found: Vec<&str> = leftmost_longest(text, ["张三", "张三丰", "三丰和", "李四", ""])
            .into_iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(found, ["张三丰", "张三", "李四", "张三丰"]);
    }

    proptest! {
        /// The same occurrences as aho-corasick's leftmost-longest search.
        #[test]
        fn agrees_with_aho_corasick(
            text in "[张三丰李四和、a ]{0,40}",
            words in proptest::collection::vec("[张三丰李四和a]{1,3}", 0..6),
        ) {
            let ours = leftmost_longest(&text, words.iter().map(String::as_str));
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&words)
                .expect("builds");
            let theirs: Vec<Span> = ac
                .find_iter(&text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }

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
