//! Property tests over hostile text (issue 6): whatever the input — empty,
//! lone combining marks, emoji and other astral characters, mixed scripts,
//! control characters, long lines without punctuation, nothing but title
//! words, nothing but digits and `地块`, lexicon words glued by list
//! punctuation — extraction never panics, the document keeps every promise
//! of [`govkg::validate::problems`], and its graph builds and survives a
//! save and load.

use govkg::{Document, Extractor, KnowledgeGraph, Lexicon};
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

/// Extracts `text`, checks the document against it, and builds, saves and
/// loads its graph. Returns the problems found, empty when all is well.
fn check(text: &str) -> Result<Document, TestCaseError> {
    let doc = EXTRACTOR.extract("t", text);
    let problems = govkg::validate::problems(&doc, text);
    prop_assert!(problems.is_empty(), "{text:?}:\n{}", problems.join("\n"));
    let graph = KnowledgeGraph::from_documents([&doc], EXTRACTOR.lexicon());
    let mut saved = Vec::new();
    graph.save(&mut saved).unwrap();
    let back = KnowledgeGraph::load(saved.as_slice()).unwrap();
    prop_assert!(
        back == graph,
        "{text:?}: the graph changed through save and load"
    );
    Ok(doc)
}

fn chars_of(ranges: &'static [(char, char)], len: std::ops::Range<usize>) -> BoxedStrategy<String> {
    let one =
        prop::sample::select(ranges.to_vec()).prop_flat_map(|(lo, hi)| prop::char::range(lo, hi));
    prop::collection::vec(one, len)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

const COMBINING: &[(char, char)] = &[
    ('\u{300}', '\u{36f}'),
    ('\u{1ab0}', '\u{1aff}'),
    ('\u{20d0}', '\u{20ff}'),
    ('\u{fe20}', '\u{fe2f}'),
    ('\u{3099}', '\u{309a}'),
];
const ASTRAL: &[(char, char)] = &[
    ('\u{1f300}', '\u{1faff}'),
    ('\u{20000}', '\u{2a6df}'),
    ('\u{1d400}', '\u{1d7ff}'),
    ('\u{10000}', '\u{10ffff}'),
    ('\u{fe00}', '\u{fe0f}'),
    ('\u{200d}', '\u{200d}'),
];
const SCRIPTS: &[(char, char)] = &[
    ('a', 'z'),
    ('0', '9'),
    ('\u{400}', '\u{4ff}'),
    ('\u{600}', '\u{6ff}'),
    ('\u{900}', '\u{97f}'),
    ('\u{ac00}', '\u{d7a3}'),
    ('\u{3040}', '\u{30ff}'),
    ('\u{4e00}', '\u{9fff}'),
    ('\u{ff00}', '\u{ffef}'),
    ('\u{3000}', '\u{303f}'),
];
const CONTROLS: &[(char, char)] = &[
    ('\u{0}', '\u{1f}'),
    ('\u{7f}', '\u{9f}'),
    ('\u{200b}', '\u{200f}'),
    ('\u{2028}', '\u{202e}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{fff9}', '\u{fffd}'),
];

/// Words of the genre, and the punctuation that strings them together.
fn genre_word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<Index>().prop_map(|i| {
            let mut p = LEXICON.patterns();
            let n = p.len();
            p.nth(i.index(n)).unwrap_or_default().to_string()
        }),
        2 => prop::sample::select(vec![
            "、", ",", "\u{ff0c}", "。", "一行", "陪同", "赴", "来到", "调研", "督查",
            "等", "及", "和", "\n", "\n\n", " ", "(", ")", "“", "”", ":",
        ])
        .prop_map(str::to_string),
        1 => "[\\u{4e00}-\\u{9fff}]{1,3}",
        1 => "[0-9]{1,4}(年|月|日|号|地块)?",
    ]
}

/// Any of the hostile kinds of text, at most some tens of kilobytes.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        chars_of(COMBINING, 1..40),
        // Combining marks after CJK and ASCII, where they attach.
        prop::collection::vec(
            ("[\\u{4e00}-\\u{9fff}a-z]", chars_of(COMBINING, 0..3)),
            1..60
        )
        .prop_map(|v| v.into_iter().map(|(a, b)| a + &b).collect()),
        chars_of(ASTRAL, 1..80),
        chars_of(SCRIPTS, 1..200),
        chars_of(CONTROLS, 1..80),
        prop::collection::vec(prop_oneof![chars_of(CONTROLS, 1..3), genre_word()], 1..80)
            .prop_map(|v| v.concat()),
        prop::collection::vec(
            prop::sample::select(vec![
                "区委",
                "书记",
                "副镇长",
                "镇长",
                "副书记",
                "党委书记",
                "区长",
                "副区长",
                "常委",
                "部长",
                "主任",
                "副主任",
                "主席",
                "局长",
                "委员",
                "区委书记",
            ]),
            1..200
        )
        .prop_map(|v| v.concat()),
        prop::collection::vec(
            prop_oneof![
                "[0-9]{1,8}",
                "[０-９]{1,4}",
                Just("地块".to_string()),
                Just("-".to_string()),
            ],
            1..200
        )
        .prop_map(|v| v.concat()),
        prop::collection::vec(genre_word(), 0..120).prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn hostile_text_keeps_every_promise(t in hostile()) {
        check(&t)?;
    }

    #[test]
    fn several_documents_build_one_graph(ts in prop::collection::vec(hostile(), 1..4)) {
        let docs: Vec<Document> = ts.iter().map(|t| check(t)).collect::<Result<_, _>>()?;
        let g = KnowledgeGraph::from_documents(&docs, EXTRACTOR.lexicon());
        let mut saved = Vec::new();
        g.save(&mut saved).unwrap();
        prop_assert!(KnowledgeGraph::load(saved.as_slice()).unwrap() == g);
    }
}

proptest! {
    // Long inputs are slow in a debug build: a few cases suffice.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn long_lines_without_punctuation(
        line in prop::collection::vec(
            prop_oneof![4 => "[\\u{4e00}-\\u{9fff}]", 1 => genre_word().prop_filter("no breaks", |w| {
                !w.contains(['、', ',', '\u{ff0c}', '。', '\n'])
            })],
            1_000..4_000,
        )
        .prop_map(|v| v.concat())
    ) {
        check(&line)?;
    }
}

/// A deterministic line of the genre's words glued together with no
/// punctuation at all (64 KB), so that recognisers see long runs of
/// candidates with no clause to stop them. Finding the clause around a
/// position walked the whole line, which made such a line quadratic.
#[test]
fn a_long_line_of_genre_words_without_punctuation() {
    let words = [
        "区委副书记",
        "于勇",
        "七宝镇",
        "党委书记",
        "严俊",
        "一行",
        "来到",
        "373地块",
        "2018年11月20日",
        "有限公司",
        "宝铭路",
        "陪同",
        "调研",
    ];
    let line = walk(&words, 64 << 10);
    let doc = EXTRACTOR.extract("long", &line);
    let problems = govkg::validate::problems(&doc, &line);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(doc.entities.iter().any(|e| e.text == "七宝镇"));
    let g = KnowledgeGraph::from_documents([&doc], EXTRACTOR.lexicon());
    assert!(g.node_count() > 0);
}

/// One deterministic megabyte line of nothing but numbers and `地块`.
#[test]
fn a_megabyte_line_of_plot_numbers() {
    let line = walk(
        &["373", "地块", "12", "0", "地块地块", "2018", "-", "9"],
        1 << 20,
    );
    let doc = EXTRACTOR.extract("mb", &line);
    let problems = govkg::validate::problems(&doc, &line);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    KnowledgeGraph::from_documents([&doc], EXTRACTOR.lexicon());
}

/// One deterministic megabyte of CJK characters with no punctuation: the
/// relation rules read sentences, and such a line used to be one sentence
/// whose cost grew with the square of its length (38 s in the fuzz build).
#[test]
fn a_megabyte_line_of_cjk_without_punctuation() {
    let mut line = String::with_capacity((1 << 20) + 4);
    let mut i = 0u32;
    while line.len() < 1 << 20 {
        i = (i * 7919 + 13) % 20_000;
        line.push(char::from_u32(0x4e00 + i).unwrap_or('字'));
    }
    let doc = EXTRACTOR.extract("cjk", &line);
    let problems = govkg::validate::problems(&doc, &line);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    KnowledgeGraph::from_documents([&doc], EXTRACTOR.lexicon());
}

/// `words` glued in a fixed order that does not repeat with a short period,
/// to at least `bytes` bytes.
fn walk(words: &[&str], bytes: usize) -> String {
    let mut line = String::with_capacity(bytes + 32);
    let mut i = 0usize;
    while line.len() < bytes {
        i = (i * 7 + 3) % 1_000_003;
        line.push_str(words[i % words.len()]);
    }
    line
}

/// The bundled sample articles run together with every punctuation mark
/// and white space taken out, repeated to four megabytes: names, bodies and group words meet, which
/// once moved an organisation's start past its end.
#[test]
fn the_samples_without_punctuation() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let line: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| t.chars().collect::<Vec<_>>())
        .filter(|c| !(c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(*c)))
        .collect();
    assert!(line.len() > 10_000);
    // Long enough to be read in pieces, whose edges fall mid-name.
    let mut line = line.repeat(4_000_000 / line.len() + 1);
    let mut end = 4_000_000;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line.truncate(end);
    let doc = EXTRACTOR.extract("bare", &line);
    let problems = govkg::validate::problems(&doc, &line);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}
