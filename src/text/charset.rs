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

/// The [`CharSet`] of a constant string's chars, made on first use: a
/// `static` set that loops ask about at every character.
pub(crate) struct LazyCharSet {
    chars: &'static str,
    set: std::sync::OnceLock<CharSet>,
}

impl LazyCharSet {
    /// The set of the chars of `chars`.
    pub const fn new(chars: &'static str) -> Self {
        LazyCharSet {
            chars,
            set: std::sync::OnceLock::new(),
        }
    }

    /// True when `c` is one of the chars.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.set
            .get_or_init(|| self.chars.chars().collect())
            .contains(c)
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
    fn chars_sharing_low_bits_are_told_apart() {
        // 七 (U+4E03) and U+0103 share their low byte.
        let set: CharSet = ['七'].into_iter().collect();
        assert!(set.contains('七') && !set.contains('\u{0103}') && !set.contains('宝'));
        assert!(!CharSet::default().contains('七'));
    }
}
