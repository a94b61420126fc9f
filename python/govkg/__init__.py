"""govkg: who visited where and who leads what, from Chinese local-government news.

Tag texts with an :class:`Extractor`, build a :class:`KnowledgeGraph` from the
documents, ask it, and hand it to networkx or pandas::

    import govkg

    ex = govkg.Extractor()
    doc = ex.extract("11月20日,区委副书记于勇一行来到七宝镇开展督查。", id="000")
    for e in doc.entities:
        print(e.type, e.text, doc.text[e.start:e.end])

    docs = list(ex.pipe(texts))              # many texts, on all cores, in order
    g = govkg.KnowledgeGraph.from_documents(docs, extractor=ex)
    for v in g.visitors("七宝镇", since="2018年11月1日", until="2018年11月30日"):
        print(v.source_name, v.date, v.when, v.purpose)   # when: 2018-11-20
    nx_graph = g.to_networkx()               # needs networkx
    nodes, edges = g.to_pandas()             # needs pandas

The package is a thin layer over the govkg Rust crate: documents, their JSON
(``to_dict``), graphs, their saved form and the node-link export are the
crate's own, identical to what the ``govkg`` command-line tool writes.
"""

from ._errors import (
    AmbiguousNodeError,
    DictionaryError,
    FileError,
    GovkgError,
    GraphFileError,
    InputError,
    InvalidDateError,
    UnknownNodeError,
)
from ._govkg import (
    Document,
    DocumentStream,
    Edge,
    Entity,
    Extractor,
    KnowledgeGraph,
    Node,
    Reached,
    Relation,
    __version__,
)

__all__ = [
    "AmbiguousNodeError",
    "DictionaryError",
    "Document",
    "DocumentStream",
    "Edge",
    "Entity",
    "Extractor",
    "FileError",
    "GovkgError",
    "GraphFileError",
    "InputError",
    "InvalidDateError",
    "KnowledgeGraph",
    "Node",
    "Reached",
    "Relation",
    "UnknownNodeError",
    "__version__",
]

# Tracebacks name the errors where users import them from.
for _cls in (
    AmbiguousNodeError,
    DictionaryError,
    FileError,
    GovkgError,
    GraphFileError,
    InputError,
    InvalidDateError,
    UnknownNodeError,
):
    _cls.__module__ = __name__
del _cls
