"""One thing labelled by two rules, whatever their words.

"Professional certifications, for example "AWS Certified Solutions Architect", are labeled EDU_SPAN rather than
SKILL" and "Certifications are tagged as SKILL" label one thing two ways. Neither has a condition, so the usual
test of a shared case (the two conditions) says nothing, and their words differ in the examples and the verb. The
thing is what stands before "is labelled / tagged / marked": the same words, or one a kind of the other, with no
clause that picks some of them out.
"""

from __future__ import annotations

import re

from .claims import Claim
from .lexicon import content

# Verbs that give a thing its label: two rules that label one thing with no case of their own label it alike.
_LABELLING = frozenset(
    {"label", "tag", "mark", "classifi", "classify", "cod", "code", "annotat", "categoriz", "categoris"}
)


def labelled_alike(fa: Claim, fb: Claim) -> bool:
    """Both rules label one thing in no case of their own: the thing named before "is labelled" (less its quoted
    examples) the same, or one a kind of the other ("Professional certifications" / "Certifications"), with no
    clause that picks some out ("A sarcastic post whose literal words are positive")."""
    if fa.condition_text or fb.condition_text or fa.action not in _LABELLING or fb.action not in _LABELLING:
        return False
    things = [_LABELLED.match(f.text) for f in (fa, fb)]
    if not all(things) or any(_PICKS_OUT.search(m.group("x")) for m in things):
        return False
    a, b = (content(_EXAMPLES.sub(" ", m.group("x"))) for m in things)
    return (
        bool(a and b)
        and (a <= b or b <= a)
        and content(fa.rule.object or "") == content(fb.rule.object or "")
    )


_LABELLED = re.compile(
    r"^\s*(?P<x>[^.;:]{2,120}?)\s+(?:is|are)\s+(?:always\s+)?(?:labell?ed|tagged|marked|classified|coded|annotated|"
    r"categori[sz]ed)\b",
    re.I,
)
_PICKS_OUT = re.compile(
    r"\b(?:whose|that|which|who|where|with|without|carrying|containing|showing|when|if)\b", re.I
)
_EXAMPLES = re.compile(r",?\s*(?:for\s+example|e\.g\.|such\s+as)\b[^,]*,?|\"[^\"]*\"|“[^”]*”|\([^)]*\)", re.I)


__all__ = ["labelled_alike"]
