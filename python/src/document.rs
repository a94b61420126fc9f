//! `Document`, `Entity` and `Relation`: the crate's types, read-only, with
//! the attributes and keys of `govkg tag`'s JSON.

use crate::json;
use pyo3::IntoPyObjectExt;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple, PyType};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The `__eq__` / `__ne__` of a class whose values compare with `eq`.
fn compare<T>(
    this: &T,
    other: &Bound<'_, PyAny>,
    op: CompareOp,
    eq: impl Fn(&T, &T) -> bool,
) -> PyResult<Py<PyAny>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    let py = other.py();
    let Ok(other) = other.cast::<T>() else {
        return Ok(py.NotImplemented());
    };
    let same = eq(this, other.get());
    match op {
        CompareOp::Eq => same.into_py_any(py),
        CompareOp::Ne => (!same).into_py_any(py),
        _ => Ok(py.NotImplemented()),
    }
}

/// One entity mention: a span of the document's text with its type.
///
/// `start` and `end` are code points, so `doc.text[e.start:e.end] == e.text`
/// (characters outside the Basic Multilingual Plane count as one, as in
/// Python). Attributes: `id` (`e1`, `e2`, …), `type` (`PERSON`, `TITLE`,
/// `PLACE`, `ORG`, `PLOT`, `DATE`), `start`, `end`, `text`, `nested` (a span
/// inside a longer one), `value` (a DATE's normalised value, or None) and
/// `rule` (set only when explaining).
#[pyclass(module = "govkg", frozen)]
pub struct Entity {
    pub(crate) inner: govkg::Entity,
}

#[pymethods]
impl Entity {
    /// The id within the document (`e1`, `e2`, …).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The type: `PERSON`, `TITLE`, `PLACE`, `ORG`, `PLOT` or `DATE`.
    #[getter(r#type)]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// The first code point.
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    /// One past the last code point.
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    /// The text of the span as written (line breaks included).
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// True for a span inside a longer entity (the PLACE 七宝镇 inside the
    /// TITLE 七宝镇党委书记).
    #[getter]
    fn nested(&self) -> bool {
        self.inner.nested
    }

    /// A DATE's normalised value (`2018-11-20`, `2018-11`, `2018`; the year
    /// from the text or else the article's date; `--11-20` when no year can
    /// be told), or None for other types.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.inner.value.as_deref()
    }

    /// The rule that made it, when explaining; else None.
    #[getter]
    fn rule(&self) -> Option<&str> {
        self.inner.rule.as_deref()
    }

    /// The entity as in `govkg tag`'s JSON: a dict with the same keys
    /// (`nested`, `value` and `rule` only when set).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity({} {:?} {}:{}{})",
            self.inner.kind.as_str(),
            self.inner.text,
            self.inner.start,
            self.inner.end,
            if self.inner.nested { " nested" } else { "" }
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        compare(self, other, op, |a, b| a.inner == b.inner)
    }

    fn __hash__(&self) -> u64 {
        let e = &self.inner;
        let mut h = DefaultHasher::new();
        (&e.id, e.kind, e.start, e.end, &e.text, e.nested).hash(&mut h);
        h.finish()
    }
}

/// A relation between entities: `VISIT` (a person or organisation went to
/// a place, organisation or plot), `LEADS` (a person holds a post in an
/// organisation) or `ACCOMPANY` (a person accompanied another on a visit).
///
/// `head` and `tail` are entity ids (`doc.entity(r.head)` gives the
/// entity); a LEADS relation has no `tail` but an `org` resolved in full and
/// a `role`. Attributes that do not apply to the type are None.
#[pyclass(module = "govkg", frozen)]
pub struct Relation {
    pub(crate) inner: govkg::Relation,
}

/// The fields of a relation, whatever its type.
struct Fields<'a> {
    kind: &'static str,
    head: &'a str,
    tail: Option<&'a str>,
    head_text: Option<&'a str>,
    tail_text: Option<&'a str>,
    date: Option<&'a str>,
    purpose: Option<&'a str>,
    when: Option<&'a str>,
    org: Option<&'a str>,
    role: Option<&'a str>,
    title: Option<&'a str>,
    evidence: [usize; 2],
    rule: Option<&'a str>,
}

impl Relation {
    fn fields(&self) -> Fields<'_> {
        use govkg::Relation as R;
        let mut f = Fields {
            kind: "",
            head: "",
            tail: None,
            head_text: None,
            tail_text: None,
            date: None,
            purpose: None,
            when: None,
            org: None,
            role: None,
            title: None,
            evidence: [0, 0],
            rule: None,
        };
        match &self.inner {
            R::Visit {
                head,
                tail,
                head_text,
                tail_text,
                date,
                purpose,
                when,
                evidence,
                rule,
            } => {
                f.kind = "VISIT";
                f.head = head;
                f.tail = Some(tail);
                f.head_text = head_text.as_deref();
                f.tail_text = tail_text.as_deref();
                f.date = date.as_deref();
                f.purpose = purpose.as_deref();
                f.when = when.as_deref();
                f.evidence = *evidence;
                f.rule = rule.as_deref();
            }
            R::Leads {
                head,
                head_text,
                org,
                role,
                title,
                evidence,
                rule,
            } => {
                f.kind = "LEADS";
                f.head = head;
                f.head_text = head_text.as_deref();
                f.org = Some(org);
                f.role = Some(role);
                f.title = title.as_deref();
                f.evidence = *evidence;
                f.rule = rule.as_deref();
            }
            R::Accompany {
                head,
                tail,
                head_text,
                tail_text,
                evidence,
                rule,
            } => {
                f.kind = "ACCOMPANY";
                f.head = head;
                f.tail = Some(tail);
                f.head_text = head_text.as_deref();
                f.tail_text = tail_text.as_deref();
                f.evidence = *evidence;
                f.rule = rule.as_deref();
            }
            // A relation type newer than this binding: its JSON still
            // comes through `to_dict`.
            _ => {}
        }
        f
    }
}

#[pymethods]
impl Relation {
    /// The type: `VISIT`, `LEADS` or `ACCOMPANY`.
    #[getter(r#type)]
    fn kind(&self) -> &'static str {
        self.fields().kind
    }

    /// Entity id of the visitor, the person holding a post, or the companion.
    #[getter]
    fn head(&self) -> &str {
        self.fields().head
    }

    /// Entity id of the place (organisation, plot) visited, or of the person
    /// accompanied; None for LEADS.
    #[getter]
    fn tail(&self) -> Option<&str> {
        self.fields().tail
    }

    /// The head's text, when the relation carries it.
    #[getter]
    fn head_text(&self) -> Option<&str> {
        self.fields().head_text
    }

    /// The tail's text, when the relation carries it.
    #[getter]
    fn tail_text(&self) -> Option<&str> {
        self.fields().tail_text
    }

    /// VISIT: the date as written (`11月20日`), or None.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.fields().date
    }

    /// VISIT: what for, as written (`督查`, `调研`), or None.
    #[getter]
    fn purpose(&self) -> Option<&str> {
        self.fields().purpose
    }

    /// VISIT: the date normalised (`2018-11-20`, `2018-11`, `2018`), its
    /// year from the text or else the article's date; `--11-20` when no year
    /// is known; None without a date.
    #[getter]
    fn when(&self) -> Option<&str> {
        self.fields().when
    }

    /// LEADS: the organisation, resolved in full (`七宝镇党委`).
    #[getter]
    fn org(&self) -> Option<&str> {
        self.fields().org
    }

    /// LEADS: the post minus its organisation (`书记`, `副区长`).
    #[getter]
    fn role(&self) -> Option<&str> {
        self.fields().role
    }

    /// LEADS: entity id of the TITLE mention, when there is one.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.fields().title
    }

    /// `(start, end)`: the code-point range of the sentence(s) stating it.
    #[getter]
    fn evidence(&self) -> (usize, usize) {
        let [a, b] = self.fields().evidence;
        (a, b)
    }

    /// The rule that made it, when explaining; else None.
    #[getter]
    fn rule(&self) -> Option<&str> {
        self.fields().rule
    }

    /// The relation as in `govkg tag`'s JSON: a dict with the same keys.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let f = self.fields();
        let mut s = format!("Relation({} {}", f.kind, f.head);
        if let Some(t) = f.tail {
            s.push_str(&format!(" -> {t}"));
        }
        if let (Some(role), Some(org)) = (f.role, f.org) {
            s.push_str(&format!(" {role} of {org}"));
        }
        if let Some(d) = f.date {
            s.push_str(&format!(" {d}"));
        }
        if let Some(p) = f.purpose {
            s.push_str(&format!(" {p}"));
        }
        s.push(')');
        s
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        compare(self, other, op, |a, b| a.inner == b.inner)
    }

    fn __hash__(&self) -> u64 {
        let f = self.fields();
        let mut h = DefaultHasher::new();
        (f.kind, f.head, f.tail, f.org, f.role, f.date, f.evidence).hash(&mut h);
        h.finish()
    }
}

/// The extraction result for one text: `id`, `text` (None when the
/// extractor was made with `keep_text=False`), `entities` (sorted by
/// start) and `relations`, as in `govkg tag`'s JSON.
///
/// Offsets are code points: `doc.text[e.start:e.end] == e.text`.
#[pyclass(module = "govkg", frozen)]
pub struct Document {
    pub(crate) inner: govkg::Document,
    entities: PyOnceLock<Vec<Py<Entity>>>,
    relations: PyOnceLock<Vec<Py<Relation>>>,
}

impl Document {
    /// Wraps a document of the crate.
    pub fn new(inner: govkg::Document) -> Self {
        Document {
            inner,
            entities: PyOnceLock::new(),
            relations: PyOnceLock::new(),
        }
    }

    /// The entity objects, made on first use.
    fn entity_objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<Entity>>> {
        self.entities.get_or_try_init(py, || {
            self.inner
                .entities
                .iter()
                .map(|e| Py::new(py, Entity { inner: e.clone() }))
                .collect()
        })
    }

    fn parse(text: &str) -> PyResult<Self> {
        serde_json::from_str(text).map(Document::new).map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("not a govkg document: {e}"))
        })
    }
}

#[pymethods]
impl Document {
    /// The document id (the `id` given to `extract`, or the position in
    /// the stream for `pipe` over plain strings).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The text, or None when the extractor does not keep it.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.inner.text.as_deref()
    }

    /// The entity mentions, sorted by start (a new list each time; the
    /// `Entity` objects in it are the same).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.entity_objects(py)?.iter().map(|e| e.bind(py)))
    }

    /// The relations between the entities (a new list each time).
    #[getter]
    fn relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rels = self.relations.get_or_try_init(py, || {
            self.inner
                .relations
                .iter()
                .map(|r| Py::new(py, Relation { inner: r.clone() }))
                .collect::<PyResult<Vec<_>>>()
        })?;
        PyList::new(py, rels.iter().map(|r| r.bind(py)))
    }

    /// What the article is about, as in `govkg tag`'s JSON: a dict with its
    /// place (`province`, `city`, `county`, `town`, and `certainty`: `high`,
    /// `medium` or `low`) and its `date` normalised (`2018-12-03`, from a
    /// publication line or a dated lead; dates without a year in the text
    /// take their year from it), each key only when known; None when the
    /// text says none of these.
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.context {
            Some(c) => json::to_python(py, c),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The entity with this id (`e3`, as in a relation's `head`), or None.
    fn entity<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, Entity>>> {
        let pos = self.inner.entities.iter().position(|e| e.id == id);
        Ok(match pos {
            Some(i) => Some(self.entity_objects(py)?[i].bind(py).clone()),
            None => None,
        })
    }

    /// The entities of one type (`"PERSON"`, `"PLACE"`, …; any case).
    #[pyo3(name = "entities_of")]
    fn entities_of<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyList>> {
        let objects = self.entity_objects(py)?;
        PyList::new(
            py,
            self.inner
                .entities
                .iter()
                .zip(objects)
                .filter(|(e, _)| e.kind.as_str().eq_ignore_ascii_case(kind))
                .map(|(_, o)| o.bind(py)),
        )
    }

    /// The document as in `govkg tag`'s JSON: a dict with the same keys
    /// (`text` left out when not kept).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner)
    }

    /// The document as one line of `govkg tag`'s JSON Lines output.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// A document from one line of `govkg tag`'s output (or `to_json`).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        Document::parse(text)
    }

    /// A document from a dict in the shape of `govkg tag`'s JSON (or
    /// `to_dict`).
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Document::parse(&json::dumps(data)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "Document({:?}, {} entities, {} relations)",
            self.inner.id,
            self.inner.entities.len(),
            self.inner.relations.len()
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        compare(self, other, op, |a, b| a.inner == b.inner)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (&self.inner.id, &self.inner.text, self.inner.entities.len()).hash(&mut h);
        h.finish()
    }

    /// Pickling: the JSON form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = slf.get_type().getattr("from_json")?;
        let json = slf.get().to_json()?;
        PyTuple::new(py, [from_json, PyTuple::new(py, [json])?.into_any()])
    }
}
