"""Dask engine: one task per deck on an existing cluster (``--scheduler ADDRESS``) or on a LocalCluster.

Why: an organisation that audits hundreds of decks every night wants them spread over many machines. Each task
is ``decks.check_deck`` with the deck's file list, so a worker must see the files at the same paths and have
guidecheck installed. Workers share the content-addressed cache when ``cache_dir`` points at shared storage:
entries are written atomically, and the ONNX graph export is an atomic folder rename, so concurrent writers
never see half an entry. Results come back in deck order and are merged exactly as the local engine merges.

Install with ``pip install 'guidecheck[dask]'``.
"""

from __future__ import annotations

import os

from ..config import Config
from ..errors import ModelMissing
from ..pipeline import Result

# LocalCluster: one single-threaded worker process per core; each deck run already uses a second process to embed.
LOCAL_THREADS_PER_WORKER = 1


def _client(scheduler: str | None, workers: int | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ModelMissing(
            "the dask engine needs dask and distributed; install them with: pip install 'guidecheck[dask]'"
        ) from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=LOCAL_THREADS_PER_WORKER,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def run_on_dask(
    decks: list[list[str]],
    config: Config,
    only: list[str] | None,
    scheduler: str | None = None,
    progress=None,
    workers: int | None = None,
) -> list[Result]:
    """Deck results in deck order. ``workers`` sizes a LocalCluster (default: one per core)."""
    from dask.distributed import as_completed

    from .decks import check_deck

    client, cluster = _client(scheduler, workers)
    try:
        futures = [
            client.submit(check_deck, files, config, only, key=f"guidecheck-deck-{i}", pure=False)
            for i, files in enumerate(decks)
        ]
        position = {f.key: i for i, f in enumerate(futures)}
        results: list[Result | None] = [None] * len(futures)
        for future in as_completed(futures):
            results[position[future.key]] = future.result()  # a task's exception is raised here
            if progress is not None:
                progress.deck_done(decks[position[future.key]])
        return [r for r in results if r is not None]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
