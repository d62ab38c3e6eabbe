"""Control characters never leave ingest: they are removed from every block (tab and newline kept) and counted.

Zeroed blocks in a damaged file, broken PDF font maps and stray bytes in a legacy export come out of the readers as
NUL and other C0/C1 control characters. Left in, they become invisible parts of rules, NUL bytes in the HTML
report and ``\\u0000`` escapes in the JSON. The replacement character (U+FFFD) a decoder or parser puts where bytes
made no sense goes too: it carries nothing but the fact of the damage, and the count keeps that. Carriage
returns, vertical tabs and form feeds are line or page breaks in disguise: they become spaces, so "a\\rb" does not
turn into "ab". Lone surrogates (which no UTF-8 file can hold) and the non-characters U+FFFE/U+FFFF go too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Block

# C0 except tab and newline, DEL, C1, lone surrogates, U+FFFD and the two non-characters U+FFFE/U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd\ufffe\uffff]")
_BREAKS = re.compile("[\r\x0b\x0c]")


def printable(text: str) -> str:
    """``text`` with control characters left out (for messages and details built from other people's text)."""
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


class Cleaner:
    """Cleans the strings of a document's blocks and counts what it removed, against all characters seen."""

    def __init__(self) -> None:
        self.damaged = 0  # control and replacement characters left out of the body text
        self.total = 0  # characters of body text seen

    def text(self, text: str, count: bool = True) -> str:
        cleaned, removed = _CONTROL.subn("", _BREAKS.sub(" ", text))
        if count:
            self.total += len(text)
            self.damaged += removed
        return cleaned

    def value(self, value: Any) -> Any:
        """Strings in metadata (style names, comment authors, heading attributes), not counted: not body text."""
        if isinstance(value, str):
            return self.text(value, count=False)
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(v) for v in value)
        return value

    def block(self, block: Block) -> Block:
        text = self.text(block.text)
        return replace(
            block,
            text=text if text == block.text else text.strip(),  # "page.\n\x00" must not end in a line break
            section=self.value(block.section),
            lead_in=self.value(block.lead_in),
            header=self.value(block.header),
            cells=self.value(block.cells),
            meta=self.value(block.meta),
        )

    def blocks(self, blocks: list[Block]) -> list[Block]:
        return [self.block(b) for b in blocks]
