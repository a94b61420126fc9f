"""Extractor.pipe: order, inputs, errors, laziness."""

import itertools
import random
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import govkg

SHORT = "区委副书记于勇来到七宝镇。"


def test_pipe_gives_govkg_tag_output(
    extractor: govkg.Extractor,
    corpus: List[Tuple[str, str]],
    cli_tagged: List[Dict[str, Any]],
) -> None:
    # Document by document and key by key (the article `context` among
    # them), so that a difference names its document, key and first item.
    assert [d["id"] for d in cli_tagged] == [i for i, _ in corpus]
    for jobs in (1, 2):
        got = [d.to_dict() for d in extractor.pipe(corpus, jobs=jobs)]
        assert [d["id"] for d in got] == [d["id"] for d in cli_tagged], jobs
        for mine, theirs in zip(got, cli_tagged):
            where = f"jobs={jobs} {theirs['id']}"
            assert list(mine) == list(theirs), f"{where}: keys"
            for key in theirs:
                assert mine[key] == theirs[key], f"{where} {key}: {first_difference(mine[key], theirs[key])}"
    assert any("context" in d for d in cli_tagged), "the sample corpus should give article contexts"


def first_difference(mine: Any, theirs: Any) -> str:
    """The first item where two lists differ, or both values."""
    if isinstance(mine, list) and isinstance(theirs, list):
        for i, (a, b) in enumerate(zip(mine, theirs)):
            if a != b:
                return f"item {i}: {a} != {b}"
        return f"{len(mine)} items != {len(theirs)}"
    return f"{mine!r} != {theirs!r}"


@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
def test_pipe_keeps_order(extractor: govkg.Extractor, corpus: List[Tuple[str, str]], jobs: int) -> None:
    # Long and short texts shuffled together, so later ones finish first.
    rng = random.Random(jobs)
    items = [(f"{i}-{doc_id}", text) for i, (doc_id, text) in enumerate(corpus * 4)]
    items += [(f"short-{i}", SHORT * rng.randint(1, 3)) for i in range(40)]
    items += [(f"empty-{i}", "") for i in range(3)]
    rng.shuffle(items)
    docs = list(extractor.pipe(items, jobs=jobs))
    assert [d.id for d in docs] == [i for i, _ in items]
    assert [d.text for d in docs] == [t for _, t in items]
    # Each document is the one extract gives for its text.
    for d, (doc_id, text) in zip(docs, items):
        if doc_id.startswith("0-") or doc_id.startswith("short-1"):
            assert d == extractor.extract(text, doc_id)


def test_pipe_input_kinds(extractor: govkg.Extractor) -> None:
    def gen() -> Iterator[Any]:
        yield SHORT  # a plain string: id is its position
        yield ("a", SHORT)
        yield ["b", SHORT]
        yield {"id": "c", "text": SHORT}
        yield {"text": SHORT}  # no id: its position
        yield (7, SHORT)  # ids that are not strings are made strings
        yield SHORT

    docs = list(extractor.pipe(gen(), jobs=2))
    assert [d.id for d in docs] == ["0", "a", "b", "c", "4", "7", "6"]
    assert all(d.entities == docs[0].entities for d in docs)


def test_pipe_is_lazy(extractor: govkg.Extractor) -> None:
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"{SHORT}{i}"

    stream = extractor.pipe(texts(), jobs=2)
    first = [next(stream) for _ in range(3)]
    assert [d.id for d in first] == ["0", "1", "2"]
    # An endless input: only a few texts per worker are read ahead.
    assert pulled <= 3 + 2 * 4, pulled
    del stream


def test_pipe_bad_item_raises_after_the_documents_before_it(extractor: govkg.Extractor) -> None:
    stream = extractor.pipe([SHORT, ("x", SHORT), 42, SHORT], jobs=2)  # type: ignore[list-item]
    assert next(stream).id == "0"
    assert next(stream).id == "x"
    with pytest.raises(TypeError, match="item 2 is int"):
        next(stream)
    # The stream then ends.
    assert list(stream) == []


def test_pipe_input_error_propagates(extractor: govkg.Extractor) -> None:
    def texts() -> Iterator[str]:
        yield SHORT
        raise RuntimeError("the source broke")

    stream = extractor.pipe(texts())
    assert next(stream).id == "0"
    with pytest.raises(RuntimeError, match="the source broke"):
        next(stream)


def test_pipe_arguments(extractor: govkg.Extractor) -> None:
    with pytest.raises(ValueError, match="jobs"):
        extractor.pipe([SHORT], jobs=0)
    with pytest.raises(TypeError):
        extractor.pipe(5)  # type: ignore[arg-type]
    assert list(extractor.pipe([])) == []
    stream = extractor.pipe(iter([SHORT]))
    assert iter(stream) is stream
    assert "DocumentStream" in repr(stream)


def test_dropping_a_stream_early_is_quick(extractor: govkg.Extractor, corpus: List[Tuple[str, str]]) -> None:
    import time

    stream = extractor.pipe(corpus * 1000, jobs=2)
    next(stream)
    t = time.perf_counter()
    del stream
    # Texts no worker started are skipped: far less than tagging them all.
    assert time.perf_counter() - t < 5.0
