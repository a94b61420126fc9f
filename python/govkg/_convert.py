"""The node-link export to networkx and pandas (optional dependencies)."""

from typing import Any, Dict, Tuple

NODE_COLUMNS = ["id", "kind", "name", "mentions", "documents", "aliases"]
EDGE_COLUMNS = [
    "source",
    "target",
    "key",
    "type",
    "doc",
    "date",
    "purpose",
    "role",
    "evidence_start",
    "evidence_end",
    "evidence",
]


def _need(module: str, method: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"KnowledgeGraph.{method}() needs {module}, which is not installed: "
            f"pip install {module}"
        ) from e


def to_networkx(data: Dict[str, Any]) -> Any:
    """A MultiDiGraph from node-link data, as ``networkx.node_link_graph`` makes it.

    Nodes are keyed by ``id`` and keep the other node attributes; edges keep
    every attribute but ``source``, ``target`` and ``key``, which key them.
    """
    nx = _need("networkx", "to_networkx")
    g = nx.MultiDiGraph()
    g.graph.update(data.get("graph", {}))
    for node in data["nodes"]:
        attrs = dict(node)
        g.add_node(attrs.pop("id"), **attrs)
    for edge in data["edges"]:
        attrs = dict(edge)
        source = attrs.pop("source")
        target = attrs.pop("target")
        key = attrs.pop("key")
        g.add_edge(source, target, key=key, **attrs)
    return g


def to_pandas(data: Dict[str, Any]) -> Tuple[Any, Any]:
    """``(nodes, edges)`` DataFrames from node-link data.

    Columns are those of the node-link export; an attribute an edge does not
    have is missing (``None``, or ``<NA>`` in the nullable integer columns
    ``evidence_start`` and ``evidence_end``).
    """
    pd = _need("pandas", "to_pandas")
    nodes = pd.DataFrame(data["nodes"], columns=NODE_COLUMNS)
    edges = pd.DataFrame(data["edges"], columns=EDGE_COLUMNS)
    for column in ("evidence_start", "evidence_end"):
        edges[column] = edges[column].astype("Int64")
    for column in ("doc", "date", "purpose", "role", "evidence"):
        edges[column] = edges[column].astype(object).where(edges[column].notna(), None)
    return nodes, edges
