"""AMB001: vague or subjective criteria with no definition in the deck."""

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

_DETERMINER = re.compile(r"^\s+(?:the|a|an|all|any|your|each|every|this|that|these|those|it|them)\b", re.I)
_NOUN_END = re.compile(
    r"^\s*(?:$|[.,;:!?)]|(?:and|or|is|are|was|were|in|under|who|whose|that|with|to|as|if|must|should|"
    r"may|can|will|would|has|have|had|does|did|the|a|an|from|by|for|on|at)\b)",
    re.I,
)


def vague_words() -> tuple[str, ...]:
    return tuple(sorted(data("vague")["words"], key=len, reverse=True))


def _is_defined(word: str, defined: set[str]) -> bool:
    """Defined directly, as part of a defined term ("harmful content"), or through its antonym."""
    base = re.sub(
        r"^(?:in|un|ir|im)(?=appropriate|reasonabl|relevant|clear|acceptabl|helpful|satisf|suitabl)", "", word
    )
    for term in defined:
        tokens = set(re.split(r"[\s/-]+", term))
        if word in (term,) or base == term or word in tokens or base in tokens:
            return True
    return False


@register
class VagueCriterion(Check):
    """A rule hinges on a subjective word the deck never defines.

    What it does:
        Flags words such as "appropriate", "reasonable", "high quality" or "harmful" in rules when the deck
        (its glossary, an inline "X means ..." definition, its label scale or the configured glossary) has no
        definition for them. Examples, quotes, code and definitions themselves are skipped.

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
        vd = data("vague")
        pattern = phrase_pattern(list(vague_words()) + [str(w) for w in ctx.config.vague_words])
        verbs, nouns = set(vd["verb_uses"]), set(vd["noun_uses"])
        loopholes = phrase_pattern(data()["loophole"]["phrases"] + config_list(ctx, "loophole_phrases"))
        reference = re.compile(
            r"\bthe\s+(?:most\s+)?(?:"
            + "|".join(vd["reference_words"])
            + r")\s+(?:"
            + "|".join(vd["reference_nouns"])
            + r")s?\b",
            re.I,
        )
        allowed = allowed_words(ctx)
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.kind == "definition":
                continue
            defined = ctx.deck(rule.path).defined_terms
            hits = []
            protected = label_spans(ctx, rule)
            protected += [x.span() for x in loopholes.finditer(rule.text)] if loopholes else []
            protected += [x.span() for x in reference.finditer(rule.text)]
            for m in find_phrases(rule, pattern, allowed):
                if overlaps(m, protected):
                    continue
                word = m.group(0).lower()
                after = rule.text[m.end() :]
                if _is_defined(word, defined) or defined_here(rule, m.end()):
                    continue
                if word in verbs and _DETERMINER.match(after):
                    continue
                if word in nouns and _NOUN_END.match(after):
                    continue
                hits.append(m)
            if not hits:
                continue
            words = list(dict.fromkeys(m.group(0) for m in hits))
            quoted = ", ".join(f"'{w}'" for w in words)
            yield ctx.finding(
                self,
                [rule],
                f"{quoted} {'is' if len(words) == 1 else 'are'} subjective and not defined in the guidelines; "
                "raters will read it differently.",
                confidence=0.7,
                spans=[Span(rule.id, m.start(), m.end()) for m in hits],
                key=",".join(w.lower() for w in words),
                fix=f"Define {quoted} in the glossary (what counts and what does not) or replace "
                f"{'it' if len(words) == 1 else 'them'} with concrete, checkable criteria.",
            )
