"""Meaning carried by layout, shared by every reader.

- A list item inherits the sentence that introduces its list ("Do not:") and that lead-in's polarity; nested items
  inherit their parent item's lead-in.
- "Do"/"Don't" headings set the polarity of everything under them; "Dos"/"Don'ts" labels (a paragraph that is only
  the label) set it for the paragraphs and list that follow, up to the next heading or label.
- Blocks under an "Example" heading, items under a "For example:" lead-in, and blocks starting "Example:", "e.g.",
  "Response:", or a quoted model answer become examples: checked against rules later, never rules themselves.
- A table whose header cells are all Do/Don't labels is read as lists: one item per cell, with that polarity.
A paragraph that starts with a bullet glyph the writer typed ("• ...") is a list item without the glyph. Speaker-note bullets (NOTE blocks marked ``list``) take part in lead-ins like list items. A block that introduces
others gets ``meta["is_lead_in"] = True`` so the rules stage can tell "Do not:" (no rule of its own) from its items.
Patterns live in ``data/structure.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import CODE, EXAMPLE, HEADING, LIST_ITEM, NOTE, PARAGRAPH, QUOTE, TABLE_ROW, Block

_DECORATION = re.compile(r"^[\s*_#>•\-–]+|[\s*_]+$")


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[re.Pattern[str]]]:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/structure.toml").read_text("utf-8"))
    return {
        "negative": [re.compile(p, re.I) for p in data["lead_in"]["negative"]],
        "positive": [re.compile(p, re.I) for p in data["lead_in"]["positive"]],
        "label": [re.compile(p, re.I) for p in data["lead_in"]["label"]],
        "example_heading": [re.compile(p, re.I) for p in data["example"]["heading"]],
        "example_prefix": [re.compile(p, re.I) for p in data["example"]["prefix"]],
        "example_lead_in": [re.compile(p, re.I) for p in data["example"]["lead_in"]],
        "example_lead_end": [re.compile(p, re.I) for p in data["example"]["lead_end"]],
        "example_verdict": [re.compile(p, re.I) for p in data["example"]["verdict"]],
        "typed_bullet": [re.compile(data["list"]["typed_bullet"])],
    }


# A section number before a heading's words: "8. Worked examples", "4.2 Don'ts", "B) Examples".
# "8.", "5.3", "B)", and an entry code "A5." or "E-3"
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-H][.)]|[A-Z]{1,3}-?\d+(?:\.\d+)*[.)]?)\s+")


def _bare(text: str) -> str:
    """The words of a heading or label without decoration or section number ("## 8. Worked examples")."""
    return _SECTION_NUMBER.sub("", _DECORATION.sub("", text.strip()))


def polarity_of(text: str) -> str | None:
    """'negative' for Don't-style lead-ins and headings, 'positive' for Do-style ones, else None."""
    t = _bare(text)
    if len(t) > 80:
        return None
    p = patterns()
    if any(rx.search(t) for rx in p["negative"]):
        return "negative"
    if any(rx.search(t) for rx in p["positive"]):
        return "positive"
    return None


def is_label(text: str) -> bool:
    """'Dos', "Don'ts:", 'Avoid' on their own: a polarity label rather than a sentence."""
    return any(rx.search(_bare(text)) for rx in patterns()["label"])


def is_example_text(text: str) -> bool:
    return any(rx.search(text.strip()) for rx in patterns()["example_prefix"])


def _is_example_lead_in(text: str) -> bool:
    return ends_with_example_lead(text) or any(
        rx.search(_bare(text) + (":" if text.rstrip().endswith(":") else ""))
        for rx in patterns()["example_lead_in"]
    )


def ends_with_example_lead(text: str) -> bool:
    """'..., for example:' / 'Consider:' at the end of a block: the next block is example material."""
    return any(rx.search(text.strip()) for rx in patterns()["example_lead_end"])


def _listy(block: Block) -> bool:
    kind = block.meta.get("original_kind", block.kind)  # an item turned example is still part of its list
    return kind == LIST_ITEM or (kind == NOTE and bool(block.meta.get("list")))


def _is_lead_in(block: Block) -> bool:
    kind = block.meta.get("original_kind", block.kind)
    return kind in (PARAGRAPH, LIST_ITEM, NOTE) and (
        block.text.rstrip().endswith(":") or is_label(block.text)
    )


def _under(section: tuple[str, ...], parent: tuple[str, ...]) -> bool:
    return len(section) >= len(parent) and section[: len(parent)] == parent


@dataclass
class _State:
    """What the blocks read so far say about the next one."""

    example_section: tuple[str, ...] | None = None
    polarity_section: tuple[tuple[str, ...], str] | None = None
    label: str | None = None  # polarity of the current "Dos"/"Don'ts" label
    label_text: str | None = None
    label_list_seen: bool = False
    top_list: str | None = None  # list id of the current top-level list
    example_next: bool = False  # the previous block ended "For example:"; this one illustrates


def _heading(block: Block, state: _State) -> None:
    p = patterns()
    if any(rx.search(_bare(block.text)) for rx in p["example_heading"]):
        state.example_section = block.section
    elif state.example_section is not None and not (
        _under(block.section, state.example_section) and len(block.section) > len(state.example_section)
    ):
        state.example_section = None
    pol = polarity_of(block.text)
    if pol:
        state.polarity_section = (block.section, pol)
    elif state.polarity_section and not (
        _under(block.section, state.polarity_section[0])
        and len(block.section) > len(state.polarity_section[0])
    ):
        state.polarity_section = None
    state.label = state.label_text = None


def _inherit_lead_in(
    block: Block, prev: Block | None, leads: dict[int, Block], new_list: bool
) -> dict[int, Block]:
    """Per list depth, the block that introduces items at that depth; returns the updated map.

    ``new_list``: a different list starts right after the previous one (bullets, then a numbered list); it does not
    inherit the first list's lead-in."""
    if new_list:
        leads = {}
    elif prev is not None and not _listy(prev) and _is_lead_in(prev):
        leads = {block.depth: prev}
    elif prev is not None and _listy(prev) and prev.depth < block.depth and _is_lead_in(prev):
        leads[block.depth] = prev
    elif prev is not None and not _listy(prev):
        leads = {}
    for d in [d for d in leads if d > block.depth]:
        del leads[d]
    lead = leads.get(block.depth)
    if lead is None and block.depth > 0:
        parents = [b for d, b in sorted(leads.items()) if d < block.depth]
        lead = parents[-1] if parents else None
    if lead is not None and "table_column" not in block.meta:  # a Do/Don't column label wins
        lead.meta["is_lead_in"] = True  # "Do not:" itself states no rule; its items do
        # which lead-in: the same wording may introduce a Do list and a Don't list
        lead.meta.setdefault("lead_seq", f"{lead.location.label()}#{lead.text.strip()}#{lead.polarity}")
        block.meta["item_of"] = lead.meta["lead_seq"]
        block.lead_in = lead.text.strip()
        block.polarity = polarity_of(lead.text) or lead.polarity
        if _is_example_lead_in(lead.text) or (lead.kind == EXAMPLE and lead.meta.get("example_lead_in")):
            block.meta["example_lead_in"] = True
    return leads


def _to_example(block: Block) -> None:
    block.meta["original_kind"] = block.kind
    block.kind = EXAMPLE


def _split_polarity_tables(blocks: list[Block]) -> list[Block]:
    """A "Do | Don't" table is two lists side by side: each cell becomes a list item under its column's label."""
    out: list[Block] = []
    for block in blocks:
        polarities = (
            [polarity_of(h) for h in block.header] if block.kind == TABLE_ROW and block.header else []
        )
        if polarities and all(polarities):
            for head, cell, pol in zip(block.header, block.cells, polarities):
                if cell.strip():
                    out.append(
                        replace(
                            block,
                            text=cell.strip(),
                            kind=LIST_ITEM,
                            header=(),
                            cells=(),
                            lead_in=head,
                            polarity=pol,
                            meta={**block.meta, "table_column": head},
                        )
                    )
        else:
            out.append(block)
    return out


def _list_item(block: Block, prev: Block | None, state: _State, leads: dict[int, Block]) -> dict[int, Block]:
    """A list item inherits its lead-in; a new list right after another one starts afresh."""
    new_list = (
        block.depth == 0
        and prev is not None
        and _listy(prev)
        and state.top_list is not None
        and block.meta.get("list_id", state.top_list) != state.top_list
    )
    if new_list:
        state.label = state.label_text = None
    leads = _inherit_lead_in(block, prev, leads, new_list)
    if block.depth == 0:
        state.top_list = block.meta.get("list_id")
    state.label_list_seen = state.label_list_seen or state.label is not None
    return leads


def _polarity(block: Block, state: _State) -> None:
    """A "Dos"/"Don'ts" label or a Do/Don't section gives its polarity to the blocks under it."""
    if block.kind in (PARAGRAPH, NOTE) and not _listy(block) and is_label(block.text):
        state.label, state.label_text, state.label_list_seen = (
            polarity_of(block.text),
            block.text.strip(),
            False,
        )
        block.meta["is_lead_in"] = True
    elif block.polarity is None and state.label is not None and block.kind in (LIST_ITEM, PARAGRAPH, NOTE):
        block.polarity = state.label
        block.lead_in = block.lead_in or state.label_text
    if (
        block.polarity is None
        and state.polarity_section
        and block.kind in (LIST_ITEM, PARAGRAPH, TABLE_ROW, NOTE)
        and _under(block.section, state.polarity_section[0])
    ):
        block.polarity = state.polarity_section[1]


def _example(block: Block, prev: Block | None, state: _State) -> None:
    """Blocks under an Example heading, after "For example:", quoted model answers and "Example: ..." blocks."""
    after_lead = (
        state.example_next and block.kind in (PARAGRAPH, TABLE_ROW, NOTE, QUOTE) and not _listy(block)
    )
    state.example_next = (after_lead and block.kind == TABLE_ROW) or (
        block.kind != HEADING and ends_with_example_lead(block.text)
    )
    if block.kind not in (PARAGRAPH, LIST_ITEM, TABLE_ROW, NOTE, QUOTE):
        return
    in_example_section = state.example_section is not None and _under(block.section, state.example_section)
    quoted_answer = (
        block.kind == QUOTE
        and prev is not None
        and (prev.kind == EXAMPLE or is_example_text(prev.text) or _is_example_lead_in(prev.text))
    )
    verdict = (
        prev is not None
        and prev.kind == EXAMPLE
        and any(rx.search(block.text.strip()) for rx in patterns()["example_verdict"])
    )
    if (
        in_example_section
        or after_lead
        or block.meta.get("example_lead_in")
        or quoted_answer
        or verdict
        or is_example_text(block.text)
    ):
        _to_example(block)


def _typed_bullets(blocks: list[Block]) -> list[Block]:
    """A paragraph that starts with a bullet glyph the writer typed is a list item, without the glyph."""
    typed = patterns()["typed_bullet"][0]
    out = []
    for block in blocks:
        m = typed.match(block.text) if block.kind in (PARAGRAPH, LIST_ITEM) else None
        if m is None:
            out.append(block)
        else:
            out.append(replace(block, text=block.text[m.end() :], kind=LIST_ITEM))
    return out


def annotate(blocks: list[Block]) -> list[Block]:
    """Lead-ins, polarity and example status of every block, in reading order."""
    blocks = _typed_bullets(_split_polarity_tables(blocks))
    state = _State()
    leads: dict[int, Block] = {}
    prev: Block | None = None
    for block in blocks:
        if block.kind == HEADING:
            leads = {}
            _heading(block, state)
            state.example_next = False
            prev = block
            continue
        if _listy(block):
            leads = _list_item(block, prev, state, leads)
        elif state.label is not None and (state.label_list_seen or block.kind not in (PARAGRAPH, NOTE)):
            state.label = state.label_text = None  # the list under the label has ended
        _polarity(block, state)
        _example(block, prev, state)
        prev = block
    return blocks


__all__ = ["CODE", "QUOTE", "annotate", "is_example_text", "is_label", "polarity_of"]
