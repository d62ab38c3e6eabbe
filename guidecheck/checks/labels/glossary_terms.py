"""LAB002: glossary terms that nothing in the deck uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...index.glossary import is_glossary_section, normal_term
from ...model import HEADING, Finding, Span
from ..base import Check, CheckContext
from ..common.deck import rules_by_path
from ..registry import register
from .common import rule_at


@register
class UnusedGlossaryTerm(Check):
    """A glossary term that no rule or passage of the deck uses.

    What it does:
        Lists terms defined in a Glossary / Definitions section that never appear anywhere else in the same
        deck (all files of its folder).

    Why is this bad:
        Unused definitions are usually left over from an older version, or the rules use another word for the
        same thing (so the definition silently does not apply).

    Example:
        Glossary: "Stale result: a page whose information is more than a year old."  (no rule mentions it)

    Use instead:
        Use the term in the rule it was written for ("Rate stale results 1"), or delete the definition.
    """

    code = "LAB002"
    name = "unused-glossary-term"
    category = "labels"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        by_path = rules_by_path(ctx.rules)
        docs = {d.path: d for d in ctx.index.documents}
        for doc in ctx.index.documents:
            glossary = ctx.index.glossaries.get(doc.path, {})
            entries = [g for g in glossary.values() if g.in_glossary]
            if not entries:
                continue
            members = [docs[p] for p in ctx.deck(doc.path).paths if p in docs]
            body = " ".join(
                normal_term(b.text)
                for d in members
                for b in d.blocks
                if not is_glossary_section(b.section)
                and not (b.kind == HEADING and is_glossary_section((*b.section, b.text)))
            )
            for g in entries:
                forms = _forms(normal_term(g.term))
                if any(re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", body) for f in forms):
                    continue
                rules = rule_at(by_path.get(doc.path, []), g.location.line)
                spans = []
                if rules:
                    i = rules[0].text.lower().find(g.term.lower())
                    spans = [Span(rules[0].id, i, i + len(g.term))] if i >= 0 else []
                yield ctx.finding(
                    self,
                    rules,
                    f"Glossary term '{g.term}' is never used outside the glossary.",
                    confidence=0.8,
                    spans=spans,
                    location=None if rules else g.location,
                    key=normal_term(g.term),
                    fix=f"Use '{g.term}' in the rules it was meant for, or delete the definition if it is obsolete.",
                )


def _forms(term: str) -> list[str]:
    """The term and its simple plural / singular, with and without hyphens."""
    forms = {term, term.replace("-", " ")}
    for f in list(forms):
        forms.add(f[:-1] if f.endswith("s") else f + "s")
        forms.add(f + "es")
        if f.endswith("y"):
            forms.add(f[:-1] + "ies")
    return sorted(forms)
