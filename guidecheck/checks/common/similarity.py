"""Term similarity for variant detection: string similarity plus embeddings, with an antonym guard."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np

from ...index.glossary import normal_term
from ..base import CheckContext

_NEGATORS = ("un", "in", "im", "ir", "il", "non", "non-", "not ", "dis", "no ")


def squash(term: str) -> str:
    """'Off-topic', 'off topic', 'OffTopic' -> 'offtopic'."""
    return re.sub(r"[^a-z0-9]", "", normal_term(term))


def antonyms(a: str, b: str) -> bool:
    """'Safe'/'Unsafe', 'Relevant'/'Not Relevant': opposite options, never variants of each other."""
    x, y = normal_term(a), normal_term(b)
    for s, t in ((x, y), (y, x)):
        for neg in _NEGATORS:
            if (
                t == neg + s
                or t == neg + " " + s
                or t.replace("-", " ") == (neg + " " + s).replace("  ", " ")
            ):
                return True
    return False


def nested(a: str, b: str) -> bool:
    """'Relevant' inside 'Somewhat Relevant': a graded option, not a spelling variant."""
    x, y = (set(re.split(r"[\s_/-]+", normal_term(t))) for t in (a, b))
    return x != y and (x < y or y < x)


def string_similarity(a: str, b: str) -> float:
    x, y = squash(a), squash(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return SequenceMatcher(None, x, y).ratio()


# Below this, spelling overlap says nothing: "Unsure" / "Source" share letters, not meaning.
STRING_FLOOR = 0.8


def similarities(ctx: CheckContext, terms: list[str]) -> np.ndarray:
    """Max of embedding cosine and (strong) string similarity for every pair of terms (symmetric matrix)."""
    n = len(terms)
    sims = np.zeros((n, n), dtype=np.float32)
    if n < 2:
        return sims
    if ctx.index.embedder is not None:
        # Brackets and other markup make any two tags look alike ("[laugh]" / "[noise]"): embed the words only.
        vecs = ctx.index.embedder.encode(
            [re.sub(r"[^\w\s'-]", " ", normal_term(t)).strip() or t for t in terms]
        )
        sims = np.maximum(sims, vecs @ vecs.T)
    for i in range(n):
        for j in range(i + 1, n):
            spelled = string_similarity(terms[i], terms[j])
            s = max(float(sims[i, j]), spelled if spelled >= STRING_FLOOR else 0.0)
            if antonyms(terms[i], terms[j]) or nested(terms[i], terms[j]):
                s = 0.0
            sims[i, j] = sims[j, i] = s
    return sims
