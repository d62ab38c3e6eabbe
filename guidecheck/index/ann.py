"""Approximate top-k neighbours (HNSW, usearch) for rule sets too large for the exact blocked product.

Why: the exact top-k in ``pairs.top_k_pairs`` costs n² dot products (80k rules: about 6.4e9 of them, minutes on
two cores); an HNSW index costs about n·log n. usearch ships prebuilt wheels (hnswlib compiles at install). The
graph is built with one thread, so the same vectors give the same pairs (reports stay byte-identical run to run);
queries use every core. Each pair's
similarity is recomputed exactly from the two vectors. ``bench/ann_recall.py`` shows that the recall of the
labeled contradiction pairs does not change.
"""

from __future__ import annotations

import os

import numpy as np

CONNECTIVITY = 16  # graph degree
EXPANSION_ADD = 100
EXPANSION_SEARCH_MIN = 96  # max(96, 8k): 99.8 % of the exact neighbours on clustered 20k-vector tests


def ann_top_k_pairs(vectors: np.ndarray, k: int, threshold: float) -> dict[tuple[int, int], float]:
    """Each row's k most similar other rows at or above the threshold, as (a < b) -> cosine (approximate)."""
    n = vectors.shape[0]
    every = np.arange(n)
    found = _search(vectors, every, every, k)
    if found is None:  # usearch missing: exact, only slower
        from .pairs import top_k_pairs

        return top_k_pairs(vectors, k, threshold)
    a, b, sims = found
    sel = sims >= threshold
    return dict(zip(zip(a[sel].tolist(), b[sel].tolist()), sims[sel].tolist()))


def ann_row_pairs(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray, k: int, threshold: float) -> set:
    """(a < b) pairs: each of ``rows``' k most similar ``cols`` (itself left out) at or above the threshold."""
    found = _search(vectors, rows, cols, k)
    if found is None:
        from .pairs import _row_top_k

        return _row_top_k(vectors, rows, cols, k, threshold)
    a, b, sims = found
    sel = sims >= threshold
    return set(zip(a[sel].tolist(), b[sel].tolist()))


def _search(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray, k: int):
    """(a, b, cosine) arrays, a < b, of each row's k nearest columns by an HNSW index over the columns; None
    when usearch is not installed."""
    if len(cols) < 2 or k < 1 or not len(rows):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    try:
        from usearch.index import Index
    except ImportError:
        return None
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    index = Index(
        ndim=data.shape[1],
        metric="ip",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=max(EXPANSION_SEARCH_MIN, 8 * k),
    )
    index.add(cols, data[cols], threads=1)  # one thread: a deterministic graph
    k = min(k + 1, len(cols))  # the row itself comes back as its own nearest neighbour
    labels = index.search(data[rows], k, threads=os.cpu_count() or 1).keys.astype(np.int64)
    from_rows = np.repeat(rows, k)
    to = labels.reshape(-1)
    keep = (from_rows != to) & np.isin(to, cols)  # short result rows are padded with sentinel keys
    a, b = np.minimum(from_rows, to)[keep], np.maximum(from_rows, to)[keep]
    return a, b, np.einsum("ij,ij->i", data[a], data[b])
