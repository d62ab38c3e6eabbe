"""Embeddings: the fast path equals sentence-transformers, the store makes re-runs free, the worker agrees."""

from __future__ import annotations

import numpy as np
import pytest

from guidecheck.cache import Cache
from guidecheck.index.embed import PACKAGED_MODEL, Embedder, MeanPoolingEncoder, load_model, resolve_model

pytestmark = pytest.mark.slow  # loads spaCy or the embedding model

TEXTS = [
    "Always include the determiner in the entity span.",
    "Never include determiners in entity spans.",
    "If the page does not load, rate it 0.",
    "Comments must be at least 50 words long.",
    "Always include the determiner in the entity span.",
]


def test_default_model_uses_fast_path_with_sentence_transformers_vectors():
    model = load_model(PACKAGED_MODEL)
    assert isinstance(model, MeanPoolingEncoder)
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(resolve_model(PACKAGED_MODEL), device="cpu").encode(
        TEXTS, normalize_embeddings=True, convert_to_numpy=True
    )
    ours = model.encode(TEXTS)
    assert ours.shape == (5, 384)
    assert np.allclose(ours, reference, atol=1e-5)


def test_store_makes_second_run_free_and_dedupes(tmp_path):
    first = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    a = first.encode(TEXTS)
    assert first.computed == 4  # the repeated sentence is embedded once
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert first.encode(TEXTS[:2]) is not None and first.computed == 4  # same run: from memory
    first.close()  # the run's vectors are saved once, here
    second = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    b = second.encode(TEXTS)
    assert second.computed == 0
    assert np.array_equal(a, b)
    second.close()
    third = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    c = third.encode([*TEXTS, "A new rule appears in the errata."])
    assert third.computed == 1 and np.array_equal(c[:5], a)


def test_corrupt_store_chunk_is_a_miss(tmp_path):
    emb = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    emb.encode(TEXTS[:2])
    emb.close()
    assert list(tmp_path.rglob("chunk-*.npz"))
    for chunk in tmp_path.rglob("chunk-*.npz"):
        chunk.write_bytes(b"not an npz")
    again = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    again.encode(TEXTS[:2])
    assert again.computed == 2


def test_background_worker_streams_same_vectors(tmp_path):
    direct = Embedder(PACKAGED_MODEL, Cache(None)).encode(TEXTS)
    streamed = Embedder(PACKAGED_MODEL, Cache(tmp_path))
    streamed.warm_up()
    try:
        streamed.prefetch(TEXTS[:2])
        streamed.prefetch(TEXTS[2:])
        out = streamed.encode(TEXTS)
    finally:
        streamed.close()
    assert np.allclose(out, direct, atol=1e-5)


def test_worker_reports_missing_model(tmp_path):
    from guidecheck.rules.nlp import ModelMissing

    emb = Embedder(str(tmp_path / "nothing-here"), Cache(None))
    emb.warm_up()
    with pytest.raises(ModelMissing, match="cannot load embedding model"):
        emb.encode(["x y z"])
    emb.close()


def test_encode_after_worker_closed_without_cache():
    emb = Embedder(PACKAGED_MODEL, Cache(None))
    emb.warm_up()
    emb.prefetch(TEXTS)
    first = emb.encode(TEXTS)
    emb.close()
    again = emb.encode([*TEXTS[:2], "Checks may embed new phrases later."])  # in-process now
    assert np.allclose(again[:2], first[:2], atol=1e-5)


def test_runs_inside_shared_workers_use_one_embedding_process(tmp_path, monkeypatch):
    """The local engine checks deck after deck in one process: one embedding process serves them all, and it is
    stopped when the series ends (outside the series each run starts and stops its own)."""
    from guidecheck.index import embed, worker

    started: list[object] = []

    class FakeWorker:
        def __init__(self, *args):
            self.closed = False
            started.append(self)

        def close(self):
            self.closed = True

    monkeypatch.setattr(worker, "EmbeddingWorker", FakeWorker)
    cache = Cache(tmp_path / "cache")
    with embed.shared_workers():
        for _ in range(3):
            e = Embedder(PACKAGED_MODEL, cache)
            e.warm_up()
            e.close()
        assert len(started) == 1 and not started[0].closed
    assert started[0].closed
    e = Embedder(PACKAGED_MODEL, cache)
    e.warm_up()
    e.close()
    assert len(started) == 2 and started[1].closed


def test_a_waiting_run_is_served_before_prefetched_chunks():
    """The embedding process answers an urgent request (a run waiting for its vectors) before chunks another deck
    prefetched, and encodes prefetched chunks in bounded sets, oldest first."""
    from guidecheck.index.worker import SET_TEXTS, _next_set

    chunk = ["t"] * (SET_TEXTS // 2)
    queued = [(0, chunk, False), (1, chunk, False), (2, chunk, False), (3, ["q"], True)]
    assert [r[0] for r in _next_set(queued)] == [3]
    assert [r[0] for r in _next_set(queued)] == [0, 1]
    assert [r[0] for r in _next_set(queued)] == [2]
    assert queued == []


def test_a_text_the_embedding_process_encoded_before_is_not_encoded_again(monkeypatch):
    """Decks checked one after another share one embedding process; a rule text an earlier deck already had is
    answered from what the process remembers, each text is encoded once per set, and the oldest are forgotten."""
    import numpy as np

    from guidecheck.index import worker

    encoded: list[list[str]] = []

    def encode(texts):
        encoded.append(list(texts))
        return np.array([[float(len(t)), 1.0] for t in texts], dtype=np.float32)

    memo: dict = {}
    first = worker._remembered(encode, ["a", "bb", "a"], memo)
    second = worker._remembered(encode, ["bb", "ccc"], memo)
    assert encoded == [["a", "bb"], ["ccc"]]
    assert first[:, 0].tolist() == [1.0, 2.0, 1.0] and second[:, 0].tolist() == [2.0, 3.0]
    assert worker._remembered(encode, [], memo) is None
    monkeypatch.setattr(worker, "MEMO_TEXTS", 2)
    worker._remembered(encode, ["dddd"], memo)
    assert list(memo) == ["ccc", "dddd"]


def test_a_run_waiting_for_its_prefetched_texts_makes_them_urgent():
    """Prefetched chunks are encoded on one core while spaCy parses; once the run waits for them, its requests
    become urgent (all cores), in the order they came, and a next deck's chunks stay prefetched."""
    from guidecheck.index.worker import HURRY, _next_set, _receive

    class Pipe:
        def __init__(self, messages):
            self.messages = list(messages)

        def poll(self, _timeout):
            return bool(self.messages)

        def recv(self):
            return self.messages.pop(0)

    queued: list = []
    waiting = [(0, ["a"], False), (1, ["b"], False), (2, ["n"], False), (HURRY, [0, 1]), (3, ["c"], False)]
    assert not _receive(Pipe(waiting), queued, True)
    assert queued == [(0, ["a"], True), (1, ["b"], True), (2, ["n"], False), (3, ["c"], False)]
    assert [r[0] for r in _next_set(queued)] == [0, 1]
    assert _receive(Pipe([None]), queued, True)
