"""The Check contract and the context every check receives.

A check is a small class with a stable ``code`` (e.g. ``CON001``), a kebab-case ``name``, a ``category``, a default
``severity`` and a docstring in four sections — What it does / Why is this bad / Example / Use instead — from which
``guidecheck checks`` and the docs are generated (as in ruff).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..config import Config
from ..index import Index
from ..model import Finding, Location, Rule, Span

if TYPE_CHECKING:
    from .common.deck import Deck

CATEGORIES = (
    "contradiction",
    "exception",
    "override",
    "duplicate",
    "ambiguity",
    "labels",
    "terminology",
    "coverage",
    "meta",
)


class Check:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str]
    # True for a check that reads the relation classifier (engine.relations): the pipeline then reads the rules
    # for it while the embedding process still encodes them (runner.prepare), not after the index is built.
    reads_relations: ClassVar[bool] = False

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def texts_to_embed(self, ctx: CheckContext) -> list[str]:
        """Texts ``run`` will embed, known before any check runs: the runner hands them to the embedding
        process first, so they are encoded while earlier checks compute instead of while this one waits."""
        return []

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """Docstring split into its sections: summary, What it does, Why is this bad, Example, Use instead."""
        text = (cls.__doc__ or "").strip("\n")
        lines = text.splitlines()
        indent = min((len(ln) - len(ln.lstrip()) for ln in lines[1:] if ln.strip()), default=0)
        body = "\n".join([lines[0].strip()] + [ln[indent:] for ln in lines[1:]]) if lines else ""
        parts = re.split(r"^(What it does|Why is this bad|Example|Use instead):?\s*$", body, flags=re.M)
        sections = {"summary": parts[0].strip()}
        for title, content in zip(parts[1::2], parts[2::2]):
            sections[title] = content.strip("\n").rstrip()
        return sections


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def fingerprint(check: str, texts: Iterable[str], extra: str = "") -> str:
    """Stable across runs and moves: the check and the normalised rule texts, not their positions. The texts
    are sorted, so moving a rule into another file (which renumbers the rules) keeps the fingerprint; baselines
    and ignore files depend on this."""
    h = hashlib.sha256(check.encode())
    for t in sorted(_normal(t) for t in texts):
        h.update(b"\0" + t.encode())
    h.update(b"\0" + extra.encode())
    return h.hexdigest()[:16]


@dataclass
class CheckContext:
    """What every check reads: the index, the settings, and the decks built once per run.

    ``derived`` holds values several checks compute from the same input (the relation classifier's output,
    restatement pairs): the first check to ask computes it, the others reuse it, and it lives exactly as long as
    this run. Nothing is attached to the Index.
    """

    index: Index
    config: Config
    severity_overrides: dict[str, str] = field(default_factory=dict)
    decks: dict[str, Deck] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def rules(self) -> list[Rule]:
        return self.index.rules

    def deck(self, path: str) -> Deck:
        """The deck a document belongs to."""
        from .common.deck import deck_key

        return self.decks[deck_key(path)]

    def seed(self, values: dict[str, Any]) -> None:
        """Derived values computed before the run's checks started (``runner.prepare``)."""
        self._derived.update(values)

    def derived(self, name: str, compute: Callable[[CheckContext], Any]) -> Any:
        """``compute(self)``, once per run under ``name``."""
        if name not in self._derived:
            self._derived[name] = compute(self)
        return self._derived[name]

    def finding(
        self,
        check: Check,
        rules: list[Rule],
        message: str,
        *,
        confidence: float = 1.0,
        spans: list[Span] | None = None,
        fix: str | None = None,
        severity: str | None = None,
        location: Location | None = None,
        category: str | None = None,
        key: str = "",
    ) -> Finding:
        ordered = sorted(rules, key=lambda r: int(r.id[1:]) if r.id[1:].isdigit() else 0)
        fp = fingerprint(check.code, [r.text for r in ordered], key)
        level = self.severity_overrides.get(check.code, severity or check.severity)
        return Finding(
            id=f"{check.code}-{fp[:8]}",
            check=check.code,
            category=category or check.category,
            severity=level,
            confidence=round(float(confidence), 3),
            message=message,
            rules=[r.id for r in ordered],
            fingerprint=fp,
            location=location or (ordered[0].location if ordered else Location("")),
            fix=fix,
            spans=spans or [],
            related=[r.location for r in ordered[1:]],
        )
