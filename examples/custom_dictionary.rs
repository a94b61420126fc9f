//! Adds a user dictionary and shows what it changes: a town and a company
//! the embedded dictionaries do not know become entities, and the town
//! joins the place hierarchy through its `parent=` chain.
//!
//! ```text
//! cargo run --example custom_dictionary                    # the dictionary below
//! cargo run --example custom_dictionary -- my-places.txt   # also a file of yours
//! ```
//!
//! A dictionary is UTF-8 text, one `TEXT<TAB>KIND[<TAB>ATTRS]` entry per
//! line (see `dictionaries/README.md`). The example checks its own answers
//! with `assert!`, so running it is a test of the library too.

use govkg::graph::{KnowledgeGraph, NodeKind};
use govkg::{EntityKind, Extractor};

/// An invented town and company (no real place is called this).
const DICTIONARY: &str = "\
# invented for this example
青禾镇\tplace.town\tparent=上海市/闵行区;short=青禾
蓝鲸数联科技\torg
";

/// An invented news sentence that names both.
const TEXT: &str = "3月5日,区委副书记于勇一行来到青禾镇蓝鲸数联科技调研。";

fn names(ex: &Extractor, kind: EntityKind) -> Vec<String> {
    ex.extract("demo", TEXT)
        .entities_of(kind)
        .filter(|e| !e.nested)
        .map(|e| e.text.clone())
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plain = Extractor::new();

    // The dictionary from a string (any `BufRead`); a file works the same
    // way with `.dictionary_file(path)`.
    let mut builder =
        Extractor::builder().dictionary_reader("example.txt", DICTIONARY.as_bytes())?;
    if let Some(path) = std::env::args_os().nth(1) {
        builder = builder.dictionary_file(path)?;
    }
    let custom = builder.build()?;

    for kind in [EntityKind::Place, EntityKind::Org] {
        println!("{kind} without the dictionary: {:?}", names(&plain, kind));
        println!("{kind} with the dictionary:    {:?}", names(&custom, kind));
    }
    assert!(!names(&plain, EntityKind::Place).contains(&"青禾镇".to_string()));
    assert!(names(&custom, EntityKind::Place).contains(&"青禾镇".to_string()));

    // The graph built with the custom lexicon places 青禾镇 in 闵行区.
    let doc = custom.extract("demo", TEXT);
    let graph = KnowledgeGraph::from_documents([&doc], custom.lexicon());
    let chain: Vec<&str> = graph
        .ancestors("青禾镇")?
        .iter()
        .map(|n| n.name())
        .collect();
    println!("青禾镇 lies in {chain:?}");
    assert_eq!(chain, ["闵行区", "上海市"]);
    let town = graph
        .find(NodeKind::Place, "青禾镇")
        .ok_or("青禾镇 is a node")?;
    assert_eq!(town.documents(), ["demo"]);
    Ok(())
}
