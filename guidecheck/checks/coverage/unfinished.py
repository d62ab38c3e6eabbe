"""COV003 reviewer notes left in the text, COV004 empty sections: signs that a guideline is not finished.

Both read the document's blocks, not its rules: a note like "(question: is the mass the trigger?)" sits in an
example or a table row, and an empty section has no text at all. Patterns live in ``data/ambiguity.toml``
([unfinished]).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ...model import CODE, HEADING, Block, Document, Finding
from ..base import Check, CheckContext
from ..common.wording import data
from ..registry import register

_PARENS = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=1)
def _note_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data()["unfinished"]["notes"]))


def draft_notes(doc: Document) -> Iterator[tuple[Block, str, str]]:
    """Each note the authors left for each other ("(question)", "TODO: ..."), with its block and the sentence it
    is attached to (a table row can hold several examples: the note belongs to the one before it)."""
    for block in doc.blocks:
        if block.kind == CODE:
            continue
        for m in _note_pattern().finditer(block.text):
            yield block, m.group().strip(), _attached_sentence(block.text, m.start(), m.end())


def _attached_sentence(text: str, start: int, end: int) -> str:
    """The text from the start of the sentence before the note up to the note's end (past other notes in
    parentheses: "It is ER positive. (carcinoma-> mass) (question: ...?)" belongs to "It is ER positive.")."""
    cut = start
    while cut > 0:
        before = text[:cut].rstrip()
        cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind(" | "), before.rfind("\n"), -1)
        if len(_PARENS.sub("", text[cut + 1 : start]).split()) >= 4:
            break
    return text[cut + 1 if cut >= 0 else 0 : end].strip(" .|\n")


def empty_sections(doc: Document) -> Iterator[tuple[Block, Block]]:
    """Headings with nothing under them: the next block is a heading of a higher level (the section ends before
    it says anything). A heading followed by one of its own level can introduce it ("### :source" "###
    :destination" share one example below), and headings without a level (PDF) are not read."""
    for heading, after in zip(doc.blocks, doc.blocks[1:]):
        if heading.kind != HEADING or after.kind != HEADING:
            continue
        level, next_level = heading.meta.get("level"), after.meta.get("level")
        if isinstance(level, int) and isinstance(next_level, int) and next_level < level:
            yield heading, after


@register
class UnresolvedNote(Check):
    """A note the authors left for each other is still in the text: "(question)", "TODO", "TBD", "FIXME".

    What it does:
        Reports blocks (rules, examples, table rows) that carry an authors' note: a parenthesised "(question)"
        or "(question: ...)", "(comment: ...)", or the words TODO, TBD, FIXME in capitals.

    Why is this bad:
        An example marked "(question)" tells annotators that even the authors did not agree on its answer; they
        copy it anyway, or each settles it differently.

    Example:
        This was discontinued at the time of diagnosis. (question)

    Use instead:
        Settle the question and give the example its answer, or take the example out until it is settled.
    """

    code = "COV003"
    name = "unresolved-note"
    category = "coverage"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for doc in ctx.index.documents:
            for block, note, sentence in draft_notes(doc):
                yield ctx.finding(
                    self,
                    [],
                    f"A note for the authors is still in the text: '{note}' (\"{sentence}\").",
                    confidence=0.9,
                    location=block.location,
                    key=f"{note}|{sentence}",
                    fix="Resolve the note and state the answer, or remove the passage until it is resolved.",
                )


@register
class EmptySection(Check):
    """A section heading with nothing under it.

    What it does:
        Reports a heading directly followed by a heading of a higher level, so that the section ends before it
        says anything ("### Permissible evidence for X" then "## Footnotes"). Headings read from PDFs (no
        level) and a heading directly followed by one of its own level are not reported.

    Why is this bad:
        The table of contents and cross-references send annotators to a section that promises guidance ("the
        evidence that allows X") and holds none; they fall back on their own idea of it.

    Example:
        ### Permissible evidence for UNCERTAIN
        ## Footnotes

    Use instead:
        Write the section, or remove the heading and every reference to it.
    """

    code = "COV004"
    name = "empty-section"
    category = "coverage"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for doc in ctx.index.documents:
            for heading, after in empty_sections(doc):
                yield ctx.finding(
                    self,
                    [],
                    f"Section '{heading.text}' is empty: the next thing in the document is the heading "
                    f"'{after.text}'.",
                    confidence=0.9,
                    location=heading.location,
                    key=heading.text,
                    fix="Write the section's guidance, or remove the heading and the references to it.",
                )
