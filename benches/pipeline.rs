//! The whole pipeline beside the segmenter it uses: `Extractor::extract`
//! against jieba-rs `tag` and `cut` on the same documents, one thread.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```

mod common;

use common::{Ratio, print_ratios};
use criterion::{Criterion, Throughput};
use govkg::Extractor;
use std::hint::black_box;

fn pipeline(c: &mut Criterion, docs: &[(String, String)]) {
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let extractor = Extractor::builder()
        .keep_text(false)
        .build()
        .expect("extractor builds");
    let jieba = jieba_rs::Jieba::new();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("govkg-extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(id, t)| extractor.extract(id, black_box(t)).entities.len())
                .sum::<usize>()
        })
    });
    g.bench_function("jieba-tag", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, t)| jieba.tag(black_box(t), true).len())
                .sum::<usize>()
        })
    });
    g.bench_function("jieba-cut", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, t)| jieba.cut(black_box(t), true).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Extraction time against corpus size: the sample documents repeated.
fn corpus_size(c: &mut Criterion, docs: &[(String, String)]) {
    let extractor = Extractor::builder()
        .keep_text(false)
        .build()
        .expect("extractor builds");
    let mut g = c.benchmark_group("corpus-size");
    g.sample_size(10);
    for times in [1usize, 3, 10] {
        let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum::<usize>() * times;
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("extract-{times}x"), |b| {
            b.iter(|| {
                (0..times)
                    .flat_map(|_| docs.iter())
                    .map(|(id, t)| extractor.extract(id, black_box(t)).entities.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn main() {
    common::started();
    let docs = common::documents();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut c = common::criterion();
    pipeline(&mut c, &docs);
    corpus_size(&mut c, &docs);
    c.final_summary();
    print_ratios(
        "pipeline on the sample documents, one thread",
        Some(bytes),
        &[
            Ratio::new(
                "Extractor::extract ÷ jieba-rs tag",
                ("pipeline", "govkg-extract"),
                ("pipeline", "jieba-tag"),
                Some(1.5),
            ),
            Ratio::new(
                "Extractor::extract ÷ jieba-rs cut",
                ("pipeline", "govkg-extract"),
                ("pipeline", "jieba-cut"),
                None,
            ),
        ],
    );
}
