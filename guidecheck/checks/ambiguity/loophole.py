"""AMB002: escape clauses that let each rater decide whether a rule applies."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.wording import allowed_words, config_list, data, find_phrases, is_checkable, phrase_pattern
from ..registry import register


def _fix(phrase: str) -> str:
    low = phrase.lower()
    if "judg" in low or "common sense" in low or "discretion" in low or "see fit" in low or "you feel" in low:
        return (
            "Replace the appeal to judgment with the deciding criteria, or a tie-break rule "
            '("when the query has two readings, rate for the most common one").'
        )
    return (
        f"Replace '{phrase}' with the exact condition under which the rule does not apply, "
        'and say what raters do then ("unless the page does not load; then rate 0").'
    )


@register
class Loophole(Check):
    """A rule contains an escape clause such as "if possible" or "use your best judgment".

    What it does:
        Flags loophole phrases ("if possible", "as needed", "where appropriate", "use your best judgment",
        "use common sense", "at your discretion") in rules, outside quotes and examples.

    Why is this bad:
        The phrase moves the decision back to each rater: one applies the rule, another decides it was not
        "possible" or "needed", and both followed the guidelines.

    Example:
        Include the source URL in your comment if possible.

    Use instead:
        Include the source URL in your comment. If the page has no URL (e.g. an app screen), write "no URL".
    """

    code = "AMB002"
    name = "loophole"
    category = "ambiguity"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        pattern = phrase_pattern(data()["loophole"]["phrases"] + config_list(ctx, "loophole_phrases"))
        allowed = allowed_words(ctx)
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.kind == "definition":
                continue
            hits = list(find_phrases(rule, pattern, allowed))
            if not hits:
                continue
            phrase = hits[0].group(0)
            yield ctx.finding(
                self,
                [rule],
                f"'{phrase}' is an escape clause: whether the rule applies is left to each rater.",
                confidence=0.8,
                spans=[Span(rule.id, m.start(), m.end()) for m in hits],
                key=phrase.lower(),
                fix=_fix(phrase),
            )
