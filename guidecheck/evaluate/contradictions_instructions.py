"""Contradiction eval on blind-written task instructions: one prompt per folder, most with one injected conflict.

evalsets/instructions/<id>/instruction.md (beside guidelines/, so the bundled report leaves them out), keys in
guidelines/labels/blind-instructions.jsonl (written by authors who never saw guidecheck's code). A row labeled ``contradiction`` names the two conflicting sentences; a
``clean`` row holds constraints that can all be met. Two views:

- **pairs**: the named pair found is a true positive; every other contradiction finding is a false positive;
- **flagged**: the share of conflicting instructions with any contradiction finding, and of clean ones, as a
  benchmark that asks "does this instruction conflict?" counts them.

The split ``dev`` is read while working; ``heldout4`` (a second author) is frozen and scored once.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from .contradictions import _read_jsonl, _run_deck, gold_keys
from .metrics import prf


def _con_pairs(result) -> set[frozenset[str]]:
    return {
        frozenset(f.rules) for f in result.findings if f.category == "contradiction" and len(f.rules) == 2
    }


def _score_one(row: dict[str, Any], result, counts: dict[str, Any], notes: list[str], split: str) -> None:
    flagged = _con_pairs(result)
    kind, counts["files"][row["label"]] = row["class"], counts["files"][row["label"]] + 1
    keys = gold_keys(result.rules, row) if row["label"] == "contradiction" else set()
    hit = bool(keys & flagged)
    counts["flagged"][row["label"]] += int(bool(flagged))
    if row["label"] == "contradiction":
        counts["tp"], counts["fn"] = counts["tp"] + int(hit), counts["fn"] + int(not hit)
        counts["kind"][kind][0] += int(hit)
        counts["kind"][kind][1] += int(bool(flagged))
        counts["kind"][kind][2] += 1
    counts["fp"] += len(flagged - keys)
    by_id = {r.id: r for r in result.rules}
    for key in sorted(flagged - keys, key=sorted)[:3]:
        notes.append(
            f"instructions {split} {row['deck']} ({kind}): false contradiction: "
            + " / ".join(repr(by_id[i].text[:80]) for i in sorted(key))
        )


def blind_instructions(corpus: Path, split: str, notes: list[str]) -> dict[str, Any]:
    rows = [r for r in _read_jsonl(corpus / "labels" / "blind-instructions.jsonl") if r.get("split") == split]
    root = corpus.resolve().parent / "evalsets" / "instructions"
    if not rows or not root.is_dir():
        return {}
    counts: dict[str, Any] = {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "files": defaultdict(int),
        "flagged": defaultdict(int),
        "kind": defaultdict(lambda: [0, 0, 0]),  # pair found, file flagged, n
    }
    for row in rows:
        _score_one(row, _run_deck(root / row["deck"]), counts, notes, split)
    files, flagged = counts["files"], counts["flagged"]
    out: dict[str, Any] = {
        f"blind-instructions-{split}": prf(counts["tp"], counts["fp"], counts["fn"]),
        f"blind-instructions-{split}-flagged": {
            "conflicting_flagged": round(flagged["contradiction"] / max(files["contradiction"], 1), 4),
            "clean_flagged": round(flagged["clean"] / max(files["clean"], 1), 4),
            "tp": flagged["contradiction"],
            "fp": flagged["clean"],
            "n": files["contradiction"] + files["clean"],
        },
    }
    for kind, (found, any_flag, n) in sorted(counts["kind"].items()):
        out[f"blind-instructions-{split}-{kind}"] = {
            "recall": round(found / n, 4),
            "tp": found,
            "n": n,
            "flagged": any_flag,
        }
    return out


__all__ = ["blind_instructions"]
