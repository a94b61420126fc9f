//! Extraction on text without punctuation (a scraped page, a table
//! flattened into one line) against its length: throughput must stay flat
//! from 1 MB to 8 MB (within 1.3×) and within 2× of ordinary text, or a
//! hostile page could hold a worker for minutes.
//!
//! ```text
//! cargo bench --bench unpunctuated
//! ```

mod common;

use criterion::Throughput;
use govkg::Extractor;
use std::hint::black_box;

const MB: usize = 1_000_000;

/// The sample documents with every punctuation mark and white space
/// removed, repeated to `bytes` (cut at a char boundary).
fn unpunctuated(bytes: usize) -> String {
    let plain: String = common::text(bytes)
        .chars()
        .filter(|c| !(c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(*c)))
        .collect();
    let mut out = plain.clone();
    while out.len() < bytes {
        out.push_str(&plain);
    }
    let mut end = bytes.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn main() {
    common::started();
    let extractor = Extractor::builder()
        .keep_text(false)
        .build()
        .expect("extractor builds");
    let mut c = common::criterion();
    let mut g = c.benchmark_group("unpunctuated");
    g.sample_size(10);
    let sizes = [1usize, 2, 4, 8];
    for mb in sizes {
        let text = unpunctuated(mb * MB);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("unpunctuated-{mb}MB"), |b| {
            b.iter(|| extractor.extract("u", black_box(&text)).entities.len())
        });
    }
    let ordinary = common::text(MB);
    g.throughput(Throughput::Bytes(ordinary.len() as u64));
    g.bench_function("ordinary-1MB", |b| {
        b.iter(|| extractor.extract("o", black_box(&ordinary)).entities.len())
    });
    g.finish();
    c.final_summary();
    let speed = |bench: &str, bytes: usize| {
        common::median_ns("unpunctuated", bench).map(|ns| bytes as f64 / ns * 1e3)
    };
    println!("\n== unpunctuated text: MB/s by length (medians of this run) ==");
    let one = speed("unpunctuated-1MB", MB);
    for mb in sizes {
        if let (Some(s), Some(o)) = (speed(&format!("unpunctuated-{mb}MB"), mb * MB), one) {
            println!(
                "  {mb} MB: {s:>7.2} MB/s  ({:.2}× the 1 MB speed; target ≥ 1/1.3)",
                s / o
            );
        }
    }
    if let (Some(u), Some(o)) = (one, speed("ordinary-1MB", ordinary.len())) {
        println!(
            "  ordinary 1 MB: {o:>7.2} MB/s; unpunctuated ÷ ordinary {:.2}× (target ≥ 0.5)",
            u / o
        );
    }
}
