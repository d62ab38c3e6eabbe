"""Embedding rows scaled to length one, so that a dot product of two rows is their cosine."""

from __future__ import annotations

import numpy as np


def unit_rows(vectors) -> np.ndarray:
    """The rows of ``vectors`` (a matrix or a list of vectors) divided by their norms; an all-zero row stays zero."""
    m = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1.0, norms)


__all__ = ["unit_rows"]
