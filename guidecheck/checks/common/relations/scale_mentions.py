"""A scale point named in a sentence with another number than its rubric row gives it (CON007).

The rubric says "3 | Acceptable | ...", and a rule further on says "... can get no better than Acceptable, which on
this scale means a 2". Rubric tables are compared with each other elsewhere (scales.py); this reads the names a
sentence ties to a number ("a 3 (Acceptable)", "Off-Topic (1)", "4 – Highly Relevant", "Acceptable, which means a
2") and compares them with the rows. A name two rows give two values (two dimensions that both have a "Good") is
left alone.
"""

from __future__ import annotations

import re

from ..deck import same_project
from .claims import Claim
from .relate import Relation
from .text import as_read, find_span, quoted

_NAME = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
_MENTIONS = (
    re.compile(rf"\b(?P<v>\d)\s*\((?P<n>{_NAME})\)"),
    re.compile(rf"\b(?P<n>{_NAME})\s*\((?P<v>\d)\)"),
    re.compile(rf"\b(?P<n>{_NAME}),?\s+which\s+(?:on\s+this\s+scale\s+)?(?:means|is)\s+an?\s+(?P<v>\d)\b"),
    re.compile(rf"\b(?P<v>\d)\s*[–—]\s*(?P<n>{_NAME})\b"),
)


def _row_values(rows: list[tuple[Claim, float, str | None]]) -> dict[str, tuple[float, Claim] | None]:
    """Scale point name -> (its value, its row); None for a name rows give two values."""
    out: dict[str, tuple[float, Claim] | None] = {}
    for f, v, name in rows:
        if not name:
            continue
        key = name.strip().lower()
        if key in out and (out[key] is None or abs(out[key][0] - v) > 1e-9):
            out[key] = None
        elif key not in out:
            out[key] = (v, f)
    return out


def _mentions(f: Claim) -> list[tuple[str, float, str]]:
    """(name, value, the words that tie them) for every name the sentence gives a number."""
    out = []
    for rx in _MENTIONS:
        for m in rx.finditer(f.text):
            out.append((m.group("n").strip(), float(m.group("v")), m.group(0)))
    return out


def mentions_disagree(claims: list[Claim], rows: list[tuple[Claim, float, str | None]]) -> list[Relation]:
    """CON007 for each sentence that ties a scale point's name to another number than its rubric row."""
    values = _row_values(rows)
    if not values:
        return []
    said = [(f, m) for f in claims if f.rule.kind != "rubric" and not f.rule.cells for m in _mentions(f)]
    out: list[Relation] = []
    for f, (name, v, words) in said:
        known = values.get(name.lower())
        if known is None or abs(known[0] - v) < 1e-9 or not same_project(known[1].rule, f.rule):
            continue
        if out and out[-1].b is f.rule:
            continue  # one finding per sentence
        out.append(_relation(f, name, v, words, known, said))
    return out


def _relation(f: Claim, name: str, v: float, words: str, known: tuple[float, Claim], said) -> Relation:
    """The sentence that agrees with the row shows the clash best ("A 3 (Acceptable) is ..."), else the row."""
    agree = next(
        (g for g, (n, w, _) in said if n.lower() == name.lower() and abs(w - known[0]) < 1e-9 and g is not f),
        None,
    )
    other = agree or known[1]
    why = (
        f"{'' if agree else 'The rubric row '}{quoted(as_read(other.rule))} makes “{name}” a {known[0]:g}, but "
        f"{quoted(as_read(f.rule))} makes it a {v:g}."
    )
    spans = find_span(other.rule, name) + find_span(f.rule, words)
    if f.update:
        return Relation("REL002", other.rule, f.rule, 0.85, why, spans, "CON007")
    return Relation("CON007", other.rule, f.rule, 0.85, why, spans)


__all__ = ["mentions_disagree"]
