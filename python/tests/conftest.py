"""Fixtures: the extractor, the sample corpus, and the govkg command-line
tool, whose output the package must reproduce.

The tool is GOVKG_BIN when set, else built with cargo from this checkout
(`cargo build --bin govkg`, which reuses an existing debug build).
"""

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import govkg

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def read_text(path: Path) -> str:
    """A file's text exactly as govkg reads it: UTF-8, line ends untouched."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def extractor() -> govkg.Extractor:
    return govkg.Extractor()


@pytest.fixture(scope="session")
def corpus() -> List[Tuple[str, str]]:
    """The sample articles as (id, text), ids the file stems, in name order."""
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) >= 5, f"sample corpus missing under {CORPUS}"
    return [(p.stem, read_text(p)) for p in paths]


@pytest.fixture(scope="session")
def govkg_bin() -> str:
    given = os.environ.get("GOVKG_BIN")
    if given:
        assert Path(given).is_file(), f"GOVKG_BIN={given} is not a file"
        return given
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "govkg", "--message-format=json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            return str(msg["executable"])
    raise AssertionError("cargo built no govkg executable")


def run_cli(govkg_bin: str, *args: Any, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [govkg_bin, *map(str, args)], capture_output=True, text=True, check=check
    )


@pytest.fixture(scope="session")
def cli_tagged(govkg_bin: str) -> List[Dict[str, Any]]:
    """`govkg tag tests/fixtures/corpus/`, parsed."""
    out = run_cli(govkg_bin, "tag", "-q", CORPUS).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cli_graph_file(govkg_bin: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`govkg graph tests/fixtures/corpus/ -o FILE`: the saved graph."""
    path = tmp_path_factory.mktemp("graph") / "corpus.govkg.json"
    run_cli(govkg_bin, "graph", "-q", CORPUS, "-o", path)
    return path


@pytest.fixture(scope="session")
def cli_node_link(govkg_bin: str) -> Dict[str, Any]:
    """`govkg graph tests/fixtures/corpus/ --format json -o -`, parsed."""
    out = run_cli(govkg_bin, "graph", "-q", CORPUS, "--format", "json", "-o", "-").stdout
    return json.loads(out)


@pytest.fixture(scope="session")
def graph(extractor: govkg.Extractor, corpus: List[Tuple[str, str]]) -> govkg.KnowledgeGraph:
    return govkg.KnowledgeGraph.from_documents(extractor.pipe(corpus), extractor=extractor)


# Short articles whose visits have dates of every kind, for the date-range
# questions (the sample corpus gives no year to its dates): a year from a
# publication line, from the text, a month only, no year at all, no date.
DATED: List[Tuple[str, str]] = [
    ("a", "发布时间:2018-12-03\n11月20日,区委副书记于勇一行来到七宝镇开展督查。12月2日,副区长汪向阳带队赴七宝镇调研城市建设工作。\n"),
    ("b", "2019年1月5日,区委书记倪耀明来到七宝镇调研。\n"),
    ("c", "11月28日,施甸县委书记施继平率代表团一行到七宝镇交流考察。\n"),
    ("d", "近期,副区长吴斌赴七宝镇开展专项调研。\n"),
    ("e", "2018年11月,区长陈宇剑来到七宝镇调研。\n"),
]


@pytest.fixture(scope="session")
def dated_graph(extractor: govkg.Extractor) -> govkg.KnowledgeGraph:
    return govkg.KnowledgeGraph.from_documents(extractor.pipe(DATED), extractor=extractor)


@pytest.fixture(scope="session")
def cli_dated_graph_file(govkg_bin: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`govkg graph` of the DATED articles, each a file named by its id."""
    folder = tmp_path_factory.mktemp("dated")
    for doc_id, text in DATED:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("dated-graph") / "dated.govkg.json"
    run_cli(govkg_bin, "graph", "-q", folder, "-o", path)
    return path
