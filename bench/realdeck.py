"""Real-document figures for bench/run.py: guidecheck against proselint on the same file in the same run, and what
"parse less" saves on that file.

The document is read where it lies (``../shared/realdecks`` by default) and never copied into the repository.
It is the largest document there that proselint can read: proselint lints plain text, so a PDF or DOCX would be
bytes to it, and "the same file" would not be the same text. Every figure carries the load average before and
after it (the machine is shared).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scale import load, seed_graph

REALDECKS = Path(__file__).resolve().parents[2] / "shared" / "realdecks"
TEXT_SUFFIXES = (".md", ".txt", ".rst")


def largest_text_document(root: Path = REALDECKS) -> Path:
    """The plain-text document with the most words (``len(text.split())``, as SOURCES-text.md counts them)."""
    docs = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    docs = [p for p in docs if p.parent != root]  # the corpus README and SOURCES files are not documents
    if not docs:
        raise SystemExit(f"no Markdown or text document below {root}")
    return max(docs, key=lambda p: len(p.read_text(encoding="utf-8", errors="replace").split()))


def proselint_once(path: Path) -> dict:
    """One `proselint check FILE` in a new process (it keeps no cache, so every run is cold)."""
    before = load()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "proselint", "check", str(path)], capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    # 1 means it found something, but Python also exits 1 when the module is missing: a 0.04-s "run" that linted
    # nothing once made the ratio 269x
    if proc.returncode not in (0, 1) or "No module named" in proc.stderr or "Traceback" in proc.stderr:
        raise SystemExit(f"proselint failed ({proc.returncode}; pip install -e '.[bench]'):\n{proc.stderr}")
    return {"seconds": round(wall, 3), "findings": len(proc.stdout.splitlines()), "load": [before, load()]}


def proselint_ratio(path: Path, repeat: int, run_once: Callable, out: Path) -> dict:
    """Cold guidecheck and proselint on the same file, alternating, `repeat` times each; ratio of the medians."""
    ours, theirs, path = [], [], path.resolve()
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            ours.append(run_once(path, seed_graph(Path(cache)), out))
        theirs.append(proselint_once(path))
    gc = statistics.median(r["seconds"] for r in ours)
    pl = statistics.median(r["seconds"] for r in theirs)
    return {
        "document": str(path.relative_to(REALDECKS)) if path.is_relative_to(REALDECKS) else str(path),
        "words": ours[0]["words"],
        "rules": ours[0]["rules"],
        "guidecheck_cold_seconds": gc,
        "guidecheck_runs": [r["seconds"] for r in ours],
        "guidecheck_stages": ours[0]["stages"],
        "proselint_seconds": pl,
        "proselint_runs": [r["seconds"] for r in theirs],
        "proselint_findings": theirs[0]["findings"],
        "ratio": round(gc / pl, 1),
        "load": {"guidecheck": [r["load"] for r in ours], "proselint": [r["load"] for r in theirs]},
    }


PARSE_SAVING = """
import json, sys, time
from guidecheck.config import load_config
from guidecheck.ingest import read_paths
from guidecheck.rules.extract import batch_size_for, needs_parse
from guidecheck.rules.nlp import UNUSED_PIPES, load_spacy
from guidecheck.rules.segment import SKIP_KINDS, parse_text, rule_blocks

config = load_config([sys.argv[1]])
blocks = [b for d in read_paths([sys.argv[1]], config, []) for b in d.blocks]
kept = rule_blocks(blocks)
parsed = [b for b in kept if needs_parse(b)]
nlp = load_spacy(tuple(config.spacy_model))

def pipe_seconds(chosen, pipeline=nlp):
    texts = [parse_text(b) for b in chosen]
    best = None
    for _ in range(3):
        t = time.perf_counter()
        for _doc in pipeline.pipe(texts, batch_size=batch_size_for(chosen)):
            pass
        best = min(best or 1e9, time.perf_counter() - t)
    return round(best, 3)

def with_unused_pipes():
    import spacy
    from guidecheck.rules import fast_pipes
    for name in config.spacy_model:
        try:
            full = spacy.load(name)
        except OSError:
            continue
        fast_pipes.faster_ruler(full)  # the same stand-ins as the run's pipeline: only the unused pipes differ
        fast_pipes.faster_lemma_index(full)
        return full

def first_and_best(chosen, stand_ins):
    # a freshly loaded pipeline's first pass (as in a cold run: the lemmatizer's cache is empty), then the best of 3
    pipeline = load_spacy(tuple(config.spacy_model), stand_ins=stand_ins)
    texts = [parse_text(b) for b in chosen]
    t = time.perf_counter()
    for _doc in pipeline.pipe(texts, batch_size=batch_size_for(chosen)):
        pass
    return {"first_pass": round(time.perf_counter() - t, 3), "best_of_3": pipe_seconds(chosen, pipeline)}

chars = lambda bs: sum(len(b.text) for b in bs)
print(json.dumps({
    "blocks": len(blocks), "chars": chars(blocks),
    "skipped_by_kind": {"blocks": len(blocks) - len(kept), "chars": chars(blocks) - chars(kept), "kinds": sorted(SKIP_KINDS)},
    "skipped_unparsed": {"blocks": len(kept) - len(parsed), "chars": chars(kept) - chars(parsed)},
    "parse_seconds_every_rule_block": pipe_seconds(kept),
    "parse_seconds_parsed_blocks": pipe_seconds(parsed),
    "unused_pipes_left_out": list(UNUSED_PIPES),
    "parse_seconds_every_rule_block_with_unused_pipes": pipe_seconds(kept, with_unused_pipes()),
    "parse_seconds_parsed_blocks_spacy_attribute_ruler_lemmatizer": first_and_best(parsed, False),
    "parse_seconds_parsed_blocks_stand_ins": first_and_best(parsed, True),
}))
"""


def parse_saving(path: Path) -> dict:
    """What parse-less saves on ``path``: blocks and characters spaCy never sees, and the nlp.pipe time of the
    rule blocks with and without the unparsed ones (best of 3 each, same process, same loaded pipeline); and the
    parse time of the parsed blocks with spaCy's attribute ruler and lemmatizer lists against the exact stand-ins
    of rules/fast_pipes.py (each on a freshly loaded pipeline: the first pass, then the best of 3)."""
    before = load()
    proc = subprocess.run(
        [sys.executable, "-c", PARSE_SAVING, str(path)], capture_output=True, text=True, check=True
    )
    import json

    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load"] = [before, load()]
    return out
