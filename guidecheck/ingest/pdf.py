"""PDF via pypdf: text per page with page numbers, headings from font size, running headers/footers and page
numbers removed, hyphenated line breaks joined.

A PDF exported from Word or PowerPoint has a text layer; a scan has none, and some exports have a layer of
garbage (fonts without a usable character map). Both are reported as a warning instead of becoming junk rules.
Every page is read under a time budget and a page cap, so a hostile file cannot hang the run.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import HEADING, LIST_ITEM, PARAGRAPH, Block, Location
from . import damage
from .errors import InputProblem
from .guard import TimedOut, deadline
from .limits import limit

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦●■–\x7f\uf0b7\uf0a7]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(.*)$")
_BULLET_ONLY = re.compile(r"^\s*[-*•·▪◦●■–\x7f\uf0b7\uf0a7]\s*$")
# A word in any script (letters only, inner apostrophes/hyphens) or a number, with surrounding punctuation.
_WORDLIKE = re.compile(
    r"^[(\"'“‘«]*(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,:/–-]\d+)*%?)[)\"'”’».,;:!?。、！？]*$"
)
# Latin-script words without a vowel ("xkcdq", "Tjr") are what broken font maps produce.
# pypdf's words for a stream it could not decode.
_STREAM_DAMAGE = re.compile(r"decompress|stream|decode|filter", re.I)
_VOWEL = re.compile(r"[aeiouyAEIOUYà-ÿÀ-ß\d]|[^\x00-\u024f]")


@dataclass
class _Line:
    text: str
    y: float | None = None
    size: float = 0.0
    bold: bool = False


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)


def garbage_ratio(text: str) -> float:
    """Share of non-space characters that sit outside word-like tokens (0 = clean prose, 1 = noise)."""
    tokens = text.split()
    total = sum(len(t) for t in tokens)
    if not total:
        return 0.0
    good = sum(len(t) for t in tokens if _WORDLIKE.match(t) and _VOWEL.search(t))
    return 1 - good / total


def _lines_of(page) -> list[_Line]:
    """The page's text lines with the baseline height and font size of their first text run."""
    chunks: list[tuple[str, float, float, bool]] = []

    def visit(text, cm, tm, font, size) -> None:
        if not text:
            return
        scale = abs(tm[3] * cm[3]) or 1.0
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        chunks.append((text, y, (size or 0) * scale, "bold" in name.lower() or "black" in name.lower()))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    current = _Line("")
    for text, y, size, bold in chunks:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if part.strip():
                if not current.text.strip():
                    current.y, current.bold = y, bold
                current.size = max(current.size, size)
                current.bold = current.bold and bold
            current.text += part
            if k < len(parts) - 1:
                lines.append(current)
                current = _Line("")
    lines.append(current)
    out = [_Line(" ".join(ln.text.split()), ln.y, ln.size, ln.bold) for ln in lines if ln.text.strip()]
    # A bullet glyph alone on its line belongs to the item text on the next line.
    merged: list[_Line] = []
    for line in out:
        if merged and _BULLET_ONLY.match(merged[-1].text):
            merged[-1] = _Line("• " + line.text, line.y, line.size, line.bold)
        else:
            merged.append(line)
    return merged


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _strip_running(pages: list[_Page]) -> None:
    """Remove page numbers and the header/footer lines that repeat at the top or bottom of most pages."""
    band = int(limit("pdf", "band_lines"))
    counts: dict[str, int] = {}
    for page in pages:
        seen = {_normal(ln.text) for ln in page.lines[:band] + page.lines[-band:]}
        for key in seen:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(2, limit("pdf", "repeat_share") * sum(1 for p in pages if p.lines))
    running = {k for k, n in counts.items() if n >= threshold}
    for page in pages:
        n = len(page.lines)
        page.lines = [
            ln
            for i, ln in enumerate(page.lines)
            if not (
                (i < band or i >= n - band) and (_normal(ln.text) in running or _PAGE_NUMBER.match(ln.text))
            )
        ]


def _join(lines: list[str]) -> str:
    """Join wrapped lines; 'hyphen-' + 'ation' becomes 'hyphenation'."""
    out = ""
    for line in lines:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _is_heading(line: _Line, body: float, ratio: float) -> bool:
    """Larger than the body font, or bold body-size text that is not a lead-in ("Do not:" stays a paragraph)."""
    return bool(
        (
            (body and line.size >= body * ratio)
            or (line.bold and line.size >= body and not line.text.endswith(":"))
        )
        and len(line.text) <= 120
        and not line.text.endswith((".", ",", ";"))
        and not _NUMBER_ONLY.match(line.text)
        and not (_BULLET.match(line.text) and not _numbered_title(line, body, ratio))
    )


def _numbered_title(line: _Line, body: float, ratio: float) -> bool:
    """A numbered line in a heading's font is a numbered heading ("12. Pay and Schedule" at 14 pt over 10 pt body
    text), not a list item; a bullet glyph never is."""
    return bool(body and line.size >= body * ratio and _SECTION_NUMBER.match(line.text))


# "12. Pay and Schedule", "3.1 Onboarding": a section number before a title.
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+[A-Z]")
# A step number alone on its line, the step's text on the next ("1" / "Read the case caption ..."): no heading; set
# apart in bold or large type, it starts the step's list item.
_NUMBER_ONLY = re.compile(r"^\s*\(?\d{1,3}[.)]?\s*$")


def _heading(
    blocks: list[Block],
    sections: list[tuple[float, str]],
    line: _Line,
    prev: _Line | None,
    location: Location,
) -> None:
    """Add a heading block (or extend the previous one: a heading wrapped over two lines) and update sections."""
    level = line.size
    last = blocks[-1] if blocks else None
    if (
        last is not None
        and last.kind == HEADING
        and prev is not None
        and prev.size == line.size
        and last.location.page == location.page
    ):
        last.text += " " + line.text
        sections[-1] = (level, last.text)
        last.section = tuple(t for _, t in sections)
        return
    while sections and sections[-1][0] <= level:
        sections.pop()
    sections.append((level, line.text))
    blocks.append(
        Block(line.text, HEADING, location, tuple(t for _, t in sections), meta={"size": round(level, 1)})
    )


def _new_paragraph(prev: _Line | None, line: _Line) -> bool:
    """A vertical gap larger than a line (or a jump back up: a new column) or a bullet starts a new paragraph."""
    gap = (prev.y - line.y) if prev is not None and prev.y is not None and line.y is not None else None
    return (gap is not None and (gap > max(line.size, 1.0) * 1.6 or gap < 0)) or bool(
        _BULLET.match(line.text)
    )


def _blocks(pages: list[_Page], path: str) -> list[Block]:
    sizes = [round(ln.size, 1) for p in pages for ln in p.lines if ln.size]
    body = statistics.median(sizes) if sizes else 0.0
    ratio = float(limit("pdf", "heading_size_ratio"))
    blocks: list[Block] = []
    sections: list[tuple[float, str]] = []
    for page in pages:
        para: list[_Line] = []
        kind = PARAGRAPH

        def flush(page: _Page = page) -> None:
            nonlocal para, kind
            if para:
                text = _join([ln.text for ln in para])
                bullet = _BULLET.match(text) if kind == LIST_ITEM else None
                blocks.append(
                    Block(
                        bullet.group(1) if bullet else text,
                        kind,
                        Location(path, page=page.number),
                        tuple(t for _, t in sections),
                    )
                )
            para, kind = [], PARAGRAPH

        prev: _Line | None = None
        step = False  # the line before was a step number alone: this line is the step's item
        for line in page.lines:
            if _is_heading(line, body, ratio):
                flush()
                _heading(blocks, sections, line, prev, Location(path, page=page.number))
                prev, step = line, False
                continue
            if _NUMBER_ONLY.match(line.text) and (line.bold or (body and line.size >= body * ratio)):
                flush()  # a step number set apart in bold or large type
                prev, step = line, True
                continue
            if para and (_new_paragraph(prev, line) or para[-1].text.endswith(":")):
                flush()
            if not para:
                kind = LIST_ITEM if step or _BULLET.match(line.text) else PARAGRAPH
            para.append(line)
            prev, step = line, False
        flush()
    return blocks


def _open(raw: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not raw.lstrip()[:1024].count(b"%PDF"):
        raise InputProblem(
            "this is not a PDF file (no PDF header); is it the right file or a mislabeled extension?"
        )
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise InputProblem(
                    "this PDF is encrypted in a way guidecheck cannot open; export an unprotected copy and check again",
                    detail=damage.detail(exc),
                ) from None
            if not opened:
                raise InputProblem(
                    "this PDF is password-protected; remove the password "
                    "(or export an unprotected copy) and check again"
                )
        count = len(reader.pages)
    except InputProblem:
        raise
    except FileNotDecryptedError:
        raise InputProblem(
            "this PDF is password-protected; remove the password (or export an unprotected copy) "
            "and check again"
        ) from None
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        OSError,
        RecursionError,
        zlib.error,
    ) as exc:
        raise damage.problem(exc, "pdf") from None
    if count == 0:
        raise InputProblem(damage.message("pdf", "pdf"), detail="the PDF has no pages")
    return reader, count


def _pages(raw: bytes, problems: list[str]) -> list[_Page]:
    """Every page's lines, within the page cap and the time budget; what was cut short goes into ``problems``."""
    max_pages, budget = int(limit("pdf", "max_pages")), float(limit("pdf", "timeout_seconds"))
    pages: list[_Page] = []
    count: int | None = None
    # The budget is this thread's CPU time, so a busy machine (the embedding process, another job) does not cut a
    # sound PDF short; the wall-clock alarm at twice the budget still stops a page that never finishes.
    started = time.thread_time()
    try:
        with deadline(2 * budget + 1) as token:
            reader, count = _open(raw)
            for index in range(min(count, max_pages)):
                if time.thread_time() - started > budget:
                    problems.append(f"stopped after {budget:.0f} s at page {index + 1} of {count}")
                    break
                try:
                    pages.append(_Page(index + 1, _lines_of(reader.pages[index])))
                except Exception:  # one broken page must not lose the others
                    problems.append(f"page {index + 1} could not be read (it is damaged)")
            if count > max_pages:
                problems.append(f"only the first {max_pages} of {count} pages were read")
    except TimedOut as stop:
        if stop.token is not token:
            raise
        read_so_far = f"{len(pages)} of {count} pages were read" if count else "no page could be read"
        problems.append(f"reading took longer than {budget:.0f} s and was stopped; {read_so_far}")
    return pages


class _Complaints(logging.Handler):
    """What pypdf logs about damage it worked around (a stream that did not decompress, a rebuilt xref table).

    pypdf reads a page whose content stream is corrupt as an empty page; without its complaint a damaged PDF would
    be reported as a scan. The records are only collected here, never shown.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _STREAM_DAMAGE.search(message):
            self.messages.append(message)

    def __enter__(self) -> _Complaints:
        self.logger = logging.getLogger("pypdf")
        self.saved = (self.logger.level, self.logger.propagate)
        self.logger.setLevel(logging.WARNING)
        self.logger.propagate = False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]


def _unusable(pages: list[_Page], damaged: list[str]) -> InputProblem | None:
    """Why the text of these pages cannot be used (damaged, a scan, a garbage text layer), or None."""
    text = "\n".join(ln.text for p in pages for ln in p.lines)
    chars = len("".join(text.split()))
    ratio = garbage_ratio(text)
    too_little = pages and chars < limit("pdf", "min_chars_per_page") * len(pages)
    if damaged and (too_little or ratio > limit("pdf", "garbage_ratio")):
        return InputProblem(damage.message("pdf", "pdf"), detail=damaged[0][:300])
    if too_little:
        return InputProblem(
            "this PDF has no text layer (it looks like a scan or images of slides); "
            "run OCR on it (for example with ocrmypdf) or export it again with text, then check again",
            status="warning",
        )
    if ratio > limit("pdf", "garbage_ratio"):
        return InputProblem(
            f"the text layer of this PDF is unreadable ({ratio:.0%} of it is not words, usually a "
            "font without a character map); export the PDF again or check the source file instead",
            status="warning",
        )
    return None


def read(path: Path, raw: bytes) -> list[Block]:
    problems: list[str] = []
    with _Complaints() as complaints:
        pages = _pages(raw, problems)
    if not pages and problems and all(p.endswith("(it is damaged)") for p in problems):
        raise InputProblem(damage.message("pdf", "pdf"), detail="; ".join(problems))
    unusable = _unusable(pages, complaints.messages)
    if unusable is not None:
        raise unusable
    _strip_running(pages)
    blocks = _blocks(pages, str(path))
    if problems:
        raise InputProblem("; ".join(problems), status="warning", blocks=blocks)
    return blocks
