//! The closed sets of the grammar that stay in code: level words,
//! numerals, conjunctions and unit characters. Every rule that reads one
//! asks here, so that each set is written once.
//!
//! They are not in `dictionaries/` with the other grammar words
//! (`grammar.txt`): they are closed sets of the language, mostly single
//! characters (`市`, `区`, `县`, `一`, `十`) that the automaton would find
//! at every few characters of a government text, and the rules that walk
//! a name character by character ask a character's class, not a hit's.
//!
//! Level words are the generic ending of a division's name written alone,
//! before a body (`区` in `区委`, `街道` in `街道党工委`), in a post
//! (`镇长`) or after a short form (`东乡` + `县`).

use super::Level;

/// Every level word with the level of the divisions it ends, longest
/// first: 市 ends the names of cities (its own level here), and also of
/// municipalities and county-level cities (see [`Level::fits_word`]).
const WORDS: [(&str, Level); 11] = [
    ("街道", Level::Town),
    ("省", Level::Province),
    ("市", Level::City),
    ("州", Level::City),
    ("盟", Level::City),
    ("区", Level::County),
    ("县", Level::County),
    ("旗", Level::County),
    ("镇", Level::Town),
    ("乡", Level::Town),
    ("村", Level::Village),
];

/// Level words that end proper names and common words as often as they
/// name a level (`杭州`, `神州`; `欧盟`, `联盟`): a stretch of unknown text
/// ending in one is no division's name on that alone.
const LOOSE: [&str; 2] = ["州", "盟"];

/// The one-character level words of [`WORDS`] with their levels, made
/// from it when compiling: the rules walking a name ask one per character.
const CHARS: [(char, Level); 10] = {
    let mut out = [('\0', Level::Country); 10];
    let (mut i, mut n) = (0, 0);
    while i < WORDS.len() {
        let b = WORDS[i].0.as_bytes();
        // One character of the basic plane: three bytes of UTF-8.
        if b.len() == 3 {
            let c =
                ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F);
            out[n] = (char::from_u32(c).expect("UTF-8"), WORDS[i].1);
            n += 1;
        }
        i += 1;
    }
    assert!(n == out.len(), "every level word but 街道 is one character");
    out
};

/// The one-character level words (`省`, `区`, `村` …).
pub(crate) fn level_chars() -> impl Iterator<Item = char> {
    CHARS.iter().map(|&(c, _)| c)
}

impl Level {
    /// The level a one-character level word names (`区` → county).
    ///
    /// ```
    /// use govkg::Level;
    /// assert_eq!(Level::of_char('镇'), Some(Level::Town));
    /// assert_eq!(Level::of_char('委'), None);
    /// ```
    pub fn of_char(c: char) -> Option<Level> {
        CHARS.iter().find(|&&(k, _)| k == c).map(|&(_, l)| l)
    }

    /// The level word that `text` is, with its level (`街道`, `区`).
    pub fn of_word(text: &str) -> Option<Level> {
        WORDS.iter().find(|(w, _)| *w == text).map(|&(_, l)| l)
    }

    /// The level word that `text` starts with, longest first
    /// (`街道党工委` → `街道`), and its level.
    pub fn word_starting(text: &str) -> Option<(&'static str, Level)> {
        WORDS.iter().find(|(w, _)| text.starts_with(w)).copied()
    }

    /// The level word that `text` ends with, longest first
    /// (`南京东路街道` → `街道`), and its level.
    pub fn word_ending(text: &str) -> Option<(&'static str, Level)> {
        WORDS.iter().find(|(w, _)| text.ends_with(w)).copied()
    }

    /// The level word that `text` ends with, as [`Level::word_ending`],
    /// when it says that `text` names a division: not a village's, and
    /// not one that ends other names as often (`州`, `盟`).
    pub fn division_word_ending(text: &str) -> Option<(&'static str, Level)> {
        Level::word_ending(text).filter(|(w, l)| *l != Level::Village && !LOOSE.contains(w))
    }

    /// True when a division of this level can be written with the level
    /// word `w`: its own level, and for `市` also a municipality
    /// (`上海市`) and a county-level city.
    ///
    /// ```
    /// use govkg::Level;
    /// assert!(Level::Province.fits_word("市"));
    /// assert!(Level::County.fits_word("旗"));
    /// assert!(!Level::Town.fits_word("区"));
    /// ```
    pub fn fits_word(self, w: &str) -> bool {
        match Level::of_word(w) {
            Some(Level::City) if w == "市" => {
                matches!(self, Level::Province | Level::City | Level::County)
            }
            Some(l) => l == self,
            None => false,
        }
    }
}

/// A character of a number written in Chinese numerals, as counts and
/// ordinals are (`第十七届`, `第三巡视组`, `一百零一`): the digits with
/// `〇` and `零`, and the units `十` and `百`. (`两` counts things, it
/// numbers none: `两届` is no term.)
pub(crate) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

/// A conjunction joining two names of a list (`甲和乙`, `甲与乙`, `甲及乙`).
pub(crate) fn is_conjunction(c: char) -> bool {
    matches!(c, '和' | '与' | '及')
}

/// A unit character: written right after a verb of visiting, it makes a
/// body or a post of it (`督查室`, `调研组`, `考察团`, `调研员`, `督查办`,
/// `督查处`, `调研科`, `督查队`), no visit.
pub(crate) fn is_unit_char(c: char) -> bool {
    matches!(c, '室' | '组' | '团' | '员' | '办' | '处' | '科' | '队')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first() {
        assert_eq!(
            Level::word_starting("街道党工委"),
            Some(("街道", Level::Town))
        );
        assert_eq!(Level::word_ending("某某街道"), Some(("街道", Level::Town)));
        assert_eq!(Level::word_ending("某某道"), None);
        for (w, l) in WORDS {
            if let [c] = w.chars().collect::<Vec<_>>()[..] {
                assert_eq!(Level::of_char(c), Some(l), "{w}");
            }
        }
        for (i, (a, _)) in WORDS.iter().enumerate() {
            for (b, _) in &WORDS[i + 1..] {
                assert!(!b.starts_with(a) && !b.ends_with(a), "{b} after {a}");
            }
        }
    }
}
