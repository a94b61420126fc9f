//! `govkg dict check FILE…`: validates user dictionaries and prints every
//! problem as `FILE:LINE: reason` on stdout (the checker's findings are its
//! data), with a one-line summary on stderr.

use super::{EXIT_OK, EXIT_SOME_FAILED, is_broken_pipe, report};
use govkg::lexicon::{self, Diagnostic, Severity};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct DictArgs {
    #[command(subcommand)]
    action: DictAction,
}

#[derive(clap::Subcommand, Debug)]
enum DictAction {
    /// Check user dictionaries: every malformed line, duplicate and
    /// conflicting kind, as FILE:LINE: reason.
    #[command(
        after_help = "Errors (the dictionary would not load): a line without a tab, an unknown kind or attribute,\n\
an empty text, control characters, more than three columns, bytes that are not UTF-8.\n\
Warnings (it loads, but is probably a mistake): an entry listed again with the same kind, and a\n\
text given different kinds on different lines. Warnings fail the check only with --strict.\n\n\
Exit status: 0 no errors, 1 errors (or warnings with --strict) or an unreadable file, 2 usage error.\n\n\
Example:\n  govkg dict check my-places.txt my-orgs.txt"
    )]
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Dictionaries to check (- for standard input).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Fail on warnings too (duplicates, conflicting kinds).
    #[arg(long)]
    strict: bool,
    /// No summary on stderr.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(a: DictArgs) -> u8 {
    match a.action {
        DictAction::Check(c) => check(c),
    }
}

fn check(a: CheckArgs) -> u8 {
    let (mut errors, mut warnings, mut unreadable) = (0usize, 0usize, 0usize);
    let mut out = std::io::stdout().lock();
    for path in &a.files {
        let found: Vec<Diagnostic> = if path.as_os_str() == "-" {
            lexicon::check("<stdin>", std::io::stdin().lock())
        } else {
            match lexicon::check_file(path) {
                Ok(d) => d,
                Err(e) => {
                    report(e);
                    unreadable += 1;
                    continue;
                }
            }
        };
        for d in &found {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            if let Err(e) = writeln!(out, "{d}") {
                if !is_broken_pipe(&e) {
                    report(format!("cannot write the findings: {e}"));
                }
                return EXIT_SOME_FAILED;
            }
        }
    }
    let _ = out.flush();
    if !a.quiet {
        let files = a.files.len() - unreadable;
        report(format!(
            "{errors} error{}, {warnings} warning{} in {files} dictionar{}{}",
            plural(errors),
            plural(warnings),
            if files == 1 { "y" } else { "ies" },
            if unreadable > 0 {
                format!("; {unreadable} could not be read")
            } else {
                String::new()
            }
        ));
    }
    if errors > 0 || unreadable > 0 || (a.strict && warnings > 0) {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
