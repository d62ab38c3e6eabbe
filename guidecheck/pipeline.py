"""Wire the stages together: ingest -> rules -> index -> checks. Reports are rendered from the Result."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from . import suppress
from .cache import Cache, code_version, key
from .config import Config
from .index import Index, build_index
from .model import Document, Finding, Rule, finding_from_dict, to_dict


@dataclass
class Result:
    documents: list[Document]
    rules: list[Rule]
    findings: list[Finding]
    index: Index | None  # None when the findings came from the run cache
    skipped: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (check code, error) of checks that raised


def run(
    paths: list[str] | tuple[str, ...], config: Config, only_checks: list[str] | None = None, progress=None
) -> Result:
    return complete(begin(paths, config, only_checks, progress))


@dataclass
class Started:
    """A run whose rules are extracted and whose rule texts are on their way to the embedding process."""

    paths: list[str] | tuple[str, ...]
    config: Config
    only_checks: list[str] | None
    cache: Cache
    embedder: Any
    documents: list[Document]
    rules: list[Rule]
    cached: list | None
    run_key: str
    skipped: list[tuple[str, str]]
    timings: dict[str, float]
    cold: bool = False  # some document was parsed: the embedding process is still encoding its rules
    failed: list[tuple[str, str]] = field(default_factory=list)


def begin(
    paths: list[str] | tuple[str, ...], config: Config, only_checks: list[str] | None = None, progress=None
) -> Started:
    """Ingest and rules; the rule texts stream to the embedding process while spaCy parses.

    Split from ``complete`` so that a series of decks can be pipelined (engines/decks.py): the next deck is
    parsed while the embedding process is still encoding this one, instead of one core waiting for the other.
    """
    from .index.embed import Embedder
    from .ingest import read_paths
    from .rules import extract_rules
    from .rules.extract import is_cached

    timings: dict[str, float] = {}
    cache = Cache(config.cache_path())
    t = time.perf_counter()
    skipped: list[tuple[str, str]] = []
    documents = read_paths(paths, config, skipped)
    timings["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    embedder = Embedder(config.embedding_model, cache, config.allow_network)
    try:
        cold = any(d.blocks and not is_cached(d, config, cache) for d in documents if d.status != "error")
        if cold:
            embedder.warm_up()  # cold run: load the embedding model in parallel with spaCy
        rules = extract_rules(
            documents,
            config,
            cache,
            on_progress=progress,
            on_rules=lambda new: embedder.prefetch([r.text for r in new]),
        )
    except BaseException:
        embedder.close()
        raise
    _count_rules(documents, rules)
    timings["rules"] = time.perf_counter() - t
    run_key = _run_key(documents, config, only_checks)
    cached = cache.get_json("runs", run_key)
    return Started(
        paths, config, only_checks, cache, embedder, documents, rules, cached, run_key, skipped, timings, cold
    )


def complete(started: Started) -> Result:
    """Index, checks and suppressions of a begun run; closes its embedder."""
    s, index = started, None
    try:
        if s.cached is not None:  # same documents, configuration and code: the findings cannot differ
            findings = [finding_from_dict(d) for d in s.cached]
        else:
            with _settled():
                findings, index = _index_and_check(s)
            if not s.failed:  # an incomplete run is not remembered as this input's findings
                s.cache.put_json("runs", s.run_key, [to_dict(f) for f in findings])
    finally:
        s.embedder.close()
    findings = suppress.apply(s.paths, s.documents, s.rules, findings, s.config, s.only_checks)
    return Result(s.documents, s.rules, findings, index, s.skipped, s.timings, s.failed)


def _index_and_check(s: Started) -> tuple[list[Finding], Index]:
    from .checks.runner import prepare, run_checks

    t = time.perf_counter()
    # What the checks read of the rules alone, read while the embedding process still encodes them.
    prepared = prepare(s.documents, s.rules, s.config, s.cache, s.only_checks, spare_time=s.cold)
    s.timings["prepare"] = time.perf_counter() - t
    t = time.perf_counter()
    index = build_index(s.documents, s.rules, s.config, s.cache, s.embedder)
    s.timings["index"] = time.perf_counter() - t
    t = time.perf_counter()
    findings = run_checks(
        index, s.config, s.only_checks, prepared, s.failed
    )  # may embed more: worker still up
    s.timings["checks"] = time.perf_counter() - t
    return findings, index


@contextmanager
def _settled() -> Iterator[None]:
    """Keep what is alive once the rules are extracted (spaCy's model, the documents, the rules) out of the
    garbage collector's full passes while the index and the checks run. Each full pass walked all of it and freed
    nothing: 1.0-1.4 of the ~25 CPU-seconds of a cold 40k-word bench deck. Unfrozen after, so a cycle among
    those objects that became garbage is still collected."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _run_key(documents: list[Document], config: Config, only_checks: list[str] | None) -> str:
    """Everything the findings depend on: each document's bytes (or its error), the settings, the code."""
    parts = [
        code_version(),
        json.dumps(config.values, sort_keys=True, default=str),
        json.dumps(only_checks or []),  # a list, so that no selection can spell another one
    ]
    parts += [f"{d.path}|{d.digest}|{d.status}|{d.message}" for d in documents]
    return key("run", *parts)


def _count_rules(documents: list[Document], rules: list[Rule]) -> None:
    """Rules per document (examples excluded); a readable document without any gets a warning."""
    counts: dict[str, int] = {}
    for rule in rules:
        if not rule.is_example:
            counts[rule.path] = counts.get(rule.path, 0) + 1
    for doc in documents:
        doc.rule_count = counts.get(doc.path, 0)
        if doc.status == "ok" and doc.blocks and doc.rule_count == 0:
            doc.status, doc.message = (
                "warning",
                "no rules were found in this document (no instructions, obligations or rubric lines)",
            )
