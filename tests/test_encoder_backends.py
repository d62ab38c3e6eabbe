"""Encoder back-ends: the ONNX Runtime graph gives the torch vectors, is exported once into the cache, and torch
stays the fallback; HNSW candidate pairs equal the exact ones."""

from __future__ import annotations

import numpy as np
import pytest

from guidecheck.cache import Cache
from guidecheck.errors import ModelMissing
from guidecheck.index import pairs as pairs_mod
from guidecheck.index.embed import PACKAGED_MODEL, Embedder, MeanPoolingEncoder, load_model
from guidecheck.index.pairs import candidate_pairs, top_k_pairs

TEXTS = [
    "Always include the determiner in the entity span.",
    "Never include determiners in entity spans.",
    "If the page does not load, rate it 0.",
    "Comments must be at least 50 words long, and a much longer sentence pads this batch with many tokens.",
    "OK",
]


@pytest.mark.slow
def test_onnx_vectors_equal_torch_and_graph_is_exported_once(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDECHECK_ENCODER", "onnx")
    onnx = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    assert onnx.backend == "onnx"
    got = onnx.encode(TEXTS)
    graphs = list(tmp_path.glob("onnx/*/model.onnx"))
    assert len(graphs) == 1
    stamp = graphs[0].stat().st_mtime_ns
    torch_vectors = load_model(PACKAGED_MODEL).encode(TEXTS)
    assert isinstance(load_model(PACKAGED_MODEL), MeanPoolingEncoder)
    assert float((got * torch_vectors).sum(1).min()) >= 0.9999
    load_model.cache_clear()  # a new process: the cached graph is loaded, not exported again
    again = Embedder(PACKAGED_MODEL, Cache(tmp_path / "other"))
    again.cache.root = tmp_path
    assert np.allclose(again._model().encode(TEXTS), got, atol=1e-6)
    assert graphs[0].stat().st_mtime_ns == stamp


def test_backend_choice_falls_back_to_torch(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDECHECK_ENCODER", "torch")
    assert Embedder(PACKAGED_MODEL, Cache(tmp_path)).backend == "torch"
    monkeypatch.setenv("GUIDECHECK_ENCODER", "auto")
    assert Embedder(PACKAGED_MODEL, Cache(None)).backend == "torch"  # no cache: nowhere to keep a graph
    assert Embedder(PACKAGED_MODEL, Cache(tmp_path)).backend == "onnx"
    monkeypatch.setenv("GUIDECHECK_ENCODER", "tensorflow")
    with pytest.raises(ModelMissing, match="GUIDECHECK_ENCODER"):
        Embedder(PACKAGED_MODEL, Cache(tmp_path))


def test_backends_keep_separate_vector_stores(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDECHECK_ENCODER", "torch")
    torch_store = Embedder(PACKAGED_MODEL, Cache(tmp_path)).store.folder
    monkeypatch.setenv("GUIDECHECK_ENCODER", "onnx")
    assert Embedder(PACKAGED_MODEL, Cache(tmp_path)).store.folder != torch_store


def _clustered(n: int, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((max(1, n // 15), 64)).astype(np.float32)
    v = centers[rng.integers(0, len(centers), n)] + 0.5 * rng.standard_normal((n, 64)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_ann_pairs_equal_exact_pairs_and_are_deterministic():
    vectors = _clustered(1500)
    exact = top_k_pairs(vectors, 12, 0.55)
    ann = pairs_mod.neighbour_pairs(vectors, 12, 0.55, ann_min_rules=0)
    assert len(exact) > 1000
    assert len(set(ann) & set(exact)) / len(exact) >= 0.995
    assert all(abs(ann[p] - exact[p]) < 1e-5 for p in set(ann) & set(exact))
    assert pairs_mod.neighbour_pairs(vectors, 12, 0.55, ann_min_rules=0) == ann  # same input, same pairs


def test_candidate_pairs_switch_to_ann_above_threshold(monkeypatch):
    calls = []
    import guidecheck.index.ann as ann

    real = ann.ann_top_k_pairs
    monkeypatch.setattr(ann, "ann_top_k_pairs", lambda *a: calls.append(len(a[0])) or real(*a))
    from guidecheck.model import Location, Rule

    rules = [Rule(id=f"R{i}", text="x", location=Location("d.md", i)) for i in range(60)]
    candidate_pairs(rules, _clustered(60), 12, 0.55, ann_min_rules=100)
    assert calls == []
    candidate_pairs(rules, _clustered(60), 12, 0.55, ann_min_rules=50)
    assert calls == [60]
