//! Integration tests of the `govkg` binary: inputs, output shape, error
//! messages, exit codes, broken pipes, and parity of `govkg eval` with the
//! reference scorer `tests/fixtures/score.py`.
//!
//! Everything needed lives in `tests/fixtures/`; nothing outside the
//! repository is read.

use serde_json::Value;
mod common;
use common::{corpus, run_with_stdin};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The sample corpus, relative to the repository root.
const CORPUS: &str = "tests/fixtures/corpus";
/// The gold files of the sample corpus.
const GOLD_FILES: [&str; 2] = [
    "tests/fixtures/gold/seeds-news.jsonl",
    "tests/fixtures/gold/seeds-reports.jsonl",
];
/// The reference scorer.
const SCORER: &str = "tests/fixtures/score.py";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `govkg` run from the repository root.
fn govkg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(root());
    c
}

fn run(mut cmd: Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("run govkg")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON objects of JSON Lines output.
fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Python's `text[start:end]`: a slice by code points.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn ids(docs: &[Value]) -> Vec<&str> {
    docs.iter()
        .map(|d| d["id"].as_str().expect("id is a string"))
        .collect()
}

/// Asserts that every entity of `doc` slices out of `text` at its offsets.
fn assert_offsets(doc: &Value, text: &str) {
    let n = text.chars().count();
    for e in doc["entities"].as_array().expect("entities array") {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert!(
            s < t && t <= n,
            "bad offsets {s}..{t} (text has {n} code points) in {e}"
        );
        let got = e["text"].as_str().expect("entity text");
        assert_eq!(cp_slice(text, s, t), got, "entity {e} of {}", doc["id"]);
    }
}

#[test]
fn tag_corpus_directory() {
    let o = run({
        let mut c = govkg();
        c.args(["tag", CORPUS]);
        c
    });
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let docs = json_lines(&stdout(&o));
    let files = corpus();
    assert_eq!(docs.len(), 5);
    assert_eq!(
        ids(&docs),
        files.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>()
    );
    for (doc, (_, text)) in docs.iter().zip(&files) {
        assert_eq!(
            doc["text"].as_str(),
            Some(text.as_str()),
            "text of {}",
            doc["id"]
        );
        assert!(
            !doc["entities"].as_array().unwrap().is_empty(),
            "no entities in {}",
            doc["id"]
        );
        assert!(doc["relations"].is_array());
        assert_offsets(doc, text);
        for e in doc["entities"].as_array().unwrap() {
            let t = e["type"].as_str().unwrap();
            assert!(
                ["PERSON", "TITLE", "PLACE", "ORG", "PLOT", "DATE"].contains(&t),
                "type {t}"
            );
            assert!(e["id"].as_str().is_some_and(|i| i.starts_with('e')));
        }
    }
}

#[test]
fn no_text_omits_text() {
    let o = run({
        let mut c = govkg();
        c.args(["tag", "--no-text", CORPUS]);
        c
    });
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let docs = json_lines(&stdout(&o));
    assert_eq!(docs.len(), 5);
    for d in &docs {
        assert!(
            d.get("text").is_none(),
            "document {} carries its text",
            d["id"]
        );
        // Entities keep their own text.
        assert!(
            d["entities"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["text"].is_string())
        );
    }
}

#[test]
fn stdin_json_lines_keep_input_order() {
    let files = corpus();
    // Out of file-name order, to see that output follows input.
    let order = [3usize, 0, 4, 1];
    let mut input = String::new();
    for &i in &order {
        let (id, text) = &files[i];
        input.push_str(&serde_json::json!({"id": format!("doc-{id}"), "text": text}).to_string());
        input.push('\n');
    }
    input.push('\n'); // blank lines are skipped
    input.push_str(&serde_json::json!({"id": "short", "text": "11月20日,区委副书记于勇一行来到七宝镇开展督查。"}).to_string());
    input.push('\n');
    for args in [&["tag"][..], &["tag", "-"][..]] {
        let mut c = govkg();
        c.args(args);
        let o = run_with_stdin(c, &input);
        assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
        let docs = json_lines(&stdout(&o));
        let mut want: Vec<String> = order
            .iter()
            .map(|&i| format!("doc-{}", files[i].0))
            .collect();
        want.push("short".into());
        assert_eq!(ids(&docs), want);
        for (d, &i) in docs.iter().zip(&order) {
            assert_offsets(d, &files[i].1);
        }
        let last = docs.last().unwrap();
        let found: Vec<(&str, &str)> = last["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e.get("nested").is_none())
            .map(|e| (e["type"].as_str().unwrap(), e["text"].as_str().unwrap()))
            .collect();
        assert!(found.contains(&("PERSON", "于勇")), "{found:?}");
        assert!(found.contains(&("PLACE", "七宝镇")), "{found:?}");
    }
}

#[test]
fn stdin_plain_text_is_one_document() {
    let o = run_with_stdin(
        {
            let mut c = govkg();
            c.arg("tag");
            c
        },
        "区委副书记于勇来到七宝镇。",
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let docs = json_lines(&stdout(&o));
    assert_eq!(docs.len(), 1);
    assert_offsets(&docs[0], "区委副书记于勇来到七宝镇。");
}

#[test]
fn malformed_json_line_reports_and_continues() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"区委副书记于勇来到七宝镇。\"}\n\
         {\"id\":\"b\",\"text\":\"unterminated\n\
         {\"id\":\"c\",\"text\":\"镇长顾蓓蓓到九星村调研。\"}\n",
    )
    .unwrap();
    let o = run({
        let mut c = govkg();
        c.arg("tag").arg(&path);
        c
    });
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    // One row per input line: the bad one is an error row.
    let rows = json_lines(&stdout(&o));
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0]["id"].as_str(), rows[2]["id"].as_str()),
        (Some("a"), Some("c"))
    );
    assert_eq!(rows[1]["line"], 2);
    assert_eq!(rows[1]["path"], path.display().to_string());
    assert!(rows[1]["error"].as_str().unwrap().starts_with("not JSON"));
    let err = stderr(&o);
    let prefix = format!("govkg: {}:2: ", path.display());
    assert!(
        err.lines().any(|l| l.starts_with(&prefix)),
        "expected a line starting {prefix:?} in stderr: {err}"
    );
}

#[test]
fn missing_file_is_named_and_others_still_run() {
    let o = run({
        let mut c = govkg();
        c.args([
            "tag",
            "--no-text",
            "tests/fixtures/no-such-file.txt",
            CORPUS,
        ]);
        c
    });
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("govkg: tests/fixtures/no-such-file.txt: "),
        "stderr: {err}"
    );
    let rows = json_lines(&stdout(&o));
    assert_eq!(rows.len(), 6, "an error row, then the good inputs");
    assert_eq!(rows[0]["id"], "no-such-file");
    assert_eq!(rows[0]["path"], "tests/fixtures/no-such-file.txt");
    assert!(rows[0]["error"].is_string());
    assert!(rows[1..].iter().all(|d| d["entities"].is_array()));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["tag", "--no-such-flag", CORPUS][..],
        &["eval", "only-one-file.jsonl"][..],
    ] {
        let o = run({
            let mut c = govkg();
            c.args(args);
            c
        });
        assert_eq!(
            o.status.code(),
            Some(2),
            "govkg {args:?}: stderr {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty(), "govkg {args:?} printed to stdout");
        assert!(!stderr(&o).is_empty(), "govkg {args:?} said nothing");
    }
    for args in [["--help"], ["--version"]] {
        let o = run({
            let mut c = govkg();
            c.args(args);
            c
        });
        assert_eq!(o.status.code(), Some(0), "govkg {args:?}");
        assert!(!o.stdout.is_empty());
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    // `govkg tag big | head -1`: enough output (the corpus 40 times, several
    // MB) that govkg is still writing when the reader goes away.
    let mut c = govkg();
    c.arg("tag");
    for _ in 0..40 {
        c.arg(CORPUS);
    }
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).unwrap();
    } // the pipe is closed here
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(
        serde_json::from_str::<Value>(&first).is_ok(),
        "first line: {first}"
    );
    assert!(
        !err.contains("panicked"),
        "govkg panicked on a closed pipe: {err}"
    );
    assert!(
        out.status.success() || out.status.code().is_none(),
        "status {:?}, stderr: {err}",
        out.status
    );
}

#[test]
fn user_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "# a user dictionary\n蓝莓果园\tplace.site\n").unwrap();
    let text = r#"{"id":"a","text":"我们参观了蓝莓果园。"}"#;
    let mut c = govkg();
    c.arg("tag").arg("--dict").arg(&good);
    let o = run_with_stdin(c, text);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let docs = json_lines(&stdout(&o));
    let ents = docs[0]["entities"].as_array().unwrap();
    assert!(
        ents.iter().any(|e| e["type"] == "PLACE"
            && e["text"] == "蓝莓果园"
            && e["start"] == 5
            && e["end"] == 9),
        "{ents:?}"
    );

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "# comment\n蓝莓果园\tplace.site\nno tab here\n").unwrap();
    let o = run({
        let mut c = govkg();
        c.arg("tag").arg("--dict").arg(&bad).arg(CORPUS);
        c
    });
    assert_eq!(o.status.code(), Some(2));
    assert!(
        o.stdout.is_empty(),
        "nothing is tagged with a broken dictionary"
    );
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("govkg: {}:3: ", bad.display())),
        "stderr: {err}"
    );

    let o = run({
        let mut c = govkg();
        c.args(["tag", "--dict", "tests/fixtures/no-such-dict.txt", CORPUS]);
        c
    });
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tests/fixtures/no-such-dict.txt"),
        "stderr: {}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- eval parity

fn have_python() -> bool {
    let ok = Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("note: python3 is not installed; skipping the parity test with score.py");
    }
    ok
}

/// The fixture gold, concatenated as check.sh does.
fn write_gold(dir: &Path) -> PathBuf {
    let mut all = String::new();
    for f in GOLD_FILES {
        let s = std::fs::read_to_string(root().join(f)).unwrap();
        all.push_str(&s);
        if !s.ends_with('\n') {
            all.push('\n');
        }
    }
    let p = dir.join("gold.jsonl");
    std::fs::write(&p, all).unwrap();
    p
}

/// Asserts that `govkg eval ARGS` and `python3 score.py ARGS` print the
/// same text and exit with the same status.
fn assert_parity(args: &[&std::ffi::OsStr]) {
    let rust = run({
        let mut c = govkg();
        c.arg("eval").args(args);
        c
    });
    let py = Command::new("python3")
        .current_dir(root())
        .arg(SCORER)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run score.py");
    assert!(
        !rust.stdout.is_empty(),
        "govkg eval printed nothing; stderr: {}",
        stderr(&rust)
    );
    assert_eq!(
        stdout(&rust),
        stdout(&py),
        "govkg eval and score.py differ for {args:?}\nscore.py stderr: {}",
        stderr(&py)
    );
    assert_eq!(
        rust.status.code(),
        py.status.code(),
        "exit status for {args:?}"
    );
}

#[test]
fn eval_matches_reference_scorer_on_tagger_output() {
    if !have_python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gold = write_gold(dir.path());
    let o = run({
        let mut c = govkg();
        c.args(["tag", "--no-text", CORPUS]);
        c
    });
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, &o.stdout).unwrap();
    let (g, p) = (gold.as_os_str(), pred.as_os_str());
    assert_parity(&[g, p]);
    assert_parity(&[g, p, "--types".as_ref(), "PERSON,PLACE".as_ref()]);
    assert_parity(&[g, p, "--min-micro".as_ref(), "0.999".as_ref()]);
    assert_parity(&[
        g,
        p,
        "--min-micro".as_ref(),
        "0.1".as_ref(),
        "--min-rel".as_ref(),
        "0".as_ref(),
    ]);
}

/// A hand-made prediction that exercises the scorer's corners: relations by
/// entity id and by text, whitespace inside texts, duplicates, unknown types,
/// dangling ids, nested spans, a missing and an extra document, a document
/// given twice (the later line wins), blank lines.
const HAND_MADE_PRED: &str = r#"{"id": "000_67e299d5ffcb0bd7", "entities": [{"id": "e1", "type": "TITLE", "start": 20, "end": 25, "text": "区委副书记"}, {"id": "e2", "type": "ORG", "start": 20, "end": 22, "text": "区委"}, {"id": "e3", "type": "PERSON", "start": 25, "end": 27, "text": "于勇"}, {"id": "e4", "type": "PERSON", "start": 28, "end": 32, "text": "区委常委"}, {"id": "e5", "type": "PLACE", "start": 900, "end": 904, "text": "七宝\n镇"}, {"id": "e6", "type": "EVENT", "start": 1, "end": 3, "text": "xx"}, {"id": "e7", "type": "PERSON", "start": 38, "end": 41, "text": "刘世军"}], "relations": [{"type": "LEADS", "head": "e3", "org": "闵行区委", "role": "副书记"}, {"type": "LEADS", "head": "e3", "org": "区委", "role": "副书记"}, {"type": "LEADS", "head_text": "刘 世军", "org": "闵行区委\n宣传部", "role": "部长"}, {"type": "LEADS", "head": "e7", "org": "闵行区委", "role": "常委", "title": "e4", "evidence": [0, 10]}, {"type": "VISIT", "head": "e3", "tail": "e5", "date": "11月20日"}, {"type": "VISIT", "head_text": "", "head": "e3", "tail_text": "宝铭路"}, {"type": "VISIT", "head": "e99", "tail": "e5"}, {"type": "ACCOMPANY", "head_text": "严俊", "tail_text": "于勇"}, {"type": "ACCOMPANY", "head_text": "严俊", "tail_text": "于勇"}, {"type": "ACCOMPANY", "head_text": "姚媚", "tail": "e7"}, {"type": "FOO", "head": "e1", "tail": "e3"}]}

{"id": "003_c7c72cb30660269e", "entities": [], "relations": []}
{"id": "001_cac6024dd461c2e1", "entities": [{"id": "e1", "type": "DATE", "start": 0, "end": 4, "text": "xxxx"}]}
{"id": "001_cac6024dd461c2e1"}
{"id": "002_e743c46d57511929", "entities": [], "relations": [{"type": "VISIT", "head_text": "某人", "tail_text": "某地"}, {"type": "LEADS", "head_text": "某人", "org": "某局"}]}
{"id": "zzz", "entities": [{"id": "e1", "type": "PERSON", "start": 0, "end": 2, "text": "张三"}], "relations": [{"type": "VISIT", "head_text": "张三", "tail_text": "七宝镇"}]}
"#;

#[test]
fn eval_matches_reference_scorer_on_hand_made_relations() {
    if !have_python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gold = write_gold(dir.path());
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, HAND_MADE_PRED).unwrap();
    let (g, p) = (gold.as_os_str(), pred.as_os_str());
    assert_parity(&[g, p]);
    assert_parity(&[g, p, "--types".as_ref(), "PERSON,TITLE".as_ref()]);
    assert_parity(&[g, p, "--min-rel".as_ref(), "0.5".as_ref()]);
    // The hand-made prediction scores some relations right, so the parity is
    // not a comparison of two tables of zeros.
    let o = run({
        let mut c = govkg();
        c.arg("eval").arg(&gold).arg(&pred);
        c
    });
    let report = stdout(&o);
    let tp = |t: &str| -> usize {
        let line = report
            .lines()
            .find(|l| l.trim_start().starts_with(t))
            .unwrap();
        line.split_whitespace().nth(4).unwrap().parse().unwrap()
    };
    assert!(
        tp("VISIT") >= 2 && tp("LEADS") >= 3 && tp("ACCOMPANY") >= 2,
        "{report}"
    );
    assert!(
        report.contains("missing documents in prediction: 004_c53382e343064291"),
        "{report}"
    );
}
