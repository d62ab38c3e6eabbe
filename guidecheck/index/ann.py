"""Approximate top-k neighbours (HNSW, hnswlib) for rule sets too large for the exact blocked product.

Why: the exact top-k in ``pairs.top_k_pairs`` costs n² dot products (80k rules: about 6.4e9 of them, minutes on
two cores); an HNSW index costs about n·log n. The graph is built with one thread and a fixed seed, so the same
vectors give the same pairs (reports stay byte-identical run to run); queries use every core. Each pair's
similarity is recomputed exactly from the two vectors. ``bench/ann_recall.py`` shows that the recall of the
labeled contradiction pairs does not change.
"""

from __future__ import annotations

import os

import numpy as np

M = 16  # graph degree
EF_CONSTRUCTION = 100
EF_SEARCH_MIN = 64  # ef is max(EF_SEARCH_MIN, 4k): with k=12, 99.9 % of the exact neighbours on real decks
SEED = 14


def ann_top_k_pairs(vectors: np.ndarray, k: int, threshold: float) -> dict[tuple[int, int], float]:
    """Each row's k most similar other rows at or above the threshold, as (a < b) -> cosine (approximate)."""
    n = vectors.shape[0]
    if n < 2 or k < 1:
        return {}
    try:
        import hnswlib
    except ImportError:  # hnswlib missing: exact, only slower
        from .pairs import top_k_pairs

        return top_k_pairs(vectors, k, threshold)
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    index = hnswlib.Index(space="ip", dim=data.shape[1])
    index.init_index(max_elements=n, ef_construction=EF_CONSTRUCTION, M=M, random_seed=SEED)
    index.set_num_threads(1)  # deterministic graph
    index.add_items(data, np.arange(n))
    index.set_ef(max(EF_SEARCH_MIN, 4 * k))
    index.set_num_threads(os.cpu_count() or 1)
    k = min(k + 1, n)  # the row itself comes back as its own nearest neighbour
    labels, _ = index.knn_query(data, k=k)
    rows = np.repeat(np.arange(n), k)
    cols = labels.reshape(-1).astype(np.int64)
    keep = rows != cols
    a, b = np.minimum(rows, cols)[keep], np.maximum(rows, cols)[keep]
    sims = np.einsum("ij,ij->i", data[a], data[b])
    sel = sims >= threshold
    return dict(zip(zip(a[sel].tolist(), b[sel].tolist()), sims[sel].tolist()))
