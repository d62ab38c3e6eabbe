"""An act one rule asks for (or allows) in a case, and another rule forbids with that case named as included
(CON016).

"If a suggestion contains a credential that looks live, you must paste the full value into the Rationale field"
against "Never copy a suspected live credential into any field of the tool, the Rationale field included"; "You must
run every suggestion you mark Exploitable = Yes in the sandbox" against "Raters must not execute suggestion code
anywhere, the sandbox included"; "When a customer reads out full bank account details, you must transcribe the
details into the Evidence field" against "Never type bank account numbers ... into any field, even when the customer
reads them out". The forbidding rule has seen the case coming and shut it out in words, so the usual reading of the
other rule (a narrower case that scopes the general one) does not hold; and the two are seldom embedding neighbours
(one is about the case, the other about the act), so the whole deck is read. The other way round too: "Every plate
must be blurred, including plates cut off by the frame edge" against "Do not blur a plate on a vehicle cut off by the
frame edge".

The omissions (skip, leave blank) have readers of their own (``denied_exception``, ``included_cases``); here the act
is any other act. The two rules must do one act (through the deck's act synonyms) with opposite force, be about one
thing, and every word of the included case must be named in the other rule (half of a conceded "even when" case, in
the other rule's condition). Patterns are data (``data/contradictions.toml`` [included_acts]).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import scan_readings
from .denied_exception import forbids_omission, omission_acts
from .distinct_things import heads_qualified_apart
from .lexicon import content, data, stem
from .relate import Relation, decided, stated_together
from .text import LIST_BREAK, as_read, find_span, quoted


class _Patterns(NamedTuple):
    included: tuple[re.Pattern[str], ...]
    conceded: re.Pattern[str]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    d = data()["included_acts"]
    return _Patterns(
        tuple(re.compile(p, re.I) for p in d["included"]),
        re.compile(d["conceded"], re.I),
        frozenset(d["generic"]),
    )


class Reading(NamedTuple):
    claim: Claim
    case: tuple[frozenset[str], ...]  # the case named as included, one word set per alternative ("A or B")
    words: str  # the matched words, for the message and the span
    conceded: bool  # an "even when" case: a condition, looked for in the other rule's condition


def _words(text: str, thing: frozenset[str]) -> frozenset[str]:
    """Stemmed words of a case, less the generic ones. Not ``content``: its stop words hold words that name a case
    here ("the Notes box included")."""
    words = (stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in _patterns().generic)
    return frozenset(w for w in words if w) - thing


_WORD = re.compile(r"[a-z0-9][a-z0-9'’]*")


def _thing(claim: Claim) -> frozenset[str]:
    return frozenset(content((claim.rule.object or "").replace("-", " ")))


def read_act(claim: Claim) -> Reading | None:
    """A rule that asks for, allows or forbids an act other than an omission, with the case it names as included
    (if any). A rule with an exception of its own, or a condition besides a conceded case, is scoped: it names no
    included case."""
    if claim.deontic not in ("O", "P", "F") or claim.action is None or claim.action in omission_acts():
        return None
    text = unquoted(claim.text)
    if claim.deontic == "F" and forbids_omission(text):
        return None  # "..., and that includes Severity 5; never skip it": the act is required
    if claim.deontic != "P" and not claim.exception:
        thing = _thing(claim)
        for rx in _patterns().included:
            m = rx.search(text)
            if m is not None and (case := _alternatives(m.group("c"), thing)):
                return Reading(claim, case, m.group(0).strip(" ,;"), False)
        m = _patterns().conceded.search(text)
        if m is not None and (words := _words(m.group("c"), thing)) and not _own_condition(claim, m.group(0)):
            return Reading(claim, (words,), m.group(0).strip(" ,;"), True)
    return Reading(claim, (), "", False)


def _alternatives(case: str, thing: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The words of each alternative of an included case: "faces seen in mirrors or shop windows" names two."""
    return tuple(w for part in LIST_BREAK.split(case) if (w := _words(part, thing)))


def _own_condition(claim: Claim, conceded: str) -> bool:
    """A condition of the rule's own besides the conceded case: the refusal holds in that case only."""
    cond = claim.condition_text
    return bool(cond) and cond.strip() not in conceded and conceded.strip() not in cond


def _names_case(refusal: Reading, other: Claim) -> bool:
    if refusal.conceded:
        case, said = refusal.case[0], _words(other.condition_text, frozenset())
        return len(case & said) * 2 >= len(case) > 0 and bool(said)
    said = _words(other.text, frozenset())
    return any(alt <= said for alt in refusal.case)


def _one_thing(x: Claim, y: Claim) -> bool:
    return bool(_thing(x) & y.everything or _thing(y) & x.everything)


def _opposed(refusal: Claim, other: Claim) -> bool:
    """Opposite force on the act: forbidden against asked for or allowed; asked for, the case included, against
    forbidden."""
    return (refusal.deontic == "F" and other.deontic in ("O", "P")) or (
        refusal.deontic == "O" and other.deontic == "F"
    )


def _conflict(refusal: Reading, other: Reading) -> Conflict | None:
    r, o = refusal.claim, other.claim
    if not _opposed(r, o) or other.case or o.exception or not _names_case(refusal, o) or not _one_thing(r, o):
        return None
    if stated_together(r.rule, o.rule):
        return None  # the rule and its own narrower case, side by side
    if heads_qualified_apart(r, o):
        return None  # "Red digits on a water meter" / "the five black digits": two kinds of one thing
    # imported here: field_contents reads the deck through deck_scans, which imports relate
    from .field_contents import in_other_containers

    if in_other_containers(r, o):
        return None  # "type the value into the Corrected Value box" / "never type an SSN into a comment"
    verb = {"O": "asks for", "P": "allows", "F": "forbids"}
    why = (
        f"{quoted(as_read(o.rule))} {verb[o.deontic]} in its case what {quoted(as_read(r.rule))} "
        f"{verb[r.deontic]} with that case named as included (“{refusal.words}”)."
    )
    spans = find_span(r.rule, refusal.words)
    return Conflict("CON016", 0.85, why, spans, False, categorical=True)


def included_act_relations(claims: list[Claim]) -> list[Relation]:
    """CON016 for every rule that names a case as included in its act and a rule that acts the other way in that
    case; the rules compared are those of one act only."""
    readings = scan_readings(claims, read_act)
    by_act: dict[str, list[Reading]] = defaultdict(list)
    for r in readings:
        by_act[r.claim.action].append(r)
    out: list[Relation] = []
    seen: set[frozenset[str]] = set()
    for refusal in (r for r in readings if r.case):
        for other in by_act[refusal.claim.action]:
            key = frozenset((refusal.claim.rule.id, other.claim.rule.id))
            if len(key) < 2 or key in seen or (found := _conflict(refusal, other)) is None:
                continue
            seen.add(key)
            a, b = sorted((refusal.claim, other.claim), key=lambda c: c.rule.id)
            if (rel := decided(a, b, found)) is not None:
                out.append(rel)
    return out


__all__ = ["included_act_relations", "read_act"]
