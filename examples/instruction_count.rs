//! One pass of `Extractor::extract` and one of jieba-rs `tag` over the
//! bundled sample documents, each in a function of its own, for counting
//! their instructions with callgrind. Instruction counts do not wander
//! with the machine's load as wall-clock times do, so they compare two
//! commits (or extraction against the segmenter) on a noisy machine:
//!
//! ```text
//! cargo build --release --example instruction_count
//! for f in extract_all tag_all; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     --toggle-collect="instruction_count::$f" \
//!     target/release/examples/instruction_count 2>&1 | grep 'refs'
//! done
//! ```
//!
//! Both passes run once before counting, so one-time work (jieba-rs
//! loading its models, the first use of any table) is not counted.
//!
//! The lexicon build is counted with
//! `--toggle-collect=instruction_count::lexicon_build`, the second of two
//! builds.
//!
//! The matcher's scan of the samples is counted with
//! `--toggle-collect=instruction_count::matcher_scan`, and raw daachorse's
//! scan of the same patterns, the matcher benchmark's baseline, with
//! `…::daachorse_scan` (each the second of two scans).
//!
//! The graph build is counted the same way, with the number of copies of
//! the samples as the argument (`--toggle-collect=instruction_count::graph_build`,
//! then `… instruction_count 10`).

// The benchmarks' sample documents, read the same way.
#[path = "../benches/common/mod.rs"]
mod common;

use govkg::{Document, Extractor, KnowledgeGraph};
use std::hint::black_box;

fn extract_pass(ex: &Extractor, docs: &[String]) -> usize {
    docs.iter()
        .map(|t| ex.extract("d", black_box(t)).entities.len())
        .sum()
}

fn tag_pass(jieba: &jieba_rs::Jieba, docs: &[String]) -> usize {
    docs.iter()
        .map(|t| jieba.tag(black_box(t), true).len())
        .sum()
}

/// The counted extraction pass (callgrind collects inside this function).
#[inline(never)]
fn extract_all(ex: &Extractor, docs: &[String]) -> usize {
    extract_pass(ex, docs)
}

/// The counted segmenter pass.
#[inline(never)]
fn tag_all(jieba: &jieba_rs::Jieba, docs: &[String]) -> usize {
    tag_pass(jieba, docs)
}

/// The counted graph build, over the samples extracted `N` times (the
/// program's argument, 1 by default; the graph benchmark compares 1× and
/// 10×): counting it at two sizes shows how graph building scales without
/// the machine's caches and load in the way.
#[inline(never)]
fn graph_build(ex: &Extractor, docs: &[Document]) -> usize {
    KnowledgeGraph::from_documents(docs, ex.lexicon()).node_count()
}

/// The counted lexicon build: the embedded dictionaries parsed into a
/// `Lexicon` (`--toggle-collect=instruction_count::lexicon_build`).
#[inline(never)]
fn lexicon_build() -> usize {
    govkg::Lexicon::embedded().pattern_count()
}

/// The counted matcher scan: govkg's automaton collecting and sorting its
/// hits over the samples joined (`--toggle-collect=instruction_count::matcher_scan`).
#[inline(never)]
fn matcher_scan(m: &govkg::matcher::Matcher, text: &str) -> usize {
    m.hits(black_box(text)).len()
}

/// The counted raw daachorse scan of the same patterns, as the matcher
/// benchmark's baseline does it
/// (`--toggle-collect=instruction_count::daachorse_scan`).
#[inline(never)]
fn daachorse_scan(da: &daachorse::CharwiseDoubleArrayAhoCorasick<u32>, text: &str) -> usize {
    da.find_overlapping_iter(black_box(text))
        .fold(0usize, |n, m| n + m.end() - m.start())
}

/// The samples extracted `times` over, under distinct ids.
fn extracted(ex: &Extractor, docs: &[String], times: usize) -> Vec<Document> {
    (0..times)
        .flat_map(|i| {
            docs.iter()
                .enumerate()
                .map(move |(j, t)| (format!("{j}-{i}"), t))
        })
        .map(|(id, t)| ex.extract(&id, t))
        .collect()
}

fn main() {
    // Warm-up, then the counted build.
    assert_eq!(lexicon_build(), lexicon_build());
    let docs: Vec<String> = common::documents().into_iter().map(|(_, t)| t).collect();
    let ex = Extractor::builder()
        .keep_text(false)
        .build()
        .expect("the extractor builds");
    let jieba = jieba_rs::Jieba::new();
    // Warm-up, not counted: the counted calls come after.
    let warm = (extract_pass(&ex, &docs), tag_pass(&jieba, &docs));
    let counted = (extract_all(&ex, &docs), tag_all(&jieba, &docs));
    assert_eq!(warm, counted, "the same documents give the same answers");
    let times = std::env::args().nth(1).map_or(1, |a| {
        a.parse().expect("the argument is a number of copies")
    });
    let joined = common::text(0);
    let m = govkg::matcher::Matcher::new(ex.lexicon()).expect("the matcher builds");
    let da = daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::new(ex.lexicon().patterns())
        .expect("daachorse builds");
    let warm = (matcher_scan(&m, &joined), daachorse_scan(&da, &joined));
    assert_eq!(warm.0, matcher_scan(&m, &joined));
    assert_eq!(warm.1, daachorse_scan(&da, &joined));
    let copies = extracted(&ex, &docs, times);
    let nodes = graph_build(&ex, &copies);
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{} documents, {bytes} bytes: {} entities, {} tagged words; a graph of {nodes} nodes from {times}× the samples",
        docs.len(),
        counted.0,
        counted.1,
    );
}
