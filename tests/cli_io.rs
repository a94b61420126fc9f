//! Integration tests of `govkg tag`'s input and output pipeline: parallel
//! output in input order, the streaming filter on stdin with error objects,
//! bad inputs among good ones, the document size limit, encodings and HTML
//! pages.

use serde_json::{Value, json};
mod common;
use common::{corpus, run_with_stdin};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn govkg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(mut cmd: Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("run govkg")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn ids(docs: &[Value]) -> Vec<String> {
    docs.iter().map(|d| d["id"].to_string()).collect()
}

/// The (type, text) pairs of a document's top-level entities.
fn entities(doc: &Value) -> Vec<(String, String)> {
    doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e.get("nested").is_none())
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const SHORT: &str = "11月20日,区委副书记王明一行来到东湖镇开展督查。";

/// Tagging with 1 and 3 workers gives byte-identical output, in input
/// order, for many documents of very different sizes.
#[test]
fn parallel_output_equals_serial_output() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus();
    for i in 0..24 {
        // Sizes vary a lot, so later documents often finish first.
        let text = if i % 7 == 0 {
            files[i % files.len()].1.clone()
        } else {
            format!("第{i}期。{SHORT}")
        };
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let tag = |jobs: &str| {
        let mut c = govkg();
        c.args(["tag", "-j", jobs]).arg(dir.path());
        let o = run(c);
        assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
        o.stdout
    };
    let one = tag("1");
    let three = tag("3");
    assert!(one == three, "-j 1 and -j 3 differ");
    let docs: Vec<Value> = String::from_utf8(one)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let want: Vec<String> = (0..24).map(|i| format!("\"{i:03}\"")).collect();
    assert_eq!(ids(&docs), want);
}

/// A text over a megabyte is tagged by the writer as it writes it, and
/// its JSON line's text is unescaped in the line's own buffer: the
/// rows are still, byte for byte, the documents `Extractor::extract`
/// gives, in input order.
#[test]
fn a_long_text_among_short_ones_is_written_as_extracted() {
    // With line breaks: escapes in its JSON line.
    let long = format!("第1期。{SHORT}\n").repeat((1 << 20) / SHORT.len() + 10);
    assert!(long.len() > 1 << 20);
    let texts = [format!("甲\n{SHORT}"), long, SHORT.to_string()];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("d{i}"), "text": t}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let ex = govkg::Extractor::new();
    let want: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::to_string(&ex.extract(&format!("d{i}"), t)).unwrap() + "\n")
        .collect();
    let mut c = govkg();
    c.args(["tag", "-q", "-j", "2"]).arg(&path);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(String::from_utf8(o.stdout).unwrap() == want, "rows differ");
}

#[test]
fn jobs_must_be_positive() {
    let mut c = govkg();
    c.args(["tag", "-j", "0", "tests/fixtures/corpus"]);
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

/// The filter contract: one object per line, in order, error objects for
/// bad lines, `<stdin>:N:` on stderr, exit 1 at the end.
#[test]
fn stdin_filter_answers_every_line() {
    let lines = [
        json!({"id": "a", "text": SHORT}).to_string(),
        "this is not JSON".to_string(),
        json!({"id": "c"}).to_string(),
        json!({"text": "no id"}).to_string(),
        json!({"id": 5, "text": "镇长李华到西岭村调研。"}).to_string(),
    ];
    let input = lines.join("\n") + "\n";
    let mut c = govkg();
    c.args(["tag", "--no-text"]);
    let o = run_with_stdin(c, input.into_bytes());
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let out = json_lines(&o);
    assert_eq!(out.len(), 5, "one object per input line");
    assert_eq!(out[0]["id"], "a");
    assert!(entities(&out[0]).contains(&("PERSON".into(), "王明".into())));
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["line"], 2);
    assert!(out[1]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!((&out[2]["id"], &out[2]["line"]), (&json!("c"), &json!(3)));
    assert!(out[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!((&out[3]["id"], &out[3]["line"]), (&Value::Null, &json!(4)));
    assert_eq!(out[4]["id"], "5");
    assert!(out[4].get("error").is_none());
    let err = stderr(&o);
    for n in [2, 3, 4] {
        assert!(
            err.lines()
                .any(|l| l.starts_with(&format!("govkg: <stdin>:{n}: "))),
            "no message for line {n}: {err}"
        );
    }
    assert_eq!(err.lines().count(), 3, "{err}");
}

/// Each result is written as soon as it is ready: the answer to the first
/// line arrives while stdin is still open.
#[test]
fn stdin_filter_flushes_each_line() {
    let mut child = govkg()
        .args(["tag", "--no-text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut answer = String::new();
    for id in ["first", "second"] {
        writeln!(stdin, "{}", json!({"id": id, "text": SHORT})).unwrap();
        stdin.flush().unwrap();
        answer.clear();
        stdout.read_line(&mut answer).unwrap();
        let v: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(v["id"], id);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

/// An empty stdin (an empty Spark partition) is no document and no error.
#[test]
fn empty_stdin_is_no_document() {
    let o = run_with_stdin(
        {
            let mut c = govkg();
            c.arg("tag");
            c
        },
        Vec::new(),
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// 1,000 documents with bad ones among them: every good one is tagged, in
/// order; each bad one gets one message naming it; exit status 1.
#[test]
fn bad_inputs_among_a_thousand_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Short invented articles keep a debug build fast.
    let mut good = Vec::new();
    for i in 0..995 {
        let name = format!("{i:04}");
        std::fs::write(d.join(format!("{name}.txt")), format!("第{i}期。{SHORT}")).unwrap();
        good.push(name);
    }
    // Latin-1 bytes are neither UTF-8 nor GB18030 Chinese.
    std::fs::write(d.join("0100a.txt"), b"caf\xe9 cr\xe8me br\xfbl\xe9e\n").unwrap();
    // A binary file (an executable's first bytes).
    std::fs::write(
        d.join("0200a.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    std::fs::write(d.join("0300a.txt"), b"").unwrap();
    std::fs::write(d.join("0400a.txt"), "x".repeat(2000)).unwrap();
    std::fs::write(
        d.join("0500a.jsonl"),
        format!(
            "{}\n{{\"id\": \"broken\n{}\n",
            json!({"id": "j1", "text": SHORT}),
            json!({"id": "j3", "text": SHORT})
        ),
    )
    .unwrap();
    let unreadable = d.join("0600a.txt");
    std::fs::write(&unreadable, SHORT).unwrap();
    let root = running_as_root();
    if !root {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    // Documents are limited to 1,500 bytes: the good ones fit, 0400a does not.

    let mut c = govkg();
    c.args(["tag", "--no-text", "-j", "2", "--max-doc-bytes", "1500"])
        .arg(d);
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));

    // One row per input, in order: a document, or an error row for each
    // bad file and bad line.
    let mut want: Vec<String> = Vec::new();
    for name in &good {
        want.push(format!("\"{name}\""));
        match name.as_str() {
            "0100" | "0200" | "0300" | "0400" => want.push(format!("\"{name}a\" error")),
            "0500" => {
                want.push("\"j1\"".into());
                want.push("null error".into());
                want.push("\"j3\"".into());
            }
            "0600" if root => want.push("\"0600a\"".into()),
            "0600" => want.push("\"0600a\" error".into()),
            _ => {}
        }
    }
    let rows: Vec<String> = json_lines(&o)
        .iter()
        .map(|d| match d.get("error") {
            Some(_) => format!("{} error", d["id"]),
            None => d["id"].to_string(),
        })
        .collect();
    assert_eq!(rows, want);

    let err = stderr(&o);
    let p = |f: &str| d.join(f).display().to_string();
    let mut expected = vec![
        (p("0100a.txt") + ": ", "not UTF-8, UTF-16 or GB18030"),
        (p("0200a.txt") + ": ", "binary data"),
        (p("0300a.txt") + ": ", "empty file"),
        (p("0400a.txt") + ": ", "more than --max-doc-bytes"),
        (p("0500a.jsonl") + ":2: ", "not JSON"),
    ];
    if !root {
        expected.push((p("0600a.txt") + ": ", "ermission denied"));
    }
    for (prefix, what) in &expected {
        let hits: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with(&format!("govkg: {prefix}")))
            .collect();
        assert_eq!(hits.len(), 1, "one message for {prefix}: {err}");
        assert!(
            hits[0].contains(what),
            "{prefix} says {:?}, expected {what:?}",
            hits[0]
        );
    }
    assert_eq!(err.lines().count(), expected.len(), "{err}");
}

/// A big input without a line break is refused by size, on stdin too,
/// without reading it whole, and the run goes on.
#[test]
fn oversized_inputs_are_refused_and_the_run_goes_on() {
    let big = "镇".repeat(100_000).into_bytes(); // 300 KB, no newline
    let mut c = govkg();
    c.args(["tag", "--max-doc-bytes", "64K"]);
    let o = run_with_stdin(c, big);
    assert_eq!(o.status.code(), Some(1));
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 1, "an error row stands for the document");
    assert_eq!(
        (&rows[0]["id"], &rows[0]["line"]),
        (&json!("stdin"), &Value::Null)
    );
    assert!(
        stderr(&o).starts_with("govkg: <stdin>: more text than --max-doc-bytes (64 KiB)"),
        "{}",
        stderr(&o)
    );

    // A JSON line that is too long gets an error object, the next is tagged.
    let input = format!(
        "{}\n{}\n",
        json!({"id": "long", "text": "镇".repeat(100_000)}),
        json!({"id": "ok", "text": SHORT})
    );
    let mut c = govkg();
    c.args(["tag", "--no-text", "--max-doc-bytes", "64K"]);
    let o = run_with_stdin(c, input.into_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = json_lines(&o);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["line"], 1);
    assert!(
        out[0]["error"]
            .as_str()
            .unwrap()
            .contains("--max-doc-bytes")
    );
    assert_eq!(out[1]["id"], "ok");
}

#[test]
fn max_doc_bytes_must_be_a_size() {
    for bad in ["0", "lots", "12Q"] {
        let mut c = govkg();
        c.args(["tag", "--max-doc-bytes", bad, "tests/fixtures/corpus"]);
        assert_eq!(run(c).status.code(), Some(2), "--max-doc-bytes {bad}");
    }
}

/// `govkg tag big | head -1`: no panic, no message.
#[test]
fn closed_pipe_is_silent() {
    let dir = tempfile::tempdir().unwrap();
    let text = corpus()[0].1.clone();
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), &text).unwrap();
    }
    let mut child = govkg()
        .args(["tag", "-j", "2"])
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(serde_json::from_str::<Value>(&first).is_ok());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
}

fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
    let (b, _, bad) = enc.encode(s);
    assert!(!bad, "{} cannot encode the text", enc.name());
    b.into_owned()
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut out: Vec<u8> = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// A sample article in each supported encoding gives the same entities as
/// its UTF-8 original; `-v` names the decision per file.
#[test]
fn encodings_are_detected() {
    let (_, text) = corpus().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let variants: [(&str, Vec<u8>, &str); 5] = [
        ("a-utf8", text.as_bytes().to_vec(), "UTF-8"),
        ("b-bom", bom, "UTF-8 (byte order mark)"),
        (
            "c-utf16le",
            utf16(&text, true),
            "UTF-16LE (byte order mark)",
        ),
        (
            "d-utf16be",
            utf16(&text, false),
            "UTF-16BE (byte order mark)",
        ),
        (
            "e-gb18030",
            encode(encoding_rs::GB18030, &text),
            "GB18030 (detected",
        ),
    ];
    for (name, bytes, _) in &variants {
        std::fs::write(d.join(format!("{name}.txt")), bytes).unwrap();
    }
    let mut c = govkg();
    c.args(["tag", "-v"]).arg(d);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 5);
    for d in &docs {
        assert_eq!(
            d["text"].as_str(),
            Some(text.as_str()),
            "text of {}",
            d["id"]
        );
        assert_eq!(
            d["entities"], docs[0]["entities"],
            "entities of {}",
            d["id"]
        );
    }
    assert!(!entities(&docs[0]).is_empty());
    let err = stderr(&o);
    for (name, _, how) in &variants {
        let prefix = format!("govkg: {}: {how}", d.join(format!("{name}.txt")).display());
        assert!(
            err.lines().any(|l| l.starts_with(&prefix)),
            "no {prefix:?} in {err}"
        );
    }
}

#[test]
fn encoding_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.txt");
    std::fs::write(&gbk, encode(encoding_rs::GBK, SHORT)).unwrap();
    let le = dir.path().join("le.txt");
    // UTF-16 without a byte order mark is only read when named.
    std::fs::write(&le, &utf16(SHORT, true)[2..]).unwrap();
    let mut c = govkg();
    c.args(["tag", "--encoding", "utf-16le"]).arg(&le);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(json_lines(&o)[0]["text"], SHORT);

    let mut c = govkg();
    c.args(["tag", "--encoding", "utf-8"]).arg(&gbk);
    let o = run(c);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not valid UTF-8 (--encoding)"),
        "{}",
        stderr(&o)
    );

    let mut c = govkg();
    c.args(["tag", "--encoding", "gbk", "-v"]).arg(&gbk);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json_lines(&o)[0]["text"], SHORT);
    assert!(stderr(&o).contains("GBK (--encoding)"), "{}", stderr(&o));
}

/// An invented page saved in GBK: navigation, scripts and footers are
/// dropped, blocks become lines, offsets point into the extracted text.
#[test]
fn html_pages_are_tagged_by_their_visible_text() {
    let page = r#"<!DOCTYPE html>
<html><head><meta charset="gbk"><title>东湖镇人民政府</title>
<script>var title = "区委书记张三来到东湖镇";</script><style>.x{}</style></head>
<body><header>东湖镇人民政府网站</header>
<nav><a href="/">首页</a> <a href="/news">政务动态</a></nav>
<article><h1>王明到东湖镇督查</h1>
<p>11月20日,区委副书记王明一行
来到东湖镇开展督查。</p>
<p>镇长李华陪同。</p></article>
<footer>版权所有 东湖镇人民政府</footer></body></html>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.html");
    std::fs::write(&path, encode(encoding_rs::GBK, page)).unwrap();
    let mut c = govkg();
    c.args(["tag", "-v"]).arg(&path);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(
        stderr(&o).contains("HTML, GBK (declared by the page)"),
        "{}",
        stderr(&o)
    );
    let docs = json_lines(&o);
    let text = docs[0]["text"].as_str().unwrap();
    assert_eq!(
        text,
        "王明到东湖镇督查\n11月20日,区委副书记王明一行来到东湖镇开展督查。\n镇长李华陪同。"
    );
    for e in docs[0]["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text.chars().skip(s).take(t - s).collect();
        assert_eq!(slice, e["text"].as_str().unwrap());
    }
    let found = entities(&docs[0]);
    assert!(
        found.contains(&("PERSON".into(), "王明".into())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, t)| t == "张三"),
        "script text was tagged: {found:?}"
    );
    assert!(
        !found.iter().any(|(_, t)| t.contains("人民政府")),
        "footer was tagged: {found:?}"
    );
}

/// Errors name the input relative to how it was given.
#[test]
fn messages_name_the_path_as_given() {
    let o = run({
        let mut c = govkg();
        c.args(["tag", "tests/fixtures/no-such.html"]);
        c
    });
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("govkg: tests/fixtures/no-such.html: "),
        "{}",
        stderr(&o)
    );
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .is_dir()
    );
}

/// Every help names an example and the exit codes.
#[test]
fn help_shows_examples_and_exit_codes() {
    for args in [&["--help"][..], &["tag", "--help"][..]] {
        let o = run({
            let mut c = govkg();
            c.args(args);
            c
        });
        let s = String::from_utf8(o.stdout).unwrap();
        assert!(s.contains("Example"), "govkg {args:?}");
        assert!(s.contains("Exit status: 0"), "govkg {args:?}");
    }
}
