//! Tags the bundled sample documents, builds their knowledge graph, asks it
//! who visited 七宝镇 and who leads 七宝镇党委, and exports it as node-link
//! JSON (for networkx or d3).
//!
//! ```text
//! cargo run --example build_graph                  # prints the answers
//! cargo run --example build_graph -- graph.json    # and writes the export
//! ```
//!
//! The example checks its own answers with `assert!`, so running it is a
//! test of the library too.

use govkg::export::{self, Format};
use govkg::graph::{DateRange, KnowledgeGraph, NodeKind};
use govkg::{Document, Extractor};
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");

    // 1. Tag every sample document (the id is the file name without .txt).
    let extractor = Extractor::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs: Vec<Document> = Vec::new();
    for path in &files {
        let id = path.file_stem().unwrap_or_default().to_string_lossy();
        docs.push(extractor.extract(&id, &std::fs::read_to_string(path)?));
    }
    println!("{} documents tagged", docs.len());

    // 2. One graph of all of them; the extractor's lexicon decides place
    //    aliases (七宝 → 七宝镇) and the hierarchy (七宝镇 → 闵行区 → 上海市).
    let graph = KnowledgeGraph::from_documents(&docs, extractor.lexicon());
    println!("{} nodes, {} edges", graph.node_count(), graph.edge_count());

    // 3. Who visited 七宝镇, and when?
    let visits = graph.visitors("七宝镇", &DateRange::any())?;
    for v in &visits {
        println!(
            "visited 七宝镇: {} on {} ({})",
            v.source().name(),
            v.date().unwrap_or("an unknown date"),
            v.document().unwrap_or("?")
        );
    }
    assert!(
        visits.iter().any(|v| v.source().name() == "于勇"),
        "于勇 visits 七宝镇 in the samples"
    );

    // 4. Who leads 七宝镇党委, in which post?
    let leaders = graph.leaders("七宝镇党委")?;
    for l in &leaders {
        println!(
            "leads 七宝镇党委: {} ({})",
            l.source().name(),
            l.role().unwrap_or("?")
        );
    }
    assert!(
        leaders
            .iter()
            .any(|l| l.source().name() == "严俊" && l.role() == Some("书记")),
        "严俊 is 七宝镇党委书记 in the samples"
    );
    let qibao = graph
        .find(NodeKind::Place, "七宝镇")
        .ok_or("七宝镇 is a node")?;
    println!("七宝镇 is written in {:?}", qibao.documents());

    // 5. Export as node-link JSON: to the file given, or just check it.
    let mut json = Vec::new();
    export::write(&graph, Format::NodeLink, &mut json)?;
    let parsed: serde_json::Value = serde_json::from_slice(&json)?;
    let nodes = parsed["nodes"].as_array().map_or(0, Vec::len);
    assert_eq!(nodes, graph.node_count(), "every node is exported");
    match std::env::args_os().nth(1) {
        Some(out) => {
            std::fs::write(&out, &json)?;
            println!("node-link JSON -> {}", PathBuf::from(out).display());
        }
        None => println!("node-link JSON: {} bytes, {nodes} nodes", json.len()),
    }
    Ok(())
}
