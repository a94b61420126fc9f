//! Text preparation: the normalised view the matchers read, aligned to the
//! original text every reported span refers to.

mod chars;
mod charset;
mod offsets;
mod prepared;

pub(crate) use chars::{
    chars_at_most, enumeration_items, is_enumeration, non_ideographs, starts_an_ideograph_row,
    utf8_width, without_space,
};
pub use chars::{is_cjk, is_clause_break, is_sentence_end};
pub(crate) use charset::LazyCharSet;
pub use offsets::CodePoints;
pub use prepared::Prepared;
