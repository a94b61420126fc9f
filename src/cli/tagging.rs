//! The worker side of `govkg tag` and `govkg graph`: one [`Task`] in, its
//! document (or its rendered output) and messages out. Runs on many threads
//! at once; holds no state between tasks except the shared extractor.

use super::DictArgs;
use super::decode::{self, EncodingArg};
use super::html_text;
use super::input_line;
use super::output::TagFormat;
use super::reading::Progressed;
use super::source::{Failure, Task};
use std::panic::AssertUnwindSafe;
use std::sync::OnceLock;

/// The extractor the workers share.
pub enum Extractor<'a> {
    /// Built before reading (`govkg tag`: a bad dictionary stops the run
    /// before any input is read).
    Ready(&'a govkg::Extractor),
    /// Built by the first worker that needs one: a graph made only of
    /// tagged documents needs none.
    OnDemand {
        /// The extractor, or why it could not be built.
        cell: Box<OnceLock<Result<govkg::Extractor, String>>>,
        /// The user dictionaries to build it with.
        dict: &'a DictArgs,
    },
}

impl<'a> Extractor<'a> {
    /// An extractor built on first use, with `dict`, keeping the text.
    pub fn on_demand(dict: &'a DictArgs) -> Self {
        Extractor::OnDemand {
            cell: Box::default(),
            dict,
        }
    }

    fn get(&self) -> Result<&govkg::Extractor, &str> {
        match self {
            Extractor::Ready(e) => Ok(e),
            Extractor::OnDemand { cell, dict } => cell
                .get_or_init(|| dict.extractor(true).map_err(|e| e.to_string()))
                .as_ref()
                .map_err(String::as_str),
        }
    }
}

/// What the workers share.
pub struct Context<'a> {
    /// The extractor.
    pub extractor: Extractor<'a>,
    /// Use JSON lines that already hold `entities` (`govkg tag` output) as
    /// they are instead of tagging their text again (`govkg graph`).
    pub tagged_input: bool,
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
    /// A long text the writer tags as it writes it ([`write_long`]),
    /// after `out`.
    pub long: Option<Box<Ready>>,
    /// Messages for stderr (`path[:line]: ...`), errors and notes alike.
    pub messages: Vec<String>,
    /// True when the task produced no document.
    pub failed: bool,
    /// Input bytes the task covered (for the progress bar).
    pub bytes: usize,
}

/// The document of one task, with the messages it gave.
#[derive(Debug)]
pub struct Tagged {
    /// The tagged document, or why there is none.
    pub doc: Result<govkg::Document, Failure>,
    /// Notes for stderr (`-v`); a failure is not among them.
    pub notes: Vec<String>,
    /// Input bytes the task covered (for the progress bar).
    pub bytes: usize,
}

/// Tags one task. Never panics: a panic inside the extractor becomes an
/// error for that document, and the stream goes on.
pub fn tag(task: Task, cx: &Context<'_>) -> Tagged {
    let bytes = task.weight();
    let mut notes = Vec::new();
    let doc = parse(task, cx, &mut notes).and_then(|p| match p {
        Parsed::Tagged(d) => Ok(*d),
        Parsed::Text(ready) => guarded(cx, &ready, |ex| ex.extract(&ready.2, &ready.3)),
    });
    Tagged { doc, notes, bytes }
}

/// The input of one task, read: a text to tag, or a document tagged before.
fn parse(task: Task, cx: &Context<'_>, notes: &mut Vec<String>) -> Result<Parsed, Failure> {
    match task {
        Task::Document {
            name,
            id,
            bytes,
            html,
        } => file_text(cx, &name, id, bytes, html, notes).map(Parsed::Text),
        Task::Line { name, line, bytes } => json_line(cx, &name, line, bytes, notes),
        Task::Failed(f) => Err(f),
    }
}

/// `work` done with the extractor on the text `ready`, with a panic inside
/// it (a bug) turned into an error for that document.
fn guarded<T>(
    cx: &Context<'_>,
    ready: &Ready,
    work: impl FnOnce(&govkg::Extractor) -> T,
) -> Result<T, Failure> {
    let (name, line, id, _) = ready;
    let fail = |message: String| Failure {
        name: name.clone(),
        line: *line,
        id: Some(id.clone()),
        message,
    };
    let extractor = cx.extractor.get().map_err(|e| fail(e.to_string()))?;
    std::panic::catch_unwind(AssertUnwindSafe(|| work(extractor))).map_err(|_| {
        fail("internal error while tagging this document (a bug in govkg; please report it)".into())
    })
}

/// A text longer than this, in bytes, is tagged by the writer as it
/// writes it ([`write_long`]): a 16 MiB text gives about 200,000 entities
/// and 20 MB of JSON, and neither is then held. Shorter ones are tagged
/// and rendered on the workers, side by side.
pub const LONG_TEXT: usize = 1 << 20;

/// Tags one task and renders it in the output format (an error row for an
/// input that gave no document), or leaves a long text to the writer
/// ([`LONG_TEXT`]). A text's entities are rendered as the extractor finds
/// them and never kept.
pub fn run(task: Task, cx: &Context<'_>) -> Rendered {
    let mut r = Rendered {
        bytes: task.weight(),
        ..Rendered::default()
    };
    let done = parse(task, cx, &mut r.messages).and_then(|p| match p {
        Parsed::Tagged(d) => {
            cx.format.document(&d, &mut r.out);
            Ok(())
        }
        Parsed::Text(ready) if ready.3.len() > LONG_TEXT => {
            r.long = Some(Box::new(ready));
            Ok(())
        }
        Parsed::Text(ready) => guarded(cx, &ready, |ex| {
            cx.format.tagged(ex, &ready.2, &ready.3, &mut r.out)
        }),
    });
    if let Err(f) = done {
        // What a panic left half written.
        r.out.clear();
        cx.format.error_object(&f, &mut r.out);
        r.messages.push(f.to_string());
        r.failed = true;
    }
    r
}

/// Tags the long text `ready` (see [`LONG_TEXT`]) and writes its document
/// to `out` as the entities come. Returns the message of a failure (its
/// row written: an error row, or the document cut short with an `error`
/// field when a panic came after it began), or the write error.
pub fn write_long(
    ready: &Ready,
    cx: &Context<'_>,
    out: &mut impl std::io::Write,
) -> std::io::Result<Option<String>> {
    let mut begun = false;
    let done = guarded(cx, ready, |ex| {
        cx.format
            .stream(ex, &ready.2, &ready.3, &mut *out, &mut begun)
    });
    match done {
        Ok(written) => written.map(|()| None),
        Err(f) => {
            let mut row = Vec::new();
            if begun {
                cx.format.cut_short(&f, &mut row);
            } else {
                cx.format.error_object(&f, &mut row);
            }
            out.write_all(&row).map(|()| Some(f.to_string()))
        }
    }
}

impl Progressed for Rendered {
    fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Progressed for Tagged {
    fn bytes(&self) -> usize {
        self.bytes
    }
}

/// A document ready for the extractor: where from, line, id, text.
pub type Ready = (String, Option<usize>, String, String);

/// What an input holds: a text to tag, or a document tagged before.
enum Parsed {
    Text(Ready),
    Tagged(Box<govkg::Document>),
}

fn file_text(
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
) -> Result<Parsed, Failure> {
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
    let mut decoded = decode::decode(bytes, forced, None).map_err(|m| fail(None, m))?;
    if cx.verbose && decoded.how != "UTF-8" {
        notes.push(format!("{name}:{line}: {}", decoded.how));
    }
    // A long line's text is read in place (see `input_line`); a short one
    // as a Value, which is quicker and holds little twice.
    if !cx.tagged_input
        && decoded.text.len() > LONG_TEXT
        && let Some((id, text)) = input_line::text_in_place(&mut decoded.text)
    {
        return Ok(Parsed::Text((name.to_string(), Some(line), id, text)));
    }
    let mut v: serde_json::Value =
        serde_json::from_str(&decoded.text).map_err(|e| fail(None, format!("not JSON: {e}")))?;
    // The line's bytes are not needed once parsed (a long document's text
    // would otherwise be held twice, then three times with its copy).
    drop(decoded);
    if cx.tagged_input
        && v.get("text").is_none()
        && let Some(error) = v.get("error").and_then(|e| e.as_str())
    {
        // An input `govkg tag` could not tag: it stays a failure.
        let id = v.get("id").and_then(|i| i.as_str()).map(str::to_string);
        return Err(fail(id, format!("an error row of govkg tag: {error}")));
    }
    if cx.tagged_input && v.get("entities").is_some() {
        let id = v.get("id").and_then(|i| i.as_str()).map(str::to_string);
        return serde_json::from_value(v)
            .map(|d| Parsed::Tagged(Box::new(d)))
            .map_err(|e| {
                fail(
                    id,
                    format!("has \"entities\" but is no tagged document: {e}"),
                )
            });
    }
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(fail(None, "no \"id\" string".into())),
    };
    // The text is moved out of the parsed line, not copied.
    match v.get_mut("text") {
        Some(serde_json::Value::String(t)) => Ok(Parsed::Text((
            name.to_string(),
            Some(line),
            id,
            std::mem::take(t),
        ))),
        _ => Err(fail(Some(id), "no \"text\" string".into())),
    }
}
