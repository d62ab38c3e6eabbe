"""Could the learned pair scorer propose contradictions the frame readers miss? Measure it on the blind decks.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/proposer_probe.py [--out bench/proposer_probe.json]

Every candidate pair (with frame evidence, as a run scores it) of every scored blind deck in guidelines/blind is read
with the scorer's features (``relations/scorer.features``); a pair is positive when the deck's answer key plants a
contradiction on it (guidelines/labels/blind-contradictions.jsonl), and "found" when a `guidecheck check` of the
deck already reports it. The held-out splits not yet scored (the last of HELDOUT_SPLITS) are never read. A logistic
regression and gradient-boosted trees are trained by 5-fold cross-validation with whole decks held out (each fold
scores decks written by authors its training never saw); the out-of-fold probabilities of the pairs no reader
reports say what a proposer would add: how many of its top-N are planted contradictions, and how many pairs clear
each probability. Written to bench/proposer_probe.json. Needs scikit-learn (an experiment, not a runtime
dependency).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY = ROOT / "guidelines" / "labels" / "blind-contradictions.jsonl"
FOLDS = 5
TOP = (10, 20, 40, 80, 160)
BARS = (0.9, 0.8, 0.7, 0.6, 0.5)


def _deck_rows(deck: str) -> list[dict]:
    """Every scored candidate pair of one deck: features, planted or not, already reported or not."""
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.checks.common.relations.scorer import features
    from guidecheck.evaluate.contradictions import _read_jsonl, _run_deck, gold_keys

    folder = ROOT / "guidelines" / "blind" / deck
    result = _run_deck(folder)
    reported = {
        frozenset(f.rules) for f in result.findings if len(f.rules) == 2 and f.check.startswith("CON")
    }
    planted = set()
    for g in _read_jsonl(KEY):
        if g["deck"] == deck and g["label"] == "contradiction":
            planted |= gold_keys(result.rules, g)
    rows = []
    for inp, _ in deck_pairs(folder).inputs:
        pair = frozenset((inp.fa.rule.id, inp.fb.rule.id))
        rows.append(
            {"deck": deck, "x": features(inp).tolist(), "pos": pair in planted, "found": pair in reported}
        )
    return rows


def _scored_decks() -> list[str]:
    from guidecheck.evaluate.contradictions import _read_jsonl
    from guidecheck.evaluate.contradictions_outside import HELDOUT_SPLITS

    fresh = HELDOUT_SPLITS[-1]  # scored once at the end of the round that added it: never read here
    return sorted({g["deck"] for g in _read_jsonl(KEY) if g["split"] != fresh})


def _out_of_fold(x: np.ndarray, y: np.ndarray, fold: np.ndarray, make) -> np.ndarray:
    p = np.zeros(len(y))
    for k in range(FOLDS):
        model = make()
        model.fit(x[fold != k], y[fold != k])
        p[fold == k] = model.predict_proba(x[fold == k])[:, 1]
    return p


def _proposals(p: np.ndarray, y: np.ndarray) -> dict:
    order = np.argsort(-p)
    ys, ps = y[order], p[order]
    return {
        "top": {
            str(n): {"planted": int(ys[:n].sum()), "precision": round(float(ys[:n].mean()), 3)} for n in TOP
        },
        "at_probability": {
            str(b): {"pairs": int((ps >= b).sum()), "planted": int(ys[ps >= b].sum())} for b in BARS
        },
    }


def main() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "bench" / "proposer_probe.json"))
    args = ap.parse_args()
    decks = _scored_decks()
    with ProcessPoolExecutor(2) as pool:
        rows = [r for deck_rows in pool.map(_deck_rows, decks) for r in deck_rows]
    x = np.array([r["x"] for r in rows])
    y = np.array([r["pos"] for r in rows])
    found = np.array([r["found"] for r in rows])
    fold = np.array([decks.index(r["deck"]) % FOLDS for r in rows])
    models = {
        "logistic_regression": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
        "gradient_boosted_trees": lambda: HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, random_state=0
        ),
    }
    out = {
        "decks": len(decks),
        "candidate_pairs": len(rows),
        "planted_pairs": int(y.sum()),
        "planted_reported": int((y & found).sum()),
        "planted_not_reported": int((y & ~found).sum()),
        "not_reported_pairs": int((~found).sum()),
    }
    for name, make in models.items():
        p = _out_of_fold(x, y, fold, make)
        out[name] = _proposals(p[~found], y[~found])
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
