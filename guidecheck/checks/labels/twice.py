"""LAB004: one label or score defined twice with different descriptions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from ...index.glossary import normal_term
from ...index.labels import LabelDef
from ...model import Finding, Rule
from ..base import Check, CheckContext
from ..common.deck import rules_by_path
from ..common.wording import data
from ..registry import register
from .common import rule_at, span_of


@register
class LabelDefinedTwice(Check):
    """One label or score is defined twice, with different descriptions.

    What it does:
        Groups the label inventory by label name and score and reports labels whose descriptions differ in
        meaning (compared with sentence embeddings). Separate scales for separate dimensions (two full tables in
        two sections) are not compared by score.

    Why is this bad:
        Raters who read the first definition and raters who read the second apply different labels to the same
        item; the deck itself is the source of the disagreement.

    Example:
        | 2 | Somewhat Relevant | The page touches the topic but misses the intent. |
        ...
        2 (Somewhat Relevant): the page answers part of the query.

    Use instead:
        Keep one definition; if the second was meant as a clarification, merge it into the first.
    """

    code = "LAB004"
    name = "label-defined-twice"
    category = "labels"
    severity = "error"

    def texts_to_embed(self, ctx: CheckContext) -> list[str]:
        return sorted(
            {e.description for inv in ctx.index.inventories.values() for e in inv.entries if e.description}
        )

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        threshold = float(data()["labels"]["same_description"])
        by_path = rules_by_path(ctx.rules)
        if ctx.index.embedder is not None:  # one batch for every description, not one round trip per pair
            ctx.index.embedder.encode(self.texts_to_embed(ctx))
        for path, inv in ctx.index.inventories.items():
            rules = by_path.get(path, [])
            for gkey, a, b in _candidate_pairs(inv.entries):
                sim = _similarity(ctx, a.description, b.description)
                if sim < threshold:
                    yield self._finding(ctx, rules, gkey, a, b, sim)

    def _finding(
        self, ctx: CheckContext, rules: list[Rule], gkey: str, a: LabelDef, b: LabelDef, sim: float
    ) -> Finding:
        at = rule_at(rules, a.location.line) + rule_at(rules, b.location.line)
        label = a.name or a.score
        return ctx.finding(
            self,
            at,
            f"'{label}' is defined twice: '{a.description}' ({a.location.label()}) and "
            f"'{b.description}' ({b.location.label()}).",
            confidence=round(max(0.5, 1.0 - sim / 2), 3),
            location=a.location,
            spans=span_of(at[:1], label or ""),
            key=f"{gkey}|{normal_term(a.description)}|{normal_term(b.description)}",
            fix=f"Keep one definition of '{label}' and delete or merge the other; if the scales "
            "measure different things, give them different names.",
        )


def _candidate_pairs(entries: list[LabelDef]) -> Iterator[tuple[str, LabelDef, LabelDef]]:
    """(group, first definition, later definition) for every label or score defined again with other words;
    two full scales for two dimensions, and two names side by side in one scale, are not compared by score."""
    sizes: dict[tuple[str, ...], int] = {}
    for e in entries:
        sizes[e.section] = sizes.get(e.section, 0) + 1
    groups: dict[str, list[LabelDef]] = {}
    for e in entries:
        if normal_term(e.description):
            if e.name:
                groups.setdefault("name:" + normal_term(e.name), []).append(e)
            if e.score:
                groups.setdefault("score:" + e.score, []).append(e)
    seen: set[tuple] = set()
    for gkey, group in sorted(groups.items()):
        a = group[0]  # every later definition against the first one
        for b in group[1:]:
            pair = (a.location.line, b.location.line)
            if pair in seen or normal_term(a.description) == normal_term(b.description):
                continue
            names_differ = normal_term(a.name or "") != normal_term(b.name or "")
            if gkey.startswith("score:") and names_differ:
                if a.section != b.section and min(sizes[a.section], sizes[b.section]) >= 3:
                    continue  # two full scales for two dimensions
                if a.section == b.section and a.name and b.name:
                    continue
            seen.add(pair)
            yield gkey, a, b


def _similarity(ctx: CheckContext, a: str, b: str) -> float:
    if ctx.index.embedder is None:
        return 0.0
    v = ctx.index.embedder.encode([a, b])
    return float(np.dot(v[0], v[1]))
