"""The node-link export to networkx and pandas (optional dependencies)."""

from typing import Any, Dict, List, Tuple

NODE_COLUMNS = ["id", "kind", "name", "mentions", "documents", "aliases", "jurisdiction"]
EDGE_COLUMNS = [
    "source",
    "target",
    "key",
    "type",
    "doc",
    "date",
    "when",
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

    Columns are those of the node-link export, the known ones in a fixed
    order and any newer attribute after them, so none is dropped; an
    attribute a node or edge does not have is missing (``None``, or ``<NA>``
    in the nullable integer columns ``evidence_start`` and ``evidence_end``):
    a node's ``jurisdiction`` is None where the export leaves it out.
    """
    pd = _need("pandas", "to_pandas")
    nodes = pd.DataFrame(data["nodes"], columns=_columns(NODE_COLUMNS, data["nodes"]))
    edges = pd.DataFrame(data["edges"], columns=_columns(EDGE_COLUMNS, data["edges"]))
    nodes["jurisdiction"] = nodes["jurisdiction"].astype(object).where(nodes["jurisdiction"].notna(), None)
    for column in ("evidence_start", "evidence_end"):
        edges[column] = edges[column].astype("Int64")
    for column in ("doc", "date", "when", "purpose", "role", "evidence"):
        edges[column] = edges[column].astype(object).where(edges[column].notna(), None)
    return nodes, edges


def _columns(known: List[str], rows: List[Dict[str, Any]]) -> List[str]:
    """``known``, then the keys of ``rows`` not in it, in order of appearance."""
    columns = list(known)
    seen = set(columns)
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    return columns
