//! Which node a mention is: the one place where names as written become
//! node ids.
//!
//! A [`Resolver`] is made per document, with the document at hand, so that
//! a decision may use what the document says: the places it names decide a
//! place's short form ([`super::placename`]), and bodies take their
//! canonical name ([`super::orgname`]). Persons and plots are keyed by
//! their name as written (normalised); keying a person by name *and*
//! jurisdiction (issue 23) belongs here too, with the document's context
//! and the posts its relations give.

use super::orgname::canonical_org;
use super::placename::PlaceNames;
use super::{NodeId, NodeKind, normalize_name};
use crate::document::Document;
use crate::lexicon::Lexicon;

/// A mention's node, and the name as written when it differs from the
/// node's (to be kept as an alias).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Resolved {
    /// The node.
    pub id: NodeId,
    /// The written name, normalised, when the node is named otherwise.
    pub alias: Option<String>,
}

/// Decides the nodes of one document's mentions.
pub(super) struct Resolver<'l> {
    lex: &'l Lexicon,
    places: PlaceNames<'l>,
}

impl<'l> Resolver<'l> {
    /// A resolver for the mentions of `doc`.
    pub(super) fn new(lex: &'l Lexicon, doc: &Document) -> Self {
        Resolver {
            lex,
            places: PlaceNames::new(lex, doc),
        }
    }

    /// The node of a `kind` mention written `text`; `None` for a name that
    /// is empty once normalised.
    pub(super) fn resolve(&self, kind: NodeKind, text: &str) -> Option<Resolved> {
        let written = normalize_name(text);
        if written.is_empty() {
            return None;
        }
        let name = match kind {
            NodeKind::Place => self.places.canonical(&written),
            NodeKind::Org => canonical_org(self.lex, &written),
            _ => written.clone(),
        };
        let alias = (name != written).then_some(written);
        Some(Resolved {
            id: NodeId::new(kind, &name),
            alias,
        })
    }
}
