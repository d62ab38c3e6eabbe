"""Deck-wide relations that are not about one candidate pair: rating scales and worked examples.

Scales: every "1-5 scale" declaration and rubric table defines the scores a rater may give; a score outside all
of them, two declarations with different ranges, or one score named two ways is a rating-scale conflict.
Examples: a worked example whose verdict (a deduction, a score) breaks a rule about the same thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..deck import same_project
from .claims import Claim, Interval
from .lexicon import content, data, lexicon
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted, span_of


def _declarations(claims: list[Claim]) -> list[tuple[Claim, Interval, tuple[int, int]]]:
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
    """Rubric rows grouped by table (document, section, header): (frame, score, name)."""
    lex = lexicon()
    groups: dict[tuple, list[tuple[Claim, float, str | None]]] = defaultdict(list)
    for f in claims:
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


def scale_relations(claims: list[Claim]) -> list[Relation]:
    out: list[Relation] = []
    decls = _declarations(claims)
    tables = _tables(claims)
    # Two declarations of different ranges for the same scale.
    for i, (fa, ia, sa) in enumerate(decls):
        for fb, ib, sb in decls[i + 1 :]:
            if (
                (ia.lo, ia.hi) == (ib.lo, ib.hi)
                or fa.rule.id == fb.rule.id
                or not same_project(fa.rule, fb.rule)
            ):
                continue
            if fa.core and fb.core and not (fa.core & fb.core):
                continue  # different dimensions ("fluency 1-3", "overall 1-5")
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
    # A score used outside every declared scale.
    ranges = [(f, iv, s) for f, iv, s in decls]
    for rows in tables.values():
        values = [v for _, v, _ in rows]
        if len(values) >= 2:
            ranges.append((rows[0][0], Interval(min(values), max(values)), None))
    if ranges:
        for f in claims:
            if (f.rule.kind == "rubric" and not f.rule.is_example) or not f.outcomes:
                continue
            for label, span in f.outcomes:
                try:
                    v = float(label)
                except ValueError:
                    continue
                same_doc = [r for r in ranges if r[0].rule.path == f.rule.path and r[0].rule.id != f.rule.id]
                relevant = same_doc or [
                    r for r in ranges if r[0].rule.id != f.rule.id and same_project(r[0].rule, f.rule)
                ]
                broken = [r for r in relevant if not r[1].lo <= v <= r[1].hi]
                if not broken:
                    continue
                src, iv, s = broken[0]
                spans = span_of(f.rule, span) + (span_of(src.rule, s) if s else [])
                what = "the example" if f.rule.is_example else "the rule"
                out.append(
                    _make(
                        src,
                        f,
                        0.9,
                        f"{quoted(as_read(f.rule))} uses a score of {v:g}, outside the {iv.lo:g}–{iv.hi:g} "
                        f"scale of {quoted(as_read(src.rule))} ({what} cannot be followed on that scale).",
                        spans,
                    )
                )
                break
    # One score named two ways in two tables.
    names: dict[float, list[tuple[Claim, str]]] = defaultdict(list)
    for rows in tables.values():
        for f, v, name in rows:
            if name:
                names[v].append((f, name))
    for v, items in sorted(names.items()):
        first_f, first_name = items[0]
        for f, name in items[1:]:
            if (
                name.lower() != first_name.lower()
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
        return Relation(
            "REL002",
            a,
            b,
            round(conf * 0.9, 3),
            f"{quoted(as_read(later.rule))} is a dated update of the rating scale; not a contradiction.",
            spans,
            stands_for="CON007",
        )
    return Relation("CON007", a, b, conf, why, spans)


@dataclass
class _Example:
    """One worked example: its sentences merged (the case in one sentence, "Rating: 3." in the next)."""

    claims: list[Claim]
    everything: frozenset[str]
    penalty: tuple[Claim, tuple[int, int]] | None
    score: tuple[Claim, Interval, tuple[int, int] | None] | None
    outcomes: list[tuple[Claim, str, tuple[int, int]]]

    @property
    def text(self) -> str:
        return " ".join(f.text for f in self.claims)


_EXAMPLE_START = re.compile(
    r"^\s*(?:worked\s+)?(?:example|e\.g\.|for example|for instance|sample|case)\b", re.I
)


def _examples(claims: list[Claim]) -> list[_Example]:
    """Consecutive example sentences of one block form one example; "Example 2: ..." starts the next one."""
    groups: list[list[Claim]] = []
    last_key = None
    for f in claims:
        if not f.rule.is_example:
            last_key = None
            continue
        loc = f.rule.location
        key = (loc.path, loc.line, loc.page, loc.slide, loc.notes)
        if groups and key == last_key and not _EXAMPLE_START.match(f.text):
            groups[-1].append(f)
        else:
            groups.append([f])
        last_key = key
    out = []
    for members in groups:
        penalty = next(
            ((f, f.penalty) for f in members if f.penalty and not _negated_before(f.text, f.penalty[0])), None
        )
        score = next(((f, f.score, f.score_span) for f in members if f.score), None)
        outcomes = [(f, o, s) for f in members for o, s in f.outcomes if not o.replace(".", "").isdigit()]
        everything = frozenset().union(*(f.everything for f in members))
        out.append(_Example(members, everything, penalty, score, outcomes))
    return out


def _negated_before(text: str, start: int) -> bool:
    """'did not deduct', 'without docking': the penalty is denied, not applied."""
    window = text[max(0, start - 14) : start].lower()
    return bool(re.search(r"(?<![\w'])(?:not|no|never|n't|without|nothing)(?![\w'])", window))


def example_relations(claims: list[Claim], aliases: dict[str, str] | None = None) -> list[Relation]:
    """Worked examples whose verdict breaks a rule about the same thing."""
    lex = lexicon()
    th = lex.thresholds["example_topic"]
    aliases = aliases or {}
    examples = [e for e in _examples(claims) if e.penalty or e.score or e.outcomes]
    if not examples:
        return []
    # Only sentences with force or an outcome are rules an example can break ("Note that ..." is not).
    rules = [
        f
        for f in claims
        if f.rule.kind != "rubric" and (f.deontic or f.outcomes) and not is_example_material(f)
    ]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(rules):
        for w in f.core | f.condition:
            postings[w].append(i)
    penalty_words = content(" ".join(data()["words"]["penalty"]))
    out: list[Relation] = []
    for e in examples:
        seen: dict[int, int] = defaultdict(int)
        for w in e.everything:
            for i in postings.get(w, ()):
                seen[i] += 1
        found: list[tuple[int, float, Relation]] = []
        covers: dict[int, float] = {}
        for i, shared in sorted(seen.items()):
            r = rules[i]
            topic = (r.core | r.condition) - penalty_words
            if topic and shared >= 2 and same_project(r.rule, e.claims[0].rule):
                covers[i] = len(topic & e.everything) / len(topic)
        # The example's case is the one it matches best: "a harmful request" is judged by the harmful-request
        # rule, not by the harmless-request rule it also resembles.
        best_outcome = max((c for i, c in covers.items() if rules[i].outcomes), default=0.0)
        for i, cover in sorted(covers.items()):
            r = rules[i]
            if cover < th:
                continue
            if r.outcomes and not r.penalty and cover < best_outcome - 1e-9:
                continue
            rel = None
            if e.penalty and r.penalty and r.deontic in ("F", "N"):
                ef, span = e.penalty
                why = f"The example {quoted(e.text)} deducts for what {quoted(as_read(r.rule))} says not to penalize."
                rel = Relation(
                    "CON008",
                    r.rule,
                    ef.rule,
                    round(0.7 + 0.25 * cover, 3),
                    why,
                    span_of(r.rule, r.penalty) + span_of(ef.rule, span),
                )
            elif (
                e.score
                and r.score
                and r.deontic in ("O", None)
                and cover >= 0.6
                and e.score[1].disjoint(r.score)
            ):
                ef, iv, span = e.score
                why = (
                    f"The example {quoted(e.text)} gives {iv.describe()}, but {quoted(as_read(r.rule))} requires "
                    f"{r.score.describe()} for this case."
                )
                rel = Relation(
                    "CON008",
                    r.rule,
                    ef.rule,
                    round(0.6 + 0.3 * cover, 3),
                    why,
                    span_of(r.rule, r.score_span) + span_of(ef.rule, span),
                )
            elif e.outcomes and r.outcomes and r.deontic == "O" and r.condition and cover >= 0.6:
                names = {aliases.get(o.lower(), o.lower()) for _, o, _ in e.outcomes}
                rnames = {aliases.get(o.lower(), o.lower()) for o, _ in r.outcomes}
                if not (names & rnames):
                    ef, label, span = e.outcomes[0]
                    why = (
                        f"The example {quoted(e.text)} is labeled {label}, but {quoted(as_read(r.rule))} requires "
                        f"{r.outcomes[0][0]} for this case."
                    )
                    rel = Relation(
                        "CON008",
                        r.rule,
                        ef.rule,
                        round(0.55 + 0.3 * cover, 3),
                        why,
                        span_of(r.rule, r.outcomes[0][1]) + span_of(ef.rule, span),
                    )
            if rel is not None and (r.exception or r.update):
                rel = Relation(
                    "REL001" if r.exception else "REL002",
                    r.rule,
                    rel.b,
                    round(rel.confidence * 0.8, 3),
                    f"The example {quoted(e.text)} follows the {'exception in' if r.exception else 'update'} "
                    f"{quoted(as_read(r.rule))}; not a contradiction.",
                    rel.spans,
                    stands_for="CON008",
                )
            if rel is not None:
                found.append((0 if rel.code == "CON008" else 1, -cover, rel))
        if found:
            # Every rule the example breaks equally well (a rule and its restatement in the FAQ), else the best.
            best = min(found, key=lambda t: (t[0], t[1]))
            out.extend(
                rel
                for kind, cov, rel in sorted(found, key=lambda t: (t[0], t[1], t[2].a.id))
                if (kind, cov) == best[:2]
            )
    return out


__all__ = ["example_relations", "scale_relations"]
