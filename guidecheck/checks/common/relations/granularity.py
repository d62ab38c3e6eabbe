"""One mark for each item against one mark for them all (CON001).

"Give each branch of a forked crack its own box" and "A crack that forks stays one object: draw a single box that
takes in the trunk and every branch" cannot both be followed: one asks for a box per branch, the other for one box
over all of them. So do "Plums are always boxed one by one" / "For plums, put a single CLUSTER box around a tight
bunch" and "grade each citation separately" / "grade them as a pair". The two rules must name the same unit (box,
span, polygon, grade; "one object" stands for any unit) and the single mark must take in the items the other rule
marks one by one. A single mark under a condition the other rule does not name is a narrower case stated apart
("Each bird gets its own box" / "When more than 30 birds fly in a tight flock, draw one box around the flock"),
unless the per-item rule refuses exceptions ("always", "even when").
Patterns are data (``data/contradictions.toml``, [granularity]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, data, stem
from .text import as_read, find_span, quoted


class Forms(NamedTuple):
    per_item: tuple[re.Pattern[str], ...]  # groups n (the items) and y (the unit each gets)
    single: tuple[re.Pattern[str], ...]  # group y (the one unit), the rest of the match takes in the items
    any_unit: frozenset[str]  # "stays one object": any unit
    refusal: re.Pattern[str]  # "always", "even when": the per-item rule admits no narrower case


@lru_cache(maxsize=1)
def _forms() -> Forms:
    d = data()["granularity"]
    return Forms(
        tuple(re.compile(p, re.I) for p in d["per_item"]),
        tuple(re.compile(p, re.I) for p in d["single"]),
        frozenset(d["any_unit"]),
        re.compile(d["refusal"], re.I),
    )


@lru_cache(maxsize=1 << 14)
def per_item(text: str) -> tuple[str, str, str] | None:
    """(item stem, unit stem, the words read) of "each branch ... its own box", "Plums are boxed one by one"."""
    for rx in _forms().per_item:
        if (m := rx.search(unquoted(text))) is not None:
            return stem(_head(m.group("n"))), stem(m.group("y").lower()), m.group(0)
    return None


@lru_cache(maxsize=1 << 14)
def single(text: str) -> tuple[str, str] | None:
    """(unit stem, the words read) of "a single box that takes in ...", "grade them as a pair"."""
    for rx in _forms().single:
        if (m := rx.search(unquoted(text))) is not None:
            return stem(m.group("y").lower()), m.group(0)
    return None


def _head(phrase: str) -> str:
    """The item noun: "branch of a branching crack" -> branch, "citation" -> citation."""
    return re.split(r"\s+of\s+", phrase.strip().lower(), maxsplit=1)[0].split()[-1]


def granularity_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` when one rule marks items one by one and the other takes them in with one mark."""
    for each, whole in ((fa, fb), (fb, fa)):
        p, s = per_item(each.text), single(whole.text)
        if p is None or s is None or single(each.text) is not None or per_item(whole.text) is not None:
            continue
        item, unit, per_words = p
        one_unit, one_words = s
        if unit != one_unit and one_unit not in _forms().any_unit:
            continue
        if item not in {stem(w) for w in re.findall(r"[a-z]+", whole.text.lower())}:
            continue  # the single mark takes in something else
        if re.search(r"\b(?:whole|entire)\s+" + re.escape(item), one_words, re.I):
            continue  # "one polygon per block" / "a single polygon over the whole block": one item, one mark
        if _narrower_case(each, whole):
            continue
        why = (
            f"{quoted(as_read(each.rule))} asks for one {unit} for each {item}, but {quoted(as_read(whole.rule))} "
            f"asks for a single {one_unit} for all of them."
        )
        spans = find_span(each.rule, per_words) + find_span(whole.rule, one_words)
        return Conflict("CON001", 0.85, why, spans, False, categorical=True)  # the words state the clash
    return None


def _narrower_case(each: Claim, whole: Claim) -> bool:
    """The single mark is for a case of its own that the per-item rule neither names nor refuses."""
    case = whole.condition_text
    if not case or _forms().refusal.search(each.text):
        return False
    named = content(case)
    return len(named & content(each.text)) < max(1, min(2, len(named)))


__all__ = ["granularity_conflict", "per_item", "single"]
