//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// `tests/fixtures/` of this crate.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `(file stem, text)` of every sample document in `tests/fixtures/corpus/`,
/// sorted by file name.
pub fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("corpus"))
        .expect("tests/fixtures/corpus exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (stem, std::fs::read_to_string(p).expect("UTF-8 fixture"))
        })
        .collect()
}
