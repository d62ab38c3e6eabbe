"""Issue 13 timing targets, measured in new processes like CI runs them (figures go in the README):

- re-check after a one-file edit of a 40k-word deck in 10 files (warm cache otherwise): target <= 3 s;
- ``guidecheck diff`` of two versions of a 40k-word deck, warm: target <= 5 s.

Usage: .venv/bin/python bench/ci_timing.py [--words 40000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
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


def _timed(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run([*GUIDECHECK, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gc-ci-bench-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    deck = tmp / "deck"
    deck.mkdir()
    for n, part in enumerate(_split(make_deck(opts.words), 10)):
        (deck / f"part{n:02d}.md").write_text(part)
    cold = _timed(["check", str(deck), "--fail-on", "never"], env)
    edits = []
    for n in range(opts.repeat):
        target = deck / "part05.md"
        target.write_text(target.read_text() + f"\nRaters must flag answer {n} when the source is missing.\n")
        edits.append(_timed(["check", str(deck), "--fail-on", "never"], env))
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
    }
    print(json.dumps(result, indent=2))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
