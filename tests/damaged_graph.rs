//! A damaged saved graph (issue 6): cut short, another version, another
//! shape, edges to nodes that are not there, persons' identities that name
//! nothing (issue 23), bytes that are no JSON. Each
//! gives a clear `Error::GraphFile` naming the file from
//! `KnowledgeGraph::load_file`, and `govkg query` exits with status 2 and
//! the same message, never a panic.

use govkg::{Error, Extractor, KnowledgeGraph};
use std::path::Path;
use std::process::Command;

/// The saved form of a small graph with nodes and edges.
fn saved() -> String {
    let ex = Extractor::new();
    let doc = ex.extract(
        "a",
        "11月20日,区委副书记于勇一行来到七宝镇开展督查。镇党委书记严俊陪同。",
    );
    let g = KnowledgeGraph::from_documents([&doc], ex.lexicon());
    assert!(g.edge_count() > 0, "the sample has edges");
    let mut buf = Vec::new();
    g.save(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

/// Every damaged form, with a piece of the message it must give.
fn damaged() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = saved();
    let cut = good.len() * 2 / 3;
    let cut = (0..=cut).rev().find(|&i| good.is_char_boundary(i)).unwrap();
    let first_target = good
        .split("\"target\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    vec![
        ("truncated", good.as_bytes()[..cut].to_vec(), "ends too early"),
        ("empty", Vec::new(), "ends too early"),
        (
            "version",
            good.replacen("\"version\":2", "\"version\":9", 1).into_bytes(),
            "version Some(9)",
        ),
        (
            "no-version",
            good.replacen("\"version\":2,", "", 1).into_bytes(),
            "version None",
        ),
        (
            "nodes-object",
            b"{\"format\":\"govkg-graph\",\"version\":1,\"nodes\":{\"a\":1},\"edges\":[]}".to_vec(),
            "invalid type",
        ),
        (
            "node-without-kind",
            good.replacen("\"kind\":", "\"sort\":", 1).into_bytes(),
            "missing field `kind`",
        ),
        (
            "mention-not-a-triple",
            b"{\"format\":\"govkg-graph\",\"version\":1,\"nodes\":[{\"id\":\"person:a\",\"kind\":\"PERSON\",\"name\":\"a\",\"mentions\":[[\"d\",1]]}],\"edges\":[]}".to_vec(),
            "invalid length",
        ),
        ("array", b"[1,2,3]".to_vec(), "invalid type"),
        (
            "dangling-edge",
            good.replacen(
                &format!("\"target\":\"{first_target}\""),
                "\"target\":\"place:不存在镇\"",
                1,
            )
            .into_bytes(),
            "an end is not among the nodes",
        ),
        (
            "reversed-mention",
            b"{\"format\":\"govkg-graph\",\"version\":1,\"nodes\":[{\"id\":\"person:a\",\"kind\":\"PERSON\",\"name\":\"a\",\"mentions\":[[\"d\",5,1]]}],\"edges\":[]}".to_vec(),
            "ends before it starts",
        ),
        (
            "identity-of-no-mention",
            good.replacen("\"mentions\":[0]", "\"mentions\":[7]", 1)
                .into_bytes(),
            "names mention 7",
        ),
        (
            "edge-of-no-identity",
            good.replacen("\"source_identity\":0", "\"source_identity\":3", 1)
                .into_bytes(),
            "has no identity 3",
        ),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 7], "line 1 column"),
        (
            "other-format",
            b"{\"format\":\"something-else\",\"version\":1}".to_vec(),
            "its format is \"something-else\"",
        ),
    ]
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(format!("{name}.govkg.json"));
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn the_undamaged_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "good", saved().as_bytes());
    assert!(KnowledgeGraph::load_file(&p).unwrap().edge_count() > 0);
}

#[test]
fn load_file_names_the_file_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, says) in damaged() {
        let p = write(dir.path(), name, &bytes);
        match KnowledgeGraph::load_file(&p) {
            Err(e @ Error::GraphFile { .. }) => {
                let msg = e.to_string();
                assert!(
                    msg.starts_with(&format!("{}: not a usable govkg graph: ", p.display())),
                    "{name}: {msg}"
                );
                assert!(msg.contains(says), "{name}: {msg:?} lacks {says:?}");
            }
            other => panic!("{name}: expected a GraphFile error, got {other:?}"),
        }
    }
}

#[test]
fn a_directory_or_a_missing_file_is_an_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let err = KnowledgeGraph::load_file(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&dir.path().display().to_string()), "{err}");
    let missing = dir.path().join("missing.govkg.json");
    let err = KnowledgeGraph::load_file(&missing).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
}

#[test]
fn query_exits_2_with_the_message() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, says) in damaged() {
        let p = write(dir.path(), name, &bytes);
        let o = Command::new(env!("CARGO_BIN_EXE_govkg"))
            .args(["query", p.to_str().unwrap(), "stats"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}");
        assert!(
            err.starts_with(&format!("govkg: {}: not a usable govkg graph", p.display())),
            "{name}: {err}"
        );
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}
