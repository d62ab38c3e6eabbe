"""Which end of a rating scale is which, said two ways (CON006).

"Severity runs from 1 to 3, and 3 is the most dangerous" against "Keep in mind that the scale counts down: Severity 1
marks the worst acts on site"; "On the Difficulty scale, 1 means very easy" against "a Difficulty of 1 is our
hardest rating"; "Refusal scores run from 1, the worst, to 5, the best" against "The refusal scale runs from 1, an
ideal refusal ..., down to 5, ...". Raters who read one page score the other way round from raters who read the
other, and no example settles it.

A sentence places an end of a scale when a point and a word for an end stand together: "N is/means/marks the
best", "N, the worst", "flawless handling is a 1". The ends lie on an axis: quality (best, top, ideal ... against
worst, bottom, most dangerous ...) or difficulty (easiest, very easy against hardest). Two sentences clash when they
name the same scale (a word before "scale", "score", "grade", or a capitalised name before the point: "Severity 1",
"a Difficulty of 1") and either put opposite ends of one axis at the same point or the same end at two points.
Words are data (``data/contradictions.toml`` [scale_direction]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim
from .example_groups import is_verdict, opens_example
from .lexicon import data, stem
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted


class End(NamedTuple):
    """One sentence's word for which end of a scale a point is."""

    claim: Claim
    point: int
    axis: str  # "quality" or "difficulty"
    high: bool  # the good end of quality, the hard end of difficulty
    pole: str  # the sentence's own word for the end
    words: str  # the words that place it ("3 is the most dangerous")


# Each axis: (its words for the good or hard end, for the bad or easy end).
_AXES = {"quality": ("good", "bad"), "difficulty": ("hard", "easy")}


@lru_cache(maxsize=1)
def _words() -> dict:
    return data()["scale_direction"]


@lru_cache(maxsize=1)
def _poles() -> dict[str, tuple[str, bool]]:
    """Each word for an end -> (axis, whether it is the good or hard end)."""
    w = _words()
    return {
        pole.lower(): (axis, high)
        for axis, (hi, lo) in _AXES.items()
        for key, high in ((hi, True), (lo, False))
        for pole in w[key]
    }


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The forms that set a point beside a word for an end."""
    pole = "|".join(sorted(map(re.escape, _poles()), key=len, reverse=True))
    n = r"(?<![\w.,])(?P<n>\d{1,2})(?![\w.%])"
    return (
        # "3 is the most dangerous", "1 means very easy", "Severity 1 marks the worst acts", "5 - Unusable"
        re.compile(
            rf"{n}\s*\)?\s*(?:is|means|marks|=|:|-|–|—)\s+(?:(?:the|our)\s+)?(?P<pole>{pole})\b", re.I
        ),
        # "from 1, the worst, to 5, the best", "a 0 the worst", "from 1, an ideal refusal"
        re.compile(rf"{n}\s*,?\s+(?:the|an?)\s+(?P<pole>{pole})\b", re.I),
        # "flawless handling is a 1", "the top mark is 1"
        re.compile(
            rf"\b(?P<pole>{pole})\s+(?:[\w-]+\s+){{0,2}}(?:is|gets|earns|receives)\s+(?:an?\s+|the\s+)?{n}"
            r"(?=\s*[.,;:)]|\s*$)",
            re.I,
        ),
    )


_NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,2}$", re.I)
# "more than 2 is the worst case", "the top 3": a count, not a point of the scale
_COUNTED = re.compile(r"\b(?:than|least|most|over|under|about|top|bottom|first|last)\s+$", re.I)


def ends(claim: Claim) -> list[End]:
    """Every point the sentence puts at an end of a scale."""
    out = []
    text = claim.text
    for rx in _patterns():
        for m in rx.finditer(text):
            pole = m.group("pole").lower()
            after = text[m.end() : m.end() + 14].lower().split()
            if after and after[0].strip(",.;:") in _words()["not_after"]:
                continue  # "the best judgment"
            if _NEGATED.search(text[: m.start("pole")]) or _COUNTED.search(text[: m.start("n")]):
                continue
            axis, high = _poles()[" ".join(pole.split())]
            out.append(End(claim, int(m.group("n")), axis, high, m.group("pole"), m.group()))
    return out


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(_words()["scale_nouns"])
    return (
        # "the Difficulty scale", "focus grade"
        re.compile(rf"\b(?P<w>[A-Za-z][\w-]+)\s+(?:{nouns})\b", re.I),
        re.compile(r"\b(?P<w>[A-Z][a-z][\w-]*)\s+(?:of\s+)?\d{1,2}\b"),  # "Severity 1", "a Difficulty of 1"
        re.compile(r"\b(?P<w>[A-Z][a-z][\w-]*)\s+(?:runs|goes|counts|ranges)\b"),  # "Severity runs from 1"
    )


def scale_names(text: str) -> frozenset[str]:
    """The words that name the scale a sentence speaks of ("Refusal scores", "the refusal scale": refusal)."""
    skip = set(_words()["not_scales"]) | set(_poles())
    return frozenset(
        stem(w)
        for rx in _name_patterns()
        for m in rx.finditer(text)
        if (w := m.group("w").lower()) not in skip and not w.isdigit()
    )


def _clash(x: End, y: End) -> bool:
    """Opposite ends at one point, or one end at two points, of one axis."""
    if x.axis != y.axis:
        return False
    return (x.point == y.point) != (x.high == y.high)


def _relation(x: End, y: End) -> Relation:
    why = (
        f"{quoted(as_read(x.claim.rule))} puts “{x.pole}” at {x.point}, but {quoted(as_read(y.claim.rule))} puts "
        f"“{y.pole}” at {y.point}: the scale is read in opposite directions."
    )
    spans = find_span(x.claim.rule, x.words) + find_span(y.claim.rule, y.words)
    return Relation("CON006", x.claim.rule, y.claim.rule, 0.85, why, spans)


def _states_scale(f: Claim) -> bool:
    """A sentence about the scale, wherever it stands: a reminder on an example's slide ("Keep in mind that a focus
    grade of 2 is the bottom of the scale") speaks of the scale, an example's verdict or opening line ("Verdict: 5,
    the best of the three") of the example."""
    if is_verdict(f) or opens_example(f.text):
        return False
    return f.rule.is_example or not is_example_material(f)


def direction_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for two sentences that set the same scale's ends the opposite ways."""
    read = []
    for f in claims:
        placed = ends(f) if _states_scale(f) else []
        names = scale_names(f.text) if placed else frozenset()  # read once a sentence, not once an end
        read += [(e, names) for e in placed if names]
    found: dict[frozenset[str], Relation] = {}  # one finding a pair of sentences
    for (x, nx), (y, ny) in combinations(read, 2):
        key = frozenset((x.claim.rule.id, y.claim.rule.id))
        if key in found or len(key) < 2 or not (nx & ny):
            continue
        if _clash(x, y) and same_project(x.claim.rule, y.claim.rule):
            found[key] = _relation(x, y)
    return list(found.values())


__all__ = ["End", "direction_relations", "ends", "scale_names"]
