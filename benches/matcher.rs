//! The matcher, govkg's performance core: its automaton over the full
//! default lexicon beside raw aho-corasick and raw daachorse scans of the
//! same patterns, and its throughput as the lexicon grows from 1,000 to
//! 1,000,000 entries.
//!
//! ```text
//! cargo bench --bench matcher
//! ```

mod common;

use common::{Ratio, print_ratios};
use criterion::{BenchmarkId, Criterion, Throughput};
use govkg::matcher::{BackendKind, Matcher};
use govkg::{LexClass, Lexicon};
use std::hint::black_box;

/// Text size for the full-lexicon comparison.
const TEXT_BYTES: usize = 1 << 20;

fn full_lexicon(c: &mut Criterion, text: &str) {
    let lexicon = Lexicon::embedded();
    let mut g = c.benchmark_group("matcher");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for (name, kind) in [
        ("govkg", BackendKind::Daachorse),
        ("govkg-aho-corasick-backend", BackendKind::AhoCorasick),
    ] {
        let m = Matcher::with_backend(&lexicon, kind).expect("matcher builds");
        g.bench_function(name, |b| {
            b.iter(|| black_box(m.hits(black_box(text)).len()))
        });
    }
    let da = daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::new(lexicon.patterns())
        .expect("daachorse builds");
    g.bench_function("raw-daachorse", |b| {
        b.iter(|| {
            da.find_overlapping_iter(black_box(text))
                .fold(0usize, |n, m| n + m.end() - m.start())
        })
    });
    let ac = aho_corasick::AhoCorasick::new(lexicon.patterns()).expect("aho-corasick builds");
    g.bench_function("raw-aho-corasick", |b| {
        b.iter(|| {
            ac.find_overlapping_iter(black_box(text))
                .fold(0usize, |n, m| n + m.end() - m.start())
        })
    });
    g.bench_function("chars-decode", |b| {
        b.iter(|| black_box(text).chars().fold(0u32, |n, c| n ^ c as u32))
    });
    g.finish();
}

/// A synthetic lexicon of `n` distinct words of 2 to 6 characters, drawn
/// from the characters of `text` so that the words also occur in it
/// (a deterministic generator, the same every run).
fn synthetic_lexicon(n: usize, text: &str) -> Lexicon {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut seen = std::collections::HashSet::with_capacity(n);
    let mut b = Lexicon::builder();
    while seen.len() < n {
        // Half the words are slices of the text (they match), half random.
        let len = 2 + (next() % 5) as usize;
        let word: String = if next() % 2 == 0 {
            let at = (next() as usize) % (chars.len() - len);
            chars[at..at + len].iter().collect()
        } else {
            (0..len)
                .map(|_| chars[(next() as usize) % chars.len()])
                .collect()
        };
        if seen.insert(word.clone()) {
            b.add_entry(&word, LexClass::Org);
        }
    }
    b.build()
}

/// The lexicon sizes of the scaling benchmark.
const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn lexicon_size(c: &mut Criterion, text: &str) {
    let mut g = c.benchmark_group("lexicon-size");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    for n in SIZES {
        let lex = synthetic_lexicon(n, text);
        for (name, kind) in [
            ("daachorse", BackendKind::Daachorse),
            ("aho-corasick", BackendKind::AhoCorasick),
        ] {
            let m = Matcher::with_backend(&lex, kind).expect("matcher builds");
            g.bench_with_input(BenchmarkId::new(name, n), &m, |b, m| {
                b.iter(|| black_box(m.hits(black_box(text)).len()))
            });
        }
    }
    g.finish();
}

fn main() {
    common::started();
    let text = common::text(TEXT_BYTES);
    let mut c = common::criterion();
    full_lexicon(&mut c, &text);
    lexicon_size(&mut c, &text);
    c.final_summary();
    print_ratios(
        "matcher over the full default lexicon",
        Some(text.len()),
        &[
            Ratio::new(
                "govkg matcher ÷ raw daachorse",
                ("matcher", "govkg"),
                ("matcher", "raw-daachorse"),
                Some(0.9),
            ),
            Ratio::new(
                "govkg matcher ÷ raw aho-corasick",
                ("matcher", "govkg"),
                ("matcher", "raw-aho-corasick"),
                None,
            ),
            Ratio::new(
                "aho-corasick backend ÷ daachorse backend",
                ("matcher", "govkg-aho-corasick-backend"),
                ("matcher", "govkg"),
                None,
            ),
        ],
    );
    let sizes: Vec<Ratio> = SIZES
        .iter()
        .map(|n| Ratio {
            label: format!("{n:>9} entries: daachorse ÷ aho-corasick"),
            measured: ("lexicon-size", format!("daachorse/{n}")),
            baseline: ("lexicon-size", format!("aho-corasick/{n}")),
            target: None,
        })
        .collect();
    print_ratios("lexicon sizes 1k, 10k, 100k, 1M", Some(text.len()), &sizes);
}
