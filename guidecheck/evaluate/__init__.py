"""``guidecheck eval``: precision and recall of each family on the labeled corpus in guidelines/.

Each family registers an evaluator (a function ``corpus: Path -> dict``) in ``EVALUATORS``; results are plain
dicts so tests can assert the floors and the README can quote them.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

# family -> module under guidecheck.evaluate exposing evaluate(corpus: Path) -> dict
EVALUATORS: dict[str, str] = {
    "rules": "rules",
    "contradictions": "contradictions",
    "ambiguity": "ambiguity",
    "real": "real",  # real public guidelines (../shared/realdecks) with blind labels
    "judged": "judged",  # blind verdicts on each fresh split's findings, per check (nothing is run)
}


def default_corpus() -> Path:
    """guidelines/ next to the package in a checkout, else in the current folder."""
    here = Path(__file__).resolve().parents[2] / "guidelines"
    return here if here.is_dir() else Path.cwd() / "guidelines"


def _evaluator(family: str) -> Callable[[Path], dict[str, Any]] | None:
    try:
        module = importlib.import_module(f"{__name__}.{EVALUATORS[family]}")
    except ModuleNotFoundError:
        return None
    return getattr(module, "evaluate", None)


def run_evaluations(
    families: list[str] | None = None, corpus: str | None = None, split: str | None = None
) -> dict[str, Any]:
    """Each family's figures. ``split`` ("dev" or "heldout") limits the families that keep a held-out split to
    that part; the held-out part is scored once, at the end of a piece of work."""
    root = Path(corpus) if corpus else default_corpus()
    if not root.is_dir():
        raise FileNotFoundError(f"labeled corpus folder not found: {root}")
    out: dict[str, Any] = {}
    for family in families or list(EVALUATORS):
        if family not in EVALUATORS:
            raise FileNotFoundError(f"unknown eval family '{family}' (known: {', '.join(EVALUATORS)})")
        fn = _evaluator(family)
        if fn is None:
            continue
        if split and "splits" in inspect.signature(fn).parameters:
            out[family] = fn(root, splits=(split,))
        else:
            out[family] = fn(root)
    return out


def format_results(results: dict[str, Any]) -> str:
    """Plain table per family: each evaluator returns {"metrics": {name: {precision, recall, ...}}, "notes": [...]}."""
    lines: list[str] = []
    for family, res in results.items():
        lines.append(f"== {family} ==")
        for name, m in res.get("metrics", {}).items():
            cells = []
            for key in ("precision", "recall", "f1", "accuracy", "tp", "fp", "fn", "n", "per_1000_words"):
                if key in m and m[key] is not None:
                    v = m[key]
                    cells.append(f"{key} {v:.3f}" if isinstance(v, float) else f"{key} {v}")
            lines.append(f"  {name:<36} " + "  ".join(cells))
        for note in res.get("notes", []):
            lines.append(f"  note: {note}")
        lines.append("")
    return "\n".join(lines)
