"""Rule frames written by hand, turned into an Index that ``run_checks`` accepts, so check tests need no model.

A test writes its deck as text (read by the real, model-free readers) and says which sentences are rules and
what spaCy would make of them: ``frame("Never include the date.", "prohibition", object="date")``. The rest is
derived the way the pipeline derives it: ids R1, R2, ... in reading order, location, section, lead-in and table
cells from the block the text sits in. A deterministic hashed bag-of-words embedder stands in for the sentence
model, and the real ``build_index`` pairs the rules.

Two ways in:
- ``deck_index(root, frames)`` returns the Index (and ``findings_of`` runs the checks on it);
- the ``fake_models`` fixture (tests/conftest.py) puts the same frames and embedder behind the CLI, so a test
  still asserts on the text, JSON, SARIF or HTML a user sees.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from guidecheck.cache import Cache
from guidecheck.config import Config
from guidecheck.index import Index, build_index
from guidecheck.model import EXAMPLE, TABLE_ROW, Block, Document, Finding, Location, Quantity, Rule

# What each kind reads as when a test does not say: modality, negated, strength (as rules/detect.py sets them).
KIND_DEFAULTS: dict[str, tuple[str | None, bool]] = {
    "obligation": ("must", False),
    "prohibition": ("must", True),
    "recommendation": ("should", False),
    "discouragement": ("should", True),
    "permission": ("may", False),
    "definition": (None, False),
    "priority": (None, False),
    "rubric": (None, False),
}
STRENGTH = {"must": 1.0, "never": 1.0, "should": 0.6, "may": 0.3}
DIMENSIONS = 256
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "that",
        "you",
        "your",
        "if",
        "when",
        "as",
        "not",
        "do",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Frame:
    """One rule as the extractor would frame it; ``fields`` are Rule attributes (labels, quantities, ...)."""

    text: str
    kind: str = "obligation"
    fields: dict[str, Any] = field(default_factory=dict)


def frame(text: str, kind: str = "obligation", **fields: Any) -> Frame:
    """``example_of`` may name the text of the rule an example illustrates; ``quantities`` take tuples
    ``(attribute, comparator, value, unit)`` or Quantity objects."""
    return Frame(text, kind, fields)


def qty(attribute: str, comparator: str, value: float, unit: str | None = None, text: str = "") -> Quantity:
    return Quantity(attribute, comparator, float(value), unit, text=text)


class FakeEmbedder:
    """Hashed bag of content words, L2-normalised: the same texts give the same vectors, shared words raise the
    cosine. Has the parts of index.embed.Embedder the pipeline and the checks call. ``synonyms`` (word -> word)
    stands in for what a sentence model knows and a bag of words does not: {"entire": "whole"}."""

    cache = None

    def __init__(self, synonyms: dict[str, str] | None = None):
        self.synonyms = dict(synonyms or {})

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                word = self.synonyms.get(word, word)
                if word not in _STOP:
                    out[i, zlib.crc32(word.rstrip("s").encode()) % DIMENSIONS] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    def prefetch(self, texts: list[str], urgent: bool = False) -> None:
        """Nothing to start ahead of time."""

    def warm_up(self) -> None:
        """No model to load."""

    def close(self) -> None:
        """No worker to stop."""


def _rule(frame_: Frame, block: Block, start: int) -> Rule:
    fields = dict(frame_.fields)
    modality, negated = KIND_DEFAULTS.get(frame_.kind, (None, False))
    fields.setdefault("modality", modality)
    fields.setdefault("negated", negated)
    fields.setdefault("strength", STRENGTH.get(fields["modality"] or "", 0.0))
    fields.setdefault("is_example", block.kind == EXAMPLE)
    fields["quantities"] = [q if isinstance(q, Quantity) else qty(*q) for q in fields.get("quantities", ())]
    line = None if block.location.line is None else block.location.line + block.text[:start].count("\n")
    location = Location(**{**block.location.__dict__, "line": line})
    return Rule(
        id="",
        text=frame_.text,
        location=location,
        section=block.section,
        block_kind=block.kind,
        kind=frame_.kind,
        lead_in=block.lead_in,
        polarity=block.polarity,
        cells=dict(zip(block.header, block.cells)) if block.kind == TABLE_ROW else {},
        start=start,
        end=start + len(frame_.text),
        evidence="tests/builders.py",
        **fields,
    )


def _matches(text: str, frames: list[Frame]) -> list[tuple[int, Frame]]:
    """Frames found in a block, longest first where they overlap ("include the date" inside "Never include the
    date."), in reading order."""
    taken: list[tuple[int, Frame]] = []
    for f in sorted(frames, key=lambda f: -len(f.text)):
        start = text.find(f.text)
        if start >= 0 and all(start >= s + len(g.text) or start + len(f.text) <= s for s, g in taken):
            taken.append((start, f))
    return sorted(taken, key=lambda t: t[0])


def rules_from_frames(documents: list[Document], frames: list[Frame], strict: bool = True) -> list[Rule]:
    """Every place a frame's text occurs in a readable document becomes a rule, in reading order. ``strict``:
    a frame found nowhere is a mistake in the test (a typo), not a deck without that rule."""
    rules: list[Rule] = []
    found: set[str] = set()
    for doc in documents:
        if doc.status == "error":
            continue
        for block in doc.blocks:
            for start, f in _matches(block.text, frames):
                rules.append(_rule(f, block, start))
                found.add(f.text)
    missing = [f.text for f in frames if f.text not in found]
    assert not (strict and missing), f"frames not found in any block: {missing}"
    for n, rule in enumerate(rules, 1):
        rule.id = f"R{n}"
    by_text = {r.text: r.id for r in rules}
    for rule in rules:
        if rule.example_of is not None:
            rule.example_of = by_text[rule.example_of]
    return rules


def read_deck(root: Path, config: Config | None = None) -> list[Document]:
    """The documents under ``root`` (a file or folder), read as ``guidecheck check`` reads them."""
    from guidecheck.ingest import read_paths

    return read_paths([str(root)], config or Config())


def index_of(
    documents: list[Document],
    rules: list[Rule],
    config: Config | None = None,
    synonyms: dict[str, str] | None = None,
) -> Index:
    """The Index the pipeline builds, with the fake embedder instead of the sentence model."""
    embedder = FakeEmbedder(synonyms)
    return build_index(documents, rules, config or Config(), Cache(None), embedder)  # type: ignore[arg-type]


def deck_index(
    root: Path, frames: list[Frame], config: Config | None = None, synonyms: dict[str, str] | None = None
) -> Index:
    documents = read_deck(root, config)
    return index_of(documents, rules_from_frames(documents, frames), config, synonyms)


def findings_of(index: Index, config: Config | None = None, only: list[str] | None = None) -> list[Finding]:
    from guidecheck.checks import run_checks

    return run_checks(index, config or _default_config(), only)


# Frames of the two-rule "publication date" deck that the report tests share (as spaCy frames them).
PUBLICATION_DATE = [
    frame(
        "Always include the publication date in your comment.",
        actor="you",
        action="include",
        object="publication date",
        quantifier="always",
    ),
    frame(
        "Never include the publication date in your comment.",
        "prohibition",
        actor="you",
        action="include",
        object="publication date",
        quantifier="never",
    ),
    frame(
        "include the publication date in your comment",
        "prohibition",
        action="include",
        object="publication date",
    ),
    frame(
        "Rate the answer 1 if it contains inappropriate content.",
        actor="you",
        action="rate",
        object="answer",
        labels=["1"],
        conditions=["if it contains inappropriate content"],
    ),
]


def _default_config() -> Config:
    """The shipped defaults plus what the environment selects (conftest selects the checks under test)."""
    from guidecheck.config import extend_from_environment

    cfg = Config()
    extend_from_environment(cfg)
    return cfg
