"""COV001 document without rules, COV002 section without rules."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import CODE, EXAMPLE, HEADING, QUOTE, Finding, Location
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
        exempt = tuple(t.lower() for t in cd["exempt_titles"])
        with_rules = {r.path for r in ctx.rules if not r.is_example}
        rule_sections: set[tuple[str, tuple[str, ...]]] = set()
        for r in ctx.rules:
            if not r.is_example:
                for n in range(1, len(r.section) + 1):
                    rule_sections.add((r.path, r.section[:n]))
        for doc in ctx.index.documents:
            if doc.path not in with_rules:
                continue  # COV001 covers the whole document
            # Label and glossary entries are definitions, not prose that lost its rule.
            inv = ctx.index.inventories.get(doc.path)
            entry_lines = {e.location.line for e in inv.entries} if inv is not None else set()
            entry_lines |= {g.location.line for g in ctx.index.glossaries.get(doc.path, {}).values()}
            headings = [b for b in doc.blocks if b.kind == HEADING]
            for h in headings:
                section = h.section if h.section and h.section[-1] == h.text else (*h.section, h.text)
                title = section[-1].strip().lower()
                if (doc.path, section) in rule_sections or title.startswith(exempt) or len(section) < 2:
                    continue
                if any(t.startswith(exempt) for t in (s.lower() for s in section[:-1])):
                    continue
                words = sum(
                    len(b.text.split())
                    for b in doc.blocks
                    if b.kind not in (HEADING, EXAMPLE, CODE, QUOTE)
                    and b.section[: len(section)] == section
                    and b.location.line not in entry_lines
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
