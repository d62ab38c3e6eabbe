"""One case that is two things at once, settled two ways (CON005): "When one span is both a minor's identity detail
and a medical detail, label it R1" against "For a span that is both a minor's identifying detail and a medical
detail, use R4"; "When a page is both protected and a biography of a living person, BLP handling takes priority"
against "Pages that are protected and also biographies of living people: the protected-page procedure has priority".

Such a rule names its case by two members ("both A and B", "A and also B", "A and B come in the same message") and
settles it with one outcome: a label code, or the name that "takes priority". The two rules are seldom embedding
neighbours and their frames differ (one "labels", one "uses"), so every rule of a deck is read for the form. Two
rules whose members meet pairwise (each member shares a content word with one of the other's) and whose outcomes
differ leave the rater two answers for one case. Members that do not meet ("a collision and debris" / "a collision
and a stalled vehicle") are two cases. The words are data (``data/contradictions.toml`` [dual_cases]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....model import Span
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import scan_pairs
from .lexicon import content, data
from .relate import Relation
from .text import as_read, quoted


class _Words(NamedTuple):
    members: tuple[re.Pattern[str], ...]
    outcomes: tuple[re.Pattern[str], ...]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["dual_cases"]
    return _Words(
        tuple(re.compile(p, re.I) for p in d["members"]),
        tuple(re.compile(p) for p in d["outcomes"]),
        frozenset(content(" ".join(d["generic"]))),
    )


class Dual(NamedTuple):
    """A rule's two-member case and the outcome it gives it."""

    claim: Claim
    members: tuple[frozenset[str], frozenset[str]]
    outcome: str
    span: tuple[int, int]  # the outcome's characters in the rule


# The case clause ends at the first clause break; the outcome follows it.
_BREAK = re.compile(r"[,:;]\s|\s[—–-]\s")


def read_dual(claim: Claim) -> Dual | None:
    """A rule's two-member case and the outcome it settles it with, or None."""
    text = unquoted(claim.text)
    w = _words()
    brk = _BREAK.search(text)
    if brk is None:
        return None
    m = next((m for rx in w.members if (m := rx.search(text[: brk.start()]))), None)
    if m is None:
        return None
    a, b = (content(m.group(g)) - w.generic for g in ("a", "b"))
    if not (a and b):
        return None
    tail = text[brk.end() :]  # searched on its own: an outcome pattern may be anchored at the tail's start
    for rx in w.outcomes:
        if (o := rx.search(tail)) is not None:
            start, end = o.span("out")
            return Dual(claim, (a, b), o.group("out"), (brk.end() + start, brk.end() + end))
    return None


def _meet(x: tuple[frozenset[str], frozenset[str]], y: tuple[frozenset[str], frozenset[str]]) -> bool:
    (a, b), (c, d) = x, y
    return bool((a & c and b & d) or (a & d and b & c))


def _name(outcome: str) -> frozenset[str]:
    return frozenset(content(outcome.lower().replace("-", " "))) or frozenset({outcome.lower()})


def _conflict(x: Dual, y: Dual) -> Conflict | None:
    if not _meet(x.members, y.members) or _name(x.outcome) & _name(y.outcome):
        return None
    a, b = (x, y) if x.claim.rule.id < y.claim.rule.id else (y, x)
    why = (
        f"{quoted(as_read(a.claim.rule))} settles a case that is two things at once with “{a.outcome}”, but "
        f"{quoted(as_read(b.claim.rule))} settles the same case with “{b.outcome}”."
    )
    spans = [Span(r.claim.rule.id, *r.span) for r in (a, b)]
    return Conflict("CON005", 0.85, why, spans, False, categorical=True)


def dual_case_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 for every two rules of one project that settle one two-member case with different outcomes."""
    return scan_pairs(claims, read_dual, _conflict)


__all__ = ["dual_case_relations", "read_dual"]
