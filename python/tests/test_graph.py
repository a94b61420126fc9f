"""KnowledgeGraph: the same graph, answers and exports as the govkg tool."""

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import govkg
from conftest import run_cli


def test_graph_equals_the_one_govkg_graph_saves(graph: govkg.KnowledgeGraph, cli_graph_file: Path) -> None:
    saved = govkg.KnowledgeGraph.load(cli_graph_file)
    assert graph == saved
    assert graph.node_count == saved.node_count > 100
    assert graph.edge_count == saved.edge_count > 50


def test_from_dicts_and_documents_agree(
    extractor: govkg.Extractor, graph: govkg.KnowledgeGraph, cli_tagged: List[Dict[str, Any]]
) -> None:
    assert govkg.KnowledgeGraph.from_documents(cli_tagged, extractor=extractor) == graph
    with pytest.raises(TypeError, match="document 0 is int"):
        govkg.KnowledgeGraph.from_documents([1])  # type: ignore[list-item]


def test_save_and_load(graph: govkg.KnowledgeGraph, tmp_path: Path, govkg_bin: str) -> None:
    path = tmp_path / "g.govkg.json"
    graph.save(path)
    assert govkg.KnowledgeGraph.load(path) == graph
    assert govkg.KnowledgeGraph.load(str(path)) == graph
    # The tool reads what Python saved.
    stats = json.loads(run_cli(govkg_bin, "query", path, "stats", "--json").stdout)
    assert stats == graph.stats()


def test_loading_a_damaged_graph_raises(tmp_path: Path, govkg_bin: str) -> None:
    bad = tmp_path / "bad.govkg.json"
    bad.write_text('{"format":"govkg-graph","version":1,\n"nodes":[\n{"id":', encoding="utf-8")
    with pytest.raises(govkg.GraphFileError) as info:
        govkg.KnowledgeGraph.load(bad)
    cli = run_cli(govkg_bin, "query", bad, "stats", check=False)
    assert cli.stderr.strip() == f"govkg: {info.value}"
    with pytest.raises(govkg.FileError):
        govkg.KnowledgeGraph.load(tmp_path / "missing.govkg.json")


QUESTIONS: List[Tuple[str, Tuple[str, ...], Dict[str, str]]] = [
    ("visitors", ("七宝镇",), {}),
    ("visitors", ("闵行区七宝镇",), {}),  # an alias of 七宝镇
    ("visitors", ("place:七宝镇",), {}),  # a node id
    ("visitors", ("七宝镇",), {"since": "11月1日", "until": "11月30日"}),
    ("visitors", ("七宝镇",), {"since": "2018年12月"}),
    ("visited", ("于勇",), {}),
    ("leaders", ("七宝镇党委",), {}),
    ("positions", ("严俊",), {}),
    ("accompanied", ("于勇",), {}),
    ("path", ("严俊", "上海市"), {}),
]


@pytest.mark.parametrize("method,args,dates", QUESTIONS)
def test_queries_answer_as_govkg_query(
    graph: govkg.KnowledgeGraph,
    cli_graph_file: Path,
    govkg_bin: str,
    method: str,
    args: Tuple[str, ...],
    dates: Dict[str, str],
) -> None:
    answer = getattr(graph, method)(*args, **dates)
    assert answer is not None
    assert all(isinstance(e, govkg.Edge) for e in answer)
    flags: List[str] = []
    if "since" in dates:
        flags += ["--from", dates["since"]]
    if "until" in dates:
        flags += ["--to", dates["until"]]
    out = run_cli(govkg_bin, "query", cli_graph_file, method, *args, *flags, "--json").stdout
    expected = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [e.to_dict() for e in answer] == expected
    if method != "path" and not dates:
        assert answer, f"{method}{args} should have answers on the sample corpus"


def test_query_results_are_small_objects(graph: govkg.KnowledgeGraph) -> None:
    visits = graph.visitors("七宝镇", since="11月20日", until="11月20日")
    who = {v.source_name for v in visits}
    assert "于勇" in who
    v = next(v for v in visits if v.source_name == "于勇")
    assert (v.type, v.source, v.target, v.target_name) == ("VISIT", "person:于勇", "place:七宝镇", "七宝镇")
    assert (v.date, v.purpose, v.role) == ("11月20日", "督查", None)
    assert v.doc == "000_67e299d5ffcb0bd7"
    assert v.evidence is not None and v.evidence_text is not None and "于勇" in v.evidence_text
    snippet = v.snippet(40)
    assert snippet is not None and len(snippet) <= 40 and "于勇" in snippet
    leaders = graph.leaders("七宝镇党委")
    assert any(e.source_name == "严俊" and e.role == "书记" for e in leaders)
    assert all(e.type == "LEADS" for e in graph.positions("严俊"))
    node = graph.node("七宝镇")
    assert (node.id, node.kind, node.name) == ("place:七宝镇", "PLACE", "七宝镇")
    assert node.mentions > 0 and node.documents
    assert [n.name for n in graph.ancestors("七宝镇")] == ["闵行区", "上海市"]
    near = graph.neighbours("严俊", depth=1)
    assert near and all(r.distance == 1 for r in near)
    assert graph.path("严俊", "严俊") == []


def test_query_errors(graph: govkg.KnowledgeGraph, cli_graph_file: Path, govkg_bin: str) -> None:
    with pytest.raises(govkg.UnknownNodeError) as unknown:
        graph.visitors("不存在镇")
    assert isinstance(unknown.value, LookupError)
    cli = run_cli(govkg_bin, "query", cli_graph_file, "visitors", "不存在镇", check=False)
    assert cli.stderr.strip() == f"govkg: {unknown.value}"
    with pytest.raises(govkg.InvalidDateError) as bad_date:
        graph.visitors("七宝镇", since="yesterday")
    assert isinstance(bad_date.value, ValueError)
    cli = run_cli(govkg_bin, "query", cli_graph_file, "visitors", "七宝镇", "--from", "yesterday", check=False)
    assert cli.stderr.strip() == f"govkg: {bad_date.value}"


def test_ambiguous_names_raise() -> None:
    doc = govkg.Document.from_dict(
        {
            "id": "d",
            "text": "七宝 七宝",
            "entities": [
                {"id": "e1", "type": "PERSON", "start": 0, "end": 2, "text": "七宝"},
                {"id": "e2", "type": "ORG", "start": 3, "end": 5, "text": "七宝"},
            ],
            "relations": [],
        }
    )
    g = govkg.KnowledgeGraph.from_documents([doc])
    with pytest.raises(govkg.AmbiguousNodeError) as info:
        g.path("七宝", "七宝")
    assert sorted(info.value.candidates) == ["org:七宝", "person:七宝"]
    assert g.node("org:七宝").kind == "ORG"


def test_to_networkx_has_the_counts_and_attributes_of_the_node_link_export(
    graph: govkg.KnowledgeGraph, cli_node_link: Dict[str, Any]
) -> None:
    nx = pytest.importorskip("networkx")
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(cli_node_link["nodes"]) == graph.node_count
    assert g.number_of_edges() == len(cli_node_link["edges"]) == graph.edge_count
    for n in cli_node_link["nodes"]:
        attrs = {k: v for k, v in n.items() if k != "id"}
        assert g.nodes[n["id"]] == attrs
    for e in cli_node_link["edges"]:
        attrs = {k: v for k, v in e.items() if k not in ("source", "target", "key")}
        assert g.edges[e["source"], e["target"], e["key"]] == attrs
    types = Counter(t for _, _, t in g.edges(data="type"))
    assert types == Counter(e["type"] for e in cli_node_link["edges"])
    # The same graph networkx itself reads from the tool's export.
    ref = nx.node_link_graph(cli_node_link, edges="edges") if _has_edges_kw(nx) else nx.node_link_graph(cli_node_link)
    assert nx.utils.graphs_equal(g, ref)
    assert graph.node_link() == cli_node_link


def _has_edges_kw(nx: Any) -> bool:
    import inspect

    return "edges" in inspect.signature(nx.node_link_graph).parameters


def test_to_pandas(graph: govkg.KnowledgeGraph, cli_node_link: Dict[str, Any]) -> None:
    pytest.importorskip("pandas")
    nodes, edges = graph.to_pandas()
    assert len(nodes) == len(cli_node_link["nodes"])
    assert len(edges) == len(cli_node_link["edges"])
    assert list(nodes.columns) == ["id", "kind", "name", "mentions", "documents", "aliases"]
    assert list(edges.columns[:4]) == ["source", "target", "key", "type"]
    assert set(edges["type"]) == {"VISIT", "LEADS", "ACCOMPANY", "PART_OF"}
    visits = edges[(edges["type"] == "VISIT") & (edges["target"] == "place:七宝镇")]
    assert "person:于勇" in set(visits["source"])
    part_of = edges[edges["type"] == "PART_OF"]
    assert part_of["evidence_start"].isna().all() and part_of["doc"].isna().all()
    assert str(edges["evidence_start"].dtype) == "Int64"


def test_missing_networkx_or_pandas_is_a_clear_error(
    graph: govkg.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"to_networkx\(\) needs networkx.*pip install networkx"):
        graph.to_networkx()
    with pytest.raises(ImportError, match=r"to_pandas\(\) needs pandas.*pip install pandas"):
        graph.to_pandas()


@pytest.mark.parametrize("suffix,marker", [(".graphml", "<graphml"), (".dot", "digraph"), (".html", "<html")])
def test_exports(graph: govkg.KnowledgeGraph, tmp_path: Path, govkg_bin: str, suffix: str, marker: str) -> None:
    path = tmp_path / f"g{suffix}"
    graph.export(path)
    text = path.read_text(encoding="utf-8")
    assert marker in text.lower()
    assert "七宝镇" in text
    node_link = tmp_path / "g.json"
    graph.export(node_link, format="json")
    assert json.loads(node_link.read_text(encoding="utf-8")) == graph.node_link()
    with pytest.raises(ValueError, match="unknown format"):
        graph.export(path, format="pdf")


def test_merge_and_empty(extractor: govkg.Extractor, corpus: List[Tuple[str, str]], graph: govkg.KnowledgeGraph) -> None:
    docs = list(extractor.pipe(corpus))
    a = govkg.KnowledgeGraph.from_documents(docs[:2], extractor=extractor)
    b = govkg.KnowledgeGraph.from_documents(docs[2:], extractor=extractor)
    assert a.merge(b) == graph
    empty = govkg.KnowledgeGraph()
    assert (empty.node_count, empty.edge_count, len(empty)) == (0, 0, 0)
    assert empty.merge(graph) == graph
    assert "KnowledgeGraph(" in repr(graph)
