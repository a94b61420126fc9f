"""The package as installed: exports, type stubs, py.typed, errors."""

import ast
import inspect
from pathlib import Path
from typing import Dict, Set

import pytest

import govkg
import govkg._govkg as native

PACKAGE = Path(govkg.__file__).parent


def stub_classes() -> Dict[str, Set[str]]:
    tree = ast.parse((PACKAGE / "_govkg.pyi").read_text(encoding="utf-8"))
    classes: Dict[str, Set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes[node.name] = {
                n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
    return classes


def public_names(cls: type) -> Set[str]:
    return {n for n in dir(cls) if not n.startswith("_")}


def test_stubs_and_py_typed_are_installed() -> None:
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "_govkg.pyi").is_file()


def test_stubs_describe_every_class_and_method() -> None:
    stubs = stub_classes()
    runtime = {n: c for n, c in vars(native).items() if inspect.isclass(c)}
    assert set(stubs) == set(runtime)
    for name, cls in runtime.items():
        assert public_names(cls) == {n for n in stubs[name] if not n.startswith("_")}, name


def test_every_class_and_method_has_a_docstring() -> None:
    for name in govkg.__all__:
        obj = getattr(govkg, name)
        if not inspect.isclass(obj):
            continue
        assert obj.__doc__ and obj.__doc__.strip(), name
        if obj.__module__ != "govkg" or issubclass(obj, BaseException):
            continue
        for attr in public_names(obj):
            member = getattr(obj, attr)
            assert member.__doc__ and member.__doc__.strip(), f"{name}.{attr}"


def test_errors_hierarchy() -> None:
    assert issubclass(govkg.DictionaryError, ValueError)
    assert issubclass(govkg.FileError, OSError)
    assert issubclass(govkg.UnknownNodeError, LookupError)
    assert issubclass(govkg.AmbiguousNodeError, LookupError)
    assert issubclass(govkg.InvalidDateError, ValueError)
    assert issubclass(govkg.GraphFileError, ValueError)
    for name in ("DictionaryError", "FileError", "UnknownNodeError", "GraphFileError"):
        assert issubclass(getattr(govkg, name), govkg.GovkgError)


def test_version() -> None:
    assert govkg.__version__.count(".") == 2


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    pytest.importorskip("networkx")
    pytest.importorskip("pandas")
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "README's Python section has no python block"
    monkeypatch.chdir(root)
    scope: Dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), scope)
    out = capsys.readouterr().out
    assert "DATE 11月20日 11月20日 2018-11-20" in out.splitlines()
    # The visit in range is the one whose year the publication line gives.
    assert any(line.startswith("于勇 11月20日 2018-11-20 督查 ") for line in out.splitlines()), out
    assert scope["G"].number_of_nodes() == scope["g"].node_count  # type: ignore[attr-defined]
