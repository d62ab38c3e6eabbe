"""How relations read and cite rules: quoted in their own words, as a rater reads them, with spans on the
clashing words; and the relative clause several readings share ("Deliverables that pass acceptance testing")."""

from __future__ import annotations

import re

from ....model import Rule, Span

# A relative clause narrows the thing a rule is about ("Deliverables that pass acceptance testing"): two such
# rules may be about different cases, which this reading cannot compare.
RELATIVE = re.compile(
    r"(?<!\bso )\b(?:that|which|who|whose)\s+(?:[\w'-]+\s+){0,3}?(?:is|are|was|were|has|have|had|do|does|did|can|cannot|could|will|would|may|might|must|should|[a-z]+(?:s|ed))\b",
    re.I,
)


# Where one item of a written list ends: "a quay, pier, mooring buoy or another vessel".
LIST_BREAK = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def quoted(text: str, limit: int = 160) -> str:
    """A rule quoted in its own words (long ones shortened in the middle)."""
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 40].rstrip() + " … " + t[-36:].lstrip()
    return f"“{t}”"


def as_read(rule: Rule) -> str:
    """The rule as a rater reads it: list items keep their lead-in ("Do not: include the date")."""
    if rule.lead_in and rule.lead_in.strip().lower() not in rule.text.lower():
        return f"{rule.lead_in.strip()} {rule.text}"
    return rule.text


def span_of(rule: Rule, s: tuple[int, int] | None) -> list[Span]:
    return [Span(rule.id, s[0], s[1])] if s and s[1] > s[0] else []


def name_at(text: str, name: str, flags: int = 0) -> re.Match[str] | None:
    """Where a name stands in a text as a whole: hyphens bind, so "PHOTO-MISMATCH" is no "MISMATCH"."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags)


def find_span(rule: Rule, needle: str) -> list[Span]:
    i = rule.text.lower().find(needle.lower()) if needle else -1
    return [Span(rule.id, i, i + len(needle))] if i >= 0 else []


# "For podcast episodes, ...", "In the kids' queue, ...", "With two reviewers, ...": a phrase before a comma that
# limits what follows to a case of its own.
_OPENING_CASE = re.compile(r"\b(?:for|in|on|with|within|under|during)\b(?P<case>[^,:;]{3,60}),", re.I)


def opening_case(text: str, anywhere: bool = False) -> str | None:
    """The case words of a phrase that opens a rule on a case ("For safety items, if ..." -> " safety items"); only
    at the very start unless ``anywhere`` (a tie-break's case may follow a lead-in: "Tie-breaks. For ..., ...")."""
    m = _OPENING_CASE.search(text) if anywhere else _OPENING_CASE.match(text.lstrip())
    return m.group("case") if m else None


# The reason given for a clause: "..., because it hides the trail for every user", "..., since badges are not
# refreshed when the authority file changes".
_REASON_GIVEN = re.compile(r",?\s+\b(?:because|since)\b", re.I)


def without_reason(clause: str) -> str:
    """The clause without the reason given for it: what the reason says (its "for", its "when") is no part of what
    the clause reserves, refuses or names."""
    return _REASON_GIVEN.split(clause, maxsplit=1)[0]
