"""CON012: rules that each say what to do "when in doubt", and say different things.

A default for doubt ("If in doubt, pick the lower of the two grades") is a tie-breaker for every hard case the
rater meets. Two of them that assign different things ("When unsure, always tag Repetition") cannot both be
followed by a rater who is simply in doubt, because neither says what the doubt is about. A default whose doubt is
named ("If in doubt about the PERSON/ROLE distinction, default to PERSON") answers one question and is left out,
and so is advice that assigns nothing ("When in doubt, think of the reader"). The deck's defaults are reported
once, together. Words and patterns: ``data/contradictions.toml`` ([doubt_defaults]).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Finding, Rule
from ..base import Check, CheckContext
from ..common.relations.doubt import doubt_default, same_default
from ..common.relations.lexicon import content, jaccard
from ..registry import register

SHOWN = 6  # defaults quoted in the message; all of them are the finding's rules


def distinct_defaults(rules: list[Rule]) -> list[tuple[Rule, str]]:
    """The deck's doubt defaults, one per thing they say (a repeated default counts once, at its first place)."""
    kept: list[tuple[Rule, str, frozenset[str]]] = []
    for rule in rules:
        said = doubt_default(rule)
        if said is None:
            continue
        words = content(said)
        if all(jaccard(words, other) < same_default() for _, _, other in kept):
            kept.append((rule, said, words))
    return [(rule, said) for rule, said, _ in kept]


@register
class DoubtDefaultConflict(Check):
    """Two rules say what to do "when in doubt", and each says something else.

    What it does:
        Collects the rules of a deck that give a default for doubt ("If in doubt, ...", "When unsure, ...",
        "If stuck, ...") without saying what the doubt is about, and that assign something (a label, a
        category, skipping). When two or more of them assign different things, it reports them once, together.
        A default scoped to one question ("If in doubt about the PERSON/ROLE distinction, default to PERSON") and
        advice that assigns nothing ("When in doubt, think of the reader") are left out.

    Why is this bad:
        A default for doubt is what raters fall back on in exactly the cases where they disagree. With two
        defaults, the hard cases split between them, and agreement is lowest where the deck meant to fix it.

    Example:
        If in doubt, pick the lower of the two grades.
        ...
        When unsure, always tag Repetition.

    Use instead:
        Name the doubt each default settles ("When unsure whether a repeated phrase is a Repetition or a
        Correction, tag Repetition"), or keep one default for the whole deck.
    """

    code = "CON012"
    name = "doubt-default-conflict"
    category = "contradiction"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for deck in ctx.decks.values():
            found = distinct_defaults(deck.rules)
            if len(found) < 2:
                continue
            quoted = "; ".join(f"“{r.text.strip()}” ({r.location.label()})" for r, _ in found[:SHOWN])
            more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
            yield ctx.finding(
                self,
                [r for r, _ in found],
                f"{len(found)} rules say what to do when in doubt, each something else: {quoted}{more}. A rater "
                "who is in doubt cannot tell which default applies.",
                confidence=0.7,
                fix="Say what each default's doubt is about, or keep one default for the whole deck.",
            )
