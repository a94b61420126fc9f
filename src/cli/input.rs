//! Input documents: text files, directories, JSON Lines, standard input.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One document to tag, or the error that stopped it from being read.
pub struct Doc {
    /// Identifier (file stem or the JSON `id`).
    pub id: String,
    /// The text.
    pub text: String,
}

/// Where an input item came from, for messages (`path[:line]`).
pub type Item = Result<Doc, String>;

fn is_jsonl_name(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "json" | "ndjson")
    )
}

/// Expands directories (recursively, sorted) into files.
/// The files to read for the given command-line paths (standard input when
/// there are none); unusable paths are reported on stderr and set `failed`.
pub fn files(paths: &[PathBuf], failed: &mut bool) -> Vec<PathBuf> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    expand(paths)
        .into_iter()
        .filter_map(|p| {
            p.map_err(|e| {
                super::report(e);
                *failed = true;
            })
            .ok()
        })
        .collect()
}

pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, String>>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(Err(format!("{}: {e}", dir.display())));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl" | "json" | "ndjson")
        ) {
            out.push(Ok(p));
        }
    }
}

/// One input of `govkg graph`: a text to tag, or a document `govkg tag`
/// has already tagged (a JSON line with `entities`).
pub enum Input {
    /// A text to run the extractor on.
    Text(Doc),
    /// A tagged document, used as it is.
    Tagged(Box<govkg::Document>),
}

/// Like [`read`], but JSON lines that already hold `entities` come back as
/// tagged documents.
pub fn read_any(path: &Path, mut f: impl FnMut(Result<Input, String>)) {
    read_with(path, parse_any_line, Input::Text, &mut f);
}

/// Reads `path` as plain text (one document, made into a `T` by `text`) or
/// as JSON Lines (each line made into a `T` by `line`).
fn read_with<T>(
    path: &Path,
    line: fn(&str, usize, &str) -> Result<T, String>,
    text: fn(Doc) -> T,
    f: &mut dyn FnMut(Result<T, String>),
) {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    let res = if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut fh| fh.read_to_end(&mut bytes))
    };
    if let Err(e) = res {
        f(Err(format!("{name}: {e}")));
        return;
    }
    let content = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            f(Err(format!(
                "{name}: not valid UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            )));
            return;
        }
    };
    let content = content
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(content);
    let looks_jsonl = is_jsonl_name(path) || content.trim_start().starts_with('{');
    if looks_jsonl {
        for (i, l) in content.as_bytes().lines().enumerate() {
            let l = match l {
                Ok(l) => l,
                Err(e) => {
                    f(Err(format!("{name}:{}: {e}", i + 1)));
                    continue;
                }
            };
            if l.trim().is_empty() {
                continue;
            }
            f(line(&name, i + 1, &l));
        }
        return;
    }
    let id = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone())
    };
    f(Ok(text(Doc { id, text: content })));
}

fn parse_any_line(name: &str, line_no: usize, line: &str) -> Result<Input, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("{name}:{line_no}: not JSON: {e}"))?;
    if v.get("entities").is_some() {
        let doc: govkg::Document = serde_json::from_value(v).map_err(|e| {
            format!("{name}:{line_no}: has \"entities\" but is no tagged document: {e}")
        })?;
        return Ok(Input::Tagged(Box::new(doc)));
    }
    parse_line(name, line_no, line).map(Input::Text)
}

fn parse_line(name: &str, line_no: usize, line: &str) -> Item {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("{name}:{line_no}: not JSON: {e}"))?;
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(format!("{name}:{line_no}: no \"id\" string")),
    };
    let text = v
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or_else(|| format!("{name}:{line_no}: no \"text\" string (id {id})"))?;
    Ok(Doc {
        id,
        text: text.to_string(),
    })
}
