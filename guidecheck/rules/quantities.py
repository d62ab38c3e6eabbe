"""Numeric constraints in a sentence: 'at least 50 words' -> Quantity(length, >=, 50, word).

Comparator phrases, number words and units are data (``data/quantities.toml``). The comparator is kept as the
sentence states it, also under a prohibition ("must not be longer than 120 words" -> ``>`` 120); checks combine
it with the rule's kind. A number without a unit ("rated at least 4") measures a score; an unknown noun after the
number ("up to 150 tasks") becomes its own unit, counted. Times are normalised to seconds so they compare.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import Quantity
from .quantity_context import in_context, periods_in_a_row

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*|%")
_DEGREES = re.compile(r"\s*°\s*([FCfc])\b")
# Words that may sit between "two or more" and its unit ("two or more independent sources").
_MAX_MODIFIERS = 2


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("guidecheck").joinpath("data/quantities.toml").read_text("utf-8"))


def number_words() -> dict[str, float]:
    """The number words of data/quantities.toml ("three" -> 3), as the quantity reader knows them."""
    return {k: float(v) for k, v in _data()["number_words"].items()}


@lru_cache(maxsize=1)
def number_words_pattern() -> str:
    """The number words as one regex alternation, longest first ("seventeen" before "seven"), for the readers that
    take a figure or a word ("within two days", "17 of the 25")."""
    return "|".join(sorted(map(re.escape, number_words()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = _data()
    words = "|".join(sorted(d["number_words"], key=len, reverse=True))
    # a number word ends at a word boundary ("nine" is not the start of "ninety"); a figure in brackets after it
    # repeats it, as agreements write them ("thirty (30) days")
    num = r"(?P<n>\d+(?:[.,]\d+)?|(?:" + words + r")\b)(?:\s*\(\d+%?\))?"
    before = "|".join(re.escape(k) for k in sorted(d["before"], key=len, reverse=True))
    after = "|".join(re.escape(k) for k in sorted(d["after"], key=len, reverse=True))
    p_before = re.compile(rf"(?<![\w-])(?P<cmp>{before})\s+{num}(?![\w.,]\d)", re.I)
    p_after = re.compile(
        rf"(?<![\w.-]){num}(?P<deg>\s*°\s*[FC]\b(?:\s*\([^()]{{1,20}}\))?)?(?:\s+(?P<u1>[A-Za-z]+)|\s*(?P<pct>%))?"
        rf"\s+(?P<cmp>{after})\b",
        re.I,
    )
    p_between = re.compile(
        rf"\b(?:between|from)\s+(?P<a>\d+(?:\.\d+)?|(?:{words})\b)\s*%?\s*(?P<u1>[A-Za-z]+\s+)?(?:and|to|-|–)\s+"
        rf"(?P<b>\d+(?:\.\d+)?|(?:{words})\b)(?![\w.]\d)",
        re.I,
    )
    nouns = "|".join(re.escape(k) for k in sorted(d["limit_nouns"], key=len, reverse=True))
    p_limit = re.compile(
        rf"\b(?P<cmp>{nouns})s?\b(?P<mid>(?:\s+(?!(?:is|are|of|not|no)\b)[\w'-]+){{0,6}}?)(?:\s+(?:of|is|are)|\s*:)\s+{num}",
        re.I,
    )
    # "a 12-minute time cap", "a 500-word limit": the measure written as a compound before the limit noun
    p_compound = re.compile(
        rf"(?<![\w.-]){num}[-\s](?P<u1>[A-Za-z]+)\s+(?:[\w'-]+\s+){{0,2}}?(?P<cmp>{nouns})s?\b", re.I
    )
    return p_before, p_after, p_between, p_limit, p_compound


def _number(raw: str) -> float:
    words = _data()["number_words"]
    return float(words[raw.lower()]) if raw.lower() in words else float(raw.replace(",", ""))


def _singular(word: str, lemma: Callable[[str], str] | None) -> str:
    w = word.lower()
    if w in _data()["units"]:  # "ms", "px": a unit as written, not a plural
        return w
    if lemma is not None:
        return lemma(word).lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _of_determiner() -> re.Pattern[str]:
    return re.compile(_data()["of_determiner"], re.I)


def _unit_after(text: str, pos: int, lemma, is_noun) -> tuple[str | None, str, float, int]:
    """(unit, attribute, scale, end) for the words after position ``pos``; unit None means a bare number.

    Up to two modifiers may precede the unit ("two or more independent sources"); a function word ends the search.
    """
    d = _data()
    units, scale, stop = d["units"], d["scale"], set(d.get("not_units", []))
    bare = (None, d["defaults"]["attribute"], 1.0, pos)
    if (deg := _DEGREES.match(text, pos)) is not None:  # "103°F": a temperature, in its own scale
        unit = "°" + deg.group(1).upper()
        return unit, units[unit], 1.0, deg.end()
    if (of := _of_determiner().match(text, pos)) is not None:
        pos = of.end()  # "three of its gold items" counts gold items
    prev_end = pos
    for i, m in enumerate(_WORD.finditer(text, pos)):
        if i > _MAX_MODIFIERS or text[prev_end : m.start()].strip() not in ("", "-"):
            break
        word = m.group(0)
        s = _singular(word, lemma)
        if s in units:
            return s, units[s], float(scale.get(s, 1)), m.end()
        if word.lower() in stop or s in stop:
            break
        if is_noun is not None:
            if is_noun(word):
                head = _compound_head(text, m.end(), lemma, is_noun)  # "gold items" counts items
                if head is not None and head[0] in units:  # "one business day" is a time
                    return head[0], units[head[0]], float(scale.get(head[0], 1)), head[1]
                if head is not None:
                    return head[0], d["defaults"]["count_attribute"], 1.0, head[1]
                return s, d["defaults"]["count_attribute"], 1.0, m.end()
        elif i == 0:
            return s, d["defaults"]["count_attribute"], 1.0, m.end()
        prev_end = m.end()
    return bare


def _compound_head(text: str, pos: int, lemma, is_noun) -> tuple[str, int] | None:
    """(the head, its end) of a compound the noun at ``pos`` modifies: the next word, a noun, right after it."""
    m = re.compile(r" ([A-Za-z][A-Za-z-]*)").match(text, pos)
    if m is None or not is_noun(m.group(1)) or m.group(1).lower() in _data().get("not_units", []):
        return None
    return _singular(m.group(1), lemma), m.end()


def _make(
    attribute: str,
    cmp: str,
    value: float,
    unit: str | None,
    scale: float,
    text: str,
    upper: float | None = None,
) -> Quantity:
    if scale != 1 and attribute == "time":
        unit = "second"
    if attribute == "distance":
        unit = "metre"  # "0.25 m" and "15 cm" compare
    if unit is None and attribute == _data()["defaults"]["attribute"] and 0 < value < 1 and upper is None:
        attribute = _data()["defaults"][
            "fraction_attribute"
        ]  # "at or above 0.8": an agreement rate, not a score
    return Quantity(attribute, cmp, value * scale, unit, upper * scale if upper is not None else None, text)


# "1,200 characters a minute", "17 characters per second": a rate, not a length (per second, to compare).
_PER_TIME = re.compile(r"\s+(?:a|an|per|each|every)\s+(?P<t>second|sec|minute|min|hour)\b", re.I)


class _Scan:
    """One pass over a text: the quantities found so far and the character ranges they took."""

    def __init__(self, text: str, lemma, is_noun) -> None:
        self.text, self.lemma, self.is_noun = text, lemma, is_noun
        self.found: list[tuple[int, Quantity]] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in self.taken)

    def unit_at(self, pos: int):
        unit, attr, scale, end = _unit_after(self.text, pos, self.lemma, self.is_noun)
        per = _PER_TIME.match(self.text, end) if unit is not None and attr != "time" else None
        if per is None:
            return unit, attr, scale, end
        seconds = float(_data()["scale"].get(per.group("t").lower(), 1))
        return f"{unit} per second", f"{attr} per second", scale / seconds, per.end()

    def add(self, start: int, end: int, q: Quantity) -> None:
        self.found.append((start, q))
        self.taken.append((start, end))


_FRACTION_WORD = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|tenths?)\b", re.I)


@lru_cache(maxsize=1)
def _fraction_patterns() -> tuple[re.Pattern[str], ...]:
    d = _data()
    fr = "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(d["fraction_words"], key=len, reverse=True)
    )
    before = "|".join(re.escape(k) for k in sorted(d["before"], key=len, reverse=True))
    after = "|".join(re.escape(k) for k in sorted(d["after"], key=len, reverse=True))
    share = (
        # "of the object", "in either direction", or the end of the clause ("but less than half.")
        r"(?=\s+(?:of|in)\b|\s*[.,;:)]|\s*$)"
    )
    units = "|".join(
        u for u, scale in d["scale"].items() if scale > 1
    )  # "half a minute", "a quarter of an hour"
    time = rf"\s+(?:of\s+)?an?\s+(?P<u>{units})\b"
    return (
        re.compile(rf"(?<![\w-])(?P<cmp>{before})\s+(?P<f>{fr}){time}", re.I),
        re.compile(rf"(?<![\w-])(?P<f>{fr}){time}\s+(?P<cmp>{after})\b", re.I),
        re.compile(rf"(?<![\w-])(?P<cmp>{before})\s+(?P<f>{fr}){share}", re.I),
        re.compile(rf"(?<![\w-])(?P<f>{fr})\s+(?P<cmp>{after}){share}", re.I),
    )


@lru_cache(maxsize=1)
def _fraction_values() -> dict[str, float]:
    """Fraction words with single spaces ("two thirds") -> percent, built once rather than per sentence."""
    return {" ".join(k.split()): float(v) for k, v in _data()["fraction_words"].items()}


def _fractions(scan: _Scan) -> None:
    """'more than half a minute', 'up to a quarter of an hour': a time, in seconds; 'half or more of the object',
    'more than one third of the rider': a share, in percent. Read before the number words in them ("one" of "one
    third") are read as a count."""
    if not _FRACTION_WORD.search(scan.text):
        return  # one cheap look first: the four patterns below cost as much as the rest of the reader
    d = _data()
    words = _fraction_values()
    tables = (d["before"], d["after"], d["before"], d["after"])
    for rx, table in zip(_fraction_patterns(), tables, strict=True):
        for m in rx.finditer(scan.text):
            if not scan.free(m.start(), m.end()):
                continue
            share = words[" ".join(m.group("f").lower().split())]
            cmp = table[" ".join(m.group("cmp").lower().split())]
            if "u" in rx.groupindex:
                seconds = round(share / 100 * d["scale"][m.group("u").lower()], 1)  # a third of an hour: 1200
                q = Quantity("time", cmp, seconds, "second", None, m.group(0))
            else:
                q = Quantity("percent", cmp, share, "%", None, m.group(0))
            scan.add(m.start(), m.end(), q)


def _betweens(scan: _Scan, rx: re.Pattern[str]) -> None:
    """'between 50 and 100 words'; not 'raised from 20 to 30 words', a change from one limit to another."""
    for m in rx.finditer(scan.text):
        if changed_before(scan.text, m.start()):
            continue
        unit, attr, scale, end = scan.unit_at(m.end())
        if m.group("u1"):
            unit, attr, scale, _ = scan.unit_at(m.start("u1"))
        text = scan.text[m.start() : end].strip()
        q = _make(attr, "between", _number(m.group("a")), unit, scale, text, _number(m.group("b")))
        scan.add(m.start(), end, q)


_CHANGED = re.compile(
    r"\b(?:raised|lowered|increased|decreased|reduced|changed|moved|cut|extended)\s+(?:from\s+)?$", re.I
)


def changed_before(text: str, start: int) -> bool:
    """The figures at ``start`` follow "raised (from)": a limit changed from one value to another, no range."""
    return _CHANGED.search(text, max(0, start - 25), start) is not None


def _afters(scan: _Scan, rx: re.Pattern[str]) -> None:
    """'50 words or more', '3 or fewer'."""
    for m in rx.finditer(scan.text):
        if not scan.free(m.start(), m.end()):
            continue
        cmp = _data()["after"][m.group("cmp").lower()]
        if m.group("deg"):  # "103°F (39.4°C) or higher"
            unit, attr, scale, _ = scan.unit_at(m.end("n"))
            end = m.end()
        elif m.group("pct"):  # "50% or more"
            unit, attr, scale, end = "%", _data()["units"]["%"], 1.0, m.end()
        elif m.group("u1"):
            unit, attr, scale, _ = scan.unit_at(m.start("u1"))
            end = m.end()
            if unit is None:  # "10 or more should": the word was not a unit
                continue
        else:
            unit, attr, scale, end = scan.unit_at(m.end())
            end = max(end, m.end())
        text = scan.text[m.start() : end].strip()
        scan.add(m.start(), end, _make(attr, cmp, _number(m.group("n")), unit, scale, text))


def _befores(scan: _Scan, rx: re.Pattern[str]) -> None:
    """'at least 50 words', 'no more than 3 minutes'."""
    for m in rx.finditer(scan.text):
        if not scan.free(m.start(), m.end()):
            continue
        unit, attr, scale, end = scan.unit_at(m.end())
        if m.group("cmp").lower() == "under" and unit in _data()["filed_under"]:
            continue  # "under two categories": filed under them, not fewer
        end = max(end, m.end())
        cmp = _data()["before"][m.group("cmp").lower()]
        text = scan.text[m.start() : end].strip()
        scan.add(m.start(), end, _make(attr, cmp, _number(m.group("n")), unit, scale, text))


def _limits(scan: _Scan, rx: re.Pattern[str]) -> None:
    """'a hard limit of 1,200 seconds', 'the time cap per clip is 25 minutes', 'a maximum score of 3': a limit
    named by a noun. A bare number counts only when the words between name a score ("maximum score of 3"); "the
    cap on retries is two" says too little about what is counted."""
    d = _data()
    for m in rx.finditer(scan.text):
        if not scan.free(m.start("n"), m.end("n")):
            continue
        unit, attr, scale, end = scan.unit_at(m.end())
        mid = {_singular(w, None) for w in m.group("mid").lower().split()}
        if unit is None and not mid & set(d["limit_score_words"]):
            continue
        cmp = d["limit_nouns"][m.group("cmp").lower()]
        text = scan.text[m.start() : max(end, m.end())].strip()
        scan.add(m.start(), max(end, m.end()), _make(attr, cmp, _number(m.group("n")), unit, scale, text))


def _compound_limits(scan: _Scan, rx: re.Pattern[str]) -> None:
    """'a 12-minute time cap', 'a 500-word limit', 'a 30-second maximum': a limit named by a noun whose measure
    stands before it as a compound; the word after the number must be a unit."""
    for m in rx.finditer(scan.text):
        if not scan.free(m.start(), m.end()):
            continue
        unit, attr, scale, _ = scan.unit_at(m.start("u1"))
        if unit is None:
            continue
        cmp = _data()["limit_nouns"][m.group("cmp").lower()]
        scan.add(m.start(), m.end(), _make(attr, cmp, _number(m.group("n")), unit, scale, m.group(0)))


def limit_named(q: Quantity) -> bool:
    """The quantity was read from a limit noun ("cap per clip is 25 minutes"), so stating it sets a rule."""
    first = re.split(r"[\s:]+", q.text.strip(), maxsplit=1)[0].lower() if q.text else ""  # "limit: 3 minutes"
    last = q.text.strip().rsplit(maxsplit=1)[-1].lower() if q.text else ""  # "a 12-minute time cap"
    nouns = _data()["limit_nouns"]
    return any(w in nouns or w.rstrip("s") in nouns for w in (first, last))


def find_quantities(
    text: str, lemma: Callable[[str], str] | None = None, is_noun: Callable[[str], bool] | None = None
) -> list[Quantity]:
    """Every numeric constraint in ``text``, in order of appearance.

    ``lemma``/``is_noun`` come from the spaCy parse when available, so unknown units are lemmatised and only
    nouns become units. Ranges are read first, then "N or more", then "at least N": a longer reading wins.
    """
    p_before, p_after, p_between, p_limit, p_compound = _patterns()
    scan = _Scan(text, lemma, is_noun)
    _fractions(scan)
    _betweens(scan, p_between)
    _afters(scan, p_after)
    _befores(scan, p_before)
    _limits(scan, p_limit)
    _compound_limits(scan, p_compound)
    share = _share_after()
    return [
        in_context(q, text, start)
        for start, q in sorted(scan.found, key=lambda x: x[0])
        if not (q.unit is None and share.match(text, start + len(q.text)))
    ]


@lru_cache(maxsize=1)
def _share_after() -> re.Pattern[str]:
    """'more than one in five of your spans', 'below four out of five': a bare number before "in five" is one
    side of a share, not a score or a count (``rules/quality_bars.py`` reads the share)."""
    words = "|".join(sorted(_data()["number_words"], key=len, reverse=True))
    units = "|".join(re.escape(u) + "s?" for u in _data()["units"] if u != "%")  # "3 in 10 seconds" is a rate
    return re.compile(
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?:in|out\s+of)\s+(?:\d+|(?:{words}))\b(?!\s*(?:%|(?:percent|{units})\b))",
        re.I,
    )


__all__ = ["find_quantities", "limit_named", "periods_in_a_row"]
