"""A part one rule lets raters leave out in a case, and another rule requires of every item, that case included
(CON016: an exception one rule grants that another refuses in words).

"You may skip the element map when you grade a reference 0" against "Even a reference graded 0 needs every element
marked Present, Partial or Absent"; "You may leave the rationale empty when all four scores are 7 and no flag is
ticked" against "A chat with straight sevens and no flags still needs a written rationale"; "You may skip the
second-review pass when ... the writer holds Trusted status" against "Every item gets a second pass, and that
includes items from Trusted writers"; "Live shows and call-in episodes are exempt from the two-minute minimum"
against "The two-minute minimum applies to every format we rate, live recordings and call-in shows included"; "A
rationale is optional for Constructive edits" against "Every submission needs a rationale, Constructive labels
included". The requiring rule names the case as included ("including", "that includes", "C included", "even",
"still", "C are not exempt"), which the refused-exception readings, looking for a refusal ("never a reason", "no
excuse"), do not see. The two must share a word of the part left out and a word of the case; a grant stated next to
its rule is the rule's own exception. Patterns are data (``data/contradictions.toml`` [included_cases]).
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
    head: str  # the part's last word: "question" in "the bar question"


def _words(text: str) -> frozenset[str]:
    """The words that name a part or a case, numbers too ("tasks you score 5")."""
    numbers = frozenset(re.findall(r"\b\d+\b", text))
    return (frozenset(content(text.replace("-", " "))) | numbers) - _patterns().generic


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of stems share a word, or one word is the start of the other ("approv" / "approval")."""
    return bool(a & b) or any(
        len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x)) for x in a for y in b
    )


def read_included(claim: Claim) -> Reading | None:
    """The part a rule lets raters leave out in a case, or requires with the case included; None for neither."""
    text = unquoted(claim.text)
    p = _patterns()
    for grants, patterns in ((True, p.grants), (False, p.includes)):
        for rx in patterns:
            m = rx.search(text)
            if m is not None and (part := _words(_group(m, "x"))) and (case := _words(_group(m, "c"))):
                head = next((w for w in reversed(_group(m, "x").split()) if _words(w)), "")
                return Reading(claim, grants, part, case, m.group(0), next(iter(_words(head)), ""))
    return None


def _group(m: re.Match[str], name: str) -> str:
    """A group a pattern may hold in one of two places ("c" before "included" is "c2")."""
    groups = m.groupdict()
    return groups.get(name) or groups.get(f"{name}2") or ""


def _parts_apart(x: Reading, y: Reading) -> bool:
    """Two parts of one kind told apart by their words: "the bar question" / "the spiral question" share only the
    kind, their head."""
    shared = x.part & y.part
    return shared == {x.head} == {y.head} and bool(x.part - shared) and bool(y.part - shared)


def _conflict(x: Reading, y: Reading) -> Conflict | None:
    if x.grants == y.grants or not (_meet(x.part, y.part) and _meet(x.case, y.case)) or _parts_apart(x, y):
        return None
    if stated_together(x.claim.rule, y.claim.rule):
        return None  # "Every photo gets a caption. You may leave it empty when ...": the rule's own exception
    grant, rule = (x, y) if x.grants else (y, x)
    why = (
        f"{quoted(as_read(grant.claim.rule))} lets raters leave this out in a case (“{grant.words}”), but "
        f"{quoted(as_read(rule.claim.rule))} requires it with that case included (“{rule.words}”)."
    )
    spans = find_span(x.claim.rule, x.words) + find_span(y.claim.rule, y.words)
    return Conflict("CON016", 0.85, why, spans, False, categorical=True)


def included_case_relations(claims: list[Claim]) -> list[Relation]:
    """CON016 for a part left out in a case by one rule and required, that case included, by another."""
    return scan_pairs(claims, read_included, _conflict)


__all__ = ["included_case_relations", "read_included"]
