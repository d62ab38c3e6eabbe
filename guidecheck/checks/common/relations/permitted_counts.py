"""A permission to do more of a counted thing than another rule allows (CON004, through ``numeric_limits.numeric_conflict``).

"Raters may pick up to two moods for a clip" and "Choose exactly one mood per clip": the two counts share a value
(one mood keeps both), so they are not disjoint, but the most the permission allows breaks the other rule. The two
must count the same thing ("two secondary genres" and "one primary genre" count two things).
"""

from __future__ import annotations

import math
from functools import lru_cache

from ....rules.quantities import number_words
from .case_numbers import in_condition
from .claims import Claim
from .lexicon import content, data, lexicon, stem


def permitted_beyond(fa: Claim, fb: Claim):
    """(qa, qb, None) when one rule permits a count of a thing the other rule's count of that thing rules out:
    "Raters may pick up to two moods for a clip" / "Choose exactly one mood per clip". The two intervals meet (one
    mood keeps both), so they are not disjoint, but the most the permission allows breaks the other rule."""
    for perm, other in ((fa, fb), (fb, fa)):
        if perm.deontic != "P" or other.deontic not in ("O", "F"):
            continue
        for qp, ip in perm.quantities:
            if (
                qp.attribute != "count"
                or not qp.unit
                or qp.comparator not in ("<=", "=")
                or in_condition(perm, qp)
            ):
                continue
            for qo, io in other.quantities:
                if qo.attribute != "count" or in_condition(other, qo) or stem(qo.unit or "") != stem(qp.unit):
                    continue
                a, b = _counted(perm, qp), _counted(other, qo)
                if not (a <= b or b <= a):
                    continue  # "two secondary genres" / "one primary genre": two things counted
                if not math.isinf(ip.hi) and io.hi < ip.hi:
                    return (qp, qo, None) if perm is fa else (qo, qp, None)
    return None


def _counted(claim: Claim, q) -> frozenset[str]:
    """The words of what a count counts: its own words and the next two of the sentence ("up to two moods for a
    clip" -> mood; "exactly one primary genre per clip" -> primary, genre, clip), numbers and bounds left out."""
    at = claim.text.find(q.text) if q.text else -1
    after = claim.text[at + len(q.text) :].split()[:2] if at >= 0 else []
    words = content(" ".join([q.text, *after])) - lexicon().quantity_filler - _count_bounds()
    return frozenset(w for w in words if not w.isdigit() and w not in number_words())


@lru_cache(maxsize=1)
def _count_bounds() -> frozenset[str]:
    return frozenset(stem(w) for w in data()["counted"]["bounds"])


__all__ = ["permitted_beyond"]
