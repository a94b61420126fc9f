//! Self-contained HTML pages for people who would rather look than read.
//!
//! - [`write_documents`]: each document with its entities highlighted by
//!   type and its relations listed under it with their evidence (what
//!   `govkg tag --format html` writes).
//! - [`write_graph`]: the knowledge graph drawn in the page, with a search
//!   box and a panel showing a node's mentions and evidence (what
//!   `govkg graph --format html` writes).
//!
//! Each page is one file that needs no network: its style sheet and its
//! script (a small force layout written for govkg, licensed like it) are
//! inside it. Every piece of document text is untrusted: it is escaped on
//! output ([`escape`]), the graph's data sits in a
//! `<script type="application/json">` block that no text can close, and a
//! Content-Security-Policy allows no remote load and no script but the
//! page's own, named by its hash, so neither an inline `<script>` nor an
//! `onerror=` attribute could run even if one slipped through.
//!
//! ```
//! use govkg::{Extractor, KnowledgeGraph, export::html};
//! let ex = Extractor::new();
//! let doc = ex.extract("a", "区委副书记于勇来到七宝镇。");
//! let mut out = Vec::new();
//! html::write_graph(&KnowledgeGraph::from_documents([&doc], ex.lexicon()), &mut out)?;
//! assert!(String::from_utf8(out).unwrap().contains("<svg"));
//! # Ok::<(), std::io::Error>(())
//! ```

mod documents;
pub mod escape;
mod graph;
mod marks;
mod page;

pub use documents::write_documents;
pub use graph::write_graph;
