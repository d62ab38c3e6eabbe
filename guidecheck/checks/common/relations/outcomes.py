"""The outcomes a rule gives: the labels and scores it assigns, with their place in its text.

Numbers that name a part of the document ("Section 8"), the ends of a scale ("from 1 to 5"), other measures
("10 or 20 words"), labels the rule turns down ("rather than SKILL") and labels that only describe the case the
rule gives its outcome to ("Grade 4 is only for proofs in which every step is rated Valid") are no outcomes.
"""

from __future__ import annotations

import re

from ....model import Rule
from ....rules.other_numbers import other_number
from .lexicon import lexicon

_REFERENCE = re.compile(
    r"\b(?:sections?|steps?|tables?|pages?|figures?|fig\.|chapters?|parts?|appendix|items?|questions?|rules?|"
    r"slides?|rows?|columns?|lines?|paragraphs?|examples?|tasks?|versions?|phases?|rounds?|weeks?|days?|hours?|"
    r"minutes?)\s*(?:no\.\s*|#\s*)?$",
    re.I,
)


_SCALE_END = re.compile(r"\bfrom\s+\d+\s*(?:to|-|–)\s*$", re.I)


def rule_outcomes(rule: Rule, text: str) -> list[tuple[str, tuple[int, int]]]:
    """Labels the rule assigns, with their position: numbers and names, never quoted example text."""
    out: list[tuple[str, tuple[int, int]]] = []
    for rx in lexicon().usage + lexicon().bounds + lexicon().names:
        for m in rx.finditer(text):
            v = m.group("v")
            if v.isdigit() and _REFERENCE.search(text[: m.start("v")]):
                continue  # "using the rubric in Section 8": a number that names a part of the document
            if v.isdigit() and _SCALE_END.search(text[max(0, m.start("v") - 16) : m.start("v")]):
                continue  # "a score from 1 to 5": the end of the scale, not a score the rule gives
            if v.isdigit() and other_number(text, m.start("v"), m.end("v")):
                continue  # "for being 10 or 20 words outside the range", "points 6 to 8"
            if _REFUSED_LABEL.search(text[max(0, m.start("v") - 16) : m.start("v")]):
                continue  # "labeled EDU_SPAN rather than SKILL": the label it does not get
            if not any(v.lower() == o[0].lower() for o in out):
                out.append((v, m.span("v")))
    low = text.lower()
    for label in rule.labels:
        lab = label.strip()
        if not lab or len(lab.split()) > 4 or any(lab.lower() == o[0].lower() for o in out):
            continue
        i = text.rfind(lab)
        i = i if i >= 0 else low.rfind(lab.lower())
        if i >= 0 and not _REFUSED_LABEL.search(text[max(0, i - 16) : i]):
            out.append((lab, (i, i + len(lab))))
    # "Loose" inside "Loose debris": the longer name read at the same place is the label
    out = [(v, sp) for v, sp in out if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for _, o in out)]
    return _given_first(out, text)


# What opens the case a rule's outcome is given to: "Grade 4 is only for proofs in which every step is rated Valid",
# "A proof earns Grade 3 when it contains at most one Invalid step".
_CASE_OPENER = re.compile(r"\b(?:in\s+which|when|whenever|if|where|whose|unless|that|which|who)\b", re.I)


def _given_first(out: list[tuple[str, tuple[int, int]]], text: str) -> list[tuple[str, tuple[int, int]]]:
    """The outcomes a rule gives, without the labels that only describe the case it gives the first one to: a label
    after that outcome and a word that opens a case ("in which every step is rated Valid") is the case's."""
    if len(out) < 2:
        return out
    first = min(span[0] for _, span in out)
    first_end = min((span for _, span in out), key=lambda s: s[0])[1]
    return [
        (v, span) for v, span in out if span[0] == first or not _CASE_OPENER.search(text[first_end : span[0]])
    ]


# Words right before a label that refuse it: "rather than SKILL", "instead of Complaint", "not as Spam".
_REFUSED_LABEL = re.compile(
    r"\b(?:rather\s+than|instead\s+of|(?:and|but)\s+not|not\s+as|never\s+as)\s+(?:an?\s+|the\s+)?$", re.I
)


__all__ = ["rule_outcomes"]
