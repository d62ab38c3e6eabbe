"""How the words around a quantity read it: the size of a difference ("two or more points apart", "differ by 2"), or
a run of periods ("below 90% for two weeks in a row"), not a bound on the value itself."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Quantity

# "two or more points apart", "scores that differ by two or more points", "a gap of 2 points": the size of a
# difference between two values, not a bound on the value itself.
_APART = re.compile(r"\s*apart\b", re.I)
_DIFFER_BY = re.compile(
    r"(?:\bdiffer(?:s|ed|ing)?|\bdiverge[sd]?|\bvar(?:y|ies))\s+by\s+$|\b(?:gap|difference|spread)\s+of\s+$",
    re.I,
)


def in_context(q: Quantity, text: str, start: int) -> Quantity:
    """The quantity as the words around it read it: the size of a difference, or a run of periods."""
    if _APART.match(text, start + len(q.text)) or _DIFFER_BY.search(text[max(0, start - 30) : start]):
        return replace(q, attribute="difference")
    if q.attribute == "time" and periods_in_a_row(text, start + len(q.text)):
        return replace(q, attribute="streak")
    return q


def periods_in_a_row(text: str, end: int) -> bool:
    """The time that ends at ``end`` counts periods in a row ("below 90% for two weeks in a row"): how many, not how
    long anything takes."""
    return _IN_A_ROW.match(text, end) is not None


_IN_A_ROW = re.compile(r"\s+(?:in\s+a\s+row|running|consecutively|straight)\b", re.I)


__all__ = ["in_context", "periods_in_a_row"]
