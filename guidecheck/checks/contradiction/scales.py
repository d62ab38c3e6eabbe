"""Deck-wide relations that are not about one candidate pair: rating scales and worked examples.

Scales: every "1-5 scale" declaration and rubric table defines the scores a rater may give; a score outside all
of them, two declarations with different ranges, or one score named two ways is a rating-scale conflict.
Examples: a worked example whose verdict (a deduction, a score) breaks a rule about the same thing.
"""
from __future__ import annotations

import math
from collections import defaultdict

from .frames import Frame, Interval
from .lexicon import content, lexicon
from .relate import Relation, _find, _span, q


def _declarations(frames: list[Frame]) -> list[tuple[Frame, Interval, tuple[int, int]]]:
    out = []
    for f in frames:
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


def _tables(frames: list[Frame]) -> dict[tuple, list[tuple[Frame, float, str | None]]]:
    """Rubric rows grouped by table (document, section, header): (frame, score, name)."""
    lex = lexicon()
    groups: dict[tuple, list[tuple[Frame, float, str | None]]] = defaultdict(list)
    for f in frames:
        cells = f.rule.cells
        if f.rule.kind != "rubric" or not cells:
            continue
        score = next((v.strip() for k, v in cells.items() if lex.score_header.match(k)), "")
        name = next((v.strip() for k, v in cells.items() if lex.label_header.match(k) and v.strip()), None)
        try:
            value = float(score)
        except ValueError:
            continue
        key = (f.rule.path, f.rule.section, tuple(cells))
        if not any(abs(v - value) < 1e-9 for _, v, _ in groups[key]):
            groups[key].append((f, value, name))
    return groups


def _update(f: Frame) -> bool:
    return f.update


def scale_relations(frames: list[Frame]) -> list[Relation]:
    out: list[Relation] = []
    decls = _declarations(frames)
    tables = _tables(frames)
    # Two declarations of different ranges for the same scale.
    for i, (fa, ia, sa) in enumerate(decls):
        for fb, ib, sb in decls[i + 1:]:
            if (ia.lo, ia.hi) == (ib.lo, ib.hi) or fa.rule.id == fb.rule.id:
                continue
            if fa.core and fb.core and not (fa.core & fb.core):
                continue  # different dimensions ("fluency 1-3", "overall 1-5")
            out.append(_make(fa, fb, 0.9, f"{q(fa.text)} sets a {ia.lo:g}–{ia.hi:g} scale but {q(fb.text)} "
                             f"sets {ib.lo:g}–{ib.hi:g}.", _span(fa.rule, sa) + _span(fb.rule, sb)))
    # A score used outside every declared scale.
    ranges = [(f, iv, s) for f, iv, s in decls]
    for rows in tables.values():
        values = [v for _, v, _ in rows]
        if len(values) >= 2:
            ranges.append((rows[0][0], Interval(min(values), max(values)), None))
    if ranges:
        for f in frames:
            if f.rule.kind == "rubric" or not f.outcomes:
                continue
            for label, span in f.outcomes:
                try:
                    v = float(label)
                except ValueError:
                    continue
                if any(iv.lo <= v <= iv.hi for _, iv, _ in ranges):
                    continue
                same_doc = [r for r in ranges if r[0].rule.path == f.rule.path and r[0].rule.id != f.rule.id]
                src, iv, s = (same_doc or [r for r in ranges if r[0].rule.id != f.rule.id] or [None])[0] or (None, None, None)
                if src is None:
                    continue
                spans = _span(f.rule, span) + (_span(src.rule, s) if s else [])
                what = "the example" if f.rule.is_example else "the rule"
                out.append(_make(src, f, 0.9, f"{q(f.text)} uses a score of {v:g}, outside the {iv.lo:g}–{iv.hi:g} "
                                 f"scale of {q(src.text)} ({what} cannot be followed on that scale).", spans))
                break
    # One score named two ways in two tables.
    names: dict[float, list[tuple[Frame, str]]] = defaultdict(list)
    for rows in tables.values():
        for f, v, name in rows:
            if name:
                names[v].append((f, name))
    for v, items in sorted(names.items()):
        first_f, first_name = items[0]
        for f, name in items[1:]:
            if name.lower() != first_name.lower() and f.rule.path + str(f.rule.section) != first_f.rule.path + str(first_f.rule.section):
                out.append(_make(first_f, f, 0.85, f"Score {v:g} is named “{first_name}” in {q(first_f.text)} but "
                                 f"“{name}” in {q(f.text)}.", _find(first_f.rule, first_name) + _find(f.rule, name)))
                break
    return out


def _make(fa: Frame, fb: Frame, conf: float, why: str, spans) -> Relation:
    a, b = (fa.rule, fb.rule)
    if fa.update or fb.update:
        later = fb if fb.update else fa
        return Relation("REL002", a, b, round(conf * 0.9, 3),
                        f"{q(later.text)} is a dated update of the rating scale; not a contradiction.", spans,
                        stands_for="CON007")
    return Relation("CON007", a, b, conf, why, spans)


def example_relations(frames: list[Frame]) -> list[Relation]:
    """Worked examples whose verdict breaks a rule about the same thing."""
    lex = lexicon()
    th = lex.thresholds["example_topic"]
    examples = [f for f in frames if f.rule.is_example and (f.penalty or f.score)]
    if not examples:
        return []
    rules = [f for f in frames if not f.rule.is_example and f.rule.kind != "rubric"]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(rules):
        for w in f.core | f.condition:
            postings[w].append(i)
    penalty_words = content(" ".join(lexicon_penalty_words()))
    out: list[Relation] = []
    for e in examples:
        seen: dict[int, int] = defaultdict(int)
        for w in e.everything:
            for i in postings.get(w, ()):
                seen[i] += 1
        best: tuple[float, Relation] | None = None
        for i, shared in seen.items():
            r = rules[i]
            topic = (r.core | r.condition) - penalty_words
            if not topic or shared < 2:
                continue
            cover = len(topic & e.everything) / len(topic)
            if cover < th:
                continue
            rel = None
            if e.penalty and r.penalty and r.deontic in ("F", "N"):
                why = (f"The example {q(e.text)} deducts for what {q(r.text)} says not to penalize.")
                rel = Relation("CON008", r.rule, e.rule, round(0.7 + 0.25 * cover, 3), why,
                               _span(r.rule, r.penalty) + _span(e.rule, e.penalty))
            elif e.score and r.score and r.deontic in ("O", None) and e.score.disjoint(r.score) and cover >= 0.6:
                why = (f"The example {q(e.text)} gives {e.score.describe()}, but {q(r.text)} requires "
                       f"{r.score.describe()} for this case.")
                rel = Relation("CON008", r.rule, e.rule, round(0.6 + 0.3 * cover, 3), why,
                               _span(r.rule, r.score_span) + _span(e.rule, e.score_span))
            if rel is not None and (r.exception or r.update):
                rel = Relation("REL001" if r.exception else "REL002", r.rule, e.rule, rel.confidence * 0.8,
                               f"{q(e.text)} follows the {'exception in' if r.exception else 'update'} "
                               f"{q(r.text)}; not a contradiction.", rel.spans, stands_for="CON008")
            if rel is not None and (best is None or cover > best[0]):
                best = (cover, rel)
        if best:
            out.append(best[1])
    return out


def lexicon_penalty_words() -> list[str]:
    from .lexicon import data
    return data()["words"]["penalty"]


__all__ = ["scale_relations", "example_relations", "math"]
