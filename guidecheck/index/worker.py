"""Embed in a second process while spaCy parses in the first.

Importing torch and loading the model takes seconds, and so does encoding thousands of rules. On a cold run the
pipeline starts this worker before parsing and streams it chunks of freshly extracted rule texts, so both
cores work at once. Requests and results travel over multiprocessing queues (their feeder threads keep either
side from blocking the other). The worker is only started when some document's rules are not cached.
"""
from __future__ import annotations

import multiprocessing as mp
import queue

import numpy as np

# How long to wait for the worker before declaring it dead (model load plus a large batch on a slow machine).
RESULT_TIMEOUT_S = 600
POLL_S = 0.5


def _serve(requests, results, model_name: str, allow_network: bool, batch_size: int) -> None:
    from .embed import encode_with, load_model
    try:
        model = load_model(model_name, allow_network)
    except Exception as exc:  # ModelMissing or anything the model stack raises: report, never hang
        results.put((-1, "error", str(exc)))
        return
    while True:
        request = requests.get()
        if request is None:
            return
        seq, texts = request
        try:
            results.put((seq, "ok", encode_with(model, texts, batch_size)))
        except Exception as exc:
            results.put((seq, "error", f"embedding failed: {exc}"))


class EmbeddingWorker:
    def __init__(self, model_name: str, allow_network: bool, batch_size: int):
        # spawn, not fork: the parent may already run torch/OpenMP or spaCy threads, which a fork would deadlock.
        ctx = mp.get_context("spawn")
        self._requests, self._results = ctx.Queue(), ctx.Queue()
        self._proc = ctx.Process(target=_serve, args=(self._requests, self._results, model_name, allow_network,
                                                      batch_size), daemon=True)
        self._proc.start()
        self._sent = 0
        self._received: dict[int, np.ndarray] = {}

    def submit(self, texts: list[str]) -> int:
        """Queue texts for encoding without waiting; returns the request's sequence number."""
        seq = self._sent
        self._requests.put((seq, texts))
        self._sent += 1
        return seq

    def result(self, seq: int) -> np.ndarray:
        waited = 0.0
        while seq not in self._received:
            try:
                got, status, payload = self._results.get(timeout=POLL_S)
            except queue.Empty:
                waited += POLL_S
                if self._proc.is_alive() and waited < RESULT_TIMEOUT_S:
                    continue
                got, status, payload = -1, "error", "the embedding process stopped without an answer"
            if status == "error":
                from ..errors import ModelMissing
                self.close()
                raise ModelMissing(payload)
            self._received[got] = payload
        return self._received.pop(seq)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.result(self.submit(texts))

    def close(self) -> None:
        try:
            self._requests.put(None)
        except (OSError, ValueError):
            pass
        self._proc.join(timeout=2)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=2)
        for q in (self._requests, self._results):
            q.cancel_join_thread()
            q.close()
