//! The worker side of `govkg tag`: one [`Task`] in, its rendered output
//! and messages out. Runs on many threads at once; holds no state between
//! tasks except the shared extractor.

use super::decode::{self, EncodingArg};
use super::html_text;
use super::output::TagFormat;
use super::source::{Failure, Task};
use std::panic::AssertUnwindSafe;

/// What the workers share.
pub struct Context<'a> {
    /// The loaded extractor.
    pub extractor: &'a govkg::Extractor,
    /// `--encoding`, if given.
    pub encoding: Option<EncodingArg>,
    /// The output format.
    pub format: TagFormat,
    /// Report each input's encoding (`-v`).
    pub verbose: bool,
}

/// The result of one task, ready to be written in order.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Bytes for stdout.
    pub out: Vec<u8>,
    /// Messages for stderr (`path[:line]: ...`), errors and notes alike.
    pub messages: Vec<String>,
    /// True when the task produced no document.
    pub failed: bool,
    /// Input bytes the task covered (for the progress bar).
    pub bytes: usize,
}

/// Tags one task. Never panics: a panic inside the extractor becomes an
/// error for that document, and the stream goes on.
pub fn run(task: Task, cx: &Context<'_>) -> Rendered {
    let bytes = task.weight();
    let mut r = Rendered {
        bytes,
        ..Rendered::default()
    };
    let doc = match task {
        Task::Document {
            name,
            id,
            bytes,
            html,
        } => document(cx, &name, id, bytes, html, &mut r.messages),
        Task::Line { name, line, bytes } => json_line(cx, &name, line, bytes, &mut r.messages),
        Task::Failed(f) => Err(f),
    };
    let tagged = doc.and_then(|(name, line, id, text)| {
        std::panic::catch_unwind(AssertUnwindSafe(|| cx.extractor.extract(&id, &text))).map_err(
            |_| Failure {
                name,
                line,
                id: Some(id),
                message:
                    "internal error while tagging this document (a bug in govkg; please report it)"
                        .into(),
            },
        )
    });
    match tagged {
        Ok(d) => cx.format.document(&d, &mut r.out),
        Err(f) => {
            if f.wants_error_object() {
                cx.format.error_object(&f, &mut r.out);
            }
            r.messages.push(f.to_string());
            r.failed = true;
        }
    }
    r
}

/// A document ready for the extractor: where from, line, id, text.
type Ready = (String, Option<usize>, String, String);

fn document(
    cx: &Context<'_>,
    name: &str,
    id: String,
    bytes: Vec<u8>,
    html: bool,
    notes: &mut Vec<String>,
) -> Result<Ready, Failure> {
    let fail = |m: String| Failure::of_file(name, m);
    let declared = if html {
        html_text::declared_charset(&bytes)
    } else {
        None
    };
    let decoded = decode::decode(bytes, cx.encoding, declared).map_err(fail)?;
    if cx.verbose {
        let kind = if html { "HTML, " } else { "" };
        notes.push(format!("{name}: {kind}{}", decoded.how));
    }
    if let Some(at) = decode::nul_at(&decoded.text) {
        return Err(fail(format!(
            "binary data, not text (a NUL character at byte {at} of the decoded text)"
        )));
    }
    let text = if html {
        html_text::visible_text(&decoded.text)
    } else {
        decoded.text
    };
    if text.trim().is_empty() {
        let what = if html {
            "no visible text"
        } else {
            "only whitespace"
        };
        return Err(fail(what.into()));
    }
    Ok((name.to_string(), None, id, text))
}

fn json_line(
    cx: &Context<'_>,
    name: &str,
    line: usize,
    bytes: Vec<u8>,
    notes: &mut Vec<String>,
) -> Result<Ready, Failure> {
    let fail = |id: Option<String>, message: String| Failure {
        name: name.to_string(),
        line: Some(line),
        id,
        message,
    };
    // UTF-16 cannot be cut into lines at `\n` bytes; JSON Lines in it are
    // read as UTF-8 (the JSON Lines standard's only encoding).
    let forced = cx
        .encoding
        .filter(|e| !matches!(e, EncodingArg::Utf16le | EncodingArg::Utf16be));
    let decoded = decode::decode(bytes, forced, None).map_err(|m| fail(None, m))?;
    if cx.verbose && decoded.how != "UTF-8" {
        notes.push(format!("{name}:{line}: {}", decoded.how));
    }
    let v: serde_json::Value =
        serde_json::from_str(&decoded.text).map_err(|e| fail(None, format!("not JSON: {e}")))?;
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(fail(None, "no \"id\" string".into())),
    };
    match v.get("text").and_then(|t| t.as_str()) {
        Some(t) => Ok((name.to_string(), Some(line), id, t.to_string())),
        None => Err(fail(Some(id), "no \"text\" string".into())),
    }
}
