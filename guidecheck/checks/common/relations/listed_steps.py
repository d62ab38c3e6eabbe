"""A procedure's listed steps against a rule that orders two of them the other way (CON013).

"5. Procedure: 1. Read the question ... 2. Open the reference notes for the item and read them through. 3. Read the
response you are rating ..." puts the notes before the response, and "Read the response cold, before you open the
reference notes" puts them after it. Neither list item states an order in its own words, so the pair readings of
step orders (``sequence``) never see one; the list's order is the procedure's. A run of list items is a procedure
when its section heading, its lead-in or the paragraph just before it names one ("Procedure", "Step-by-step
workflow", "Follow these steps"); an item that only permits ("You may skip this step when ...") is no step. The
rule's earlier step must match a later item better than it matches the rule's later step, and its later step an
earlier item (every item tied for best on one side before every item tied on the other); the finding pairs the
rule with the item the list puts first. Steps put before or after every other one ("first", "last") are left to the
pair readings: "Score Safety first of the four dimensions" is not "Step 4" of the whole task.
"""

from __future__ import annotations

import re

from .claims import Claim
from .conflict import Conflict
from .proposition import is_example_material
from .relate import Relation, decided
from .sequence import Order, defines_a_label, generic_step_verbs, orders, same_step_share, step_words
from .text import as_read, find_span, quoted

_PROCEDURE = re.compile(
    r"\b(?:steps?|procedure|workflow|process|checklist|step-by-step|in\s+(?:this|that|the\s+following)\s+order)\b",
    re.I,
)
_LIST_ITEM = "list_item"
# A step inside a quoted line ("must end with the line 'Read the full leaflet before you use this medicine.'") is the
# line's, not the rater's; "before your first claim" is once, before all work, not a step of each item.
_QUOTED = re.compile(r"['\"“”‘’]")
_FIRST_TIME = re.compile(r"\b(?:your|the|their)\s+(?:very\s+)?first\s+(?!step\b)", re.I)


def procedures(claims: list[Claim]) -> list[list[Claim]]:
    """Runs of consecutive list items of one document and section that a heading, lead-in or the paragraph before
    them names as a procedure; two rules of one item are two steps in its order."""
    runs: list[list[Claim]] = []
    before: Claim | None = None
    run: list[Claim] = []
    for c in claims:
        if c.rule.block_kind == _LIST_ITEM and run and _same_place(run[-1], c):
            run.append(c)
            continue
        if len(run) >= 2 and _named_procedure(run, before):
            runs.append(run)
        if c.rule.block_kind == _LIST_ITEM:
            run = [c]
        else:
            before, run = c, []
    if len(run) >= 2 and _named_procedure(run, before):
        runs.append(run)
    return runs


def _same_place(x: Claim, y: Claim) -> bool:
    return x.rule.location.path == y.rule.location.path and x.rule.section == y.rule.section


def _named_procedure(run: list[Claim], before: Claim | None) -> bool:
    first = run[0].rule
    said = [first.section[-1] if first.section else "", first.lead_in or ""]
    if before is not None and _same_place(before, run[0]):
        said.append(before.rule.text)
    return any(_PROCEDURE.search(s) for s in said)


def _alike(x: str, y: str) -> bool:
    """One word: the same stem, or the same first five letters and lengths at most two apart ("sarcasm" /
    "sarcastic"; not "checkboxes" / "check")."""
    return x == y or (x[:5] == y[:5] and len(x) >= 5 and len(y) >= 5 and abs(len(x) - len(y)) <= 2)


def _shared(step: frozenset[str], item: frozenset[str]) -> int:
    return sum(1 for x in step if any(_alike(x, y) for y in item))


def _overlap(step: frozenset[str], item: frozenset[str]) -> float:
    return _shared(step, item) / min(len(step), len(item)) if step and item else 0.0


def _places(steps: list[frozenset[str]], step: frozenset[str], other: frozenset[str]) -> list[int]:
    """The items the step matches best (ties kept), each better than it matches the order's other step. One shared
    word of two ("read the summary" / "write the summary") is no match."""
    need = min(2, len(step))
    if need == 1 and step <= generic_step_verbs():
        return []  # "read the notes under it": a verb alone names no step of the list
    scored = [
        (x, i)
        for i, s in enumerate(steps)
        if s and _shared(step, s) >= need and (x := _overlap(step, s)) >= same_step_share()
    ]
    best = max((x for x, _ in scored), default=0.0)
    return [i for x, i in scored if x == best and _overlap(other, steps[i]) < best]


def _conflict(run: list[Claim], steps: list[frozenset[str]], rule: Claim, p: Order) -> Relation | None:
    if _QUOTED.search(p.earlier_text + p.later_text) or _FIRST_TIME.search(p.later_text):
        return None
    earlier, later = step_words(p.earlier_text, whole=True), step_words(p.later_text, whole=True)
    early, late = _places(steps, later, earlier), _places(steps, earlier, later)
    if not early or not late or max(early) >= min(late):
        return None  # no match, or items tied for a step on both sides of the other
    # of the items tied for the earlier place, the one nearest the later ("before you touch any code" and "Select
    # the theme codes" both name codes; the second is the step the rule puts after the sentiment)
    item, later_item = run[max(early)], run[max(late)]
    why = (
        f"{quoted(as_read(rule.rule))} puts “{p.earlier_text}” before “{p.later_text}”, but the listed steps put "
        f"{quoted(as_read(item.rule))} before {quoted(as_read(later_item.rule))}."
    )
    spans = find_span(rule.rule, p.earlier_text) + find_span(rule.rule, p.later_text)
    a, b = (item, rule) if item.rule.id < rule.rule.id else (rule, item)
    return decided(a, b, Conflict("CON013", 0.8, why, spans, False, categorical=True), rows=True)


def listed_step_relations(claims: list[Claim], reported: set[str] = frozenset()) -> list[Relation]:
    """CON013 for every rule that orders two steps of a listed procedure of its project the other way, unless the
    rule's order is already reported against another rule (``reported``: their ids): the list then repeats that
    rule, and a second finding for one clash is noise."""
    runs = procedures(claims)
    if not runs:
        return []
    ordering = [
        (c, o)
        for c in claims
        if c.rule.id not in reported
        and c.deontic not in ("N", "P")
        and not is_example_material(c)
        and not defines_a_label(c)
        for o in orders(c.text)
        if not (o.earlier_all or o.later_all)
    ]
    out = []
    for run in runs:
        # "You may skip this step when ...": no step
        steps = [step_words(c.text, whole=True) if c.deontic in ("O", "F") else frozenset() for c in run]
        inside = {id(c) for c in run}
        for rule, p in ordering:
            if id(rule) not in inside and (rel := _conflict(run, steps, rule, p)) is not None:
                out.append(rel)
    return out


__all__ = ["listed_step_relations", "procedures"]
