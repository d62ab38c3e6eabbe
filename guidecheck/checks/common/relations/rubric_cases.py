"""A rule that scores a case one way and the rubric row that describes the same case (CON007).

"A solution that sets up the problem correctly and then stops before reaching any answer receives a 2" against
the rubric row "1 | Limited progress | The solution makes some relevant progress, such as a correct setup ...,
but stops or goes wrong before reaching an answer": a rater who reads the row gives a 1, one who reads the rule a
2. The row must describe the rule's case better than every other row does (most of the case's words, and clearly
more than the next row), and its score must lie outside what the rule gives or allows. A row is never paired with
a rule it merely resembles: a rubric of five rows always shares words with a rule about scores.
"""

from __future__ import annotations

from ..deck import same_project
from .claims import Claim
from .relate import Relation
from .text import as_read, quoted, span_of

COVER = 0.6  # share of the rule's case words the row must hold
MARGIN = 0.1  # ... and this much more than the next best row
SHARED = 3  # and at least this many words


def _scored_rules(claims: list[Claim]) -> list[Claim]:
    """Rules (not examples or rubric rows) that give or allow a score for a case of their own."""
    return [
        f
        for f in claims
        if not f.rule.is_example
        and f.rule.kind != "rubric"
        and f.score is not None
        and f.deontic in ("O", "P", None)
        and len(f.core | f.condition) >= SHARED
    ]


def _best_row(
    rule: Claim, rows: list[tuple[Claim, float, str | None]]
) -> tuple[Claim, float, str | None] | None:
    """The row that describes the rule's case, if one clearly does."""
    case = rule.core | rule.condition
    scored = sorted(
        (
            (len(case & f.everything) / len(case), f.rule.id, (f, v, n))
            for f, v, n in rows
            if same_project(f.rule, rule.rule)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored:
        return None
    cover, _, best = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    shared = len(case & best[0].everything)
    return best if cover >= COVER and shared >= SHARED and cover - second >= MARGIN else None


def case_rows_disagree(claims: list[Claim], rows: list[tuple[Claim, float, str | None]]) -> list[Relation]:
    """Each rule whose score for a case lies outside the score of the rubric row that describes that case."""
    out: list[Relation] = []
    for rule in _scored_rules(claims):
        found = _best_row(rule, rows)
        if found is None:
            continue
        row, value, name = found
        if rule.score.lo <= value <= rule.score.hi:
            continue
        label = f"{value:g}" + (f" ({name})" if name else "")
        verb = "allows" if rule.deontic == "P" else "gives"
        why = (
            f"{quoted(as_read(rule.rule))} {verb} {rule.score.describe()} for a case that the rubric row "
            f"{quoted(as_read(row.rule))} scores {label}."
        )
        out.append(Relation("CON007", row.rule, rule.rule, 0.8, why, span_of(rule.rule, rule.score_span)))
    return out


__all__ = ["case_rows_disagree"]
