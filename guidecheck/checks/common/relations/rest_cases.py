"""A rule for "all other" cases is the complement of the rule that names the case.

"Please leave the comment box empty on frames with unsafe-act codes" and "On all other frames the comment box is
optional" cannot clash: the second is about every frame the first is not about. A rule that scopes itself to the
rest ("all other", "every other", "otherwise", "in all other cases"; not "rate it like any other item") and another that names a case of its own (a
condition, or a thing narrowed by "with", "that", "which" or "where") hold in different cases. So do a permission
for one purpose alone ("may be consulted only to test prices") and a ban on a use it does not name.
"""

from __future__ import annotations

import re

from .claims import Claim
from .lexicon import content
from .memo import search

_REST = re.compile(
    r"\b(?:(?<!like\s)(?<!as\s)(?:all|every|any)\s+other\s+[a-z-]+|otherwise|in\s+(?:all\s+)?other\s+cases"
    r"|everything\s+else)\b",
    re.I,
)
_NARROWED = re.compile(r"\b(?:with|that|which|where|whose)\b", re.I)


def rest_of(fa: Claim, fb: Claim) -> bool:
    """One rule is for the rest of the cases, the other names a case of its own."""
    rest = [f for f in (fa, fb) if search(_REST, f.text)]
    if len(rest) != 1:
        return False
    other = fb if rest[0] is fa else fa
    return bool(other.condition) or bool(search(_NARROWED, other.text))


__all__ = ["rest_of"]


# "may be consulted only to test whether prices are realistic": a permission for one purpose or case alone.
_ONLY_FOR = re.compile(r"\bonly\s+(?:to|for|when|if|where|in|on|while|after|before)\b(?P<case>[^.;:]*)", re.I)


def only_for_another_case(pos: Claim, neg: Claim) -> bool:
    """ "Outside sources may be consulted only to test whether prices are realistic" / "Do not search the web for
    the applicants' names": the permission forbids every other use itself, so a ban on a use it does not name
    agrees with it (a ban naming the permitted case, "do not look up prices", would not)."""
    m = _ONLY_FOR.search(pos.text) if pos.deontic == "P" else None
    return m is not None and not content(m.group("case")) & neg.everything
