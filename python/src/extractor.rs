//! `Extractor` and the stream `pipe` returns.

use crate::document::Document;
use crate::errors::IntoPyResult;
use govkg::batch::{self, ExtractPool};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString, PyTuple};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, TryLockError};

/// Finds entities and relations in Chinese local-government text.
///
/// Build it once (it loads the dictionaries and the segmenter, a few
/// hundred milliseconds) and reuse it; it is safe to share between
/// threads, and extraction runs without the GIL.
///
/// Args:
///     dictionaries: user dictionary files (UTF-8, one
///         `TEXT<TAB>KIND[<TAB>ATTRS]` entry a line), added to the embedded
///         ones. A bad line raises `DictionaryError` naming the file and line.
///     nested: also report spans nested inside longer ones (the PLACE 七宝镇
///         inside the TITLE 七宝镇党委书记), marked `nested`.
///     keep_text: keep each text in its `Document` (`doc.text`).
#[pyclass(module = "govkg", frozen)]
pub struct Extractor {
    inner: Arc<govkg::Extractor>,
    dictionaries: Vec<PathBuf>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (dictionaries = None, *, nested = true, keep_text = true))]
    fn new(
        py: Python<'_>,
        dictionaries: Option<Vec<PathBuf>>,
        nested: bool,
        keep_text: bool,
    ) -> PyResult<Self> {
        let dictionaries = dictionaries.unwrap_or_default();
        let built = py.detach(|| {
            let mut b = govkg::Extractor::builder()
                .nested(nested)
                .keep_text(keep_text);
            for d in &dictionaries {
                b = b.dictionary_file(d)?;
            }
            b.build()
        });
        Ok(Extractor {
            inner: Arc::new(built.py_err(py)?),
            dictionaries,
        })
    }

    /// Whether nested spans are reported.
    #[getter]
    fn nested(&self) -> bool {
        self.inner.options().nested
    }

    /// Whether documents keep their text.
    #[getter]
    fn keep_text(&self) -> bool {
        self.inner.options().keep_text
    }

    /// The user dictionaries given (paths).
    #[getter]
    fn dictionaries(&self) -> Vec<PathBuf> {
        self.dictionaries.clone()
    }

    /// Extracts the entities and relations of one text.
    ///
    /// Args:
    ///     text: the text.
    ///     id: the document id (default: the empty string). Give distinct
    ///         ids to documents that go into one graph.
    ///
    /// Returns:
    ///     The `Document`, with code-point offsets into `text`.
    #[pyo3(signature = (text, id = None))]
    fn extract(&self, py: Python<'_>, text: String, id: Option<String>) -> Document {
        let id = id.unwrap_or_default();
        let ex = &self.inner;
        Document::new(py.detach(|| ex.extract(&id, &text)))
    }

    /// Extracts many texts on a pool of worker threads, yielding their
    /// documents in input order as they are ready.
    ///
    /// The input is read lazily, a few texts per worker ahead of the
    /// document being yielded, so a stream of any length can be tagged in
    /// bounded memory; the workers run without the GIL.
    ///
    /// Args:
    ///     texts: an iterable of strings (the id is the position in the
    ///         stream: "0", "1", …), of `(id, text)` pairs, or of dicts with
    ///         `"text"` and `"id"` (as in `govkg tag`'s JSON Lines input).
    ///     jobs: worker threads (default: the number of cores).
    ///
    /// Returns:
    ///     An iterator of `Document`. An item that is not a text raises
    ///     `TypeError` when its turn comes, after the documents before it.
    #[pyo3(signature = (texts, jobs = None))]
    fn pipe(&self, texts: &Bound<'_, PyAny>, jobs: Option<usize>) -> PyResult<DocumentStream> {
        let jobs = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => n,
            None => batch::default_jobs(),
        };
        let items = texts.try_iter()?.unbind();
        let pool = ExtractPool::new(Arc::clone(&self.inner), jobs);
        Ok(DocumentStream {
            state: Mutex::new(State {
                max_items: pool.jobs() * batch::ITEMS_PER_JOB,
                pool,
                items: Some(items),
                error: None,
                position: 0,
            }),
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Extractor(dictionaries={:?}, nested={}, keep_text={})",
            self.dictionaries
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>(),
            if self.nested() { "True" } else { "False" },
            if self.keep_text() { "True" } else { "False" },
        )
    }
}

impl Extractor {
    /// The crate's extractor.
    pub fn rust(&self) -> &govkg::Extractor {
        &self.inner
    }
}

/// The iterator `Extractor.pipe` returns: documents in input order.
#[pyclass(module = "govkg")]
pub struct DocumentStream {
    state: Mutex<State>,
}

struct State {
    pool: ExtractPool,
    /// The input, until it ends or fails.
    items: Option<Py<PyIterator>>,
    /// Why the input stopped early, raised once the documents before it
    /// are out.
    error: Option<PyErr>,
    /// Items read so far (the id of a plain string).
    position: u64,
    max_items: usize,
}

impl State {
    /// Reads items until enough are in flight or the input ends.
    fn fill(&mut self, py: Python<'_>) {
        while let Some(items) = &self.items {
            let room = self.pool.in_flight() == 0
                || (self.pool.in_flight() < self.max_items
                    && self.pool.bytes_in_flight() < batch::MAX_BYTES_IN_FLIGHT);
            if !room {
                return;
            }
            let item = items.bind(py).clone().next();
            match item {
                None => self.items = None,
                Some(Err(e)) => {
                    self.items = None;
                    self.error = Some(e);
                }
                Some(Ok(item)) => match id_and_text(&item, self.position) {
                    Ok((id, text)) => {
                        self.position += 1;
                        self.pool.submit(id, text);
                    }
                    Err(e) => {
                        self.items = None;
                        self.error = Some(e);
                    }
                },
            }
        }
    }
}

/// The id and text of one item of `pipe`'s input.
fn id_and_text(item: &Bound<'_, PyAny>, position: u64) -> PyResult<(String, String)> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok((position.to_string(), s.to_cow()?.into_owned()));
    }
    let bad = || {
        PyTypeError::new_err(format!(
            "pipe: item {position} is {}, not a str, an (id, text) pair or a dict with \"text\"",
            item.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".into())
        ))
    };
    let (id, text) = if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(bad());
        }
        (t.get_item(0)?, t.get_item(1)?)
    } else if let Ok(d) = item.cast::<PyDict>() {
        let Some(text) = d.get_item("text")? else {
            return Err(bad());
        };
        let id = d.get_item("id")?;
        (
            id.unwrap_or_else(|| item.py().None().into_bound(item.py())),
            text,
        )
    } else if let Ok(l) = item.cast::<pyo3::types::PyList>() {
        if l.len() != 2 {
            return Err(bad());
        }
        (l.get_item(0)?, l.get_item(1)?)
    } else {
        return Err(bad());
    };
    let Ok(text) = text.cast::<PyString>() else {
        return Err(bad());
    };
    let id = if id.is_none() {
        position.to_string()
    } else if let Ok(s) = id.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        id.str()?.to_cow()?.into_owned()
    };
    Ok((id, text.to_cow()?.into_owned()))
}

#[pymethods]
impl DocumentStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Document>> {
        let mut guard = match self.state.try_lock() {
            Ok(g) => g,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                return Err(PyValueError::new_err("pipe iterator already executing"));
            }
        };
        let state: &mut State = &mut guard;
        state.fill(py);
        if state.pool.in_flight() == 0 {
            return match state.error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let pool = &mut state.pool;
        let doc = py.detach(|| pool.recv());
        Ok(doc.map(Document::new))
    }

    fn __repr__(&self) -> String {
        match self.state.try_lock() {
            Ok(s) => format!(
                "<govkg.DocumentStream: {} jobs, {} read, {} in flight>",
                s.pool.jobs(),
                s.position,
                s.pool.in_flight()
            ),
            Err(_) => "<govkg.DocumentStream>".into(),
        }
    }
}
