"""Vague or subjective criteria with no definition in the deck."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ...model import Finding, Span
from ..base import Check, CheckContext
from ..registry import register


@lru_cache(maxsize=1)
def vague_words() -> tuple[str, ...]:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/vague.toml").read_text("utf-8"))
    return tuple(sorted(data["words"], key=len, reverse=True))


@register
class VagueCriterion(Check):
    """A rule hinges on a subjective word the deck never defines.

    What it does:
        Flags words such as "appropriate", "reasonable", "high quality" or "harmful" in rules when the deck
        (or the configured glossary) has no definition for them.

    Why is this bad:
        Each rater fills in their own meaning, so the same response is rated differently by different people
        and agreement drops.

    Example:
        Rate the response 1 if it contains inappropriate content.

    Use instead:
        Define the word where the rule uses it, or list what counts: "contains slurs, sexual content or
        instructions for violence".
    """

    code = "AMB001"
    name = "vague-criterion"
    category = "ambiguity"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        words = list(vague_words()) + [w.lower() for w in ctx.config.vague_words]
        defined = {w.lower() for w in ctx.config.glossary}
        for rule in ctx.rules:
            if rule.kind == "definition" and rule.object:
                defined.add(rule.object.lower())
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        for rule in ctx.rules:
            if rule.is_example or rule.kind in ("definition", "rubric"):
                continue
            for m in pattern.finditer(rule.text):
                word = m.group(1).lower()
                if word in defined:
                    continue
                yield ctx.finding(
                    self, [rule],
                    f"'{m.group(1)}' is subjective and not defined in the guidelines; raters will read it differently.",
                    confidence=0.7, spans=[Span(rule.id, m.start(), m.end())], key=word,
                    fix=f"Define '{m.group(1)}' (what counts and what does not) or replace it with concrete criteria.",
                )
                break
