//! Names that resolve (issue 21): `govkg query` finds a place by its short
//! form and a body by any of its spellings, lists the nodes an ambiguous
//! name may mean, and the closest names to an unknown one.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govkg"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("run govkg")
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "govkg {args:?}\nstderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// Exit status 1, nothing on stdout; returns stderr.
fn fails(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(1), "govkg {args:?}");
    assert!(o.stdout.is_empty(), "govkg {args:?}");
    String::from_utf8(o.stderr).expect("UTF-8 messages")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The graph of the sample corpus, built once.
fn corpus_graph() -> &'static Path {
    static G: OnceLock<PathBuf> = OnceLock::new();
    G.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("query_names_cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let g = dir.join("qibao.govkg.json");
        ok(&["graph", "tests/fixtures/corpus/", "-o", p(&g)]);
        g
    })
}

#[test]
fn the_readme_alias_finds_the_town() {
    let g = p(corpus_graph());
    let by_alias = ok(&["query", g, "visitors", "七宝"]);
    assert!(
        by_alias.lines().any(|l| l.starts_with("于勇@闵行区 ")),
        "{by_alias}"
    );
    assert_eq!(by_alias, ok(&["query", g, "visitors", "七宝镇"]));
    // No node of its own: 七宝 is 七宝镇 in every document.
    fails(&["query", g, "neighbours", "place:七宝"]);
}

#[test]
fn a_body_answers_to_every_spelling() {
    let g = p(corpus_graph());
    let canonical = ok(&["query", g, "leaders", "七宝镇人民政府"]);
    assert!(canonical.lines().count() >= 2, "{canonical}");
    for spelling in [
        "七宝镇政府",
        "闵行区七宝镇人民政府",
        "上海市闵行区七宝镇人民政府",
        // Never written in the corpus, but the same body.
        "上海市闵行区七宝镇政府",
    ] {
        assert_eq!(
            ok(&["query", g, "leaders", spelling]),
            canonical,
            "{spelling}"
        );
    }
}

#[test]
fn an_unknown_name_lists_the_closest() {
    let g = p(corpus_graph());
    let err = fails(&["query", g, "visitors", "七宝真"]);
    assert!(
        err.starts_with("govkg: no place or org or plot named \"七宝真\" in the graph; closest: "),
        "{err}"
    );
    assert!(err.contains("place:七宝镇"), "{err}");
    let err = fails(&["query", g, "positions", "于永"]);
    assert!(err.contains("closest: person:于勇"), "{err}");
    // KIND:NAME is exact; an unknown one is offered names of that kind.
    let err = fails(&["query", g, "neighbours", "place:七宝"]);
    assert!(
        err.starts_with("govkg: no place named \"place:七宝\" in the graph; closest: place:"),
        "{err}"
    );
}

/// A graph where `栖霞` names three places: a document naming neither
/// full name keeps it as written, and two others tie it to 栖霞区 and
/// 栖霞市.
fn qixia_graph(dir: &Path) -> PathBuf {
    let doc = |id: &str, names: &[&str]| {
        let mut at = 0;
        let entities: Vec<serde_json::Value> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let len = n.chars().count();
                let e = serde_json::json!({"id": format!("e{}", i + 1), "type": "PLACE",
                    "start": at, "end": at + len, "text": n});
                at += len + 1;
                e
            })
            .collect();
        serde_json::json!({"id": id, "entities": entities, "relations": []}).to_string()
    };
    let input = dir.join("qixia.jsonl");
    let lines = [
        doc("a", &["栖霞"]),
        doc("b", &["栖霞区", "栖霞"]),
        doc("c", &["栖霞市", "栖霞"]),
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let g = dir.join("qixia.govkg.json");
    ok(&["graph", p(&input), "-o", p(&g)]);
    g
}

#[test]
fn an_ambiguous_name_lists_its_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let g = qixia_graph(dir.path());
    let err = fails(&["query", p(&g), "visitors", "栖霞"]);
    assert!(err.contains("\"栖霞\" names 3 nodes"), "{err}");
    for id in ["place:栖霞", "place:栖霞区", "place:栖霞市"] {
        assert!(err.contains(id), "{id}: {err}");
    }
    // Written in full, each is found.
    ok(&["query", p(&g), "visitors", "place:栖霞市"]);
    ok(&["query", p(&g), "visitors", "栖霞区"]);
}
