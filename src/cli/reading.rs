//! What `govkg tag` and `govkg graph` share on the way in: the options that
//! say how inputs are read, and the run that reads them on one thread, tags
//! them on `--jobs` workers and hands the results over in input order.

use super::bounded;
use super::decode::EncodingArg;
use super::pipeline::{self, Limits};
use super::progress::Progress;
use super::source::{self, Task};
use super::tagging::{self, Context};
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::PathBuf;

/// Said on standard error when standard input, a terminal, is to be read.
pub const STDIN_NOTE: &str = "reading standard input (plain text, or JSON Lines of {\"id\", \"text\"}); end it with Ctrl-D, or give a PATH (see --help)";

/// The default of `--max-doc-bytes`: far above any article (a long report
/// is under 1 MiB), and what one pathological input (a 1 GB file without a
/// line break) may cost in memory before it is refused.
const DEFAULT_MAX_DOC: &str = "16MiB";

/// How inputs are read and how many workers tag them.
#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Worker threads [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Largest document (a file, or one JSON line) to read; a larger one is
    /// reported and skipped without being read whole. Units K, M, G.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_DOC, value_parser = bounded::parse_size)]
    pub max_doc_bytes: usize,
    /// Read text and HTML files in this encoding instead of detecting it.
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<EncodingArg>,
}

impl ReadArgs {
    /// `--jobs`, or the number of cores.
    pub fn jobs(&self) -> usize {
        self.jobs
            .map(usize::from)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

/// What a worker's result tells the reading side.
pub trait Progressed {
    /// Input bytes the task covered.
    fn bytes(&self) -> usize;
}

/// Reads every input of `paths` on a reader thread, runs `work` on each
/// task on `read.jobs()` workers, and calls `consume` with the results in
/// input order on this thread, with the progress line (shown on a terminal
/// for large inputs unless `quiet`) for its messages. `consume` returning
/// `Break` stops reading. Memory stays bounded by a few documents per
/// worker.
pub fn each_in_order<O, W, C>(
    paths: &[PathBuf],
    read: &ReadArgs,
    quiet: bool,
    work: W,
    mut consume: C,
) where
    O: Send + Progressed,
    W: Fn(Task) -> O + Sync,
    C: FnMut(O, &Progress) -> ControlFlow<()>,
{
    if source::reads_stdin(paths) && std::io::stdin().is_terminal() {
        // Otherwise a user who forgot the PATH sees a silent wait.
        super::report(STDIN_NOTE);
    }
    let mut progress = Progress::new(quiet);
    pipeline::ordered_map(
        Limits::for_jobs(read.jobs()),
        |e| {
            source::read_all(paths, read.max_doc_bytes, &mut |t| {
                let w = t.weight();
                e.emit(t, w)
            })
        },
        work,
        |o| {
            progress.add(o.bytes());
            consume(o, &progress)
        },
    );
    progress.finish();
}

/// Tags every input as [`each_in_order`] does and hands each document to
/// `add`, in input order; notes and failures go to stderr. Returns true
/// when some input gave no document.
pub fn each_document(
    paths: &[PathBuf],
    read: &ReadArgs,
    quiet: bool,
    cx: &Context<'_>,
    mut add: impl FnMut(govkg::Document),
) -> bool {
    let mut failed = false;
    each_in_order(
        paths,
        read,
        quiet,
        |task| tagging::tag(task, cx),
        |t, progress| {
            for m in &t.notes {
                progress.message(m);
            }
            match t.doc {
                Ok(d) => add(d),
                Err(f) => {
                    progress.message(&f.to_string());
                    failed = true;
                }
            }
            ControlFlow::Continue(())
        },
    );
    failed
}
