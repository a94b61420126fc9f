//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong in govkg. Messages name the file and line
/// where one is known.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary line could not be read.
    #[error("{source_name}:{line}: {message}")]
    Dictionary {
        /// The dictionary's name (a path, or `<embedded:NAME>`).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// An input or output file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A JSON document could not be parsed.
    #[error("{source_name}:{line}: {message}")]
    Json {
        /// The file (or `<stdin>`).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// Building the automaton failed.
    #[error("cannot build the matcher: {0}")]
    Matcher(String),
    /// A saved graph could not be read: the file is damaged, truncated, or
    /// not a graph saved by govkg.
    #[error("{source_name}: not a usable govkg graph: {message}")]
    GraphFile {
        /// The file (or `<input>` for a reader).
        source_name: String,
        /// What is wrong, with the line and column where JSON is broken.
        message: String,
    },
    /// A query named a node the graph does not hold.
    #[error("no {kinds} named {name:?} in the graph{}", closest_names(closest))]
    UnknownNode {
        /// The name as given.
        name: String,
        /// The kinds looked for (`person or org`).
        kinds: String,
        /// The ids of the nodes with the closest names, nearest first.
        closest: Vec<String>,
    },
    /// A name given to a query names several nodes.
    #[error("{name:?} names {} nodes: {}; write one of them in full, as KIND:NAME or NAME@PLACE", candidates.len(), candidates.join(", "))]
    AmbiguousNode {
        /// The name as given.
        name: String,
        /// The ids of the nodes it names.
        candidates: Vec<String>,
    },
    /// A date or date range given to a query is unusable: unreadable,
    /// without a year, or reversed.
    #[error(
        "date {text:?}: {reason} (write dates like 2018年11月20日, 2018年11月, 2018 or 2018-11-20)"
    )]
    InvalidDate {
        /// The date (or range) as given.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// `; closest: A, B` for an unknown name, or nothing.
fn closest_names(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", closest.join(", "))
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
