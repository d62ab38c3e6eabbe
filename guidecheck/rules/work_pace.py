"""The pace the deck plans for: the time one item is expected to take, however it is stated.

"Aim for an average of 45 seconds per review" and "A full 40-review batch should take about 20 minutes" plan two
paces (45 and 30 seconds a review); so do "Aim for about 6 minutes per resume" and "Each batch holds 20 resumes and
is budgeted at 90 minutes", or "Target pace is 4 minutes per item" and "the expected throughput of 20 items an
hour". Decks state the pace per item in the procedure and per batch or per hour in the pay section, and the
arithmetic between them is left to the rater. Read into one form (seconds per item, and the item) two statements
can be compared (CON004). A limit ("no more than 5 minutes on an item", "skip after 10 minutes") is an item time
(``item_times``), not a pace: only a sentence with a word of planning (aim, average, target, about, budgeted,
expected, throughput) is read.

The words are data (``data/rules.toml`` [work_pace]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words, number_words_pattern


@dataclass(frozen=True)
class WorkPace:
    """One statement of the planned pace."""

    seconds: float  # per item
    item: str  # the item's noun, singular and lower case ("review", "resume"); "item" for any
    span: tuple[int, int]  # the words that state it


@dataclass(frozen=True)
class _Words:
    planning: re.Pattern[str]
    limit: re.Pattern[str]
    per_item: tuple[re.Pattern[str], ...]
    per_batch: tuple[re.Pattern[str], ...]
    per_hour: tuple[re.Pattern[str], ...]
    rushed: re.Pattern[str]
    rushed_under: tuple[re.Pattern[str], ...]


_UNIT_SECONDS = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "hour": 3600, "hr": 3600}


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["work_pace"]
    num = r"(?:\d+(?:\.\d+)?|" + number_words_pattern() + r")"

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rx.replace("NUM", num).replace("UNIT", d["unit"]), re.I) for rx in d[key])

    return _Words(
        re.compile(d["planning"], re.I),
        re.compile(d["limit"], re.I),
        compiled("per_item"),
        compiled("per_batch"),
        compiled("per_hour"),
        re.compile(d["rushed"], re.I),
        compiled("rushed_under"),
    )


def _number(text: str) -> float:
    text = text.lower()
    return float(text) if text[0].isdigit() else float(number_words()[text])


def _seconds(value: str, unit: str) -> float:
    u = unit.lower().rstrip("s") or "s"
    return _number(value) * _UNIT_SECONDS.get(u, _UNIT_SECONDS.get(u[:3], 1))


def _singular(noun: str) -> str:
    n = noun.lower().strip("-")
    return n[:-1] if n.endswith("s") and not n.endswith("ss") else n


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    return next((m for rx in patterns if (m := rx.search(text))), None)


@lru_cache(maxsize=4096)
def read_work_pace(text: str) -> WorkPace | None:
    """The pace a sentence plans for, or None."""
    w = _words()
    if not w.planning.search(text):
        return None
    for patterns, number in ((w.per_item, "n"), (w.per_batch, "n"), (w.per_hour, "r")):
        m = _first(patterns, text)
        if m is None:
            continue
        if w.limit.search(text[max(0, m.start(number) - 25) : m.start(number)]):
            return None  # "no more than 5 minutes per item", "at least 15 tasks an hour": a limit, no pace
        seconds = _per_item(m, patterns is w.per_batch, patterns is w.per_hour)
        return WorkPace(seconds, _singular(m.group("item")), m.span()) if seconds else None
    return None


def _per_item(m: re.Match[str], batch: bool, hourly: bool) -> float | None:
    if hourly:
        rate = _number(m.group("r"))
        return 3600 / rate if rate > 0 else None
    seconds = _seconds(m.group("n"), m.group("u"))
    if not batch:
        return seconds
    count = _number(m.group("count"))
    return seconds / count if count > 1 else None


@lru_cache(maxsize=4096)
def read_rushed_floor(text: str) -> WorkPace | None:
    """The time per item under which work counts as rushed ("A 50-message batch submitted in under 90 minutes is
    treated as rushed": 108 seconds a message), or None. A planned pace below it is work the deck rejects."""
    w = _words()
    if not w.rushed.search(text):
        return None
    m = _first(w.rushed_under, text)
    if m is None:
        return None
    seconds = _seconds(m.group("n"), m.group("u"))
    count = _number(m.group("count")) if m.groupdict().get("count") else 1.0
    return WorkPace(seconds / count, _singular(m.group("item")), m.span()) if count >= 1 else None


__all__ = ["WorkPace", "read_rushed_floor", "read_work_pace"]
