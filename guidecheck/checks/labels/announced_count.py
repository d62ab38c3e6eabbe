"""LAB006: a sentence announces how many labels or cases there are, and the list it introduces has another number.

Two list shapes are read, both where the count and the list are unmistakable: the items written after a colon in
the same sentence ("four major types: DATE, TIME, DURATION and SET"), and the numbered items that follow a
sentence ending in a colon ("We distinguish 3 cases:" then "1. ...", "2. ...", ...). Bulleted items are not
counted: real decks interleave bullets of examples with the items, and a sum ("7 + 2 = 9 classes:") lists
parts in several places. Words and patterns live in ``data/labels.toml`` ([announced_count]).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...model import CODE, EXAMPLE, HEADING, QUOTE, Block, Finding, Location
from ...rules.quantities import number_words
from ..base import Check, CheckContext
from ..common.wording import data
from ..registry import register

_SKIP = frozenset({CODE, EXAMPLE, QUOTE, HEADING})
_PAREN = re.compile(r"\s*\([^()]*\)")
_SUM = re.compile(r"[=+]\s*$")


@dataclass(frozen=True)
class Mismatch:
    announced: int
    listed: int
    noun: str
    items: tuple[str, ...]
    location: Location
    below: bool  # the items are numbered blocks below the sentence, not written in it


@lru_cache(maxsize=1)
def _patterns() -> dict:
    d = data("labels")["announced_count"]
    words = "|".join(sorted(number_words(), key=len, reverse=True))
    announce = re.compile(
        rf"\b(?P<n>{words}|\d{{1,2}})\s+(?:(?:{'|'.join(d['modifiers'])})\s+){{0,2}}"
        rf"(?P<noun>{'|'.join(d['nouns'])})\b(?P<rest>[^.:;]{{0,60}}?)(?P<colon>:)",
        re.I,
    )
    return {
        "announce": announce,
        "item": re.compile(d["numbered_item"]),
        "label": re.compile(d["label_item"]),
        "split": re.compile(d["split"], re.I),
        "max_words": int(d["item_max_words"]),
    }


def _count(word: str) -> int | None:
    value = number_words().get(word.lower()) if not word.isdigit() else float(word)
    return int(value) if value and value >= 2 else None


def _inline_items(after: str) -> list[str] | None:
    """The items written after the colon, up to the end of the sentence, when every one of them is a short name
    (capitalised, a code, quoted or bracketed); otherwise None: the colon introduced prose, not a list."""
    p = _patterns()
    sentence = re.split(r"(?<=[\w)\"”])\.(?:\s|$)|\n\s*\n|;", after, maxsplit=1)[0]
    parts = [s.strip(" .\"“”'") for s in p["split"].split(_PAREN.sub("", sentence)) if s and s.strip(" .")]
    if len(parts) < 2 or any(len(s.split()) > p["max_words"] or not p["label"].match(s) for s in parts):
        return None
    return parts


def _number_of(block: Block) -> tuple[int | None, str]:
    """The number an item is written with ("1. ...", "**2. ...", an ordered Markdown list item) and its text."""
    if "number" in block.meta:
        return int(block.meta["number"]), block.text
    m = _patterns()["item"].match(block.text)
    return (int(m.group("n")), block.text[m.end() :]) if m else (None, block.text)


def _numbered_below(blocks: list[Block], start: int) -> list[str]:
    """The run of items numbered 1, 2, 3, ... among the blocks after ``start``, up to the next heading; the first
    numbered block must be numbered 1, and the run ends at the first number out of sequence."""
    run: list[str] = []
    for block in blocks[start + 1 :]:
        if block.kind == HEADING:
            break
        number, text = _number_of(block)
        if number is None:
            continue
        if number != len(run) + 1:
            break
        run.append(text.strip(" *")[:60].rstrip(" .:"))
    return run if len(run) >= 2 else []


def block_mismatches(blocks: list[Block]) -> Iterator[Mismatch]:
    """Every announced count in ``blocks`` (one document, reading order) that its list contradicts."""
    for i, block in enumerate(blocks):
        if block.kind in _SKIP:
            continue
        for m in _patterns()["announce"].finditer(block.text):
            n = _count(m.group("n"))
            after = block.text[m.end() :]
            if n is None or _SUM.search(block.text[: m.start()]):
                continue  # "7 + 2 = 9 classes:" names parts listed in several places
            below = not after.strip()
            items = _numbered_below(blocks, i) if below else _inline_items(after)
            if items and len(items) != n:
                yield Mismatch(n, len(items), m.group("noun").lower(), tuple(items), block.location, below)


@register
class AnnouncedCountMismatch(Check):
    """A sentence announces N labels, types or cases, and the list it introduces has another number.

    What it does:
        Reads sentences that count what they introduce ("We distinguish 3 cases:", "four major types: A, B, C
        and D") and counts the items: the names after the colon in the same sentence (all short names:
        capitalised, codes, quoted or bracketed), or the blocks numbered 1, 2, 3, ... that follow a sentence
        ending in a colon, up to the next heading. Reports the sentence when the two numbers differ. Bulleted
        items and sums ("7 + 2 = 9 classes:") are not counted.

    Why is this bad:
        Annotators trained on "three cases" merge the fourth into another one, or look for a third that the
        list does not have; either way the labels that depend on the case split differ between annotators.

    Example:
        We distinguish 3 cases:
        1. smileys are the only sign of sentiment ...  2. smileys mirror ...  3. smileys change ...
        4. smileys hedge ...

    Use instead:
        Make the count match the list ("We distinguish 4 cases"), or merge the case that is not meant to be
        separate.
    """

    code = "LAB006"
    name = "announced-count-mismatch"
    category = "labels"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for doc in ctx.index.documents:
            for mm in block_mismatches(doc.blocks):
                where = "numbered below it" if mm.below else "listed"
                shown = "; ".join(f"{k}. {s}" if mm.below else s for k, s in enumerate(mm.items, 1))
                yield ctx.finding(
                    self,
                    [],
                    f"This sentence announces {mm.announced} {mm.noun}, but {mm.listed} are {where}: {shown}.",
                    confidence=0.8,
                    location=mm.location,
                    key=f"{mm.announced}|{mm.noun}|{'|'.join(mm.items)}",
                    fix=f"Make the number match the list (say {mm.listed} {mm.noun}), or merge or remove the "
                    "item that is not meant to be separate.",
                )
