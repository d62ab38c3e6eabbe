"""A label a definition table bounds by a number and a rule that gives it at another (CON004).

"| V2 | Partial | Between 25% and 75% of the front face can be seen |" and "A product should be marked Partial only
when at least half, but not all, of its front face is visible" disagree on products 25% to 50% visible; "|
SPONSOR_MENTION | A brand acknowledgement under 10 seconds with no offer |" and "A host-read plug shorter than 15
seconds with no call to action is a SPONSOR_MENTION" disagree from 10 to 15 seconds. A row of a label table is its
label's definition: it gives the label where its number holds and withholds it elsewhere. The pair scorer never
reads table rows against rules (a row is a description, not a rule), so every row that names a label and bounds it
by a number is compared here with every rule that gives the same label with a number of the same measure.
"""

from __future__ import annotations

import math
import re

from ....rules.quantities import Quantity, find_quantities
from ..deck import same_project
from .claims import Claim, Interval, quantity_interval
from .conflict import Conflict
from .relate import Relation, decided
from .text import as_read, find_span, quoted
from .thresholds import _regions, describes_thing  # the rule's side is read as any threshold rule's

_WORD = re.compile(r"[A-Za-z][\w-]*")
_EXAMPLE = re.compile(r"\s*(?:examples?|e\.g\.|for example|eg)\b", re.I)


def _row_label(claim: Claim) -> tuple[list[str], list[Quantity]]:
    """(label names, numbers) of a label table's row: its short cells name the label ("Partial", "V2"), its long
    cells define it."""
    names, numbers = [], []
    for cell in claim.rule.cells.values():
        words = _WORD.findall(cell)
        if 1 <= len(words) <= 3 and not any(ch.isdigit() for ch in cell.replace("_", "")[:1]):
            names.append(cell.strip())
        elif len(words) >= 4 and not _EXAMPLE.match(cell):
            numbers += find_quantities(cell)
    return names, numbers


def _outside(q: Quantity) -> list[Interval]:
    """Where a row's number does not hold: the complement of its interval."""
    given = quantity_interval(q, negate=False)
    if given is None:
        return []
    out = []
    if not math.isinf(given.lo):
        out.append(Interval(-math.inf, given.lo, hi_open=not given.lo_open))
    if not math.isinf(given.hi):
        out.append(Interval(given.hi, math.inf, lo_open=not given.hi_open))
    return out


def _names_case(rule: Claim, q: Quantity, label: str) -> bool:
    """The rule's number says which items get the label: it comes before the label ("a plug shorter than 15 seconds
    ... is a SPONSOR_MENTION"), in a relative clause or in the condition ("only when at least half ... is
    visible"), not after it as what the labelled item must hold ("Steps labelled COMBINE must list at least one
    ingredient")."""
    at, named = rule.text.find(q.text), rule.text.lower().find(label.lower())
    return (0 <= at < named) or describes_thing(rule, q)


def _meets(a: Interval | None, b: Interval | None, whole: bool = False) -> bool:
    """The two intervals share a value; ``whole``: a whole number ("more than one cell" and "two or more cells"
    share no count between them)."""
    if a is None or b is None or a.disjoint(b):
        return False
    if not whole:
        return True
    lo, lo_open = max((a.lo, a.lo_open), (b.lo, b.lo_open))
    hi, hi_closed = min((a.hi, not a.hi_open), (b.hi, not b.hi_open))  # on a tie the open end is the tighter
    if math.isinf(lo):
        return True  # both unbounded below ("fewer than 3" / "at most 5"): they share every count below both
    first = math.floor(lo) + 1 if lo_open or lo != math.floor(lo) else lo
    return math.isinf(hi) or first < hi or (first == hi and hi_closed)


def _clash(row: Claim, rq: Quantity, rule: Claim, q: Quantity) -> bool:
    if rq.attribute != q.attribute or (q.attribute == "count" and rq.unit != q.unit):
        return False
    give, withhold = _regions(rule, q)
    row_give = quantity_interval(rq, negate=False)
    whole = q.attribute == "count"
    return any(_meets(give, w, whole) for w in _outside(rq)) or _meets(row_give, withhold, whole)


def row_threshold_relations(claims: list[Claim]) -> list[Relation]:
    """CON004 for a label table's row and a rule that bound one label by numbers that disagree."""
    rows = [(c, *_row_label(c)) for c in claims if c.rule.kind == "rubric" and c.rule.cells]
    rules = [
        c for c in claims if c.rule.kind != "rubric" and not c.rule.is_example and c.quantities and c.outcomes
    ]
    out = []
    for row, names, numbers in rows:
        if not names or not numbers:
            continue
        for rule in rules:
            given = {o.lower() for o, _ in rule.outcomes}
            label = next((n for n in names if n.lower() in given), None)
            if label is None or not same_project(row.rule, rule.rule):
                continue
            hit = next(
                (
                    (rq, q)
                    for rq in numbers
                    for q, _ in rule.quantities
                    if _names_case(rule, q, label) and _clash(row, rq, rule, q)
                ),
                None,
            )
            if hit is None:
                continue
            why = (
                f"The table defines {label} by {quoted(hit[0].text)} ({quoted(as_read(row.rule))}), but "
                f"{quoted(as_read(rule.rule))} gives it for {quoted(hit[1].text)}: some items get it under one and "
                "not the other."
            )
            spans = find_span(row.rule, hit[0].text) + find_span(rule.rule, hit[1].text)
            found = Conflict("CON004", 0.8, why, spans, False, categorical=True)
            a, b = (row, rule) if row.rule.id < rule.rule.id else (rule, row)
            if (rel := decided(a, b, found, rows=True)) is not None:
                out.append(rel)
    return out


__all__ = ["row_threshold_relations"]
