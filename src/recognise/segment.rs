//! jieba-rs, used for local decisions only: where a name or an
//! organisation's left edge ends, and what part of speech a word is.

use crate::span::Span;
use jieba_rs::Jieba;

/// One tagged token, in bytes of the whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub tag: String,
}

impl Token {
    /// Nouns, names, abbreviations, foreign words: what names are made of.
    pub fn is_nominal(&self) -> bool {
        let t = self.tag.as_str();
        t.starts_with('n') || matches!(t, "j" | "eng" | "vn" | "b" | "s" | "x" | "f")
    }

    /// Proper names: persons, places, organisations, other proper nouns.
    pub fn is_proper(&self) -> bool {
        matches!(
            self.tag.as_str(),
            "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "j" | "eng" | "x"
        )
    }
}

/// The segmenter: jieba with govkg's lexicon words added.
pub(crate) struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, &'static str)>) -> Self {
        let mut jieba = Jieba::new();
        for (w, tag) in words {
            if w.chars().count() >= 2 && !jieba.has_word(w) {
                jieba.add_word(w, None, Some(tag));
            }
        }
        Segmenter { jieba }
    }

    /// Tags `text`, which starts at byte `offset` of the document.
    pub fn tag(&self, text: &str, offset: usize) -> Vec<Token> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                span: Span::new(offset + t.byte_start, offset + t.byte_end),
                tag: t.tag.to_string(),
            })
            .collect()
    }

    /// True when jieba's dictionary (with govkg's words) holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// The tag jieba gives `word` on its own, if it is one dictionary word.
    pub fn word_tag(&self, word: &str) -> Option<String> {
        if !self.jieba.has_word(word) {
            return None;
        }
        let toks = self.jieba.tag(word, false);
        match toks.as_slice() {
            [t] => Some(t.tag.to_string()),
            _ => None,
        }
    }
}
