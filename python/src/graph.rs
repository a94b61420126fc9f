//! `KnowledgeGraph` and the small objects its queries return: `Node`,
//! `Edge` and `Reached`.

use crate::document::Document;
use crate::errors::{IntoPyResult, IntoPyResultIn};
use crate::extractor::Extractor;
use crate::json;
use govkg::export::{self, Format};
use govkg::graph::{DateRange, EdgeRef, GraphBuilder, NodeKind, NodeRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The embedded lexicon, for graphs built without an extractor.
fn embedded_lexicon() -> &'static govkg::Lexicon {
    static LEX: OnceLock<govkg::Lexicon> = OnceLock::new();
    LEX.get_or_init(govkg::Lexicon::embedded)
}

/// An id without its kind, as `govkg query` writes names in its readable
/// answers: `于勇@闵行区` of `person:于勇@闵行区`.
fn id_key(id: &str) -> &str {
    id.split_once(':').map_or(id, |(_, key)| key)
}

/// A node of the graph: a person, organisation, place or plot.
///
/// Attributes: `id` (`place:七宝镇`, `person:于勇@闵行区`), `kind`
/// (`PERSON`, `ORG`, `PLACE`, `PLOT`), `name` (normalised), `jurisdiction`
/// (where it is: `闵行区` of `person:于勇@闵行区`, or None), `places` (a
/// person's jurisdiction with the places it lies in, top down), `aliases`
/// (other names merged into it), `mentions` (how many times documents name
/// it) and `documents` (the ids of those documents).
#[pyclass(module = "govkg", frozen, get_all)]
pub struct Node {
    /// The stable id, `kind:name` or `kind:name@jurisdiction`
    /// (`place:七宝镇`, `person:于勇@闵行区`).
    id: String,
    /// `PERSON`, `ORG`, `PLACE` or `PLOT`.
    kind: &'static str,
    /// The normalised name.
    name: String,
    /// Where the node is, as the exports' `jurisdiction` attribute says: a
    /// person's jurisdiction (`闵行区` of `person:于勇@闵行区`, `全国` for a
    /// national figure), the place a shared place name is keyed by
    /// (`施甸县` of `place:城关镇@施甸县`), the divisions a body's name
    /// opens with (`七宝镇` of `七宝镇党委`); None when the documents say
    /// none (such a node gathers that name's mentions from every place).
    jurisdiction: Option<String>,
    /// A person: its jurisdiction and the places that hold it, top down,
    /// ending with it (`["上海市", "闵行区"]`), as far as known; empty for
    /// other kinds and for persons placed nowhere or nationally.
    places: Vec<String>,
    /// Other names merged into this node (`七宝` for `七宝镇`).
    aliases: Vec<String>,
    /// Number of mentions in the documents.
    mentions: usize,
    /// Ids of the documents mentioning it, sorted.
    documents: Vec<String>,
}

impl Node {
    pub(crate) fn of(n: &NodeRef<'_>) -> Node {
        Node {
            id: n.id().to_string(),
            kind: n.kind().type_name(),
            name: n.name().to_string(),
            jurisdiction: n.jurisdiction(),
            places: n.places().into_iter().map(str::to_string).collect(),
            aliases: n.aliases().map(str::to_string).collect(),
            mentions: n.mention_count(),
            documents: n.documents().into_iter().map(str::to_string).collect(),
        }
    }
}

#[pymethods]
impl Node {
    /// The node as in the node-link export (`id`, `kind`, `name`,
    /// `mentions`, `documents`, `aliases`, and `jurisdiction` when it has
    /// one).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("kind", self.kind)?;
        d.set_item("name", &self.name)?;
        d.set_item("mentions", self.mentions)?;
        d.set_item("documents", &self.documents)?;
        d.set_item("aliases", &self.aliases)?;
        if let Some(j) = &self.jurisdiction {
            d.set_item("jurisdiction", j)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("Node({}, {} mentions)", self.id, self.mentions)
    }

    fn __str__(&self) -> String {
        self.name.clone()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Node>().is_ok_and(|o| o.get().id == self.id)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        self.id.hash(&mut h);
        h.finish()
    }
}

/// An edge of the graph: one stated VISIT, LEADS or ACCOMPANY, or a
/// PART_OF between places.
///
/// `source` and `target` are node ids (`person:于勇@闵行区`), `source_name`
/// and `target_name` their names, `source_jurisdiction` and
/// `target_jurisdiction` their `Node.jurisdiction` (None when the node has
/// none). `doc`, `date`, `when`, `purpose` (VISIT) and
/// `role` (LEADS) are None when the edge has none; `evidence` is the `(start,
/// end)` code-point range of the sentence(s) in document `doc` and
/// `evidence_text` their text, when the graph was built from documents
/// that kept it.
#[pyclass(module = "govkg", frozen, get_all)]
pub struct Edge {
    /// `VISIT`, `LEADS`, `ACCOMPANY` or `PART_OF`.
    #[pyo3(name = "type")]
    kind: &'static str,
    /// The source node's id (the visitor, the person holding a post, the
    /// companion, the place inside another).
    source: String,
    /// The source node's name.
    source_name: String,
    /// The source node's jurisdiction (`闵行区` of `person:于勇@闵行区`), as
    /// `Node.jurisdiction`; None when it has none.
    source_jurisdiction: Option<String>,
    /// The target node's id (the place visited, the organisation, the
    /// person accompanied, the enclosing place).
    target: String,
    /// The target node's name.
    target_name: String,
    /// The target node's jurisdiction, as `Node.jurisdiction`; None when it
    /// has none.
    target_jurisdiction: Option<String>,
    /// The document stating it (None for PART_OF).
    doc: Option<String>,
    /// VISIT: the date as written (`11月20日`).
    date: Option<String>,
    /// VISIT: the date normalised (`2018-11-20`, `2018-11`, `2018`), or
    /// `--11-20` when its year could not be told.
    when: Option<String>,
    /// VISIT: what for, as written.
    purpose: Option<String>,
    /// LEADS: the post minus its organisation.
    role: Option<String>,
    /// `(start, end)` code points of the evidence in the document.
    evidence: Option<(usize, usize)>,
    /// The evidence sentence(s) as written.
    evidence_text: Option<String>,
}

impl Edge {
    fn of(e: &EdgeRef<'_>) -> Edge {
        let ev = e.evidence();
        Edge {
            kind: e.kind().as_str(),
            source: e.source().id().to_string(),
            source_name: e.source().name().to_string(),
            source_jurisdiction: e.source().jurisdiction(),
            target: e.target().id().to_string(),
            target_name: e.target().name().to_string(),
            target_jurisdiction: e.target().jurisdiction(),
            doc: e.document().map(str::to_string),
            date: e.date().map(str::to_string),
            when: e.when().map(str::to_string),
            purpose: e.purpose().map(str::to_string),
            role: e.role().map(str::to_string),
            evidence: ev.map(|ev| (ev.start, ev.end)),
            evidence_text: ev.and_then(|ev| ev.text).map(str::to_string),
        }
    }

    fn all(v: Vec<EdgeRef<'_>>) -> Vec<Edge> {
        v.iter().map(Edge::of).collect()
    }

    fn key(&self) -> impl Eq + '_ {
        (
            self.kind,
            &self.source,
            &self.target,
            &self.doc,
            &self.date,
            &self.when,
            &self.purpose,
            &self.role,
            self.evidence,
        )
    }
}

#[pymethods]
impl Edge {
    /// The evidence on one line, at most `width` characters (`…` marks a
    /// cut), centred on the names of both ends; None without evidence text.
    #[pyo3(signature = (width = 72))]
    fn snippet(&self, width: usize) -> Option<String> {
        let (start, end) = self.evidence?;
        let ev = govkg::graph::Evidence {
            start,
            end,
            text: self.evidence_text.as_deref(),
        };
        ev.snippet(width, &[&self.source_name, &self.target_name])
    }

    /// The edge as `govkg query --json` prints it: `type`, `source`,
    /// `source_name`, `source_jurisdiction`, `target`, `target_name`,
    /// `target_jurisdiction`, `doc`, `date`, `when`, `purpose`, `role`,
    /// `evidence` and `evidence_text`, those but the first five only when
    /// set.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("type", self.kind)?;
        d.set_item("source", &self.source)?;
        d.set_item("source_name", &self.source_name)?;
        if let Some(j) = &self.source_jurisdiction {
            d.set_item("source_jurisdiction", j)?;
        }
        d.set_item("target", &self.target)?;
        d.set_item("target_name", &self.target_name)?;
        if let Some(j) = &self.target_jurisdiction {
            d.set_item("target_jurisdiction", j)?;
        }
        for (k, v) in [
            ("doc", &self.doc),
            ("date", &self.date),
            ("when", &self.when),
            ("purpose", &self.purpose),
            ("role", &self.role),
        ] {
            if let Some(v) = v {
                d.set_item(k, v)?;
            }
        }
        if let Some((a, b)) = self.evidence {
            d.set_item("evidence", [a, b])?;
            if let Some(t) = &self.evidence_text {
                d.set_item("evidence_text", t)?;
            }
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let mut s = format!(
            "Edge({} -{}-> {}",
            id_key(&self.source),
            self.kind,
            id_key(&self.target)
        );
        for v in [&self.role, &self.date, &self.purpose, &self.doc]
            .into_iter()
            .flatten()
        {
            s.push(' ');
            s.push_str(v);
        }
        s.push(')');
        s
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Edge>()
            .is_ok_and(|o| o.get().key() == self.key())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (
            self.kind,
            &self.source,
            &self.target,
            &self.doc,
            self.evidence,
        )
            .hash(&mut h);
        h.finish()
    }
}

/// A node reached from another by `neighbours`: the `node`, its `distance`
/// in edges, and the last edge of the way there, `via`; `to_dict()` is the
/// answer of `govkg query neighbours --json`.
#[pyclass(module = "govkg", frozen, get_all)]
pub struct Reached {
    /// The node reached.
    node: Py<Node>,
    /// Edges on the shortest way there (in either direction).
    distance: usize,
    /// The last edge of that way.
    via: Py<Edge>,
}

#[pymethods]
impl Reached {
    /// The answer as `govkg query neighbours --json` prints it: the node's
    /// `id`, `kind`, `name` and `jurisdiction` (None when it has none),
    /// `distance`, and `via` as `Edge.to_dict()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let node = self.node.get();
        let d = PyDict::new(py);
        d.set_item("id", &node.id)?;
        d.set_item("kind", node.kind)?;
        d.set_item("name", &node.name)?;
        d.set_item("jurisdiction", &node.jurisdiction)?;
        d.set_item("distance", self.distance)?;
        d.set_item("via", self.via.get().to_dict(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Reached({}, distance={})",
            self.node.get().id,
            self.distance
        )
    }
}

/// A knowledge graph of persons, organisations, places and plots, and the
/// visits, posts and companions the documents state (with PART_OF edges
/// between places from the lexicon's hierarchy).
///
/// Build it with `KnowledgeGraph.from_documents`, store it with `save` and
/// `load` (the file `govkg graph -o FILE` writes and `govkg query` reads),
/// ask it with the queries, and hand it to networkx or pandas.
///
/// A person is a name in a place: its node is keyed by the name and the
/// jurisdiction the documents place it in (`person:王伟@青山区`), so that
/// namesakes in different places are different nodes.
///
/// Names given to queries may be a node's name, an alias (七宝 for 七宝镇),
/// a spelling of a body no document used (上海市闵行区七宝镇政府 for
/// 七宝镇人民政府), `NAME@PLACE` (`王伟@青山区`; a place that holds the
/// jurisdiction also does, `王伟@上海市`) or an id, `KIND:NAME` or
/// `KIND:NAME@PLACE` (`place:七宝镇`, `person:王伟@青山区`). A name that
/// matches several nodes raises `AmbiguousNodeError` (its `candidates`,
/// with their places, posts and documents, as `govkg query` lists them);
/// one that matches none raises `UnknownNodeError` (with the `closest`
/// names).
#[pyclass(module = "govkg", frozen)]
pub struct KnowledgeGraph {
    inner: govkg::KnowledgeGraph,
}

fn dates(
    py: Python<'_>,
    since: Option<&str>,
    until: Option<&str>,
    keep_undated: bool,
) -> PyResult<DateRange> {
    Ok(DateRange::new(since, until)
        .py_err(py)?
        .keep_undated(keep_undated))
}

/// The format `export` reads from a file name, as `govkg graph -o` does;
/// None for a name that says none.
fn format_from_name(path: &std::path::Path) -> Option<&'static str> {
    let text = path.to_string_lossy();
    if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Some("csv");
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Some("govkg"),
        Some("graphml") => Some("graphml"),
        Some("dot" | "gv") => Some("dot"),
        Some("html" | "htm") => Some("html"),
        _ => None,
    }
}

#[pymethods]
impl KnowledgeGraph {
    /// An empty graph.
    #[new]
    fn new() -> Self {
        KnowledgeGraph {
            inner: govkg::KnowledgeGraph::new(),
        }
    }

    /// The graph of these documents.
    ///
    /// Args:
    ///     docs: an iterable of `Document` (from `extract` or `pipe`), or of
    ///         dicts in the shape of `govkg tag`'s JSON.
    ///     extractor: the `Extractor` that tagged them, whose dictionaries
    ///         then also decide place aliases and the place hierarchy, as
    ///         `govkg graph --dict` does (default: the embedded ones).
    #[classmethod]
    #[pyo3(signature = (docs, extractor = None))]
    fn from_documents(
        _cls: &Bound<'_, PyType>,
        docs: &Bound<'_, PyAny>,
        extractor: Option<PyRef<'_, Extractor>>,
    ) -> PyResult<Self> {
        let lexicon = match &extractor {
            Some(e) => e.rust().lexicon(),
            None => embedded_lexicon(),
        };
        let mut b = GraphBuilder::new(lexicon);
        for (i, item) in docs.try_iter()?.enumerate() {
            let item = item?;
            if let Ok(d) = item.cast::<Document>() {
                b.add(&d.get().inner);
            } else if item.cast::<PyDict>().is_ok() {
                let d: govkg::Document =
                    serde_json::from_str(&json::dumps(&item)?).map_err(|e| {
                        PyValueError::new_err(format!("document {i}: not a govkg document: {e}"))
                    })?;
                b.add(&d);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "document {i} is {}, not a govkg.Document or a dict",
                    item.get_type().name()?
                )));
            }
        }
        Ok(KnowledgeGraph { inner: b.finish() })
    }

    /// Reads a graph saved by `save` or by `govkg graph -o FILE`.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let g = py.detach(|| govkg::KnowledgeGraph::load_file(&path));
        Ok(KnowledgeGraph {
            inner: g.py_err(py)?,
        })
    }

    /// Writes the graph, without loss, in the form `govkg query` reads.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.save_file(&path)).py_err(py)
    }

    /// Writes an export: `format` is `"json"` (node-link), `"graphml"`,
    /// `"dot"`, `"html"` (a page for a web browser), `"csv"` (a folder with
    /// Neo4j's `nodes.csv` and `relationships.csv`) or `"govkg"` (as
    /// `save`). Without it, the name decides as for `govkg graph -o`:
    /// `.json` the saved graph, `.graphml`, `.dot` or `.gv`, `.html` or
    /// `.htm`, a folder (an existing one, or a str ending in `/`) csv; any
    /// other name raises `ValueError`.
    #[pyo3(signature = (path, format = None))]
    fn export(&self, py: Python<'_>, path: PathBuf, format: Option<&str>) -> PyResult<()> {
        const FORMATS: &str = "json, graphml, dot, html, csv or govkg";
        let format = match format {
            Some(f) => f.to_ascii_lowercase(),
            None => format_from_name(&path)
                .ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "{}: cannot tell the format from the name; end it in .json (the saved \
                     graph, e.g. g.govkg.json), .graphml, .dot or .gv, .html or .htm, or name \
                     a folder (out/) for csv, or give format= ({FORMATS})",
                        path.display()
                    ))
                })?
                .to_string(),
        };
        let f = match format.as_str() {
            "govkg" => return self.save(py, path),
            "csv" => {
                return py
                    .detach(|| export::write_neo4j_csv(&self.inner, &path))
                    .py_err(py);
            }
            "json" | "node-link" | "node_link" => Format::NodeLink,
            "graphml" => Format::GraphMl,
            "dot" => Format::Dot,
            "html" => Format::Html,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown format {other:?} ({FORMATS})"
                )));
            }
        };
        py.detach(|| export::write_file(&self.inner, f, &path))
            .py_err(py)
    }

    /// Number of nodes.
    #[getter]
    fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of edges (PART_OF included).
    #[getter]
    fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// Counts as `govkg query GRAPH stats --json` prints them: `{"nodes":
    /// N, "edges": M, "nodes_by_kind": {"PERSON": …, …}, "edges_by_type":
    /// {"VISIT": …, …}}`.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let nodes_by_kind = PyDict::new(py);
        for (k, n) in self.inner.node_counts() {
            nodes_by_kind.set_item(k.type_name(), n)?;
        }
        let edges_by_type = PyDict::new(py);
        for (k, n) in self.inner.edge_counts() {
            edges_by_type.set_item(k.as_str(), n)?;
        }
        let d = PyDict::new(py);
        d.set_item("nodes", self.inner.node_count())?;
        d.set_item("edges", self.inner.edge_count())?;
        d.set_item("nodes_by_kind", nodes_by_kind)?;
        d.set_item("edges_by_type", edges_by_type)?;
        Ok(d)
    }

    /// Every node, sorted by id.
    fn nodes(&self) -> Vec<Node> {
        self.inner.nodes().map(|n| Node::of(&n)).collect()
    }

    /// Every edge, sorted by source, target, then facts.
    fn edges(&self) -> Vec<Edge> {
        self.inner.edges().map(|e| Edge::of(&e)).collect()
    }

    /// The node named `name`, of any kind, as the queries find it: a name
    /// or alias (`七宝`), `NAME@PLACE` (`王伟@青山区`, or a place that holds
    /// its jurisdiction, `王伟@上海市`), or an id (`person:王伟@青山区`). A
    /// name of several nodes raises `AmbiguousNodeError`, one of none
    /// `UnknownNodeError`.
    fn node(&self, py: Python<'_>, name: &str) -> PyResult<Node> {
        Ok(Node::of(
            &self.inner.lookup_any(name).py_err_in(py, &self.inner)?,
        ))
    }

    /// The node of `kind` (`"PERSON"`, `"ORG"`, `"PLACE"`, `"PLOT"`, in any
    /// case) named exactly `name` (normalised; no alias or other spelling):
    /// for `NAME@PLACE` the node keyed in that jurisdiction; for a bare
    /// name the node without a jurisdiction, else the only node of that
    /// name in any jurisdiction. None when there is none, or several (the
    /// queries and `node` say which).
    fn find(&self, kind: &str, name: &str) -> PyResult<Option<Node>> {
        let k = NodeKind::parse(kind).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown node kind {kind:?} (PERSON, ORG, PLACE or PLOT)"
            ))
        })?;
        Ok(self.inner.find(k, name).map(|n| Node::of(&n)))
    }

    /// Who visited a place (or an organisation or plot): its VISIT edges,
    /// sorted by visitor, document and evidence.
    ///
    /// `since` and `until` (inclusive, like `govkg query --from/--to`) keep
    /// the visits whose normalised date (`Edge.when`) falls within them: a
    /// visit in 2018 is within 2018年11月. Bounds are written 2018年11月20日,
    /// 2018年11月, 2018年 or 2018-11-20 and need a year; a bound without one,
    /// or `since` after `until`, raises `InvalidDateError`.
    ///
    /// A visit whose year could not be told (`when` is `--11-20`: the text
    /// and the article give no year) or that has no date is left out when a
    /// bound is given, unless `keep_undated` is True (`--keep-undated`).
    #[pyo3(signature = (place, since = None, until = None, *, keep_undated = false))]
    fn visitors(
        &self,
        py: Python<'_>,
        place: &str,
        since: Option<&str>,
        until: Option<&str>,
        keep_undated: bool,
    ) -> PyResult<Vec<Edge>> {
        let range = dates(py, since, until, keep_undated)?;
        Ok(Edge::all(
            self.inner
                .visitors(place, &range)
                .py_err_in(py, &self.inner)?,
        ))
    }

    /// Where a person (or organisation) went: VISIT edges out of it, within
    /// `since` and `until` as for `visitors` (`keep_undated` likewise).
    #[pyo3(signature = (visitor, since = None, until = None, *, keep_undated = false))]
    fn visited(
        &self,
        py: Python<'_>,
        visitor: &str,
        since: Option<&str>,
        until: Option<&str>,
        keep_undated: bool,
    ) -> PyResult<Vec<Edge>> {
        let range = dates(py, since, until, keep_undated)?;
        Ok(Edge::all(
            self.inner
                .visited(visitor, &range)
                .py_err_in(py, &self.inner)?,
        ))
    }

    /// Who holds posts in an organisation (named as resolved in full,
    /// 七宝镇党委, or any spelling of a body, 七宝镇政府 for 七宝镇人民政府):
    /// its LEADS edges, the post in `role`.
    fn leaders(&self, py: Python<'_>, org: &str) -> PyResult<Vec<Edge>> {
        Ok(Edge::all(
            self.inner.leaders(org).py_err_in(py, &self.inner)?,
        ))
    }

    /// The posts a person holds: LEADS edges out of them.
    fn positions(&self, py: Python<'_>, person: &str) -> PyResult<Vec<Edge>> {
        Ok(Edge::all(
            self.inner.positions(person).py_err_in(py, &self.inner)?,
        ))
    }

    /// Who accompanied a person, and whom they accompanied: ACCOMPANY edges
    /// both ways (the source accompanied the target).
    fn accompanied(&self, py: Python<'_>, person: &str) -> PyResult<Vec<Edge>> {
        Ok(Edge::all(
            self.inner.accompanied(person).py_err_in(py, &self.inner)?,
        ))
    }

    /// A shortest chain of edges between two nodes, following edges either
    /// way (read each edge's `source` and `target` for its direction); None
    /// when they are not connected, empty when they are the same node.
    #[pyo3(name = "path")]
    fn shortest_path(&self, py: Python<'_>, start: &str, end: &str) -> PyResult<Option<Vec<Edge>>> {
        Ok(self
            .inner
            .path(start, end)
            .py_err_in(py, &self.inner)?
            .map(Edge::all))
    }

    /// Every node within `depth` edges of `name` (edges followed either
    /// way), nearest first.
    #[pyo3(signature = (name, depth = 1))]
    fn neighbours(&self, py: Python<'_>, name: &str, depth: usize) -> PyResult<Vec<Reached>> {
        self.inner
            .neighbours(name, depth)
            .py_err_in(py, &self.inner)?
            .into_iter()
            .map(|r| {
                Ok(Reached {
                    node: Py::new(py, Node::of(&r.node))?,
                    distance: r.distance,
                    via: Py::new(py, Edge::of(&r.via))?,
                })
            })
            .collect()
    }

    /// The places a place lies in, nearest first (七宝镇 → 闵行区, 上海市).
    fn ancestors(&self, py: Python<'_>, place: &str) -> PyResult<Vec<Node>> {
        Ok(self
            .inner
            .ancestors(place)
            .py_err_in(py, &self.inner)?
            .iter()
            .map(Node::of)
            .collect())
    }

    /// A new graph holding both graphs' nodes and edges (as `govkg graph
    /// merge`).
    fn merge(&self, other: PyRef<'_, KnowledgeGraph>) -> KnowledgeGraph {
        KnowledgeGraph {
            inner: self.inner.clone().merged(&other.inner),
        }
    }

    /// The node-link export (`govkg graph --format json`) as a dict:
    /// `directed`, `multigraph`, `graph`, `nodes`, `edges` and `links`.
    fn node_link<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut buf = Vec::new();
        export::write(&self.inner, Format::NodeLink, &mut buf).py_err(py)?;
        let text = String::from_utf8(buf).map_err(|e| PyValueError::new_err(e.to_string()))?;
        json::loads(py, &text)
    }

    /// A `networkx.MultiDiGraph` with the nodes and edges, and the
    /// attributes, of the node-link export (nodes keyed by id, with their
    /// `jurisdiction` when they have one; edges by their `key`). Needs
    /// networkx.
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let data = self.node_link(py)?;
        py.import("govkg._convert")?
            .call_method1("to_networkx", (data,))
    }

    /// Two pandas DataFrames, `(nodes, edges)`, with the columns of the
    /// node-link export (the nodes' `jurisdiction` None where they have
    /// none). Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let data = self.node_link(py)?;
        py.import("govkg._convert")?
            .call_method1("to_pandas", (data,))
    }

    fn __repr__(&self) -> String {
        format!(
            "KnowledgeGraph({} nodes, {} edges)",
            self.inner.node_count(),
            self.inner.edge_count()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<KnowledgeGraph>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.node_count()
    }
}
