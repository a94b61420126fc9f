//! # govkg
//!
//! govkg reads Chinese local-government news and reports and finds who
//! visited where and who leads what. This crate is its library: an
//! [`Extractor`] that recognises PERSON, TITLE, PLACE, ORG, PLOT and DATE
//! mentions with dictionaries and pattern rules, and returns a
//! [`Document`] in the JSON shape of the extraction spec.
//!
//! ## Extract entities
//!
//! ```
//! use govkg::{EntityKind, Extractor};
//!
//! let extractor = Extractor::new();
//! let doc = extractor.extract("000", "七宝镇党委书记严俊、副书记姚媚等陪同督查。");
//! let persons: Vec<&str> = doc.entities_of(EntityKind::Person).map(|e| e.text.as_str()).collect();
//! assert_eq!(persons, ["严俊", "姚媚"]);
//! println!("{}", serde_json::to_string(&doc).unwrap());
//! ```
//!
//! ## Add a user dictionary
//!
//! Dictionaries are UTF-8 text, one `TEXT<TAB>KIND[<TAB>ATTRS]` entry per
//! line (see `dictionaries/README.md`):
//!
//! ```
//! let ex = govkg::Extractor::builder()
//!     .dictionary_reader("extra.txt", "# my places\n莘庄镇\tplace.town\tparent=上海市/闵行区\n".as_bytes())?
//!     .build()?;
//! assert!(ex.lexicon().is("莘庄镇", govkg::LexClass::Division(govkg::Level::Town)));
//! # Ok::<(), govkg::Error>(())
//! ```
//!
//! ## Build a knowledge graph
//!
//! ```
//! use govkg::{DateRange, Extractor, KnowledgeGraph};
//!
//! let ex = Extractor::new();
//! let docs = [ex.extract("000", "11月20日,区委副书记于勇一行来到七宝镇开展督查。")];
//! let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
//! for visit in g.visitors("七宝镇", &DateRange::any())? {
//!     println!("{} {:?}", visit.source().name(), visit.date());
//! }
//! # Ok::<(), govkg::Error>(())
//! ```
//!
//! ## Export it
//!
//! ```
//! use govkg::{Extractor, KnowledgeGraph, export::{self, Format}};
//!
//! let ex = Extractor::new();
//! let docs = [ex.extract("000", "11月20日,区委副书记于勇一行来到七宝镇开展督查。")];
//! let g = KnowledgeGraph::from_documents(&docs, ex.lexicon());
//! let mut graphml = Vec::new();
//! export::write(&g, Format::GraphMl, &mut graphml)?; // Gephi, yEd, networkx
//! let mut page = Vec::new();
//! export::write(&g, Format::Html, &mut page)?; // a self-contained page for a browser
//! assert!(String::from_utf8_lossy(&graphml).contains("七宝镇"));
//! # Ok::<(), govkg::Error>(())
//! ```
//!
//! See [`graph`] for nodes, edges and queries, and [`export`] for node-link
//! JSON, GraphML, Neo4j CSV, DOT and the HTML pages.
//!
//! ## Pipeline
//!
//! `text` (normalise, align) → `matcher` (one automaton over every lexicon
//! entry) → `recognise` (one module per entity type) → `relate` (relations)
//! → [`Document`] → [`graph`] → [`export`].

#![deny(missing_docs)]

pub mod batch;
mod chunks;
pub mod dates;
pub mod document;
mod error;
pub mod eval;
pub mod export;
mod extractor;
pub mod graph;
pub mod lexicon;
pub mod matcher;
mod recognise;
mod relate;
pub mod rule_scores;
pub mod rules;
mod span;
pub mod text;
pub mod validate;

pub use document::{Context, Document, Entity, Relation};
pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder, Options};
pub use graph::{DateRange, KnowledgeGraph, NodeId, NodeKind};
pub use lexicon::{Level, LexClass, Lexicon, LexiconBuilder};
pub use rules::Rule;
pub use span::{EntityKind, Span};

/// The README's Rust examples, compiled and run by `cargo test --doc`, so
/// that the front page cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
