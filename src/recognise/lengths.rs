//! Lengths the recognisers share, in characters (digits for a year):
//! the shape of a word and of a Chinese name. A rule that counts its own
//! thing (the longest ordinal, the longest abbreviation) names it where it
//! counts it.

/// Two characters: the shortest word that is more than one character (a
/// stem before a suffix, a noun, a body's name before a post).
pub(crate) const WORD_CHARS: usize = 2;

/// The most characters of a Chinese given name: one or two.
pub(crate) const MAX_GIVEN_CHARS: usize = 2;

/// The fewest characters of a Chinese name: a surname and one given-name
/// character.
pub(crate) const MIN_NAME_CHARS: usize = 2;

/// The characters of a full name: a surname and two given-name characters.
pub(crate) const FULL_NAME_CHARS: usize = 3;

/// The digits of a year written out (`2023`).
pub(crate) const YEAR_DIGITS: usize = 4;

/// The longest Chinese name: a two-character surname and two given-name
/// characters.
pub(crate) const MAX_NAME_CHARS: usize = 4;

/// The lengths of a Chinese name to try at a place, longest first.
pub(crate) const NAME_LENGTHS: [usize; 2] = [FULL_NAME_CHARS, MIN_NAME_CHARS];
