"""A worked example that gives a label and a score the rule about that label rules out (CON008).

"A listing that carries FEE-MISSING cannot score higher than 2 for quality" and an example whose verdict reads
"FEE-MISSING as primary, quality 3": the rule caps (or floors) the score of every item that carries the label; the
example carries it and scores outside. The example's words need not cover the rule's (the label is the whole
case), but the verdict must give the label and a score on the rule's scale ("quality 3" for a rule that names
quality), and the rule must name the label as the case, not as what the score leads to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..deck import same_project
from .claims import Claim, Interval
from .example_excuses import breaks
from .example_groups import example_groups, is_verdict
from .lexicon import scale_words
from .relate import Relation
from .text import as_read, name_at, quoted


@lru_cache(maxsize=1)
def _scale_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<scale>{scale_words()})s?\b", re.I)


def _cap(claim: Claim) -> tuple[str, frozenset[str], Interval] | None:
    """(the words before the score, scale words, allowed scores) of a rule that bounds a score: "A listing that
    carries FEE-MISSING cannot score higher than 2 for quality" -> ("A listing that carries FEE-MISSING", {score,
    quality}, at most 2)."""
    if claim.rule.is_example or claim.rule.kind == "rubric" or claim.score is None or claim.deontic != "O":
        return None
    if claim.score_span is None:
        return None
    scales = frozenset(m.group("scale").lower() for m in _scale_words().finditer(claim.text))
    return (claim.text[: claim.score_span[0]], scales, claim.score) if scales else None


def _named(label: str, text: str) -> bool:
    """A label written as one (capitalised, no number, no scale word: "score" in "Verdict: score 5" is none) that
    the text names."""
    if not label[:1].isupper() or label.replace(".", "").isdigit() or _scale_words().fullmatch(label):
        return False
    return name_at(text, label) is not None


def _given(
    example: list[Claim], case: str, scales: frozenset[str]
) -> tuple[Claim, str, str, float, tuple[int, int]] | None:
    """(verdict sentence, label, scale word, score, the score's characters) when an example's verdict gives a label
    the rule names as its case and a score on the rule's scale: "Verdict: FEE-MISSING as primary, quality 3", or
    the label's own score: "Profanity (2)"."""
    words = "|".join(map(re.escape, sorted(scales)))
    for f in example:
        label = next((lab for lab in f.rule.labels if _named(lab, f.text) and _named(lab, case)), None)
        if not is_verdict(f) or label is None:
            continue
        m = re.search(
            rf"\b(?P<s>{words})s?\s+(?:of\s+|at\s+)?(?P<n>\d{{1,2}})\b(?![.,]\d|\s*%)", f.text, re.I
        )
        if m is not None:
            return f, label, m.group("s"), float(m.group("n")), m.span("n")
        m = re.search(rf"(?<![\w-]){re.escape(label)}\s*\((?P<n>\d{{1,2}})\)", f.text)
        if m is not None:  # "Profanity (2)": the label's own score
            return f, label, sorted(scales)[0], float(m.group("n")), m.span("n")
    return None


def capped_example_relations(claims: list[Claim]) -> list[Relation]:
    """CON008 for an example that carries a label and a score the label's cap or floor rules out."""
    caps = [(c, cap) for c in claims if (cap := _cap(c))]
    if not caps:
        return []
    out = []
    for example in example_groups(claims):
        for rule, (case, scales, allowed) in caps:
            given = _given(example, case, scales)
            if given is None or not same_project(rule.rule, given[0].rule):
                continue
            verdict, label, scale, score, span = given
            if not Interval(score, score).disjoint(allowed):
                continue
            why = (
                f"The example {quoted(verdict.text)} gives {label} and {scale} {score:g}, but "
                f"{quoted(as_read(rule.rule))} allows {allowed.describe()} for an item that carries {label}."
            )
            out.append(breaks(rule, verdict, 0.85, why, rule.score_span, span))
    return out


__all__ = ["capped_example_relations"]
