"""Write blind-judge task files for the findings of the real-deck eval that have no verdict yet.

Usage: ``guidecheck eval --family real [--split dev] --json > eval.json`` then
``python guidelines/src/judge_tasks.py eval.json OUT_DIR``: one ``<folder>.tasks.jsonl`` per deck, each line a
finding as the judge sees it (message, fix, place, the quoted rules with lead-in and section). Judges write
``labels/real-judgments/<folder>.<round>.jsonl`` (same order; doc, fingerprint, check, verdict, reason), and
``merge_judgments`` adds the rule texts so a verdict survives a change of fingerprint scheme.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

TASK_KEYS = ("doc", "fingerprint", "check", "message", "fix", "where", "quoted")


def write_tasks(eval_json: Path, out: Path) -> dict[str, int]:
    results = json.loads(eval_json.read_text("utf-8"))["real"]["splits"]
    by_folder: dict[str, list[dict]] = defaultdict(list)
    for split in results.values():
        for f in split["unjudged_findings"]:
            by_folder[f["folder"]].append({k: f[k] for k in TASK_KEYS} | {"split": split_name(results, f)})
    out.mkdir(parents=True, exist_ok=True)
    for folder, rows in by_folder.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (out / f"{folder}.tasks.jsonl").write_text(text, "utf-8")
    return {k: len(v) for k, v in sorted(by_folder.items())}


def split_name(results: dict, finding: dict) -> str:
    return next(name for name, res in results.items() if finding["folder"] in res["decks"])


def merge_judgments(tasks: Path, verdicts: Path, round_name: str) -> list[dict]:
    """Judgment rows for the labels file: the judge's verdict plus the task's rule texts and split."""
    task_rows = [json.loads(x) for x in tasks.read_text("utf-8").splitlines() if x.strip()]
    judged = [json.loads(x) for x in verdicts.read_text("utf-8").splitlines() if x.strip()]
    if len(task_rows) != len(judged):
        raise SystemExit(f"{verdicts}: {len(judged)} verdicts for {len(task_rows)} tasks")
    out = []
    for t, j in zip(task_rows, judged):
        if t["fingerprint"] != j["fingerprint"]:
            raise SystemExit(f"{verdicts}: verdicts out of order at {j['fingerprint']}")
        out.append(
            {
                "kind": "judgment",
                "doc": t["doc"],
                "split": t["split"],
                "round": round_name,
                "check": t["check"],
                "fingerprint": t["fingerprint"],
                "rules": [q["text"] for q in t["quoted"]],
                "message": t["message"],
                "verdict": j["verdict"],
                "reason": j["reason"],
            }
        )
    return out


if __name__ == "__main__":
    print(write_tasks(Path(sys.argv[1]), Path(sys.argv[2])))
