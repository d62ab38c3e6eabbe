"""Scale figures for bench/run.py: start-up, a 1M-word corpus cold, and Dask throughput with 1 and 2 workers.

The machine is shared, so every figure carries the load average (``/proc/loadavg``, as ``uptime`` prints it)
read just before and just after it was measured.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_deck import make_deck

STARTUP_COMMANDS = (["--help"], ["checks"])
DECK_WORDS = 40_000
# The ONNX graph is exported once per install (from the model package, like compiling it) and kept here, so a
# "cold" run means no rules, vectors or findings cached, not a re-export of the model.
GRAPH_CACHE = Path(__file__).resolve().parent / "out" / "onnx"


def seed_graph(xdg_cache: Path) -> Path:
    """Point the run's cache at the already exported ONNX graph; returns the XDG cache folder."""
    GRAPH_CACHE.mkdir(parents=True, exist_ok=True)
    root = xdg_cache / "guidecheck"
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "onnx").exists():
        (root / "onnx").symlink_to(GRAPH_CACHE, target_is_directory=True)
    return xdg_cache


def load() -> list[float]:
    """1, 5 and 15-minute load averages."""
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def startup(repeat: int = 7) -> dict:
    """Median wall time of commands that must not load any model."""
    out = {}
    for args in STARTUP_COMMANDS:
        times = []
        before = load()
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "guidecheck.cli", *args], capture_output=True, check=True)
            times.append(time.perf_counter() - t)
        out[" ".join(args)] = {"seconds": round(statistics.median(times), 3), "load": [before, load()]}
    return out


def make_corpus(root: Path, words: int, deck_words: int = DECK_WORDS) -> int:
    """words // deck_words decks of deck_words words, one folder each (a different seed per deck)."""
    n = max(1, words // deck_words)
    for i in range(n):
        folder = root / f"project-{i:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "guidelines.md").write_text(make_deck(deck_words, seed=100 + i), encoding="utf-8")
    return n


DASK_RUN = """
import subprocess, sys, time
from dask.distributed import LocalCluster
with LocalCluster(n_workers={workers}, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "guidecheck.cli", "check", {root!r}, "--engine", "dask",
                    "--scheduler", cluster.scheduler_address, "-f", "json", "-o", {out!r},
                    "--fail-on", "never"], check=True, capture_output=True)
    print(time.perf_counter() - t)
"""


def dask_throughput(decks: int, worker_counts=(1, 2)) -> dict:
    """Cold runs of `--engine dask` on `decks` 40k-word decks with a LocalCluster of each size."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        make_corpus(root, decks * DECK_WORDS)
        for workers in worker_counts:
            cache = seed_graph(Path(tmp) / f"cache-{workers}")
            env = dict(os.environ, XDG_CACHE_HOME=str(cache), HF_HUB_OFFLINE="1")
            code = DASK_RUN.format(workers=workers, root=str(root), out=str(Path(tmp) / "report.json"))
            before = load()
            proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"dask run failed:\n{proc.stderr[-2000:]}")
            seconds = float(proc.stdout.strip().splitlines()[-1])
            out[str(workers)] = {
                "decks": decks,
                "words": decks * DECK_WORDS,
                "seconds": round(seconds, 2),
                "decks_per_minute": round(60 * decks / seconds, 2),
                "words_per_s": round(decks * DECK_WORDS / seconds),
                "load": [before, load()],
            }
            print(f"dask {workers} worker(s): {seconds:.1f}s for {decks} decks", file=sys.stderr)
    return out


def corpus_cold(words: int, run_once) -> dict:
    """One cold run of `guidecheck check --engine local` over the corpus folder (one run per deck)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        decks = make_corpus(root, words)
        before = load()
        result = run_once(
            root, seed_graph(Path(tmp) / "cache"), Path(tmp) / "report.json", ("--engine", "local")
        )
        result.update(decks=decks, load=[before, load()])
    print(
        f"corpus {words:,} words: {result['seconds']:.1f}s, peak {result['peak_mb']:.0f} MB", file=sys.stderr
    )
    return result
