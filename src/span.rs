//! Byte spans and the six entity kinds.
//!
//! Inside the pipeline every position is a **byte** offset into a `&str`
//! (so slicing is free and always on a char boundary). Code-point offsets,
//! which the JSON output uses, appear only at the edge, in
//! [`crate::document`].

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into some text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies inside `self` (equal spans contain each other).
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The entity types of the extraction spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person's full name (`于勇`).
    Person,
    /// A job title as written, with its glued organisation (`区委副书记`).
    Title,
    /// A named place (`七宝镇`, `宝铭路`).
    Place,
    /// A named organisation (`区委宣传部`).
    Org,
    /// A land-plot or planning-unit code (`373地块`).
    Plot,
    /// A calendar date or year (`11月20日`).
    Date,
}

impl EntityKind {
    /// All kinds, in the spec's order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Title,
        EntityKind::Place,
        EntityKind::Org,
        EntityKind::Plot,
        EntityKind::Date,
    ];

    /// The spec's upper-case name (`"PERSON"`).
    pub const fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Title => "TITLE",
            EntityKind::Place => "PLACE",
            EntityKind::Org => "ORG",
            EntityKind::Plot => "PLOT",
            EntityKind::Date => "DATE",
        }
    }

    /// Parses the spec's name, case-insensitively.
    ///
    /// ```
    /// use govkg::EntityKind;
    /// assert_eq!(EntityKind::parse("place"), Some(EntityKind::Place));
    /// assert_eq!(EntityKind::parse("city"), None);
    /// ```
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
