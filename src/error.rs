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
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
