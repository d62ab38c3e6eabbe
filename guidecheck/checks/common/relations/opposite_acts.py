"""Two rules that ask the same addressee for opposite acts on the same thing (CON001).

"Within fourteen days after termination, the Vendor shall permanently delete all Client Data" and "The Vendor will
keep Client Data for ninety days following termination" are both obligations, so no flip of force shows; the acts
exclude each other (delete / keep, accept / reject, grant / deny). The rules must bind the same addressee, act on
the same thing, and name no case of their own in a relative clause ("Approve reviews that stay on topic" /
"Reject reviews that drift off topic" are two cases). Their conditions decide as for any conflict. Pairs of acts
are data (``data/contradictions.toml``, [words] opposite_acts).
"""

from __future__ import annotations

import re

from .addressee import addressee
from .claims import Claim
from .conflict import Conflict
from .lexicon import content, lexicon, stem, word_overlap
from .same_act import objects_meet_both_ways
from .text import RELATIVE, as_read, quoted, span_of


def _opposed(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and frozenset((a, b)) in lexicon().opposite_acts


def _same_thing(fa: Claim, fb: Claim) -> bool:
    return bool(fa.object_head and fa.object_head == fb.object_head) or objects_meet_both_ways(fa, fb)


def _reduced_case(claim: Claim, things: frozenset[str]) -> frozenset[str] | None:
    """The case a relative clause without "that" names on the thing the two rules act on ("any defect the inspector
    marked as corrected", "Entries the clerk marked as void"; ``things``: stems), as content words; None without
    one."""
    for m in _REDUCED.finditer(claim.text):
        if stem(m.group("noun").lower()) in things:
            return content(m.group("case"))
    return None


_REDUCED = re.compile(
    r"\b(?P<noun>[A-Za-z][\w-]*)\s+(?:the|a|an|you|they|we|your|their|our)\s+(?P<case>[^,;:.]{3,80})"
)


def _one_case_narrower(fa: Claim, fb: Claim) -> bool:
    """One rule names a case of the thing the other acts on throughout ("Enter every defect listed" / "Leave out any
    defect the inspector marked as corrected"): a narrower case, not opposite acts on one thing. Both naming the
    same case is one case."""
    things = frozenset(stem(h) for h in (fa.object_head, fb.object_head) if h)
    ca, cb = _reduced_case(fa, things), _reduced_case(fb, things)
    if ca is None and cb is None:
        return False
    if ca is None or cb is None:
        return True
    return word_overlap(ca, cb) < 0.5


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
    if cosine < lexicon().thresholds["same_act_object_cosine"] or _one_case_narrower(fa, fb):
        return None
    why = (
        f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} ask for opposite acts on the same thing."
    )
    return Conflict("CON001", 0.8, why, span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue), True)


__all__ = ["opposite_acts_conflict"]
