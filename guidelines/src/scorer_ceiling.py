"""How far a learned pair scorer could take the decision: every candidate pair of the blind decks of scored splits,
scored by a logistic regression over the scorer's features that never saw the deck's split (leave splits out), and
ranked; the pairs it would add are those no check reports and a frame can explain (``decide`` at threshold 0).

The question it answers: retrained on the candidate pairs of all scored blind decks (about 130 decks, 16,700
pairs, 765 planted contradictions among them), can the learned scorer report the planted contradictions the frame
readings miss, at a precision a project manager would keep? The printed table gives, for the top N pairs it would
add, how many are planted contradictions, look-alikes and other pairs of the decks. Usage, from the repository
root, with the splits to leave out of it (the fresh split, never): ``python guidelines/src/scorer_ceiling.py
heldout33``. Reading a split this way is reading it: only scored splits belong in it. Deterministic (Newton steps
in numpy, splits assigned to folds in a fixed order).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root, for bench/

from bench.train_pair_scorer import fit_logistic
from guidecheck.checks.common.relations.decide import decide, pair_todo, todo_inputs, todo_texts
from guidecheck.checks.common.relations.engine import _encoder, claims_of
from guidecheck.checks.common.relations.proposition import side_of
from guidecheck.checks.common.relations.scorer import features
from guidecheck.config import load_config
from guidecheck.evaluate.contradictions import _read_jsonl, gold_keys
from guidecheck.pipeline import begin, complete

LABELS = Path("guidelines/labels/blind-contradictions.jsonl")
FOLDS = 5
TOPS = (5, 10, 20, 50, 100)


def deck_rows(deck: str, gold: list[dict]) -> list[tuple[np.ndarray, str, bool]]:
    """(features, label, would be added) per candidate pair: label "contradiction", "consistent" (a look-alike)
    or "other"; added when no check reports it and decide() can say why at any probability."""
    folder = str(Path("guidelines/blind") / deck)
    started = begin([folder], load_config([folder]), ["CON", "REL"])
    started.cached = None  # build the index, whose candidate pairs are the point
    result = complete(started)
    claims = claims_of(result.index)
    sides = [side_of(c) for c in claims]
    pairs = [(p.a, p.b, p.similarity) for p in result.index.pairs]
    todo = pair_todo(claims, sides, pairs, None, True)
    inputs = todo_inputs(claims, sides, todo, todo_texts(claims, sides, todo), _encoder(result.index))
    reported = {frozenset(f.rules) for f in result.findings if f.category == "contradiction"}
    label = {k: g["label"] for g in gold for k in gold_keys(result.rules, g)}
    out = []
    for p, rel in inputs:
        key = frozenset((p.fa.rule.id, p.fb.rule.id))
        named = rel if rel is not None and rel.code.startswith("REL") else None
        found = decide(p, named, 1.0, 0.0, 0.0)
        added = key not in reported and rel is None and found is not None and found.code.startswith("CON")
        out.append((features(p), label.get(key, "other"), added))
    return out


def ceiling(leave_out: set[str]) -> dict[int, tuple[int, int, int]]:
    gold = [g for g in _read_jsonl(LABELS) if g["split"] not in leave_out]
    by_split: dict[str, list] = defaultdict(list)
    for deck in sorted({g["deck"] for g in gold}):
        rows = [g for g in gold if g["deck"] == deck]
        by_split[rows[0]["split"]] += deck_rows(deck, rows)
    splits = sorted(by_split)
    scored: list[tuple[float, str]] = []
    for fold in range(FOLDS):
        test = {s for n, s in enumerate(splits) if n % FOLDS == fold}
        train = [r for s in splits if s not in test for r in by_split[s]]
        x = np.vstack([r[0] for r in train])
        y = np.asarray([float(r[1] == "contradiction") for r in train])
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        coef, intercept = fit_logistic((x - mean) / scale, y)
        for s in sorted(test):
            for feats, label, added in by_split[s]:
                if added:
                    scored.append((float(((feats - mean) / scale) @ coef + intercept), label))
    scored.sort(key=lambda t: -t[0])
    return {
        n: tuple(
            sum(1 for _, lab in scored[:n] if lab == want)
            for want in ("contradiction", "consistent", "other")
        )
        for n in TOPS
    }


if __name__ == "__main__":
    print("top N added   planted   look-alikes   other pairs")
    for n, (planted, alike, other) in ceiling(set(sys.argv[1].split(","))).items():
        print(f"{n:>9}   {planted:>7}   {alike:>11}   {other:>11}")
