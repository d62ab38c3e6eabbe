"""Issue 13 timing targets, measured in new processes like CI runs them (figures go in the README):

- re-check after a one-file edit of a 40k-word deck in 10 files (warm cache otherwise): target <= 3 s;
- ``guidecheck diff`` of two versions of a 40k-word deck, warm: target <= 5 s.

Usage: .venv/bin/python bench/ci_timing.py [--words 40000] [--repeat 3] [--write]

``--write`` stores the figures in bench/ci_results.json, with the load average before and after (the machine is
shared: a figure is only worth as much as the load it was measured under). Run it on a snapshot of the code
(``git archive HEAD guidecheck bench | tar -x -C DIR`` and ``PYTHONPATH=DIR``) when others edit the checkout:
the run cache is keyed by the code, so an edit to any module between two runs turns a warm run cold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_deck import make_deck

GUIDECHECK = [sys.executable, "-m", "guidecheck.cli"]


def _split(text: str, parts: int) -> list[str]:
    """Cut the generated deck at section headings into ``parts`` files of similar size."""
    sections = text.split("\n## ")
    head, rest = sections[0], sections[1:]
    size = -(-len(rest) // parts)
    return [head + "\n## " + "\n## ".join(rest[i : i + size]) for i in range(0, len(rest), size)][:parts]


def _cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far, the embedding worker included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(
    args: list[str], env: dict[str, str], stages: list[str] | None = None, cpu: list[float] | None = None
) -> float:
    """Seconds for one new process; with ``stages``, also the line `check -v` prints on stderr; with ``cpu``,
    also the CPU seconds the run used (on a shared machine, wall time grows with the load and CPU time does not)."""
    t, c = time.perf_counter(), _cpu()
    verbose = ["-v"] if stages is not None else []
    proc = subprocess.run(
        [*GUIDECHECK, *args, *verbose], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seconds = time.perf_counter() - t
    if cpu is not None:
        cpu.append(_cpu() - c)
    if stages is not None:
        stages += [ln.strip() for ln in proc.stderr.splitlines() if ln.startswith("guidecheck: ingest")]
    return seconds


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="store the figures in bench/ci_results.json")
    opts = ap.parse_args()
    load_before = _load()
    tmp = Path(tempfile.mkdtemp(prefix="gc-ci-bench-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    deck = tmp / "deck"
    deck.mkdir()
    for n, part in enumerate(_split(make_deck(opts.words), 10)):
        (deck / f"part{n:02d}.md").write_text(part)
    cold = _timed(["check", str(deck), "--fail-on", "never"], env)
    edits, stages, cpu = [], [], []
    for n in range(opts.repeat):
        target = deck / "part05.md"
        target.write_text(target.read_text() + f"\nRaters must flag answer {n} when the source is missing.\n")
        edits.append(_timed(["check", str(deck), "--fail-on", "never"], env, stages, cpu))
    old = tmp / "old"
    shutil.copytree(deck, old)
    target = deck / "part03.md"
    target.write_text(target.read_text().replace("must", "should", 3))
    _timed(["check", str(deck), "--fail-on", "never"], env)  # the new version has been checked once (CI did)
    diffs = [_timed(["diff", str(old), str(deck), "--fail-on", "never"], env) for _ in range(opts.repeat)]
    result = {
        "words": opts.words,
        "files": 10,
        "cold_check_s": round(cold, 2),
        "one_file_edit_recheck_s": round(statistics.median(edits), 2),
        "diff_warm_s": round(statistics.median(diffs), 2),
        "edit_runs_s": [round(e, 2) for e in edits],
        "edit_cpu_s": [round(c, 2) for c in cpu],
        "diff_runs_s": [round(d, 2) for d in diffs],
        "edit_stages": stages,
        "load_average_1min": {"before": load_before, "after": _load()},
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    if opts.write:
        out = Path(__file__).resolve().parent / "ci_results.json"
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
