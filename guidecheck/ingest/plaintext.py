"""Plain text: blank-line paragraphs, bulleted and numbered lines as list items, underlined or ALL-CAPS headings."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import HEADING, LIST_ITEM, PARAGRAPH, Block, Location
from .textdecode import decode

_BULLET = re.compile(r"^(\s*)(?:[-*•·–▪◦]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+(.*)$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_CAPS_HEADING = re.compile(r"^[A-Z0-9][A-Z0-9 &/,'’:()\-]{2,80}$")
_HASH_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def read(path: Path, raw: bytes) -> list[Block]:
    text, _ = decode(raw, "text")
    lines = text.split("\n")
    blocks: list[Block] = []
    sections: list[tuple[int, str]] = []
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            # Lines stay separated by "\n" so a rule can be given the exact line it starts on.
            joined = "\n".join(re.sub(r"[ \t]+", " ", p) for p in para).strip()
            blocks.append(
                Block(joined, PARAGRAPH, Location(str(path), para_line), tuple(t for _, t in sections))
            )
            para = []

    def heading(title: str, level: int, line_no: int) -> None:
        while sections and sections[-1][0] >= level:
            sections.pop()
        sections.append((level, title))
        blocks.append(
            Block(
                title,
                HEADING,
                Location(str(path), line_no),
                tuple(t for _, t in sections),
                meta={"level": level},
            )
        )

    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        nxt = lines[n] if n < len(lines) else ""
        if not stripped:
            flush()
            continue
        if _UNDERLINE.match(stripped) and not para:
            continue  # already consumed as the underline of the previous heading
        if not para and _UNDERLINE.match(nxt) and len(stripped) < 100 and not _BULLET.match(line):
            flush()
            heading(stripped, 1 if nxt.strip().startswith("=") else 2, n)
            continue
        hashed = _HASH_HEADING.match(stripped)
        if hashed and not para:
            heading(hashed.group(2), len(hashed.group(1)), n)
            continue
        # "DO NOT:" in capitals introduces a list; it is a lead-in, not a section title.
        if (
            not para
            and _CAPS_HEADING.match(stripped)
            and any(c.isalpha() for c in stripped)
            and len(stripped.split()) <= 8
            and not stripped.endswith(":")
        ):
            heading(stripped.rstrip(":"), 2 if sections else 1, n)
            continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            depth = len(bullet.group(1).expandtabs(4)) // 2
            blocks.append(
                Block(
                    bullet.group(2).strip(),
                    LIST_ITEM,
                    Location(str(path), n),
                    tuple(t for _, t in sections),
                    depth=depth,
                )
            )
            continue
        if blocks and blocks[-1].kind == LIST_ITEM and not para and line[:1].isspace():
            blocks[-1].text += "\n" + stripped  # continuation of a wrapped bullet
            continue
        if not para:
            para_line = n
        para.append(stripped)
    flush()
    return blocks
