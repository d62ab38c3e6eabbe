"""Deontic flip: the same action on the same object is required in one rule and forbidden in another."""
from __future__ import annotations

from typing import Iterable

from ...model import Finding, Rule
from ..base import Check, CheckContext
from ..registry import register

POSITIVE = {"obligation", "permission", "recommendation"}
NEGATIVE = {"prohibition", "discouragement"}
# Rules with different objects must be at least this similar to be read as about the same thing.
SAME_TOPIC = 0.72


def _polarity(rule: Rule) -> str | None:
    if rule.kind in POSITIVE:
        return "positive"
    if rule.kind in NEGATIVE:
        return "negative"
    return None


@register
class DeonticFlip(Check):
    """Two rules require and forbid the same action.

    What it does:
        Finds pairs of rules with the same action and object where one is an obligation or permission and the
        other a prohibition, including items whose polarity comes from a "Do:" / "Don't:" list.

    Why is this bad:
        A rater cannot follow both. Whichever rule they happen to read last decides their label, so two raters
        with the same item disagree and reviewers reject work that followed the deck.

    Example:
        Always include the determiner in the entity span.
        ...
        Never include determiners in entity spans.

    Use instead:
        Keep one rule, or scope one of them with an explicit condition or exception
        ("Include the determiner, except in product names").
    """

    code = "CON001"
    name = "deontic-flip"
    category = "contradiction"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        rules = ctx.rules
        for pair in ctx.index.pairs:
            a, b = rules[pair.a], rules[pair.b]
            if a.is_example or b.is_example or a.exceptions or b.exceptions:
                continue
            pa, pb = _polarity(a), _polarity(b)
            if not pa or not pb or pa == pb:
                continue
            if not a.action or a.action != b.action:
                continue
            same_object = a.object and a.object == b.object
            if not same_object and pair.similarity < SAME_TOPIC:
                continue
            if sorted(a.conditions) != sorted(b.conditions):
                continue
            pos, neg = (a, b) if pa == "positive" else (b, a)
            confidence = min(0.99, 0.6 + 0.4 * pair.similarity)
            yield ctx.finding(
                self, [a, b],
                f"'{pos.text}' ({pos.kind}) conflicts with '{neg.text}' ({neg.kind}): "
                f"the same action '{a.action}' on '{a.object or b.object or 'it'}' is both required and forbidden.",
                confidence=confidence,
            )
