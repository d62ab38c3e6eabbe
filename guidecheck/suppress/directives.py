"""Suppression comments read out of each format: ``guidecheck-disable-next-line CON001 -- reason`` and friends.

Markdown and HTML carry them in HTML comments, plain text on a line of its own starting with ``#``, DOCX in a
Word comment and PPTX in the slide notes. They are taken out of the text before rules are extracted (a
directive is never a rule or a heading), and kept on the Document as ``Directive`` objects.

Every directive has a position on one axis per format, so ranges work the same everywhere: the line (text
formats), the slide (PPTX) or the paragraph the comment is anchored to (DOCX, found again by its text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import NOTE, Block, Location

ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
_WORDS = r"guidecheck-(disable-next-line|disable-file|disable|enable)(?![\w-])([^\n]*?)"
_HTML = re.compile(r"<!--\s*" + _WORDS + r"\s*-->", re.S)
_TEXT_LINE = re.compile(r"^[ \t]*#+[ \t]*" + _WORDS + r"[ \t]*$", re.M)
_NOTE = re.compile(r"^\s*" + _WORDS + r"\s*$")
_LINE_FORMATS = {"markdown": _HTML, "html": _HTML, "text": _TEXT_LINE}


@dataclass(frozen=True)
class Directive:
    """One suppression comment: what it does, to which checks (empty = all), why, and where it sits."""

    action: str
    checks: tuple[str, ...]
    reason: str | None
    location: Location
    position: int  # line, slide, or 0 for DOCX (resolved through ``anchor``)
    target: int | None = None  # disable-next-line in text formats: the next non-blank line
    anchor: str | None = None  # DOCX: text of the paragraph the Word comment is anchored to
    text: str = ""  # the comment as written, for messages and fingerprints

    def names(self, check: str) -> bool:
        """Whether this directive is about ``check`` (an exact ID or a family prefix such as ``AMB``)."""
        return not self.checks or any(
            check == c or (c.isalpha() and check.startswith(c)) for c in self.checks
        )


def parse(action: str, rest: str, location: Location, position: int) -> Directive:
    """``CON001 AMB001 -- reason`` after the action word: IDs (spaces or commas) then an optional reason."""
    ids, sep, reason = rest.partition("--")
    checks = tuple(dict.fromkeys(t.upper() for t in re.split(r"[\s,]+", ids) if t))
    words = " ".join(("guidecheck-" + action, *checks))
    return Directive(action, checks, reason.strip() or None if sep else None, location, position, text=words)


def _next_content_line(lines: list[str], after: int) -> int | None:
    """1-based number of the first non-blank line after line ``after`` that is not itself a directive."""
    for n in range(after, len(lines)):
        if lines[n].strip() and "guidecheck-" not in lines[n]:
            return n + 1
    return None


def from_text(fmt: str, text: str, path: str) -> list[Directive]:
    """Directives of a Markdown, HTML or plain-text document, with their line numbers."""
    pattern = _LINE_FORMATS.get(fmt)
    if pattern is None or "guidecheck-" not in text:
        return []
    lines = text.split("\n")
    out = []
    for m in pattern.finditer(text):
        first = text.count("\n", 0, m.start()) + 1
        last = first + m.group(0).count("\n")
        d = parse(m.group(1), m.group(2), Location(path, first), first)
        if d.action == "disable-next-line":
            d = _with(d, target=_next_content_line(lines, last))
        out.append(d)
    return out


def _with(d: Directive, **changes) -> Directive:
    from dataclasses import replace

    return replace(d, **changes)


def blank_text_lines(text: str) -> str:
    """Plain text: directive lines become empty lines, so they are neither headings nor rules and every other
    line keeps its number."""
    return _TEXT_LINE.sub("", text)


def from_notes(fmt: str, blocks: list[Block]) -> tuple[list[Block], list[Directive]]:
    """PPTX slide notes and DOCX Word comments: directive notes leave the blocks and become Directives."""
    if fmt not in ("pptx", "docx"):
        return blocks, []
    kept: list[Block] = []
    found: list[Directive] = []
    for block in blocks:
        m = _NOTE.match(block.text) if block.kind == NOTE else None
        if m is None:
            kept.append(block)
            continue
        if fmt == "pptx":
            found.append(parse(m.group(1), m.group(2), block.location, block.location.slide or 0))
        else:
            anchor = next((b.text for b in reversed(kept) if b.kind != NOTE), None)
            found.append(_with(parse(m.group(1), m.group(2), block.location, 0), anchor=anchor))
    return kept, found


def before_read(fmt: str, raw: bytes, path: str) -> tuple[bytes, list[Directive]]:
    """Ingest hook for text formats: the directives, and the bytes the reader should see (plain text loses
    its directive lines). Undecodable input is left to the reader, which reports it."""
    if fmt not in _LINE_FORMATS or b"guidecheck-" not in raw:
        return raw, []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw, []
    found = from_text(fmt, text.replace("\r\n", "\n"), path)
    if fmt == "text" and found:
        raw = blank_text_lines(text.replace("\r\n", "\n")).encode("utf-8")
    return raw, found
