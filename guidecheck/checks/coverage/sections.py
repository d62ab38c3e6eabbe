"""COV001 document without rules, COV002 section without rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...index.label_forms import forms, heading_words, is_title_line
from ...model import CODE, EXAMPLE, HEADING, QUOTE, Block, Document, Finding, Location
from ..base import Check, CheckContext
from ..common.wording import data
from ..registry import register


@register
class DocumentWithoutRules(Check):
    """A guideline document in which no rule was found.

    What it does:
        Reports readable documents with text but not a single instruction, obligation, prohibition or rubric
        line.

    Why is this bad:
        Either the document is not guidance (and should not be in the deck), or its guidance is written as
        narrative that raters read differently ("Good raters tend to ...").

    Example:
        A page of background about the product and its users, with no instructions.

    Use instead:
        State the instructions explicitly ("Rate ...", "Do not ...", "Use label X when ..."), or move the
        document out of the guideline deck.
    """

    code = "COV001"
    name = "document-without-rules"
    category = "coverage"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        with_rules = {r.path for r in ctx.rules if not r.is_example}
        for doc in ctx.index.documents:
            if doc.status == "error" or not doc.blocks or doc.path in with_rules:
                continue
            if not any(b.kind not in (HEADING,) and b.text.strip() for b in doc.blocks):
                continue
            first = doc.blocks[0].location
            yield ctx.finding(
                self,
                [],
                f"No rules were found in this document ({doc.words} words).",
                confidence=0.9,
                location=Location(doc.path, first.line, page=first.page, slide=first.slide),
                key=doc.path,
                fix='Write its guidance as explicit instructions ("Rate ...", "Do not ...", '
                '"Use <label> when ...") or exclude it from the checked deck.',
            )


@register
class SectionWithoutRules(Check):
    """A section with substantial prose and no rule in it or its subsections.

    What it does:
        Reports headed sections with at least ``min_words`` words of prose (data/ambiguity.toml) whose blocks
        yield no rule, except sections that are expected to have none (Overview, Background, Glossary, ...).

    Why is this bad:
        Guidance hidden in narrative ("Reviewers have noticed that ...") is applied by some raters and not
        others; a section with no rule may also be a rule that was lost in an edit.

    Example:
        ## Handling sarcasm
        Sarcasm is common in product reviews and raters have found it hard ...  (no instruction follows)

    Use instead:
        End the section with the rule it is leading to: "Label sarcastic praise as Negative."
    """

    code = "COV002"
    name = "section-without-rules"
    category = "coverage"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        cd = data()["coverage"]
        with_rules = {r.path for r in ctx.rules if not r.is_example}
        # A worked example under a heading is guidance too: the section is not prose that lost its rule.
        rule_sections = {(r.path, r.section[:n]) for r in ctx.rules for n in range(1, len(r.section) + 1)}
        for doc in ctx.index.documents:
            if doc.path not in with_rules:
                continue  # COV001 covers the whole document
            defined = _definition_lines(ctx, doc)
            for h in (b for b in doc.blocks if b.kind == HEADING):
                section = h.section if h.section and h.section[-1] == h.text else (*h.section, h.text)
                if (doc.path, section) in rule_sections or _expected_without_rules(section, cd):
                    continue
                blocks = [b for b in doc.blocks if b.section[: len(section)] == section]
                if _defines_labels(section[-1], blocks, defined):
                    continue
                words = sum(
                    len(b.text.split())
                    for b in blocks
                    if b.kind not in (HEADING, EXAMPLE, CODE, QUOTE) and b.location.line not in defined
                )
                if words < int(cd["min_words"]):
                    continue
                yield ctx.finding(
                    self,
                    [],
                    f"Section '{section[-1]}' has {words} words of prose but no rule.",
                    confidence=0.6,
                    location=h.location,
                    key=doc.path + "|" + " > ".join(section),
                    fix=f"State what raters must do in '{section[-1]}' as explicit instructions, or move the "
                    "text to an Overview/Background section.",
                )


def _definition_lines(ctx: CheckContext, doc: Document) -> set[int | None]:
    """Lines of label and glossary entries: definitions, not prose that lost its rule."""
    inv = ctx.index.inventories.get(doc.path)
    lines = {e.location.line for e in inv.entries} if inv is not None else set()
    lines |= {loc.line for loc in inv.named.values()} if inv is not None else set()
    lines |= {g.location.line for g in ctx.index.glossaries.get(doc.path, {}).values()}
    return lines - {None}


def _expected_without_rules(section: tuple[str, ...], cd: dict) -> bool:
    """Top-level titles, Overview/Background-like sections and their subsections, and titles that are rules."""
    exempt = tuple(t.lower() for t in cd["exempt_titles"])
    title = heading_words(section[-1])
    if len(section) < 2 or any(s.strip().lower().startswith(exempt) for s in section):
        return True
    if " ".join(title).startswith(exempt):
        return True  # "3.2 Definition" once its number is gone
    text = " ".join(title)
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in cd["rule_title_words"])


def _defines_labels(title: str, blocks: list[Block], defined: set[int | None]) -> bool:
    """A section whose title is a label ("DATE", "Category: Medication", "Wh-Question <qw>", "Negative
    Polarity (NEG)") or whose text defines one: the text under a label's heading is its definition."""
    title = forms()["numbering"].sub("", title.strip())
    if re.fullmatch(r"[A-Z][A-Z0-9]+(?:[_/-][A-Z0-9]+)*", title) or re.search(r"\([A-Z]{2,}\)|<\w+>", title):
        return True
    if ":" in title and len(title.split(":", 1)[1].split()) <= 4:
        return True
    cues = [re.compile(p, re.I) for p in data()["coverage"]["definition_cues"]]
    body = [b for b in blocks if not is_title_line(b)]  # a title names its section; it defines nothing
    return any(b.location.line in defined or any(rx.search(b.text) for rx in cues) for b in body)
