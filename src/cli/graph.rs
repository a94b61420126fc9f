//! `govkg graph`: documents in, a knowledge graph out (saved form or an
//! export).

use super::output::TagFormat;
use super::reading::{self, ReadArgs};
use super::tagging::{Context, Extractor};
use super::{DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report};
use govkg::export::{self, Format};
use govkg::graph::{GraphBuilder, KnowledgeGraph};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    /// The saved graph, which `govkg query` reads (JSON).
    Govkg,
    /// Node-link JSON for networkx (`node_link_graph`) and d3.
    Json,
    /// GraphML for Gephi, yEd, Cytoscape and networkx.
    Graphml,
    /// A folder with nodes.csv and relationships.csv for neo4j-admin import.
    Csv,
    /// Graphviz DOT.
    Dot,
    /// A self-contained HTML page drawing the graph, for a web browser.
    Html,
}

impl GraphFormat {
    /// The format `-o` implies when `--format` is not given: `.graphml`,
    /// `.dot` or `.gv`, `.html` or `.htm`, `.json` (the saved form, as in
    /// `qibao.govkg.json`), a folder (a name ending in `/`, or an existing
    /// directory) for csv, and `-` (standard output) for the saved form.
    /// Any other name is an error that says what to write.
    pub(super) fn from_path(p: &Path) -> Result<GraphFormat, String> {
        if p.as_os_str() == "-" {
            return Ok(GraphFormat::Govkg);
        }
        let text = p.to_string_lossy();
        if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || p.is_dir() {
            return Ok(GraphFormat::Csv);
        }
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => Ok(GraphFormat::Govkg),
            Some("graphml") => Ok(GraphFormat::Graphml),
            Some("dot" | "gv") => Ok(GraphFormat::Dot),
            Some("html" | "htm") => Ok(GraphFormat::Html),
            _ => Err(format!(
                "-o {}: cannot tell the format from the name; {OUTPUT_NAMES}, or give --format govkg|json|graphml|csv|dot|html",
                p.display()
            )),
        }
    }
}

/// The names `-o` reads a format from, for messages and help.
pub(super) const OUTPUT_NAMES: &str = "end it in .json (the saved graph, e.g. g.govkg.json), .graphml, .dot or .gv, .html or .htm, or name a folder (out/) for csv";

#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct GraphArgs {
    #[command(subcommand)]
    command: Option<GraphCommand>,
    /// Articles (.txt), directories, JSON Lines of {"id","text"} objects or
    /// of `govkg tag` output, or - for standard input. Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Where to write: a file, - for standard output, or a folder for
    /// --format csv.
    #[arg(short, long, value_name = "OUT", required = true)]
    output: Option<PathBuf>,
    /// Output format; without it, OUT decides: .json gives the saved form
    /// (govkg), .graphml graphml, .dot or .gv dot, .html or .htm html, a
    /// folder (out/) csv, - the saved form; any other name is an error.
    #[arg(short, long, value_enum)]
    format: Option<GraphFormat>,
    /// Print no summary or progress on standard error.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    dict: DictArgs,
}

/// What `govkg graph` can do besides building a graph from documents.
#[derive(clap::Subcommand, Debug)]
pub enum GraphCommand {
    /// Merge saved graphs (shards of a corpus) into one graph.
    #[command(after_help = super::graph_merge::AFTER_HELP)]
    Merge(super::graph_merge::MergeArgs),
}

/// The embedded lexicon with the user dictionaries, as the extractor
/// builds it.
fn lexicon(dict: &DictArgs) -> govkg::Result<govkg::Lexicon> {
    let mut b = govkg::Lexicon::builder();
    b.add_embedded();
    for path in &dict.dicts {
        let file = std::fs::File::open(path).map_err(|source| govkg::Error::Io {
            path: path.clone(),
            source,
        })?;
        b.add_reader(&path.display().to_string(), std::io::BufReader::new(file))?;
    }
    Ok(b.build())
}

pub fn run(a: GraphArgs) -> u8 {
    if let Some(GraphCommand::Merge(m)) = a.command {
        return super::graph_merge::run(m);
    }
    let Some(output) = a.output else {
        report("graph: -o OUT is required");
        return EXIT_USAGE;
    };
    let format = match output_format(&output, a.format) {
        Ok(f) => f,
        Err(msg) => {
            report(msg);
            return EXIT_USAGE;
        }
    };
    // The lexicon decides place aliases and the hierarchy; the extractor
    // (slower to build) is made only when a text needs tagging.
    let lexicon = match lexicon(&a.dict) {
        Ok(l) => l,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    // Inputs are read, decoded and tagged as `govkg tag` does, on
    // `--jobs` workers; documents join the graph in input order.
    let cx = Context {
        extractor: Extractor::on_demand(&a.dict),
        tagged_input: true,
        encoding: a.read.encoding,
        format: TagFormat::Jsonl,
        verbose: false,
    };
    let mut builder = GraphBuilder::new(&lexicon);
    let failed = reading::each_document(&a.paths, &a.read, a.quiet, &cx, |d| {
        builder.add(&d);
    });
    let summary = builder.summary();
    let graph = builder.finish();

    if let Err(code) = write_graph(&graph, &output, format) {
        return code;
    }
    if !a.quiet && std::io::stderr().is_terminal() {
        eprintln!(
            "govkg: {} documents: {}{}{}",
            summary.documents,
            counts(&graph),
            if summary.skipped > 0 {
                format!(
                    "; {} relations skipped (an end is no entity)",
                    summary.skipped
                )
            } else {
                String::new()
            },
            destination(&output),
        );
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}

/// The format to write `output` in: `--format` if given, else the one the
/// name implies; an error when the name implies none or cannot take it.
pub(super) fn output_format(
    output: &Path,
    format: Option<GraphFormat>,
) -> Result<GraphFormat, String> {
    let format = match format {
        Some(f) => f,
        None => GraphFormat::from_path(output)?,
    };
    if output.as_os_str() == "-" && format == GraphFormat::Csv {
        return Err("--format csv writes a folder: give -o a folder name, not -".into());
    }
    Ok(format)
}

/// `N nodes, M edges (VISIT n, …)`, for the summary line.
pub(super) fn counts(graph: &KnowledgeGraph) -> String {
    let edges: Vec<String> = graph
        .edge_counts()
        .into_iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    format!(
        "{} nodes, {} edges ({})",
        graph.node_count(),
        graph.edge_count(),
        edges.join(", ")
    )
}

/// ` -> OUT` for the summary line, or nothing for standard output.
pub(super) fn destination(output: &Path) -> String {
    if output.as_os_str() == "-" {
        String::new()
    } else {
        format!(" -> {}", output.display())
    }
}

/// Writes the graph to `output` (a file, a folder for csv, or - for
/// standard output) in `format`; on failure, reports it and gives the exit
/// status to return (a closed pipe is no failure).
pub(super) fn write_graph(
    graph: &KnowledgeGraph,
    output: &Path,
    format: GraphFormat,
) -> Result<(), u8> {
    let to_stdout = output.as_os_str() == "-";
    let written = match format {
        GraphFormat::Csv => export::write_neo4j_csv(graph, output),
        f => {
            let save = |out: &mut dyn std::io::Write| match f {
                GraphFormat::Govkg => graph.save(out),
                GraphFormat::Json => export::write(graph, Format::NodeLink, out),
                GraphFormat::Graphml => export::write(graph, Format::GraphMl, out),
                GraphFormat::Html => export::write(graph, Format::Html, out),
                _ => export::write(graph, Format::Dot, out),
            };
            if to_stdout {
                save(&mut std::io::stdout().lock())
            } else {
                std::fs::File::create(output)
                    .map_err(|e| govkg::Error::Io {
                        path: output.to_path_buf(),
                        source: e,
                    })
                    .and_then(|mut fh| save(&mut fh))
                    .map_err(|e| match e {
                        govkg::Error::Io { source, .. } => govkg::Error::Io {
                            path: output.to_path_buf(),
                            source,
                        },
                        e => e,
                    })
            }
        }
    };
    match written {
        Ok(()) => Ok(()),
        Err(govkg::Error::Io { source, .. }) if is_broken_pipe(&source) => Err(EXIT_OK),
        Err(e) => {
            report(e);
            Err(EXIT_SOME_FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_file_name() {
        let f = |p: &str| GraphFormat::from_path(Path::new(p));
        assert_eq!(f("g.graphml"), Ok(GraphFormat::Graphml));
        assert_eq!(f("g.dot"), Ok(GraphFormat::Dot));
        assert_eq!(f("g.gv"), Ok(GraphFormat::Dot));
        assert_eq!(f("page.html"), Ok(GraphFormat::Html));
        assert_eq!(f("page.HTM"), Ok(GraphFormat::Html));
        assert_eq!(f("qibao.govkg.json"), Ok(GraphFormat::Govkg));
        assert_eq!(f("g.json"), Ok(GraphFormat::Govkg));
        assert_eq!(f("-"), Ok(GraphFormat::Govkg));
        assert_eq!(f("neo4j/"), Ok(GraphFormat::Csv));
        for bad in ["g.svg", "m.gexf", "graph", "g.txt"] {
            let e = f(bad).unwrap_err();
            assert!(e.contains(bad) && e.contains("--format"), "{e}");
        }
    }

    #[test]
    fn format_overrides_the_name() {
        let p = Path::new("g.svg");
        assert_eq!(
            output_format(p, Some(GraphFormat::Dot)),
            Ok(GraphFormat::Dot)
        );
        assert!(output_format(Path::new("-"), Some(GraphFormat::Csv)).is_err());
    }

    #[test]
    fn user_dictionaries_join_the_lexicon() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d.txt");
        std::fs::write(&d, "星星镇\tplace.town\tparent=上海市/闵行区\n").unwrap();
        let lex = lexicon(&DictArgs { dicts: vec![d] }).unwrap();
        assert!(lex.any("星星镇", |c| c.is_place()));
        assert!(lex.any("七宝镇", |c| c.is_place()));
        let missing = DictArgs {
            dicts: vec!["nowhere.txt".into()],
        };
        assert!(
            lexicon(&missing)
                .unwrap_err()
                .to_string()
                .contains("nowhere.txt")
        );
    }
}
