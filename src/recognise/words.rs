//! A handful of words searched in a short text without building an
//! automaton: the names a document has established, found again in it.

use crate::span::Span;

/// The occurrences of `words` in `text` that a left-to-right reading
/// takes: at each position the longest word that starts there, and after it
/// the search goes on past its end (aho-corasick's leftmost-longest, for a
/// handful of words, without building an automaton).
pub(crate) fn leftmost_longest<'w>(
    text: &str,
    words: impl IntoIterator<Item = &'w str>,
) -> Vec<Span> {
    // Every occurrence of every word, found by a byte search each (a
    // handful of words: a few passes that skip most of the text, instead
    // of decoding every char of it), then read by start, longest first.
    // An occurrence of a word's UTF-8 bytes is one of its chars (UTF-8
    // resynchronises), so each starts on a char boundary.
    let mut found: Vec<(usize, std::cmp::Reverse<usize>)> = Vec::new();
    for w in words.into_iter().filter(|w| !w.is_empty()) {
        found.extend(
            memchr::memmem::find_iter(text.as_bytes(), w.as_bytes())
                .map(|at| (at, std::cmp::Reverse(w.len()))),
        );
    }
    found.sort_unstable();
    let mut out = Vec::new();
    let mut next = 0;
    for (pos, std::cmp::Reverse(len)) in found {
        if pos >= next {
            out.push(Span::new(pos, pos + len));
            next = pos + len;
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
}
