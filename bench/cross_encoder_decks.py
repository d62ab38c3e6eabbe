"""The cross-encoder at deck level: every candidate rule pair of the dev decks, ranked by its score.

A pair-set AUC says little about decks, where almost every candidate pair is a negative. Here: the real dev decks
in ../shared/realdecks (all negatives unless a blind reader listed the pair) and the blind dev decks (the
authors' answer keys, split "dev" only). Reported: how many gold contradictions rank above the k-th highest
real-deck negative, for k = 0 (none), 1, 3, 10, and the CPU time per 1,000 pairs. Called by
bench/cross_encoder_probe.py --decks; held-out decks are never read.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FALSE_POSITIVES = (0, 1, 3, 10, 30, 100)
TIMING_PAIRS = 300


def _text(rule) -> str:
    lead = (rule.lead_in or "").strip()
    return f"{lead} {rule.text}".strip() if lead.endswith(":") else rule.text


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def real_dev() -> tuple[list[tuple], int, list[str]]:
    """(text a, text b, listed, named by a frame detector) for every candidate pair; words; folders."""
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.evaluate.contradictions_outside import _listed
    from guidecheck.evaluate.real import load_labels, realdecks_root, split_folders

    corpus = ROOT / "guidelines"
    root = realdecks_root(corpus)
    rows, words = [], 0
    folders = split_folders(load_labels(corpus), root, "dev")
    for folder in folders:
        problems = _jsonl(corpus / "labels" / "real-parts" / f"{folder}.problems.jsonl")
        deck = deck_pairs(root / folder)
        words += deck.words
        for inp, rel in deck.inputs:
            texts = [inp.fa.rule.text, inp.fb.rule.text]
            named = rel is not None and rel.code.startswith("CON")
            rows.append((_text(inp.fa.rule), _text(inp.fb.rule), _listed(problems, texts), named))
    return rows, words, folders


def blind_dev() -> tuple[list[tuple], list[dict], list[set]]:
    """Candidate pairs of the blind dev decks as (text a, text b, gold row index or -1, named); gold rows and,
    per gold row, the rule-id pairs it names."""
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.evaluate.contradictions import gold_keys

    gold = [
        g
        for g in _jsonl(ROOT / "guidelines" / "labels" / "blind-contradictions.jsonl")
        if g["split"] == "dev"
    ]
    rows, keys_of = [], [set() for _ in gold]
    for name in sorted({g["deck"] for g in gold}):
        deck = deck_pairs(ROOT / "guidelines" / "blind" / name)
        mine = {n: gold_keys(deck.rules, g) for n, g in enumerate(gold) if g["deck"] == name}
        for n, ks in mine.items():
            keys_of[n] = ks
        for inp, rel in deck.inputs:
            key = frozenset((inp.fa.rule.id, inp.fb.rule.id))
            owner = next((n for n, ks in mine.items() if key in ks), -1)
            named = rel is not None and rel.code.startswith("CON")
            rows.append((_text(inp.fa.rule), _text(inp.fb.rule), owner, named))
    return rows, gold, keys_of


def training_decks() -> list[dict]:
    """Every candidate pair of our own bundled decks as a training row: a contradiction where
    guidelines/labels/contradictions.jsonl lists it, otherwise a negative (some unlisted pairs may be real
    contradictions: label noise, accepted for the near-miss negatives a pair set lacks)."""
    from guidecheck.checks.common.relations.pairset import deck_pairs
    from guidecheck.evaluate.contradictions import gold_keys

    gold = _jsonl(ROOT / "guidelines" / "labels" / "contradictions.jsonl")
    rows = []
    for group in ("contradictions", "ambiguity"):
        for folder in sorted(p for p in (ROOT / "guidelines" / group).iterdir() if p.is_dir()):
            deck = deck_pairs(folder)
            mine = [g for g in gold if g["deck"] == folder.name and str(g["label"]).startswith("CON")]
            keys = (
                set().union(*(gold_keys(deck.rules, g) for g in mine)) if group == "contradictions" else set()
            )
            for inp, _ in deck.inputs:
                hit = frozenset((inp.fa.rule.id, inp.fb.rule.id)) in keys
                rows.append(
                    {
                        "a": _text(inp.fa.rule),
                        "b": _text(inp.fb.rule),
                        "label": "contradiction" if hit else "consistent",
                        "class": "deck",
                        "split": "train",
                    }
                )
    return rows


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed_scores(model, rows: list[tuple]) -> tuple[np.ndarray, dict]:
    """Scores of every pair, and the CPU seconds per 1,000 pairs (median of 3 runs on the first TIMING_PAIRS)."""
    from cross_encoder_probe import score_texts

    sample = rows[:TIMING_PAIRS]
    cpu = []
    for _ in range(3):
        c0 = _cpu()
        score_texts(model, [r[0] for r in sample], [r[1] for r in sample])
        cpu.append((_cpu() - c0) * 1000 / max(1, len(sample)))
    timing = {
        "cpu_s_per_1000_pairs": round(statistics.median(cpu), 2),
        "runs": [round(x, 2) for x in cpu],
        "load": [round(x, 2) for x in os.getloadavg()],
    }
    return score_texts(model, [r[0] for r in rows], [r[1] for r in rows]), timing


def _found_at(blind_p, blind, gold, threshold) -> dict:
    """Gold contradictions (and consistent look-alikes) of the blind decks whose best pair scores above."""
    best = np.full(len(gold), -1.0)
    for p, (_, _, owner, _) in zip(blind_p, blind):
        if owner >= 0:
            best[owner] = max(best[owner], p)
    con = [n for n, g in enumerate(gold) if g["label"] == "contradiction"]
    ok = [n for n, g in enumerate(gold) if g["label"] != "contradiction"]
    hit_con = [n for n in con if best[n] > threshold]
    named = {r[2] for r in blind if r[3] and r[2] >= 0}
    stray = sum(p > threshold and owner < 0 for p, (_, _, owner, _) in zip(blind_p, blind))
    return {
        "threshold": round(float(threshold), 4),
        "gold_found": f"{len(hit_con)}/{len(con)}",
        "gold_classes_found": sorted(gold[n]["class"] for n in hit_con),
        "of_which_a_frame_detector_named": sum(n in named for n in hit_con),
        "consistent_lookalikes_flagged": f"{sum(best[n] > threshold for n in ok)}/{len(ok)}",
        "other_blind_pairs_flagged": int(stray),
    }


def _gold_ranks(blind_p, blind, gold, negatives) -> list:
    """Per compared gold contradiction: how many real-deck negatives score above its best pair (sorted)."""
    best: dict[int, float] = {}
    for p, r in zip(blind_p, blind):
        if r[2] >= 0 and gold[r[2]]["label"] == "contradiction":
            best[r[2]] = max(best.get(r[2], -1.0), float(p))
    return sorted(int((negatives > b).sum()) for b in best.values())


def deck_level(model) -> dict:
    from cross_encoder_probe import score_texts

    real, words, folders = real_dev()
    blind, gold, keys_of = blind_dev()
    real_p, timing = timed_scores(model, real)
    blind_p = score_texts(model, [r[0] for r in blind], [r[1] for r in blind])
    negatives = np.sort(np.array([p for p, r in zip(real_p, real) if not r[2]]))[::-1]
    at = {}
    for k in FALSE_POSITIVES:
        th = negatives[k] if k < len(negatives) else -1.0
        at[f"{k}_real_false_positives"] = {
            **_found_at(blind_p, blind, gold, th),
            "real_listed_found": int(sum(p > th and r[2] for p, r in zip(real_p, real))),
        }
    con = [n for n, g in enumerate(gold) if g["label"] == "contradiction"]
    compared = {r[2] for r in blind}
    return {
        "real_dev_decks": folders,
        "real_dev_words": words,
        "real_candidate_pairs": len(real),
        "real_listed_pairs": int(sum(r[2] for r in real)),
        "blind_candidate_pairs": len(blind),
        "blind_gold_contradictions_compared": f"{sum(n in compared for n in con)}/{len(con)}",
        "blind_gold_keys_extracted": f"{sum(bool(keys_of[n]) for n in con)}/{len(con)}",
        "timing": timing,
        "found": at,
        "real_negative_top_scores": [round(float(x), 6) for x in negatives[:12]],
        "real_negatives_above_0.5": int((negatives > 0.5).sum()),
        "real_negatives_above_each_gold": _gold_ranks(blind_p, blind, gold, negatives),
    }
