//! `govkg graph merge`: saved graphs (shards of a corpus) in, one graph
//! out.
//!
//! Shards are what `govkg graph -o SHARD.govkg.json` writes for part of a
//! corpus (one Spark partition, one day of news, …). Merging is a set union
//! of nodes, mentions, aliases and edges with the place hierarchy derived
//! again, so it is associative and commutative: any split of the corpus and
//! any reduce tree give the graph of the whole corpus. Each shard carries
//! its places' parent chains, so merging needs no dictionary.
//!
//! Every input is required: when one cannot be read or is no saved graph,
//! each bad input is reported as `path: what is wrong`, nothing is written
//! and the exit status is 2, so that a reduce step never silently drops a
//! shard.

use super::graph::{GraphFormat, counts, destination, output_format, write_graph};
use super::{EXIT_OK, EXIT_USAGE, report};
use govkg::graph::KnowledgeGraph;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Examples and exit status, for `govkg graph merge --help`.
pub const AFTER_HELP: &str = "Inputs are graphs saved by `govkg graph` (the default govkg format), not exports.\n\nExamples:\n  govkg tag part-1.jsonl > t1.jsonl && govkg graph t1.jsonl -o s1.govkg.json\n  govkg tag part-2.jsonl > t2.jsonl && govkg graph t2.jsonl -o s2.govkg.json\n  govkg graph merge s1.govkg.json s2.govkg.json -o all.govkg.json\n  govkg graph merge shards/*.govkg.json -o all.graphml\n  govkg graph merge shards/*.govkg.json -o all.html        # the graph page\n\nThe output's name picks its format as for `govkg graph`: .json the saved graph, .graphml,\n.dot or .gv, .html or .htm, a folder (out/) for csv; any other name needs --format.\n\nExit status: 0 merged, 1 the output could not be written, 2 usage error or an input is not a\nusable saved graph (each is reported as `path: what is wrong`; nothing is written).";

#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// Saved graphs to merge (written by `govkg graph`, format govkg).
    #[arg(value_name = "GRAPH", required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write: a file, - for standard output, or a folder for
    /// --format csv.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// Output format; without it, OUT decides: .json gives the saved form
    /// (govkg), .graphml graphml, .dot or .gv dot, .html or .htm html, a
    /// folder (out/) csv, - the saved form; any other name is an error.
    #[arg(short, long, value_enum)]
    format: Option<GraphFormat>,
    /// Print no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(a: MergeArgs) -> u8 {
    let format: GraphFormat = match output_format(&a.output, a.format) {
        Ok(f) => f,
        Err(msg) => {
            report(msg);
            return EXIT_USAGE;
        }
    };
    let mut bad = 0usize;
    // Shards are loaded one at a time: memory holds the result and one
    // shard.
    let merged = KnowledgeGraph::merge_all(a.inputs.iter().filter_map(|path| {
        KnowledgeGraph::load_file(path)
            .map_err(|e| {
                report(e);
                bad += 1;
            })
            .ok()
    }));
    if bad > 0 {
        report(format!(
            "graph merge: {bad} of {} inputs unusable; nothing written",
            a.inputs.len()
        ));
        return EXIT_USAGE;
    }
    if let Err(code) = write_graph(&merged, &a.output, format) {
        return code;
    }
    if !a.quiet && std::io::stderr().is_terminal() {
        eprintln!(
            "govkg: {} graphs merged: {}{}",
            a.inputs.len(),
            counts(&merged),
            destination(&a.output)
        );
    }
    EXIT_OK
}
