//! What `govkg tag` writes for each document, by output format.
//!
//! Documents are rendered on the worker threads (into bytes), so the
//! writer only copies bytes in order; a new format adds a variant and its
//! arms here.

use super::source::Failure;

/// The output formats of `govkg tag`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagFormat {
    /// JSON Lines: one object per document, and one error row per input
    /// that gave none.
    #[default]
    Jsonl,
    /// One self-contained HTML page showing every document with its
    /// entities highlighted and its relations, for a web browser.
    Html,
}

impl TagFormat {
    /// Appends a tagged document.
    pub fn document(self, doc: &govkg::Document, out: &mut Vec<u8>) {
        match self {
            // The HTML page is written whole by `tag::run_html`, from
            // documents tagged as JSON Lines.
            TagFormat::Jsonl | TagFormat::Html => {
                // A Document always serialises (strings, numbers, arrays).
                if serde_json::to_writer(&mut *out, doc).is_ok() {
                    out.push(b'\n');
                }
            }
        }
    }

    /// Appends the error row that stands for an input (a file, a JSON
    /// line, standard input) that gave no document, so that outputs line
    /// up with inputs: `{"id": <id or null>, "path": "...", "line": <N or
    /// null>, "error": "..."}`.
    pub fn error_object(self, f: &Failure, out: &mut Vec<u8>) {
        match self {
            TagFormat::Jsonl | TagFormat::Html => {
                let v = serde_json::json!({
                    "id": f.document_id(),
                    "path": f.name,
                    "line": f.line,
                    "error": f.message,
                });
                out.extend_from_slice(v.to_string().as_bytes());
                out.push(b'\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_object_shape() {
        let f = Failure {
            name: "<stdin>".into(),
            line: Some(3),
            id: None,
            message: "not JSON: EOF".into(),
        };
        let mut out = Vec::new();
        TagFormat::Jsonl.error_object(&f, &mut out);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"id": null, "path": "<stdin>", "line": 3, "error": "not JSON: EOF"})
        );
        assert_eq!(out.last(), Some(&b'\n'));
    }

    #[test]
    fn a_failed_file_is_named_by_its_stem() {
        let row = |name: &str| {
            let mut out = Vec::new();
            TagFormat::Jsonl.error_object(&Failure::of_file(name, "empty file"), &mut out);
            serde_json::from_slice::<serde_json::Value>(&out).unwrap()
        };
        assert_eq!(row("corpus/a.txt")["id"], "a");
        assert_eq!(row("corpus/a.txt")["line"], serde_json::Value::Null);
        assert_eq!(row("corpus/a.txt")["path"], "corpus/a.txt");
        assert_eq!(row("<stdin>")["id"], "stdin");
        assert_eq!(row("docs.jsonl")["id"], serde_json::Value::Null);
    }
}
