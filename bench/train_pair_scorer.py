"""Train the contradiction pair scorer and write guidecheck/data/pair_scorer.json (deterministic).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/train_pair_scorer.py

Training rows: the train split of guidelines/labels/blind-pairs.jsonl (written by authors who never saw the
code), guidelines/labels/contradiction-pairs.jsonl (our own writing), and every candidate pair of the real dev
decks in ../shared/realdecks (negatives unless a blind reader listed the pair as a contradiction): a curated pair
set is two-thirds contradictions, a deck almost none, and a scorer that never saw a deck's pairs cannot set a
threshold for one. Calibration: the dev split of blind-pairs (Platt sigmoid on the margins). Threshold: the
lowest probability at which the pairs no frame detector named keep precision >= 0.9 on the blind dev decks (at
least two found) and add no false contradiction on the real dev decks (see _threshold). The heldout splits
(pairs and decks) are never read here. Logistic regression with an L2 penalty, solved by Newton steps in numpy,
so the same rows give the same weights byte for byte.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guidecheck.checks.common.relations.decide import _output_named, decide  # noqa: E402
from guidecheck.checks.common.relations.pairset import ScoredPair, deck_pairs, scored_pairs  # noqa: E402
from guidecheck.checks.common.relations.scorer import FEATURES, PairScorer, features  # noqa: E402
from guidecheck.evaluate.contradictions import gold_keys  # noqa: E402
from guidecheck.evaluate.contradictions_outside import _listed  # noqa: E402
from guidecheck.evaluate.real import load_labels, realdecks_root, split_folders  # noqa: E402

LABELS = ROOT / "guidelines" / "labels"
OUT = ROOT / "guidecheck" / "data" / "pair_scorer.json"
L2 = 1.0
TARGET_PRECISION = 0.9
VETO_KEEP = 5  # percentile of the frames' true hits that the veto may drop
VETO_MARGIN = 0.02  # below that percentile: the veto must not decide within the band the scores crowd into
MIN_FOUND = 2  # a threshold set on a single found pair says nothing


def _rows(name: str) -> list[dict]:
    return [json.loads(x) for x in (LABELS / name).read_text("utf-8").splitlines() if x.strip()]


def _positive(row: dict) -> bool:
    return row["label"] == "contradiction" or str(row["label"]).startswith("CON")


def _matrix(pairs: list[ScoredPair]) -> tuple[np.ndarray, np.ndarray]:
    """One row per extracted rule pair; every rule pair of a labeled row carries the row's label."""
    xs, ys = [], []
    for sp in pairs:
        for inp, _ in sp.inputs:
            xs.append(features(inp))
            ys.append(float(_positive(sp.row)))
    return np.vstack(xs), np.asarray(ys)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> tuple[np.ndarray, float]:
    """Newton-Raphson for L2-penalised logistic regression (intercept not penalised)."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    reg = np.full(a.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + reg * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w[:-1], float(w[-1])


def _decisions(model: PairScorer, pairs: list[ScoredPair], threshold: float) -> list[bool]:
    out = []
    for sp in pairs:
        hit = False
        for inp, rel in sp.inputs:
            prob = float(model.probability(features(inp))[0])
            found = decide(inp, rel, prob, threshold, model.veto)
            hit = hit or bool(found and found.code.startswith("CON"))
        out.append(hit)
    return out


def report(model: PairScorer, pairs: list[ScoredPair], threshold: float | None = None) -> dict:
    """P/R over labeled rows, and per class: a contradiction class counts hits, a consistent class false alarms."""
    th = model.threshold if threshold is None else threshold
    pred = _decisions(model, pairs, th)
    tp = sum(p and _positive(sp.row) for p, sp in zip(pred, pairs))
    fp = sum(p and not _positive(sp.row) for p, sp in zip(pred, pairs))
    fn = sum(not p and _positive(sp.row) for p, sp in zip(pred, pairs))
    classes: dict[str, list[int]] = {}
    for p, sp in zip(pred, pairs):
        c = classes.setdefault(sp.row.get("class", sp.row["label"]), [0, 0])
        c[0] += int(p)
        c[1] += 1
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "classes": classes,
    }


DeckRow = tuple  # (PairInput, Relation | None, positive)


def _real_dev() -> tuple[list[DeckRow], int]:
    """Every candidate pair of the real dev decks; positive only where a blind reader listed the contradiction."""
    corpus = ROOT / "guidelines"
    root = realdecks_root(corpus)
    rows: list[DeckRow] = []
    words = 0
    for folder in split_folders(load_labels(corpus), root, "dev"):
        problems = _rows(f"real-parts/{folder}.problems.jsonl")
        deck = deck_pairs(root / folder)
        words += deck.words
        rows += [(i, r, _listed(problems, [i.fa.rule.text, i.fb.rule.text])) for i, r in deck.inputs]
    return rows, words


def _blind_dev_decks() -> tuple[list[DeckRow], int]:
    """Every candidate pair of the blind dev decks, positive where the author's key plants a contradiction."""
    gold = [
        g
        for g in _rows("blind-contradictions.jsonl")
        if g["split"] == "dev" and g["label"] == "contradiction"
    ]
    rows: list[DeckRow] = []
    for name in sorted({g["deck"] for g in gold}):
        deck = deck_pairs(ROOT / "guidelines" / "blind" / name)
        keys = set().union(*(gold_keys(deck.rules, g) for g in gold if g["deck"] == name))
        rows += [(i, r, frozenset((i.fa.rule.id, i.fb.rule.id)) in keys) for i, r in deck.inputs]
    return rows, len(gold)


def _deck_counts(
    model: PairScorer, rows: list[DeckRow], threshold: float, unnamed: bool = False
) -> tuple[int, int]:
    """True and false contradictions reported among a deck's pairs at this threshold (``unnamed``: only those no
    frame detector and no output frame named, the ones the threshold alone lets through)."""
    tp = fp = 0
    for inp, rel, positive in rows:
        if unnamed and (rel is not None or _output_named(inp.sa, inp.sb)):
            continue
        found = decide(inp, rel, float(model.probability(features(inp))[0]), threshold, model.veto)
        if found is not None and found.code.startswith("CON"):
            tp, fp = tp + int(positive), fp + int(not positive)
    return tp, fp


def _platt(margin: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    a, b = fit_logistic(margin[:, None], y, l2=1e-3)
    return float(a[0]), b


def _threshold(model: PairScorer, blind: list[DeckRow], real: list[DeckRow]) -> float:
    """Lowest threshold (highest recall) at which the pairs no frame detector named keep precision >= the target
    on the blind dev decks, with at least MIN_FOUND found, and add no false contradiction on the real dev decks
    (the bar on decks never seen is one per 20k words; the decks it was trained on get none, leaving room);
    1.01 (never: the scorer then only vetoes) if none."""
    best = 1.01
    for th in np.round(np.arange(0.99, 0.049, -0.01), 2):
        tp, fp = _deck_counts(model, blind, float(th), unnamed=True)
        _, false = _deck_counts(model, real, float(th), unnamed=True)
        if tp >= MIN_FOUND and tp / (tp + fp) >= TARGET_PRECISION and not false:
            best = float(th)
    return best


def _veto(model: PairScorer, train_set: list[ScoredPair]) -> float:
    """Drop frame findings below the probability that keeps 95 % of the frames' true hits in training, less a
    margin: trained with a deck's worth of negatives, the scores of frame findings crowd into a band a few
    hundredths wide, and a veto inside it drops true findings as often as false ones."""
    probs = [
        float(model.probability(features(inp))[0])
        for sp in train_set
        if _positive(sp.row)
        for inp, rel in sp.inputs
        if rel is not None and rel.code.startswith("CON")
    ]
    return float(np.floor(np.percentile(probs, VETO_KEEP) * 100) / 100) - VETO_MARGIN if probs else 0.0


def train() -> PairScorer:
    blind = [r for r in _rows("blind-pairs.jsonl") if r["split"] in ("train", "dev")]
    ours = _rows("contradiction-pairs.jsonl")
    scored = scored_pairs(blind + ours, ROOT / "guidelines")
    train_set = [sp for sp in scored if sp.row.get("split", "train") == "train"]
    dev = [sp for sp in scored if sp.row.get("split") == "dev"]
    real, words = _real_dev()
    decks, n_gold = _blind_dev_decks()
    x, y = _matrix(train_set)
    x = np.vstack([x, *(features(i) for i, _, _ in real)])
    y = np.concatenate([y, [float(p) for _, _, p in real]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit_logistic((x - mean) / scale, y)
    xd, yd = _matrix(dev)
    platt = _platt(((xd - mean) / scale) @ coef + intercept, yd)
    model = PairScorer(mean, scale, coef, intercept, platt, 1.01, 0.0)
    model = model._replace(veto=_veto(model, train_set))
    model = model._replace(threshold=_threshold(model, decks, real))
    print("weights:", dict(zip(FEATURES, np.round(coef, 2))), file=sys.stderr)
    print("train:", json.dumps(report(model, train_set)), file=sys.stderr)
    print("dev pairs:", json.dumps(report(model, dev)), file=sys.stderr)
    tp, fp = _deck_counts(model, decks, model.threshold)
    _, false = _deck_counts(model, real, model.threshold)
    print(
        f"blind dev decks: {tp}/{n_gold} found, {fp} false; real dev: {false} false in {words} words",
        file=sys.stderr,
    )
    return model


if __name__ == "__main__":
    m = train()
    OUT.write_text(json.dumps(m.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} (threshold {m.threshold})")
