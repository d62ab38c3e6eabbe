"""Two rules that ask the same addressee for opposite acts on the same thing (CON001).

"Within fourteen days after termination, the Vendor shall permanently delete all Client Data" and "The Vendor will
keep Client Data for ninety days following termination" are both obligations, so no flip of force shows; the acts
exclude each other (delete / keep, accept / reject, grant / deny). The rules must bind the same addressee, act on
the same thing, and name no case of their own in a relative clause ("Approve reviews that stay on topic" /
"Reject reviews that drift off topic" are two cases). Their conditions decide as for any conflict. Pairs of acts
are data (``data/contradictions.toml``, [words] opposite_acts).
"""

from __future__ import annotations

from .addressee import addressee
from .claims import Claim
from .conflict import Conflict
from .lexicon import lexicon
from .same_act import objects_meet_both_ways
from .text import RELATIVE, as_read, quoted, span_of


def _opposed(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and frozenset((a, b)) in lexicon().opposite_acts


def _same_thing(fa: Claim, fb: Claim) -> bool:
    return bool(fa.object_head and fa.object_head == fb.object_head) or objects_meet_both_ways(fa, fb)


def opposite_acts_conflict(fa: Claim, fb: Claim, cosine: float) -> Conflict | None:
    """A ``Conflict`` when one rule requires the act the other's opposite act excludes."""
    pair = {fa.deontic, fb.deontic}
    if "O" not in pair or not pair <= {"O", "P"} or not _opposed(fa.action, fb.action):
        return None
    if (
        addressee(fa) != addressee(fb)
        or not _same_thing(fa, fb)
        or RELATIVE.search(fa.text)
        or RELATIVE.search(fb.text)
    ):
        return None
    if cosine < lexicon().thresholds["same_act_object_cosine"]:
        return None
    why = (
        f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} ask for opposite acts on the same thing."
    )
    return Conflict("CON001", 0.8, why, span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue), True)


__all__ = ["opposite_acts_conflict"]
