"""Extractor.extract, Document, Entity and Relation, against `govkg tag`."""

import pickle
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import govkg
from conftest import CORPUS, run_cli


def test_corpus_gives_the_entities_and_relations_of_govkg_tag(
    extractor: govkg.Extractor,
    corpus: List[Tuple[str, str]],
    cli_tagged: List[Dict[str, Any]],
) -> None:
    assert [d["id"] for d in cli_tagged] == [i for i, _ in corpus]
    for (doc_id, text), expected in zip(corpus, cli_tagged):
        doc = extractor.extract(text, id=doc_id)
        got = doc.to_dict()
        assert got["text"] == expected["text"], doc_id
        assert got["entities"] == expected["entities"], doc_id
        assert got["relations"] == expected["relations"], doc_id
        # The whole object, keys and their order included.
        assert got == expected
        assert list(got) == list(expected)
        assert doc.to_json() == Document_json_line(expected)
    total = sum(len(d["entities"]) for d in cli_tagged)
    assert total > 500, "the sample corpus should give hundreds of entities"
    assert sum(len(d["relations"]) for d in cli_tagged) > 50


def Document_json_line(obj: Dict[str, Any]) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def test_attributes_match_the_json(extractor: govkg.Extractor, corpus: List[Tuple[str, str]]) -> None:
    doc_id, text = corpus[0]
    doc = extractor.extract(text, doc_id)
    d = doc.to_dict()
    assert doc.id == doc_id and doc.text == text
    assert doc.context == d.get("context")
    for e, j in zip(doc.entities, d["entities"]):
        assert (e.id, e.type, e.start, e.end, e.text) == (j["id"], j["type"], j["start"], j["end"], j["text"])
        assert e.nested == j.get("nested", False)
        assert e.value == j.get("value")
        assert e.to_dict() == j
        assert text[e.start : e.end] == e.text
        assert doc.entity(e.id) == e
    assert len(doc.relations) == len(d["relations"])
    for r, j in zip(doc.relations, d["relations"]):
        assert r.to_dict() == j
        assert r.type == j["type"] and r.head == j["head"]
        assert r.tail == j.get("tail")
        assert r.evidence == tuple(j["evidence"])
        assert (r.date, r.purpose, r.org, r.role) == (j.get("date"), j.get("purpose"), j.get("org"), j.get("role"))
        assert r.when == j.get("when")
        head = doc.entity(r.head)
        assert head is not None and head.type in ("PERSON", "ORG")
        start, end = r.evidence
        assert 0 <= start < end <= len(text)
    assert doc.entity("e999999") is None
    people = doc.entities_of("person")
    assert people and all(e.type == "PERSON" for e in people)


def test_one_sentence() -> None:
    ex = govkg.Extractor()
    doc = ex.extract("11月20日,区委副书记于勇一行来到七宝镇开展督查,七宝镇党委书记严俊陪同督查。", id="a")
    top = [(e.type, e.text) for e in doc.entities if not e.nested]
    assert ("PERSON", "于勇") in top and ("PLACE", "七宝镇") in top and ("PERSON", "严俊") in top
    visits = [r for r in doc.relations if r.type == "VISIT"]
    assert len(visits) == 1
    v = visits[0]
    head, tail = doc.entity(v.head), doc.entity(v.tail or "")
    assert head is not None and tail is not None
    assert (head.text, tail.text, v.date, v.purpose) == ("于勇", "七宝镇", "11月20日", "督查")
    leads = [(r.role, r.org) for r in doc.relations if r.type == "LEADS"]
    assert ("书记", "七宝镇党委") in leads
    companions = [doc.entity(r.head) for r in doc.relations if r.type == "ACCOMPANY"]
    assert any(e is not None and e.text == "严俊" for e in companions)


def test_offsets_slice_python_strings_outside_the_bmp() -> None:
    ex = govkg.Extractor()
    # Astral characters (U+20000 CJK Extension B, an emoji, U+1D400) before,
    # between and inside the sentences: one code point each in Python, four
    # bytes in UTF-8 and two units in UTF-16.
    text = "𠀀😀𝐀 11月20日,区委副书记于勇😀一行来到七宝镇开展督查。𠀀\n\n七宝镇党委书记严俊陪同督查。𠀁🇨🇳"
    doc = ex.extract(text, id="astral")
    assert doc.text == text
    assert doc.entities, "entities expected"
    for e in doc.entities:
        assert text[e.start : e.end] == e.text, e
    names = {e.text for e in doc.entities}
    assert {"于勇", "七宝镇", "严俊"} <= names
    yu = next(e for e in doc.entities if e.text == "于勇")
    assert yu.start == text.index("于勇")
    for r in doc.relations:
        start, end = r.evidence
        assert 0 <= start < end <= len(text)
        sentence = text[start:end]
        head = doc.entity(r.head)
        assert head is not None and head.text in sentence
    # A UTF-16 or UTF-8 offset would be past these.
    assert max(e.end for e in doc.entities) <= len(text)


def test_options() -> None:
    text = "七宝镇党委书记严俊陪同督查。"
    nested = govkg.Extractor().extract(text)
    flat = govkg.Extractor(nested=False, keep_text=False).extract(text)
    assert any(e.nested for e in nested.entities)
    assert not any(e.nested for e in flat.entities)
    assert [e.text for e in flat.entities] == [e.text for e in nested.entities if not e.nested]
    assert flat.text is None and "text" not in flat.to_dict()
    assert flat.id == ""


def test_user_dictionary(tmp_path: Path) -> None:
    text = "代表团实地考察了云栖小筑。"
    assert not any(e.text == "云栖小筑" for e in govkg.Extractor().extract(text).entities)
    d = tmp_path / "mine.txt"
    d.write_text("# my words\n云栖小筑\torg\n", encoding="utf-8")
    ex = govkg.Extractor(dictionaries=[d])
    assert ex.dictionaries == [d]
    assert any(e.text == "云栖小筑" and e.type == "ORG" for e in ex.extract(text).entities)
    # str paths work too.
    assert govkg.Extractor([str(d)]).extract(text).entities == ex.extract(text).entities


def test_bad_dictionary_raises_with_the_cli_message(tmp_path: Path, govkg_bin: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# fine\n莘庄镇\tplace.town\n七宝\tnot-a-kind\n", encoding="utf-8")
    with pytest.raises(govkg.DictionaryError) as info:
        govkg.Extractor(dictionaries=[bad])
    err = info.value
    assert isinstance(err, govkg.GovkgError) and isinstance(err, ValueError)
    assert str(err).startswith(f"{bad}:3: "), str(err)
    assert (err.source, err.line) == (str(bad), 3)
    cli = run_cli(govkg_bin, "tag", "--dict", bad, CORPUS / "000_67e299d5ffcb0bd7.txt", check=False)
    assert cli.returncode == 2
    assert cli.stderr.strip() == f"govkg: {err}"


def test_missing_dictionary_raises_with_the_cli_message(tmp_path: Path, govkg_bin: str) -> None:
    missing = tmp_path / "no-such-dictionary.txt"
    with pytest.raises(govkg.FileError) as info:
        govkg.Extractor([missing])
    err = info.value
    assert isinstance(err, OSError) and isinstance(err, govkg.GovkgError)
    assert err.filename == missing and err.errno == 2
    cli = run_cli(govkg_bin, "tag", "--dict", missing, CORPUS / "000_67e299d5ffcb0bd7.txt", check=False)
    assert cli.stderr.strip() == f"govkg: {err}"


def test_dictionaries_must_be_a_list_of_paths() -> None:
    with pytest.raises(TypeError):
        govkg.Extractor("one.txt")  # type: ignore[arg-type]


def test_documents_round_trip(extractor: govkg.Extractor, corpus: List[Tuple[str, str]]) -> None:
    doc = extractor.extract(corpus[3][1], corpus[3][0])
    assert govkg.Document.from_json(doc.to_json()) == doc
    assert govkg.Document.from_dict(doc.to_dict()) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert doc != extractor.extract(corpus[3][1], "other id")
    with pytest.raises(ValueError, match="not a govkg document"):
        govkg.Document.from_json('{"id": 3}')
    # Entities and relations are values: equal and hashable.
    assert set(doc.entities) == set(govkg.Document.from_json(doc.to_json()).entities)
    assert len(set(doc.relations)) <= len(doc.relations)


def test_reprs(extractor: govkg.Extractor) -> None:
    doc = extractor.extract("区委副书记于勇来到七宝镇。", id="r")
    assert repr(doc).startswith('Document("r", ')
    assert "PERSON" in repr(doc.entities_of("PERSON")[0])
    assert "Extractor(" in repr(extractor)


def test_extract_releases_the_gil(extractor: govkg.Extractor, corpus: List[Tuple[str, str]]) -> None:
    # Another Python thread counts while this one extracts. With a switch
    # interval of seconds, this thread would keep the GIL for the whole
    # extraction if govkg held it, and the count would not move.
    import sys
    import threading
    import time

    text = max((t for _, t in corpus), key=len) * 5
    started, done = threading.Event(), threading.Event()
    ticks = 0

    def count() -> None:
        nonlocal ticks
        started.set()
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(5.0)
    t = threading.Thread(target=count)
    try:
        t.start()
        started.wait()
        before = ticks
        for _ in range(3):
            extractor.extract(text)
        during = ticks - before
    finally:
        done.set()
        t.join()
        sys.setswitchinterval(interval)
    assert during > 0, "no other thread ran while govkg extracted: the GIL was held"
