//! Any bytes, read as (lossy) UTF-8 and split into documents at form feeds,
//! are extracted and built into a graph without a panic; the graph's saved
//! form loads back equal and saves to the same bytes.

#![no_main]

use govkg::{Document, Extractor, KnowledgeGraph};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let docs: Vec<Document> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| {
            let doc = EXTRACTOR.extract(&format!("d{i}"), t);
            let problems = govkg::validate::problems(&doc, t);
            assert!(problems.is_empty(), "{t:?}:\n{}", problems.join("\n"));
            doc
        })
        .collect();
    let graph = KnowledgeGraph::from_documents(&docs, EXTRACTOR.lexicon());
    let mut saved = Vec::new();
    graph.save(&mut saved).expect("saving to memory works");
    let back = KnowledgeGraph::load(saved.as_slice()).expect("a saved graph loads");
    assert!(back == graph, "the graph changed on its way through save and load");
    let mut again = Vec::new();
    back.save(&mut again).expect("saving to memory works");
    assert!(again == saved, "saving the loaded graph gives other bytes");
});
