//! Any bytes, read as (lossy) UTF-8, are extracted without a panic, and the
//! document keeps every promise `govkg::validate::problems` checks.

#![no_main]

use govkg::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = EXTRACTOR.extract("fuzz", &text);
    let problems = govkg::validate::problems(&doc, &text);
    assert!(problems.is_empty(), "{text:?}:\n{}", problems.join("\n"));
});
