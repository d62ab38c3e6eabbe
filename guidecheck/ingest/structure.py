"""Meaning carried by layout, shared by every reader.

- A list item inherits the sentence that introduces its list ("Do not:") and that lead-in's polarity.
- "Do"/"Don't" headings set the polarity of every list item and imperative under them.
- Blocks under an "Example" heading, or starting "Example:", "e.g.", "Response:", become examples.
Patterns live in ``data/structure.toml``.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from ..model import CODE, EXAMPLE, HEADING, LIST_ITEM, NOTE, PARAGRAPH, QUOTE, TABLE_ROW, Block


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[re.Pattern[str]]]:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/structure.toml").read_text("utf-8"))
    return {
        "negative": [re.compile(p, re.I) for p in data["lead_in"]["negative"]],
        "positive": [re.compile(p, re.I) for p in data["lead_in"]["positive"]],
        "example_heading": [re.compile(p, re.I) for p in data["example"]["heading"]],
        "example_prefix": [re.compile(p, re.I) for p in data["example"]["prefix"]],
    }


def polarity_of(text: str) -> str | None:
    """'negative' for Don't-style lead-ins and headings, 'positive' for Do-style ones, else None."""
    t = text.strip().strip("*_").strip()
    if len(t) > 80:
        return None
    p = patterns()
    if any(rx.search(t) for rx in p["negative"]):
        return "negative"
    if any(rx.search(t) for rx in p["positive"]):
        return "positive"
    return None


def is_example_text(text: str) -> bool:
    return any(rx.search(text.strip()) for rx in patterns()["example_prefix"])


def _is_lead_in(block: Block) -> bool:
    return block.kind in (PARAGRAPH, LIST_ITEM, NOTE) and block.text.rstrip().endswith(":")


def annotate(blocks: list[Block]) -> list[Block]:
    p = patterns()
    # Per list depth: the lead-in for items at that depth.
    lead_by_depth: dict[int, Block] = {}
    example_section: tuple[str, ...] | None = None
    polarity_section: tuple[tuple[str, ...], str] | None = None
    prev: Block | None = None
    for block in blocks:
        if block.kind == HEADING:
            lead_by_depth.clear()
            example_section = block.section if any(rx.search(block.text) for rx in p["example_heading"]) else (
                example_section if example_section and block.section[: len(example_section)] == example_section
                and len(block.section) > len(example_section) else None)
            pol = polarity_of(block.text)
            if pol:
                polarity_section = (block.section, pol)
            elif polarity_section and not (block.section[: len(polarity_section[0])] == polarity_section[0]
                                           and len(block.section) > len(polarity_section[0])):
                polarity_section = None
            prev = block
            continue
        if block.kind == LIST_ITEM:
            if prev is not None and prev.kind != LIST_ITEM and _is_lead_in(prev):
                lead_by_depth = {block.depth: prev}
            elif prev is not None and prev.kind == LIST_ITEM and prev.depth < block.depth and _is_lead_in(prev):
                lead_by_depth[block.depth] = prev
            elif prev is not None and prev.kind not in (LIST_ITEM,):
                lead_by_depth = {}
            for d in [d for d in lead_by_depth if d > block.depth]:
                del lead_by_depth[d]
            lead = lead_by_depth.get(block.depth)
            if lead is not None:
                block.lead_in = lead.text.strip()
                block.polarity = polarity_of(lead.text) or lead.polarity
            elif block.depth > 0:
                # A nested item without its own lead-in inherits its parent's.
                parents = [b for d, b in lead_by_depth.items() if d < block.depth]
                if parents:
                    block.lead_in = parents[-1].text.strip()
                    block.polarity = polarity_of(parents[-1].text) or parents[-1].polarity
        if block.polarity is None and polarity_section and block.kind in (LIST_ITEM, PARAGRAPH, TABLE_ROW) \
                and block.section[: len(polarity_section[0])] == polarity_section[0]:
            block.polarity = polarity_section[1]
        if block.kind in (PARAGRAPH, LIST_ITEM, TABLE_ROW, NOTE):
            if example_section is not None and block.section[: len(example_section)] == example_section:
                block.meta["original_kind"] = block.kind
                block.kind = EXAMPLE
            elif is_example_text(block.text):
                block.meta["original_kind"] = block.kind
                block.kind = EXAMPLE
        prev = block
    return blocks


__all__ = ["annotate", "polarity_of", "is_example_text", "CODE", "QUOTE"]
