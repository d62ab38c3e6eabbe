"""The forms in which a rule refuses to excuse a case, for ``denied_exception`` (CON016), which reads the exception
and the refusal as a pair: a case given the task like any other, a passive refusal ("may not be skipped"), a thing
named with the word that makes it the case ("a blurred image"), and a refusal that opens with the case ("Even when
C, never skip X"; "No; even when C, you must not skip it"; "even with C, X is never skipped"). Blind refusals
opened with the case as often as they ended with it; until round 44 the case was looked for after the refusal only.
"""

from __future__ import annotations

import re


def conceded_before(text: str, at: int) -> re.Match[str] | None:
    """The concession that opens the clause of a refusal at ``at``, ahead of it: "A: No; even when a figure is
    outside your declared expertise, you must not skip it", "...: even when the figure ID begins with "S", never
    skip the word-count check"."""
    start = max(text.rfind(";", 0, at), text.rfind(":", 0, at)) + 1
    m = _CONCESSION_FIRST.match(text, start)
    return m if m is not None and m.end() <= at else None


_CONCESSION_FIRST = re.compile(
    r"\s*(?:(?:no|yes)[,;.]?\s+)?(?P<case>even\s+(?:if|when|though|where|for|with|on|in|during|at)\b[^,;:]*),\s+",
    re.I,
)


def refused_after_concession(text: str, refusal: re.Match[str], conceded: re.Match[str]) -> tuple[str, str]:
    """(what is refused, the conceded case): the thing is what the refusal names after it ("never skip the
    word-count check"), the subject before it ("the escalation step for a Critical finding is never skipped") or,
    for a pronoun ("you must not skip it"), the item the concession is about ("a figure")."""
    after = re.split(r"[,;.]", text[refusal.end() :], maxsplit=1)[0].strip()
    before = text[conceded.end() : refusal.start()]
    if _PRONOUN.fullmatch(after) is None and after:
        thing = after
    elif _PASSIVE.search(refusal.group(0)) and (subject := _PASSIVE_SUBJECT.match(before)) is not None:
        thing = subject.group(1)
    else:
        item = _CONCEDED_ITEM.search(conceded.group("case"))
        thing = item.group(1) if item is not None else ""
    return f"{refusal.group(0)} {thing}".strip(), conceded.group("case")


CONCESSION_AT_START = re.compile(r"(?:[A-Z]:\s+)?" + _CONCESSION_FIRST.pattern, re.I)
_PRONOUN = re.compile(r"(?:it|them|this|these|those|that|one|so)", re.I)
_PASSIVE = re.compile(r"(?:ed|\bleft\s+\w+)$", re.I)
_PASSIVE_SUBJECT = re.compile(r"^\s*((?:[\w'’-]+\s+){1,8}?)(?:is|are|may|must|can|should)\b", re.I)
_CONCEDED_ITEM = re.compile(r"^even\s+\w+\s+(?:an?|the|this|that|these|those|such|your)\s+([a-z-]+)", re.I)


def clause_before(text: str, at: int) -> str:
    """The clause a refused case at ``at`` belongs to, up to the case: "Feedback on images appears in the tab, and it
    is worth reading even when your batch passes" requires the reading, not the images."""
    before = text[:at]
    cuts = list(_CLAUSE_CUT.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


_CLAUSE_CUT = re.compile(r",\s+(?:and|but|so)\s+", re.I)


# A case given the task as every other item is ("Spanish-language listings are rated like any other listing",
# "Bot-flagged accounts: their edits are reviewed in the same way as human edits"): skipping it is refused. The case
# is the subject (of the sentence or of a clause after a heading, "Section 8 (Skips) Spanish-language listings are
# ..."); its last word is the item.
LIKE_ANY_OTHER = re.compile(
    r"(?:^\s*|(?<=[:;)])\s+)(?:[\w-]+(?:\s+[\w-]+){0,3}:\s+)?(?P<case>(?:[\w'’-]+\s+){0,6}?(?P<head>[a-z]+))\s+(?:is|are)\s+"
    r"(?:still\s+|also\s+)?(?:rated|scored|labell?ed|annotated|reviewed|transcribed|tagged|coded|keyed|judged|"
    r"treated|handled|graded|checked)\s+(?:(?:and|or)\s+[a-z]+ed\s+)?(?:exactly\s+|just\s+)?"
    r"(?:like\s+(?:any|every|all)\s+other|(?:in\s+)?the\s+same\s+way\s+as)\b",
    re.I,
)


# A thing of a kind that may not be skipped, the kind named before it: "Non-English messages may not be skipped".
PASSIVE_REFUSAL = re.compile(
    r"^\s*(?P<case>(?:[\w'’-]+\s+){1,4}?)(?P<head>[a-z]+)\s+(?:may|must|can|should|are|is)\s+(?:not|never)\s+"
    r"(?:be\s+)?(?:skipped|omitted|left\s+out|passed\s+over)\b",
    re.I,
)

# A thing whose omission is refused in the passive, with no word of a case before it: "Redaction is never skipped".
SUBJECT_REFUSED = re.compile(
    r"^\s*(?P<thing>(?:[\w'’-]+\s+){0,2}?[a-z]+)\s+(?:may|must|can|should|are|is)\s+(?:not|never)\s+(?:be\s+)?"
    r"(?:skipped|omitted|left\s+out|passed\s+over)\b",
    re.I,
)


# An order to skip items of a kind, named by what follows the item ("Skip any chat that is not in English", "Skip
# any listing written mostly in Spanish"), and a skip ordered after another act ("..., then skip it").
SKIP_WHICH = re.compile(
    r"^\s*(?:[\w-]+:\s+)?skip\s+(?:any|every|each|all)\s+[a-z]+\s+(?:that|which|who|written|recorded|in|with|from)\b",
    re.I,
)
THEN_SKIP = re.compile(r"(?:,|\band|\bthen)\s+(?:press\s+|click\s+|hit\s+)?skip\b", re.I)


# A prohibition of an act for a case it names ("Do not tick Occluded for shadows", "Don't press Hazard Alert for
# propane cylinders"): `c` is the case, after the act's object ("should not ask for an order number" asks for a thing),
# and not a case denied ("for not knowing the balance"); and the case a relative clause names in an order with no condition ("Tick
# Sensitive on any clip in which a player is visibly injured").
FOR_CASE = re.compile(
    r"\b(?:do\s+not|don't|don’t|never|must\s+not|should\s+not)\s+[a-z]+\s+(?:[\w'’/-]+\s+){1,4}?(?:for|on)\s+"
    r"(?!not\b|no\b|never\b|without\b)(?P<c>(?:an?\s+|the\s+)?[^,;:.]{3,100})",
    re.I,
)
_RELATIVE_CASE = re.compile(
    r"\b(?:on|for|to)\s+(?:any|every|each|an?|the)\s+[\w-]+\s+(?:in\s+which|where|that|which|whose)\s+(?P<c>[^,;:.]{3,100})",
    re.I,
)


def relative_case(text: str) -> str:
    """The case a relative clause names in an order with no condition ("on any clip in which a player is visibly
    injured"), or ""."""
    m = _RELATIVE_CASE.search(text)
    return m.group("c") if m else ""


# The thing after a refused omission, when a word before its noun says which ("a blurred image", "a dark clip").
MODIFIED_THING = re.compile(
    r"\s+(?:an?|the|any)\s+(?P<mod>[a-z-]+)\s+(?P<head>[a-z]+)\b(?=\s*(?:[,:;.]|$))", re.I
)
NOT_A_NOUN = re.compile(r"^(?:outright|again|anyway|altogether|entirely|completely|\w+ly)$", re.I)


__all__ = [
    "CONCESSION_AT_START",
    "FOR_CASE",
    "LIKE_ANY_OTHER",
    "MODIFIED_THING",
    "NOT_A_NOUN",
    "PASSIVE_REFUSAL",
    "SKIP_WHICH",
    "SUBJECT_REFUSED",
    "THEN_SKIP",
    "clause_before",
    "conceded_before",
    "refused_after_concession",
    "relative_case",
]
