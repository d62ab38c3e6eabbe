"""Where the blind pairs of some splits stand: found, among the candidate pairs the checks judge but not reported,
outside the candidate pairs, or with a side that is not extracted; planted contradictions and look-alikes apart.

The split between "not reported" and "not a candidate" says which stage misses a pair: the candidate pairs
(embedding neighbours and blocking keys, ``index/pairs.py``) or the decision over them. Usage, from the repository
root: ``python guidelines/src/candidate_coverage.py heldout31,heldout32``. The run cache is skipped so that the index
is built. Reading a frozen split this way is reading it: run it on splits already scored.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from guidecheck.config import load_config
from guidecheck.evaluate.contradictions import _read_jsonl, gold_keys
from guidecheck.pipeline import begin, complete

LABELS = Path("guidelines/labels/blind-contradictions.jsonl")


def coverage(splits: set[str]) -> Counter:
    rows = [r for r in _read_jsonl(LABELS) if r["split"] in splits]
    counts: Counter = Counter()
    for deck in sorted({r["deck"] for r in rows}):
        folder = str(Path("guidelines/blind") / deck)
        started = begin([folder], load_config([folder]), ["CON", "REL"])
        started.cached = None  # build the index, whose candidate pairs are the point
        result = complete(started)
        ids = [r.id for r in result.index.rules]
        candidates = {frozenset((ids[p.a], ids[p.b])) for p in result.index.pairs}
        reported = {
            frozenset(f.rules) for f in result.findings if f.category == "contradiction" and len(f.rules) == 2
        }
        for row in (r for r in rows if r["deck"] == deck):
            keys = gold_keys(result.rules, row)
            stage = (
                "not extracted"
                if not keys
                else "reported"
                if keys & reported
                else "candidate, not reported"
                if keys & candidates
                else "not a candidate"
            )
            counts[(row["label"], stage)] += 1
    return counts


if __name__ == "__main__":
    for (label, stage), n in sorted(coverage(set(sys.argv[1].split(","))).items()):
        print(f"{label:14} {stage:24} {n}")
