"""Whether an order a rule states is the case the rule is for rather than steps of the work (CON013).

"If the recommendations still differ after the second review, the recommendation attached to the highest total
prevails" orders the second review before the recommendations differ only to say when the tie-break applies; "If you
want a label the definitions forbid, re-check your scores first" puts the re-check first in that case only.
"""

from __future__ import annotations

import re

from .claims import Claim


def in_condition(order, claim: Claim) -> bool:
    """Both steps of the order lie in the rule's condition: it says when the rule applies, not what to do first."""
    cond = claim.condition_text.lower()
    steps = (_OPENER.sub("", t.lower()).strip() for t in (order.earlier_text, order.later_text))
    return bool(cond) and all(s and s in cond for s in steps)


_OPENER = re.compile(r"^\s*(?:if|when|whenever|once|where)\s+")


def in_a_case(claim: Claim) -> bool:
    """The rule opens on the case it is for, so its "first" is first in that case, not in the whole task."""
    cond = claim.condition_text.strip().lower()
    return bool(cond) and claim.text.lstrip().lower().startswith(cond[:30])


__all__ = ["in_a_case", "in_condition"]
