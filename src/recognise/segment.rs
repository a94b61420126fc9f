//! jieba-rs, used for local decisions only: where a name or an
//! organisation's left edge ends, and what part of speech a word is.

use super::pos::Pos;
use crate::span::Span;
use jieba_rs::Jieba;

/// One tagged token, in bytes of the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    /// Part-of-speech tag (jieba's tag set), read once from jieba's
    /// string.
    pub tag: Pos,
}

impl Token {
    /// Nouns, names, abbreviations, foreign words: what names are made of.
    pub fn is_nominal(&self) -> bool {
        let t = self.tag;
        t.is_noun()
            || matches!(
                t,
                Pos::J | Pos::Eng | Pos::Vn | Pos::B | Pos::S | Pos::X | Pos::F
            )
    }

    /// Proper names: persons, places, organisations, other proper nouns.
    pub fn is_proper(&self) -> bool {
        matches!(
            self.tag,
            Pos::Nr
                | Pos::Nrt
                | Pos::Nrfg
                | Pos::Ns
                | Pos::Nt
                | Pos::Nz
                | Pos::J
                | Pos::Eng
                | Pos::X
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
            tag: Pos::from_jieba(t.tag),
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
    pub fn word_tag(&self, word: &str) -> Option<Pos> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] => Some(Pos::from_jieba(t.tag)),
            _ => None,
        }
    }
}
