"""Load the embedding model in a second process while spaCy parses in the first.

Importing torch and sentence-transformers and loading the model takes seconds; on a cold run that time is spent
in parallel with rule extraction (the machine has at least 2 cores). The worker answers ``encode`` requests
over a pipe. It is only started when some document's rules are not cached, i.e. when the run is cold.
"""
from __future__ import annotations

import multiprocessing as mp
from multiprocessing.connection import Connection

import numpy as np


def _serve(conn: Connection, model_name: str, allow_network: bool, batch_size: int) -> None:
    from .embed import load_model
    try:
        model = load_model(model_name, allow_network)
        conn.send(("ready", None))
    except Exception as exc:  # ModelMissing or anything the model stack raises: report, never hang
        conn.send(("error", str(exc)))
        return
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            vectors = model.encode(request, batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
            conn.send(("ok", vectors))
        except Exception as exc:
            conn.send(("error", f"embedding failed: {exc}"))


class EmbeddingWorker:
    def __init__(self, model_name: str, allow_network: bool, batch_size: int):
        ctx = mp.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, model_name, allow_network, batch_size), daemon=True)
        self._proc.start()
        child.close()
        self._ready = False

    def _receive(self):
        try:
            status, payload = self._conn.recv()
        except EOFError:
            status, payload = "error", "the embedding process stopped unexpectedly"
        if status == "error":
            from ..rules.nlp import ModelMissing
            self.close()
            raise ModelMissing(payload)
        return payload

    def encode(self, texts: list[str]) -> np.ndarray:
        if not self._ready:
            self._receive()
            self._ready = True
        self._conn.send(texts)
        return self._receive()

    def close(self) -> None:
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._proc.join(timeout=2)
        if self._proc.is_alive():
            self._proc.terminate()
