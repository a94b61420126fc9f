//! `govkg graph merge` from the command line: shards of the tagged sample
//! corpus, built with `govkg graph` and merged in any grouping, give the
//! same file as one `govkg graph` run; `govkg graph PATH... -o OUT` works as
//! before; unusable inputs are named and stop the merge with status 2.

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

fn ok(args: &[&str]) -> Vec<u8> {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "govkg {args:?}\nstderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A folder for files the tests share.
fn shared_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("graph_merge_cli-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a temporary folder");
        d
    })
}

/// `govkg tag` output of the sample corpus, one line per document.
fn tagged_lines() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| {
        let out = String::from_utf8(ok(&["tag", "tests/fixtures/corpus"])).expect("UTF-8");
        out.lines().map(str::to_string).collect()
    })
}

/// The direct graph of the whole tagged corpus, in the saved form.
fn direct_graph() -> &'static Path {
    static G: OnceLock<PathBuf> = OnceLock::new();
    G.get_or_init(|| {
        let all = shared_dir().join("all.jsonl");
        std::fs::write(&all, tagged_lines().join("\n") + "\n").expect("write");
        let g = shared_dir().join("direct.govkg.json");
        ok(&["graph", p(&all), "-o", p(&g)]);
        g
    })
}

/// Writes the tagged lines `lines` as one shard file and builds its graph
/// with `govkg graph`, as a Spark partition would.
fn shard(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let tagged = dir.join(format!("{name}.jsonl"));
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&tagged, body).expect("write");
    let g = dir.join(format!("{name}.govkg.json"));
    ok(&["graph", p(&tagged), "-o", p(&g), "-q"]);
    g
}

#[test]
fn shards_merged_in_any_grouping_equal_one_graph_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = tagged_lines();
    assert!(lines.len() >= 3, "the sample corpus has several documents");
    // Three shards, one of them empty (Spark partitions may be).
    let (a, rest) = lines.split_at(1);
    let (b, c) = rest.split_at(rest.len() / 2);
    let sa = shard(dir.path(), "a", a);
    let sb = shard(dir.path(), "b", b);
    let sc = shard(dir.path(), "c", c);
    let empty = shard(dir.path(), "empty", &[]);
    let direct = read(direct_graph());

    let m = dir.path().join("m.govkg.json");
    ok(&[
        "graph",
        "merge",
        p(&sc),
        p(&empty),
        p(&sa),
        p(&sb),
        "-o",
        p(&m),
    ]);
    assert_eq!(read(&m), direct);

    // A reduce tree: (b + a) + c, with the inner result as an input.
    let ba = dir.path().join("ba.govkg.json");
    ok(&["graph", "merge", p(&sb), p(&sa), "-o", p(&ba), "-q"]);
    assert_ne!(
        read(&ba),
        direct,
        "two shards alone are not the whole graph"
    );
    let tree = dir.path().join("tree.govkg.json");
    ok(&["graph", "merge", p(&ba), p(&sc), "-o", p(&tree)]);
    assert_eq!(read(&tree), direct);

    // One input is copied through; the same shard twice changes nothing.
    let one = dir.path().join("one.govkg.json");
    ok(&["graph", "merge", p(&m), p(&m), "-o", p(&one)]);
    assert_eq!(read(&one), direct);
}

#[test]
fn merge_writes_every_format() {
    let direct = direct_graph();
    let merged = ok(&["graph", "merge", p(direct), "-o", "-", "--format", "json"]);
    let all = shared_dir().join("all.jsonl");
    let built = ok(&["graph", p(&all), "-o", "-", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&merged).expect("node-link JSON");
    assert!(!v["nodes"].as_array().expect("nodes").is_empty());
    assert_eq!(merged, built);
    let dir = tempfile::tempdir().expect("tempdir");
    let gml = dir.path().join("g.graphml");
    ok(&["graph", "merge", p(direct), "-o", p(&gml)]);
    assert!(
        String::from_utf8(read(&gml))
            .expect("UTF-8")
            .contains("<graphml")
    );
    let o = run(&["graph", "merge", p(direct), "-o", "-", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn building_from_paths_works_as_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = shared_dir().join("all.jsonl");
    let _ = direct_graph();
    // Paths, -o and --format in any order; stdout with -.
    let g = dir.path().join("g.govkg.json");
    ok(&["graph", "-o", p(&g), p(&all)]);
    assert_eq!(read(&g), read(direct_graph()));
    let dot = ok(&["graph", p(&all), "--format", "dot", "-o", "-"]);
    assert!(
        String::from_utf8(dot)
            .expect("UTF-8")
            .starts_with("digraph")
    );
    // A file that happens to be called `merge` is a path when written ./merge.
    let merge_file = dir.path().join("merge");
    std::fs::copy(&all, &merge_file).expect("copy");
    let g2 = dir.path().join("g2.govkg.json");
    let out = Command::new(env!("CARGO_BIN_EXE_govkg"))
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .args(["graph", "./merge", "-o", p(&g2)])
        .output()
        .expect("run govkg");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(read(&g2), read(direct_graph()));
    // -o is still required, and building options do not mix with merge.
    assert_eq!(run(&["graph", p(&all)]).status.code(), Some(2));
    assert_eq!(
        run(&["graph", "--dict", "d.txt", "merge", p(&g), "-o", "-"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["graph", "merge", "-o", "-"]).status.code(), Some(2));
}

#[test]
fn unusable_inputs_are_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = direct_graph();
    let text = read(good);
    let cut = dir.path().join("cut.govkg.json");
    std::fs::write(&cut, &text[..text.len() / 2]).expect("write");
    let nodelink = dir.path().join("nodelink.json");
    std::fs::write(
        &nodelink,
        ok(&["graph", "merge", p(good), "-o", "-", "--format", "json"]),
    )
    .expect("write");
    let missing = dir.path().join("missing.govkg.json");
    let out = dir.path().join("out.govkg.json");

    let o = run(&[
        "graph",
        "merge",
        p(good),
        p(&cut),
        p(&nodelink),
        p(&missing),
        "-o",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let line_of = |path: &Path| {
        err.lines()
            .find(|l| l.starts_with(&format!("govkg: {}: ", path.display())))
            .unwrap_or_else(|| panic!("no line for {}:\n{err}", path.display()))
            .to_string()
    };
    assert!(line_of(&cut).contains("ends too early"), "{err}");
    assert!(line_of(&nodelink).contains("node-link"), "{err}");
    line_of(&missing);
    assert!(err.contains("3 of 4 inputs unusable"), "{err}");
    assert!(
        !out.exists(),
        "nothing is written when an input is unusable"
    );
}
