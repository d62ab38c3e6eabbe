"""One run per deck, merged into one Result: what ``--engine local`` does in this process and ``--engine dask``
does on a cluster.

Why per deck: an organisation's audit root holds one folder per labeling project, and rules of two projects are
never compared, so each deck is an independent task and the decks can run anywhere. A deck is a folder directly
below a checked folder (files directly in it form one more deck); a file named on the command line is a deck
with the other files of its folder. Files are collected once, here, with the configuration's include and exclude
globs, and each task gets its explicit file list.

The merge is deterministic: decks in path order, rules renumbered R1..Rn across decks (rule ids inside findings
follow), documents and findings in deck order. Both engines call ``check_deck`` and ``merge``, so their reports
are byte-identical.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from ..config import Config
from ..pipeline import Result

ENGINES = ("local", "dask")


def split_decks(paths, config: Config, skipped: list[tuple[str, str]]) -> list[list[str]]:
    """File lists, one per deck, in path order."""
    from ..ingest.collect import collect_paths

    decks: dict[str, list[str]] = defaultdict(list)
    for raw in paths:
        top = Path(raw)
        for file, display in collect_paths([raw], config, skipped):
            if top.is_dir():
                rel = file.relative_to(top).parts
                deck = (top / rel[0]).as_posix() if len(rel) > 1 else top.as_posix() + "/"
            else:
                deck = file.parent.as_posix() + "/"
            if display not in decks[deck]:
                decks[deck].append(display)
    return [decks[k] for k in sorted(decks)]


def shared_config(config: Config) -> Config:
    """The cache folder resolved here, so every worker (and the local engine) uses the same one."""
    root = config.cache_path()
    values = dict(config.values, cache_dir=str(root) if root else "off")
    return dataclasses.replace(config, values=values)


def check_deck(files: list[str], config: Config, only: list[str] | None) -> Result:
    """One deck, start to finish, as a plain pipeline run (runs in a Dask worker or in this process)."""
    from ..pipeline import run

    result = run(files, config, only_checks=only)
    result.index = None  # vectors and pairs stay on the worker; reports do not need them
    return result


def _renumber(result: Result, offset: int) -> None:
    ids = {r.id: f"R{offset + i}" for i, r in enumerate(result.rules, 1)}
    for rule in result.rules:
        rule.id = ids[rule.id]
        rule.example_of = ids.get(rule.example_of, rule.example_of) if rule.example_of else None
    for f in result.findings:
        f.rules = [ids.get(r, r) for r in f.rules]
        f.spans = [dataclasses.replace(s, rule=ids.get(s.rule, s.rule)) for s in f.spans]


def merge(results: list[Result], skipped: list[tuple[str, str]]) -> Result:
    """Deck results (in deck order) as one Result, as if one run had read the decks one after the other."""
    merged = Result([], [], [], None, list(skipped), {})
    seen: dict[str, int] = {}
    for result in results:
        _renumber(result, len(merged.rules))
        merged.documents += result.documents
        merged.rules += result.rules
        merged.skipped += result.skipped
        merged.failed += result.failed
        for f in result.findings:  # finding ids unique across decks too (same texts in two decks)
            base = f.id
            if base in seen:
                seen[base] += 1
                f.id = f"{base}-d{seen[base]}"
            else:
                seen[base] = 0
            merged.findings.append(f)
        for stage, seconds in result.timings.items():
            merged.timings[stage] = merged.timings.get(stage, 0.0) + seconds
    return merged


def run_decks(
    paths, config: Config, only: list[str] | None, engine: str, scheduler: str | None = None, progress=None
) -> Result:
    """Split, run every deck on the chosen engine, merge."""
    skipped: list[tuple[str, str]] = []
    decks = split_decks(paths, config, skipped)
    config = shared_config(config)
    if engine == "dask":
        from .dask_engine import run_on_dask

        results = run_on_dask(decks, config, only, scheduler, progress)
    else:
        results = _run_local(decks, config, only, progress)
    return merge(results, skipped)


def _run_local(decks: list[list[str]], config: Config, only: list[str] | None, progress) -> list[Result]:
    """Deck after deck in this process, pipelined by one deck: deck k+1 is parsed while the embedding process
    still encodes deck k, then deck k is indexed and checked (its vectors go first: they are asked for urgently).
    Without the overlap each core waits for the other: spaCy idles while the last rules are embedded, and the
    embedding process idles while the checks run."""
    from ..index.embed import shared_workers
    from ..pipeline import begin, complete

    results: list[Result] = []
    waiting = None  # (files, begun run) of the deck parsed last, not yet checked
    with shared_workers():  # one embedding process for every deck, not one each
        try:
            for files in [*decks, None]:
                previous, waiting = (
                    waiting,
                    (files, begin(files, config, only)) if files is not None else None,
                )
                if previous is not None:
                    result = complete(previous[1])  # closes its own embedder, also when it fails
                    result.index = None  # as check_deck: the merged report needs no vectors or pairs
                    results.append(result)
                    if progress is not None:
                        progress.deck_done(previous[0])
        finally:  # the one begun run not yet completed (when begin or complete failed)
            if waiting is not None:
                waiting[1].embedder.close()
    return results
