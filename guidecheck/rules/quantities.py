"""Numeric constraints in a sentence: 'at least 50 words' -> Quantity(length, >=, 50, word)."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from ..model import Quantity


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("guidecheck").joinpath("data/quantities.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = _data()
    num = r"(?P<n>\d+(?:\.\d+)?|" + "|".join(sorted(d["number_words"], key=len, reverse=True)) + r")"
    unit = r"(?:\s*(?P<unit>%|[a-z]+))?"
    before = "|".join(re.escape(k) for k in sorted(d["before"], key=len, reverse=True))
    after = "|".join(re.escape(k) for k in sorted(d["after"], key=len, reverse=True))
    p_before = re.compile(rf"\b(?P<cmp>{before})\s+{num}{unit}", re.I)
    p_after = re.compile(rf"\b{num}{unit}\s+(?P<cmp>{after})\b", re.I)
    p_between = re.compile(
        rf"\bbetween\s+(?P<a>\d+(?:\.\d+)?)\s*(?:(?P<unit1>[a-z]+)\s+)?and\s+(?P<b>\d+(?:\.\d+)?)(?:\s*(?P<unit>%|[a-z]+))?"
        rf"|\b(?:from\s+)?(?P<a2>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?P<b2>\d+(?:\.\d+)?)\s+(?P<unit2>%|[a-z]+)", re.I)
    return p_before, p_after, p_between


def _number(raw: str) -> float:
    words = _data()["number_words"]
    return float(words[raw.lower()]) if raw.lower() in words else float(raw)


def _unit(raw: str | None) -> tuple[str | None, str | None, float]:
    """(unit singular, attribute, scale to base unit) or (None, None, 1) when the word is not a unit."""
    if not raw:
        return None, None, 1.0
    units = _data()["units"]
    word = raw.lower()
    singular = word[:-1] if word.endswith("s") and word[:-1] in units else word
    if singular not in units:
        return None, None, 1.0
    return singular, units[singular], float(_data()["scale"].get(singular, 1))


def find_quantities(text: str) -> list[Quantity]:
    p_before, p_after, p_between = _patterns()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    cmp_before, cmp_after = _data()["before"], _data()["after"]
    for m in p_between.finditer(text):
        a, b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
        unit, attr, scale = _unit(m.group("unit") or m.group("unit1") or m.group("unit2"))
        if attr is None:
            continue
        out.append(Quantity(attr, "between", float(a) * scale, "second" if scale != 1 else unit, float(b) * scale, m.group(0)))
        taken.append(m.span())
    for rx, table in ((p_before, cmp_before), (p_after, cmp_after)):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            unit, attr, scale = _unit(m.group("unit"))
            if attr is None:
                continue
            cmp = table[m.group("cmp").lower()]
            out.append(Quantity(attr, cmp, _number(m.group("n")) * scale, "second" if scale != 1 else unit, None, m.group(0)))
            taken.append(m.span())
    return out
