"""Precision and recall of the ambiguity, label, terminology, near-duplicate and coverage checks.

Gold: ``labels/ambiguity.jsonl`` under the corpus root, one labeled case a line —
``{"doc": "ambiguity/x.md", "text": rule text, "check": "AMB002", "positive": true, "span": "if possible"}``.
Negatives are real sentences of the decks that use the trigger words harmlessly. The real pipeline runs on the
``ambiguity/`` decks; a finding matches a case by document, check and normalised rule text (any rule of a pair
finding; the heading or document for coverage findings). Every finding of an evaluated check that matches no
positive case counts as a false positive, labeled negative or not, so precision is never flattered by gaps in
the gold. Noise is measured as findings per 1,000 words on every bundled deck.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .metrics import normalise, prf

# The checks this family's corpus labels: every registered check of these categories (derived, not listed).
# REL003 (a duplicate found by the relation classifier) is scored by the contradictions eval.
CATEGORIES = ("ambiguity", "labels", "terminology", "duplicate", "coverage")


def _family_checks() -> tuple[str, ...]:
    from ..checks import all_checks

    return tuple(c.code for c in all_checks() if c.category in CATEGORIES and not c.code.startswith("REL"))


CHECKS = _family_checks()
GOLD = Path("labels") / "ambiguity.jsonl"
DECKS = "ambiguity"


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    path = corpus / GOLD
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _run(paths: list[Path]):
    from ..config import load_config
    from ..pipeline import run

    config = load_config([str(p) for p in paths])
    return run([str(p) for p in paths], config, only_checks=list(CHECKS))


def _relative(path: str, corpus: Path) -> str:
    try:
        return Path(path).resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def finding_targets(result, finding, by_id: dict) -> list[str]:
    """Normalised texts a finding points at: its rules, else the block at its location, else '' (document).

    ``by_id`` maps rule ids to rules (from result.rules: a cached run has no index)."""
    texts = [normalise(by_id[r].text) for r in finding.rules if r in by_id]
    if texts:
        return texts
    for doc in result.documents:
        if doc.path == finding.location.path:
            for block in doc.blocks:
                if finding.location.line is not None and block.location.line == finding.location.line:
                    texts.append(normalise(block.text))
    texts.append(normalise(finding.message))  # findings on a sentence without a rule quote the sentence
    return texts


def _matches(gold_text: str, targets: list[str]) -> bool:
    g = normalise(gold_text)
    if not g:
        return True  # a document-level case (COV001) matches any finding of its check in that document
    return any(g == t or (len(g) >= 12 and len(t) >= 12 and (g in t or t in g)) for t in targets)


def evaluate(corpus: Path) -> dict[str, Any]:
    gold = load_gold(corpus)
    result = _run([corpus / DECKS])
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for case in gold:
        by_key[(case["doc"], case["check"])].append(case)
    matched: set[int] = set()
    fp: Counter[str] = Counter()
    unlabeled: list[str] = []
    by_id = {r.id: r for r in result.rules}
    for f in result.findings:
        if f.check not in CHECKS:
            continue
        doc = _relative(f.location.path, corpus)
        targets = finding_targets(result, f, by_id)
        hits = [c for c in by_key.get((doc, f.check), []) if _matches(c["text"], targets)]
        pos = [c for c in hits if c["positive"]]
        if pos:
            matched.update(id(c) for c in pos)
        else:
            fp[f.check] += 1
            if not hits:
                unlabeled.append(f"{f.check} {doc}:{f.location.line} {f.message[:100]}")
    metrics: dict[str, Any] = {}
    total: Counter[str] = Counter()
    for check in CHECKS:
        positives = [c for c in gold if c["check"] == check and c["positive"]]
        tp = sum(1 for c in positives if id(c) in matched)
        metrics[check] = prf(tp, fp[check], len(positives) - tp)
        total.update(tp=tp, fp=fp[check], fn=len(positives) - tp)
    metrics["overall"] = prf(total["tp"], total["fp"], total["fn"])
    metrics.update(noise(corpus))
    missed = [
        f"{c['check']} {c['doc']}: {c['text'][:80]}" for c in gold if c["positive"] and id(c) not in matched
    ]
    notes = [
        f"gold: {sum(c['positive'] for c in gold)} positive and {sum(not c['positive'] for c in gold)} "
        f"negative cases in {GOLD.as_posix()}; decks in {DECKS}/",
        f"{len(unlabeled)} findings matched no labeled case (counted as false positives)",
    ]
    notes += [f"unlabeled finding: {u}" for u in unlabeled[:20]]
    notes += [f"missed: {m}" for m in missed[:20]]
    return {"metrics": metrics, "notes": notes}


def noise(corpus: Path) -> dict[str, Any]:
    """Findings per 1,000 words of this family's checks, per check and per bundled deck (all of ``corpus``)."""
    result = _run([corpus])
    words = sum(d.words for d in result.documents) or 1
    out: dict[str, Any] = {}
    per_check = Counter(f.check for f in result.findings if f.check in CHECKS)
    for check in CHECKS:
        out[f"findings-per-1000-words {check}"] = {
            "per_1000_words": round(1000 * per_check[check] / words, 3),
            "n": per_check[check],
        }
    per_doc = Counter(f.location.path for f in result.findings if f.check in CHECKS)
    for doc in result.documents:
        out[f"findings-per-1000-words {_relative(doc.path, corpus)}"] = {
            "per_1000_words": round(1000 * per_doc[doc.path] / max(doc.words, 1), 3),
            "n": per_doc[doc.path],
        }
    return out
