"""Plain text: blank-line paragraphs, bulleted and numbered lines as list items, underlined or ALL-CAPS headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import HEADING, LIST_ITEM, PARAGRAPH, Block, Location
from .textdecode import decode

_BULLET = re.compile(r"^(\s*)(?:[-*•·–▪◦]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+(.*)$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_CAPS_HEADING = re.compile(r"^[A-Z0-9][A-Z0-9 &/,'’:()\-]{2,80}$")
_HASH_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# The title of a dated entry in an errata or changelog file: "[2025-02-24] Escalation", "2024-05-02 - Pay",
# "12 May 2024: Timer", "v1.3 (2024-04-12)". The entry's text follows on the next line.
_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
_DATED_TITLE = re.compile(
    rf"^(?:\[\s*{_DATE}\s*\]|\(\s*{_DATE}\s*\)|{_DATE})\s*(?:[-–—:|]\s*)?(?P<title>[^.!?]{{0,80}}?)\s*$"
)


# The title of a numbered entry or section, its text on the next line or after a blank one: "E2. Coat colour", "E-06 Section 5.3 (Fees)",
# "5.3 Scoring rules". A code with a letter or a second level: "2. Rate the reply" is a numbered list item.
_NUMBERED_TITLE = re.compile(
    r"^(?:[A-Z]{1,3}-?\d+(?:\.\d+)*\.?|\d+(?:\.\d+)+\.?)\s+(?P<title>[A-Z](?:[^.!?:;]|(?<=\d)\.(?=\d)){0,80})$"
)


def _heading_at(line: str, stripped: str, nxt: str, has_sections: bool) -> tuple[str, int] | None:
    """The heading a line outside a paragraph starts, as (title, level): underlined, #-prefixed or capitals."""
    if _UNDERLINE.match(nxt) and len(stripped) < 100 and not _BULLET.match(line):
        return stripped, 1 if nxt.strip().startswith("=") else 2
    hashed = _HASH_HEADING.match(stripped)
    if hashed:
        return hashed.group(2), len(hashed.group(1))
    if nxt.strip() and _DATED_TITLE.match(stripped) and len(stripped.split()) <= 10:
        return stripped, 2 if has_sections else 1
    # its text on the next line, or after a blank line: "A5. Corrected worked example" alone on its line, with no
    # closing stop, is no sentence of a paragraph
    if not _BULLET.match(nxt) and _NUMBERED_TITLE.match(stripped) and len(stripped.split()) <= 8:
        return stripped, 2 if has_sections else 1
    # "DO NOT:" in capitals introduces a list; it is a lead-in, not a section title.
    if (
        _CAPS_HEADING.match(stripped)
        and any(c.isalpha() for c in stripped)
        and len(stripped.split()) <= 8
        and not stripped.endswith(":")
    ):
        return stripped.rstrip(":"), 2 if has_sections else 1
    return None


@dataclass
class _Reader:
    """Line by line: the open paragraph and the section path a new block gets."""

    path: str
    blocks: list[Block] = field(default_factory=list)
    sections: list[tuple[int, str]] = field(default_factory=list)
    para: list[str] = field(default_factory=list)
    para_line: int = 0

    def section(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.sections)

    def flush(self) -> None:
        if self.para:
            # Lines stay separated by "\n" so a rule can be given the exact line it starts on.
            joined = "\n".join(re.sub(r"[ \t]+", " ", p) for p in self.para).strip()
            self.blocks.append(Block(joined, PARAGRAPH, Location(self.path, self.para_line), self.section()))
            self.para = []

    def heading(self, title: str, level: int, line_no: int) -> None:
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self.sections.append((level, title))
        self.blocks.append(
            Block(title, HEADING, Location(self.path, line_no), self.section(), meta={"level": level})
        )

    def feed(self, n: int, line: str, nxt: str) -> None:
        """Line ``n`` (1-based), with the line after it (an underline makes it a heading)."""
        stripped = line.strip()
        if not stripped:
            self.flush()
            return
        if _UNDERLINE.match(stripped) and not self.para:
            return  # already consumed as the underline of the previous heading
        found = None if self.para else _heading_at(line, stripped, nxt, bool(self.sections))
        if found:
            self.heading(found[0], found[1], n)
            return
        bullet = _BULLET.match(line)
        if bullet:
            self.flush()
            depth = len(bullet.group(1).expandtabs(4)) // 2
            item = Block(
                bullet.group(2).strip(), LIST_ITEM, Location(self.path, n), self.section(), depth=depth
            )
            self.blocks.append(item)
            return
        if self.blocks and self.blocks[-1].kind == LIST_ITEM and not self.para and line[:1].isspace():
            self.blocks[-1].text += "\n" + stripped  # continuation of a wrapped bullet
            return
        if not self.para:
            self.para_line = n
        self.para.append(stripped)


def read(path: Path, raw: bytes) -> list[Block]:
    text, _ = decode(raw, "text")
    lines = text.split("\n")
    reader = _Reader(str(path))
    for n, line in enumerate(lines, start=1):
        reader.feed(n, line, lines[n] if n < len(lines) else "")
    reader.flush()
    return reader.blocks
