//! `govkg graph`: documents in, a knowledge graph out (saved form or an
//! export).

use super::input::{self, Input};
use super::{DictArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report};
use govkg::export::{self, Format};
use govkg::graph::GraphBuilder;
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
    /// The format `-o` implies when `--format` is not given.
    fn from_path(p: &Path) -> GraphFormat {
        match p.extension().and_then(|e| e.to_str()) {
            Some("graphml") => GraphFormat::Graphml,
            Some("dot" | "gv") => GraphFormat::Dot,
            Some("html" | "htm") => GraphFormat::Html,
            _ => GraphFormat::Govkg,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct GraphArgs {
    /// Articles (.txt), directories, JSON Lines of {"id","text"} objects or
    /// of `govkg tag` output, or - for standard input. Defaults to stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Where to write: a file, - for standard output, or a folder for
    /// --format csv.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// Output format; without it, OUT ending in .graphml gives graphml,
    /// .dot or .gv gives dot, .html or .htm gives html, anything else the
    /// saved form (govkg).
    #[arg(short, long, value_enum)]
    format: Option<GraphFormat>,
    /// Print no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    dict: DictArgs,
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
    let format = a
        .format
        .unwrap_or_else(|| GraphFormat::from_path(&a.output));
    let to_stdout = a.output.as_os_str() == "-";
    if to_stdout && format == GraphFormat::Csv {
        report("--format csv writes a folder: give -o a folder name, not -");
        return EXIT_USAGE;
    }
    // The lexicon decides place aliases and the hierarchy; the extractor
    // (slower to build) is made only when a text needs tagging.
    let lexicon = match lexicon(&a.dict) {
        Ok(l) => l,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let mut extractor: Option<govkg::Extractor> = None;
    let mut builder = GraphBuilder::new(&lexicon);
    let mut failed = false;
    for path in input::files(&a.paths, &mut failed) {
        input::read_any(&path, |item| match item {
            Ok(Input::Text(doc)) => {
                if extractor.is_none() {
                    match a.dict.extractor(true) {
                        Ok(e) => extractor = Some(e),
                        Err(e) => {
                            report(e);
                            failed = true;
                            return;
                        }
                    }
                }
                if let Some(ex) = &extractor {
                    builder.add(&ex.extract(&doc.id, &doc.text));
                }
            }
            Ok(Input::Tagged(doc)) => {
                builder.add(&doc);
            }
            Err(e) => {
                report(e);
                failed = true;
            }
        });
    }
    let summary = builder.summary();
    let graph = builder.finish();

    let written = match format {
        GraphFormat::Csv => export::write_neo4j_csv(&graph, &a.output),
        f => {
            let save = |out: &mut dyn std::io::Write| match f {
                GraphFormat::Govkg => graph.save(out),
                GraphFormat::Json => export::write(&graph, Format::NodeLink, out),
                GraphFormat::Graphml => export::write(&graph, Format::GraphMl, out),
                GraphFormat::Html => export::write(&graph, Format::Html, out),
                _ => export::write(&graph, Format::Dot, out),
            };
            if to_stdout {
                save(&mut std::io::stdout().lock())
            } else {
                std::fs::File::create(&a.output)
                    .map_err(|e| govkg::Error::Io {
                        path: a.output.clone(),
                        source: e,
                    })
                    .and_then(|mut fh| save(&mut fh))
                    .map_err(|e| match e {
                        govkg::Error::Io { source, .. } => govkg::Error::Io {
                            path: a.output.clone(),
                            source,
                        },
                        e => e,
                    })
            }
        }
    };
    if let Err(e) = written {
        if let govkg::Error::Io { source, .. } = &e
            && is_broken_pipe(source)
        {
            return EXIT_OK;
        }
        report(e);
        return EXIT_SOME_FAILED;
    }
    if !a.quiet && std::io::stderr().is_terminal() {
        let edges: Vec<String> = graph
            .edge_counts()
            .into_iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        eprintln!(
            "govkg: {} documents: {} nodes, {} edges ({}){}{}",
            summary.documents,
            graph.node_count(),
            graph.edge_count(),
            edges.join(", "),
            if summary.skipped > 0 {
                format!(
                    "; {} relations skipped (an end is no entity)",
                    summary.skipped
                )
            } else {
                String::new()
            },
            if to_stdout {
                String::new()
            } else {
                format!(" -> {}", a.output.display())
            },
        );
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_file_name() {
        let f = |p: &str| GraphFormat::from_path(Path::new(p));
        assert_eq!(f("g.graphml"), GraphFormat::Graphml);
        assert_eq!(f("g.dot"), GraphFormat::Dot);
        assert_eq!(f("g.gv"), GraphFormat::Dot);
        assert_eq!(f("page.html"), GraphFormat::Html);
        assert_eq!(f("page.htm"), GraphFormat::Html);
        assert_eq!(f("qibao.govkg.json"), GraphFormat::Govkg);
        assert_eq!(f("g.json"), GraphFormat::Govkg);
        assert_eq!(f("-"), GraphFormat::Govkg);
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
