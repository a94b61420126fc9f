//! `govkg query GRAPH …`: questions to a saved graph, answered one line per
//! answer (or one JSON object per line with `--json`).

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, is_broken_pipe, report};
use govkg::KnowledgeGraph;
use govkg::graph::{DateRange, EdgeKind, EdgeRef, Reached};
use serde_json::{Map, Value, json};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// How many characters of evidence a readable answer shows.
const SNIPPET: usize = 72;

#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// A graph saved by `govkg graph` (the default --format govkg).
    #[arg(value_name = "GRAPH")]
    graph: PathBuf,
    /// Print one JSON object per answer instead of readable lines.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    question: Question,
}

/// Date bounds of a question.
#[derive(clap::Args, Debug)]
struct Dates {
    /// Only visits on or after this date (2018年, 2018年11月, 11月20日, 2018-11-20).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only visits on or before this date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// With --from or --to, also list the visits whose year is unknown (a
    /// date such as 11月20日 in an article without a date) or that have no
    /// date at all.
    #[arg(long)]
    keep_undated: bool,
}

#[derive(clap::Subcommand, Debug)]
enum Question {
    /// Who visited a place (or an organisation or plot).
    #[command(
        after_help = "Dates are compared as normalised by govkg tag: 11月20日 takes its year from the article's\n\
publication line or first full date. Visits whose year is unknown, and visits with no date, are\n\
left out when --from or --to is given, unless --keep-undated. Bounds need a year; --from after\n\
--to is a usage error (exit 2).\n\n\
Example:\n  govkg query qibao.govkg.json visitors 七宝镇 --from 2018年11月 --to 2018年12月 --keep-undated"
    )]
    Visitors {
        /// The place: a name, an alias (七宝), or KIND:NAME (place:七宝镇).
        place: String,
        #[command(flatten)]
        dates: Dates,
    },
    /// The places a person (or organisation) visited.
    #[command(after_help = "Example:\n  govkg query qibao.govkg.json visited 于勇")]
    Visited {
        /// The person.
        person: String,
        #[command(flatten)]
        dates: Dates,
    },
    /// Who holds posts in an organisation.
    #[command(after_help = "Example:\n  govkg query qibao.govkg.json leaders 七宝镇党委")]
    Leaders {
        /// The organisation, as resolved in full (七宝镇党委, 闵行区委).
        org: String,
    },
    /// The posts a person holds.
    #[command(after_help = "Example:\n  govkg query qibao.govkg.json positions 于勇")]
    Positions {
        /// The person.
        person: String,
    },
    /// Who accompanied a person, and whom the person accompanied.
    #[command(after_help = "Example:\n  govkg query qibao.govkg.json accompanied 于勇")]
    Accompanied {
        /// The person.
        person: String,
    },
    /// Every node within N edges of a node (edges followed both ways).
    #[command(
        visible_alias = "neighbors",
        after_help = "Example:\n  govkg query qibao.govkg.json neighbours 严俊 --depth 2"
    )]
    Neighbours {
        /// The node: a name or KIND:NAME.
        name: String,
        /// How many edges away.
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// A shortest chain of edges between two nodes (edges followed both ways).
    #[command(after_help = "Example:\n  govkg query qibao.govkg.json path 严俊 上海市")]
    Path {
        /// Where to start: a name or KIND:NAME.
        from: String,
        /// Where to arrive.
        to: String,
    },
    /// Counts of nodes by kind and of edges by type.
    #[command(
        after_help = "Prints `N nodes, M edges`, then one `nodes<TAB>KIND<TAB>count` line per node kind and one\n`edges<TAB>TYPE<TAB>count` line per edge type (--json: nodes_by_kind and edges_by_type).\n\nExample:\n  govkg query qibao.govkg.json stats"
    )]
    Stats,
}

pub fn run(a: QueryArgs) -> u8 {
    let g = match KnowledgeGraph::load_file(&a.graph) {
        Ok(g) => g,
        Err(e) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    let mut lines: Vec<String> = Vec::new();
    let res = answer(&g, &a.question, a.json, &mut lines);
    if let Err(e) = res {
        let code = match e {
            govkg::Error::InvalidDate { .. } => EXIT_USAGE,
            _ => EXIT_SOME_FAILED,
        };
        let details = match &e {
            govkg::Error::AmbiguousNode { candidates, .. } => g.describe_candidates(candidates),
            _ => Vec::new(),
        };
        report(e);
        let mut err = std::io::stderr().lock();
        for d in details {
            let _ = writeln!(err, "  {d}");
        }
        return code;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for l in &lines {
        if let Err(e) = writeln!(out, "{l}") {
            if is_broken_pipe(&e) {
                return EXIT_OK;
            }
            report(format!("<stdout>: {e}"));
            return EXIT_SOME_FAILED;
        }
    }
    if let Err(e) = out.flush()
        && !is_broken_pipe(&e)
    {
        report(format!("<stdout>: {e}"));
        return EXIT_SOME_FAILED;
    }
    if lines.is_empty() && !a.json && std::io::stderr().is_terminal() {
        eprintln!("govkg: no answer");
    }
    EXIT_OK
}

fn range(d: &Dates) -> govkg::Result<DateRange> {
    Ok(DateRange::new(d.from.as_deref(), d.to.as_deref())?.keep_undated(d.keep_undated))
}

fn answer(
    g: &KnowledgeGraph,
    q: &Question,
    json: bool,
    out: &mut Vec<String>,
) -> govkg::Result<()> {
    let edges = |v: Vec<EdgeRef<'_>>, show: Show, out: &mut Vec<String>| {
        for e in v {
            out.push(if json {
                edge_json(&e).to_string()
            } else {
                edge_line(&e, show)
            });
        }
    };
    match q {
        Question::Visitors { place, dates } => {
            edges(g.visitors(place, &range(dates)?)?, Show::Visitor, out)
        }
        Question::Visited { person, dates } => {
            edges(g.visited(person, &range(dates)?)?, Show::Visited, out)
        }
        Question::Leaders { org } => edges(g.leaders(org)?, Show::Leader, out),
        Question::Positions { person } => edges(g.positions(person)?, Show::Position, out),
        Question::Accompanied { person } => edges(g.accompanied(person)?, Show::Companion, out),
        Question::Neighbours { name, depth } => {
            for r in g.neighbours(name, *depth)? {
                out.push(if json {
                    reached_json(&r).to_string()
                } else {
                    format!(
                        "{}\t{}\tvia {}",
                        r.distance,
                        r.node.id(),
                        hop(&r.via, r.node.id() == r.via.target().id())
                    )
                });
            }
        }
        Question::Path { from, to } => {
            let Some(path) = g.path(from, to)? else {
                if json {
                    out.push("null".into());
                } else {
                    out.push(format!("no path between {from} and {to}"));
                }
                return Ok(());
            };
            let start = g.lookup_any(from)?;
            let mut at = start.id();
            for e in path {
                let forward = e.source().id() == at;
                at = if forward {
                    e.target().id()
                } else {
                    e.source().id()
                };
                out.push(if json {
                    edge_json(&e).to_string()
                } else {
                    let mut parts = vec![hop(&e, forward)];
                    parts.extend(facts(&e));
                    parts.extend(source(&e));
                    parts.join("  ")
                });
            }
        }
        Question::Stats => {
            let nodes: Map<String, Value> = g
                .node_counts()
                .into_iter()
                .map(|(k, n)| (k.type_name().to_string(), n.into()))
                .collect();
            let edges: Map<String, Value> = g
                .edge_counts()
                .into_iter()
                .map(|(k, n)| (k.as_str().to_string(), n.into()))
                .collect();
            if json {
                out.push(
                    json!({"nodes": g.node_count(), "edges": g.edge_count(),
                        "nodes_by_kind": nodes, "edges_by_type": edges})
                    .to_string(),
                );
            } else {
                out.push(format!(
                    "{} nodes, {} edges",
                    g.node_count(),
                    g.edge_count()
                ));
                // Node kinds and edge types apart, each in its fixed order.
                for (k, n) in g.node_counts() {
                    out.push(format!("nodes\t{}\t{n}", k.type_name()));
                }
                for (k, n) in g.edge_counts() {
                    out.push(format!("edges\t{k}\t{n}"));
                }
            }
        }
    }
    Ok(())
}

/// What a readable answer puts first.
#[derive(Clone, Copy)]
enum Show {
    /// The visitor, then date and purpose.
    Visitor,
    /// The place visited, then date and purpose.
    Visited,
    /// The person, then the role.
    Leader,
    /// The role, then the organisation.
    Position,
    /// `A accompanied B`.
    Companion,
}

/// One readable answer: `于勇@闵行区  11月20日  督查  000_67e2…:104-233  “…于勇…来到七宝镇…”`
/// (a name with the jurisdiction its id carries).
fn edge_line(e: &EdgeRef<'_>, show: Show) -> String {
    let (src, tgt) = (e.source().id().key(), e.target().id().key());
    let mut parts: Vec<String> = match show {
        Show::Visitor => vec![src.clone()],
        Show::Visited => vec![tgt.clone()],
        Show::Leader => vec![src.clone()],
        Show::Position => vec![],
        Show::Companion => vec![format!("{src} accompanied {tgt}")],
    };
    parts.extend(facts(e));
    if let Show::Position = show {
        parts.push(tgt);
    }
    parts.extend(source(e));
    parts.join("  ")
}

/// Date and purpose of a VISIT, role of a LEADS.
fn facts(e: &EdgeRef<'_>) -> Vec<String> {
    match e.kind() {
        EdgeKind::Visit => {
            let mut v = vec![e.date().unwrap_or("(no date)").to_string()];
            v.extend(e.purpose().map(str::to_string));
            v
        }
        EdgeKind::Leads => e.role().map(str::to_string).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Document, evidence range and evidence snippet.
fn source(e: &EdgeRef<'_>) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(d) = e.document() {
        v.push(match e.evidence() {
            Some(ev) => format!("{d}:{}-{}", ev.start, ev.end),
            None => d.to_string(),
        });
    }
    if let Some(s) = e
        .evidence()
        .and_then(|ev| ev.snippet(SNIPPET, &[e.source().name(), e.target().name()]))
    {
        v.push(format!("“{s}”"));
    }
    v
}

/// `A -VISIT-> B` read forwards, `B <-VISIT- A` backwards (names with the
/// jurisdiction their ids carry, `王伟@青山区`).
fn hop(e: &EdgeRef<'_>, forward: bool) -> String {
    let (s, t) = (e.source().id().key(), e.target().id().key());
    if forward {
        format!("{s} -{}-> {t}", e.kind())
    } else {
        format!("{t} <-{}- {s}", e.kind())
    }
}

fn edge_json(e: &EdgeRef<'_>) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), e.kind().as_str().into());
    m.insert("source".into(), e.source().id().to_string().into());
    m.insert("source_name".into(), e.source().name().into());
    if let Some(j) = e.source().jurisdiction() {
        m.insert("source_jurisdiction".into(), j.into());
    }
    m.insert("target".into(), e.target().id().to_string().into());
    m.insert("target_name".into(), e.target().name().into());
    if let Some(j) = e.target().jurisdiction() {
        m.insert("target_jurisdiction".into(), j.into());
    }
    for (k, v) in e.attributes() {
        m.insert(k.into(), v.into());
    }
    if let Some(ev) = e.evidence() {
        m.insert("evidence".into(), json!([ev.start, ev.end]));
        if let Some(t) = ev.text {
            m.insert("evidence_text".into(), t.into());
        }
    }
    Value::Object(m)
}

fn reached_json(r: &Reached<'_>) -> Value {
    json!({
        "id": r.node.id().to_string(),
        "kind": r.node.kind().type_name(),
        "name": r.node.name(),
        "jurisdiction": r.node.jurisdiction(),
        "distance": r.distance,
        "via": edge_json(&r.via),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use govkg::{Document, Entity, EntityKind, Relation};

    fn graph() -> KnowledgeGraph {
        let text = "11月20日,区委副书记于勇来到七宝镇督查,镇党委书记严俊陪同。";
        let ent = |id: &str, kind, start: usize, t: &str| Entity {
            id: id.into(),
            kind,
            start,
            end: start + t.chars().count(),
            text: t.into(),
            nested: false,
            rule: None,
            value: None,
        };
        let d = Document {
            id: "000".into(),
            text: Some(text.into()),
            entities: vec![
                ent("e1", EntityKind::Person, 12, "于勇"),
                ent("e2", EntityKind::Place, 16, "七宝镇"),
                ent("e3", EntityKind::Person, 27, "严俊"),
            ],
            relations: vec![
                Relation::Visit {
                    head: "e1".into(),
                    tail: "e2".into(),
                    head_text: None,
                    tail_text: None,
                    date: Some("11月20日".into()),
                    purpose: Some("督查".into()),
                    evidence: [0, 32],
                    rule: None,
                    when: None,
                },
                Relation::Leads {
                    head: "e3".into(),
                    head_text: None,
                    org: "七宝镇党委".into(),
                    role: "书记".into(),
                    title: None,
                    evidence: [0, 32],
                    rule: None,
                },
                Relation::Accompany {
                    head: "e3".into(),
                    tail: "e1".into(),
                    head_text: None,
                    tail_text: None,
                    evidence: [0, 32],
                    rule: None,
                },
            ],
            context: None,
            rejected: Vec::new(),
        };
        KnowledgeGraph::from_documents([&d], &govkg::Lexicon::embedded())
    }

    #[test]
    fn readable_lines() {
        let g = graph();
        let v = g.visitors("七宝镇", &DateRange::any()).unwrap();
        assert_eq!(
            edge_line(&v[0], Show::Visitor),
            "于勇  11月20日  督查  000:0-32  “11月20日,区委副书记于勇来到七宝镇督查,镇党委书记严俊陪同。”"
        );
        let p = g.positions("严俊").unwrap();
        assert!(edge_line(&p[0], Show::Position).starts_with("书记  七宝镇党委  000:0-32"));
        let l = g.leaders("七宝镇党委").unwrap();
        assert!(edge_line(&l[0], Show::Leader).starts_with("严俊@七宝镇  书记  000:0-32"));
        let a = g.accompanied("于勇").unwrap();
        assert!(edge_line(&a[0], Show::Companion).starts_with("严俊@七宝镇 accompanied 于勇  000"));
        assert_eq!(hop(&v[0], true), "于勇 -VISIT-> 七宝镇");
        assert_eq!(hop(&v[0], false), "七宝镇 <-VISIT- 于勇");
    }

    #[test]
    fn json_answers() {
        let g = graph();
        let v = g.visitors("七宝镇", &DateRange::any()).unwrap();
        let j = edge_json(&v[0]);
        assert_eq!(j["source"], "person:于勇");
        assert_eq!(j["target_name"], "七宝镇");
        assert_eq!(j["evidence"], json!([0, 32]));
        let mut out = Vec::new();
        answer(&g, &Question::Stats, true, &mut out).unwrap();
        let s: Value = serde_json::from_str(&out[0]).unwrap();
        assert_eq!(s["edges_by_type"]["VISIT"], 1);
        assert_eq!(s["nodes_by_kind"]["PERSON"], 2);
        assert!(s["nodes_by_kind"].get("VISIT").is_none());
    }
}
