"""How long a rater may hold one item, as the deck's task mechanics state it.

"A task that stays open for more than 10 minutes is released back to the queue", "You have up to a quarter of an
hour on any single email before the tool takes it back", "Submissions made less than 4 minutes after opening a
task are rejected", "If a note is still open after 12 minutes, skip it": the time limits of one item are stated as
facts about the tool, or as the point to give up, in minutes in one place and seconds or "a quarter of an hour" in
another. Read into one form (the kind of limit, seconds, and whether it is per item or per batch) two statements of
it can be compared (CON004), and a sentence that states one is a rule even with no modal verb in it.

The words are data (``data/rules.toml`` [item_times]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words, number_words_pattern, periods_in_a_row

_UNIT = re.compile(r"\b(?:sec|min|hour|hr|day|week)", re.I)


@dataclass(frozen=True)
class ItemTime:
    """One time limit of one item (or batch)."""

    # "timeout" (the tool takes it back), "give_up" (skip or escalate), "minimum" (too fast to accept), "deadline"
    # (the time to finish one in)
    kind: str
    seconds: float
    scope: str  # "item", "batch" or "session" (a login's idle time)
    span: tuple[int, int]  # the time's characters in the sentence
    floor: bool = False  # a give-up time that is the least time before skipping, not the point to skip


@dataclass(frozen=True)
class _Words:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    batch: re.Pattern[str]
    session: re.Pattern[str]
    sub_case: re.Pattern[str]
    time: re.Pattern[str]
    floor: re.Pattern[str]
    covered_cases: re.Pattern[str]
    returned_to: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["item_times"]
    nums = number_words_pattern()
    units = "|".join(sorted(map(re.escape, d["units"]), key=len, reverse=True))
    fractions = "|".join(sorted(map(re.escape, d["fractions"]), key=len, reverse=True))
    return _Words(
        kinds=tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in d["kinds"].items()),
        batch=re.compile(rf"\b(?:{d['batch']})\b", re.I),
        session=re.compile(rf"\b(?:{d['session']})\b", re.I),
        sub_case=re.compile(rf"\b(?:{d['sub_case']})\b", re.I),
        floor=re.compile(rf"\b(?:{d['give_up_floor']})\b", re.I),
        covered_cases=re.compile(d["covered_cases"], re.I),
        returned_to=re.compile(d["returned_to"], re.I),
        time=re.compile(
            rf"(?<![\w.,])(?:(?P<frac>{fractions})\s+(?:an?\s+)?(?P<funit>{units})"
            rf"|(?P<n>\d[\d,]*(?:\.\d+)?|{nums})[\s-]+(?:(?:full|whole|entire|solid|good)\s+)?(?P<unit>{units})s?)\b",
            re.I,
        ),
    )


def _seconds(m: re.Match[str]) -> float:
    """Seconds, rounded to the millisecond: "a third of an hour" is 1,200 seconds, not 1,199.99999988."""
    d = lexicon().data["item_times"]
    half = 0.5 if _AND_A_HALF.match(m.string, m.end()) else 0.0  # "an hour and a half"
    if m.group("frac"):
        share = float(d["fractions"][m.group("frac").lower()]) + half
        return round(share * d["units"][m.group("funit").lower()], 3)
    raw = m.group("n").lower().replace(",", "")
    value = (float(number_words()[raw]) if raw in number_words() else float(raw)) + half
    return round(value * d["units"][m.group("unit").lower()], 3)


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
# "a second annotator", "a second read": the ordinal, not one second (which a sentence ends or joins: "a second
# or two", "for a second.")
_ORDINAL = re.compile(r"an?\s+second\s+(?!or\b|and\b|to\b|of\b|later\b|before\b|after\b)[a-z]", re.I)


def read_item_time(text: str) -> ItemTime | None:
    """The one item time limit a sentence states, or None (no limit phrase, no time, two different times)."""
    if not _UNIT.search(text):
        return None  # most sentences name no time at all: one cheap look before the kinds' patterns
    w = _words()
    kinds = [k for k, rx in w.kinds if rx.search(text)]
    # "Submit each batch within 24 hours; unfinished batches are released": the tool's limit
    if len(kinds) == 2 and "deadline" in kinds:
        kinds.remove("deadline")
    # a case named in the reason ("so there is time to finish a difficult report") is no sub-case of the limit
    if len(kinds) != 1 or w.sub_case.search(_REASON.split(w.covered_cases.sub("", text), maxsplit=1)[0]):
        return None
    times = [
        (_seconds(m), m.span())
        for m in w.time.finditer(text)
        if not _ORDINAL.match(text, m.start()) and not periods_in_a_row(text, m.end())
    ]
    times = _range_start(text, times) if kinds[0] == "allowed" else times
    # "the timer allows 8 minutes per image; the median was just under 5 minutes": the limit's clause
    if len({s for s, _ in times}) > 1:
        times = _in_limit_clause(text, times, dict(w.kinds)[kinds[0]])
    if not times or len({s for s, _ in times}) != 1:
        return None  # "calls over 25 minutes of audio need 15 to 20 minutes": which is the limit?
    seconds, span = times[0]
    floor = kinds[0] == "give_up" and bool(w.floor.search(text))
    scoped = _REASON.split(w.returned_to.sub("", text), maxsplit=1)[0]
    scope = "session" if w.session.search(scoped) else "batch" if w.batch.search(scoped) else "item"
    return ItemTime(kinds[0], seconds, scope, span, floor)


# "..., since ..." and "... so it does not hold up the batch": a reason or a purpose names no scope
_REASON = re.compile(
    r",\s*(?:since|because|as)\b|\s+so\s+(?:that\s+)?(?:it|they|you|the|nothing|there)\b", re.I
)
_RANGE = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:to|or|-|–)\s+", re.I)


def _range_start(text: str, times: list) -> list:
    """A time the deck calls fine, stated as a range ("12 to 15 minutes", "ten or fifteen minutes"): its lower end,
    the least time it allows."""
    if len(times) == 1 and (m := _RANGE.search(text, 0, times[0][1][0])) and m.end() == times[0][1][0]:
        low = text[m.start() : m.end()].split()[0]
        unit_seconds = times[0][0] / _value(text[times[0][1][0] : times[0][1][1]].split()[0])
        if _value(low) is not None and unit_seconds:
            return [(_value(low) * unit_seconds, (m.start(), times[0][1][1]))]
    return times


def _value(word: str) -> float | None:
    raw = word.lower().replace(",", "")
    if raw in number_words():
        return float(number_words()[raw])
    try:
        return float(raw)
    except ValueError:
        return None


def _in_limit_clause(text: str, times: list, kind: re.Pattern[str]) -> list:
    """The times of the clause (between semicolons) that states the limit."""
    start = 0
    for clause in text.split(";"):
        end = start + len(clause)
        if kind.search(clause):
            return [(s, span) for s, span in times if start <= span[0] < end]
        start = end + 1
    return times


__all__ = ["ItemTime", "read_item_time"]
