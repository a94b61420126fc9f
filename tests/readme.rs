//! README.md cannot drift from the code: its JSON-shape example is what
//! the extractor writes for that text (its Rust examples are compiled by
//! `cargo test --doc`, see `ReadmeDoctests` in lib.rs), it starts with its
//! two commands, and it points nowhere outside the repository.

use govkg::Extractor;
use serde_json::Value;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

/// The first ```json block after the heading `## {section}`.
fn json_block(readme: &str, section: &str) -> String {
    let at = readme
        .find(&format!("\n## {section}\n"))
        .unwrap_or_else(|| panic!("README has a {section} section"));
    let rest = &readme[at..];
    let start = rest.find("```json\n").expect("a ```json block") + "```json\n".len();
    let len = rest[start..].find("```").expect("the block closes");
    rest[start..start + len].to_string()
}

#[test]
fn the_json_shape_example_is_real_output() {
    let shown: Value = serde_json::from_str(&json_block(&readme(), "JSON shape"))
        .expect("the JSON-shape example is JSON");
    let id = shown["id"].as_str().expect("an id");
    let text = shown["text"].as_str().expect("a text");
    let doc = Extractor::new().extract(id, text);
    let real = serde_json::to_value(&doc).unwrap();
    assert_eq!(
        shown,
        real,
        "README's JSON-shape example differs from govkg's output; the output is:\n{}",
        serde_json::to_string(&doc).unwrap()
    );
}

#[test]
fn the_readme_starts_with_its_two_commands() {
    let readme = readme();
    let first = readme.find("```sh\n").expect("a shell block") + "```sh\n".len();
    let block: Vec<&str> = readme[first..]
        .lines()
        .take_while(|l| *l != "```")
        .collect();
    assert_eq!(
        block,
        [
            "cargo run --release -- tag tests/fixtures/corpus/",
            "cargo test --all-targets"
        ]
    );
}

#[test]
fn nothing_points_outside_the_repository() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | ".git" | "node_modules" | "fixtures"
                ) {
                    stack.push(path);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue; // images and other binary files
            };
            // (Spelt in two pieces so that this file does not match itself.)
            if text.contains(concat!("shared", "/")) {
                offenders.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "files pointing to the development workspace: {offenders:?}"
    );
}
