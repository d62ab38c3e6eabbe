"""Pairs of rules that say the same thing: shared by AMB004 (mixed modality) and DUP001 (near-duplicates).

A pair the relation classifier already explains (a conflict, an exception, an override) is left to the
contradiction family; the rest are restatements, compared on their wording without strength words.
"""

from __future__ import annotations

import re

import numpy as np

from ...force_words import strength_pattern
from ...model import Rule
from ..base import CheckContext
from .deck import deck_key
from .relations.engine import relations
from .wording import data, is_checkable

NORMATIVE = {"obligation", "recommendation", "permission", "prohibition", "discouragement"}
# The strength words (data/modality.toml, those marked `strip`): must, should, may, please, we recommend ...
MODAL_WORDS = strength_pattern()


def strip_modality(text: str) -> str:
    """The rule without its strength words, so two rules that differ only in strength compare as equal."""
    return re.sub(r"\s+", " ", MODAL_WORDS.sub(" ", text)).strip()


def related_elsewhere(ctx: CheckContext) -> set[tuple[str, str]]:
    """Rule pairs the contradiction family owns: any conflict, exception or override, and REL003 duplicates of the
    same strength (identical restatements). A pair that differs in strength (must / should) is mixed modality,
    AMB004's by the family split, even when REL003 also calls it a repeat.
    """
    out: set[tuple[str, str]] = set()
    for rel in relations(ctx):
        if rel.code == "REL003" and (rel.a.modality or "") != (rel.b.modality or ""):
            continue
        out.add((rel.a.id, rel.b.id))
        out.add((rel.b.id, rel.a.id))
    return out


def same_rule_pairs(ctx: CheckContext, floor: float = 0.7) -> list[tuple[Rule, Rule, float]]:
    """Candidate pairs of normative rules with the same polarity, scored on their modality-free wording.

    Shared by AMB004 and DUP001 (terminology/duplicates.py); labels and numbers must agree, otherwise the pair is
    a contradiction (another family's business), not a restatement.
    """
    return ctx.derived(f"same_rule_pairs@{floor}", lambda c: _same_rule_pairs(c, floor))


def _same_rule_pairs(ctx: CheckContext, floor: float) -> list[tuple[Rule, Rule, float]]:
    rules = ctx.rules
    taken = related_elsewhere(ctx)
    scope = data()["modality"]["pair_scope"]
    cands: list[tuple[Rule, Rule]] = []
    for pair in ctx.index.pairs:
        a, b = rules[pair.a], rules[pair.b]
        if pair.similarity < floor or not (is_checkable(a) and is_checkable(b)) or (a.id, b.id) in taken:
            continue
        if a.kind not in NORMATIVE or b.kind not in NORMATIVE or a.negated != b.negated:
            continue
        if (scope == "document" and a.path != b.path) or (
            scope == "folder" and deck_key(a.path) != deck_key(b.path)
        ):
            continue
        if a.conditions != b.conditions and (a.conditions or b.conditions):
            continue
        if sorted(ln.lower() for ln in a.labels) != sorted(ln.lower() for ln in b.labels):
            continue
        if sorted((q.attribute, q.comparator, q.value) for q in a.quantities) != sorted(
            (q.attribute, q.comparator, q.value) for q in b.quantities
        ):
            continue
        cands.append((a, b))
    if not cands or ctx.index.embedder is None:
        return []
    texts = sorted({strip_modality(r.text) for ab in cands for r in ab})
    vecs = ctx.index.embedder.encode(texts)
    row = {t: i for i, t in enumerate(texts)}
    out = []
    for a, b in cands:
        sim = float(np.dot(vecs[row[strip_modality(a.text)]], vecs[row[strip_modality(b.text)]]))
        out.append((a, b, sim))
    return out
