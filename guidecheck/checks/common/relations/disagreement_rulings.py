"""One disagreement settled two ways (CON005): "the lower score is kept" against "the senior reviewer's score stands".

A deck that says how two people's differing answers are settled says it once per case; two rulings of different
families (the lower value, the higher, an average, a majority, a discussion, a person who decides) or two different
people deciding, for answers both can be about and a gap both cover, leave the reviewer two ways to settle one
disagreement. Rulings limited to different scales ("Safety" / "Overall") or to gaps that do not meet ("differ by one
point" / "three or more points apart") settle different cases. The reading is ``rules/disagreements.py``.
"""

from __future__ import annotations

from typing import NamedTuple

from ....model import Span
from ....rules.disagreements import Ruling, read_ruling
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, quoted


class _Read(NamedTuple):
    claim: Claim
    ruling: Ruling


def _same_case(x: Ruling, y: Ruling) -> bool:
    """Answers both rulings can be about (a scale one names and the other does not is still one case), at a gap
    both cover."""
    if x.case and y.case and not x.case & y.case:
        return False
    return max(x.gap[0], y.gap[0]) <= min(x.gap[1], y.gap[1])


def _differ(x: Ruling, y: Ruling) -> bool:
    return x.family != y.family or (x.family == "person" and x.who != y.who)


def _conflict(x: _Read, y: _Read) -> Conflict | None:
    if not (_differ(x.ruling, y.ruling) and _same_case(x.ruling, y.ruling)):
        return None
    a, b = (x, y) if x.claim.rule.id < y.claim.rule.id else (y, x)
    said = [r.claim.text[slice(*r.ruling.span)] for r in (a, b)]
    why = (
        f"{quoted(as_read(a.claim.rule))} settles a disagreement between two people's answers with “{said[0]}”, "
        f"but {quoted(as_read(b.claim.rule))} settles the same disagreement with “{said[1]}”."
    )
    spans = [Span(r.claim.rule.id, *r.ruling.span) for r in (a, b)]
    return Conflict("CON005", 0.85, why, spans, False, categorical=True)


def disagreement_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 for every two rules of one project that settle one disagreement two ways."""
    found = [
        _Read(c, r)
        for c in claims
        if not is_example_material(c)
        and (r := read_ruling(unquoted(c.text), c.rule.context or "")) is not None
    ]
    return pairwise(found, lambda t: t.claim, _conflict)


__all__ = ["disagreement_relations"]
