//! Command-line interface: argument parsing, exit codes, and error
//! reporting in the style of ripgrep (`govkg: path:line: message` on
//! stderr; stdout carries only data).

mod bounded;
mod decode;
mod dict;
mod eval;
mod graph;
mod graph_merge;
mod html_text;
mod input_line;
mod malloc;
mod output;
mod pipeline;
mod progress;
mod query;
mod reading;
mod source;
mod tag;
mod tagging;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: everything worked.
pub const EXIT_OK: u8 = 0;
/// Exit status: some inputs failed; the others were processed.
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit status: the command line or a required file was unusable.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "govkg",
    version,
    about = "Who visited where and who leads what, from Chinese local-government news",
    after_help = "Examples:\n  govkg tag tests/fixtures/corpus/            # JSON Lines of entities, one object per document\n  govkg tag --no-text article.txt\n  echo '{\"id\":\"a\",\"text\":\"区委副书记于勇来到七宝镇。\"}' | govkg tag -\n  govkg eval gold.jsonl pred.jsonl\n  govkg graph tests/fixtures/corpus/ -o qibao.govkg.json   # the knowledge graph\n  govkg query qibao.govkg.json visitors 七宝镇\n  govkg dict check my-places.txt                 # FILE:LINE: reason for each bad line\n\nExit status: 0 all good, 1 some inputs failed (the rest were processed), 2 usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Tag documents with entities; prints one JSON object per document.
    #[command(
        after_help = TAG_HELP
    )]
    Tag(tag::TagArgs),
    /// Score predictions against gold, exactly as the reference scorer tests/fixtures/score.py does.
    #[command(
        after_help = "Example:\n  govkg tag --no-text corpus/ > pred.jsonl && govkg eval gold.jsonl pred.jsonl\n\nExit status: 0 scored (and above --min-micro/--min-rel), 1 below a minimum, 2 usage error or\nunreadable file."
    )]
    Eval(eval::EvalArgs),
    /// Build the knowledge graph of documents and save or export it.
    #[command(
        after_help = "Inputs as for `govkg tag`, and also `govkg tag` output (JSON lines with \"entities\" are used\nas they are; keep their text for evidence snippets).\n\nExamples:\n  govkg graph tests/fixtures/corpus/ -o qibao.govkg.json          # saved form, for govkg query\n  govkg graph tests/fixtures/corpus/ -o qibao.graphml              # GraphML (format from the name)\n  govkg graph tests/fixtures/corpus/ -o neo4j/                     # nodes.csv + relationships.csv\n  govkg graph tests/fixtures/corpus/ -o - --format json > nl.json  # node-link JSON for networkx\n  govkg tag corpus/ > tagged.jsonl && govkg graph tagged.jsonl -o g.govkg.json\n  govkg graph merge s1.govkg.json s2.govkg.json -o all.govkg.json  # merge graph shards\n\nThe name of OUT picks the format unless --format is given: .json the saved graph, .graphml,\n.dot or .gv, .html or .htm, a folder (out/) for csv, - the saved graph on standard output;\nany other name (g.svg, g.gexf) is a usage error.\n\nA first PATH named `merge` is the merge subcommand: write ./merge for a file of that name.\n\nExit status: 0 all good, 1 some inputs failed (the graph holds the rest), 2 usage error\n(`graph merge`: 2 when a shard is unusable, and nothing is written)."
    )]
    Graph(graph::GraphArgs),
    /// Ask a saved graph: visitors, visited, leaders, positions, accompanied, neighbours, path, stats.
    #[command(
        after_help = "Names may be aliases (七宝 for 七宝镇) or KIND:NAME (place:七宝镇) when a name is ambiguous.\n\nExamples:\n  govkg query qibao.govkg.json visitors 七宝镇\n  govkg query qibao.govkg.json visitors 七宝镇 --from 2018年11月1日 --to 2018年11月30日 --keep-undated --json\n  govkg query qibao.govkg.json positions 于勇\n  govkg query qibao.govkg.json path 严俊 上海市\n\nExit status: 0 answered (possibly with no answer), 1 a name is not in the graph, 2 usage error or\nunreadable graph."
    )]
    Query(query::QueryArgs),
    /// Work with user dictionaries: `govkg dict check FILE…` reports every bad line as FILE:LINE: reason.
    #[command(after_help = "Example:\n  govkg dict check my-places.txt")]
    Dict(dict::DictArgs),
}

/// The long help after `govkg tag`'s options.
const TAG_HELP: &str = "\
Inputs: text files (.txt), HTML pages (.html, .htm: the visible text is tagged, and is the
\"text\" of the output), JSON Lines files of {\"id\",\"text\"} objects (.jsonl, .json, .ndjson, or
any file that starts with {), directories (searched recursively, in name order, for those
endings), or - for standard input (plain text or JSON Lines). Output is in input order.

Encodings: UTF-8, UTF-8 or UTF-16 with a byte order mark, and GB18030/GBK are detected
(an HTML page's <meta charset> is tried first); -v shows the decision, --encoding overrides it.

Output: one JSON object per input, in input order, so that outputs line up with inputs: a
document per text or HTML file and per JSON line, and for an input that gave none (a bad line,
an empty, undecodable, unreadable or too big file) an error row
  {\"id\": <its id, or null>, \"path\": \"...\", \"line\": <N, or null>, \"error\": \"what is wrong\"}
with `path[:line]: what is wrong` on stderr, and the run goes on. -o FILE writes them to FILE.

Streaming filter: JSON Lines on stdin give exactly one JSON object per non-blank line on stdout,
in order, flushed at once (for pipes and Spark's RDD.pipe). On a terminal, govkg says that it
reads standard input.

Examples:
  govkg tag tests/fixtures/corpus/ > tagged.jsonl
  govkg tag -j 2 --no-text tests/fixtures/corpus/ | head -1
  govkg tag tests/fixtures/corpus/ -o tagged.jsonl
  govkg tag --format html -o tagged.html tests/fixtures/corpus/   # a page for a browser
  echo '{\"id\":\"a\",\"text\":\"区委副书记于勇来到七宝镇。\"}' | govkg tag

Exit status: 0 all good, 1 some inputs failed (the rest were processed), 2 usage error.";

/// Common dictionary options.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DictArgs {
    /// Add a user dictionary (TEXT<TAB>KIND[<TAB>ATTRS] lines); repeatable.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
}

impl DictArgs {
    /// Builds the extractor with the user dictionaries.
    pub fn extractor(&self, keep_text: bool) -> Result<govkg::Extractor, govkg::Error> {
        self.builder(keep_text)?.build()
    }

    /// The extractor's builder with the user dictionaries added.
    pub fn builder(&self, keep_text: bool) -> Result<govkg::ExtractorBuilder, govkg::Error> {
        let mut b = govkg::Extractor::builder().keep_text(keep_text);
        for d in &self.dicts {
            b = b.dictionary_file(d)?;
        }
        Ok(b)
    }
}

/// Prints an error message in the tool's format. A closed stderr is
/// ignored (never a panic).
pub fn report(msg: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "govkg: {msg}");
}

/// True when an I/O error is a closed pipe (`govkg tag | head`).
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

pub fn run() -> ExitCode {
    malloc::tune();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Tag(a) => tag::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Graph(a) => graph::run(a),
        Command::Query(a) => query::run(a),
        Command::Dict(a) => dict::run(a),
    };
    ExitCode::from(code)
}
