//! The progress line of `govkg tag` on stderr: shown only when stderr is a
//! terminal, `-q` is not given, and the run turns out to be large (many
//! documents or many bytes), so small runs and pipes stay silent.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Documents after which a run counts as large.
const MANY_DOCUMENTS: u64 = 50;
/// Input bytes after which a run counts as large.
const MANY_BYTES: u64 = 8 << 20;

/// True once a run has done enough to be worth a progress line.
fn worth_showing(docs: u64, bytes: u64) -> bool {
    docs >= MANY_DOCUMENTS || bytes >= MANY_BYTES
}

/// Counts documents and bytes, and draws them when worth it.
pub struct Progress {
    allowed: bool,
    bar: Option<ProgressBar>,
    docs: u64,
    bytes: u64,
}

impl Progress {
    /// A progress line that may appear (stderr is a terminal and not
    /// `quiet`).
    pub fn new(quiet: bool) -> Progress {
        Progress {
            allowed: !quiet && std::io::stderr().is_terminal(),
            bar: None,
            docs: 0,
            bytes: 0,
        }
    }

    /// Counts one finished input of `bytes` bytes.
    pub fn add(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes as u64;
        if self.bar.is_none() && self.allowed && worth_showing(self.docs, self.bytes) {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {elapsed} {pos} documents, {msg}")
            {
                bar.set_style(style);
            }
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_message(super::bounded::human(self.bytes));
            bar.set_position(self.docs);
        }
    }

    /// Prints a message on stderr without tearing the progress line.
    pub fn message(&self, m: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| super::report(m)),
            None => super::report(m),
        }
    }

    /// Removes the progress line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_runs_stay_silent() {
        assert!(!worth_showing(1, 1000));
        assert!(!worth_showing(49, MANY_BYTES - 1));
        assert!(worth_showing(50, 0));
        assert!(worth_showing(1, MANY_BYTES));
    }

    #[test]
    fn quiet_never_draws() {
        let mut p = Progress::new(true);
        for _ in 0..100 {
            p.add(1 << 20);
        }
        assert!(p.bar.is_none());
    }
}
