//! What `govkg tag` writes for each document, by output format.
//!
//! Documents are rendered on the worker threads (into bytes), so the
//! writer only copies bytes in order; a new format adds a variant and its
//! arms here.

use super::source::Failure;

/// The output formats of `govkg tag`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagFormat {
    /// JSON Lines: one object per document (or per failed JSON line from
    /// standard input).
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

    /// Appends the error object that stands for a failed JSON line read
    /// from standard input: `{"id": <id or null>, "line": N, "error": "..."}`.
    pub fn error_object(self, f: &Failure, out: &mut Vec<u8>) {
        match self {
            TagFormat::Jsonl | TagFormat::Html => {
                let v = serde_json::json!({
                    "id": f.id,
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
            serde_json::json!({"id": null, "line": 3, "error": "not JSON: EOF"})
        );
        assert_eq!(out.last(), Some(&b'\n'));
    }
}
