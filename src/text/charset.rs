//! A small set of chars, asked at every character of a text.

/// A set of a few dozen chars (the first characters of a word list), for
/// loops that ask at every character of a text whether a word could start
/// there. A 256-bit filter on the chars' low bits turns most characters
/// away with one load; the rest are looked up in the sorted list.
#[derive(Debug, Clone, Default)]
pub(crate) struct CharSet {
    filter: [u64; 4],
    sorted: Vec<char>,
}

impl CharSet {
    /// True when `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let low = c as u32 & 255;
        self.filter[(low >> 6) as usize] & 1 << (low & 63) != 0
            && self.sorted.binary_search(&c).is_ok()
    }
}

/// The [`CharSet`] of a constant string's chars, or of the first chars of
/// a constant word list, made on first use: a `static` set that loops ask
/// about at every character.
pub(crate) struct LazyCharSet {
    source: Source,
    set: std::sync::OnceLock<CharSet>,
}

/// What a [`LazyCharSet`] is made of.
enum Source {
    Chars(&'static str),
    Initials(&'static [&'static str]),
}

impl LazyCharSet {
    /// The set of the chars of `chars`.
    pub const fn new(chars: &'static str) -> Self {
        LazyCharSet {
            source: Source::Chars(chars),
            set: std::sync::OnceLock::new(),
        }
    }

    /// The set of the first chars of `words`: a position whose char is not
    /// in it starts none of them.
    pub const fn initials(words: &'static [&'static str]) -> Self {
        LazyCharSet {
            source: Source::Initials(words),
            set: std::sync::OnceLock::new(),
        }
    }

    /// True when `c` is one of the chars.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.set
            .get_or_init(|| match self.source {
                Source::Chars(chars) => chars.chars().collect(),
                Source::Initials(words) => words.iter().filter_map(|w| w.chars().next()).collect(),
            })
            .contains(c)
    }
}

/// A constant word list and the set of its first chars, for loops that
/// ask at every character which of the words starts there: a character
/// that starts none is passed over with one look-up.
pub(crate) struct Words {
    list: &'static [&'static str],
    initials: LazyCharSet,
}

impl Words {
    /// The words of `list`, tried in its order.
    pub const fn new(list: &'static [&'static str]) -> Self {
        Words {
            list,
            initials: LazyCharSet::initials(list),
        }
    }

    /// The first word of the list, in list order, that starts with `first`
    /// and is written where `written_at` says.
    #[inline]
    pub fn find(&self, first: char, written_at: impl Fn(&str) -> bool) -> Option<&'static str> {
        if !self.initials.contains(first) {
            return None;
        }
        self.list.iter().copied().find(|w| written_at(w))
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> Self {
        let mut sorted: Vec<char> = chars.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut filter = [0u64; 4];
        for &c in &sorted {
            let low = c as u32 & 255;
            filter[(low >> 6) as usize] |= 1 << (low & 63);
        }
        CharSet { filter, sorted }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn holds_exactly_its_chars(members in proptest::collection::vec(any::<char>(), 0..40), asked in any::<char>()) {
            let set: CharSet = members.iter().copied().collect();
            prop_assert_eq!(set.contains(asked), members.contains(&asked));
            for &m in &members {
                prop_assert!(set.contains(m));
            }
        }
    }

    #[test]
    fn a_lazy_set_holds_its_string_s_chars() {
        static SET: LazyCharSet = LazyCharSet::new("至到、 ");
        for c in "至到、 ".chars() {
            assert!(SET.contains(c));
        }
        assert!(!SET.contains('在') && !SET.contains(','));
    }

    #[test]
    fn initials_are_the_first_chars_of_the_words() {
        static SET: LazyCharSet = LazyCharSet::initials(&["调研", "考察", "", "调查"]);
        assert!(SET.contains('调') && SET.contains('考'));
        assert!(!SET.contains('研') && !SET.contains('查'));
    }

    #[test]
    fn words_are_found_in_list_order_from_their_first_char() {
        static WORDS: Words = Words::new(&["调研", "调研组", "考察"]);
        let at = |rest: &'static str| move |w: &str| rest.starts_with(w);
        assert_eq!(WORDS.find('调', at("调研组来")), Some("调研"));
        assert_eq!(WORDS.find('考', at("考察")), Some("考察"));
        assert_eq!(WORDS.find('调', at("调查")), None);
        // A char no word starts with is not tried.
        assert_eq!(WORDS.find('研', |_| true), None);
    }

    #[test]
    fn chars_sharing_low_bits_are_told_apart() {
        // 七 (U+4E03) and U+0103 share their low byte.
        let set: CharSet = ['七'].into_iter().collect();
        assert!(set.contains('七') && !set.contains('\u{0103}') && !set.contains('宝'));
        assert!(!CharSet::default().contains('七'));
    }
}
