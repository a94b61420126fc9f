//! [`govkg::Error`] to Python exceptions. The classes live in
//! `govkg/_errors.py` (so they can also derive from `ValueError`,
//! `OSError` or `LookupError`); the message is the error's `Display`, the
//! very text the command-line tool prints after `govkg: `.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The Python exception for `e`.
pub fn to_py(py: Python<'_>, e: govkg::Error) -> PyErr {
    match build(py, &e) {
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

fn build(py: Python<'_>, e: &govkg::Error) -> PyResult<PyErr> {
    use govkg::Error as E;
    let module = MODULE
        .get_or_try_init(py, || {
            PyModule::import(py, "govkg._errors").map(Bound::unbind)
        })?
        .bind(py);
    let message = e.to_string();
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
        }
        E::InvalidDate { text, reason } => {
            exc.setattr("text", text)?;
            exc.setattr("reason", reason)?;
        }
        _ => {}
    }
    Ok(PyErr::from_value(exc))
}
