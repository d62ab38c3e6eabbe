"""Does a fine-tuned cross-encoder read opposite sides of paraphrased rules? Train, evaluate, write figures.

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python bench/cross_encoder_probe.py [--no-cv] [--decks]
    ... bench/cross_encoder_probe.py --deck-negatives --no-cv --decks   # variant, figures under "with_deck_pairs"

Model: bench/cross_encoder_model.py (all-MiniLM-L6-v2 as a cross-encoder, LoRA on the upper layers + a head).
Training rows: split "train" of guidelines/labels/blind-pairs.jsonl (re-read on every run, so train rows merged
later are picked up) plus guidelines/labels/contradiction-pairs.jsonl, each also as (b, a). A side's context
(list lead-in such as "Don't:" or a heading) is prefixed to its sentence. Evaluation: split "dev" only, scored
as the mean of both orders. Rows of any other split (the held-out ones) are dropped as the file is read and
never scored. Deterministic: seeded, one thread, torch.use_deterministic_algorithms.
Writes bench/models/cross_encoder_delta.npz (the trained delta, fp16; an experiment, so not shipped in the package) and bench/cross_encoder_results.json.
Variant --deck-negatives also trains on every candidate pair of our own bundled decks (guidelines/contradictions
and guidelines/ambiguity; positive where guidelines/labels/contradictions.jsonl lists it): a curated pair set
never shows the model the near-miss pairs a deck is full of. Its delta is cross_encoder_delta_decks.npz.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cross_encoder_model import FROZEN, MAX_LENGTH, RANK, TARGETS, CrossEncoder, base_path  # noqa: E402
from sklearn.metrics import average_precision_score, roc_auc_score  # noqa: E402

LABELS = ROOT / "guidelines" / "labels"
DELTA = ROOT / "bench" / "models" / "cross_encoder_delta.npz"
DELTA_DECKS = ROOT / "bench" / "models" / "cross_encoder_delta_decks.npz"
RESULTS = ROOT / "bench" / "cross_encoder_results.json"
OPEN_SPLITS = ("train", "dev")  # every other split is held out for the lead's final scoring: never read
SEED = 12
EPOCHS = 5
BATCH = 16
LR = 5e-4
FOLDS = 5
TARGET_PRECISION = 0.9


def setup() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


def _jsonl(name: str) -> list[dict]:
    return [json.loads(x) for x in (LABELS / name).read_text("utf-8").splitlines() if x.strip()]


def positive(row: dict) -> bool:
    return row["label"] == "contradiction" or str(row["label"]).startswith("CON")


def side(row: dict, key: str) -> str:
    """The sentence with its lead-in or heading in front ("Don't: mention the price")."""
    ctx = (row.get(f"{key}_context") or row.get(f"{key}_lead_in") or "").strip()
    if ctx and not ctx.endswith((":", ".", "?", "!")):
        ctx += ":"
    return f"{ctx} {row[key]}".strip()


def load_rows() -> tuple[list[dict], list[dict], list[dict]]:
    """Blind train rows, our own rows (all training), blind dev rows. Held-out rows are dropped unread."""
    blind = [r for r in _jsonl("blind-pairs.jsonl") if r.get("split") in OPEN_SPLITS]
    ours = [dict(r, split="train", **{"class": "ours"}) for r in _jsonl("contradiction-pairs.jsonl")]
    return [r for r in blind if r["split"] == "train"], ours, [r for r in blind if r["split"] == "dev"]


def _seed(seed: int) -> None:
    torch.manual_seed(seed)
    np.random.seed(seed)


def _cached(model: CrossEncoder, rows: list[dict], both: bool) -> list[tuple[torch.Tensor, int]]:
    a, b = [side(r, "a") for r in rows], [side(r, "b") for r in rows]
    lower = model.lower(a, b)
    return lower + model.lower(b, a) if both else lower


def train(rows: list[dict], seed: int = SEED, epochs: int = EPOCHS) -> CrossEncoder:
    """Fit the LoRA delta and head on rows and their mirror images (binary cross-entropy, AdamW, linear decay)."""
    _seed(seed)
    model = CrossEncoder(base_path())
    data = _cached(model, rows, both=True)
    y = torch.tensor([float(positive(r)) for r in rows] * 2)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    steps = epochs * ((len(data) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * (1 - s / steps)
    )
    gen = torch.Generator().manual_seed(seed)
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(data), generator=gen).tolist()
        total = 0.0
        for i in range(0, len(order), BATCH):
            idx = order[i : i + BATCH]
            logits = model.upper([data[j] for j in idx])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        print(f"epoch {epoch + 1}: loss {total / len(data):.4f}", file=sys.stderr, flush=True)
    return model.eval()


def score_texts(model: CrossEncoder, a: list[str], b: list[str]) -> np.ndarray:
    """Probability of contradiction, the mean over both orders (the relation is symmetric)."""
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(a), 64):
            ab = model.lower(a[i : i + 64], b[i : i + 64])
            ba = model.lower(b[i : i + 64], a[i : i + 64])
            p = torch.sigmoid(model.upper(ab)) + torch.sigmoid(model.upper(ba))
            out.append((p / 2).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def score(model: CrossEncoder, rows: list[dict]) -> np.ndarray:
    return score_texts(model, [side(r, "a") for r in rows], [side(r, "b") for r in rows])


def ranking(y: np.ndarray, p: np.ndarray) -> dict:
    return {
        "roc_auc": round(float(roc_auc_score(y, p)), 4),
        "average_precision": round(float(average_precision_score(y, p)), 4),
    }


def at_precision(rows: list[dict], p: np.ndarray, target: float = TARGET_PRECISION) -> dict:
    """The lowest threshold whose precision on these rows is >= target, and per class what it flags there."""
    y = np.array([positive(r) for r in rows])
    best = None
    for th in sorted(set(p.tolist()), reverse=True):
        flagged = p >= th
        if y[flagged].mean() >= target:
            best = th
    if best is None:
        return {"threshold": None}
    flagged = p >= best
    classes: dict[str, list[int]] = {}
    for r, f in zip(rows, flagged):
        c = classes.setdefault(r["class"], [0, 0])
        c[0], c[1] = c[0] + int(f), c[1] + 1
    return {
        "threshold": round(float(best), 4),
        "precision": round(float(y[flagged].mean()), 4),
        "recall": round(float(flagged[y].mean()), 4),
        "flagged_of_class": {k: f"{a}/{n}" for k, (a, n) in sorted(classes.items())},
    }


def folds(rows: list[dict], k: int = FOLDS) -> list[list[int]]:
    """Stratified by class, seeded: fold f holds every k-th row of each class in a shuffled order."""
    rng = np.random.default_rng(SEED)
    out: list[list[int]] = [[] for _ in range(k)]
    for c in sorted({r["class"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["class"] == c]
        for n, i in enumerate(rng.permutation(idx)):
            out[n % k].append(int(i))
    return out


def cross_validate(train_rows: list[dict], ours: list[dict]) -> dict:
    """5-fold AUC on the blind train rows (our own rows always train, never score)."""
    aucs, pooled_y, pooled_p = [], [], []
    for held in folds(train_rows):
        keep = set(held)
        fit = [r for i, r in enumerate(train_rows) if i not in keep] + ours
        test = [train_rows[i] for i in held]
        p = score(train(fit), test)
        y = np.array([positive(r) for r in test])
        aucs.append(round(float(roc_auc_score(y, p)), 4))
        pooled_y.append(y)
        pooled_p.append(p)
        print(f"fold auc {aucs[-1]}", file=sys.stderr, flush=True)
    pooled = ranking(np.concatenate(pooled_y), np.concatenate(pooled_p))
    mean = round(float(np.mean(aucs)), 4)
    return {"blind_train_rows": len(train_rows), "fold_auc": aucs, "mean_auc": mean, "pooled": pooled}


def current_scorer(dev: list[dict]) -> dict:
    """The shipped logistic scorer on the same dev rows: a row's score is its best rule pair's probability
    (0 where no rule pair carries frame evidence, so the scorer never sees it)."""
    from guidecheck.checks.common.relations.pairset import scored_pairs
    from guidecheck.checks.common.relations.scorer import features, scorer

    model = scorer()
    sp = scored_pairs(dev, ROOT / "guidelines")
    p = np.array(
        [max((float(model.probability(features(i))[0]) for i, _ in s.inputs), default=0.0) for s in sp]
    )
    y = np.array([positive(r) for r in dev])
    seen = np.array([bool(s.inputs) for s in sp])
    return {
        **ranking(y, p),
        "rows_without_scored_pair": int((~seen).sum()),
        "on_rows_with_a_scored_pair": ranking(y[seen], p[seen]),
    }


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _fit(rows: dict[str, list[dict]], delta: Path) -> tuple[CrossEncoder, dict]:
    """Train on every row group, write the delta, and say what was trained and what it cost."""
    t0, c0 = time.time(), _cpu()
    model = train([r for group in rows.values() for r in group])
    meta = {"frozen_layers": FROZEN, "rank": RANK, "targets": list(TARGETS), "max_length": MAX_LENGTH}
    size = model.save_delta(delta, meta)
    return model, {
        **meta,
        "rows": {k: len(v) for k, v in rows.items()},
        "mirrored": True,
        "epochs": EPOCHS,
        "batch": BATCH,
        "lr": LR,
        "seed": SEED,
        "trainable_parameters": sum(v.numel() for v in model.delta().values()),
        "delta_file": str(delta.relative_to(ROOT)),
        "delta_bytes": size,
        "wall_s": round(time.time() - t0, 1),
        "cpu_s": round(_cpu() - c0, 1),
        "load": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation")
    ap.add_argument("--decks", action="store_true", help="also score every candidate pair of the dev decks")
    ap.add_argument("--no-train", action="store_true", help="reuse the shipped delta")
    ap.add_argument(
        "--deck-negatives",
        action="store_true",
        help="variant: also train on every candidate pair of our own bundled decks (figures under its own key)",
    )
    args = ap.parse_args()
    setup()
    all_results = json.loads(RESULTS.read_text("utf-8")) if RESULTS.is_file() else {}
    results = all_results.setdefault("with_deck_pairs", {}) if args.deck_negatives else all_results
    delta = DELTA_DECKS if args.deck_negatives else DELTA
    train_rows, ours, dev = load_rows()
    if args.no_train:
        model = CrossEncoder(base_path())
        model.load_delta(delta)
    else:
        groups = {"blind_train": train_rows, "ours": ours}
        if args.deck_negatives:
            from cross_encoder_decks import training_decks

            groups["bundled_deck_pairs"] = training_decks()
            print("bundled deck pairs:", len(groups["bundled_deck_pairs"]), file=sys.stderr, flush=True)
        model, results["training"] = _fit(groups, delta)
    p = score(model, dev)
    y = np.array([positive(r) for r in dev])
    results["dev"] = {"rows": len(dev), **ranking(y, p), "at_precision_0.9": at_precision(dev, p)}
    print("dev:", json.dumps(results["dev"]), file=sys.stderr, flush=True)
    _write(all_results)
    if not args.deck_negatives:
        results["current_scorer_dev"] = current_scorer(dev)
        _write(all_results)
    if not args.no_cv and not args.deck_negatives:  # the folds hold no deck pairs
        results["cv_train"] = cross_validate(train_rows, ours)
        _write(all_results)
    if args.decks:
        from cross_encoder_decks import deck_level

        results["decks"] = deck_level(model)
        _write(all_results)


def _write(results: dict) -> None:
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
