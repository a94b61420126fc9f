//! `govkg tag`: documents in, JSON Lines of entities out (or one HTML page
//! showing them, with `--format html`).

use super::input;
use super::{DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report};
use std::io::Write;
use std::path::PathBuf;

/// What `govkg tag` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagFormat {
    /// One JSON object per document, one per line.
    Jsonl,
    /// One self-contained HTML page showing every document with its
    /// entities highlighted and its relations, for a web browser.
    Html,
}

#[derive(clap::Args, Debug)]
pub struct TagArgs {
    /// Files, directories or - (stdin). Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Leave the text out of each output object.
    #[arg(long)]
    no_text: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TagFormat::Jsonl)]
    format: TagFormat,
    /// With --format html, write the page to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    dict: DictArgs,
}

pub fn run(a: TagArgs) -> u8 {
    if a.format == TagFormat::Html {
        return run_html(a);
    }
    if a.output.is_some() {
        report("-o is for --format html; JSON Lines go to standard output (redirect them with >)");
        return EXIT_USAGE;
    }
    let extractor = match a.dict.extractor(!a.no_text) {
        Ok(e) => e,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut broken = false;
    for path in input::files(&a.paths, &mut failed) {
        input::read(&path, |item| {
            if broken {
                return;
            }
            match item {
                Ok(doc) => {
                    let d = extractor.extract(&doc.id, &doc.text);
                    let res = serde_json::to_writer(&mut out, &d)
                        .map_err(std::io::Error::from)
                        .and_then(|_| out.write_all(b"\n"));
                    if let Err(e) = res {
                        if is_broken_pipe(&e) {
                            broken = true;
                        } else {
                            report(format!("<stdout>: {e}"));
                            failed = true;
                        }
                    }
                }
                Err(e) => {
                    report(e);
                    failed = true;
                }
            }
        });
        if broken {
            return EXIT_OK;
        }
    }
    if let Err(e) = out.flush()
        && !is_broken_pipe(&e)
    {
        report(format!("<stdout>: {e}"));
        failed = true;
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}

/// `--format html`: tags every input, then writes one page showing them
/// all (the text is always kept: the page shows it).
fn run_html(a: TagArgs) -> u8 {
    let extractor = match a.dict.extractor(true) {
        Ok(e) => e,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let mut failed = false;
    let mut docs = Vec::new();
    for path in input::files(&a.paths, &mut failed) {
        input::read(&path, |item| match item {
            Ok(doc) => docs.push(extractor.extract(&doc.id, &doc.text)),
            Err(e) => {
                report(e);
                failed = true;
            }
        });
    }
    let (name, written) = match &a.output {
        Some(p) if p.as_os_str() != "-" => (
            p.display().to_string(),
            std::fs::File::create(p).and_then(|f| {
                let mut w = std::io::BufWriter::new(f);
                govkg::export::html::write_documents(&docs, &mut w)?;
                w.flush()
            }),
        ),
        _ => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            let res = govkg::export::html::write_documents(&docs, &mut w).and_then(|()| w.flush());
            ("<stdout>".to_string(), res)
        }
    };
    match written {
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            report(format!("{name}: {e}"));
            EXIT_SOME_FAILED
        }
        Ok(()) if failed => EXIT_SOME_FAILED,
        Ok(()) => EXIT_OK,
    }
}
