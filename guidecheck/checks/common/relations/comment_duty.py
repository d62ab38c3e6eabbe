"""A written comment one rule requires for a case and another rule leaves out for it (CON001).

"Every COLLISION and NEAR_MISS tag must include a comment describing what was hit" and "You don't need to write a
comment on COLLISION or NEAR_MISS tags" cannot both be followed; nor can "Write a short rationale for every score of
1 or 2" and "For a 2, leave the rationale box empty", or "Every S3 box must carry a box-level comment" and "The
box-level comment field must be left empty". Decks ask for comments in the procedure and take the request back in
a FAQ or an update, often far apart and in other words, so the whole deck is read for them. Each rule that requires
or waives a comment (a justification, a rationale, the notes field) is read into the cases it names: labels and
codes ("COLLISION", "Unsure"), and score points ("a 2", "scores of 3 and above", "3 or below"); a rule that names no
case holds for every item, except those it names after "unless". Two rules whose cases meet, one requiring and one
waiving, conflict. Two stated in one section are one rule and its exception. Patterns are data
(``data/contradictions.toml``, [comment_duty]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..deck import same_project
from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation, stated_together, unless_updated
from .text import as_read, quoted, span_of


@dataclass(frozen=True)
class CommentDuty:
    """What one rule says of a written comment: required or waived, for which cases."""

    claim: Claim
    required: bool
    span: tuple[int, int]  # the words that require or waive it
    names: frozenset[str]  # labels and codes of the case ("COLLISION", "Unsure"), lower case
    scores: frozenset[int]  # score points of the case
    unless: frozenset[str]  # names of the cases a general rule leaves out ("unless you've assigned Unsafe")

    @property
    def general(self) -> bool:
        return not self.names and not self.scores


@dataclass(frozen=True)
class _Words:
    required: tuple[re.Pattern[str], ...]
    waived: tuple[re.Pattern[str], ...]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["comment_duty"]
    field = d["field"]

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p.replace("FIELD", field), re.I) for p in patterns)

    return _Words(compile_all(d["required"]), compile_all(d["waived"]), frozenset(d["not_names"]))


# A name of a case: a code ("NEAR_MISS", "S3") or a capitalised word inside the sentence ("Unsure").
_NAME = re.compile(r"\b[A-Z][A-Z0-9_]+\b|(?<=[\w,;:)]\s)[A-Z][a-z]+\b")
# A duty for every item: "for every item", "always", "each ... needs".
_EVERY = re.compile(r"\b(?:every|each|all|always|any)\b(?![^.;]{0,30}\b(?:required|needed)\b)", re.I)
_UNLESS = re.compile(r"\b(?:unless|except)\b[^.;]*", re.I)
# Score points: "a 2", "at 5", "scores of 1 or 2", "score 3 or below", "every score below 4", "3 and above".
_POINT = re.compile(
    r"\b(?:scores?|scored|rated|ratings?|an?|at|for)\s+(?:of\s+)?(?P<a>[1-9])(?:\s*(?:or|and|,)\s*(?P<b>[1-9]))?"
    r"(?:\s+(?P<dir>or\s+(?:below|lower|less|under|above|higher|more)|and\s+(?:below|lower|above|higher|up)))?\b"
    r"|\b(?:scores?|ratings?)\s+(?P<cmp>below|under|above|over)\s+(?P<c>[1-9])\b",
    re.I,
)
_SCALE = range(1, 6)


def _scores(text: str) -> frozenset[int]:
    out: set[int] = set()
    for m in _POINT.finditer(text):
        if m.group("c"):
            c = int(m.group("c"))
            out.update(
                v for v in _SCALE if (v < c if m.group("cmp").lower() in ("below", "under") else v > c)
            )
            continue
        a, b, way = int(m.group("a")), m.group("b"), (m.group("dir") or "").lower()
        if way:
            down = any(w in way for w in ("below", "lower", "less", "under"))
            out.update(v for v in _SCALE if (v <= a if down else v >= a))
        out.add(a)
        if b:
            out.add(int(b))
    return frozenset(out)


def _names(text: str) -> frozenset[str]:
    skip = _words().not_names
    return frozenset(n.lower() for n in _NAME.findall(text) if n.lower() not in skip)


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[bool, tuple[int, int]] | None:
    """(required, span) of the one duty a sentence states; None when it states none or both."""
    w = _words()
    req = next((m for rx in w.required if (m := rx.search(text))), None)
    wav = next((m for rx in w.waived if (m := rx.search(text))), None)
    if (req is None) == (wav is None):
        return None
    m = req or wav
    return req is not None, m.span()


def read_comment_duty(claim: Claim) -> CommentDuty | None:
    """The comment duty a rule states, or None."""
    text = unquoted(claim.text)
    found = _read(text)
    if found is None:
        return None
    required, span = found
    unless = _UNLESS.search(text)
    case = text[: unless.start()] if unless else text
    names, scores = _names(case), _scores(case)
    if required and not names and not scores and not _EVERY.search(case):
        return (
            None  # "Write your comment", "Add comments where they are required": a step, not a duty for all
        )
    return CommentDuty(
        claim,
        required,
        span,
        names,
        scores,
        _names(unless.group(0)) if unless else frozenset(),
    )


def _meet(a: CommentDuty, b: CommentDuty) -> bool:
    """The two rules hold for one case: they name it alike, or one names none and does not leave it out."""
    if a.general or b.general:
        general, other = (a, b) if a.general else (b, a)
        return other.general or not (other.names and other.names <= general.unless)
    return bool(a.names & b.names or a.scores & b.scores)


def _conflict(x: CommentDuty, y: CommentDuty) -> Conflict | None:
    if x.required == y.required or not _meet(x, y):
        return None
    a, b = x.claim.rule, y.claim.rule
    if not same_project(a, b) or stated_together(a, b):
        return None  # one section: a rule and its exception
    need, waive = (x, y) if x.required else (y, x)
    why = (
        f"{quoted(as_read(need.claim.rule))} requires a written comment that {quoted(as_read(waive.claim.rule))} "
        "leaves out for the same case."
    )
    spans = span_of(need.claim.rule, need.span) + span_of(waive.claim.rule, waive.span)
    return Conflict("CON001", 0.85, why, spans, False, categorical=True)


def comment_duty_relations(claims: list[Claim]) -> list[Relation]:
    """CON001 (REL002 when one side says it is an update) for every two rules of one project, one requiring a
    written comment for a case and the other waiving it. An "unless" was read into the cases already, so it does
    not explain the pair away."""
    duties = [
        d
        for c in claims
        if not is_example_material(c) and c.deontic is not None and c.rule.kind != "rubric"
        for d in (read_comment_duty(c),)
        if d is not None
    ]
    out = []
    for x, y in combinations(duties, 2):
        found = _conflict(x, y)
        if found is not None:
            a, b = (x.claim, y.claim) if x.claim.rule.id < y.claim.rule.id else (y.claim, x.claim)
            out.append(unless_updated("CON001", a, b, found.confidence, found.explanation, found.spans))
    return out


__all__ = ["CommentDuty", "comment_duty_relations", "read_comment_duty"]
