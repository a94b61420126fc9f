//! Teaching jieba govkg's names, with the frequencies it would suggest
//! for them worked out ahead of time.
//!
//! jieba learns a word with the frequency that makes it one token
//! (`Jieba::add_word` with no frequency asks `suggest_freq`, which segments
//! the word first). For the embedded lexicon that is 34,000 segmentations
//! on every start (about 60 ms, on the start-up's longest path: they wait
//! for jieba's dictionary), and always the same answers.
//! `taught_frequencies.txt` keeps those answers: with the embedded lexicon
//! and jieba-rs's own dictionary, each word is added with its frequency
//! from the table, which leaves jieba exactly as asking would.
//!
//! The table starts with a fingerprint of what the answers depend on: the
//! words and tags to teach, in order, and what jieba suggests for a few
//! probe words before any is added (its dictionary and its total). When
//! anything differs (a user dictionary, another jieba-rs dictionary) the
//! table is not used and every frequency is asked for, as before. The test
//! below checks the table against asking; `GOVKG_BLESS=1 cargo test
//! --lib taught` writes it again after the dictionaries change.

use super::pos::Pos;
use crate::lexicon::{Level, LexClass, Lexicon};
use jieba_rs::Jieba;

/// The table: `fingerprint <hex>`, then one frequency per line, in the
/// order the words are added.
const TABLE: &str = include_str!("taught_frequencies.txt");

/// Words whose suggested frequencies, asked of jieba before it learns
/// anything, stand for its dictionary in the fingerprint.
/// No rule's vocabulary: any words jieba knows would do, and changing one
/// changes every fingerprint.
const PROBES: &[&str] = &["人民政府", "镇党委书记", "调研指导", "街道办事处", "开发区"];

/// The names of `lexicon` jieba learns, with the tags the recognisers
/// expect of them.
pub(crate) fn teachable(lexicon: &Lexicon) -> Vec<(&str, &'static str)> {
    lexicon
        .entries()
        .iter()
        .filter_map(|e| {
            let tag = match e.class {
                // Villages are too many and too often common words
                // (`新农村`) to teach the segmenter.
                LexClass::Division(Level::Village) => return None,
                LexClass::Division(_) | LexClass::Site => Pos::Ns.as_str(),
                LexClass::Org => Pos::Nt.as_str(),
                LexClass::TitleRole => Pos::N.as_str(),
                LexClass::Person => Pos::Nr.as_str(),
                _ => return None,
            };
            Some((&*e.text, tag))
        })
        .collect()
}

/// Adds `words` that jieba lacks (two characters or more) to `jieba`, each
/// with the frequency jieba suggests for it, taken from the table when the
/// table was made for these words and this jieba.
pub(crate) fn teach(jieba: &mut Jieba, words: &[(&str, &'static str)]) {
    let known = stored(fingerprint(jieba, words));
    add(jieba, words, known.into_iter().flatten());
}

/// Adds `words` as [`teach`] does, asking jieba every frequency, and
/// returns them in order (what the table holds).
#[cfg(test)]
fn teach_asking(jieba: &mut Jieba, words: &[(&str, &'static str)]) -> Vec<usize> {
    add(jieba, words, std::iter::empty())
}

/// Adds the words jieba lacks (two characters or more), each with the
/// next of `known` or, when they run out, the frequency jieba suggests;
/// returns the frequencies the words were added with.
fn add(
    jieba: &mut Jieba,
    words: &[(&str, &'static str)],
    mut known: impl Iterator<Item = usize>,
) -> Vec<usize> {
    let mut freqs = Vec::new();
    for &(w, tag) in words {
        if w.chars().count() >= 2 && !jieba.has_word(w) {
            freqs.push(jieba.add_word(w, known.next(), Some(tag)));
        }
    }
    freqs
}

/// What the frequencies depend on, hashed (FNV-1a, 64 bits): the words
/// and tags in order, and jieba's suggestions for the probe words.
fn fingerprint(jieba: &Jieba, words: &[(&str, &str)]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for p in PROBES {
        eat(&jieba.suggest_freq(p).to_le_bytes());
    }
    for (w, tag) in words {
        eat(w.as_bytes());
        eat(tag.as_bytes());
    }
    h
}

/// The table's frequencies, when it was made for `fingerprint`.
fn stored(fingerprint: u64) -> Option<Vec<usize>> {
    let mut lines = TABLE.lines();
    let head = lines.next()?.strip_prefix("fingerprint ")?;
    if u64::from_str_radix(head, 16).ok()? != fingerprint {
        return None;
    }
    lines.map(|l| l.parse().ok()).collect()
}

/// The table for `words` and `jieba`, as a file.
#[cfg(test)]
fn table(jieba: &mut Jieba, words: &[(&str, &'static str)]) -> String {
    let mut out = format!("fingerprint {:016x}\n", fingerprint(jieba, words));
    for f in teach_asking(jieba, words) {
        out.push_str(&f.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored table is what asking jieba gives for the embedded
    /// lexicon (`GOVKG_BLESS=1` writes it anew).
    #[test]
    fn the_table_is_what_asking_gives() {
        let lexicon = Lexicon::embedded();
        let words = teachable(&lexicon);
        let fresh = table(&mut Jieba::new(), &words);
        if std::env::var_os("GOVKG_BLESS").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/recognise/taught_frequencies.txt"
            );
            std::fs::write(path, &fresh).expect("the table is written");
        } else {
            assert!(
                fresh == TABLE,
                "src/recognise/taught_frequencies.txt is out of date: \
                 GOVKG_BLESS=1 cargo test --lib taught"
            );
        }
    }

    /// Taught from the table or by asking, jieba ends the same: every
    /// word it learnt has the same frequency and segments the same.
    #[test]
    fn the_table_teaches_what_asking_teaches() {
        let lexicon = Lexicon::embedded();
        let words = teachable(&lexicon);
        assert!(stored(fingerprint(&Jieba::new(), &words)).is_some());
        let mut from_table = Jieba::new();
        teach(&mut from_table, &words);
        let mut asking = Jieba::new();
        teach_asking(&mut asking, &words);
        for (w, _) in words.iter().step_by(97) {
            assert_eq!(from_table.suggest_freq(w), asking.suggest_freq(w), "{w}");
        }
        let text = "区委副书记于勇赴七宝镇调研,镇党委书记陪同。";
        assert_eq!(from_table.tag(text, true), asking.tag(text, true));
    }

    /// Other words than the table's, or none: every frequency is asked.
    #[test]
    fn other_words_are_asked() {
        let words = [("新造词组", "nt"), ("七宝", "ns")];
        assert!(stored(fingerprint(&Jieba::new(), &words)).is_none());
        let mut taught = Jieba::new();
        teach(&mut taught, &words);
        let mut asking = Jieba::new();
        let freqs = teach_asking(&mut asking, &words);
        assert!(!freqs.is_empty());
        assert!(taught.has_word("新造词组"));
        assert_eq!(
            taught.suggest_freq("新造词组"),
            asking.suggest_freq("新造词组")
        );
        teach(&mut Jieba::new(), &[]);
    }
}
