//! `govkg tag`: documents in, JSON Lines of entities out.

use super::input;
use super::{DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct TagArgs {
    /// Files, directories or - (stdin). Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Leave the text out of each output object.
    #[arg(long)]
    no_text: bool,
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
