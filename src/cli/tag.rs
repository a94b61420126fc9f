//! `govkg tag`: documents in, JSON Lines of entities out.
//!
//! A reader thread cuts the inputs into tasks ([`source`]), `--jobs`
//! workers decode and tag them ([`tagging`]), and this thread writes the
//! results strictly in input order ([`pipeline`]). Memory is bounded by a
//! few documents per worker, whatever the corpus size.
//!
//! [`source`]: super::source
//! [`tagging`]: super::tagging
//! [`pipeline`]: super::pipeline

use super::decode::EncodingArg;
use super::output::TagFormat;
use super::pipeline::{self, Limits};
use super::progress::Progress;
use super::tagging::{self, Context};
use super::{
    DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, bounded, is_broken_pipe, report, source,
};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

/// The default of `--max-doc-bytes`: far above any article (a long report
/// is under 1 MiB), and what one pathological input (a 1 GB file without a
/// line break) may cost in memory before it is refused.
const DEFAULT_MAX_DOC: &str = "16MiB";

#[derive(clap::Args, Debug)]
pub struct TagArgs {
    /// Files, directories or - (stdin). Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Leave the text out of each output object.
    #[arg(long)]
    no_text: bool,
    /// Worker threads [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Largest document (a file, or one JSON line) to read; a larger one is
    /// reported and skipped without being read whole. Units K, M, G.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_DOC, value_parser = bounded::parse_size)]
    max_doc_bytes: usize,
    /// Read text and HTML files in this encoding instead of detecting it.
    #[arg(long, value_enum, value_name = "ENCODING")]
    encoding: Option<EncodingArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TagFormat::Jsonl)]
    format: TagFormat,
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
    let extractor = match a.dict.extractor(!a.no_text) {
        Ok(e) => e,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let jobs = a
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let cx = Context {
        extractor: &extractor,
        encoding: a.encoding,
        format: a.format,
        verbose: a.verbose,
    };
    // A filter's reader (RDD.pipe, an interactive pipe) sees each result
    // as soon as it is ready.
    let flush_each = source::reads_stdin(&a.paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let mut progress = Progress::new(a.quiet);
    let mut failed = false;
    let mut broken = false;
    let mut write_error = None;
    pipeline::ordered_map(
        Limits::for_jobs(jobs),
        |e| {
            source::read_all(&a.paths, a.max_doc_bytes, &mut |t| {
                let w = t.weight();
                e.emit(t, w)
            })
        },
        |task| tagging::run(task, &cx),
        |r| {
            for m in &r.messages {
                progress.message(m);
            }
            failed |= r.failed;
            progress.add(r.bytes);
            let res = out
                .write_all(&r.out)
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
    progress.finish();
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
            report(format!("<stdout>: {e}"));
            failed = true;
        }
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}
