"""Blocks -> the units a rule is built from: one sentence, or one whole block for rubric rows and glossary items.

A table row, a rubric line ("Score 1: Harmful. The response ...") or a glossary item ("Span: a contiguous ...")
is one rule however many sentences it has, because its label and its description belong together.
Parsing sees a same-length copy of the block text (prefixes such as "A:" blanked, soft line breaks as spaces),
so character offsets stay valid for highlighting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import CODE, HEADING, LIST_ITEM, NOTE, PARAGRAPH, QUOTE, TABLE_ROW, Block
from .lexicon import lexicon

SKIP_KINDS = frozenset({HEADING, CODE, QUOTE})
_SOFT_BREAK = re.compile(r"(?<![.!?:;])\n")


@dataclass
class Unit:
    """A piece of a block that may become one rule: [start, end) in the block text."""

    block: Block
    start: int
    end: int
    whole: str | None = None  # "table row" | "rubric line" | "glossary" when the block is one unit
    span: object = None  # the spaCy Span of the sentence (the first one for whole-block units)
    question: bool = False


def parse_text(block: Block) -> str:
    """Same-length copy of the block text that parses better: soft breaks -> spaces, 'Q:'/'A:'/'Note:', a typed
    step number, an absolute phrase (", Grade 1 included,") and a purpose clause ("so QA can find it") blanked;
    in a row with a rule column, every cell but the rule's."""
    text = _SOFT_BREAK.sub(" ", block.text)
    cell = rule_cell(block)
    if cell is not None:
        text = " " * cell[0] + text[cell[0] : cell[1]] + " " * (len(text) - cell[1])
    lex = lexicon()
    answers = _answer_word().finditer(text)
    prefixes = [
        *lex.faq_prefix.finditer(text),
        *lex.aside.finditer(text),
        *lex.step_number.finditer(text),
        *lex.absolute_aside.finditer(text),
        *lex.purpose_clause.finditer(text),
    ]
    for m in [*prefixes, *answers]:
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


@lru_cache(maxsize=1)
def _answer_word() -> re.Pattern[str]:
    return re.compile(lexicon().data["faq"]["answer_word"])


@lru_cache(maxsize=1)
def _rule_columns() -> frozenset[str]:
    return frozenset(lexicon().data["blocks"]["rule_columns"])


@lru_cache(maxsize=1)
def _rule_gloss() -> re.Pattern[str]:
    return re.compile(lexicon().data["blocks"]["rule_glosses"], re.I)


def rule_cell(block: Block) -> tuple[int, int] | None:
    """[start, end) in the block text of the cell that states a rule in prose, in a table whose first column names
    a topic ("Timer | The on-screen timer gives you 600 seconds per item ..."): a rule like any paragraph's, not a
    label's description, so it is read sentence by sentence."""
    if original_kind(block) != TABLE_ROW or len(block.cells) < 2 or not block.cells[0].strip():
        return None
    heads = [h.strip().lower() for h in block.header]
    column = next((i for i, h in enumerate(heads[1:], 1) if h in _rule_columns()), None)
    if column is None or column >= len(block.cells) or len(block.cells[column].split()) < 4:
        return None
    at = end = 0
    for cell in block.cells[: column + 1]:  # each cell after the one before it
        at = block.text.find(cell.strip(), end)
        if at < 0:
            return None
        end = at + len(cell.strip())
    return at, end


def original_kind(block: Block) -> str:
    return block.meta.get("original_kind", block.kind)


def whole_block(block: Block) -> str | None:
    """Why the block is a single unit, or None when it is split into sentences."""
    kind = original_kind(block)
    if kind == TABLE_ROW and block.cells:
        return None if rule_cell(block) else "table row"
    if kind not in (LIST_ITEM, PARAGRAPH, NOTE):
        return None
    text = block.text.strip()
    lex = lexicon()
    if lex.rubric_line.match(text):
        return "rubric line"
    if label_item(block) is not None:
        return "label definition"
    if kind == LIST_ITEM and (m := lex.glossary_item.match(text)) and not lex.faq_prefix.match(text):
        first = m.group("term").split()[0].lower()
        if first in lex.data["blocks"]["verdict_terms"] or _rule_gloss().match(m.group("desc")):
            return None  # "Verdict: ..." is no term; "Topic: you may skip ..." is an instruction
        return "glossary"
    return None


def label_item(block: Block):
    """The match of a label definition item ('[cough]\\nCough, sneeze.', 'Hate speech (HS): ...'), or None."""
    if original_kind(block) not in (LIST_ITEM, PARAGRAPH, NOTE):
        return None
    lex = lexicon()
    m = lex.label_item.match(block.text.strip())
    if m is None:
        return None
    first = m.group("term").strip("[]<> ").split()[0].lower() if m.group("term").strip("[]<> ") else ""
    not_terms = set(lex.data["blocks"]["glossary_not_terms"])
    if first in not_terms or m.group("term").lower().startswith(
        lex.prohibition_starts + lex.discouragement_starts
    ):
        return None
    return m


def rule_blocks(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind not in SKIP_KINDS and b.text.strip()]


def units_of(block: Block, parsed) -> list[Unit]:
    """The units of one parsed block; whole-block units keep the first sentence's parse."""
    from .sentence_span import sentences  # spaCy is loaded: the block was parsed

    out: list[Unit] = []
    whole = whole_block(block)
    sents = [s for s in sentences(parsed) if s.text.strip()]
    if not sents:
        return out
    lead = len(block.text) - len(block.text.lstrip())
    if whole == "label definition":
        # the label and the first sentence of its description are one definition; later sentences are rules
        desc_at = lead + label_item(block).start("desc")
        first = next((s for s in sents if s.end_char > desc_at), sents[-1])
        end = first.start_char + len(first.text.rstrip())
        out.append(Unit(block, lead, end, whole, sents[0]))
        sents = [s for s in sents if s.start_char >= end]
    elif whole:
        return [Unit(block, lead, len(block.text.rstrip()), whole, sents[0])]
    labels = _kept_labels(block.text)
    for group in _quote_groups(sents):
        first, last = group[0], group[-1]
        start = first.start_char + (len(first.text) - len(first.text.lstrip()))
        start = labels.get(start, start)  # "Output rules: respond with ...": the rule keeps its label
        end = last.start_char + len(last.text.rstrip())
        if start < end:
            out.append(Unit(block, start, end, None, first, last.text.rstrip().endswith("?")))
    return out


def _kept_labels(text: str) -> dict[int, int]:
    """Where a set-aside label ends -> where it starts, for labels kept in the rule's text: "Output rules:",
    "Legal note from Sam:" say who asks; a bare "Note:" or "Tip:" says nothing and is left out."""
    out = {}
    for m in lexicon().aside.finditer(text):
        label = m.group(0).strip()
        if " " in label.rstrip(":").strip():
            out[m.end()] = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return out


MAX_QUOTED_SENTENCES = 3


def _open_quote(sents) -> bool:
    text = "".join(s.text for s in sents)
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _quote_groups(sents) -> list[list]:
    """Sentences joined where the parser split inside a quotation ('End with: "Still stuck? We can help."' is one
    instruction, not two sentences); a quote still open after a few sentences is a stray mark, not a quotation."""
    groups: list[list] = []
    i = 0
    while i < len(sents):
        j = i + 1
        while j < len(sents) and j - i < MAX_QUOTED_SENTENCES and _open_quote(sents[i:j]):
            j += 1
        if _open_quote(sents[i:j]):
            j = i + 1
        elif j > i + 1:  # after a closing quote the sentence may go on: '... "So were we." before the list.'
            while j < len(sents) and sents[j].text.lstrip()[:1].islower():
                j += 1
        groups.append(sents[i:j])
        i = j
    return groups


def units(nlp, blocks: list[Block], batch_size: int = 256) -> list[Unit]:
    """One nlp.pipe pass over every block."""
    out: list[Unit] = []
    for block, parsed in zip(blocks, nlp.pipe((parse_text(b) for b in blocks), batch_size=batch_size)):
        out.extend(units_of(block, parsed))
    return out


__all__ = [
    "SKIP_KINDS",
    "Unit",
    "label_item",
    "original_kind",
    "parse_text",
    "rule_blocks",
    "units",
    "units_of",
    "whole_block",
]
