//! Tags one text file and prints its top-level entities, one per line:
//!
//! ```text
//! TYPE start..end text
//! ```
//!
//! Offsets are code points of the file's text; line breaks inside an entity
//! are printed as `\n`.
//!
//! ```text
//! cargo run --example tag_file                       # the first sample document
//! cargo run --example tag_file -- path/to/article.txt
//! ```

use govkg::Extractor;
use std::path::PathBuf;
use std::process::ExitCode;

/// The document tagged when no path is given (relative to the repository).
const DEFAULT: &str = "tests/fixtures/corpus/000_67e299d5ffcb0bd7.txt";

fn main() -> ExitCode {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tag_file: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let id = path
        .file_stem()
        .map_or_else(|| "doc".to_string(), |s| s.to_string_lossy().into_owned());

    let extractor = Extractor::new();
    let doc = extractor.extract(&id, &text);
    for e in doc.entities.iter().filter(|e| !e.nested) {
        let shown = e.text.replace('\r', "\\r").replace('\n', "\\n");
        println!("{} {}..{} {}", e.kind, e.start, e.end, shown);
    }
    ExitCode::SUCCESS
}
