"""Ingest: paths -> Documents of Blocks with locations and structure.

One reader per format (``READERS``); every reader returns raw blocks, then ``structure.annotate`` gives them
the meaning that layout carries (list lead-ins, Do/Don't polarity, examples). A reader never raises for bad
input: the document gets status error/warning and a message a project manager can act on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..config import Config
from ..model import Block, Document
from ..suppress.directives import before_read, from_notes
from . import structure
from .collect import collect_paths
from .errors import InputProblem
from .limits import limit
from .quiet import quiet_libraries

Reader = Callable[[Path, bytes], list[Block]]

READERS: dict[str, tuple[str, str]] = {
    # suffix: (format name, "module:function")
    ".md": ("markdown", "markdown:read"),
    ".markdown": ("markdown", "markdown:read"),
    ".txt": ("text", "plaintext:read"),
    ".text": ("text", "plaintext:read"),
    ".html": ("html", "html:read"),
    ".htm": ("html", "html:read"),
    ".pdf": ("pdf", "pdf:read"),
    ".docx": ("docx", "docx:read"),
    ".pptx": ("pptx", "pptx:read"),
}

# Legacy binary formats we cannot read, with the format to convert to.
LEGACY = {
    ".doc": ".docx",
    ".ppt": ".pptx",
    ".xls": ".xlsx",
    ".rtf": ".docx",
    ".odt": ".docx",
    ".odp": ".pptx",
}

# Sanity limit: a single input larger than this is refused rather than risking a hang.
MAX_BYTES: int = limit("limits", "max_bytes")
# Blocks longer than this are cut into pieces (spaCy and the checks expect sentence-sized text).
MAX_BLOCK_CHARS: int = limit("limits", "max_block_chars")


def _reader(spec: str) -> Reader:
    import importlib

    module, func = spec.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def format_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in READERS:
        return READERS[suffix][0]
    if suffix in LEGACY:
        return suffix.lstrip(".")
    return None


def _supported() -> str:
    return ", ".join(sorted({s for s in READERS if s not in (".markdown", ".text", ".htm")}))


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


def read_document(path: Path, display: str | None = None) -> Document:
    """Read one file into a Document; any problem becomes the document's status and message."""
    shown = display or str(path)
    suffix = path.suffix.lower()
    fmt = format_of(path) or suffix.lstrip(".") or "unknown"
    doc = Document(path=shown, format=fmt)
    if suffix in LEGACY:
        doc.status, doc.message = (
            "error",
            (
                f"legacy {suffix} files cannot be read; save it as {LEGACY[suffix]} (File > Save As) and check again"
            ),
        )
        return doc
    if suffix not in READERS:
        doc.status, doc.message = (
            "warning",
            (f"skipped: '{suffix or path.name}' is not a guideline format guidecheck reads ({_supported()})"),
        )
        return doc
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            doc.status, doc.message = (
                "error",
                f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
            )
            return doc
        raw = path.read_bytes()
    except FileNotFoundError:
        doc.status, doc.message = "error", "file not found"
        return doc
    except PermissionError:
        doc.status, doc.message = "error", "permission denied: the file cannot be read"
        return doc
    except IsADirectoryError:
        doc.status, doc.message = "error", "is a folder, not a file"
        return doc
    except OSError as exc:
        doc.status, doc.message = "error", f"cannot be read: {exc.strerror or exc}"
        return doc
    doc.digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        doc.status, doc.message = (
            "error",
            ("the file is empty" if not raw else "the file contains only whitespace"),
        )
        return doc
    raw, doc.directives = before_read(fmt, raw, shown)  # suppression comments (guidecheck.suppress)
    try:
        with quiet_libraries():
            blocks = _reader(READERS[suffix][1])(path, raw)
    except InputProblem as problem:
        doc.status, doc.message = problem.status, problem.message
        blocks = problem.blocks
    except RecursionError:
        doc.status, doc.message = (
            "error",
            f"could not be parsed as {fmt}: the file is nested too deeply (damaged?)",
        )
        return doc
    except Exception as exc:  # a reader bug or a library choking on odd input: report, never crash the run
        doc.status, doc.message = (
            "error",
            f"could not be parsed as {fmt}: {type(exc).__name__}: {str(exc)[:200]}",
        )
        return doc
    for block in blocks:
        block.location = replace(block.location, path=shown)
    blocks, notes = from_notes(fmt, blocks)  # directives in slide notes / Word comments
    doc.directives += notes
    blocks, longest = _split_long(blocks)
    if longest and doc.status == "ok":
        doc.status, doc.message = (
            "warning",
            (
                f"contains a run of {longest:,} characters without a paragraph break; it was read in pieces of "
                f"{MAX_BLOCK_CHARS:,} characters (is this an exported or minified file?)"
            ),
        )
    doc.blocks = structure.annotate(blocks)
    doc.words = sum(len(b.text.split()) for b in doc.blocks)
    if not doc.blocks and doc.status == "ok":
        doc.status, doc.message = "warning", "no text was found in this document"
    return doc


def read_paths(
    paths: list[str] | tuple[str, ...], config: Config, skipped: list[tuple[str, str]] | None = None
) -> list[Document]:
    """Expand folders, read every document, in a stable (sorted) order."""
    docs = []
    for file_path, display in collect_paths(paths, config, skipped):
        docs.append(read_document(file_path, display))
    return docs
