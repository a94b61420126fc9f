//! Dates: reading them as the documents write them, their normalised
//! values, and the date of an article.
//!
//! - [`PartialDate`] reads a written date (`11月20日`, `2018年`,
//!   `2023-2025年`, `6.30`, `二〇二三年九月二十六日`) into year, month and
//!   day, each optional.
//! - [`normalize`] gives its normalised value, ISO 8601 text (`2018-11-20`,
//!   `2018-11`, `2018`, `2023/2025`), the year taken from the text or else
//!   from the article's date; without either it stays year-less
//!   (`--11-20`), and [`is_dated`] says so.
//! - [`article_date`] finds an article's date: its publication line, else
//!   its first full date.
//!
//! The extractor fills [`Entity::value`](crate::Entity::value) of every
//! DATE, `when` of every VISIT ([`Relation::Visit`](crate::Relation::Visit))
//! and the [`Context::date`](crate::document::Context::date) of the
//! document with them:
//!
//! ```
//! let doc = govkg::Extractor::new().extract("a", "发布时间:2018-12-03\n11月20日,区委副书记于勇一行来到七宝镇开展督查。");
//! let date = doc.entities.iter().find(|e| e.text == "11月20日").unwrap();
//! assert_eq!(date.value.as_deref(), Some("2018-11-20"));
//! assert_eq!(doc.context.unwrap().date.as_deref(), Some("2018-12-03"));
//! ```

mod article;
mod fill;
mod value;
pub(crate) mod written;

pub use article::{MARKER_REACH, PUBLICATION_LINE_CHARS, article_date};
pub(crate) use fill::{fill_entity_dates, fill_relation_dates};
pub use value::{is_dated, normalize, value_span};
pub use written::PartialDate;
