"""Shared scoring helpers for the evaluators."""

from __future__ import annotations

import re


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def accuracy(correct: int, n: int) -> dict[str, float | int]:
    return {"accuracy": round(correct / n, 4) if n else 1.0, "n": n}


def normalise(text: str) -> str:
    """Key for matching gold sentences to extracted rules: case, punctuation and spacing ignored."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
