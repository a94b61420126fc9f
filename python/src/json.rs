//! JSON text to Python objects, with the standard library's `json.loads`:
//! the crate serialises (so keys and their order are exactly those of the
//! command-line tool's output) and Python parses.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `json.loads(text)`.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// `value` as JSON text, then as Python objects.
pub fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    loads(py, &text)
}

static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `json.dumps(value, ensure_ascii=False)`: a Python object as JSON text.
pub fn dumps(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = value.py();
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    DUMPS
        .import(py, "json", "dumps")?
        .call((value,), Some(&kwargs))?
        .extract()
}
