//! Outputs that never surprise (issue 21): `-o` names a format or is a
//! usage error, `govkg tag -o FILE` writes JSON Lines, every input gets a
//! row, `govkg eval` checks its options and says which threshold failed,
//! and reading a terminal says so.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn govkg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Output {
    govkg().args(args).output().expect("run govkg")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Tagged documents (no extraction needed to build their graph).
fn tagged(dir: &Path) -> std::path::PathBuf {
    let t = dir.join("tagged.jsonl");
    let doc = serde_json::json!({"id": "a", "entities": [
        {"id": "e1", "type": "PERSON", "start": 0, "end": 2, "text": "于勇"},
        {"id": "e2", "type": "PLACE", "start": 4, "end": 7, "text": "七宝镇"}],
        "relations": [{"type": "VISIT", "head": "e1", "tail": "e2", "evidence": [0, 8]}]});
    std::fs::write(&t, format!("{doc}\n")).unwrap();
    t
}

#[test]
fn an_output_name_without_a_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = tagged(dir.path());
    let saved = dir.path().join("g.govkg.json");
    let o = run(&["graph", p(&input), "-o", p(&saved)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in ["g.svg", "m.gexf", "graph"] {
        let out = dir.path().join(name);
        for args in [
            vec!["graph", p(&input), "-o", p(&out)],
            vec!["graph", "merge", p(&saved), "-o", p(&out)],
        ] {
            let o = run(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = stderr(&o);
            assert!(err.contains(name), "{err}");
            for format in [".graphml", ".html", "--format", "csv"] {
                assert!(err.contains(format), "{format} in {err}");
            }
            assert!(!out.exists(), "{args:?} wrote {name}");
        }
    }
    // --format still decides.
    let svg = dir.path().join("g.svg");
    let o = run(&["graph", p(&input), "-o", p(&svg), "--format", "dot"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&svg)
            .unwrap()
            .starts_with("digraph")
    );
    // .html picks the page for merge as for graph.
    let page = dir.path().join("m.html");
    let o = run(&["graph", "merge", p(&saved), "-o", p(&page)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // A folder name gives the Neo4j CSV folder.
    let folder = format!("{}/", dir.path().join("neo4j").display());
    let o = run(&["graph", p(&input), "-o", &folder]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("neo4j/nodes.csv").is_file());
}

#[test]
fn graph_merge_help_names_every_format_name() {
    let o = run(&["graph", "merge", "--help"]);
    let help = String::from_utf8(o.stdout).unwrap();
    assert!(help.contains(".html"), "{help}");
    assert!(help.contains("any other name is an error"), "{help}");
}

#[test]
fn tag_writes_json_lines_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let o = run(&["tag", "--no-text", "tests/fixtures/corpus/", "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let to_stdout = run(&["tag", "--no-text", "tests/fixtures/corpus/"]);
    assert_eq!(std::fs::read(&out).unwrap(), to_stdout.stdout);
    let rows = String::from_utf8(to_stdout.stdout).unwrap();
    assert_eq!(rows.lines().count(), 5);
    // An unwritable output is refused before anything is read.
    let o = run(&[
        "tag",
        "tests/fixtures/corpus/",
        "-o",
        "/nonexistent-dir/out.jsonl",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/nonexistent-dir/out.jsonl"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_input_file_gets_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "区委副书记于勇来到七宝镇。").unwrap();
    std::fs::write(d.join("b.txt"), b"").unwrap();
    std::fs::write(d.join("c.txt"), "镇长顾蓓蓓到九星村调研。").unwrap();
    let o = run(&["tag", "--no-text", p(d)]);
    assert_eq!(o.status.code(), Some(1));
    let rows: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(rows[1]["error"], "empty file");
    assert_eq!(rows[1]["path"], d.join("b.txt").display().to_string());
    assert!(rows[0].get("error").is_none() && rows[2].get("error").is_none());
}

fn eval(args: &[&str]) -> Output {
    let gold = "tests/fixtures/gold/seeds-news.jsonl";
    let mut all = vec!["eval", gold, gold];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn eval_checks_its_types() {
    // Any case: the same scores as in capitals.
    let lower = eval(&["--types", "person,title"]);
    let upper = eval(&["--types", "PERSON,TITLE"]);
    assert_eq!(lower.status.code(), Some(0), "{}", stderr(&lower));
    assert_eq!(lower.stdout, upper.stdout);
    assert!(String::from_utf8_lossy(&lower.stdout).contains("1.000"));
    for bad in ["PERSON,PEOPLE", "people", ","] {
        let o = eval(&["--types", bad]);
        assert_eq!(o.status.code(), Some(2), "--types {bad}");
        assert!(o.stdout.is_empty());
        assert!(
            stderr(&o).contains("PERSON, TITLE, PLACE"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn eval_checks_its_thresholds_and_names_the_one_that_failed() {
    for bad in ["96", "-0.5", "ninety"] {
        let o = eval(&["--min-micro", bad]);
        assert_eq!(o.status.code(), Some(2), "--min-micro {bad}");
        assert!(stderr(&o).contains(bad), "{}", stderr(&o));
    }
    // Gold against itself scores 1.000: a threshold of 1 holds.
    let o = eval(&["--min-micro", "1", "--min-rel", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Against an empty prediction, both fail, and stderr says which.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let o = run(&[
        "eval",
        "tests/fixtures/gold/seeds-news.jsonl",
        p(&empty),
        "--min-micro",
        "0.5",
        "--min-rel",
        "0.5",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("entity micro F1 0.000 is below --min-micro 0.5"),
        "{err}"
    );
    assert!(
        err.contains("relation micro F1 0.000 is below --min-rel 0.5"),
        "{err}"
    );
}

/// Runs `govkg ARGS` with standard input on a pseudo-terminal (through
/// python3's pty module) and returns what it printed; `None` when python3
/// is missing.
fn on_a_terminal(args: &[&str]) -> Option<String> {
    let script = r#"
import os, pty, sys, select, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
deadline = time.time() + 20
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if b"standard input" in out:
            break
os.kill(pid, 9)
sys.stdout.write(out.decode("utf-8", "replace"))
"#;
    let mut all = vec!["-c", script, env!("CARGO_BIN_EXE_govkg")];
    all.extend_from_slice(args);
    let o = Command::new("python3")
        .args(&all)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn reading_a_terminal_says_so() {
    let Some(said) = on_a_terminal(&["tag"]) else {
        eprintln!("note: python3 not found; the terminal check is skipped");
        return;
    };
    assert!(
        said.contains("govkg: reading standard input") && said.contains("Ctrl-D"),
        "{said:?}"
    );
    let said = on_a_terminal(&["graph", "-o", "-"]).unwrap();
    assert!(said.contains("govkg: reading standard input"), "{said:?}");
}

#[test]
fn error_rows_of_tag_are_failures_for_graph() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("a.txt"), "区委副书记于勇来到七宝镇。").unwrap();
    std::fs::write(d.join("b.txt"), b"").unwrap();
    let tagged = dir.path().join("tagged.jsonl");
    let o = run(&["tag", p(&d), "-o", p(&tagged)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&tagged).unwrap().lines().count(), 2);
    let g = dir.path().join("g.govkg.json");
    let o = run(&["graph", p(&tagged), "-o", p(&g)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(":2: an error row of govkg tag: empty file"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&g).unwrap().contains("person:于勇"));
}
