//! Graph shards of the sample corpus: however the documents are split into
//! shards, and whatever the order and grouping of the merges (any reduce
//! tree), the merged graph is the graph of the whole corpus, byte for byte
//! in its saved form.

mod common;

use govkg::graph::{EdgeKind, KnowledgeGraph, NodeKind};
use govkg::{Document, Extractor};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Two invented documents whose hierarchy depends on each other: 南山区
/// may lie in 深圳市 or in 鹤岗市, and only the second document names
/// 深圳市. A shard holding the first alone cannot place 南山区; the merge
/// must.
const CROSS: [(&str, &str); 2] = [
    (
        "x-nanshan",
        "11月20日,区委副书记于勇一行来到南山区开展调研。",
    ),
    ("x-shenzhen", "12月3日,镇党委书记严俊来到深圳市开展督查。"),
];

/// The embedded lexicon, built once for the whole test binary.
fn lex() -> &'static govkg::Lexicon {
    static LEX: std::sync::OnceLock<govkg::Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(govkg::Lexicon::embedded)
}

/// The sample documents and the [`CROSS`] pair, tagged once (with their
/// text, for evidence).
fn samples() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let ex = Extractor::new();
        let cross = CROSS
            .iter()
            .map(|&(id, text)| (id.to_string(), text.to_string()));
        common::corpus()
            .into_iter()
            .chain(cross)
            .map(|(id, text)| ex.extract(&id, &text))
            .collect()
    })
}

/// The place the graph puts 南山区 in, if any.
fn nanshan_parent(g: &KnowledgeGraph) -> Option<String> {
    g.find(NodeKind::Place, "南山区")?
        .outgoing()
        .iter()
        .find(|e| e.kind() == EdgeKind::PartOf)
        .map(|e| e.target().name().to_string())
}

/// `copies` of every sample document, each copy under its own id
/// (`000_…#3`), so that a larger corpus shares names across documents.
fn corpus(copies: usize) -> Vec<Document> {
    (0..copies)
        .flat_map(|k| {
            samples().iter().map(move |d| {
                let mut d = d.clone();
                d.id = format!("{}#{k}", d.id);
                d
            })
        })
        .collect()
}

fn saved(g: &KnowledgeGraph) -> Vec<u8> {
    let mut v = Vec::new();
    g.save(&mut v).expect("saving to memory works");
    v
}

/// A shard as `govkg graph` writes it and `govkg graph merge` reads it
/// back: through the saved form.
fn shard(docs: &[&Document]) -> KnowledgeGraph {
    let g = KnowledgeGraph::from_documents(docs.iter().copied(), lex());
    KnowledgeGraph::load(saved(&g).as_slice()).expect("a saved shard loads")
}

/// Merges graphs two at a time in the order `picks` gives: each pick
/// chooses which neighbouring pair to merge next (and which side absorbs
/// the other), so every binary reduce tree over the sequence is reachable.
fn reduce(mut graphs: Vec<KnowledgeGraph>, picks: &[(usize, bool)]) -> KnowledgeGraph {
    let mut picks = picks.iter().cycle();
    while graphs.len() > 1 {
        let &(pick, flip) = picks.next().unwrap_or(&(0, false));
        let i = pick % (graphs.len() - 1);
        let right = graphs.remove(i + 1);
        let left = std::mem::take(&mut graphs[i]);
        graphs[i] = if flip {
            right.merged(&left)
        } else {
            left.merged(&right)
        };
    }
    graphs.pop().unwrap_or_default()
}

#[test]
fn the_corpus_makes_the_properties_worth_testing() {
    // The properties below would prove little on a graph without edges, or
    // on shards whose hierarchy does not depend on each other.
    let g = KnowledgeGraph::from_documents(samples(), lex());
    for kind in EdgeKind::ALL {
        assert!(
            g.edges().any(|e| e.kind() == kind),
            "no {kind} edge in the sample graph"
        );
    }
    assert_eq!(nanshan_parent(&g).as_deref(), Some("深圳市"));
    let nanshan = samples()
        .iter()
        .find(|d| d.id == "x-nanshan")
        .expect("the invented document");
    assert_eq!(nanshan_parent(&shard(&[nanshan])), None);
}

#[test]
fn a_hundred_single_document_shards_merge_into_the_direct_graph() {
    // 14 copies of the 7 documents: 98, and two more copies to make 100.
    let mut docs = corpus(15);
    docs.truncate(100);
    assert_eq!(docs.len(), 100);
    let direct = saved(&KnowledgeGraph::from_documents(&docs, lex()));
    let shards: Vec<KnowledgeGraph> = docs.iter().map(|d| shard(&[d])).collect();

    // All at once, forwards and backwards.
    assert_eq!(saved(&KnowledgeGraph::merge_all(&shards)), direct);
    assert_eq!(
        saved(&KnowledgeGraph::merge_all(shards.iter().rev())),
        direct
    );

    // A balanced tree, as a cluster's reduce would do it.
    let mut level = shards.clone();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => a.clone().merged(b),
                [a] => a.clone(),
                _ => KnowledgeGraph::new(),
            })
            .collect();
    }
    assert_eq!(saved(&level[0]), direct);

    // One by one, the way a fold over a stream does it.
    let folded = shards
        .iter()
        .fold(KnowledgeGraph::new(), |acc, s| acc.merged(s));
    assert_eq!(saved(&folded), direct);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_split_and_any_reduce_tree_give_the_direct_graph(
        // For every document (the samples and the invented pair), its shard.
        shard_of in prop::collection::vec(0..6usize, 7),
        order in Just((0..6usize).collect::<Vec<_>>()).prop_shuffle(),
        picks in prop::collection::vec((any::<usize>(), any::<bool>()), 1..12),
    ) {
        let docs = corpus(1);
        let direct = saved(&KnowledgeGraph::from_documents(&docs, lex()));
        let shards: Vec<KnowledgeGraph> = order
            .iter()
            .map(|&s| {
                // Documents within a shard in reverse, to vary that order too.
                let mine: Vec<&Document> = docs
                    .iter()
                    .zip(&shard_of)
                    .filter(|&(_, &k)| k == s)
                    .map(|(d, _)| d)
                    .rev()
                    .collect();
                shard(&mine)
            })
            .collect();
        prop_assert_eq!(saved(&KnowledgeGraph::merge_all(&shards)), direct.clone());
        let tree = reduce(shards, &picks);
        prop_assert_eq!(saved(&tree), direct);
    }
}
