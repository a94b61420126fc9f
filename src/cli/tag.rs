//! `govkg tag`: documents in, JSON Lines of entities out (or one HTML page
//! showing them, with `--format html`).
//!
//! A reader thread cuts the inputs into tasks ([`source`]), `--jobs`
//! workers decode and tag them ([`tagging`]), and this thread writes the
//! results strictly in input order ([`pipeline`]). Memory is bounded by a
//! few documents per worker, whatever the corpus size.
//!
//! [`source`]: super::source
//! [`tagging`]: super::tagging
//! [`pipeline`]: super::pipeline

use super::output::TagFormat;
use super::reading::{self, ReadArgs};
use super::tagging::{self, Context, Extractor};
use super::{DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report, source};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct TagArgs {
    /// Files, directories or - (stdin). Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Leave the text out of each output object.
    #[arg(long)]
    no_text: bool,
    /// Say which rule made each entity and relation (`"rule"`), and list the
    /// candidates rules rejected (`"rejected"`), for `govkg eval --by-rule`.
    /// With `--format html` the page shows each rule on hover.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TagFormat::Jsonl)]
    format: TagFormat,
    /// Write to FILE instead of standard output (JSON Lines, or the page
    /// with --format html); - is standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// No progress line.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Report how each file was decoded (encoding and why) on stderr.
    #[arg(short, long)]
    verbose: bool,
    #[command(flatten)]
    dict: DictArgs,
}

pub fn run(a: TagArgs) -> u8 {
    if a.format == TagFormat::Html {
        return run_html(a);
    }
    let extractor = match a
        .dict
        .builder(!a.no_text)
        .and_then(|b| b.explain(a.explain).build())
    {
        Ok(e) => e,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    // A filter's reader (RDD.pipe, an interactive pipe) sees each result
    // as soon as it is ready.
    let flush_each = source::reads_stdin(&a.paths);
    match a.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let file = match std::fs::File::create(path) {
                Ok(f) => f,
                Err(e) => {
                    report(format!("{}: {e}", path.display()));
                    return EXIT_USAGE;
                }
            };
            let out = std::io::BufWriter::with_capacity(64 << 10, file);
            tag_into(&a, &extractor, out, false, &path.display().to_string())
        }
        None => {
            let stdout = std::io::stdout();
            let out = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
            tag_into(&a, &extractor, out, flush_each, "<stdout>")
        }
    }
}

/// Tags every input of `a` and writes the results as JSON Lines, in input
/// order, to `out` (named `name` in messages); returns the exit status.
fn tag_into<W: Write>(
    a: &TagArgs,
    extractor: &govkg::Extractor,
    mut out: W,
    flush_each: bool,
    name: &str,
) -> u8 {
    let cx = Context {
        extractor: Extractor::Ready(extractor),
        tagged_input: false,
        encoding: a.read.encoding,
        format: TagFormat::Jsonl,
        verbose: a.verbose,
    };
    let mut failed = false;
    let mut broken = false;
    let mut write_error = None;
    reading::each_in_order(
        &a.paths,
        &a.read,
        a.quiet,
        |task| tagging::run(task, &cx),
        |r, progress| {
            for m in &r.messages {
                progress.message(m);
            }
            failed |= r.failed;
            let res = out
                .write_all(&r.out)
                .and_then(|_| match &r.long {
                    Some(ready) => tagging::write_long(ready, &cx, &mut out).map(|failure| {
                        if let Some(m) = failure {
                            progress.message(&m);
                            failed = true;
                        }
                    }),
                    None => Ok(()),
                })
                .and_then(|_| if flush_each { out.flush() } else { Ok(()) });
            match res {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    if is_broken_pipe(&e) {
                        broken = true;
                    } else {
                        write_error = Some(e);
                    }
                    ControlFlow::Break(())
                }
            }
        },
    );
    if broken {
        return EXIT_OK;
    }
    let flushed = match write_error {
        Some(e) => Err(e),
        None => out.flush(),
    };
    match flushed {
        Ok(()) => {}
        Err(e) if is_broken_pipe(&e) => return EXIT_OK,
        Err(e) => {
            report(format!("{name}: {e}"));
            failed = true;
        }
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}

/// `--format html`: tags every input as JSON Lines would (same decoding,
/// same errors), then writes one page showing them all. The text is always
/// kept, since the page shows it; the documents are held in memory until
/// the page is written.
fn run_html(a: TagArgs) -> u8 {
    // The page keeps the text; with --explain it shows each rule on hover.
    let extractor = match a
        .dict
        .builder(true)
        .and_then(|b| b.explain(a.explain).build())
    {
        Ok(e) => e,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let cx = Context {
        extractor: Extractor::Ready(&extractor),
        tagged_input: false,
        encoding: a.read.encoding,
        format: TagFormat::Html,
        verbose: a.verbose,
    };
    // Failures are reported on stderr; the page shows the documents.
    let mut docs: Vec<govkg::Document> = Vec::new();
    let failed = reading::each_document(&a.paths, &a.read, a.quiet, &cx, |d| docs.push(d));
    let status = if failed { EXIT_SOME_FAILED } else { EXIT_OK };
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
        Ok(()) => status,
    }
}
