"""The exceptions govkg raises.

Every one derives from :class:`GovkgError` and from the built-in exception a
Python user would expect (``ValueError``, ``OSError``, ``LookupError``). The
message is the one the ``govkg`` command-line tool prints after ``govkg:``
(a bad dictionary line: ``my-places.txt:3: ...``).
"""

from typing import TYPE_CHECKING, List, Optional

if TYPE_CHECKING:
    from ._govkg import Node


class GovkgError(Exception):
    """Base class of every govkg error."""


class DictionaryError(GovkgError, ValueError):
    """A dictionary line could not be read.

    The message is ``FILE:LINE: what is wrong``; ``source`` is the file (or
    ``<embedded:NAME>``) and ``line`` the 1-based line number.
    """

    source: Optional[str] = None
    line: Optional[int] = None


class FileError(GovkgError, OSError):
    """A file could not be opened, read or written.

    The message is ``PATH: what the system said``; ``filename`` is the path
    and ``errno`` the system's error number, when there is one.
    """

    def __str__(self) -> str:
        # The message as given (OSError's own would rebuild it from errno,
        # strerror and filename).
        return str(self.args[0]) if self.args else super().__str__()


class InputError(GovkgError, ValueError):
    """A JSON document could not be parsed (``source`` and ``line`` say where)."""

    source: Optional[str] = None
    line: Optional[int] = None


class GraphFileError(GovkgError, ValueError):
    """A saved graph is damaged, truncated, or not a graph saved by govkg."""

    source: Optional[str] = None


class UnknownNodeError(GovkgError, LookupError):
    """A query named a node the graph does not hold.

    ``name`` is the name as given, ``kinds`` the kinds looked for
    (``place or org or plot``) and ``closest`` the ids of the nodes with the
    closest names, nearest first (``["place:七宝镇", ...]``; empty when no
    name is near).
    """

    name: Optional[str] = None
    kinds: Optional[str] = None
    closest: List[str] = []


class AmbiguousNodeError(GovkgError, LookupError):
    """A name given to a query names several nodes.

    ``name`` is the name as given and ``candidates`` lists the ids of the
    nodes it names; pass one of them (``person:王伟@青山区``), or the name
    with a place (``王伟@青山区``). ``nodes`` holds the candidates as
    :class:`Node` objects (their ``jurisdiction``, ``places`` and
    ``documents``), in the same order, and ``details`` one line per
    candidate as ``govkg query`` prints them under the error: the id, where
    it is, a person's posts and the documents
    (``person:王伟@青山区  in 青山区  posts 青山区委书记  documents a, c``).
    The message is the tool's: the first line, then the ``details``, each
    on a line of its own indented by two spaces.
    """

    name: Optional[str] = None
    candidates: List[str] = []
    nodes: List["Node"] = []
    details: List[str] = []


class InvalidDateError(GovkgError, ValueError):
    """A date bound given to a query is unusable.

    ``text`` is the date as given (both bounds, ``"2019年 .. 2018年"``, for
    a reversed range) and ``reason`` what is wrong: ``cannot read it``, ``a
    bound needs a year`` or ``--from comes after --to``.
    """

    text: Optional[str] = None
    reason: Optional[str] = None
