"""Wire the stages together: ingest -> rules -> index -> checks. Reports are rendered from the Result."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache
from .config import Config
from .index import Index, build_index
from .model import Document, Finding, Rule


@dataclass
class Result:
    documents: list[Document]
    rules: list[Rule]
    findings: list[Finding]
    index: Index
    skipped: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def run(paths: list[str] | tuple[str, ...], config: Config, only_checks: list[str] | None = None,
        progress=None) -> Result:
    from .checks import run_checks
    from .ingest import read_paths
    from .index.embed import Embedder
    from .rules import extract_rules
    from .rules.extract import is_cached

    timings: dict[str, float] = {}
    cache_root = config.cache_path()
    cache = Cache(cache_root)
    t = time.perf_counter()
    skipped: list[tuple[str, str]] = []
    documents = read_paths(paths, config, skipped)
    timings["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    embedder = Embedder(config.embedding_model, cache, config.allow_network)
    if any(d.blocks and not is_cached(d, config, cache) for d in documents if d.status != "error"):
        embedder.warm_up()  # cold run: load the embedding model in parallel with spaCy
    try:
        rules = extract_rules(documents, config, cache, on_progress=progress,
                              on_rules=lambda new: embedder.prefetch([r.text for r in new]))
        _count_rules(documents, rules)
        timings["rules"] = time.perf_counter() - t
        t = time.perf_counter()
        index = build_index(documents, rules, config, cache, embedder)
        timings["index"] = time.perf_counter() - t
        t = time.perf_counter()
        findings = run_checks(index, config, only_checks)  # checks may embed more text: worker still up
        timings["checks"] = time.perf_counter() - t
    finally:
        embedder.close()
    return Result(documents, rules, findings, index, skipped, timings)


def _count_rules(documents: list[Document], rules: list[Rule]) -> None:
    """Rules per document (examples excluded); a readable document without any gets a warning."""
    counts: dict[str, int] = {}
    for rule in rules:
        if not rule.is_example:
            counts[rule.path] = counts.get(rule.path, 0) + 1
    for doc in documents:
        doc.rule_count = counts.get(doc.path, 0)
        if doc.status == "ok" and doc.blocks and doc.rule_count == 0:
            doc.status, doc.message = "warning", "no rules were found in this document (no instructions, obligations or rubric lines)"
