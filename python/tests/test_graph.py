"""KnowledgeGraph: the same graph, answers and exports as the govkg tool."""

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

import govkg
from conftest import CORPUS, DATED, run_cli


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
    # Node kinds and edge types apart, each adding up to its total.
    assert sum(stats["nodes_by_kind"].values()) == stats["nodes"] == graph.node_count
    assert sum(stats["edges_by_type"].values()) == stats["edges"] == graph.edge_count
    assert "PERSON" in stats["nodes_by_kind"] and "VISIT" in stats["edges_by_type"]


def test_loading_a_damaged_graph_raises(tmp_path: Path, govkg_bin: str) -> None:
    bad = tmp_path / "bad.govkg.json"
    bad.write_text('{"format":"govkg-graph","version":1,\n"nodes":[\n{"id":', encoding="utf-8")
    with pytest.raises(govkg.GraphFileError) as info:
        govkg.KnowledgeGraph.load(bad)
    cli = run_cli(govkg_bin, "query", bad, "stats", check=False)
    assert cli.stderr.strip() == f"govkg: {info.value}"
    with pytest.raises(govkg.FileError):
        govkg.KnowledgeGraph.load(tmp_path / "missing.govkg.json")


QUESTIONS: List[Tuple[str, Tuple[str, ...], Dict[str, Any]]] = [
    ("visitors", ("七宝镇",), {}),
    ("visitors", ("七宝",), {}),  # a short form of 七宝镇
    ("visitors", ("闵行区七宝镇",), {}),  # a glued chain, 七宝镇 too
    ("visitors", ("place:七宝镇",), {}),  # a node id
    ("visitors", ("七宝镇",), {"since": "2018年11月1日", "until": "2018年11月30日", "keep_undated": True}),
    ("visited", ("于勇",), {}),
    ("leaders", ("七宝镇党委",), {}),
    ("leaders", ("上海市闵行区七宝镇政府",), {}),  # a spelling of org:七宝镇人民政府
    ("positions", ("严俊",), {}),
    ("accompanied", ("于勇",), {}),
    ("path", ("严俊", "上海市"), {}),
    # A person by name and place: the jurisdiction, a place holding it, the id.
    ("visited", ("于勇@闵行区",), {}),
    ("visited", ("于勇@上海市",), {}),
    ("positions", ("person:严俊@七宝镇",), {}),
    ("path", ("严俊@七宝镇", "于勇@闵行区"), {}),
]


def cli_answers(govkg_bin: str, graph_file: Path, method: str, args: Tuple[str, ...], dates: Dict[str, Any]) -> List[Any]:
    """`govkg query GRAPH METHOD ARGS... --json`, the dates as its flags, parsed."""
    out = run_cli(govkg_bin, "query", graph_file, method, *args, *cli_flags(dates), "--json").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("method,args,dates", QUESTIONS)
def test_queries_answer_as_govkg_query(
    graph: govkg.KnowledgeGraph,
    cli_graph_file: Path,
    govkg_bin: str,
    method: str,
    args: Tuple[str, ...],
    dates: Dict[str, Any],
) -> None:
    answer = getattr(graph, method)(*args, **dates)
    assert answer is not None
    assert all(isinstance(e, govkg.Edge) for e in answer)
    assert [e.to_dict() for e in answer] == cli_answers(govkg_bin, cli_graph_file, method, args, dates)
    if method != "path":
        assert answer, f"{method}{args} should have answers on the sample corpus"
    # Both ends carry their jurisdiction, as the tool's answers do.
    for e in answer:
        d = e.to_dict()
        assert d.get("source_jurisdiction") == e.source_jurisdiction == graph.node(e.source).jurisdiction
        assert d.get("target_jurisdiction") == e.target_jurisdiction == graph.node(e.target).jurisdiction


@pytest.mark.parametrize("name,depth", [("严俊", 1), ("于勇@闵行区", 2), ("place:七宝镇", 1)])
def test_neighbours_answer_as_govkg_query(
    graph: govkg.KnowledgeGraph, cli_graph_file: Path, govkg_bin: str, name: str, depth: int
) -> None:
    answer = graph.neighbours(name, depth=depth)
    assert answer
    cli = cli_answers(govkg_bin, cli_graph_file, "neighbours", (name, "--depth", str(depth)), {})
    assert [r.to_dict() for r in answer] == cli
    assert all(r.to_dict()["jurisdiction"] == r.node.jurisdiction for r in answer)


# Date ranges over DATED: 于勇 2018-11-20 (its year from the publication
# line), 汪向阳 2018-12-02, 倪耀明 2019-01-05, 陈宇剑 2018-11, 施继平
# --11-28 (no year to be told), 吴斌 no date.
DATE_QUESTIONS: List[Tuple[str, Tuple[str, ...], Dict[str, Any], Set[str]]] = [
    ("visitors", ("七宝镇",), {}, {"于勇", "汪向阳", "倪耀明", "陈宇剑", "施继平", "吴斌"}),
    ("visitors", ("七宝镇",), {"since": "2018年11月1日", "until": "2018年11月30日"}, {"于勇", "陈宇剑"}),
    (
        "visitors",
        ("七宝镇",),
        {"since": "2018年11月1日", "until": "2018年11月30日", "keep_undated": True},
        {"于勇", "陈宇剑", "施继平", "吴斌"},
    ),
    ("visitors", ("七宝镇",), {"since": "2018年12月"}, {"汪向阳", "倪耀明"}),
    ("visitors", ("七宝镇",), {"until": "2018"}, {"于勇", "汪向阳", "陈宇剑"}),
    ("visitors", ("七宝镇",), {"since": "2018-11-20", "until": "2018-11-20"}, {"于勇", "陈宇剑"}),
    ("visited", ("于勇",), {"since": "2018年"}, {"于勇"}),
    ("visited", ("施继平",), {"since": "2018年"}, set()),
    ("visited", ("施继平",), {"since": "2018年", "keep_undated": True}, {"施继平"}),
]


@pytest.mark.parametrize("method,args,dates,who", DATE_QUESTIONS)
def test_date_ranges_answer_as_govkg_query(
    dated_graph: govkg.KnowledgeGraph,
    cli_dated_graph_file: Path,
    govkg_bin: str,
    method: str,
    args: Tuple[str, ...],
    dates: Dict[str, Any],
    who: Set[str],
) -> None:
    answer = getattr(dated_graph, method)(*args, **dates)
    assert [e.to_dict() for e in answer] == cli_answers(govkg_bin, cli_dated_graph_file, method, args, dates)
    assert {e.source_name for e in answer} == who


def test_visits_carry_their_normalised_date(dated_graph: govkg.KnowledgeGraph, extractor: govkg.Extractor) -> None:
    when = {e.source_name: e.when for e in dated_graph.visitors("七宝镇")}
    assert when == {
        "于勇": "2018-11-20",
        "汪向阳": "2018-12-02",
        "倪耀明": "2019-01-05",
        "陈宇剑": "2018-11",
        "施继平": "--11-28",
        "吴斌": None,
    }
    doc = extractor.extract(DATED[0][1], id=DATED[0][0])
    assert doc.context is not None and doc.context["date"] == "2018-12-03"
    dates = [e for e in doc.entities if e.type == "DATE" and e.text == "11月20日"]
    assert dates and dates[0].value == "2018-11-20"
    visit = next(r for r in doc.relations if r.type == "VISIT" and r.head_text == "于勇")
    assert (visit.date, visit.when) == ("11月20日", "2018-11-20")


def test_query_results_are_small_objects(graph: govkg.KnowledgeGraph) -> None:
    visits = [v for v in graph.visitors("七宝镇") if v.date == "11月20日"]
    who = {v.source_name for v in visits}
    assert "于勇" in who
    v = next(v for v in visits if v.source_name == "于勇")
    # A person is keyed by name and jurisdiction: 于勇 holds a post of 闵行区.
    assert (v.type, v.source, v.target, v.target_name) == ("VISIT", "person:于勇@闵行区", "place:七宝镇", "七宝镇")
    assert (v.source_jurisdiction, v.target_jurisdiction) == ("闵行区", None)
    assert repr(v).startswith("Edge(于勇@闵行区 -VISIT-> 七宝镇 ")
    assert (v.date, v.purpose, v.role) == ("11月20日", "督查", None)
    assert v.when is not None and v.when.endswith("-11-20")
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
    assert (node.jurisdiction, node.places) == (None, [])
    yu = graph.node("于勇")
    assert (yu.id, yu.jurisdiction, yu.places) == ("person:于勇@闵行区", "闵行区", ["上海市", "闵行区"])
    assert graph.node("于勇@闵行区") == graph.node("于勇@上海市") == graph.node("person:于勇@闵行区") == yu
    assert graph.node("七宝镇党委").jurisdiction == "七宝镇"  # the division its name opens with
    # find: the exact name, or name@place; None for none.
    assert graph.find("PERSON", "于勇@闵行区") == graph.find("person", "于勇") == yu
    assert graph.find("PERSON", "于勇@青山区") is None and graph.find("PLACE", "于勇") is None
    with pytest.raises(ValueError, match="unknown node kind"):
        graph.find("TITLE", "书记")
    assert [n.name for n in graph.ancestors("七宝镇")] == ["闵行区", "上海市"]
    # Every spelling of a body is its one node.
    body = graph.node("七宝镇人民政府")
    assert body.id == "org:七宝镇人民政府"
    assert graph.node("七宝镇政府") == graph.node("上海市闵行区七宝镇人民政府") == body
    near = graph.neighbours("严俊", depth=1)
    assert near and all(r.distance == 1 for r in near)
    assert graph.path("严俊", "严俊") == []


def test_query_errors(graph: govkg.KnowledgeGraph, cli_graph_file: Path, govkg_bin: str) -> None:
    with pytest.raises(govkg.UnknownNodeError) as unknown:
        graph.visitors("不存在镇")
    assert isinstance(unknown.value, LookupError)
    cli = run_cli(govkg_bin, "query", cli_graph_file, "visitors", "不存在镇", check=False)
    assert cli.returncode == 1
    assert cli.stderr.strip() == f"govkg: {unknown.value}"
    # A misspelt name: the closest names, nearest first, as the tool lists them.
    with pytest.raises(govkg.UnknownNodeError) as misspelt:
        graph.visitors("七宝真")
    err = misspelt.value
    assert err.name == "七宝真" and err.kinds is not None
    assert "place:七宝镇" in err.closest
    assert str(err).endswith("; closest: " + ", ".join(err.closest))
    cli = run_cli(govkg_bin, "query", cli_graph_file, "visitors", "七宝真", check=False)
    assert cli.stderr.strip() == f"govkg: {err}"


@pytest.mark.parametrize(
    "dates,reason",
    [
        ({"since": "yesterday"}, "cannot read it"),
        ({"since": "11月1日"}, "a bound needs a year"),
        ({"until": "11月30日"}, "a bound needs a year"),
        ({"since": "2019年", "until": "2018年"}, "--from comes after --to"),
    ],
)
def test_bad_dates_raise_as_govkg_query_refuses_them(
    graph: govkg.KnowledgeGraph, cli_graph_file: Path, govkg_bin: str, dates: Dict[str, Any], reason: str
) -> None:
    with pytest.raises(govkg.InvalidDateError) as bad_date:
        graph.visitors("七宝镇", **dates)
    err = bad_date.value
    assert isinstance(err, ValueError)
    assert err.reason == reason and err.text is not None
    cli = run_cli(
        govkg_bin, "query", cli_graph_file, "visitors", "七宝镇", *cli_flags(dates), check=False
    )
    assert cli.returncode == 2
    assert cli.stderr.strip() == f"govkg: {err}"


def cli_flags(dates: Dict[str, Any]) -> List[str]:
    """The `govkg query` flags of a query's date keywords."""
    flags: List[str] = []
    if "since" in dates:
        flags += ["--from", dates["since"]]
    if "until" in dates:
        flags += ["--to", dates["until"]]
    if dates.get("keep_undated"):
        flags.append("--keep-undated")
    return flags


def test_ambiguous_names_raise(tmp_path: Path, govkg_bin: str) -> None:
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
    err = info.value
    assert err.name == "七宝"
    assert sorted(err.candidates) == ["org:七宝", "person:七宝"]
    assert [n.id for n in err.nodes] == err.candidates
    assert err.details == [f"{c}  in no known place  documents d" for c in err.candidates]
    assert str(err).splitlines()[1:] == ["  " + d for d in err.details]
    assert g.node("org:七宝").kind == "ORG"
    path = tmp_path / "ambiguous.govkg.json"
    g.save(path)
    cli = run_cli(govkg_bin, "query", path, "path", "七宝", "七宝", check=False)
    assert cli.returncode == 1
    assert cli.stderr.strip() == f"govkg: {err}"


# The three articles of issue 23: one 王伟 in 青山区 (a, c), another in 海门县 (b).
NAMESAKES = [
    ("a", "青山区委书记王伟来到柳树村调研。"),
    ("b", "海门县县长王伟到东风镇检查工作。"),
    ("c", "青山区委书记王伟主持召开会议。"),
]


def test_namesakes_in_different_places_are_different_nodes(
    extractor: govkg.Extractor, tmp_path: Path, govkg_bin: str
) -> None:
    folder = tmp_path / "namesakes"
    folder.mkdir()
    for doc_id, text in NAMESAKES:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    saved = tmp_path / "namesakes.govkg.json"
    run_cli(govkg_bin, "graph", "-q", folder, "-o", saved)
    g = govkg.KnowledgeGraph.from_documents(extractor.pipe(NAMESAKES), extractor=extractor)
    assert g == govkg.KnowledgeGraph.load(saved)
    people = {n.id: n for n in g.nodes() if n.kind == "PERSON"}
    assert sorted(people) == ["person:王伟@海门县", "person:王伟@青山区"]
    qingshan = people["person:王伟@青山区"]
    assert (qingshan.jurisdiction, qingshan.places, qingshan.documents) == ("青山区", ["青山区"], ["a", "c"])
    assert people["person:王伟@海门县"].documents == ["b"]
    # A bare name asks to choose, listing places, posts and documents as the tool does.
    with pytest.raises(govkg.AmbiguousNodeError) as info:
        g.positions("王伟")
    err = info.value
    assert err.candidates == sorted(people)
    assert [n.jurisdiction for n in err.nodes] == ["海门县", "青山区"]
    assert err.details[1] == "person:王伟@青山区  in 青山区  posts 青山区委书记  documents a, c"
    cli = run_cli(govkg_bin, "query", saved, "positions", "王伟", check=False)
    assert cli.returncode == 1
    assert cli.stderr.strip() == f"govkg: {err}"
    # name@place picks one, in Python as in the tool.
    answer = g.positions("王伟@青山区")
    assert {e.doc for e in answer} == {"a", "c"} and all(e.source == qingshan.id for e in answer)
    assert [e.to_dict() for e in answer] == cli_answers(govkg_bin, saved, "positions", ("王伟@青山区",), {})
    assert g.node("王伟@青山区") == g.find("PERSON", "王伟@青山区") == qingshan
    assert g.find("PERSON", "王伟") is None  # two of them
    # The exports carry the jurisdiction.
    nodes = {n["id"]: n for n in g.node_link()["nodes"]}
    assert nodes["person:王伟@青山区"]["jurisdiction"] == "青山区"
    assert [n.to_dict() for n in g.nodes()] == g.node_link()["nodes"]


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
    assert g.nodes["person:于勇@闵行区"]["jurisdiction"] == "闵行区"
    # Node.to_dict() is the export's node.
    assert [n.to_dict() for n in graph.nodes()] == cli_node_link["nodes"]
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
    assert list(nodes.columns) == ["id", "kind", "name", "mentions", "documents", "aliases", "jurisdiction"]
    assert list(edges.columns[:4]) == ["source", "target", "key", "type"]
    # No attribute of the export is dropped (the normalised date among them).
    assert {k for e in cli_node_link["edges"] for k in e} <= set(edges.columns)
    assert {k for n in cli_node_link["nodes"] for k in n} <= set(nodes.columns)
    assert "when" in edges.columns
    assert set(edges["type"]) == {"VISIT", "LEADS", "ACCOMPANY", "PART_OF"}
    visits = edges[(edges["type"] == "VISIT") & (edges["target"] == "place:七宝镇")]
    assert "person:于勇@闵行区" in set(visits["source"])
    by_id = nodes.set_index("id")["jurisdiction"]
    assert by_id["person:于勇@闵行区"] == "闵行区" and by_id["place:七宝镇"] is None
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


def test_export_names_pick_formats_as_govkg_graph_does(graph: govkg.KnowledgeGraph, tmp_path: Path, govkg_bin: str) -> None:
    saved = tmp_path / "g.json"
    graph.export(saved)
    assert govkg.KnowledgeGraph.load(saved) == graph
    csv = tmp_path / "neo4j"
    csv.mkdir()
    graph.export(csv)
    assert (csv / "nodes.csv").is_file() and (csv / "relationships.csv").is_file()
    # A name that says no format is refused, as by `govkg graph -o`, and
    # nothing is written.
    svg = tmp_path / "g.svg"
    with pytest.raises(ValueError, match="cannot tell the format"):
        graph.export(svg)
    assert not svg.exists()
    graph.export(svg, format="dot")
    assert "digraph" in svg.read_text(encoding="utf-8")
    cli = run_cli(govkg_bin, "graph", "-q", CORPUS, "-o", tmp_path / "cli.svg", check=False)
    assert cli.returncode == 2 and "cannot tell the format" in cli.stderr


def test_merge_and_empty(extractor: govkg.Extractor, corpus: List[Tuple[str, str]], graph: govkg.KnowledgeGraph) -> None:
    docs = list(extractor.pipe(corpus))
    a = govkg.KnowledgeGraph.from_documents(docs[:2], extractor=extractor)
    b = govkg.KnowledgeGraph.from_documents(docs[2:], extractor=extractor)
    assert a.merge(b) == graph
    empty = govkg.KnowledgeGraph()
    assert (empty.node_count, empty.edge_count, len(empty)) == (0, 0, 0)
    assert empty.merge(graph) == graph
    assert "KnowledgeGraph(" in repr(graph)
