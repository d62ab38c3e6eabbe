"""Labeled rule pairs as the scorer sees them: each side parsed with the real extractor, embedded, related.

Shared by the training script (bench/train_pair_scorer.py) and the eval, so both read a pair the same way a
deck run does. A side's context that ends in a colon is its list lead-in ("Avoid:" + "- cold replies"); any
other context is the section heading it sits under.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from ....model import Location, Rule
from .claims import build_claim
from .decide import pair_inputs
from .relate import Relation
from .scorer import PairInput


class ScoredPair(NamedTuple):
    row: dict[str, Any]
    inputs: list[tuple[PairInput, Relation | None]]  # one per extracted rule pair with frame evidence


def _body(text: str, context: str) -> str:
    context = (context or "").strip()
    if context.endswith(":"):
        return f"{context}\n\n- {text}\n"
    body = f"{text}\n"
    if text.lower().startswith("example"):
        context = context or "Examples"
    return f"## {context}\n\n{body}" if context else body


def _write(rows: list[dict[str, Any]], folder: Path) -> list[Path]:
    paths = []
    for n, p in enumerate(rows):
        for side in ("a", "b"):
            ctx = p.get(f"{side}_context") or p.get(f"{side}_lead_in") or ""
            if p.get(f"{side}_lead_in") and not ctx.endswith(":"):
                ctx += ":"
            path = folder / f"p{n:04d}{side}.md"
            path.write_text(_body(p[side], ctx), encoding="utf-8")
            paths.append(path)
    return paths


def _with_fallback(rules: list[Rule], rows: list[dict[str, Any]]) -> list[Rule]:
    """A side the extractor finds no rule in is kept as one plain sentence whose force comes from its cues
    (a pair set holds single sentences; a deck run would not compare such a sentence at all)."""
    have = {r.path for r in rules}
    out = list(rules)
    for n, p in enumerate(rows):
        for side in ("a", "b"):
            name = f"p{n:04d}{side}.md"
            if name not in have:
                rid = f"F{n}{side}"
                out.append(
                    Rule(rid, p[side], Location(name), kind="statement", lead_in=p.get(f"{side}_context"))
                )
    return out


def scored_pairs(rows: list[dict[str, Any]], corpus: Path) -> list[ScoredPair]:
    """Every labeled row with the scorer inputs of its rule pairs (spaCy and the embedder are loaded)."""
    from ....cache import Cache
    from ....config import load_config
    from ....index.embed import Embedder
    from ....ingest import read_document
    from ....rules import extract_rules

    config = load_config([str(corpus)])
    cache = Cache(config.cache_path())
    with tempfile.TemporaryDirectory() as tmp:
        docs = [read_document(p, display=p.name) for p in _write(rows, Path(tmp))]
        rules = extract_rules(docs, config, cache)
    rules = _with_fallback(rules, rows)
    embedder = Embedder(config.embedding_model, cache, config.allow_network)
    vectors = embedder.encode([r.text for r in rules])
    claims = [build_claim(r) for r in rules]
    by_side: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        by_side.setdefault(r.path, []).append(i)
    pairs, owner = [], []
    for n in range(len(rows)):
        for i in by_side.get(f"p{n:04d}a.md", []):
            for j in by_side.get(f"p{n:04d}b.md", []):
                pairs.append((i, j, float(vectors[i] @ vectors[j])))
                owner.append(n)
    inputs = pair_inputs(claims, pairs, embedder.encode)
    grouped: dict[int, list] = {}
    row_of = {(i, j): n for (i, j, _), n in zip(pairs, owner)}
    index_of = {id(c): k for k, c in enumerate(claims)}
    for inp, rel in inputs:
        n = row_of[(index_of[id(inp.fa)], index_of[id(inp.fb)])]
        grouped.setdefault(n, []).append((inp, rel))
    embedder.close() if hasattr(embedder, "close") else None
    return [ScoredPair(row, grouped.get(n, [])) for n, row in enumerate(rows)]


class DeckPairs(NamedTuple):
    folder: Path
    words: int
    rules: list[Rule]
    inputs: list[tuple[PairInput, Relation | None]]  # every candidate pair with evidence, as a run scores it


def deck_pairs(folder: Path) -> DeckPairs:
    """Every candidate pair of one deck as the relation engine scores it: the negatives a curated pair set lacks
    (most pairs in a real deck are about different things, or agree)."""
    from ....cache import Cache
    from ....config import load_config
    from ....index import build_index
    from ....index.embed import Embedder
    from ....ingest import read_paths
    from ....rules import extract_rules
    from .engine import claims_of
    from .relate import rubric_aliases

    config = load_config([str(folder)])
    cache = Cache(config.cache_path())
    docs = read_paths([str(folder)], config, [])
    embedder = Embedder(config.embedding_model, cache, config.allow_network)
    try:
        index = build_index(docs, extract_rules(docs, config, cache), config, cache, embedder)
        claims = claims_of(index)
        pairs = [(p.a, p.b, p.similarity) for p in index.pairs]
        inputs = pair_inputs(claims, pairs, embedder.encode, rubric_aliases(claims))
    finally:
        embedder.close()
    return DeckPairs(folder, sum(d.words for d in docs), index.rules, inputs)


__all__ = ["DeckPairs", "ScoredPair", "deck_pairs", "scored_pairs"]
