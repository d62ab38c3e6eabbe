"""Precision of each check on fresh text, as blind readers judged it when each held-out split was scored.

Each round adds a held-out split of blind rater decks (guidelines/blind/, written by authors who never saw the code)
and scores it once. A reader who never saw the code then judges every finding of that scoring run, seeing only
the documents and the finding: ``real`` or not (guidelines/labels/heldout<N>-finding-judgments.jsonl). Those
verdicts are the one record of how each check behaves on text it was never tuned on: later rounds fix what they
show, so re-running today's code on an old split measures the fixes, not the check. This family adds them up per
check and compares them with the default-on policy (data/policy.toml): a check whose judged findings on fresh
splits are more often wrong than real (``min_blind_precision``, over at least ``min_blind_judged`` of them) is
opt-in whatever the real corpus says, since a check that rarely fires on the real decks is judged there on a
handful of findings or none.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..checks.common.relations.refusal_case import refusal_names_case

_FILE = re.compile(r"heldout(\d+)-finding-judgments\.jsonl$")


def judgment_files(corpus: Path) -> list[Path]:
    """The per-split judgment files, oldest split first."""
    found = [p for p in (corpus / "labels").glob("heldout*-finding-judgments.jsonl") if _FILE.search(p.name)]
    return sorted(found, key=lambda p: int(_FILE.search(p.name).group(1)))


def verdict_rows(corpus: Path) -> list[dict[str, Any]]:
    """Every verdict of every judged split, oldest split first."""
    rows = []
    for path in judgment_files(corpus):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows


def current_code(row: dict[str, Any], recoded: list[dict[str, Any]]) -> str:
    """The check that reports a judged finding today. A reading moved to a check of its own keeps its verdicts: the
    finding as judged is the one the new check emits (``recoded``: ``[[recoded]]`` of data/policy.toml, which names
    it by the words of its message)."""
    for moved in recoded:
        m = re.search(moved["message"], row["message"]) if row["check"] == moved["check"] else None
        if m is not None and _holds(moved.get("when"), m):
            return str(moved["now"])
    return str(row["check"])


def _holds(reading: str | None, m: re.Match[str]) -> bool:
    """A move that holds for some findings of a form only: the reading that decides it, asked of the message's
    groups ("refusal_names_case": the refusal's clause names the excused case)."""
    return reading is None or bool(_READINGS[reading](m.groupdict()))


# The readings a `when` of [[recoded]] may name, each asked of the judged message's named groups.
_READINGS = {"refusal_names_case": lambda g: refusal_names_case(g["rule"], g["refusal"], g["case"])}


def tally(corpus: Path) -> dict[str, dict[str, Any]]:
    """Per check: judged findings, how many were real, the splits they came from, and real / judged."""
    from ..checks.registry import policy

    recoded = policy().get("recoded", [])
    counts: dict[str, dict[str, Any]] = defaultdict(lambda: {"judged": 0, "real": 0, "splits": set()})
    for row in verdict_rows(corpus):
        entry = counts[current_code(row, recoded)]
        entry["judged"] += 1
        entry["real"] += row["verdict"] == "real"
        entry["splits"].add(row["split"])
    return {
        code: {
            "judged": e["judged"],
            "real": e["real"],
            "splits": len(e["splits"]),
            "precision": round(e["real"] / e["judged"], 4),
        }
        for code, e in sorted(counts.items())
    }


def decides(entry: dict[str, Any], policy: dict[str, Any]) -> bool:
    """Whether a check has enough judged fresh findings for them to settle its default."""
    return entry["judged"] >= int(policy["min_blind_judged"])


def disagreements(per_check: dict[str, dict[str, Any]]) -> list[str]:
    """Checks whose default the judged fresh findings contradict: on by default below the bar."""
    from ..checks.registry import on_by_default, policy

    rules = policy()
    bar = float(rules["min_blind_precision"])
    return [
        f"{code} is on by default, but {e['real']} of its {e['judged']} judged findings on fresh splits were real"
        f" ({e['precision']:.2f} < {bar:.2f})"
        for code, e in per_check.items()
        if on_by_default(code) and decides(e, rules) and e["precision"] < bar
    ]


def evaluate(corpus: Path) -> dict[str, Any]:
    """``guidecheck eval --family judged``: reads the verdicts only; nothing is run."""
    from ..checks.registry import on_by_default

    per_check = tally(corpus)
    metrics = {
        f"fresh splits {code}": {
            "precision": e["precision"],
            "tp": e["real"],
            "fp": e["judged"] - e["real"],
            "n": e["judged"],
            "splits": e["splits"],
            "on_by_default": on_by_default(code),
        }
        for code, e in per_check.items()
    }
    for name, chosen in (
        ("default set", [c for c in per_check if on_by_default(c)]),
        ("every check", per_check),
    ):
        real = sum(per_check[c]["real"] for c in chosen)
        judged = sum(per_check[c]["judged"] for c in chosen)
        metrics[f"fresh splits, {name}"] = {
            "precision": round(real / judged, 4) if judged else None,
            "tp": real,
            "fp": judged - real,
            "n": judged,
        }
    files = judgment_files(corpus)
    notes = [f"verdicts of {len(files)} held-out splits, each judged blind when it was scored"]
    return {"metrics": metrics, "notes": notes + disagreements(per_check)}
