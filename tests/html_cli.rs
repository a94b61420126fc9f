//! `govkg tag --format html` and `govkg graph --format html` from the
//! command line: one page per run, every entity and node in it, hostile
//! text escaped. (The pages are checked in a browser by .ci/browser-test.)

use std::path::{Path, PathBuf};
use std::process::Command;

/// The bundled sample documents.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn govkg(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_govkg"))
        .args(args)
        .output()
        .expect("govkg runs")
}

#[test]
fn tag_writes_one_page_with_a_mark_per_entity() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.txt");
    std::fs::write(
        &hostile,
        "区委副书记于勇来到七宝镇<script>alert(1)</script>开展督查\"><img src=x onerror=alert(1)>。",
    )
    .unwrap();
    let corpus = corpus();
    let inputs = [corpus.to_str().unwrap(), hostile.to_str().unwrap()];

    let json = govkg(&[&["tag"][..], &inputs].concat());
    assert!(json.status.success());
    let entities: usize = String::from_utf8(json.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["entities"].as_array().unwrap().len()
        })
        .sum();

    let page = dir.path().join("tagged.html");
    let out = govkg(
        &[
            &["tag", "--format", "html", "-o", page.to_str().unwrap()][..],
            &inputs,
        ]
        .concat(),
    );
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<mark class=\"ent ").count(), entities);
    assert_eq!(html.matches("<article ").count(), 6);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script") && !html.contains("<img"));

    // Standard output by default, the same page.
    let out = govkg(&[&["tag", "--format", "html"][..], &inputs].concat());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), html);
}

#[test]
fn explained_page_shows_each_rule_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("visit.txt");
    std::fs::write(&doc, "区委副书记于勇来到七宝镇开展督查。").unwrap();
    let page = |explain: bool| {
        let mut args = vec!["tag", "--format", "html", doc.to_str().unwrap()];
        if explain {
            args.push("--explain");
        }
        let out = govkg(&args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = page(false);
    assert!(!plain.contains(" · rule "), "{plain}");
    let explained = page(true);
    let marks = explained.matches("<mark class=\"ent ").count();
    assert!(marks >= 3, "{explained}");
    assert_eq!(explained.matches(" · rule ").count(), marks, "{explained}");
    assert!(
        explained.contains("<li class=\"rel\" title=\"rule "),
        "{explained}"
    );
}

#[test]
fn graph_html_follows_the_file_name_and_holds_every_node() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus();
    let page = dir.path().join("graph.html");
    let out = govkg(&[
        "graph",
        "-q",
        corpus.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));

    let out = govkg(&[
        "graph",
        "-q",
        corpus.to_str().unwrap(),
        "-o",
        "-",
        "--format",
        "json",
    ]);
    let nl: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let open = "<script type=\"application/json\" id=\"graph-data\">";
    let start = html.find(open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(
        data["nodes"].as_array().unwrap().len(),
        nl["nodes"].as_array().unwrap().len()
    );
    assert_eq!(
        data["edges"].as_array().unwrap().len(),
        nl["edges"].as_array().unwrap().len()
    );
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&data), ids(&nl));
}
