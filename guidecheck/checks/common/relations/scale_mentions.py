"""A scale point named in a sentence with another number than its rubric row gives it (CON007).

The rubric says "3 | Acceptable | ...", and a rule further on says "... can get no better than Acceptable, which on
this scale means a 2". Rubric tables are compared with each other elsewhere (scales.py); this reads the names a
sentence ties to a number ("a 3 (Acceptable)", "Off-Topic (1)", "4 – Highly Relevant", "Acceptable, which means a
2") and compares them with the rows. A name two rows give two values (two dimensions that both have a "Good") is
left alone.

The other way round: a sentence that gives a scale point a name no row has ("A score of 3 counts as 'Acceptable'"
where the row says "3 | Major edits", "In the rating tool, score 2 appears as 'Minor issues'" where it says "2 |
Poor") names one score two ways (``names_said_disagree``).
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


# A name a sentence gives a score: quoted ("score 2 appears as 'Minor issues'", "confidence 1 ('Confirmed')"),
# capitalised after "means" ("A score of 2 means Accept with Edits:"), in brackets with its small words ("A score
# of 4 (Return for Rework)"), or as the score's kind ("give the item a 3, the minor-issues score").
_QUOTED = r"['‘“\"](?P<n>[^'’”\"]{2,30})['’”\"]"
_SAID = (
    re.compile(
        r"\bscore\s+(?:of\s+)?(?P<v>\d)\s+(?:counts\s+as|appears\s+as|is\s+called|is\s+labell?ed|is\s+shown\s+as|"
        rf"shows\s+as|means)\s+{_QUOTED}",
        re.I,
    ),
    re.compile(rf"\b(?P<v>\d)\s+(?:appears|shows)\s+as\s+{_QUOTED}"),
    re.compile(rf"\b(?P<v>\d)\s*\(\s*{_QUOTED}\s*\)"),
    re.compile(r"\ban?\s+(?P<v>\d),\s+the\s+(?P<n>[\w -]{2,25}?)\s+score\b"),
    re.compile(
        r"\b(?i:score)\s+of\s+(?P<v>\d)\s+means\s+(?P<n>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|with|for|of|and|to)){0,3})"
        r"\s*[:;,.(]"
    ),
    re.compile(
        r"\b(?i:score)\s+of\s+(?P<v>\d)\s*\((?P<n>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|with|for|of|and|to)){0,3})\)"
    ),
    # "A 3 (Needs Revision) means ...", "gets a 1 (Unusable)"
    re.compile(
        r"\b(?:[Aa]n?)\s+(?P<v>\d)\s*\((?P<n>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|with|for|of|and|to)){0,3})\)"
    ),
)


def _same_name(a: str, b: str, exact: bool = False) -> bool:
    """One name, written with other case or hyphens ("minor-issues" / "Minor issues"); unless ``exact``, also with
    words around it ("Accept with Edits" / "Accept")."""
    x, y = (" ".join(re.sub(r"[-_]", " ", n.lower()).split()) for n in (a, b))
    return x == y or (not exact and (x in y or y in x))


def names_said_disagree(claims: list[Claim], rows: list[tuple[Claim, float, str | None]]) -> list[Relation]:
    """CON007 for each sentence that gives a scale point a name no rubric row has, where the rows name that point
    one way."""
    names = [name for _, _, name in rows if name]
    out: list[Relation] = []
    for f in claims:
        if f.rule.kind == "rubric" or f.rule.cells or f.rule.is_example:
            continue
        for rx in _SAID:
            m = rx.search(f.text)
            if m is None:
                continue
            said, v = m.group("n").strip(), float(m.group("v"))
            found = _said_clash(f, said, v, rows, names)
            if found is not None:
                row, name, why = found
                spans = find_span(row.rule, name) + find_span(f.rule, m.group(0))
                code = "REL002" if f.update else "CON007"
                out.append(Relation(code, row.rule, f.rule, 0.85, why, spans, "CON007" if f.update else None))
            break
    return out


def _said_clash(f: Claim, said: str, v: float, rows, names: list[str]) -> tuple[Claim, str, str] | None:
    """(the row, its name, why) when a sentence names score ``v`` “said” against the rows: the one row of another score
    with that name ("a 3, the minor-issues score" where "4 | Minor issues"), or, when no row has the name, the row
    that names ``v`` (the only name the rows give it)."""
    mine = [(g, w, n) for g, w, n in rows if n and same_project(g.rule, f.rule)]
    same = [(g, w, n) for g, w, n in mine if _same_name(said, n, exact=True)]
    if same:
        values = {w for _, w, _ in same}
        if len(values) != 1 or abs(next(iter(values)) - v) < 1e-9:
            return None  # the row's own name for it, or a name two rows share
        g, w, n = same[0]
        return (
            g,
            n,
            f"The rubric row {quoted(as_read(g.rule))} makes “{n}” a {w:g}, but {quoted(as_read(f.rule))} makes it a {v:g}.",
        )
    named = {n for _, w, n in mine if abs(w - v) < 1e-9}
    if len(named) != 1 or any(_same_name(said, n) for n in names):
        return None  # the rows name it two ways (names_disagree), or another project's row has the name
    name = next(iter(named))
    row = next(g for g, w, n in mine if n == name and abs(w - v) < 1e-9)
    return (
        row,
        name,
        f"The rubric row {quoted(as_read(row.rule))} names score {v:g} “{name}”, but {quoted(as_read(f.rule))} calls it “{said}”.",
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


__all__ = ["mentions_disagree", "names_said_disagree"]
