//! jieba-rs, used for local decisions only: where a name or an
//! organisation's left edge ends, and what part of speech a word is.

use crate::span::Span;
use jieba_rs::Jieba;

/// One tagged token, in bytes of the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    /// Part-of-speech tag (jieba's tag set), interned: no allocation per
    /// token.
    pub tag: &'static str,
}

/// jieba's part-of-speech tags (its dictionary's and its HMM tagger's),
/// and `eng`, which it gives to Latin words.
const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h", "i",
    "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt",
    "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj",
    "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// The static copy of a tag; a tag outside jieba's set reads as `x`
/// (unknown), which every rule treats as "not a word class it knows".
fn intern(tag: &str) -> &'static str {
    // Nearly every tag is one or two lower-case letters: those are looked
    // up by their letters in a table built at compile time; longer ones by
    // a binary search.
    match slot(tag.as_bytes()) {
        Some(i) => SHORT_TAGS[i],
        None => TAGS.binary_search(&tag).map_or("x", |i| TAGS[i]),
    }
}

/// The place of a tag of one or two lower-case letters in [`SHORT_TAGS`].
const fn slot(t: &[u8]) -> Option<usize> {
    const fn letter(c: u8) -> Option<usize> {
        if c.is_ascii_lowercase() {
            Some((c - b'a') as usize)
        } else {
            None
        }
    }
    match *t {
        [a] => match letter(a) {
            Some(a) => Some(a * 27),
            None => None,
        },
        [a, b] => match (letter(a), letter(b)) {
            (Some(a), Some(b)) => Some(a * 27 + b + 1),
            _ => None,
        },
        _ => None,
    }
}

/// Every tag of [`TAGS`] of one or two letters at its [`slot`], `x`
/// elsewhere.
static SHORT_TAGS: [&str; 26 * 27] = {
    let mut table = ["x"; 26 * 27];
    let mut k = 0;
    while k < TAGS.len() {
        if let Some(i) = slot(TAGS[k].as_bytes()) {
            table[i] = TAGS[k];
        }
        k += 1;
    }
    table
};

impl Token {
    /// Nouns, names, abbreviations, foreign words: what names are made of.
    pub fn is_nominal(&self) -> bool {
        let t = self.tag;
        t.starts_with('n') || matches!(t, "j" | "eng" | "vn" | "b" | "s" | "x" | "f")
    }

    /// Proper names: persons, places, organisations, other proper nouns.
    pub fn is_proper(&self) -> bool {
        matches!(
            self.tag,
            "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "j" | "eng" | "x"
        )
    }
}

/// The segmenter: jieba with govkg's lexicon words added.
pub(crate) struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// `jieba` (as `Jieba::new` made it, perhaps on another thread while
    /// the lexicon was built) with `words` added (see [`super::taught`]).
    pub fn with_base(mut jieba: Jieba, words: &[(&str, &'static str)]) -> Self {
        super::taught::teach(&mut jieba, words);
        Segmenter { jieba }
    }

    /// Tags `text`, which starts at byte `offset` of the document, and
    /// appends its tokens to `out`.
    pub fn tag_into(&self, text: &str, offset: usize, out: &mut Vec<Token>) {
        out.extend(self.jieba.tag(text, true).into_iter().map(|t| Token {
            span: Span::new(offset + t.byte_start, offset + t.byte_end),
            tag: intern(t.tag),
        }));
    }

    /// True when jieba's dictionary (with govkg's words) holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// How often jieba's dictionary counts `word` (a rare word is as
    /// often a name: `罗干`), or `None` when it holds no such word.
    pub fn word_freq(&self, word: &str) -> Option<usize> {
        // For a dictionary word read as one token, `suggest_freq` is its
        // count plus one.
        self.jieba
            .has_word(word)
            .then(|| self.jieba.suggest_freq(word).saturating_sub(1))
    }

    /// The tag jieba gives `word` on its own, if it is one dictionary word.
    pub fn word_tag(&self, word: &str) -> Option<&'static str> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] => Some(intern(t.tag)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_sorted_for_the_binary_search() {
        assert!(TAGS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(intern("ns"), "ns");
        assert_eq!(intern("nrfg"), "nrfg");
        assert_eq!(intern("???"), "x");
        // Every tag, short or long, is its own interned copy.
        assert!(TAGS.iter().all(|t| intern(t) == *t));
        for unknown in ["", "A", "zz", "nX", "qq", "ab", "é"] {
            assert_eq!(intern(unknown), "x", "{unknown}");
        }
    }
}
