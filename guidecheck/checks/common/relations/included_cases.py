"""A part one rule lets raters leave out in a case, and another rule requires of every item, that case included
(CON001).

"You may skip the element map when you grade a reference 0" against "Even a reference graded 0 needs every element
marked Present, Partial or Absent"; "You may leave the rationale empty when all four scores are 7 and no flag is
ticked" against "A chat with straight sevens and no flags still needs a written rationale"; "You may skip the
second-review pass when ... the writer holds Trusted status" against "Every item gets a second pass, and that
includes items from Trusted writers". The requiring rule names the case as included ("including", "that includes",
"even", "still"), which the refused-exception readings, looking for a refusal ("never a reason", "no excuse"), do
not see. The two must share a word of the part left out and a word of the case; a grant stated next to its rule
is the rule's own exception. Patterns are data (``data/contradictions.toml`` [included_cases]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import scan_pairs
from .lexicon import content, data
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted


class _Patterns(NamedTuple):
    grants: tuple[re.Pattern[str], ...]
    includes: tuple[re.Pattern[str], ...]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    d = data()["included_cases"]
    return _Patterns(
        tuple(re.compile(p, re.I) for p in d["grants"]),
        tuple(re.compile(p, re.I) for p in d["includes"]),
        frozenset(content(" ".join(d["generic"]))),
    )


class Reading(NamedTuple):
    claim: Claim
    grants: bool  # True: the part may be left out in the case; False: it is required, the case included
    part: frozenset[str]
    case: frozenset[str]
    words: str  # the matched words, for the message and the span


def _words(text: str) -> frozenset[str]:
    return frozenset(content(text.replace("-", " "))) - _patterns().generic


def read_included(claim: Claim) -> Reading | None:
    """The part a rule lets raters leave out in a case, or requires with the case included; None for neither."""
    text = unquoted(claim.text)
    p = _patterns()
    for grants, patterns in ((True, p.grants), (False, p.includes)):
        for rx in patterns:
            m = rx.search(text)
            if m is not None and (part := _words(m.group("x"))) and (case := _words(m.group("c"))):
                return Reading(claim, grants, part, case, m.group(0))
    return None


def _conflict(x: Reading, y: Reading) -> Conflict | None:
    if x.grants == y.grants or not (x.part & y.part and x.case & y.case):
        return None
    if stated_together(x.claim.rule, y.claim.rule):
        return None  # "Every photo gets a caption. You may leave it empty when ...": the rule's own exception
    grant, rule = (x, y) if x.grants else (y, x)
    why = (
        f"{quoted(as_read(grant.claim.rule))} lets raters leave this out in a case (“{grant.words}”), but "
        f"{quoted(as_read(rule.claim.rule))} requires it with that case included (“{rule.words}”)."
    )
    spans = find_span(x.claim.rule, x.words) + find_span(y.claim.rule, y.words)
    return Conflict("CON001", 0.8, why, spans, False, categorical=True)


def included_case_relations(claims: list[Claim]) -> list[Relation]:
    """CON001 for a part left out in a case by one rule and required, that case included, by another."""
    return scan_pairs(claims, read_included, _conflict)


__all__ = ["included_case_relations", "read_included"]
