"""Readings of the whole deck for conflicts whose two sentences are seldom embedding neighbours: step orders
(CON013), acts reserved to a group (CON011) and cases one rule excuses that another refuses in words (CON001).

"Open the spec sheet and read it in full before you look at the description" and "Read the AI description first,
before you open the spec sheet, so that your Brand Voice rating reflects a shopper's first impression" are far
apart as sentences (one is mostly a purpose clause), so the candidate pairs rarely hold them. Few rules state an
order at all, so every two of them are compared: each earlier step against the steps other rules put later,
through an index of their words. "Only QA reviewers can reopen a submitted batch; if you spot a mistake, post the
batch ID in the channel" and "You can reopen any of your own submitted batches from the History tab" share one
verb; a deck reserves a handful of acts, each compared with every rule that names its verb. "If the AI answer is a
full refusal, leave the Referral field empty" and "None of the four rating fields may be left empty on any task, and
that includes refusals" share two words; a deck refuses a handful of cases in words, each compared with every rule
that names a word of the case.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from typing import TypeVar

from ..deck import same_project
from .claims import Claim
from .conflict import Conflict
from .denied_exception import denied_exception, refused_words, refuses_by_subject
from .proposition import is_example_material
from .refused_exception import refused_exception
from .relate import Relation, decided
from .reservations import reserved_act, verbs_of
from .restriction import restriction_conflict
from .sequence import defines_a_label, orders, sequence_conflict
from .vectors import unit_rows


def _ordering(claims: list[Claim]) -> list[Claim]:
    """The rules that state an order of steps and require it (an example, a permission or a table row that defines a
    label orders nothing)."""
    return [
        c
        for c in claims
        if orders(c.text)
        and c.deontic not in ("N", "P")
        and not is_example_material(c)
        and not defines_a_label(c)
    ]


def _sharing(
    items: list[Claim], indexed: Callable[[Claim], Iterable[str]], probe: Callable[[Claim], Iterable[str]]
) -> set[tuple[int, int]]:
    """Pairs (i < j) of two items one of which has an ``indexed`` word that the other's ``probe`` words hold: a
    word index, so a deck's rules are not compared two by two."""
    index: dict[str, set[int]] = defaultdict(set)
    for i, c in enumerate(items):
        for w in indexed(c):
            index[w].add(i)
    return {
        (min(i, j), max(i, j))
        for j, c in enumerate(items)
        for w in probe(c)
        for i in index.get(w, ())
        if i != j
    }


def _crossing(ordering: list[Claim]) -> set[tuple[int, int]]:
    """Pairs (i < j) in which some step one rule puts first shares a word with a step the other puts later."""
    return _sharing(
        ordering,
        lambda c: {w for o in orders(c.text) for w in o.later},
        lambda c: {w for o in orders(c.text) for w in o.earlier},
    )


def order_relations(claims: list[Claim]) -> list[Relation]:
    """CON013 (or what explains it away) for every two rules of one project that order two steps both ways."""
    ordering = _ordering(claims)
    out = []
    for i, j in sorted(_crossing(ordering)):
        fa, fb = ordering[i], ordering[j]
        found = sequence_conflict(fa, fb)
        # a row of a procedure table states its step in words ("3 | Duplicate check. | Search ... before you pick")
        if found is not None and (rel := decided(fa, fb, found, rows=True)) is not None:
            out.append(rel)
    return out


def reservation_relations(claims: list[Claim]) -> list[Relation]:
    """CON011 (or what explains it away) for every act a rule reserves to a group and a rule of the same project
    that gives or requires it of everyone."""
    rules = [c for c in claims if not is_example_material(c)]
    out = []
    for reserving in rules:
        act = reserved_act(reserving)
        if act is None:
            continue
        for other in rules:
            if other is reserving or not act & verbs_of(other.text):
                continue
            found = restriction_conflict(reserving, other)
            a, b = (reserving, other) if reserving.rule.id < other.rule.id else (other, reserving)
            # a role table's row reserves in words of its own ("RN reviewer | ... | Only RN reviewers may ...")
            if found is not None and (rel := decided(a, b, found, rows=True)) is not None:
                out.append(rel)
    return out


def refused_case_relations(claims: list[Claim], vectors=None) -> list[Relation]:
    """CON001 (or what explains it away) for every rule that refuses a case in words and a rule of the same project
    that excuses it; candidate pairs hold few of them (the excusing rule is about the case, the refusing one about
    the act). With ``vectors`` (the claims' embeddings, in their order), a refusal whose subject is the case
    ("Approved leave does not excuse a missed quota") is also judged against the rules that share its words, as
    the candidate pairs judge it: by the two rules' similarity."""
    row_of = {id(c): i for i, c in enumerate(claims)}
    unit = unit_rows(vectors) if vectors is not None and len(vectors) == len(claims) else None
    rules = [c for c in claims if not is_example_material(c)]
    out = []
    for i, j in sorted(_sharing(rules, refused_words, lambda c: c.everything)):
        fa, fb = rules[i], rules[j]
        if not same_project(fa.rule, fb.rule):
            continue
        found = denied_exception(fa, fb, near=False)
        if found is None and unit is not None and (refuses_by_subject(fa) or refuses_by_subject(fb)):
            found = refused_exception(fa, fb, float(unit[row_of[id(fa)]] @ unit[row_of[id(fb)]]))
        rows = _worded(fa) and _worded(fb)  # "Wellbeing | You may skip any item with distressing content ..."
        if found is not None and (rel := decided(fa, fb, found, rows)) is not None:
            out.append(rel)
    return out


# A modal word: a table row that holds one states a rule in words of its own, not a description of a label.
_MODAL = re.compile(r"\b(?:may|must|can|cannot|can't|should|never|don't|do\s+not)\b", re.I)


def _worded(claim: Claim) -> bool:
    return claim.rule.kind != "rubric" or bool(_MODAL.search(claim.text))


T = TypeVar("T")


def pairwise(
    items: list[T],
    claim: Callable[[T], Claim],
    conflict: Callable[[T, T], Conflict | None],
    rows: bool = False,
) -> list[Relation]:
    """What ``relate.decided`` makes of every two readings of a whole-deck scan whose ``conflict`` is not None, the
    two rules in id order; ``rows`` as there."""
    out = []
    for x, y in combinations(items, 2):
        found = conflict(x, y)
        if found is None:
            continue
        a, b = (claim(x), claim(y)) if claim(x).rule.id < claim(y).rule.id else (claim(y), claim(x))
        if (rel := decided(a, b, found, rows)) is not None:
            out.append(rel)
    return out


def grouped_pairs(
    groups: Iterable[list[T]], claim: Callable[[T], Claim], related: Callable[[T, T], bool]
) -> list[tuple[T, T]]:
    """Every two readings of one group (readings that share a key: a class's head noun, a value) from two rules for
    which ``related`` holds, the first such pair of each two rules only: the shape of the readers that compare
    readings within their key, not every two readings of the deck."""
    out: list[tuple[T, T]] = []
    seen: set[frozenset[str]] = set()
    for group in groups:
        for x, y in combinations(group, 2):
            key = frozenset((claim(x).rule.id, claim(y).rule.id))
            if len(key) == 2 and key not in seen and related(x, y):
                seen.add(key)
                out.append((x, y))
    return out


def scan_pairs(
    claims: list[Claim], read: Callable[[Claim], T | None], conflict: Callable[[T, T], Conflict | None]
) -> list[Relation]:
    """``pairwise`` over what ``read`` finds in every rule of the deck that is not example material, each reading
    carrying its rule as ``.claim``: the shape of the whole-deck readers (a form read in each rule, every two
    readings compared)."""
    return pairwise(scan_readings(claims, read), lambda r: r.claim, conflict)


def scan_readings(claims: list[Claim], read: Callable[[Claim], T | None]) -> list[T]:
    """What ``read`` finds in every rule of the deck that is not example material."""
    return [
        r
        for c in claims
        if not c.rule.is_example and not is_example_material(c) and (r := read(c)) is not None
    ]


__all__ = [
    "grouped_pairs",
    "order_relations",
    "pairwise",
    "refused_case_relations",
    "reservation_relations",
    "scan_pairs",
    "scan_readings",
]
