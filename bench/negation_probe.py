"""Can the sentence embeddings tell a rule from its opposite? A measurement behind the pair scorer's design.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/negation_probe.py

For every labeled pair of guidelines/labels/blind-pairs.jsonl (train and dev splits), rule b is embedded next to
two probes built from rule a's polarity-neutral proposition: "you must P" and "you must not P". If the encoder
read polarity, a contradicting b would sit closer to the probe of a's opposite, and the difference of the two
cosines (signed by a's force, and symmetrically for a) would rank contradictions above consistent pairs. The
printed ROC AUC is that ranking's quality: 0.5 is chance. It came out at 0.53 with all-MiniLM-L6-v2, which is
why polarity is read from the text (claims.py, proposition.py) and the embeddings only say what a rule is about.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guidecheck.cache import Cache  # noqa: E402
from guidecheck.checks.common.relations.pairset import scored_pairs  # noqa: E402
from guidecheck.config import load_config  # noqa: E402
from guidecheck.index.embed import Embedder  # noqa: E402

SIGN = {"O": 1, "P": 1, "F": -1, "N": -1}


def auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a random positive outranks a random negative (ties count half)."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main() -> None:
    rows = [
        json.loads(x) for x in (ROOT / "guidelines/labels/blind-pairs.jsonl").read_text("utf-8").splitlines()
    ]
    rows = [r for r in rows if r["split"] in ("train", "dev")]
    pairs = [(sp.row, sp.inputs[0][0]) for sp in scored_pairs(rows, ROOT / "guidelines") if sp.inputs]
    config = load_config([str(ROOT / "guidelines")])
    embedder = Embedder(config.embedding_model, Cache(config.cache_path()), config.allow_network)
    try:
        texts = sorted(
            {t for r, p in pairs for t in (r["a"], r["b"])}
            | {
                f"you must{neg} {n}"
                for _, p in pairs
                for n in (p.sa.neutral, p.sb.neutral)
                for neg in ("", " not")
            }
        )
        vec = np.asarray(embedder.encode(texts), dtype=np.float64)
    finally:
        embedder.close()
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    at = {t: vec[i] for i, t in enumerate(texts)}

    def lean(text: str, neutral: str) -> float:
        return float(at[text] @ at[f"you must {neutral}"] - at[text] @ at[f"you must not {neutral}"])

    scores, labels = [], []
    for r, p in pairs:
        agree = SIGN.get(p.fa.deontic or "", 0) * lean(r["b"], p.sa.neutral)
        agree += SIGN.get(p.fb.deontic or "", 0) * lean(r["a"], p.sb.neutral)
        scores.append(-agree)
        labels.append(r["label"] == "contradiction")
    print(f"{len(pairs)} pairs; negation-probe ROC AUC (contradiction vs not): {auc(scores, labels):.3f}")


if __name__ == "__main__":
    main()
