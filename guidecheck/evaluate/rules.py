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


def evaluate(corpus: Path) -> dict[str, Any]:
    gold = load_gold(corpus)
    docs = sorted({g["doc"] for g in gold})
    predicted, notes = _extract(corpus, docs)
    tp = fp = fn = 0
    kind_ok = kind_n = 0
    held = {"tp": 0, "fp": 0, "fn": 0, "kind_ok": 0, "kind_n": 0}
    heldout_docs = {g["doc"] for g in gold if g.get("split") == "heldout"}
    field_ok: dict[str, int] = defaultdict(int)
    field_n: dict[str, int] = defaultdict(int)
    errors: list[str] = []
    for rel in docs:
        if rel not in predicted:
            continue
        gold_doc = [g for g in gold if g["doc"] == rel]
        by_text = {normalise(g["text"]): g for g in gold_doc}
        matched: set[int] = set()
        for rule in predicted[rel]:
            if rule["is_example"]:
                continue
            g = _match(rule["text"], by_text)
            if g is None or not g["rule"]:
                fp += 1
                held["fp"] += rel in heldout_docs
                errors.append(f"FP {rel}: {rule['text']}")
                continue
            if id(g) in matched:
                continue  # one gold sentence split into two predicted rules counts once
            matched.add(id(g))
            tp += 1
            kind_n += 1
            held["tp"] += rel in heldout_docs
            held["kind_n"] += rel in heldout_docs
            if rule["kind"] == g.get("kind"):
                kind_ok += 1
                held["kind_ok"] += rel in heldout_docs
            else:
                errors.append(f"KIND {rel}: {g.get('kind')} != {rule['kind']}: {rule['text']}")
            for name, value in (g.get("frame") or {}).items():
                if name not in FIELDS:
                    continue
                ok = field_equal(name, rule.get(name), value)
                field_n[name] += 1
                field_ok[name] += ok
                if name in NONEMPTY and value:
                    field_n[name + " (non-empty gold)"] += 1
                    field_ok[name + " (non-empty gold)"] += ok
                if not ok:
                    errors.append(f"FIELD {name} {rel}: gold {value!r} != {rule.get(name)!r}: {rule['text']}")
        for g in gold_doc:
            if g["rule"] and id(g) not in matched:
                fn += 1
                held["fn"] += rel in heldout_docs
                errors.append(f"FN {rel}: {g['text']}")
    metrics: dict[str, Any] = {"rule-detection": prf(tp, fp, fn), "kind": accuracy(kind_ok, kind_n)}
    for name in FIELDS:
        metrics[name] = accuracy(field_ok[name], field_n[name])
    if heldout_docs:
        metrics["rule-detection (held-out decks)"] = prf(held["tp"], held["fp"], held["fn"])
        metrics["kind (held-out decks)"] = accuracy(held["kind_ok"], held["kind_n"])
    for name in NONEMPTY:
        metrics[name + " (non-empty gold)"] = accuracy(
            field_ok[name + " (non-empty gold)"], field_n[name + " (non-empty gold)"]
        )
    sentences = sum(1 for g in gold if g["doc"] in predicted)
    notes = [
        *notes,
        f"{len(predicted)} decks, {sentences} labeled sentences, {sum(1 for g in gold if g['doc'] in predicted and g['rule'])} rules, "
        f"{sum(1 for g in gold if g['doc'] in predicted and g.get('frame'))} gold frames",
        "kind and field accuracy are over detected gold rules; a field counts only where the gold frame states it",
        "held-out decks (split=heldout) were labeled before the extractor was ever run on them and are not used "
        "for development",
    ]
    return {"metrics": metrics, "notes": notes, "errors": errors}
