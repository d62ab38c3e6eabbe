"""Ingest: paths -> Documents of Blocks with locations and structure.

One reader per format (``formats.READERS``); every reader returns raw blocks, then ``structure.annotate`` gives
them the meaning that layout carries (list lead-ins, Do/Don't polarity, examples). A reader never raises for bad
input: the document gets status error/warning and a message a project manager can act on (``damage``), the
library's own words go to ``Document.detail``, control characters are removed (``sanitize``), and every document
is read under a time limit (``guard``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..cache import Cache
from ..config import Config
from ..model import Block, Document
from ..suppress.directives import before_read, from_notes
from . import damage, memo, structure
from .collect import collect_paths
from .errors import InputProblem
from .formats import LEGACY, READERS, supported
from .formats import format_of as _format_of_suffix
from .guard import TimedOut, deadline
from .limits import limit
from .quiet import quiet_libraries
from .sanitize import Cleaner, printable

Reader = Callable[[Path, bytes], list[Block]]

# Sanity limit: a single input larger than this is refused rather than risking a hang.
MAX_BYTES: int = limit("limits", "max_bytes")
# Blocks longer than this are cut into pieces (spaCy and the checks expect sentence-sized text).
MAX_BLOCK_CHARS: int = limit("limits", "max_block_chars")


def _reader(spec: str) -> Reader:
    import importlib

    module, func = spec.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def format_of(path: Path) -> str | None:
    return _format_of_suffix(path.suffix)


def _cut_point(text: str) -> int:
    """Where to cut an over-long block: after the last sentence end that fits, else the last space, else hard."""
    window = text[:MAX_BLOCK_CHARS]
    sentence = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
    if sentence > MAX_BLOCK_CHARS // 2:
        return sentence + 1
    return window.rfind(" ") + 1 or MAX_BLOCK_CHARS


def _split_long(blocks: list[Block]) -> tuple[list[Block], int]:
    """Cut blocks longer than MAX_BLOCK_CHARS at whitespace; return (blocks, length of the longest cut one)."""
    out: list[Block] = []
    longest = 0
    for block in blocks:
        if len(block.text) <= MAX_BLOCK_CHARS:
            out.append(block)
            continue
        longest = max(longest, len(block.text))
        text, line = block.text, block.location.line
        while text:
            cut = len(text) if len(text) <= MAX_BLOCK_CHARS else _cut_point(text)
            piece = text[:cut]
            out.append(
                replace(
                    block,
                    text=piece.strip(),
                    meta={**block.meta, "split": True},
                    location=replace(block.location, line=line),
                )
            )
            if line is not None:
                line += piece.count("\n")
            text = text[cut:]
    return [b for b in out if b.text], longest


def _refusal(path: Path, suffix: str) -> tuple[str, str] | None:
    """(status, message) for a file refused by its name alone: a legacy or an unknown format."""
    if suffix in LEGACY:
        return (
            "error",
            f"legacy {suffix} files cannot be read; save it as {LEGACY[suffix]} (File > Save As) and check again",
        )
    if suffix not in READERS:
        return (
            "warning",
            f"skipped: '{suffix or path.name}' is not a guideline format guidecheck reads ({supported()})",
        )
    return None


def _load(path: Path, doc: Document) -> bytes | None:
    """The file's bytes, or None with the document's status and message set (missing, unreadable, too big, empty)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            doc.status, doc.message = (
                "error",
                f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
            )
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        doc.status, doc.message = "error", "file not found"
        return None
    except PermissionError:
        doc.status, doc.message = "error", "permission denied: the file cannot be read"
        return None
    except IsADirectoryError:
        doc.status, doc.message = "error", "is a folder, not a file"
        return None
    except OSError as exc:
        doc.status, doc.message = "error", f"cannot be read: {exc.strerror or exc}"
        return None
    doc.digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        doc.status, doc.message = (
            "error",
            ("the file is empty" if not raw else "the file contains only whitespace"),
        )
        return None
    return raw


def _warn(doc: Document, message: str) -> None:
    """Add a warning: it becomes the message of an ok document and is appended to an existing warning."""
    if doc.status == "ok":
        doc.status, doc.message = "warning", message
    elif doc.status == "warning":
        doc.message = f"{doc.message}; {message}" if doc.message else message


def _finish(doc: Document, blocks: list[Block]) -> None:
    """Clean, cut and annotate what a reader returned; warn about garbled text and over-long runs."""
    cleaner = Cleaner()
    blocks = [b for b in cleaner.blocks(blocks) if b.text.strip()]
    for block in blocks:
        block.location = replace(block.location, path=doc.path)
    blocks, notes = from_notes(doc.format, blocks)  # directives in slide notes / Word comments
    doc.directives += notes
    blocks, longest = _split_long(blocks)
    garbled = damage.garbled(doc.format, cleaner.damaged, cleaner.total)
    if garbled:
        _warn(doc, garbled)
    if longest:
        _warn(
            doc,
            f"contains a run of {longest:,} characters without a paragraph break; it was read in pieces of "
            f"{MAX_BLOCK_CHARS:,} characters (is this an exported or minified file?)",
        )
    doc.blocks = structure.annotate(blocks)
    doc.words = sum(len(b.text.split()) for b in doc.blocks)
    if not doc.blocks and doc.status == "ok":
        doc.status, doc.message = "warning", "no text was found in this document"


def _parse(doc: Document, path: Path, raw: bytes, suffix: str) -> None:
    """Run the format's reader; any exception becomes a plain message with the library's words as detail."""
    raw, doc.directives = before_read(doc.format, raw, doc.path)  # suppression comments (guidecheck.suppress)
    try:
        with quiet_libraries():
            blocks = _reader(READERS[suffix][1])(path, raw)
    except InputProblem as problem:
        doc.status, doc.message, doc.detail = problem.status, problem.message, problem.detail
        blocks = problem.blocks
    except (
        Exception
    ) as exc:  # a library choking on damaged input (or a reader bug): report, never crash the run
        found = damage.problem(exc, doc.format)
        doc.status, doc.message, doc.detail = "error", found.message, found.detail
        return
    _finish(doc, blocks)


def _parse_in_time(doc: Document, path: Path, raw: bytes, suffix: str) -> None:
    """``_parse`` under the per-document time limit: a file that would hang the run is stopped and reported."""
    seconds = limit("limits", "document_seconds")
    try:
        with deadline(seconds) as token:
            _parse(doc, path, raw, suffix)
    except TimedOut as stop:
        if stop.token is not token:
            raise
        doc.status, doc.message = "error", damage.message("timeout", doc.format, seconds=seconds)
        doc.blocks, doc.words = [], 0


def read_document(path: Path, display: str | None = None, cache: Cache | None = None) -> Document:
    """Read one file into a Document; any problem becomes the document's status and message. With ``cache``,
    a file read before with the same bytes comes from it (``memo.py``)."""
    suffix = path.suffix.lower()
    doc = Document(
        path=printable(display or str(path)), format=format_of(path) or suffix.lstrip(".") or "unknown"
    )
    refusal = _refusal(path, suffix)
    if refusal is not None:
        doc.status, doc.message = refusal
        return doc
    raw = _load(path, doc)
    if raw is not None and not memo.recall(cache, doc):
        _parse_in_time(doc, path, raw, suffix)
        memo.remember(cache, doc)
    if doc.message:
        doc.message = printable(doc.message)
    return doc


def read_paths(
    paths: list[str] | tuple[str, ...], config: Config, skipped: list[tuple[str, str]] | None = None
) -> list[Document]:
    """Expand folders, read every document, in a stable (sorted) order."""
    cache = Cache(config.cache_path())
    return [
        read_document(file_path, display, cache)
        for file_path, display in collect_paths(paths, config, skipped)
    ]


__all__ = ["LEGACY", "READERS", "format_of", "read_document", "read_paths"]
