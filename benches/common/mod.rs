//! What every benchmark shares: the text it reads, the criterion set-up,
//! and the ratio report printed after a run.
//!
//! Ratios are computed from the medians criterion records for this run
//! (`<criterion home>/<group>/<bench>/new/estimates.json`), so a ratio
//! always compares two things measured in the same run on the same
//! machine.

#![allow(dead_code)] // each bench target uses part of this module

use criterion::Criterion;
use std::path::PathBuf;

/// The bundled sample documents, in file-name order.
pub fn documents() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture corpus")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).expect("UTF-8 fixture"))
        })
        .collect()
}

/// The sample documents joined and repeated to at least `min_bytes`.
pub fn text(min_bytes: usize) -> String {
    let one = documents()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut out = one.clone();
    while out.len() < min_bytes {
        out.push_str("\n\n");
        out.push_str(&one);
    }
    out
}

/// When this benchmark process started (first call wins; call it first
/// thing in `main`).
pub fn started() -> std::time::SystemTime {
    static START: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::SystemTime::now)
}

/// Where criterion writes its estimates, as criterion itself decides it.
pub fn criterion_home() -> PathBuf {
    if let Some(h) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target")));
    target.join("criterion")
}

/// The criterion configuration of every govkg benchmark.
pub fn criterion() -> Criterion {
    Criterion::default()
        .output_directory(&criterion_home())
        .configure_from_args()
}

/// The median time per iteration (ns) criterion recorded in this run for
/// `group/bench`, if that benchmark ran.
///
/// Estimates left by an earlier run (a benchmark filtered out this time)
/// are ignored: only files written after this process started count.
pub fn median_ns(group: &str, bench: &str) -> Option<f64> {
    let path = criterion_home()
        .join(group)
        .join(bench)
        .join("new")
        .join("estimates.json");
    let written = std::fs::metadata(&path).ok()?.modified().ok()?;
    if written < started() {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

/// One line of the ratio report.
pub struct Ratio {
    /// What is compared, for the reader.
    pub label: String,
    /// `group/bench` of the measured thing.
    pub measured: (&'static str, String),
    /// `group/bench` of the baseline.
    pub baseline: (&'static str, String),
    /// The figure to reach (measured throughput ÷ baseline throughput).
    pub target: Option<f64>,
}

impl Ratio {
    /// Compares two benchmarks of the same input size.
    pub fn new(
        label: &str,
        measured: (&'static str, &str),
        baseline: (&'static str, &str),
        target: Option<f64>,
    ) -> Self {
        Ratio {
            label: label.to_string(),
            measured: (measured.0, measured.1.to_string()),
            baseline: (baseline.0, baseline.1.to_string()),
            target,
        }
    }
}

/// Prints how fast each measured thing ran beside its baseline:
/// `baseline time ÷ measured time`, so above 1 means faster.
/// Benchmarks filtered out of this run are skipped.
pub fn print_ratios(title: &str, bytes: Option<usize>, ratios: &[Ratio]) {
    let mut lines = Vec::new();
    for r in ratios {
        let (Some(m), Some(b)) = (
            median_ns(r.measured.0, &r.measured.1),
            median_ns(r.baseline.0, &r.baseline.1),
        ) else {
            continue;
        };
        let ratio = b / m;
        let speed = bytes
            .map(|n| {
                format!(
                    "{:>9.1} MB/s vs {:>9.1} MB/s",
                    n as f64 / m * 1e3,
                    n as f64 / b * 1e3
                )
            })
            .unwrap_or_else(|| format!("{:>9.2} ms vs {:>9.2} ms", m / 1e6, b / 1e6));
        let verdict = match r.target {
            Some(t) if ratio >= t => format!("target ≥ {t}: met"),
            Some(t) => format!("target ≥ {t}: NOT met"),
            None => String::new(),
        };
        lines.push(format!(
            "  {:<44} {}  ratio {:>6.2}×  {}",
            r.label, speed, ratio, verdict
        ));
    }
    if !lines.is_empty() {
        println!("\n== ratios: {title} (medians of this run) ==");
        for l in lines {
            println!("{l}");
        }
    }
}

/// Prints a plain figure beside its target.
pub fn print_figure(label: &str, group: &str, bench: &str, target_ms: Option<f64>) {
    if let Some(m) = median_ns(group, bench) {
        let ms = m / 1e6;
        let verdict = match target_ms {
            Some(t) if ms <= t => format!("target ≤ {t} ms: met"),
            Some(t) => format!("target ≤ {t} ms: NOT met"),
            None => String::new(),
        };
        println!("  {label:<44} {ms:>9.2} ms  {verdict}");
    }
}
