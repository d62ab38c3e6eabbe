"""A rater's quality bar: the accuracy below which a sanction follows.

"Annotators whose audited accuracy falls below 85% are removed from the project" and "Nobody is removed unless more
than one in five of their audited spans is marked wrong" state one bar two ways: as an accuracy or as a share of
errors, as a percent or as "one in five", as what removes a rater or as what keeps one on. Decks state it in the
quality policy and again in a FAQ or an update. Read into one form (the accuracy at which the sanction starts, and
whether the sentence names the sanction's side or the safe side) two statements of it can be compared (CON004),
and a sentence that states one is a rule even with no modal verb in it.

The words are data (``data/rules.toml`` [quality_bars]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words

# The comparator of an accuracy when the sentence counts errors instead ("more than one in five wrong" is an
# accuracy below four in five).
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


# "annotator agreement", "inter-rater agreement": a measure of items, which names no person.
_PAIR_MEASURE = re.compile(
    r"\b(?:inter-?)?(?:annotator|rater|labell?er)s?['’]?\s+(?:agreement|accuracy)\b", re.I
)


_SHARE = re.compile(
    r"%|\bper\s?cent\b|\s(?:in|out of|of every|of each)\s|\d\s+of\s+the\s+\d|\sof\s+(?:your|their|the|his|her)\s+(?:last|most\s+recent|latest|previous)\s"
    r"|(?<![\d.])0?\.\d+\b",
    re.I,
)


@dataclass(frozen=True)
class QualityBar:
    """One statement of a quality bar, as an accuracy between 0 and 1."""

    bar: float  # the accuracy below which the sanction applies
    safe_side: (
        bool  # the sentence states where no sanction applies ("stays on live work", "Nobody is ... unless")
    )
    sanctions: frozenset[str]  # "removal", "pause", "review", "bonus", "standing"
    metrics: frozenset[str]  # what is measured, when the sentence names it: "gold", "audit", ...
    span: tuple[int, int]  # the threshold's characters in the sentence
    periods: frozenset[str] = (
        frozenset()
    )  # what the measure is counted over, when named: "week", "month", ...


@dataclass(frozen=True)
class _Words:
    sanctions: tuple[tuple[str, re.Pattern[str]], ...]
    metrics: tuple[tuple[str, re.Pattern[str]], ...]
    measures: re.Pattern[str]
    errors: re.Pattern[str]
    persons: re.Pattern[str]
    safe: re.Pattern[str]
    denied: re.Pattern[str]
    necessary: re.Pattern[str]
    sub_case: re.Pattern[str]
    percent: re.Pattern[str]
    ratio: re.Pattern[str]
    fraction: re.Pattern[str]
    amount: re.Pattern[str]
    periods: tuple[tuple[str, re.Pattern[str]], ...]
    floor: re.Pattern[str]
    required: re.Pattern[str]
    personal: frozenset[str]
    defined_by_bar: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["quality_bars"]
    nums = _alternation([re.escape(w) for w in number_words()])
    num = rf"(?:\d+(?:\.\d+)?|{nums})"
    before = _alternation(list(d["before"]))
    after = _alternation(list(d["after"]))
    # "at 92% audit agreement or above": the comparator after the measure's name
    named = "|".join([d["measures"], *d["metrics"].values()])
    post = rf"(?:\s+(?:(?:{named})\s+){{0,2}}(?P<post>{after})\b)?"
    return _Words(
        sanctions=tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in d["sanctions"].items()),
        metrics=tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in d["metrics"].items()),
        measures=re.compile(rf"\b(?:{d['measures']})\b", re.I),
        errors=re.compile(rf"\b(?:{d['errors']})\b", re.I),
        persons=re.compile(rf"\b(?:{d['persons']})\b", re.I),
        safe=re.compile(rf"\b(?:{d['safe_side']})\b", re.I),
        denied=re.compile(rf"\b(?:{d['denied']})\b", re.I),
        necessary=re.compile(rf"\b(?:{d['necessary']})\b", re.I),
        sub_case=re.compile(rf"\b(?:{d['sub_case']})\b", re.I),
        percent=re.compile(
            rf"(?:\b(?P<cmp>{before})\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b){post}",
            re.I,
        ),
        # "drops below 0.75", "is 0.92 or lower": an accuracy written as a decimal share (not "0.5 seconds")
        fraction=re.compile(
            rf"(?:\b(?P<cmp>{before})\s+)?(?<![\d.$€£¥])(?P<n>0?\.\d+)\b(?!\s*(?:%|s|secs?|seconds?|mins?|minutes?|hours?|h|ms|points?|pts?|frames?|fps|px|pixels?|mm|cm|m|km|stars?)\b)(?:\s+(?P<post>{after})\b)?",
            re.I,
        ),
        amount=re.compile(rf"(?:{d['amount_before']})\s+$|^\s+(?:{d['amount_after']})", re.I),
        periods=tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in d["periods"].items()),
        floor=re.compile(rf"\b(?:{d['floor_before']})\s+$", re.I),
        required=re.compile(rf"\b(?:{d['required']})\b", re.I),
        personal=frozenset(d["personal"]),
        defined_by_bar=frozenset(d["defined_by_bar"]),
        ratio=re.compile(
            rf"(?:\b(?P<cmp>{before})\s+)?\b(?P<n>{num})\s+(?:[\w-]+\s+){{0,3}}?(?:(?:in|out of)\s+(?:every\s+|each\s+|the\s+)?"
            rf"|of\s+(?:every|each)\s+"
            rf"|of\s+(?:your|their|the|his|her)\s+(?:last|most\s+recent|latest|previous)\s+|of\s+the\s+)(?P<m>{num})\b"
            rf"(?:\s+(?P<post>{after})\b)?",
            re.I,
        ),
    )


def _value(raw: str) -> float:
    words = number_words()
    return float(words[raw.lower()]) if raw.lower() in words else float(raw)


def _comparator(m: re.Match[str], text: str, w: _Words) -> str:
    """The comparator of a threshold; a bare number that a floor names ("the pause floor for it is 80 percent")
    is the bar the sanction starts below."""
    d = lexicon().data["quality_bars"]
    if m.group("post"):
        return d["after"][m.group("post").lower()]
    if m.group("cmp"):
        return d["before"][" ".join(m.group("cmp").lower().split())]
    if _NEEDED.search(text[max(0, m.start() - 30) : m.start()]):
        return ">="  # "you need 17 of the 25 questions right to pass": at least that many
    return "<" if _floored(text, m.start(), w) else "="


_OF_THE = re.compile(r"\d\s+of\s+the\s+\d")
# "If it drops below 0.75, you will be removed": a decimal share that falls is the rater's measure, named before
_DROPS = re.compile(r"\b(?:drops?|falls?|dips?|slips?)\s+(?:below|under)\s+0?\.\d", re.I)
_NEEDED = re.compile(r"\b(?:need|needs|needed)\s+(?:to\s+(?:get|score|answer|match)\s+)?$", re.I)


def _floored(text: str, at: int, w: _Words) -> bool:
    """A bare number that a noun names as the bar ("the pause floor for it is 80 percent", "the minimum audit accuracy
    to remain on the project is 0.90")."""
    return bool(w.floor.search(text[max(0, at - 80) : at]))


def _threshold(text: str, w: _Words) -> tuple[float, str, tuple[int, int]] | None:
    """(share, comparator, span) of the one threshold in the sentence: a percent, a decimal share or "N in M"."""
    found = []
    for m in w.percent.finditer(text):
        if not _amount(text, m, w):
            found.append((_value(m.group("n")) / 100, _comparator(m, text, w), m.span()))
    for m in w.fraction.finditer(text):
        found.append((float(m.group("n")), _comparator(m, text, w), m.span()))
    for m in w.ratio.finditer(text):
        n, total = _value(m.group("n")), _value(m.group("m"))
        if 0 < n < total:
            found.append((n / total, _comparator(m, text, w), m.span()))
    return found[0] if len(found) == 1 else None  # two thresholds: a rule with tiers, not one bar


def _amount(text: str, m: re.Match[str], w: _Words) -> bool:
    """A percent that is an amount paid ("a 10% quality bonus", "a bonus of 10% of base pay"), not a bar."""
    if m.group("cmp") or m.group("post"):
        return False
    before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 60]
    return bool(w.amount.search(before) or w.amount.search(after))


def read_quality_bar(text: str) -> QualityBar | None:
    """The quality bar a sentence states, or None when it does not name a person's accuracy (or errors), one
    threshold on it and a sanction."""
    if not _SHARE.search(text):
        return None  # no percent and no "N in M": most sentences, at the cost of one cheap look
    w = _words()
    sanctions = frozenset(k for k, rx in w.sanctions if rx.search(text))
    implied = not sanctions and bool(
        w.required.search(text)
    )  # "Your gold accuracy must stay at or above 90%"
    if implied:
        sanctions = frozenset({"standing"})
    if not sanctions or w.sub_case.search(text):
        return None
    unpaired = _PAIR_MEASURE.sub(" ", text)
    metrics = frozenset(k for k, rx in w.metrics if rx.search(unpaired))
    named = metrics or w.measures.search(unpaired)
    if not w.persons.search(unpaired) and not (named and sanctions <= w.personal):
        return None
    hit = _threshold(text, w)
    if hit is None:
        return None
    share, cmp, span = hit
    if _OF_THE.search(text[slice(*span)]) and "qualification" not in sanctions:
        return None  # "22 of the 25 documents": a count of a pass, read only as the mark of a quiz or calibration
    if w.errors.search(text):
        share, cmp = 1 - share, _FLIP[cmp]
    elif not (metrics or w.measures.search(text) or _DROPS.search(text)):
        return None  # "80% of the clips": a share of something, not of the rater's accuracy
    # a bar named as the floor is the one the sanction starts below, whatever side the words of staying name; for
    # what is earned at the bar (a bonus, a pass) it names the side that earns it
    if cmp == "<" and _floored(text, span[0], w):
        safe: bool | None = sanctions <= w.defined_by_bar
    else:
        safe = _safe_side(text, cmp, w, sanctions)
    if safe is None or (implied and safe):
        return None
    periods = frozenset(k for k, rx in w.periods if rx.search(text))
    return QualityBar(round(share, 4), safe, sanctions, metrics, span, periods)


def _safe_side(text: str, cmp: str, w: _Words, sanctions: frozenset[str]) -> bool | None:
    """Whether the sentence bounds the sanction from the safe side, or None when its comparator does not fit.

    "Nobody is removed unless more than one in five ... is wrong": the case named is the only one sanctioned, so
    the accuracy named is below the bar. "You stay on live work as long as ...", "you won't go on probation for
    that": the case named is safe, at or above the bar. Otherwise the case named is sanctioned, below the bar.
    A requirement ("must stay at or above 85%") names the bar the sanction starts below; a bonus "when accuracy is
    95% or higher" names the side that is paid.
    """
    if sanctions <= w.defined_by_bar:
        return None if cmp == "=" else cmp in (">", ">=")
    if w.required.search(text) and cmp in (">", ">="):
        return False
    if w.necessary.search(text):
        return True if cmp in ("<", "<=") else None
    if w.safe.search(text) or w.denied.search(text):
        # the safe case named ("as long as ... you stay on"), or the sanctioned one with the safe side beside it
        # ("we'll only offboard a rater who misses more than one in four ...; anyone doing better stays on")
        return True if cmp in (">", ">=", "=", "<", "<=") else None
    return False if cmp in ("<", "<=") else None


def same_measures(texts) -> dict[str, str]:
    """Each measure a deck gives a second name, mapped to one name for both: "The calibration score on your
    dashboard is just another name for gold accuracy", "Audit accuracy (the dashboard labels this number Gold
    Agreement)". The measures one such sentence names are one measure."""
    w = _words()
    rx = re.compile(rf"\b(?:{lexicon().data['quality_bars']['same_measure']})", re.I)
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for text in texts:
        if not rx.search(text):
            continue
        kinds = sorted(k for k, m in w.metrics if m.search(text))
        for k in kinds[1:]:
            parent[root(k)] = root(kinds[0])
    return {k: root(k) for k in parent}


__all__ = ["QualityBar", "read_quality_bar", "same_measures"]
