"""Merge the blind labels of the real-deck corpus into guidelines/labels/real.jsonl.

Each blind reader wrote one file per document: ``labels/real-parts/<folder>.problems.jsonl`` (the problems a
reader listed, seeing only the document) and ``labels/real-judgments/<folder>.<round>.jsonl`` (verdicts on
guidecheck's findings, seeing only the document and the finding). The eval reads the merged file; the parts
stay as the readers wrote them. Run: ``python guidelines/src/real_labels.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS = Path(__file__).resolve().parents[1] / "labels"


def merged_rows() -> list[dict]:
    rows: list[dict] = []
    for part in sorted((LABELS / "real-parts").glob("*.problems.jsonl")):
        rows += [json.loads(line) for line in part.read_text("utf-8").splitlines() if line.strip()]
    for part in sorted((LABELS / "real-judgments").glob("*.jsonl")):
        rows += [json.loads(line) for line in part.read_text("utf-8").splitlines() if line.strip()]
    return rows


def main() -> None:
    rows = merged_rows()
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    (LABELS / "real.jsonl").write_text(text, "utf-8")
    kinds = {k: sum(1 for r in rows if r.get("kind") == k) for k in ("problem", "judgment")}
    print(f"wrote {LABELS / 'real.jsonl'}: {kinds}")


if __name__ == "__main__":
    main()
