//! Prints how long the first `govkg::Extractor::new()` of a process takes,
//! in seconds: the Rust side of `bench/bench.py`'s start-up comparison.
//! A fresh process each time, as a Python user's `import govkg;
//! govkg.Extractor()` is.
//!
//!     cargo run --release --example extractor_new

fn main() {
    let t = std::time::Instant::now();
    let ex = govkg::Extractor::new();
    let elapsed = t.elapsed().as_secs_f64();
    std::hint::black_box(&ex);
    println!("{elapsed:.6}");
}
