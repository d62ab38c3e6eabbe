"""AMB003: open-ended lists ("etc.", "including but not limited to", "such as" where a closed list is needed)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Finding, Rule, Span
from ..base import Check, CheckContext
from ..common.wording import allowed_words, config_list, data, find_phrases, is_checkable, phrase_pattern
from ..registry import register


def _decisive(rule: Rule) -> bool:
    """The rule decides a label, score or what is allowed, so its list must be closed."""
    od = data()["open_list"]
    if rule.kind in od["decisive_kinds"]:
        return True
    if rule.kind in ("rubric", "definition"):
        return False
    if rule.labels:
        return True
    words = set(re.findall(r"[a-z]+", rule.text.lower()))
    return bool(words & set(od["decisive_verbs"]))


@register
class OpenEndedList(Check):
    """A rule ends its list with "etc." or gives examples where raters need the complete list.

    What it does:
        Flags "etc.", "and so on", "including but not limited to", "among others" in any rule, and "such as",
        "e.g.", "for example", "like", "including" in rules that decide a label, a score or what is forbidden.

    Why is this bad:
        Raters must guess what else belongs to the list. Items the author had in mind but did not write are
        labeled differently by every rater.

    Example:
        Flag personal data (phone numbers, addresses, etc.) as PII.

    Use instead:
        Flag these as PII: phone numbers, postal addresses, email addresses, government ID numbers. Nothing else
        counts as PII.
    """

    code = "AMB003"
    name = "open-ended-list"
    category = "ambiguity"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        od = data()["open_list"]
        always = phrase_pattern(od["always"] + config_list(ctx, "open_list_phrases"))
        decisive = phrase_pattern(od["decisive"])
        allowed = allowed_words(ctx)
        for rule in ctx.rules:
            if not is_checkable(rule):
                continue
            hits = list(find_phrases(rule, always, allowed))
            if not hits and _decisive(rule):
                hits = [
                    m
                    for m in find_phrases(rule, decisive, allowed)
                    if not (
                        m.group(0).lower() == "like"
                        and not re.match(r"\s+(?:a|an|the|[a-z]+s\b|\w+,)", rule.text[m.end() :])
                    )
                ]
            if not hits:
                continue
            phrase = hits[0].group(0)
            yield ctx.finding(
                self,
                [rule],
                f"'{phrase}' leaves the list open: raters must guess what else is covered.",
                confidence=0.75,
                spans=[Span(rule.id, m.start(), m.end()) for m in hits],
                key=phrase.lower(),
                fix=f"Replace '{phrase}' with the complete list of what counts (and, if needed, what does not), "
                "or link to the section that lists it.",
            )
