//! [`govkg::Error`] to Python exceptions. The classes live in
//! `govkg/_errors.py` (so they can also derive from `ValueError`,
//! `OSError` or `LookupError`); the message is the error's `Display`, the
//! very text the command-line tool prints after `govkg: ` (for a name that
//! names several nodes, followed by the lines `govkg query` prints under
//! it, one per candidate).

use crate::graph::Node;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The Python exception for `e`.
pub fn to_py(py: Python<'_>, e: govkg::Error) -> PyErr {
    to_py_in(py, e, None)
}

/// The Python exception for `e`, raised by a question to `graph`: an
/// ambiguous name describes its candidates from the graph, as `govkg
/// query` does.
fn to_py_in(py: Python<'_>, e: govkg::Error, graph: Option<&govkg::KnowledgeGraph>) -> PyErr {
    match build(py, &e, graph) {
        Ok(err) => err,
        // The package's own module could not be imported: still raise, with
        // the same message.
        Err(_) => pyo3::exceptions::PyRuntimeError::new_err(e.to_string()),
    }
}

/// `Err(to_py(e))` for `?` on a [`govkg::Result`].
pub trait IntoPyResult<T> {
    /// Converts the error into the package's Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for govkg::Result<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, e))
    }
}

/// `Err` of a question to a graph, for `?`: as [`IntoPyResult`], with an
/// ambiguous name's candidates described from the graph.
pub trait IntoPyResultIn<T> {
    /// Converts the error into the package's Python exception.
    fn py_err_in(self, py: Python<'_>, graph: &govkg::KnowledgeGraph) -> PyResult<T>;
}

impl<T> IntoPyResultIn<T> for govkg::Result<T> {
    fn py_err_in(self, py: Python<'_>, graph: &govkg::KnowledgeGraph) -> PyResult<T> {
        self.map_err(|e| to_py_in(py, e, Some(graph)))
    }
}

fn build(
    py: Python<'_>,
    e: &govkg::Error,
    graph: Option<&govkg::KnowledgeGraph>,
) -> PyResult<PyErr> {
    use govkg::Error as E;
    let module = MODULE
        .get_or_try_init(py, || {
            PyModule::import(py, "govkg._errors").map(Bound::unbind)
        })?
        .bind(py);
    let mut message = e.to_string();
    // The lines `govkg query` prints under an ambiguous name.
    let details = match (e, graph) {
        (E::AmbiguousNode { candidates, .. }, Some(g)) => g.describe_candidates(candidates),
        _ => Vec::new(),
    };
    for d in &details {
        message.push_str("\n  ");
        message.push_str(d);
    }
    let class = match e {
        E::Dictionary { .. } => "DictionaryError",
        E::Io { .. } => "FileError",
        E::Json { .. } => "InputError",
        E::GraphFile { .. } => "GraphFileError",
        E::UnknownNode { .. } => "UnknownNodeError",
        E::AmbiguousNode { .. } => "AmbiguousNodeError",
        E::InvalidDate { .. } => "InvalidDateError",
        _ => "GovkgError",
    };
    let exc = module.getattr(class)?.call1((message,))?;
    match e {
        E::Dictionary {
            source_name, line, ..
        }
        | E::Json {
            source_name, line, ..
        } => {
            exc.setattr("source", source_name)?;
            exc.setattr("line", *line)?;
        }
        E::Io { path, source } => {
            exc.setattr("filename", path)?;
            exc.setattr("errno", source.raw_os_error())?;
            exc.setattr("strerror", source.to_string())?;
        }
        E::GraphFile { source_name, .. } => exc.setattr("source", source_name)?,
        E::UnknownNode {
            name,
            kinds,
            closest,
        } => {
            exc.setattr("name", name)?;
            exc.setattr("kinds", kinds)?;
            exc.setattr("closest", closest.clone())?;
        }
        E::AmbiguousNode { name, candidates } => {
            exc.setattr("name", name)?;
            exc.setattr("candidates", candidates.clone())?;
            exc.setattr("details", details)?;
            let nodes = match graph {
                Some(g) => candidates
                    .iter()
                    .filter_map(|c| c.parse().ok().and_then(|id| g.node(&id)))
                    .map(|n| Py::new(py, Node::of(&n)))
                    .collect::<PyResult<Vec<_>>>()?,
                None => Vec::new(),
            };
            exc.setattr("nodes", nodes)?;
        }
        E::InvalidDate { text, reason } => {
            exc.setattr("text", text)?;
            exc.setattr("reason", reason)?;
        }
        _ => {}
    }
    Ok(PyErr::from_value(exc))
}
