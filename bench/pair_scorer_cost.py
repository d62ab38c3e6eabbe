"""What the learned pair scorer adds to a cold run of a 40k-word deck.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/pair_scorer_cost.py [--words 40000]

Runs the pipeline once on the synthetic deck with an empty cache (cold), then times the relation step two ways
on the same index: the frame classifier alone (``relate`` per candidate pair) and the scored path (claims, roles,
one batch of neutral propositions and conditions through the run's embedder, features, logistic scorer). The
neutral texts are marked so the embedder's cache misses them, so their embedding is measured cold too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from make_deck import make_deck  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=40000)
    args = ap.parse_args()
    from guidecheck.checks.common.relations.decide import scored_relations
    from guidecheck.checks.common.relations.engine import claims_of
    from guidecheck.checks.common.relations.relate import relate, rubric_aliases
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        deck = Path(tmp) / "deck"
        deck.mkdir()
        (deck / "guide.md").write_text(make_deck(args.words), encoding="utf-8")
        config = load_config([str(deck)])
        config.values["cache_dir"] = str(Path(tmp) / "cache")
        t = time.perf_counter()
        result = run([str(deck)], config)
        cold = time.perf_counter() - t
        index = result.index
        claims = claims_of(index)
        aliases = rubric_aliases(claims)
        pairs = [(p.a, p.b, p.similarity) for p in index.pairs]
        t = time.perf_counter()
        for i, j, cos in pairs:
            relate(claims[i], claims[j], cos, aliases)
        frames = time.perf_counter() - t
        calls: list[int] = []

        def encode(texts: list[str]):
            calls.append(len(texts))
            return index.embedder.encode([f"{x} ·" for x in texts])  # texts the cache has not seen: cold

        t = time.perf_counter()
        scored_relations(claims, pairs, encode, aliases)
        scored = time.perf_counter() - t
        index.embedder.close()
    print(f"rules {len(index.rules)}, candidate pairs {len(pairs)}, cold run with the scorer {cold:.2f} s")
    print(
        f"frames only {frames:.2f} s; scored path {scored:.2f} s (texts embedded: {sum(calls)} in {len(calls)} batch)"
    )
    print(f"scorer share of the cold run: {100 * max(scored - frames, 0) / cold:.1f} %")


if __name__ == "__main__":
    main()
