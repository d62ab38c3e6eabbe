"""TERM001: one concept named several ways ("Not sure" / "Unsure")."""

from __future__ import annotations

from collections.abc import Iterable

from ...index.glossary import normal_term
from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.terms import Term, find_variants, score_aliases
from ..registry import register
from .spellings import spelling_variants, word_order_variants


def _places(term: Term) -> str:
    places = [loc.label() for loc, _, _ in term.defined_at] + [r.location.label() for r, _, _ in term.uses]
    return ", ".join(dict.fromkeys(places))


@register
class TerminologyVariant(Check):
    """One label or term is written several ways across the deck.

    What it does:
        Compares the labels and glossary terms a deck defines with the labels its rules assign, by string
        similarity and sentence embeddings, and reports forms that name the same option differently
        ("Unsure" where the scale defines "Not sure", "Slightly Relevent" for "Slightly Relevant"), with the places of each form.
        Opposites (Safe / Unsafe), graded options (Relevant / Somewhat Relevant) and one word's forms (Severity /
        severe, AP / APs) are never variants. Label codes written with other joiners or a plural S anywhere in the
        deck (BEFORE/OVERLAP and BEFORE-OVERLAP) are reported against their most frequent spelling, and a quoted
        label with a defined label's words in another order ("HS implicit" for Implicit HS) against the defined one. A rule that
        spells a defined label with other hyphens or spaces ("[side speech]" for "[side-speech]") is LAB001's.

    Why is this bad:
        Raters look for the option the rule names and do not find it, or think two names are two options; tools
        that match labels by name silently drop the variant.

    Example:
        | Not sure | The item cannot be judged from the text shown. |
        ...
        If the speaker cannot be identified, select "Unsure".

    Use instead:
        If the speaker cannot be identified, select "Not sure".
    """

    code = "TERM001"
    name = "terminology-variant"
    category = "terminology"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for deck in ctx.decks.values():
            path, rules = deck.first_path, deck.rules
            found = find_variants(ctx, path, rules) + score_aliases(ctx, path, rules)
            for v in found + spelling_variants(ctx, deck) + word_order_variants(ctx, deck):
                rules = [r for r, _, _ in v.variant.uses][:1]
                spans = [Span(r.id, s, e) for r, s, e in v.variant.uses[:1]]
                location = None if rules else v.variant.defined_at[0][0]
                yield ctx.finding(
                    self,
                    rules,
                    f"'{v.variant.display}' ({_places(v.variant)}) "
                    + ("is another spelling of " if v.spelling else "looks like another name for ")
                    + f"'{v.canonical.display}' ({_places(v.canonical)}).",
                    confidence=round(min(0.95, v.similarity), 3),
                    spans=spans,
                    location=location,
                    key=f"{normal_term(v.variant.display)}|{normal_term(v.canonical.display)}",
                    fix=f"Use one name: replace '{v.variant.display}' with '{v.canonical.display}' everywhere "
                    f"(or define '{v.variant.display}' as a separate option if it is one).",
                )
