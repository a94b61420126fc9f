//! The reading side of `govkg tag`: walks the inputs in a stable order and
//! cuts them into [`Task`]s (a whole file, or one JSON line) without ever
//! holding more than one document, and never more than `--max-doc-bytes`
//! of it.
//!
//! Decoding, HTML extraction and JSON parsing happen later, on the worker
//! threads; this side only reads bytes.

use super::bounded::{self, All, Line};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A piece of input for a worker.
#[derive(Debug)]
pub enum Task {
    /// A whole document (a text or HTML file, or plain text on stdin).
    Document {
        /// The path for messages (`<stdin>` for standard input).
        name: String,
        /// The document's id (the file stem, or `stdin`).
        id: String,
        /// Its raw bytes, not yet decoded.
        bytes: Vec<u8>,
        /// True for an HTML page.
        html: bool,
    },
    /// One line of JSON Lines (`{"id","text"}`).
    Line {
        /// The path for messages.
        name: String,
        /// Its line number (from 1).
        line: usize,
        /// Its raw bytes, without the line break.
        bytes: Vec<u8>,
    },
    /// An input that failed before it could be handed on.
    Failed(Failure),
}

impl Task {
    /// How many bytes of input the task holds.
    pub fn weight(&self) -> usize {
        match self {
            Task::Document { bytes, .. } | Task::Line { bytes, .. } => bytes.len(),
            Task::Failed(_) => 0,
        }
    }
}

/// An input (a file or a line) that produced no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The path (`<stdin>` for standard input).
    pub name: String,
    /// The line, for JSON Lines.
    pub line: Option<usize>,
    /// The document's id, when it was read before the failure.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Failure {
    /// A failure of a whole input.
    pub fn of_file(name: &str, message: impl Into<String>) -> Failure {
        Failure {
            name: name.to_string(),
            line: None,
            id: None,
            message: message.into(),
        }
    }

    /// The id of the document that failed: the one read before the
    /// failure, else, for a whole text or HTML file, its id as a document
    /// (the file stem, or `stdin`); none for a JSON Lines input.
    pub fn document_id(&self) -> Option<String> {
        if self.id.is_some() || self.line.is_some() {
            return self.id.clone();
        }
        if self.name == STDIN_NAME {
            return Some("stdin".into());
        }
        let path = Path::new(&self.name);
        if is_jsonl_name(path) {
            return None;
        }
        path.file_stem().map(|s| s.to_string_lossy().into_owned())
    }
}

impl std::fmt::Display for Failure {
    /// `path[:line]: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}:{n}: {}", self.name, self.message)?,
            None => write!(f, "{}: {}", self.name, self.message)?,
        }
        match &self.id {
            Some(id) => write!(f, " (id {id})"),
            None => Ok(()),
        }
    }
}

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// File name endings read from directories.
const READ_IN_DIRECTORIES: &[&str] = &["txt", "jsonl", "json", "ndjson", "html", "htm"];

fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn is_jsonl_name(p: &Path) -> bool {
    matches!(extension(p).as_deref(), Some("jsonl" | "json" | "ndjson"))
}

fn is_html_name(p: &Path) -> bool {
    matches!(extension(p).as_deref(), Some("html" | "htm"))
}

/// True when `paths` (or their absence) means standard input.
pub fn reads_stdin(paths: &[PathBuf]) -> bool {
    paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-")
}

/// Reads every input in order, handing each task to `emit` (which returns
/// false to stop). Directories are walked lazily, sorted by name at each
/// level, so a huge tree is never listed whole.
pub fn read_all(paths: &[PathBuf], max_doc_bytes: usize, emit: &mut dyn FnMut(Task) -> bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for p in paths {
        let go_on = if p.as_os_str() == "-" {
            read_stdin(max_doc_bytes, emit)
        } else if p.is_dir() {
            read_dir(p, max_doc_bytes, emit)
        } else {
            read_file(p, max_doc_bytes, emit)
        };
        if !go_on {
            return;
        }
    }
}

fn read_dir(dir: &Path, max: usize, emit: &mut dyn FnMut(Task) -> bool) -> bool {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        let go_on = match entry {
            Ok(e) if e.file_type().is_dir() => true,
            Ok(e) => {
                let p = e.path();
                if extension(p).is_some_and(|x| READ_IN_DIRECTORIES.contains(&x.as_str())) {
                    read_file(p, max, emit)
                } else {
                    true
                }
            }
            Err(e) => {
                let name = e.path().unwrap_or(dir).display().to_string();
                let why = e
                    .io_error()
                    .map(|io| io.to_string())
                    .unwrap_or_else(|| e.to_string());
                emit(Task::Failed(Failure::of_file(&name, why)))
            }
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn read_file(path: &Path, max: usize, emit: &mut dyn FnMut(Task) -> bool) -> bool {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return emit(Task::Failed(Failure::of_file(&name, e.to_string()))),
    };
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let html = is_html_name(path);
    let mut reader = BufReader::with_capacity(64 << 10, file);
    let jsonl = !html
        && (is_jsonl_name(path)
            || match starts_with_brace(&mut reader) {
                Ok(b) => b,
                Err(e) => return emit(Task::Failed(Failure::of_file(&name, e.to_string()))),
            });
    if jsonl {
        return read_lines(&name, reader, max, emit);
    }
    if let Some(size) = size
        && size > max as u64
    {
        return emit(Task::Failed(too_big(&name, Some(size), max)));
    }
    let mut bytes = Vec::with_capacity(size.map_or(0, |s| s as usize));
    match bounded::read_all(&mut reader, &mut bytes, max) {
        Ok(All::Read) if bytes.is_empty() => {
            emit(Task::Failed(Failure::of_file(&name, "empty file")))
        }
        Ok(All::Read) => emit(Task::Document {
            name,
            id,
            bytes,
            html,
        }),
        Ok(All::TooLong) => emit(Task::Failed(too_big(&name, None, max))),
        Err(e) => emit(Task::Failed(Failure::of_file(&name, e.to_string()))),
    }
}

fn read_stdin(max: usize, emit: &mut dyn FnMut(Task) -> bool) -> bool {
    let stdin = io::stdin();
    let mut reader = BufReader::with_capacity(64 << 10, stdin.lock());
    let fail = |e: io::Error| Task::Failed(Failure::of_file(STDIN_NAME, e.to_string()));
    match starts_with_brace(&mut reader) {
        Ok(true) => read_lines(STDIN_NAME, reader, max, emit),
        Ok(false) => {
            let mut bytes = Vec::new();
            match bounded::read_all(&mut reader, &mut bytes, max) {
                // No input is no document: an empty Spark partition.
                Ok(All::Read) if bytes.is_empty() => true,
                Ok(All::Read) => emit(Task::Document {
                    name: STDIN_NAME.into(),
                    id: "stdin".into(),
                    bytes,
                    html: false,
                }),
                Ok(All::TooLong) => emit(Task::Failed(too_big(STDIN_NAME, None, max))),
                Err(e) => emit(fail(e)),
            }
        }
        Err(e) => emit(fail(e)),
    }
}

fn too_big(name: &str, size: Option<u64>, max: usize) -> Failure {
    let limit = bounded::human(max as u64);
    let what = match size {
        Some(n) => format!(
            "{} of text, more than --max-doc-bytes ({limit})",
            bounded::human(n)
        ),
        None => format!("more text than --max-doc-bytes ({limit})"),
    };
    Failure::of_file(
        name,
        format!("{what}; not read: split it or raise the limit"),
    )
}

/// Reads JSON Lines, one task per non-blank line.
fn read_lines(
    name: &str,
    mut reader: impl BufRead,
    max: usize,
    emit: &mut dyn FnMut(Task) -> bool,
) -> bool {
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        line += 1;
        let task = match bounded::read_line(&mut reader, &mut buf, max) {
            Ok(Line::Eof) => return true,
            Ok(Line::Read) => {
                let mut bytes = std::mem::take(&mut buf);
                if line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                    bytes.drain(..3);
                }
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                Task::Line {
                    name: name.to_string(),
                    line,
                    bytes,
                }
            }
            Ok(Line::TooLong(len)) => Task::Failed(Failure {
                line: Some(line),
                ..too_big(name, Some(len), max)
            }),
            Err(e) => {
                emit(Task::Failed(Failure {
                    line: Some(line),
                    ..Failure::of_file(name, e.to_string())
                }));
                return true;
            }
        };
        if !emit(task) {
            return false;
        }
    }
}

/// True when the first character after an optional UTF-8 byte order mark
/// and whitespace is `{` (JSON Lines). Reads ahead without consuming.
fn starts_with_brace(r: &mut impl BufRead) -> io::Result<bool> {
    let buf = r.fill_buf()?;
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    // A document of more than a buffer of leading whitespace is text.
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

/// Reads all of `r` (for tests).
#[cfg(test)]
fn collect(paths: &[PathBuf], max: usize) -> Vec<Task> {
    let mut out = Vec::new();
    read_all(paths, max, &mut |t| {
        out.push(t);
        true
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tasks: &[Task]) -> Vec<String> {
        tasks
            .iter()
            .map(|t| match t {
                Task::Document { id, .. } => format!("doc {id}"),
                Task::Line { line, .. } => format!("line {line}"),
                Task::Failed(f) => format!("failed {}", f.message),
            })
            .collect()
    }

    #[test]
    fn walks_in_name_order_and_cuts_lines() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("b")).unwrap();
        std::fs::write(d.join("b/2.txt"), "二").unwrap();
        std::fs::write(d.join("a.txt"), "一").unwrap();
        std::fs::write(d.join("c.jsonl"), "{\"id\":1}\n\n{\"id\":2}\r\n").unwrap();
        std::fs::write(d.join("d.html"), "<p>四</p>").unwrap();
        std::fs::write(d.join("skip.bin"), "x").unwrap();
        std::fs::write(d.join("e.txt"), "").unwrap();
        let tasks = collect(&[d.to_path_buf()], 1000);
        assert_eq!(
            names(&tasks),
            [
                "doc a",
                "doc 2",
                "line 1",
                "line 3",
                "doc d",
                "failed empty file"
            ]
        );
        match &tasks[3] {
            Task::Line { bytes, .. } => assert_eq!(bytes, b"{\"id\":2}"),
            t => panic!("{t:?}"),
        }
    }

    #[test]
    fn oversized_inputs_fail_alone() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("big.txt"), "x".repeat(100)).unwrap();
        std::fs::write(
            d.join("lines.jsonl"),
            format!(
                "{{\"a\":1}}\n{{\"t\":\"{}\"}}\n{{\"b\":2}}\n",
                "y".repeat(100)
            ),
        )
        .unwrap();
        let tasks = collect(&[d.join("big.txt"), d.join("lines.jsonl")], 50);
        let n = names(&tasks);
        assert_eq!(n.len(), 4, "{n:?}");
        assert!(
            n[0].starts_with("failed 100 bytes of text, more than --max-doc-bytes (50 bytes)"),
            "{n:?}"
        );
        assert_eq!(n[1], "line 1");
        assert!(n[2].starts_with("failed 108 bytes"), "{n:?}");
        assert_eq!(n[3], "line 3");
        match &tasks[2] {
            Task::Failed(f) => assert_eq!(
                f.to_string().split(": ").next(),
                Some(&*format!("{}:2", d.join("lines.jsonl").display()))
            ),
            t => panic!("{t:?}"),
        }
    }

    #[test]
    fn missing_file_fails_by_name() {
        let tasks = collect(&[PathBuf::from("/no/such/file.txt")], 10);
        match &tasks[..] {
            [Task::Failed(f)] => assert!(f.to_string().starts_with("/no/such/file.txt: "), "{f}"),
            t => panic!("{t:?}"),
        }
    }
}
