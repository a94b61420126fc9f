//! The serde model of the spec's JSON: one [`Document`] per input text.
//!
//! Offsets here are **Unicode code points** of the original text (Python's
//! `text[start:end]`), end exclusive, as the spec requires.

use crate::span::EntityKind;
use serde::{Deserialize, Serialize};

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Identifier within the document (`e1`, `e2`, …).
    pub id: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text of the span (line breaks included).
    pub text: String,
    /// True for a span inside a longer entity (the PLACE `七宝镇` inside the
    /// TITLE `七宝镇党委书记`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nested: bool,
    /// A DATE's normalised value: `2018-11-20`, `2018-11`, `2018`, or
    /// `--11-20` (ISO 8601's form without a year) when no year can be told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The rule that made it (filled when explaining, see
    /// [`crate::Options::explain`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A relation between entities (see the spec's relation types).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum Relation {
    /// The head went to the tail to inspect, research or visit.
    #[serde(rename = "VISIT")]
    Visit {
        /// Entity id of the visitor (PERSON or ORG).
        head: String,
        /// Entity id of the place, organisation or plot visited.
        tail: String,
        /// The visitor's text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        head_text: Option<String>,
        /// The visited entity's text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tail_text: Option<String>,
        /// The DATE text of the sentence or paragraph lead.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        /// What for (调研, 督查, 考察 …), as written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purpose: Option<String>,
        /// `date` normalised, as [`Entity::value`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<String>,
        /// Code-point range of the sentence(s) stating it.
        evidence: [usize; 2],
        /// The rule that made it (filled when explaining).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<String>,
    },
    /// The head holds a post in an organisation.
    #[serde(rename = "LEADS")]
    Leads {
        /// Entity id of the person.
        head: String,
        /// The person's text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        head_text: Option<String>,
        /// The organisation, resolved in full from the document.
        org: String,
        /// The post minus its organisation (书记, 副区长).
        role: String,
        /// Entity id of the TITLE mention.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// Code-point range of the sentence(s) stating it.
        evidence: [usize; 2],
        /// The rule that made it (filled when explaining).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<String>,
    },
    /// The head accompanied the tail on a visit.
    #[serde(rename = "ACCOMPANY")]
    Accompany {
        /// Entity id of the companion.
        head: String,
        /// Entity id of the visitor.
        tail: String,
        /// The companion's text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        head_text: Option<String>,
        /// The visitor's text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tail_text: Option<String>,
        /// Code-point range of the sentence(s) stating it.
        evidence: [usize; 2],
        /// The rule that made it (filled when explaining).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<String>,
    },
}

/// The extraction result for one text, in the spec's JSON shape.
///
/// ```
/// let doc = govkg::Extractor::new().extract("000", "11月20日,区委副书记于勇一行来到七宝镇开展督查。");
/// let json = serde_json::to_string(&doc).unwrap();
/// let back: govkg::Document = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The input's identifier (file name or the `id` of an input JSON line).
    pub id: String,
    /// The original text (omitted with `--no-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Entity mentions, sorted by start.
    pub entities: Vec<Entity>,
    /// Relations between them.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// What the document is about: its place and date, as far as the text
    /// says (absent when it says nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// Candidates a rule rejected, with the rule (only when explaining).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
}

/// A candidate span that a rule rejected (reported when explaining).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The type it would have had.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// The rule that rejected it.
    pub rule: String,
    /// The rule that proposed it.
    pub source: String,
}

/// The article context: the divisions a document is about and its date,
/// taken from its headline, dateline, lead and the places it names.
///
/// Abbreviated bodies resolve against it (`区委` in an article about
/// 青山区 is 青山区委), and dates without a year take its year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// The province (or municipality, autonomous region) named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The prefecture-level city (or league, autonomous prefecture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The county-level division: district, county, county-level city, banner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The township-level division: town, township, street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The article's date, normalised (`2025-03-10`, `2025-03` or `2025`),
    /// from a publication line or a dated lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How sure the place is: `high` when the headline, dateline or byline
    /// names it, `medium` when the body names it most, `low` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Certainty>,
}

/// How sure an article context is of its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Only a place named in passing.
    Low,
    /// The place the body names most.
    Medium,
    /// Named by the headline, dateline or byline.
    High,
}

impl Context {
    /// The most specific division named (town, else county, city, province).
    pub fn most_specific(&self) -> Option<&str> {
        self.town
            .as_deref()
            .or(self.county.as_deref())
            .or(self.city.as_deref())
            .or(self.province.as_deref())
    }
}

impl Document {
    /// The entities of one kind.
    pub fn entities_of(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
