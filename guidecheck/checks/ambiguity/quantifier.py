"""AMB006: vague quantifiers and frequency words in rules ("some", "several", "usually")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.wording import (
    allowed_words,
    config_list,
    data,
    defined_here,
    find_phrases,
    is_checkable,
    label_spans,
    overlaps,
    phrase_pattern,
)
from ..registry import register

_PREV_WORD = re.compile(r"([A-Za-z]+)\s*$")


def _instruction_start(rule) -> int:
    """Where the instruction starts in "Some calls are in two languages; transcribe each as spoken": the statement
    before it describes the material (extracted as 'imperative after a statement'), so it sets no threshold."""
    if rule.evidence != "imperative after a statement":
        return 0
    cut = max(rule.text.rfind(";"), rule.text.rfind(", so "), rule.text.rfind(", then "))
    return cut + 1 if cut >= 0 else 0


@register
class VagueQuantifier(Check):
    """A rule depends on a vague amount or frequency ("some", "several", "most", "usually").

    What it does:
        Flags vague quantifiers and frequency adverbs in rules, skipping precise uses ("how many", "at most 3",
        "the most recent"), quotes and examples.

    Why is this bad:
        "Several errors" is two errors to one rater and five to another; "usually" leaves open when the rule
        does not apply. Scores then depend on who rated the item.

    Example:
        Rate the summary 2 if it contains several factual errors.

    Use instead:
        Rate the summary 2 if it contains two or more factual errors.
    """

    code = "AMB006"
    name = "vague-quantifier"
    category = "ambiguity"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        qd = data()["quantifier"]
        pattern = phrase_pattern(qd["words"] + config_list(ctx, "vague_quantifiers"))
        skip_before = set(qd["skip_before"])
        allowed = allowed_words(ctx)
        people = set(data()["modality"]["person_subjects"])
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.kind == "definition":
                continue
            if (
                rule.kind == "permission"
                and re.search(r"\bcan\b", rule.text, re.I)
                and (rule.actor or "").lower() not in people
            ):
                continue  # "Most posts can be labeled in a minute": what is possible, not a threshold raters apply
            hits = []
            protected = label_spans(ctx, rule)
            after = _instruction_start(rule)
            for m in find_phrases(rule, pattern, allowed):
                if overlaps(m, protected) or m.start() < after:
                    continue
                word = m.group(0).lower()
                prev = _PREV_WORD.search(rule.text[: m.start()])
                if (
                    prev
                    and prev.group(1).lower() in skip_before
                    and word.split()[0] in ("many", "most", "few", "much")
                ):
                    continue
                if re.match(r"\s*(?:\d|one|two|three|four|five)\b", rule.text[m.end() :], re.I) and word in (
                    "some",
                ):
                    continue
                if defined_here(rule, m.end()) and rule.text[m.end() :].lstrip().startswith("("):
                    continue
                hits.append(m)
            if not hits:
                continue
            words = list(dict.fromkeys(m.group(0) for m in hits))
            quoted = ", ".join(f"'{w}'" for w in words)
            yield ctx.finding(
                self,
                [rule],
                f"{quoted} is a vague amount or frequency: raters will draw the line in different places.",
                confidence=0.65,
                spans=[Span(rule.id, m.start(), m.end()) for m in hits],
                key=",".join(w.lower() for w in words),
                fix=f'Replace {quoted} with a number or a threshold ("two or more", "more than half", '
                '"in every case except ...").',
            )
