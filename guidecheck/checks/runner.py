"""Run every enabled check over the index and return findings in a stable order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..cache import Cache
from ..config import Config
from ..index import Index
from ..model import Document, Finding, Rule
from .base import CheckContext
from .common.deck import build_decks, use_layout
from .registry import all_checks, enabled


def selected_codes(config: Config, only: list[str] | None = None) -> list[str]:
    """The checks this run executes: ``only`` (the CLI's --select) or the configuration's selection."""
    select = list(only or config.values["select"])
    extend = list(config.values["extend_select"])
    return [c.code for c in all_checks() if enabled(c.code, select, extend, config.values["disable"])]


def prepare(
    documents: Sequence[Document],
    rules: Sequence[Rule],
    config: Config,
    cache: Cache,
    only: list[str] | None = None,
    spare_time: bool = False,
) -> dict[str, Any]:
    """What the checks of this run read of the rules alone, no vector needed: given to ``run_checks``.

    The pipeline calls it before it waits for the rule vectors: on a cold run the embedding process is still
    encoding them on the other core, so the claims are built meanwhile instead of after the index while that
    core idles. ``spare_time``: the embedding process is busy, so build everything now (a warm run builds only
    what it turns out to need)."""
    chosen = set(selected_codes(config, only))
    if not any(cls.reads_relations for cls in all_checks() if cls.code in chosen):
        return {}
    from .common.relations.readings import READINGS, read_rules

    use_layout(config)  # the whole-deck readers read now never compare two decks the ``decks`` setting names
    return {READINGS: read_rules(rules, [d.path for d in documents], cache, spare_time)}


def run_checks(
    index: Index,
    config: Config,
    only: list[str] | None = None,
    prepared: dict[str, Any] | None = None,
    failures: list[tuple[str, str]] | None = None,
) -> list[Finding]:
    """``prepared``: what ``prepare`` read for the same rules and documents. ``failures``: when given, a check
    that raises on this input adds (its code, the error) there and the other checks still run (the CLI's way: one
    check's bug must not cost the user every other finding); when None, the error propagates (tests, the eval)."""
    ctx = CheckContext(index, config, config.severity_overrides(), build_decks(index, config))
    ctx.seed(prepared or {})
    findings: list[Finding] = []
    chosen = set(selected_codes(config, only))
    checks = [cls() for cls in all_checks() if cls.code in chosen]
    if index.embedder is not None:
        index.embedder.prefetch([t for check in checks for t in check.texts_to_embed(ctx)], urgent=True)
    for check in checks:
        if failures is None:
            findings.extend(check.run(ctx))
            continue
        try:
            findings.extend(list(check.run(ctx)))
        except Exception as exc:  # reported to the user, who still gets the other checks' findings
            failures.append((check.code, f"{type(exc).__name__}: {exc}"))
    order = {d.path: i for i, d in enumerate(index.documents)}
    findings.sort(
        key=lambda f: (
            order.get(f.location.path, len(order)),
            f.location.page or 0,
            f.location.slide or 0,
            f.location.line or 0,
            f.check,
            f.fingerprint,
        )
    )
    seen: dict[str, int] = {}
    for f in findings:  # identical ids (same texts twice) get a suffix so deep links stay unique
        if f.id in seen:
            seen[f.id] += 1
            f.id = f"{f.id}-{seen[f.id]}"
        else:
            seen[f.id] = 0
    return findings
