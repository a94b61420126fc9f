//! Throughput of the matcher and of the whole pipeline, each beside a
//! baseline measured in the same run (criterion reports bytes per second).
//!
//! ```text
//! cargo bench --bench extract
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govkg::matcher::{BackendKind, Matcher};
use govkg::{Extractor, Lexicon};
use std::hint::black_box;

/// The bundled sample documents, concatenated.
fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture corpus")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn matcher(c: &mut Criterion) {
    let text = corpus();
    let lexicon = Lexicon::embedded();
    let mut g = c.benchmark_group("matcher");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for kind in [BackendKind::Daachorse, BackendKind::AhoCorasick] {
        let m = Matcher::with_backend(&lexicon, kind).expect("matcher builds");
        g.bench_function(format!("govkg-{kind:?}"), |b| {
            b.iter(|| black_box(m.hits(black_box(&text)).len()))
        });
    }
    let da = daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::new(lexicon.patterns())
        .expect("daachorse builds");
    g.bench_function("raw-daachorse", |b| {
        b.iter(|| black_box(da.find_overlapping_iter(black_box(&text)).count()))
    });
    let ac = aho_corasick::AhoCorasick::new(lexicon.patterns()).expect("aho-corasick builds");
    g.bench_function("raw-aho-corasick", |b| {
        b.iter(|| black_box(ac.find_overlapping_iter(black_box(&text)).count()))
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let text = corpus();
    let extractor = Extractor::builder()
        .keep_text(false)
        .build()
        .expect("extractor builds");
    let jieba = jieba_rs::Jieba::new();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("govkg-extract", |b| {
        b.iter(|| black_box(extractor.extract("bench", black_box(&text)).entities.len()))
    });
    g.bench_function("jieba-tag", |b| {
        b.iter(|| black_box(jieba.tag(black_box(&text), true).len()))
    });
    g.bench_function("jieba-cut", |b| {
        b.iter(|| black_box(jieba.cut(black_box(&text), true).len()))
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("lexicon-embedded", |b| {
        b.iter(|| black_box(Lexicon::embedded().pattern_count()))
    });
    let lexicon = Lexicon::embedded();
    g.bench_function("matcher-daachorse", |b| {
        b.iter(|| black_box(Matcher::new(&lexicon).is_ok()))
    });
    g.finish();
}

criterion_group!(benches, matcher, pipeline, build);
criterion_main!(benches);
