"""How far an annotation may be from the reference and still count as right: a boundary, a timestamp, a value.

"A boundary counts as correct if it falls within 1 second of the gold boundary" and "Scoring uses a tolerance of
250 ms either side of the gold start and end" give one tolerance two values; so do "Reviewers count a mark as correct
when it lands within half a second of the gold mark" and "QA tolerance on start and end marks is one second either
side", or "a boundary that is off by more than 500 milliseconds counts as an error" against "within 1 second". Decks
state the tolerance as a fact about scoring, with no modal verb, in the task section and again in a QA page or FAQ.
Read into one form (the measure, the amount in the measure's base unit, what it is for) two statements of it can be
compared (CON004), and a sentence that states one is a rule. A tolerance for a named case against the general one
("Goal tags have a tighter tolerance of 4 frames, which overrides ...") settles that case and is not read.

The words are data (``data/rules.toml`` [tolerances]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words, number_words_pattern


@dataclass(frozen=True)
class Tolerance:
    """One statement of how far from the reference an answer may be."""

    measure: str  # "time", "frame", "pixel", "percent", "point"
    amount: float  # in the measure's base unit (seconds for time)
    thing: str | None  # what it is for ("timing", "date", "shape"), or None when the sentence names none
    span: tuple[int, int]  # the words that state the amount


@dataclass(frozen=True)
class _Words:
    forms: tuple[re.Pattern[str], ...]
    units: dict[str, tuple[str, float]]  # unit word -> (measure, size)
    fps: re.Pattern[str]
    settled: re.Pattern[str]
    things: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["tolerances"]
    units = {u: (measure, float(size)) for measure, sizes in d["units"].items() for u, size in sizes.items()}
    nums = number_words_pattern()
    names = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    qty = (
        rf"(?P<half>half\s+an?\s+)?(?:(?P<n>\d+(?:\.\d+)?|{nums}|an?|one)\s*-?\s*)?"
        rf"(?P<unit>{names})(?:s|es)?(?![\w])"
    )
    return _Words(
        forms=tuple(re.compile(f.replace("QTY", qty), re.I) for f in d["forms"]),
        units=units,
        fps=re.compile(d["fps"], re.I),
        settled=re.compile(d["settled"], re.I),
        things=tuple((name, re.compile(rx, re.I)) for name, rx in d["things"].items()),
    )


def _amount(m: re.Match[str], fps: float | None) -> tuple[str, float] | None:
    """(measure, amount in base units) of one matched quantity, frames made time where the rate is known."""
    raw = (m.group("n") or "").lower()
    if not raw and not m.group("half"):
        return None  # a bare unit ("within seconds of"): no amount
    measure, size = _words().units[m.group("unit").lower()]
    value = 0.5 if m.group("half") else float(raw) if raw[0].isdigit() else number_words().get(raw, 1.0)
    if measure == "frame" and fps:
        return "time", value / fps
    return measure, value * size


@lru_cache(maxsize=4096)
def read_tolerance(text: str) -> Tolerance | None:
    """The one tolerance a sentence states, or None (no tolerance form, or a case the sentence settles)."""
    lower = text.lower()
    if not any(
        w in lower
        for w in ("within", "toleran", "off by", "more than", "up to", "window", "margin", "deviat", "differ")
    ):
        return None  # most sentences: one cheap look before the patterns
    w = _words()
    if w.settled.search(text):
        return None
    rate = w.fps.search(text)
    fps = float(rate.group("fps")) if rate else None
    found = {}
    for form in w.forms:
        for m in form.finditer(text):
            amount = _amount(m, fps)
            if amount is not None:
                found[amount] = m.span("unit") if not m.group("n") else (m.start("n"), m.end("unit"))
    if len(found) != 1:
        return None  # none, or two amounts: which is the tolerance?
    (measure, amount), span = next(iter(found.items()))
    thing = next((name for name, rx in w.things if rx.search(text)), None)
    return Tolerance(measure, round(amount, 6), thing, span)


__all__ = ["Tolerance", "read_tolerance"]
