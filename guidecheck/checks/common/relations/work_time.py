"""The time a rater spends on one item, however a deck words it (CON004's scope).

"Submit each rating within 6 minutes of opening the task" and "Raters should spend no less than 420 seconds on each
task before submitting" limit one thing, the time spent on a task, though neither says "per task" right after its
number. A time limit in a sentence that names a way of working on an item (spend, take, submit, open, finish) and
the item ("each task", "a single call") is counted per work item; other times (the length of a clip, a deadline)
keep the scope their own words give.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicon import data, stem


class Scope(NamedTuple):
    """What a limit is counted per: the noun its words name (a stem), and who spends it when it is the time spent
    working on one item ("the rater" or "another role"; None for every other limit)."""

    noun: str | None
    spent_by: str | None = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = data()["words"]
    verbs = "|".join(map(re.escape, words["work_time_verbs"]))
    units = "|".join(map(re.escape, words["work_units"]))
    others = "|".join(map(re.escape, words["work_time_others"]))
    return (
        re.compile(rf"\b(?:{verbs})\b", re.I),
        # "each task", "per clip", and a single item of any name ("on any single bag")
        re.compile(
            rf"\b(?:each|every|per|one|a|single|the)\s+(?:single\s+)?(?:{units})\b"
            r"|\b(?:any|each|every|a|one)\s+single\s+(?!(?:work\w*|sessions?|shifts?|sittings?|days?|weeks?|hours?|"
            r"breaks?|periods?|blocks?)\b)[a-z]{3,}\b",
            re.I,
        ),
        re.compile(rf"^\W*(?:\w+\W+){{0,3}}?(?:{others})\b", re.I),
    )


def is_work_time(scope: Scope) -> bool:
    return scope.spent_by is not None


def same_scope(a: Scope, b: Scope) -> bool:
    """Two limits count the same thing: two times spent on an item by the same role (whatever the item is
    called in each), the rater's time on an item and a limit per that item ("the time cap per clip"), or one
    noun."""
    if is_work_time(a) and is_work_time(b):
        return a.spent_by == b.spent_by
    if is_work_time(a) or is_work_time(b):
        work, plain = (a, b) if is_work_time(a) else (b, a)
        return plain.noun is not None and work.spent_by == "the rater" and work.noun == plain.noun
    return a.noun is not None and a.noun == b.noun


# Where the clause that holds a limit begins: "Raise a flag on the task you are working on and a QA lead will reply
# within one working day" times the lead's reply, not the rater's work.
_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+(?:and|but|while|then)\s+", re.I)


# "you receive feedback on each item within two working days": a time the rater waits for, someone else's work.
_RECEIVED = re.compile(r"\b(?:receive[sd]?|hear\s+back|(?:is|are)\s+(?:returned|sent\s+back))\b", re.I)


def work_item_scope(text: str, attribute: str, noun: str | None, at: int = 0) -> Scope:
    """The scope of a limit: the time spent working on one item ("90 seconds on a single ad" when the sentence says
    how the rater works on it), else the noun its words name, if any. ``at``: where the limit stands; a clause of
    its own whose subject is another role ("and a QA lead will reply within one working day") is that role's time."""
    verb, unit, other = _patterns()
    item = unit.search(text)
    if attribute == "time" and verb.search(text) and item and (noun is None or unit.search(f"a {noun}")):
        clause = _CLAUSE_BREAK.split(text[:at])[-1] if at else ""
        before = clause or text[:at]
        named = other.search(text) or (clause and other.search(clause)) or (at and _RECEIVED.search(before))
        who = "another role" if named else "the rater"
        return Scope(stem((noun or item.group(0).split()[-1]).lower()), who)
    return Scope(stem(noun.lower()) if noun else None)


__all__ = ["Scope", "is_work_time", "same_scope", "work_item_scope"]
