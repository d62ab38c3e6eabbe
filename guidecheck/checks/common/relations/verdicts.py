"""The relation classifier's verdict per candidate pair, remembered between runs of the same deck.

A one-file edit leaves almost every candidate pair as it was, and the pair classifier (frames, scorer, decision)
is most of the time a re-check spends in the checks. The verdict of a pair (a relation, or none) is a function of
the two rules as extracted, their cosine, how near their ids are (``stated_exception`` reads that where lines are
missing), what the classifier reads of the whole deck (the rubric aliases), the settings, the embedding model
(neutral propositions are compared by their vectors) and the code and data of the classifier. The pair's own part is its key in the table; the deck-wide part, the
settings and the model name the table (``engine._verdicts``); the code by ``code_version`` (every file of the
package) and the scorer by the bytes of ``data/pair_scorer.json``, so retraining it or editing any module makes
every verdict new. Rule ids are not in the key: spans and rules are put back by side ("a" or "b"), so a rule
renumbered because an earlier file grew keeps its verdicts. Anything else deck-wide the classifier comes to read
must be added to the table's name, or a re-check would differ from a cold check.

The table is one cache entry per set of checked paths and holds the verdicts of the last run only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import resources
from typing import Any

from ....cache import Cache, code_version, key
from ....model import Rule, Span
from .relate import Relation

Pairs = Sequence[tuple[int, int, float]]
_ORDER = re.compile(r"^R(\d+)$")


def scorer_digest() -> str:
    """The trained scorer's bytes: verdicts change whenever bench/train_pair_scorer.py writes a new one."""
    data = resources.files("guidecheck").joinpath("data/pair_scorer.json").read_bytes()
    return hashlib.sha256(data).hexdigest()


def rule_digest(rule: Rule) -> str:
    """The rule as extracted, without its run-dependent id and example link (its fields are strings, numbers,
    lists, tuples and dicts in extraction order, so the repr is the same in every process)."""
    return key("rule", repr(replace(rule, id="", example_of=None)))[:20]


def _order(rule: Rule) -> int | None:
    m = _ORDER.match(rule.id)
    return int(m.group(1)) if m else None


def _nearness(a: int | None, b: int | None) -> str:
    """How far apart two rule numbers are, up to 3 (only 'within 2' is ever read)."""
    return "-" if a is None or b is None else str(max(-3, min(3, b - a)))


def _copy(evidence: dict[str, Any]) -> dict[str, Any]:
    """A copy of an evidence dict (numbers and words; anything nested is copied through JSON)."""
    if all(v is None or isinstance(v, (str, int, float)) for v in evidence.values()):
        return dict(evidence)
    return json.loads(json.dumps(evidence))


def encode(rel: Relation, a: Rule) -> dict[str, Any]:
    """A relation of the pair (a, b) in terms of sides, so it can be put back on renumbered rules."""
    side = {rel.a.id: "a", rel.b.id: "b"} if rel.a is a else {rel.a.id: "b", rel.b.id: "a"}
    return {
        "code": rel.code,
        "swap": rel.a is not a,
        "confidence": rel.confidence,
        "explanation": rel.explanation,
        "spans": [[side.get(s.rule, s.rule), s.start, s.end] for s in rel.spans],
        "stands_for": rel.stands_for,
        "evidence": _copy(rel.evidence),  # later steps may add to a relation's evidence
    }


def decode(d: dict[str, Any], a: Rule, b: Rule) -> Relation:
    ids = {"a": a.id, "b": b.id}
    first, second = (b, a) if d["swap"] else (a, b)
    return Relation(
        d["code"],
        first,
        second,
        d["confidence"],
        d["explanation"],
        [Span(ids.get(side, side), start, end) for side, start, end in d["spans"]],
        d["stands_for"],
        _copy(d["evidence"]),  # each relation its own (two pairs may share a verdict)
    )


class VerdictTable:
    """Verdicts of the last run over these paths: pair key -> encoded relation, or None for no relation."""

    def __init__(self, cache: Cache | None, context: str):
        self.cache = cache if cache is not None and cache.enabled else None
        self.entry = key("verdicts", code_version(), scorer_digest(), context)
        loaded = self.cache.get_json("verdicts", self.entry) if self.cache else None
        self.old: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
        self.new: dict[str, Any] = {}

    def save(self) -> None:
        if self.cache is not None and self.new != self.old:
            self.cache.put_json("verdicts", self.entry, self.new)


def uncached_pairs(
    rules: Sequence[Rule], digests: Sequence[str], pairs: Pairs, table: VerdictTable
) -> tuple[list[str], list[tuple[int, int, float]]]:
    """Each pair's key in the table, and the pairs the table has no verdict for (to classify).
    ``digests`` are the rules' ``rule_digest``."""
    order = [_order(r) for r in rules]
    keys = [f"{digests[i]}{digests[j]}{cos!r}|{_nearness(order[i], order[j])}" for i, j, cos in pairs]
    return keys, [p for p, k in zip(pairs, keys) if k not in table.old]


def table_relations(
    rules: Sequence[Rule], pairs: Pairs, keys: Sequence[str], table: VerdictTable, fresh: Sequence[Relation]
) -> list[Relation]:
    """The relations of ``pairs`` in pair order: from the table, or from ``fresh`` (the classifier's relations
    of the uncached pairs), which the table then keeps."""
    found = {frozenset((r.a.id, r.b.id)): r for r in fresh}
    out: list[Relation] = []
    for (i, j, _), k in zip(pairs, keys):
        a, b = rules[i], rules[j]
        if k in table.old:
            d = table.old[k]
            rel = decode(d, a, b) if d is not None else None
        else:
            rel = found.get(frozenset((a.id, b.id)))
            d = encode(rel, a) if rel is not None else None
        table.new[k] = d
        if rel is not None:
            out.append(rel)
    return out


def cached_relations(
    rules: Sequence[Rule],
    digests: Sequence[str],
    pairs: Pairs,
    table: VerdictTable,
    classify: Callable[[Pairs], list[Relation]],
) -> list[Relation]:
    """``classify(pairs)`` for the pairs the table has no verdict for, the table for the others; in pair order."""
    keys, todo = uncached_pairs(rules, digests, pairs, table)
    return table_relations(rules, pairs, keys, table, classify(todo) if todo else [])


__all__ = [
    "VerdictTable",
    "cached_relations",
    "decode",
    "encode",
    "rule_digest",
    "scorer_digest",
    "table_relations",
    "uncached_pairs",
]
