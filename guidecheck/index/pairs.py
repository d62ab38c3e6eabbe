"""Candidate rule pairs: top-k cosine neighbours by blocked matrix products, plus pairs sharing a blocking key.

Never a Python loop over all pairs: similarities are computed a block of rows at a time and only the top-k per
row survive; blocking keys (same object, label, numeric attribute, defined term) add pairs embeddings miss.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..model import Rule

ROW_BLOCK = 1024
# Blocking-key groups larger than this only pair members whose cosine is at least GROUP_FLOOR.
MAX_GROUP = 40
GROUP_FLOOR = 0.3


@dataclass
class Pair:
    a: int  # index into Index.rules, a < b
    b: int
    similarity: float
    reasons: list[str] = field(default_factory=list)  # "embedding", "object:response", "label:2", ...


def blocking_keys(rule: Rule) -> list[str]:
    keys = []
    if rule.object:
        keys.append(f"object:{rule.object}")
    for label in rule.labels:
        keys.append(f"label:{label.lower()}")
    for q in rule.quantities:
        keys.append(f"quantity:{q.attribute}")
    if rule.kind == "definition" and rule.object:
        keys.append(f"term:{rule.object}")
    return keys


def top_k_pairs(vectors: np.ndarray, k: int, threshold: float) -> dict[tuple[int, int], float]:
    n = vectors.shape[0]
    out: dict[tuple[int, int], float] = {}
    if n < 2:
        return out
    k = min(k, n - 1)
    for start in range(0, n, ROW_BLOCK):
        block = vectors[start:start + ROW_BLOCK] @ vectors.T  # (rows, n)
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -1.0  # no self pairs
        idx = np.argpartition(-block, k - 1, axis=1)[:, :k] if k < n else np.argsort(-block, axis=1)
        for r in range(block.shape[0]):
            i = start + r
            for j in idx[r]:
                s = float(block[r, j])
                if s >= threshold:
                    a, b = (i, int(j)) if i < j else (int(j), i)
                    out[(a, b)] = s
    return out


def candidate_pairs(rules: list[Rule], vectors: np.ndarray, k: int, threshold: float) -> list[Pair]:
    sims = top_k_pairs(vectors, k, threshold)
    pairs: dict[tuple[int, int], Pair] = {ab: Pair(ab[0], ab[1], s, ["embedding"]) for ab, s in sims.items()}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, rule in enumerate(rules):
        for bk in blocking_keys(rule):
            groups[bk].append(i)
    for bk, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        sub = vectors[members] @ vectors[members].T if len(vectors) else None
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                s = float(sub[x, y]) if sub is not None else 0.0
                if len(members) > MAX_GROUP and s < GROUP_FLOOR:
                    continue
                ab = (members[x], members[y])
                if ab in pairs:
                    if bk not in pairs[ab].reasons:
                        pairs[ab].reasons.append(bk)
                else:
                    pairs[ab] = Pair(ab[0], ab[1], s, [bk])
    return [pairs[ab] for ab in sorted(pairs)]
