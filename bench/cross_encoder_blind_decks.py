"""The cross-encoder trained on whole decks written outside the project, and tested on decks it never saw.

Round 3's cross-encoder (bench/cross_encoder_probe.py) learned "opposite force on one topic" from curated pairs and
fired on almost every candidate pair of a real deck. Untested since: training on the candidate pairs of decks
written by authors who never saw guidecheck's code, where the near-miss negatives are. This script:

- TRAIN: every candidate pair of the blind decks of TRAIN_SPLITS (positive where the author's key names it), the
  authors' own gold rows of those splits (planted contradictions and consistent look-alikes, as written), the
  blind train/dev pair sets, our own pair set, and every candidate pair of the real dev decks but the
  CALIBRATION ones (negatives unless a blind reader listed the pair);
- CALIBRATE: the threshold is the highest score among the candidate pairs of CALIBRATION real dev decks (none of
  them trained on), so that those decks would get no false finding;
- TEST: the blind decks of TEST_SPLITS (never trained on) and the real held-out decks (never trained on):
  planted contradictions found, look-alikes flagged, other pairs flagged.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/cross_encoder_blind_decks.py [--rows-only] [--epochs N]

Writes bench/cross_encoder_blind_decks.json. An experiment; nothing here is wired into a check.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TRAIN_SPLITS = ("dev", "heldout", "heldout2", "heldout3", "heldout7", "heldout8", "heldout9")
TEST_SPLITS = ("heldout10", "heldout11")
CALIBRATION = ("ecbplus-event-coreference", "jigsaw-toxicity-subattributes", "marco-dialog-human-eval")
CALIBRATION += ("rusentiment-sentiment", "mt-error-annotation")
ROWS = ROOT / "bench" / "out" / "blind_deck_rows.pkl"
RESULTS = ROOT / "bench" / "cross_encoder_blind_decks.json"

from cross_encoder_decks import _jsonl, _text  # noqa: E402  (one reading of a rule's text for every probe)


def blind_deck_rows(splits: tuple[str, ...]) -> list[dict]:
    """Candidate pairs of the blind decks of these splits; owner = the gold row index whose key names the pair."""
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.evaluate.contradictions import gold_keys

    gold = _jsonl(ROOT / "guidelines" / "labels" / "blind-contradictions.jsonl")
    rows = []
    for name in sorted({g["deck"] for g in gold if g["split"] in splits}):
        deck = deck_pairs(ROOT / "guidelines" / "blind" / name)
        mine = {n: gold_keys(deck.rules, g) for n, g in enumerate(gold) if g["deck"] == name}
        for inp, rel in deck.inputs:
            key = frozenset((inp.fa.rule.id, inp.fb.rule.id))
            owner = next((n for n, ks in mine.items() if key in ks), -1)
            label = gold[owner]["label"] if owner >= 0 else "consistent"
            rows.append(
                {
                    "a": _text(inp.fa.rule),
                    "b": _text(inp.fb.rule),
                    "label": label,
                    "owner": owner,
                    "deck": name,
                    "split": gold[next(iter(mine))]["split"],
                    "named": rel is not None and rel.code.startswith("CON"),
                    "class": "blind-deck",
                }
            )
        print(name, len(deck.inputs), file=sys.stderr, flush=True)
    return rows


def real_deck_rows(split: str) -> list[dict]:
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.evaluate.contradictions_outside import _listed
    from guidecheck.evaluate.real import load_labels, realdecks_root, split_folders

    corpus = ROOT / "guidelines"
    root = realdecks_root(corpus)
    rows = []
    for folder in split_folders(load_labels(corpus), root, split):
        problems = _jsonl(corpus / "labels" / "real-parts" / f"{folder}.problems.jsonl")
        deck = deck_pairs(root / folder)
        for inp, rel in deck.inputs:
            listed = _listed(problems, [inp.fa.rule.text, inp.fb.rule.text])
            rows.append(
                {
                    "a": _text(inp.fa.rule),
                    "b": _text(inp.fb.rule),
                    "label": "contradiction" if listed else "consistent",
                    "deck": folder,
                    "split": f"real-{split}",
                    "named": rel is not None and rel.code.startswith("CON"),
                    "class": "real-deck",
                    "words": deck.words,
                }
            )
        print(folder, len(deck.inputs), file=sys.stderr, flush=True)
    return rows


def gold_rows(splits: tuple[str, ...]) -> list[dict]:
    """The authors' planted pairs and look-alikes as written (sides may not be candidate pairs)."""
    gold = _jsonl(ROOT / "guidelines" / "labels" / "blind-contradictions.jsonl")
    return [
        {"a": g["a"][1], "b": g["b"][1], "label": g["label"], "class": "blind-gold", "split": g["split"]}
        for g in gold
        if g["split"] in splits
    ]


def build_rows() -> dict[str, list[dict]]:
    from cross_encoder_probe import load_rows

    pair_train, ours, pair_dev = load_rows()
    return {
        "blind_decks_train": blind_deck_rows(TRAIN_SPLITS),
        "blind_decks_test": blind_deck_rows(TEST_SPLITS),
        "blind_gold_train": gold_rows(TRAIN_SPLITS),
        "pairs": [dict(r, split="train") for r in pair_train + pair_dev],
        "ours": ours,
        "real_dev": real_deck_rows("dev"),
        "real_heldout": real_deck_rows("heldout"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows-only", action="store_true")
    ap.add_argument("--epochs", type=int, default=3)
    args = ap.parse_args()
    if ROWS.is_file():
        rows = pickle.loads(ROWS.read_bytes())
    else:
        rows = build_rows()
        ROWS.parent.mkdir(exist_ok=True)
        ROWS.write_bytes(pickle.dumps(rows))
    print({k: len(v) for k, v in rows.items()}, file=sys.stderr, flush=True)
    if args.rows_only:
        return
    evaluate(rows, args.epochs)


def evaluate(rows: dict[str, list[dict]], epochs: int) -> None:
    import cross_encoder_probe as probe

    probe.setup()
    real_train = [r for r in rows["real_dev"] if r["deck"] not in CALIBRATION]
    calib = [r for r in rows["real_dev"] if r["deck"] in CALIBRATION]
    fit = rows["blind_decks_train"] + rows["blind_gold_train"] + rows["pairs"] + rows["ours"] + real_train
    t0 = time.time()
    model = probe.train(fit, epochs=epochs)
    out = {
        "train_splits": list(TRAIN_SPLITS),
        "test_splits": list(TEST_SPLITS),
        "calibration_decks": list(CALIBRATION),
        "rows": {k: len(v) for k, v in rows.items()},
        "training_rows": len(fit),
        "epochs": epochs,
        "train_wall_s": round(time.time() - t0, 1),
    }
    pc = probe.score(model, calib)
    test = rows["blind_decks_test"]
    pt = probe.score(model, test)
    ph = probe.score(model, rows["real_heldout"])
    gold = _jsonl(ROOT / "guidelines" / "labels" / "blind-contradictions.jsonl")
    neg = np.sort(pc)[::-1]
    out["calibration_top"] = [round(float(x), 5) for x in neg[:10]]
    best: dict[int, float] = {}  # per gold row of the test decks, its best-scoring candidate pair
    for p, r in zip(pt, test):
        if r["owner"] >= 0:
            best[r["owner"]] = max(best.get(r["owner"], 0.0), float(p))
    con = [n for n in best if gold[n]["label"] == "contradiction"]
    for k in (0, 1, 3, 10):
        th = float(neg[k]) if k < len(neg) else 0.0
        out[f"at_{k}_calibration_false"] = {
            "threshold": round(th, 5),
            "test_gold_found": sum(best[n] > th for n in con),
            "test_gold_compared": len(con),
            "test_gold_total": sum(g["label"] == "contradiction" and g["split"] in TEST_SPLITS for g in gold),
            "test_lookalikes_flagged": sum(best[n] > th for n in best if gold[n]["label"] != "contradiction"),
            "test_other_pairs_flagged": int(sum(p > th and r["owner"] < 0 for p, r in zip(pt, test))),
            "real_heldout_flagged": int(sum(p > th for p in ph)),
            "real_heldout_pairs": len(ph),
            "found_classes": sorted(gold[n]["class"] for n in con if best[n] > th),
        }
    print(json.dumps(out, indent=1))
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
