//! `govkg graph` and `govkg query` from the command line: the README's two
//! commands, every output format, tagged input, errors and exit codes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const CORPUS: &str = "tests/fixtures/corpus";

fn govkg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Output {
    govkg().args(args).output().expect("run govkg")
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

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A folder for files the tests share, built once per test run.
fn shared_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("graph_cli-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

/// The corpus graph, built once with the README's command (extraction in a
/// debug build takes seconds).
fn corpus_graph(_dir: &Path) -> PathBuf {
    static G: OnceLock<PathBuf> = OnceLock::new();
    G.get_or_init(|| {
        let g = shared_dir().join("qibao.govkg.json");
        ok(&["graph", "tests/fixtures/corpus/", "-o", p(&g)]);
        g
    })
    .clone()
}

/// `govkg tag` output of the corpus, made once: graphs built from it need
/// no extraction.
fn tagged() -> PathBuf {
    static T: OnceLock<PathBuf> = OnceLock::new();
    T.get_or_init(|| {
        let t = shared_dir().join("tagged.jsonl");
        std::fs::write(&t, ok(&["tag", CORPUS])).unwrap();
        t
    })
    .clone()
}

#[test]
fn readme_commands_answer_who_visited_qibao() {
    let dir = tempfile::tempdir().unwrap();
    let g = corpus_graph(dir.path());
    let out = ok(&["query", p(&g), "visitors", "七宝镇"]);
    let yu = out
        .lines()
        .find(|l| l.starts_with("于勇@闵行区 "))
        .unwrap_or_else(|| panic!("于勇 among the visitors:\n{out}"));
    // Date, purpose, document and range, and an evidence snippet.
    assert!(yu.contains("11月20日"), "{yu}");
    assert!(yu.contains("000_67e299d5ffcb0bd7:"), "{yu}");
    assert!(yu.contains('“') && yu.contains("七宝镇"), "{yu}");
    // The alias asks the same node.
    // KIND:NAME names the node exactly.
    assert_eq!(ok(&["query", p(&g), "visitors", "place:七宝镇"]), out);
}

#[test]
fn query_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let g = corpus_graph(dir.path());
    let out = ok(&["query", p(&g), "visitors", "七宝镇", "--json"]);
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!answers.is_empty());
    for a in &answers {
        assert_eq!(a["type"], "VISIT");
        assert_eq!(a["target"], "place:七宝镇");
        assert!(a["evidence"].is_array());
    }
    let yu = answers.iter().find(|a| a["source_name"] == "于勇").unwrap();
    assert_eq!(yu["date"], "11月20日");
    assert!(yu["evidence_text"].as_str().unwrap().contains("于勇"));
    // --json also before the question.
    assert_eq!(ok(&["query", p(&g), "--json", "visitors", "七宝镇"]), out);
}

#[test]
fn query_questions() {
    let dir = tempfile::tempdir().unwrap();
    let g = corpus_graph(dir.path());
    let g = p(&g);
    let positions = ok(&["query", g, "positions", "于勇"]);
    assert!(
        positions.lines().any(|l| l.starts_with("副书记  闵行区委")),
        "{positions}"
    );
    let leaders = ok(&["query", g, "leaders", "七宝镇党委"]);
    assert!(
        leaders.lines().any(|l| l.starts_with("严俊@七宝镇  书记")),
        "{leaders}"
    );
    let acc = ok(&["query", g, "accompanied", "于勇"]);
    assert!(
        acc.lines()
            .any(|l| l.starts_with("严俊@七宝镇 accompanied 于勇@闵行区")),
        "{acc}"
    );
    let visited = ok(&["query", g, "visited", "于勇"]);
    assert!(
        visited.lines().any(|l| l.starts_with("七宝镇  11月20日")),
        "{visited}"
    );
    let near = ok(&["query", g, "neighbours", "七宝镇", "--depth", "1"]);
    assert!(
        near.lines()
            .any(|l| l.starts_with("1\tperson:于勇@闵行区\t")),
        "{near}"
    );
    assert!(
        near.lines().any(|l| l.starts_with("1\tplace:闵行区\t")),
        "{near}"
    );
    let path = ok(&["query", g, "path", "严俊", "上海市"]);
    let hops: Vec<&str> = path.lines().collect();
    assert!(hops.len() >= 3, "{path}");
    assert!(
        hops.last().unwrap().starts_with("闵行区 -PART_OF-> 上海市"),
        "{path}"
    );
    let stats = ok(&["query", g, "stats"]);
    let lines: Vec<&str> = stats.lines().collect();
    assert!(lines[0].ends_with("edges"), "{stats}");
    // Node kinds first, then edge types, each marked: never one mixed list.
    let marks: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        marks,
        [
            "nodes", "nodes", "nodes", "nodes", "edges", "edges", "edges", "edges"
        ],
        "{stats}"
    );
    assert!(lines[1].starts_with("nodes\tPERSON\t"), "{stats}");
    assert!(lines[5].starts_with("edges\tVISIT\t"), "{stats}");
}

#[test]
fn visitors_within_dates() {
    let dir = tempfile::tempdir().unwrap();
    let g = corpus_graph(dir.path());
    let all = ok(&["query", p(&g), "visitors", "七宝镇"]);
    let nov = [
        "query",
        p(&g),
        "visitors",
        "七宝镇",
        "--from",
        "2018年11月1日",
        "--to",
        "2018年11月30日",
    ];
    // The newsletter 000 has no date of its own: its 11月20日 has no year
    // and is no date in November 2018 unless undated visits are kept.
    assert!(
        !ok(&nov).lines().any(|l| l.starts_with("于勇@闵行区 ")),
        "{}",
        ok(&nov)
    );
    let kept = ok(&[&nov[..], &["--keep-undated"]].concat());
    assert!(kept.lines().count() < all.lines().count() + 1);
    assert!(
        kept.lines().any(|l| l.starts_with("于勇@闵行区 ")),
        "{kept}"
    );
    let o = run(&["query", p(&g), "visitors", "七宝镇", "--from", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("yesterday"));
}

/// Three visits on 11月20日: in an article published 2018-12-03, in an
/// article without a date, and in one published 2019-11-25.
fn dated_visits(dir: &Path) -> PathBuf {
    let input = dir.join("dated.jsonl");
    let lines = [
        r#"{"id":"a","text":"发布时间:2018-12-03\n11月20日,区委副书记于勇一行来到七宝镇开展督查。"}"#,
        r#"{"id":"b","text":"11月20日,区委常委刘世军一行来到七宝镇开展督查。"}"#,
        r#"{"id":"c","text":"发布时间:2019-11-25\n11月20日,副区长汪向阳一行来到七宝镇调研。"}"#,
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let g = dir.join("dated.govkg.json");
    ok(&["graph", p(&input), "-o", p(&g)]);
    g
}

fn visitors_of(out: &str) -> Vec<&str> {
    out.lines().map(|l| l.split("  ").next().unwrap()).collect()
}

#[test]
fn dates_without_a_year_take_the_articles_or_stay_undated() {
    let dir = tempfile::tempdir().unwrap();
    let g = dated_visits(dir.path());
    let q = |extra: &[&str]| {
        let mut args = vec!["query", p(&g), "visitors", "七宝镇"];
        args.extend_from_slice(extra);
        ok(&args)
    };
    assert_eq!(visitors_of(&q(&[])).len(), 3);
    let nov2018 = ["--from", "2018年11月1日", "--to", "2018年11月30日"];
    assert_eq!(visitors_of(&q(&nov2018)), ["于勇"]);
    let kept = q(&[&nov2018[..], &["--keep-undated"]].concat());
    assert_eq!(visitors_of(&kept), ["于勇", "刘世军"]);
    assert_eq!(visitors_of(&q(&["--from", "2019"])), ["汪向阳"]);
    // JSON answers carry the normalised date.
    let json = q(&["--json"]);
    let whens: Vec<String> = json
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["when"].to_string())
        .collect();
    assert_eq!(whens, ["\"2018-11-20\"", "\"--11-20\"", "\"2019-11-20\""]);
}

#[test]
fn reversed_or_yearless_ranges_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let g = dated_visits(dir.path());
    for (bounds, says) in [
        (
            ["--from", "2019年", "--to", "2018年"],
            "--from comes after --to",
        ),
        (["--from", "11月1日", "--to", "2018年"], "needs a year"),
    ] {
        let mut args = vec!["query", p(&g), "visitors", "七宝镇"];
        args.extend_from_slice(&bounds);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{bounds:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn unknown_names_and_damaged_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let g = corpus_graph(dir.path());
    let o = run(&["query", p(&g), "visitors", "不存在镇"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("govkg: no place or org or plot named \"不存在镇\""),
        "{err}"
    );

    let text = std::fs::read_to_string(&g).unwrap();
    let cut = dir.path().join("cut.govkg.json");
    std::fs::write(&cut, &text.as_bytes()[..text.find("\"edges\"").unwrap()]).unwrap();
    let o = run(&["query", p(&cut), "stats"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cut.govkg.json") && err.contains("not a usable govkg graph"),
        "{err}"
    );

    // An export is not the saved form, and the message says so.
    let nl = dir.path().join("nl.json");
    ok(&["graph", p(&tagged()), "-o", p(&nl), "--format", "json"]);
    let o = run(&["query", p(&nl), "stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("node-link"));
}

#[test]
fn every_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = tagged();
    let stats = ok(&["query", p(&corpus_graph(d)), "stats", "--json"]);
    let stats: Value = serde_json::from_str(&stats).unwrap();
    let (nodes, edges) = (
        stats["nodes"].as_u64().unwrap(),
        stats["edges"].as_u64().unwrap(),
    );

    let nl = d.join("g.json");
    ok(&["graph", p(&input), "-o", p(&nl), "--format", "json"]);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&nl).unwrap()).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len() as u64, nodes);
    assert_eq!(v["links"].as_array().unwrap().len() as u64, edges);

    // The format follows the file name.
    let gml = d.join("g.graphml");
    ok(&["graph", p(&input), "-o", p(&gml)]);
    let x = std::fs::read_to_string(&gml).unwrap();
    assert!(x.starts_with("<?xml"));
    assert_eq!(x.matches("<node ").count() as u64, nodes);

    let dot = d.join("g.dot");
    ok(&["graph", p(&input), "-o", p(&dot)]);
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("digraph govkg {")
    );

    let csv = d.join("neo4j");
    ok(&["graph", p(&input), "-o", p(&csv), "--format", "csv"]);
    let n = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    assert!(n.starts_with("id:ID,:LABEL,name,"));
    let r = std::fs::read_to_string(csv.join("relationships.csv")).unwrap();
    assert!(r.starts_with(":START_ID,:END_ID,:TYPE,"));

    // Standard output for stream formats; a folder is needed for csv.
    let out = ok(&["graph", p(&input), "-o", "-", "--format", "dot"]);
    assert!(out.starts_with("digraph govkg {"));
    let o = run(&["graph", p(&input), "-o", "-", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn tagged_json_lines_give_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let from_text = corpus_graph(dir.path());
    let tagged = tagged();
    let from_tags = dir.path().join("from-tags.govkg.json");
    ok(&["graph", p(&tagged), "-o", p(&from_tags)]);
    assert_eq!(
        std::fs::read_to_string(&from_text).unwrap(),
        std::fs::read_to_string(&from_tags).unwrap()
    );
    // Mixed with plain {"id","text"} lines on standard input.
    let line = serde_json::json!({"id": "x", "text": "区委副书记于勇来到七宝镇调研。"}).to_string();
    let mut input = std::fs::read_to_string(&tagged).unwrap();
    input.push_str(&line);
    input.push('\n');
    let out = dir.path().join("mixed.govkg.json");
    let mut child = govkg()
        .args(["graph", "-", "-o", p(&out)])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let v = ok(&["query", p(&out), "visited", "于勇", "--json"]);
    assert!(v.lines().any(|l| l.contains("\"doc\":\"x\"")), "{v}");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"a\",\"text\":\"于勇来到七宝镇。\"}\nnot json\n{\"id\":\"b\",\"entities\":3}\n",
    )
    .unwrap();
    let out = dir.path().join("g.govkg.json");
    let o = run(&["graph", p(&bad), "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: not JSON"), "{err}");
    assert!(err.contains("bad.jsonl:3:"), "{err}");
    assert!(out.is_file());
}

/// `govkg graph` reads its inputs as `govkg tag` does: GB18030 text and
/// HTML pages are decoded, a document over `--max-doc-bytes` is refused by
/// name, and the graph is the same whatever the number of workers.
#[test]
fn inputs_are_read_as_tag_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let text = "区委副书记于勇来到七宝镇调研。";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    std::fs::write(docs.join("a-gb.txt"), &gb).unwrap();
    std::fs::write(
        docs.join("b-page.html"),
        format!("<html><head><script>var x = '镇长王明';</script></head><body><p>{text}</p></body></html>"),
    )
    .unwrap();
    std::fs::write(docs.join("c-big.txt"), "七宝镇。".repeat(200)).unwrap();
    let one = dir.path().join("one.govkg.json");
    let o = run(&[
        "graph",
        p(&docs),
        "-o",
        p(&one),
        "-j",
        "1",
        "--max-doc-bytes",
        "1K",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("c-big.txt: ") && err.contains("--max-doc-bytes"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let v = ok(&["query", p(&one), "visited", "于勇", "--json"]);
    for doc in ["a-gb", "b-page"] {
        assert!(v.contains(&format!("\"doc\":\"{doc}\"")), "{doc}: {v}");
    }
    // The page's script is no text: 王明 is not in the graph.
    let o = run(&["query", p(&one), "positions", "王明"]);
    assert_eq!(o.status.code(), Some(1));
    let two = dir.path().join("two.govkg.json");
    run(&[
        "graph",
        p(&docs),
        "-o",
        p(&two),
        "-j",
        "2",
        "--max-doc-bytes",
        "1K",
    ]);
    assert_eq!(
        std::fs::read_to_string(&one).unwrap(),
        std::fs::read_to_string(&two).unwrap()
    );
}

#[test]
fn help_shows_working_examples() {
    for sub in [
        vec!["graph"],
        vec!["query"],
        vec!["query", "g", "visitors"],
        vec!["query", "g", "visited"],
        vec!["query", "g", "leaders"],
        vec!["query", "g", "positions"],
        vec!["query", "g", "accompanied"],
        vec!["query", "g", "neighbours"],
        vec!["query", "g", "path"],
        vec!["query", "g", "stats"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        let help = ok(&args);
        assert!(help.contains("Example"), "{sub:?}:\n{help}");
        assert!(help.contains("govkg "), "{sub:?}:\n{help}");
    }
    // The examples in `govkg graph --help` and `govkg query --help` run.
    let g = corpus_graph(Path::new("."));
    for q in [
        vec!["positions", "于勇"],
        vec!["path", "严俊", "上海市"],
        vec!["leaders", "七宝镇党委"],
        vec!["neighbours", "严俊", "--depth", "2"],
        vec![
            "visitors",
            "七宝镇",
            "--from",
            "2018年11月",
            "--to",
            "2018年12月",
            "--keep-undated",
        ],
    ] {
        let mut args = vec!["query", p(&g)];
        args.extend(q);
        assert!(!ok(&args).is_empty(), "{args:?}");
    }
}

#[test]
fn user_dictionaries_extend_the_hierarchy() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("places.txt");
    std::fs::write(
        &dict,
        "星星镇\tplace.town\tparent=上海市/闵行区;short=星星\n",
    )
    .unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "11月2日,区委副书记于勇来到星星镇调研。").unwrap();
    let g = dir.path().join("g.govkg.json");
    ok(&["graph", p(&text), "-o", p(&g), "--dict", p(&dict)]);
    let path = ok(&["query", p(&g), "path", "星星镇", "上海市"]);
    assert_eq!(
        path.lines().collect::<Vec<_>>(),
        ["星星镇 -PART_OF-> 闵行区", "闵行区 -PART_OF-> 上海市"]
    );
    let o = run(&["graph", p(&text), "-o", p(&g), "--dict", "no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-file.txt"));
}
