//! The Python module `govkg._govkg`: a thin layer over the govkg crate.
//!
//! Every class wraps the crate's own type ([`govkg::Extractor`],
//! [`govkg::Document`], [`govkg::KnowledgeGraph`]); what a Python user sees
//! in JSON (`to_dict`, `node_link`) is the crate's own serialisation, so it
//! cannot drift from the command-line tool's output. The pure-Python part
//! of the package (`govkg/__init__.py`, `_errors.py`, `_convert.py`) adds
//! the exception classes and the networkx and pandas conversions.

use pyo3::prelude::*;

mod document;
mod errors;
mod extractor;
mod graph;
mod json;

/// The compiled core of the `govkg` package; import `govkg` instead.
#[pymodule]
fn _govkg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<extractor::Extractor>()?;
    m.add_class::<extractor::DocumentStream>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<document::Entity>()?;
    m.add_class::<document::Relation>()?;
    m.add_class::<graph::KnowledgeGraph>()?;
    m.add_class::<graph::Node>()?;
    m.add_class::<graph::Edge>()?;
    m.add_class::<graph::Reached>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
