"""Embed in a second process while spaCy parses in the first.

Importing torch and loading the model takes seconds, and so does encoding thousands of rules. On a cold run the
pipeline starts this worker before parsing and streams it chunks of freshly extracted rule texts, so both
cores work at once. The worker is only started when some document's rules are not cached.

The worker is a plain ``python -m guidecheck.index.worker`` child talking over two pipes (pickled messages via
``multiprocessing.connection.Connection``), not a multiprocessing Process: that would re-import the caller's
``__main__`` (impossible from stdin or a notebook) or fork a parent that may already run torch/OpenMP threads.
A writer and a reader thread on the parent side mean neither process ever waits on a full pipe.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
from multiprocessing.connection import Connection

import numpy as np

# How long the worker may stay silent before it is declared dead (model load plus a large set of texts on a slow,
# busy machine: a cold run over every bundled deck encodes sets of urgent requests that took over 600 s here).
RESULT_TIMEOUT_S = 1800.0
POLL_S = 0.5


# Most texts encoded as one set while prefetched requests wait: large enough to sort away padding (512 sorted
# texts pad 2 % more tokens than 2048), small enough that an urgent request (a run waiting for its vectors) is
# answered soon after it arrives: a prefetched set runs on one core, since spaCy parses on the other.
SET_TEXTS = 512
# Sent with request numbers by a run that starts waiting for texts it prefetched: those requests become urgent
# (all cores), not the chunks a pipelined next deck prefetched meanwhile.
HURRY = "hurry"
# Vectors the process remembers (about 1.6 kB each): a process shared by the decks of one run (shared_workers)
# is sent the next deck's rules before the last deck's vectors reach the cache, and generated or templated
# decks repeat many rules (each 40k bench deck of the 1M corpus shares about a quarter of its texts with the
# two before it).
MEMO_TEXTS = 60_000


def _serve(
    requests: Connection, results: Connection, model_name: str, allow_network: bool, options: list[str]
) -> None:
    """options: batch size, backend ('onnx' or 'torch'), cache root ('' for none)."""
    from .embed import encode_with, load_model

    batch_size, backend, cache_root = int(options[0]), options[1], options[2] or None
    try:
        model = load_model(model_name, allow_network, backend, cache_root)
    except Exception as exc:  # ModelMissing or anything the model stack raises: report, never hang
        results.send((-1, "error", str(exc)))
        return
    queued: list[tuple[int, list[str], bool]] = []
    memo: dict[str, np.ndarray] = {}
    while True:
        if _receive(requests, queued, block=not queued):
            return  # the parent stopped reading: what is still queued was prefetched for nobody
        batch = _next_set(queued)
        texts = [t for _, chunk, _ in batch for t in chunk]
        lanes = None if any(urgent for _, _, urgent in batch) else 1  # None: every core
        try:
            vectors = _remembered(lambda new, n=lanes: encode_with(model, new, batch_size, n), texts, memo)
        except Exception as exc:
            for seq, _, _ in batch:
                results.send((seq, "error", f"embedding failed: {exc}"))
            continue
        at = 0
        for seq, chunk, _ in batch:
            results.send((seq, "ok", vectors[at : at + len(chunk)]))
            at += len(chunk)


def _remembered(encode, texts: list[str], memo: dict[str, np.ndarray]) -> np.ndarray | None:
    """Vectors of ``texts`` in order; only texts this process has not encoded before go to ``encode``, each once.
    The oldest vectors are forgotten past MEMO_TEXTS."""
    if not texts:
        return None
    new = [t for t in dict.fromkeys(texts) if t not in memo]
    if new:
        memo.update(zip(new, encode(new)))
    vectors = np.stack([memo[t] for t in texts])
    for old in list(memo)[: max(0, len(memo) - MEMO_TEXTS)]:
        del memo[old]
    return vectors


def _receive(requests: Connection, queued: list, block: bool) -> bool:
    """Move every waiting request into ``queued`` (waiting for one when ``block``); True once the parent said
    stop or closed the pipe."""
    while block or requests.poll(0):
        block = False
        try:
            request = requests.recv()
        except EOFError:
            request = None
        if request is None:
            return True
        if request[0] == HURRY:
            wanted = set(request[1])
            queued[:] = [(seq, texts, urgent or seq in wanted) for seq, texts, urgent in queued]
        else:
            queued.append(request)
    return False


def _next_set(queued: list[tuple[int, list[str], bool]]) -> list[tuple[int, list[str], bool]]:
    """The requests to encode next, removed from ``queued``: every urgent one, else the oldest prefetched ones up
    to SET_TEXTS texts.

    While spaCy parses, chunks of rules arrive faster than they are encoded; one set sorted by length packs
    batches of equal length, so less padding is computed than chunk by chunk. A run that waits for vectors (the
    index, a check) sends an urgent request, which goes before the chunks a pipelined next deck prefetched.
    """
    urgent = [r for r in queued if r[2]]
    if urgent:
        chosen = urgent
    else:
        chosen, size = [], 0
        for r in queued:
            if chosen and size + len(r[1]) > SET_TEXTS:
                break
            chosen.append(r)
            size += len(r[1])
    for r in chosen:
        queued.remove(r)
    return chosen


class EmbeddingWorker:
    def __init__(
        self,
        model_name: str,
        allow_network: bool,
        batch_size: int,
        backend: str = "torch",
        cache_root: str | None = None,
    ):
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        env = dict(os.environ)
        if not allow_network:
            env.setdefault("HF_HUB_OFFLINE", "1")
            env.setdefault("TRANSFORMERS_OFFLINE", "1")
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                __name__,
                str(req_r),
                str(res_w),
                model_name,
                "1" if allow_network else "0",
                str(batch_size),
                backend,
                cache_root or "",
            ],
            pass_fds=(req_r, res_w),
            env=env,
            stdin=subprocess.DEVNULL,
        )
        os.close(req_r)
        os.close(res_w)
        self._requests = Connection(req_w, readable=False)
        self._results = Connection(res_r, writable=False)
        self._outbox: queue.Queue = queue.Queue()
        self._inbox: queue.Queue = queue.Queue()
        self._writer = threading.Thread(target=self._write, daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._writer.start()
        self._reader.start()
        self._sent = 0
        self._received: dict[int, np.ndarray] = {}
        self._closed = False

    def _write(self) -> None:
        while True:
            item = self._outbox.get()
            try:
                self._requests.send(item)
            except (OSError, ValueError):
                return
            if item is None:
                return

    def _read(self) -> None:
        while True:
            try:
                self._inbox.put(self._results.recv())
            except (EOFError, OSError, ValueError):
                self._inbox.put((-1, "error", "the embedding process stopped without an answer"))
                return

    def submit(self, texts: list[str], urgent: bool = False) -> int:
        """Queue texts for encoding without waiting; returns the request's sequence number. An urgent request
        (someone waits for it) is encoded before prefetched ones that have not started."""
        seq = self._sent
        self._outbox.put((seq, texts, urgent))
        self._sent += 1
        return seq

    def result(self, seq: int) -> np.ndarray:
        waited = (
            0.0  # since the process last answered anything: a long queue ahead of this request is no hang
        )
        while seq not in self._received:
            try:
                got, status, payload = self._inbox.get(timeout=POLL_S)
                waited = 0.0
            except queue.Empty:
                waited += POLL_S
                if waited < RESULT_TIMEOUT_S:
                    continue
                got, status, payload = -1, "error", "the embedding process did not answer"
            if status == "error":
                from ..errors import ModelMissing

                self.close()
                raise ModelMissing(payload)
            self._received[got] = payload
        return self._received.pop(seq)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.result(self.submit(texts, urgent=True))

    def hurry(self, seqs: list[int]) -> None:
        """The run now waits for these prefetched requests: encode them before anything else, on every core."""
        self._outbox.put((HURRY, seqs))

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._outbox.put(None)
        self._writer.join(timeout=2)
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)
        for conn in (self._requests, self._results):
            with contextlib.suppress(OSError):
                conn.close()


def main(argv: list[str]) -> None:
    req_fd, res_fd, model_name, allow_network, *options = argv
    _serve(
        Connection(int(req_fd), writable=False),
        Connection(int(res_fd), readable=False),
        model_name,
        allow_network == "1",
        options,
    )
    # Every answer has been written to the pipe and nothing is left to save (the graph was cached at load), so
    # skip the interpreter's teardown of torch and ONNX Runtime: the parent waits for this exit.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
