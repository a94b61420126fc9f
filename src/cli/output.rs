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

    /// Tags `text` (the document `id`) with `extractor` and appends the
    /// document as [`TagFormat::document`] would, each batch of entities
    /// rendered as the extractor hands it over, so that they are never all
    /// held at once.
    pub fn tagged(self, extractor: &govkg::Extractor, id: &str, text: &str, out: &mut Vec<u8>) {
        match self {
            TagFormat::Jsonl | TagFormat::Html => {
                let start = out.len();
                let mut first = true;
                let mut rest = extractor.extract_each(id, text, |batch| {
                    for e in &batch {
                        if !std::mem::take(&mut first) {
                            out.push(b',');
                        }
                        // An Entity always serialises.
                        let _ = serde_json::to_writer(&mut *out, e);
                    }
                });
                // The rest of the document, serialised with no entities, is
                // put around them: the same bytes as the whole document's.
                rest.entities.clear();
                let shell = serde_json::to_vec(&rest).unwrap_or_default();
                let split = entities_at(&shell);
                out.splice(start..start, shell[..split].iter().copied());
                out.extend_from_slice(&shell[split..]);
                out.push(b'\n');
            }
        }
    }

    /// Tags `text` (the document `id`) with `extractor` and writes its
    /// document to `out` as [`TagFormat::document`] would, each batch of
    /// entities written as the extractor hands it over; `begun` is set once
    /// the first bytes are written (a failure after that can only cut the
    /// row short: [`TagFormat::cut_short`]).
    pub fn stream(
        self,
        extractor: &govkg::Extractor,
        id: &str,
        text: &str,
        out: &mut impl std::io::Write,
        begun: &mut bool,
    ) -> std::io::Result<()> {
        match self {
            TagFormat::Jsonl | TagFormat::Html => {
                // What comes before the entities: the id, and the text when
                // it is kept.
                let head = serde_json::to_vec(&govkg::Document {
                    id: id.to_string(),
                    text: extractor.options().keep_text.then(|| text.to_string()),
                    entities: Vec::new(),
                    relations: Vec::new(),
                    context: None,
                    rejected: Vec::new(),
                })?;
                out.write_all(&head[..entities_at(&head)])?;
                drop(head);
                *begun = true;
                let mut first = true;
                let mut failed = None;
                let mut batch_json = Vec::new();
                let mut rest = extractor.extract_each(id, text, |batch| {
                    batch_json.clear();
                    for e in &batch {
                        if !std::mem::take(&mut first) {
                            batch_json.push(b',');
                        }
                        // An Entity always serialises.
                        let _ = serde_json::to_writer(&mut batch_json, e);
                    }
                    if failed.is_none()
                        && let Err(e) = out.write_all(&batch_json)
                    {
                        failed = Some(e);
                    }
                });
                if let Some(e) = failed {
                    return Err(e);
                }
                // What comes after them (the text is before).
                rest.text = None;
                let tail = serde_json::to_vec(&rest)?;
                out.write_all(&tail[entities_at(&tail)..])?;
                out.write_all(b"\n")
            }
        }
    }

    /// Ends a row that [`TagFormat::stream`] began and could not finish
    /// (the extractor failed half way): the entities written so far close,
    /// no relations, and the error: `…],"relations":[],"error":"..."}`.
    pub fn cut_short(self, f: &Failure, out: &mut Vec<u8>) {
        match self {
            TagFormat::Jsonl | TagFormat::Html => {
                out.extend_from_slice(b"],\"relations\":[],\"error\":");
                // A string always serialises.
                let _ = serde_json::to_writer(&mut *out, &f.message);
                out.extend_from_slice(b"}\n");
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

/// Where the entities go in the JSON of a document that has none: just
/// after the `[` of `"entities":[]`. A string's quotes are escaped, so the
/// first `"entities":[` is the key's.
fn entities_at(shell: &[u8]) -> usize {
    const KEY: &[u8] = b"\"entities\":[";
    shell
        .windows(KEY.len())
        .position(|w| w == KEY)
        .map_or(shell.len(), |k| k + KEY.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities rendered or written as they come give the bytes of the
    /// whole document, with its text or without, whatever its id, and for
    /// a text read in chunks.
    #[test]
    fn tagged_renders_the_document() {
        let article =
            "来源:青山区  2018年12月3日\n11月20日,区委副书记张明一行来到青山镇开展调研。\n";
        let long = article.repeat(256 * 1024 / article.len() + 2);
        for keep_text in [false, true] {
            let ex = govkg::Extractor::builder()
                .keep_text(keep_text)
                .build()
                .unwrap();
            for (id, text) in [
                ("a", article),
                ("\"entities\":[", "\"entities\":[] 张明"),
                ("none", "。"),
                ("long", &long),
            ] {
                let mut whole = b"x".to_vec();
                TagFormat::Jsonl.document(&ex.extract(id, text), &mut whole);
                let mut each = b"x".to_vec();
                TagFormat::Jsonl.tagged(&ex, id, text, &mut each);
                let mut streamed = b"x".to_vec();
                let mut begun = false;
                TagFormat::Jsonl
                    .stream(&ex, id, text, &mut streamed, &mut begun)
                    .unwrap();
                assert!(begun);
                let whole = String::from_utf8(whole).unwrap();
                assert_eq!(String::from_utf8(each).unwrap(), whole, "{id}");
                assert_eq!(String::from_utf8(streamed).unwrap(), whole, "{id}");
            }
        }
    }

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
