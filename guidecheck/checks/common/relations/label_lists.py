"""A case one label's definition lists as a member, that another rule gives another label of the same list (CON006).

"Moored: tied to a quay, pier, mooring buoy or another vessel." and "Anchored: stationary in open water, held by its
own anchor." define one list of states; "A ship riding on a mooring buoy is Anchored" gives a listed member of
Moored the other state. The labels of one definition list (or one label table) are one choice, so putting a case in
one of them takes it out of the others: the exclusion ``label_members`` reads in words ("... is not a fee"), said by
the label given instead. The member must be named by the rule's case (two words in common, or a short member whole),
and the two labels must be defined side by side (one section of one document).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim
from .label_members import label_inclusion, label_key
from .lexicon import content
from .relate import Relation
from .text import LIST_BREAK, as_read, find_span, quoted


class Entry(NamedTuple):
    claim: Claim
    key: str  # the label's key (its first word, stemmed, lower case)
    name: str
    members: list[str]


# "Moored: tied to a quay, pier, mooring buoy or another vessel.", "| Moored | tied to a quay, pier ... |": a label's
# name (one to four capitalised or coded words) and its description.
_ENTRY = re.compile(r"^\s*\|?\s*(?P<l>[A-Z][\w'’-]*(?:[ /][A-Za-z][\w'’-]*){0,3}?)\s*(?::|\|)\s+(?P<d>[^|]+)")
_MEMBERS = re.compile(r"\b(?:including|such\s+as|e\.g\.,?|for\s+example,?)\s+(?P<list>[^.;:|()]+)", re.I)
_ITEM_WORDS = 5


def _members(description: str) -> list[str]:
    """The members a description lists: the items of a list of short items ("a quay, pier, mooring buoy or another
    vessel" after "tied to"), and what it names after "including" or "such as". A description that denies its list
    ("No usable frame contains an animal, a person or a vehicle") lists no member."""
    head = re.split(r"[.;(]", description, maxsplit=1)[0]
    if _DENIED.search(head):
        return []
    out = [m for x in _MEMBERS.finditer(description) for m in LIST_BREAK.split(x.group("list")) if m.strip()]
    items = [i.strip() for i in LIST_BREAK.split(head) if i.strip()]
    if len(items) >= 3 and all(len(i.split()) <= _ITEM_WORDS for i in items):
        out += items
    return out


_CONCEDED = re.compile(r"\b(?:even\s+though|even\s+if|although|though)\b", re.I)
_DENIED = re.compile(r"\b(?:no|not|never|neither|nor|without)\b", re.I)


def _named(member: str, case_text: str) -> bool:
    """The rule's case names the member: two of the member's words in a row, as the case says them ("a mooring
    buoy"; not "member numbers" in "a fax number of a household member")."""
    return bool(_pairs(member) & _pairs(case_text))


@lru_cache(maxsize=1 << 12)
def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """Two content words in a row, as the text says them (read once per text: each case meets every member)."""
    words = [w for w in (content(t) for t in re.findall(r"[\w'’-]+", text)) if w]
    flat = [next(iter(w)) for w in words]
    return frozenset(pairwise(flat))


def _entry(claim: Claim) -> Entry | None:
    rule = claim.rule
    if rule.is_example or rule.kind not in ("definition", "rubric"):
        return None
    m = _ENTRY.match(claim.text)
    if m is None:
        return None
    return Entry(claim, label_key(m.group("l")), m.group("l").strip(), _members(m.group("d")))


def _lists(claims: list[Claim]) -> list[list[Entry]]:
    """The definition lists of the deck: two or more labels defined in one section of one document."""
    groups: dict[tuple, list[Entry]] = defaultdict(list)
    for c in claims:
        if (e := _entry(c)) is not None:
            groups[(c.rule.path, c.rule.section)].append(e)
    return [g for g in groups.values() if len({e.key for e in g}) >= 2 and any(e.members for e in g)]


def label_list_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for a listed member of one label that another rule gives another label of the same list."""
    lists = _lists(claims)
    if not lists:
        return []
    out: list[Relation] = []
    for g in claims:
        if (
            g.rule.is_example
            or g.rule.kind == "rubric"
            or g.deontic == "F"
            or (got := label_inclusion(g)) is None
        ):
            continue
        key, case_text, _ = got
        if _CONCEDED.search(g.text):
            continue  # "... is Resting, even though it is on its feet": the overlap settled on purpose
        for entries in lists:
            if key not in {e.key for e in entries}:
                continue
            hit = _listed_elsewhere(entries, key, g, case_text)
            if hit is not None:
                out.append(_relation(*hit, g, case_text, key))
                break
    return out


def _listed_elsewhere(entries: list[Entry], key: str, g: Claim, case_text: str) -> tuple[Entry, str] | None:
    for e in entries:
        if e.key == key or e.claim.rule.id == g.rule.id or not same_project(e.claim.rule, g.rule):
            continue
        for member in e.members:
            if _named(member, case_text):
                return e, member
    return None


def _relation(e: Entry, member: str, g: Claim, case_text: str, key: str) -> Relation:
    given = next((o for o, _ in g.outcomes if label_key(o) == key), "another label")
    why = (
        f"{quoted(as_read(e.claim.rule))} lists {quoted(member.strip())} under {e.name}, but "
        f"{quoted(as_read(g.rule))} gives {quoted(case_text)} {given}."
    )
    spans = find_span(e.claim.rule, member.strip()) + find_span(g.rule, case_text)
    if e.claim.update or g.update:
        return Relation(
            "REL002", e.claim.rule, g.rule, 0.7, why + " The later update replaces it.", spans, "CON006"
        )
    return Relation("CON006", e.claim.rule, g.rule, 0.8, why, spans)


__all__ = ["label_list_relations"]
