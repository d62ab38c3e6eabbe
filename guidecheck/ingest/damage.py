"""Damaged files: which cause a reader's exception points to, and the plain message for it (``data/damaged.toml``).

A project manager cannot act on "BadZipFile: Bad CRC-32 for file 'word/styles.xml'"; they can act on "the file
is damaged; re-download it". So the message names the cause in plain words and the fix, and the library's own
words are kept apart as the detail that ``guidecheck check -v`` prints.
"""

from __future__ import annotations

import zipfile
import zlib
from functools import lru_cache
from importlib import resources
from typing import Any

import tomllib

from .errors import InputProblem
from .sanitize import printable

OFFICE = ("docx", "pptx")


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    return tomllib.loads(resources.files("guidecheck").joinpath("data/damaged.toml").read_text("utf-8"))


def message(cause: str, fmt: str, **values: Any) -> str:
    """The message for ``cause`` about a file of format ``fmt`` (docx, pdf, markdown, ...)."""
    kinds = table()["kinds"]
    names = kinds.get(fmt, kinds["unknown"])
    ext = {"markdown": ".md", "text": ".txt"}.get(fmt, f".{fmt}")
    return table()["causes"][cause].format(ext=ext, **names, **values)


def garbled(fmt: str, count: int, total: int) -> str | None:
    """The warning for a document with too many control or replacement characters, else None."""
    rule = table()["garbled"]
    share = count / total if total else 0.0
    if share <= rule["max_share"]:
        return None
    kind = table()["kinds"].get(fmt, table()["kinds"]["unknown"])["kind"]
    return rule["message"].format(share=share, count=count, total=total, kind=kind)


def _is_xml_error(exc: BaseException) -> bool:
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    names = {cls.__name__ for cls in type(exc).__mro__}
    return isinstance(exc, ParseError | ExpatError) or bool(
        names & {"XMLSyntaxError", "ParseError", "InvalidXmlError"}
    )


def cause_of(exc: BaseException, fmt: str) -> str:
    """The row of the message table that an exception raised while reading a ``fmt`` file belongs to."""
    if isinstance(exc, RecursionError):
        return "nesting"
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError | zipfile.LargeZipFile):
        return "zip"
    if fmt in OFFICE and isinstance(exc, KeyError) and "archive" in str(exc):
        return "zip"  # "There is no item named 'word/styles.xml' in the archive"
    if _is_xml_error(exc):
        return "xml"
    if fmt == "pdf" or type(exc).__module__.startswith("pypdf"):
        return "pdf"
    if isinstance(exc, UnicodeError | LookupError):
        return "text"
    if fmt in OFFICE and isinstance(exc, ValueError | KeyError | IndexError | AttributeError | TypeError):
        return "xml"  # values or elements that python-docx/-pptx expect and a damaged part lacks
    return "unreadable"


def detail(exc: BaseException) -> str:
    """The library's own words, for ``-v``: exception name and (shortened, printable) text."""
    text = printable(str(exc))[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def problem(exc: BaseException, fmt: str) -> InputProblem:
    """An InputProblem with the plain message for ``exc`` and the library detail kept apart."""
    return InputProblem(message(cause_of(exc, fmt), fmt), detail=detail(exc))
