"""Could a gate learned from the blind verdicts drop the wrong contradiction findings? (round 40: no, not today's)

Every fresh split's findings were judged blind when it was scored (guidelines/labels/heldout<N>-finding-judgments
.jsonl: real or not). This fits a logistic regression on the pair scorer's features of each judged finding's two
rules, as today's code reads them, and sets a margin below which 1 % of the training's real findings fall. Each split
is left out in turn (weights and margin from the other splits), and the findings of the left-out split the gate
would drop are counted apart for the findings today's code still emits on that deck and those it no longer emits
(fixed by a later round's second look). Only the first kind says what a gate would do to today's output.

Round 40's run, on the verdicts of held-out22 to held-out39 (those that quote their two rules): left out split by
split, the gate drops 12 of the 42 wrong findings of the default checks and 2 of their 185 real ones, but 11 of the
12 are findings today's code no longer emits; of the default findings it still emits it drops 2 of 185 real and 1 of
12 wrong. On the opt-in checks' findings still emitted: 5 of 86 real, 12 of 34 wrong; on the bundled blind decks,
24 planted contradictions against 20 findings outside the keys. Not shipped. With held-out40's verdicts added the
script prints, for the default checks, 2 of 198 real and 1 of 14 wrong dropped among findings still emitted, 10 of
32 wrong among those no longer emitted.

Usage, from the repository root: ``python guidelines/src/gate_ceiling.py``. Deterministic.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the repository root, for bench/

from bench.train_pair_scorer import fit_logistic  # noqa: E402
from guidecheck.checks.common.relations.decide import todo_inputs, todo_texts  # noqa: E402
from guidecheck.checks.common.relations.engine import _encoder, _read  # noqa: E402
from guidecheck.checks.common.relations.scorer import features  # noqa: E402
from guidecheck.checks.registry import on_by_default  # noqa: E402
from guidecheck.config import load_config  # noqa: E402
from guidecheck.evaluate.judged import verdict_rows  # noqa: E402
from guidecheck.pipeline import begin, complete  # noqa: E402

L2 = 10.0
KEEP_SHARE = 0.01


def judged_rows() -> list[dict]:
    """The verdicts on contradiction findings that quote their two rules."""
    rows = verdict_rows(ROOT / "guidelines")
    return [r for r in rows if len(r.get("rules") or []) == 2 and re.fullmatch(r"CON\d{3}", r["check"])]


def deck_rows(deck: str, rows: list[dict]) -> list[tuple[dict, np.ndarray, bool]]:
    """(judged finding, features of its pair, whether today's code still reports it) for one deck."""
    folder = str(ROOT / "guidelines" / "blind" / deck)
    started = begin([folder], load_config([folder]), ["CON", "REL"])
    started.cached = None  # the index is the point
    result = complete(started)
    index, readings = result.index, _read(result.index)
    emitted = {(f.check, frozenset(r.text for r in result.rules if r.id in f.rules)) for f in result.findings}
    where: dict[str, int] = {}
    for n, rule in enumerate(index.rules):
        where.setdefault(rule.text, n)
    found = [
        (r, where[r["rules"][0]], where[r["rules"][1]]) for r in rows if all(t in where for t in r["rules"])
    ]
    claims, sides = readings.claims, readings.sides()
    todo = [(i, j, float(index.vectors[i] @ index.vectors[j]), None, True) for _, i, j in found]
    inputs = todo_inputs(claims, sides, todo, todo_texts(claims, sides, todo), _encoder(index))
    return [
        (r, features(p), (r["check"], frozenset(r["rules"])) in emitted)
        for (r, _, _), (p, _) in zip(found, inputs)
    ]


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit_logistic((x - mean) / scale, y, l2=L2)
    margins = ((x - mean) / scale) @ coef + intercept
    return mean, scale, coef, intercept, float(np.quantile(margins[y == 1], KEEP_SHARE))


def left_out(data: list[tuple[dict, np.ndarray, bool]]) -> Counter:
    """(still emitted, on by default, real, dropped) -> findings, each split scored by a gate fitted without it."""
    tally: Counter = Counter()
    for split in sorted({r["split"] for r, _, _ in data}):
        train = [(r, x) for r, x, _ in data if r["split"] != split]
        mean, scale, coef, intercept, margin = fit(
            np.vstack([x for _, x in train]), np.array([r["verdict"] == "real" for r, _ in train])
        )
        for r, x, still in data:
            if r["split"] == split:
                dropped = float(((x - mean) / scale) @ coef + intercept) < margin
                tally[(still, on_by_default(r["check"]), r["verdict"] == "real", dropped)] += 1
    return tally


def main() -> None:
    by_deck: dict[str, list[dict]] = defaultdict(list)
    for r in judged_rows():
        by_deck[r["deck"]].append(r)
    data = [item for deck in sorted(by_deck) for item in deck_rows(deck, by_deck[deck])]
    tally = left_out(data)
    print("findings                              real (dropped)   wrong (dropped)")
    for still in (True, False):
        for default in (True, False):
            cells = []
            for real in (True, False):
                n = tally[(still, default, real, True)] + tally[(still, default, real, False)]
                cells.append(f"{n:>4} ({tally[(still, default, real, True)]:>3})")
            kind = "still emitted" if still else "no longer emitted"
            checks = "default checks" if default else "opt-in checks"
            print(f"{kind:<18} {checks:<16}   {cells[0]:>12}     {cells[1]:>12}")


if __name__ == "__main__":
    main()
