"""Rating-scale conflicts (CON007): deck-wide relations that are not about one candidate pair.

Every "1-5 scale" declaration and rubric table defines the scores a rater may give; a score outside all of
them, two declarations with different ranges, or one score named two ways is a rating-scale conflict. Worked
examples that break a rule are in examples.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..deck import same_project
from .claims import Claim, Interval, unquoted
from .lexicon import content, data, lexicon
from .relate import Relation
from .rubric_cases import case_rows_disagree
from .scale_mentions import mentions_disagree, names_said_disagree
from .text import as_read, find_span, quoted, span_of


def _declarations(claims: list[Claim]) -> list[tuple[Claim, Interval, tuple[int, int]]]:
    """Scale declarations in rules ("rate on a 1-5 scale", "a 7-point scale"), not in examples: an example's
    numbers are a case, not the deck's scale. The first pattern that matches a rule decides its range."""
    out = []
    for f in claims:
        if f.rule.is_example:
            continue
        for rx in lexicon().scale:
            m = rx.search(f.text)
            if m:
                gd = m.groupdict()
                lo, hi = (1.0, float(gd["n"])) if gd.get("n") else (float(gd["lo"]), float(gd["hi"]))
                if lo < hi:
                    out.append((f, Interval(lo, hi), m.span()))
                break
    return out


def _tables(claims: list[Claim]) -> dict[tuple, list[tuple[Claim, float, str | None]]]:
    """Rubric rows grouped by table (document, section, header): (frame, score, name). Rubric lines ("4 – Good:
    ...") are the rows of the table their section holds."""
    lex = lexicon()
    groups: dict[tuple, list[tuple[Claim, float, str | None]]] = defaultdict(list)
    for f in claims:
        cells = f.rule.cells
        if f.rule.kind != "rubric" or not (cells or f.rule.evidence == "rubric line"):
            continue
        if cells:
            if any(_BOUND_COLUMN.search(k) for k in cells if lex.score_header.match(k)):
                continue  # "Score cap": a bound each row sets on the score, not a score of the scale
            score = next((v.strip() for k, v in cells.items() if lex.score_header.match(k)), "")
            name = next(
                (_row_name(v) for k, v in cells.items() if lex.label_header.match(k) and v.strip()), None
            )
        else:  # a rubric line: "4 – Good: solves the problem with minor gaps"
            score = next((x for x in f.rule.labels if x.strip().isdigit()), "")
            name = next((x.strip() for x in f.rule.labels if not x.strip().isdigit()), None)
        try:
            value = float(score)
        except ValueError:
            continue
        key = (f.rule.path, f.rule.section, tuple(cells))
        if not any(abs(v - value) < 1e-9 for _, v, _ in groups[key]):
            groups[key].append((f, value, name))
    return groups


_NAME_THEN_MEANING = re.compile(r"^\s*(?P<name>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*(?::|—|–|\s-\s)\s*\S")


def _row_name(cell: str) -> str:
    """The name in a "Name and meaning" cell: "Fully Reliable: every citation is Supported ..." -> "Fully
    Reliable" (a cell that is only a name stays whole)."""
    m = _NAME_THEN_MEANING.match(cell)
    return m.group("name").strip() if m else cell.strip()


# A number column that bounds the score ("Score cap", "Max score") gives no row a score of its own.
_BOUND_COLUMN = re.compile(r"\b(?:cap|caps|capped|max|maximum|ceiling|limit|min|minimum|floor)\b", re.I)


def scale_relations(claims: list[Claim]) -> list[Relation]:
    """Rating-scale conflicts of a deck: ranges that disagree, scores off every scale, one score named twice, a
    case scored apart from the rubric row that describes it, a scale point a sentence gives another number or
    another name."""
    decls = _declarations(claims)
    tables = _tables(claims)
    ranges = _ranges(decls, tables) + _dimension_rows(claims)
    rows = [row for group in tables.values() for row in group]
    return (
        _ranges_disagree(decls)
        + _scores_off_scale(claims, ranges)
        + _names_disagree(tables)
        + case_rows_disagree(claims, rows)
        + mentions_disagree(claims, rows)
        + names_said_disagree(claims, rows)
    )


# A column that measures ("Stem length (words)", "Duration (s)", "Word count"): its ranges are no scale.
_MEASURED = re.compile(
    r"\b(?:length|count|number|size|duration|time|age|words?|characters?|seconds?|minutes?|hours?|days?|pages?|"
    r"lines?|items?|percent|%|s|ms|px)\b",
    re.I,
)
_RANGE_CELL = re.compile(r"^\s*(?P<lo>\d+)\s*(?:-|–|—|to)\s*(?P<hi>\d+)\s*$")


def _dimension_rows(claims: list[Claim]) -> list[_Range]:
    """Rows of a table of dimensions, each with its range ("Style | 1–3 | Naming, formatting ..."): the scale of
    that dimension, named by the row's words. They add scales a score can be read against; they are no
    declarations of one scale, so they never disagree with each other."""
    out: list[_Range] = []
    for f in claims:
        for header, value in f.rule.cells.items():
            m = _RANGE_CELL.match(value)
            if m and int(m["lo"]) < int(m["hi"]) and not _MEASURED.search(header):
                i = max(f.rule.text.find(value.strip()), 0)
                out.append((f, Interval(float(m["lo"]), float(m["hi"])), (i, i + len(value.strip()))))
                break
    return out


def _ranges_disagree(decls: list[tuple[Claim, Interval, tuple[int, int]]]) -> list[Relation]:
    """Two declarations of different ranges for the same scale ("rate on a 1-5 scale" / "scores go from 1 to 7").

    Declarations that each name a dimension, and not the same one ("fluency 1-3", "accuracy 1-5"), are left alone.
    """
    out: list[Relation] = []
    for i, (fa, ia, sa) in enumerate(decls):
        for fb, ib, sb in decls[i + 1 :]:
            if (
                (ia.lo, ia.hi) == (ib.lo, ib.hi)
                or fa.rule.id == fb.rule.id
                or not same_project(fa.rule, fb.rule)
            ):
                continue
            da, db = _dimension((fa, ia, sa)), _dimension((fb, ib, sb))
            if da and db and not (da & db):
                continue  # two named dimensions ("tone 1-3", "accuracy 1-5")
            out.append(
                _make(
                    fa,
                    fb,
                    0.9,
                    f"{quoted(as_read(fa.rule))} sets a {ia.lo:g}–{ia.hi:g} scale but {quoted(as_read(fb.rule))} "
                    f"sets {ib.lo:g}–{ib.hi:g}.",
                    span_of(fa.rule, sa) + span_of(fb.rule, sb),
                )
            )
    return out


# A scale a score must fall in: where it is set, its range, and the span of the declaration (None for a table).
_Range = tuple[Claim, Interval, tuple[int, int] | None]


def _ranges(decls: list[tuple[Claim, Interval, tuple[int, int]]], tables: dict[tuple, list]) -> list[_Range]:
    """Every scale a score must fall in: the declared ones, and each rubric table's lowest to highest score.

    A table with one row says nothing about a range, so it is not a scale.
    """
    ranges: list[_Range] = [(f, iv, s) for f, iv, s in decls]
    for rows in tables.values():
        values = [v for _, v, _ in rows]
        if len(values) >= 2:
            ranges.append((rows[0][0], Interval(min(values), max(values)), None))
    return ranges


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return content(" ".join(data()["scale"]["generic_words"]))


def _dimension(r: _Range) -> frozenset[str]:
    """The words that name what a scale rates: its declaration's own words ("Rate helpfulness on a 0-10 scale"),
    or the heading a rubric table sits under. Empty for the deck's general scale ("Rate each response ...")."""
    claim, _, span = r
    words = claim.everything if span is not None else content(" ".join(claim.rule.section[-1:]))
    return words - _generic()


def _applicable(f: Claim, ranges: list[_Range]) -> list[_Range]:
    """The scales a score can be read against: those whose dimension the rule names ("Correctness 4"); else the
    general scales; else every scale of the deck."""
    named = [r for r in ranges if _dimension(r) & f.everything]
    if named:
        return named
    return [r for r in ranges if not _dimension(r)] or ranges


def _scores_off_scale(claims: list[Claim], ranges: list[_Range]) -> list[Relation]:
    """Rules and examples that use a score outside a scale of their deck (at most one finding each).

    Rubric rows define the scale rather than use it, so only example rows of a rubric are checked.
    """
    if not ranges:
        return []
    out: list[Relation] = []
    for f in claims:
        if (f.rule.kind == "rubric" and not f.rule.is_example) or not f.outcomes:
            continue
        rel = _score_off_scale(f, ranges)
        if rel is not None:
            out.append(rel)
    return out


def _score_off_scale(f: Claim, ranges: list[_Range]) -> Relation | None:
    """The first numeric outcome of a rule that falls outside every scale it is read against.

    A scale of the same document wins over the rest of the deck: a document that declares its own scale is
    judged by it, not by another task's scale in the same project. Of those, the rule is read against the
    scales it can mean (``_applicable``), and a score on any of them is on a scale: "Rate Style on a 1-3 scale"
    does not make "can still earn a 4 on Overall Helpfulness" a conflict.
    """
    ceiling = max(10.0, 2 * max(r[1].hi for r in ranges))
    for label, span in f.outcomes:
        try:
            v = float(label)
        except ValueError:
            continue
        if _row_number(f, label) or unquoted(f.text)[span[0]] != f.text[span[0]]:
            continue  # "7 | 04:02–04:40 | HEAT": the table's step number; "Can I get on the 9?": a quoted route
        if v != int(v) or v > ceiling:
            continue  # "to get 177", "the readability grade is 6.4": a count or a measure, no score
        same_doc = [r for r in ranges if r[0].rule.path == f.rule.path and r[0].rule.id != f.rule.id]
        deck = same_doc or [
            r for r in ranges if r[0].rule.id != f.rule.id and same_project(r[0].rule, f.rule)
        ]
        relevant = _applicable(f, deck)
        if not relevant or any(r[1].lo <= v <= r[1].hi for r in relevant):
            continue  # on a scale the rule can mean: a deck may rate several dimensions on scales of their own
        # said against the first scale that excludes it, a declaration before a table (its words name the range)
        src, iv, s = next(r for r in deck if not r[1].lo <= v <= r[1].hi)
        spans = span_of(f.rule, span) + (span_of(src.rule, s) if s else [])
        what = "the example" if f.rule.is_example else "the rule"
        return _make(
            src,
            f,
            0.9,
            f"{quoted(as_read(f.rule))} uses a score of {v:g}, outside the {iv.lo:g}–{iv.hi:g} "
            f"scale of {quoted(as_read(src.rule))} ({what} cannot be followed on that scale).",
            spans,
        )
    return None


def _row_number(f: Claim, label: str) -> bool:
    """The value is the cell of a column that numbers the rows ("Step", "#")."""
    index = lexicon().index_header
    return any(index.match(k.strip()) and v.strip() == label for k, v in (f.rule.cells or {}).items())


def _names_disagree(tables: dict[tuple, list[tuple[Claim, float, str | None]]]) -> list[Relation]:
    """One score named two ways in two tables of the same scale ("3 = Good" here, "3 = Acceptable" there).

    Two tables are one scale described twice when they share at least one name; tables whose names are all
    different rate two dimensions ("3 = Minor issue" for correctness, "3 = Clear" for explanation). Each score is
    reported once, against the first table that names it; names within one section of a document are not
    compared with each other.
    """
    names: dict[float, list[tuple[Claim, str, frozenset[str]]]] = defaultdict(list)
    for rows in tables.values():
        table_names = frozenset(name.lower() for _, _, name in rows if name)
        for f, v, name in rows:
            if name:
                names[v].append((f, name, table_names))
    out: list[Relation] = []
    for v, items in sorted(names.items()):
        first_f, first_name, first_table = items[0]
        for f, name, table in items[1:]:
            if (
                name.lower() != first_name.lower()
                and table & first_table  # tables that share no name are scales of two dimensions
                and same_project(f.rule, first_f.rule)
                and f.rule.path + str(f.rule.section) != first_f.rule.path + str(first_f.rule.section)
            ):
                out.append(
                    _make(
                        first_f,
                        f,
                        0.85,
                        f"Score {v:g} is named “{first_name}” in {quoted(as_read(first_f.rule))} but "
                        f"“{name}” in {quoted(as_read(f.rule))}.",
                        find_span(first_f.rule, first_name) + find_span(f.rule, name),
                    )
                )
                break
    return out


def _make(fa: Claim, fb: Claim, conf: float, why: str, spans) -> Relation:
    a, b = (fa.rule, fb.rule)
    if fa.update or fb.update:
        later = fb if fb.update else fa
        earlier = fa if later is fb else fb
        return Relation(
            "REL002",
            a,
            b,
            round(conf * 0.9, 3),
            f"{quoted(as_read(later.rule))} is an update that replaces the scale in "
            f"{quoted(as_read(earlier.rule))}; edit the old rule too.",
            spans,
            stands_for="CON007",
        )
    return Relation("CON007", a, b, conf, why, spans)


__all__ = ["scale_relations"]
