"""Two rules of opposite force on items named by a band of one measure: "Do not box any object smaller than 12
pixels" / "Objects with a longest side of 8 pixels or more must be boxed".

The numbers say which items each rule is for, not a limit the work keeps to: the band stands in the rule's
subject before its force or condition (``case_numbers.in_condition``), or right after the thing the act is done
to ("any object smaller than 12 pixels"). Read as limits the two agree (at least 12 and at least 8); read as
cases they meet: an object of 8 to 12 pixels must be boxed and must not be. Bands that do not meet are two cases
("Passages under 150 words need one read" / "Passages of 150 words or more must be read twice").
"""

from __future__ import annotations

import math
import re

from .case_numbers import in_condition, names_sub_case
from .claims import Claim, Interval, quantity_interval
from .conflict import Conflict
from .text import as_read, find_span, quoted

# Words that may stand between the thing acted on and its band: "any object smaller than 12 pixels", "objects
# whose longest side is under 8 pixels", "boxes with an area of 40 pixels or more".
_GAP = r"(?:\s+[\w'-]+){0,5}?\s+"


def _object_band(claim: Claim, text: str) -> bool:
    """The band follows the thing the act is done to, after the rule's verb: it says which things."""
    head, verb = claim.object_head, claim.rule.action or ""
    if not head or len(verb) < 3:
        return False
    at = re.search(rf"\b{re.escape(verb[:4])}", claim.text, re.I)
    if at is None:
        return False
    pattern = rf"\b{re.escape(head)}\w*{_GAP}{re.escape(text)}"
    return re.search(pattern, claim.text[at.end() :], re.I) is not None


def _band(claim: Claim, q) -> Interval | None:
    """The items a number names when it names items (not a limit), as the interval of their measure."""
    if not q.text or not (in_condition(claim, q) or _object_band(claim, q.text)):
        return None
    return quantity_interval(q, negate=False)


def _meet(a: Interval, b: Interval) -> Interval:
    lo, lo_open = max((a.lo, a.lo_open), (b.lo, b.lo_open))
    hi, hi_open = min((a.hi, not a.hi_open), (b.hi, not b.hi_open))
    return Interval(lo, hi, lo_open, not hi_open)


def _same_thing(fa: Claim, fb: Claim) -> bool:
    return bool(fa.action and fa.action == fb.action and fa.object_head and fa.object_head == fb.object_head)


def case_band_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """CON004 when one rule requires (or allows) an act on items in one band of a measure, the other forbids it on
    items in another band, and the bands meet."""
    if {fa.deontic, fb.deontic} not in ({"O", "F"}, {"P", "F"}) or not _same_thing(fa, fb):
        return None
    if fa.exception or fb.exception or names_sub_case(fa) or names_sub_case(fb):
        return None
    for qa, _ in fa.quantities:
        for qb, _ in fb.quantities:
            if qa.attribute != qb.attribute or (qa.unit or "") != (qb.unit or ""):
                continue
            ba, bb = _band(fa, qa), _band(fb, qb)
            if ba is None or bb is None or ba.disjoint(bb) or (math.isinf(ba.lo) and math.isinf(ba.hi)):
                continue
            pos, neg = (fa, fb) if fb.deontic == "F" else (fb, fa)
            both = _meet(ba, bb)
            unit = qa.unit or qa.attribute
            unit = unit if unit.endswith("s") or unit == "%" else unit + "s"
            verb = "requires" if pos.deontic == "O" else "allows"
            why = (
                f"For {both.describe()} {unit}, {quoted(as_read(pos.rule))} {verb} what "
                f"{quoted(as_read(neg.rule))} forbids."
            )
            spans = find_span(fa.rule, qa.text) + find_span(fb.rule, qb.text)
            return Conflict("CON004", 0.85, why, spans, True, True)
    return None


__all__ = ["case_band_conflict"]
