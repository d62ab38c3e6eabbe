"""Rule extraction measured on the labeled corpus: detection P/R and per-field accuracy of the frames.

Gold: ``labels/rules.jsonl``, one object per sentence of every deck under ``rules/`` (rules and non-rules):
``{"doc": "rules/x.md", "text": ..., "rule": bool, "kind": ..., "frame": {field: gold, ...}}``. Headings are
not sentences and are not listed. A predicted rule (examples excluded) matches the gold sentence of the same document
with the same normalised text (or one containing the other, for splitting differences). Kind and frame fields are
scored on matched rules only; a frame field is scored only where the gold frame states it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .metrics import accuracy, normalise, prf

GOLD = Path("labels") / "rules.jsonl"
FIELDS = (
    "conditions",
    "exceptions",
    "quantities",
    "actor",
    "action",
    "object",
    "labels",
    "quantifier",
    "modality",
)
# Clause-like fields also reported on gold frames where they are not empty (an empty list is the easy case).
NONEMPTY = ("conditions", "exceptions", "quantities", "labels")
# Token-overlap F1 above which a predicted clause counts as the gold clause (boundaries may differ by a word).
CLAUSE_MATCH = 0.75


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    path = corpus / GOLD
    if not path.is_file():
        raise FileNotFoundError(f"gold labels not found: {path}")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _overlap(a: str, b: str) -> float:
    ta, tb = normalise(a).split(), normalise(b).split()
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _clauses_equal(pred: list[str], gold: list[str]) -> bool:
    if len(pred) != len(gold):
        return False
    left = list(pred)
    for g in gold:
        best = max(left, key=lambda p: _overlap(p, g), default=None)
        if best is None or _overlap(best, g) < CLAUSE_MATCH:
            return False
        left.remove(best)
    return True


def _quantities_equal(pred: list[dict], gold: list[list]) -> bool:
    def key(cmp, value, unit, upper=None):
        return (cmp, round(float(value), 3), unit, round(float(upper), 3) if upper is not None else None)

    p = sorted((key(q["comparator"], q["value"], q.get("unit"), q.get("upper")) for q in pred), key=str)
    g = sorted((key(*q) for q in gold), key=str)
    return p == g


def field_equal(name: str, pred: Any, gold: Any) -> bool:
    if name in ("conditions", "exceptions"):
        return _clauses_equal(pred or [], gold or [])
    if name == "quantities":
        return _quantities_equal(pred or [], gold or [])
    if name == "labels":
        return sorted(normalise(x) for x in pred or []) == sorted(normalise(x) for x in gold or [])
    if gold is None or pred is None:
        return gold is None and (pred is None or pred == "")
    return normalise(str(pred)) == normalise(str(gold))


def _extract(corpus: Path, docs: list[str]) -> tuple[dict[str, list[dict]], list[str]]:
    """Predicted rules per gold document path (as dicts), and notes about unreadable decks."""
    from ..config import load_config
    from ..ingest import read_document
    from ..model import to_dict
    from ..rules.extract import extract_document
    from ..rules.nlp import load_spacy

    cfg = load_config([str(corpus)])
    nlp = load_spacy(tuple(cfg.spacy_model))
    out: dict[str, list[dict]] = {}
    notes: list[str] = []
    for rel in docs:
        doc = read_document(corpus / rel, rel)
        if doc.status == "error":
            notes.append(f"{rel}: not readable ({doc.message}); its gold sentences are skipped")
            continue
        out[rel] = [to_dict(r) for r in extract_document(nlp, doc)]
    return out, notes


def _match(pred_text: str, gold_by_text: dict[str, dict]) -> dict | None:
    key = normalise(pred_text)
    if key in gold_by_text:
        return gold_by_text[key]
    for gkey, g in gold_by_text.items():
        if gkey and (gkey in key or key in gkey) and min(len(gkey), len(key)) >= 12:
            return g
    return None


@dataclass
class _Tally:
    """Detection and kind counts over a set of decks (all of them, or the held-out ones)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_ok: int = 0
    kind_n: int = 0


@dataclass
class _Score:
    every: _Tally = field(default_factory=_Tally)
    held: _Tally = field(default_factory=_Tally)
    field_ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_n: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)

    def count(self, name: str, heldout: bool) -> None:
        """One more ``name`` (tp, fp, ...) overall, and for the held-out decks when the deck is one."""
        setattr(self.every, name, getattr(self.every, name) + 1)
        setattr(self.held, name, getattr(self.held, name) + heldout)

    def fields(self, rel: str, rule: dict[str, Any], gold: dict[str, Any]) -> None:
        """Compare the frame fields the gold sentence states."""
        for name, value in (gold.get("frame") or {}).items():
            if name not in FIELDS:
                continue
            ok = field_equal(name, rule.get(name), value)
            self.field_n[name] += 1
            self.field_ok[name] += ok
            if name in NONEMPTY and value:
                self.field_n[name + " (non-empty gold)"] += 1
                self.field_ok[name + " (non-empty gold)"] += ok
            if not ok:
                self.errors.append(
                    f"FIELD {name} {rel}: gold {value!r} != {rule.get(name)!r}: {rule['text']}"
                )


def _score_document(score: _Score, rel: str, gold_doc: list[dict], rules: list[dict], heldout: bool) -> None:
    by_text = {normalise(g["text"]): g for g in gold_doc}
    matched: set[int] = set()
    for rule in rules:
        if rule["is_example"]:
            continue
        g = _match(rule["text"], by_text)
        if g is None or not g["rule"]:
            score.count("fp", heldout)
            score.errors.append(f"FP {rel}: {rule['text']}")
            continue
        if id(g) in matched:
            continue  # one gold sentence split into two predicted rules counts once
        matched.add(id(g))
        score.count("tp", heldout)
        score.count("kind_n", heldout)
        if rule["kind"] == g.get("kind"):
            score.count("kind_ok", heldout)
        else:
            score.errors.append(f"KIND {rel}: {g.get('kind')} != {rule['kind']}: {rule['text']}")
        score.fields(rel, rule, g)
    for g in gold_doc:
        if g["rule"] and id(g) not in matched:
            score.count("fn", heldout)
            score.errors.append(f"FN {rel}: {g['text']}")


def _metrics(score: _Score, with_heldout: bool) -> dict[str, Any]:
    every, held = score.every, score.held
    metrics: dict[str, Any] = {
        "rule-detection": prf(every.tp, every.fp, every.fn),
        "kind": accuracy(every.kind_ok, every.kind_n),
    }
    for name in FIELDS:
        metrics[name] = accuracy(score.field_ok[name], score.field_n[name])
    if with_heldout:
        metrics["rule-detection (held-out decks)"] = prf(held.tp, held.fp, held.fn)
        metrics["kind (held-out decks)"] = accuracy(held.kind_ok, held.kind_n)
    for name in NONEMPTY:
        key = name + " (non-empty gold)"
        metrics[key] = accuracy(score.field_ok[key], score.field_n[key])
    return metrics


def evaluate(corpus: Path) -> dict[str, Any]:
    gold = load_gold(corpus)
    docs = sorted({g["doc"] for g in gold})
    predicted, notes = _extract(corpus, docs)
    heldout_docs = {g["doc"] for g in gold if g.get("split") == "heldout"}
    score = _Score()
    for rel in docs:
        if rel in predicted:
            gold_doc = [g for g in gold if g["doc"] == rel]
            _score_document(score, rel, gold_doc, predicted[rel], rel in heldout_docs)
    sentences = sum(1 for g in gold if g["doc"] in predicted)
    notes = [
        *notes,
        f"{len(predicted)} decks, {sentences} labeled sentences, {sum(1 for g in gold if g['doc'] in predicted and g['rule'])} rules, "
        f"{sum(1 for g in gold if g['doc'] in predicted and g.get('frame'))} gold frames",
        "kind and field accuracy are over detected gold rules; a field counts only where the gold frame states it",
        "held-out decks (split=heldout) were labeled before the extractor was ever run on them and are not used "
        "for development",
    ]
    return {"metrics": _metrics(score, bool(heldout_docs)), "notes": notes, "errors": score.errors}
