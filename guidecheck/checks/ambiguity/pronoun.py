"""AMB007: a rule that opens with a pronoun ("It", "This", "They") whose referent is outside the rule."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.wording import allowed_words, data, is_checkable
from ..registry import register


@register
class UnclearPronoun(Check):
    """A rule starts with "It", "This" or "They" and never says what that is.

    What it does:
        Flags rules whose first word is a pronoun used as the subject ("This must be escalated", "They should
        be rated 2"), unless it is an expletive ("It is important to ...") or the rule inherits a list lead-in.

    Why is this bad:
        Rules are read out of order: searched, quoted in reviews, shown alone in tools. Detached from the
        sentence before it, "This must be escalated" does not say what must be escalated.

    Example:
        Some pages show a paywall. This should be rated 1.

    Use instead:
        Rate pages that show a paywall 1.
    """

    code = "AMB007"
    name = "unclear-pronoun"
    category = "ambiguity"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        pd = data()["pronoun"]
        pronouns = "|".join(re.escape(p) for p in pd["pronouns"])
        verbs = "|".join(re.escape(v) for v in sorted(pd["verbs"], key=len, reverse=True))
        head = re.compile(r"^\W*(" + pronouns + r")(?:\s+(?:" + verbs + r")\b|'s\b|'ll\b)", re.I)
        expletive = [re.compile(p, re.I) for p in pd["expletive"]]
        allowed = allowed_words(ctx)
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.lead_in or rule.kind == "rubric":
                continue
            m = head.match(rule.text)
            if not m or m.group(1).lower() in allowed or m.group(1)[0].islower():
                # lower case: a clause split off a longer sentence, whose referent is in that sentence
                continue
            lower = rule.text.lstrip(" \"'*_").lower()
            if any(rx.search(lower) for rx in expletive):
                continue
            word = m.group(1)
            yield ctx.finding(
                self,
                [rule],
                f"The rule starts with '{word}', whose referent is not in the rule; read on its own it does not "
                "say what it applies to.",
                confidence=0.7,
                spans=[Span(rule.id, m.start(1), m.end(1))],
                key=word.lower(),
                fix=f"Replace '{word}' with the thing it stands for (\"Pages with a paywall must be rated 1\"), "
                "so the rule can be read on its own.",
            )
