"""One verdict's cutoff stated twice with different numbers (CON004): "Anything under 0.2 minutes is too short to
contain the full phrase" against "A consent recording shorter than 8 seconds is too short to assess".

A sentence that puts a number on "too short", "too small" or "too long" says where that verdict begins. Two such
sentences about the same thing, on the same side (both "under"), with different numbers once the units are one
(12 s / 8 s) leave the recordings in between too short by one rule and long enough by the other. Neither sentence
limits a value (the numeric frame's shape) nor gives a label a threshold in words ("gets the Too Long flag"), so
neither reading meets them. The same number in other units ("8 seconds" / "0.13 minutes") is one cutoff; two
things ("clips" / "photos") are two. Words are data (``data/contradictions.toml``, [cutoffs]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....model import Quantity, Span
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted

_BELOW = frozenset({"<", "<="})
_ABOVE = frozenset({">", ">="})


class Cutoff(NamedTuple):
    claim: Claim
    verdict: str  # "too short"
    side: str  # "below" or "above"
    quantity: Quantity
    thing: frozenset[str]  # content words of what is measured, generic words left out


class _Words(NamedTuple):
    verdict: re.Pattern[str]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["cutoffs"]
    return _Words(re.compile(d["verdict"], re.I), frozenset(content(" ".join(d["generic"]))))


def cutoff(claim: Claim) -> Cutoff | None:
    """The cutoff a rule states: one bounded number in a clause that then calls what it bounds "too X"."""
    text = unquoted(claim.text)
    for q in claim.rule.quantities:
        if q.comparator not in _BELOW | _ABOVE or not q.text or q.text not in text:
            continue
        start = text.index(q.text)
        clause = re.split(r"[;:]|\.\s", text[start:], maxsplit=1)[0]
        m = _words().verdict.search(clause, len(q.text))
        if m is None:
            continue
        before = re.split(r"[;:,]|\.\s", text[:start])[-1]
        side = "below" if q.comparator in _BELOW else "above"
        return Cutoff(claim, m.group("v").lower(), side, q, content(before) - _words().generic)
    return None


def _same_number(a: Quantity, b: Quantity) -> bool:
    """One number, within the rounding a unit change brings ("0.13 minutes" for 8 seconds)."""
    return abs(a.value - b.value) <= 0.05 * max(abs(a.value), abs(b.value))


def _conflict(x: Cutoff, y: Cutoff) -> Conflict | None:
    if (x.verdict, x.side) != (y.verdict, y.side) or x.claim.rule.id == y.claim.rule.id:
        return None
    if (x.quantity.attribute, x.quantity.unit) != (y.quantity.attribute, y.quantity.unit):
        return None
    if _same_number(x.quantity, y.quantity) or (x.thing and y.thing and not x.thing & y.thing):
        return None
    a, b = (x, y) if x.claim.rule.id < y.claim.rule.id else (y, x)
    why = (
        f"{quoted(as_read(a.claim.rule))} puts “{a.verdict}” at “{a.quantity.text}”, but "
        f"{quoted(as_read(b.claim.rule))} puts it at “{b.quantity.text}”."
    )
    spans: list[Span] = find_span(a.claim.rule, a.quantity.text) + find_span(b.claim.rule, b.quantity.text)
    return Conflict("CON004", 0.85, why, spans, False, categorical=True)


def cutoff_relations(claims: list[Claim]) -> list[Relation]:
    """CON004 for every two rules of one project that put one verdict's cutoff at two numbers."""
    found = [c for f in claims if not is_example_material(f) and (c := cutoff(f)) is not None]
    return pairwise(found, lambda c: c.claim, _conflict)


__all__ = ["Cutoff", "cutoff", "cutoff_relations"]
