//! Start-up and corpus-scale costs: building the lexicon and its
//! automaton, and building the knowledge graph of 1× and 10× the sample
//! documents (the second should cost about ten times the first).
//!
//! ```text
//! cargo bench --bench build
//! ```

mod common;

use common::print_figure;
use criterion::Criterion;
use govkg::matcher::Matcher;
use govkg::{Document, Extractor, KnowledgeGraph, Lexicon};
use std::hint::black_box;

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("lexicon", |b| {
        b.iter(|| black_box(Lexicon::embedded().pattern_count()))
    });
    let lexicon = Lexicon::embedded();
    g.bench_function("automaton", |b| {
        b.iter(|| black_box(Matcher::new(&lexicon).is_ok()))
    });
    g.bench_function("extractor", |b| {
        b.iter(|| black_box(Extractor::builder().build().is_ok()))
    });
    g.finish();
}

/// The sample documents, extracted, repeated `times` under distinct ids.
fn tagged(ex: &Extractor, times: usize) -> Vec<Document> {
    let docs = common::documents();
    (0..times)
        .flat_map(|i| {
            docs.iter()
                .map(move |(id, t)| (format!("{id}-{i}"), t))
                .collect::<Vec<_>>()
        })
        .map(|(id, t)| ex.extract(&id, t))
        .collect()
}

/// Corpus sizes of the graph benchmark, in copies of the sample documents.
const GRAPH_SIZES: [usize; 4] = [1, 3, 10, 30];

fn graph(c: &mut Criterion) {
    let ex = Extractor::new();
    let mut g = c.benchmark_group("graph");
    g.sample_size(20);
    for times in GRAPH_SIZES {
        let docs = tagged(&ex, times);
        g.bench_function(format!("build-{times}x"), |b| {
            b.iter(|| black_box(KnowledgeGraph::from_documents(&docs, ex.lexicon()).node_count()))
        });
    }
    g.finish();
}

fn main() {
    common::started();
    let mut c = common::criterion();
    startup(&mut c);
    graph(&mut c);
    c.final_summary();
    println!("\n== figures: start-up (medians of this run) ==");
    print_figure(
        "lexicon build (dictionaries → Lexicon)",
        "build",
        "lexicon",
        Some(50.0),
    );
    print_figure(
        "automaton build (Lexicon → Matcher)",
        "build",
        "automaton",
        None,
    );
    print_figure(
        "whole extractor (lexicon, automaton, segmenter)",
        "build",
        "extractor",
        None,
    );
    if let (Some(one), Some(ten)) = (
        common::median_ns("graph", "build-1x"),
        common::median_ns("graph", "build-10x"),
    ) {
        let r = ten / one;
        let verdict = if r <= 11.0 { "met" } else { "NOT met" };
        println!("\n== ratios: graph build (medians of this run) ==");
        println!(
            "  graph of 10× the documents ÷ graph of 1×   {:.2} ms vs {:.2} ms  ratio {r:.2}×  target ≤ 11: {verdict}",
            ten / 1e6,
            one / 1e6
        );
    }
}
