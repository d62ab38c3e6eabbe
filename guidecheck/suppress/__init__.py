"""Suppressions: inline comments in each format and ``.guidecheck-ignore.toml`` beside a deck.

``apply`` is the one post-check step the pipeline calls; the run cache keeps the unsuppressed findings, so
a changed ignore file never needs the checks to run again.
"""

from __future__ import annotations

from ..config import Config
from ..model import Document, Finding, Rule
from . import sidecar
from .apply import mark, meta_findings


def _ran(config: Config, only: list[str] | None) -> list[str]:
    from ..checks.runner import selected_codes

    return selected_codes(config, only)


def apply(
    paths: list[str] | tuple[str, ...],
    documents: list[Document],
    rules: list[Rule],
    findings: list[Finding],
    config: Config,
    only: list[str] | None = None,
) -> list[Finding]:
    """Findings with ``suppressed`` set, plus GC100/GC101 findings for the suppressions themselves."""
    accepted = sidecar.find(paths, [d.path for d in documents])
    if not accepted and not any(d.directives for d in documents):
        return findings
    outcome = mark(documents, rules, findings, accepted)
    ran = _ran(config, only)
    extra = [f for f in meta_findings(documents, accepted, outcome, config, ran) if f.check in ran]
    order = {d.path: i for i, d in enumerate(documents)}
    return sorted(
        findings + extra,
        key=lambda f: (
            order.get(f.location.path, len(order)),
            f.location.page or 0,
            f.location.slide or 0,
            f.location.line or 0,
        ),
    )
