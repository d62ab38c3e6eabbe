"""What a conflict detector returns: its own module so the detectors in other modules (thresholds, restriction)
and ``detectors`` share it without importing each other."""

from __future__ import annotations

from typing import NamedTuple

from ....model import Span


class Conflict(NamedTuple):
    """What a detector found: the check code, how sure, one sentence why, the clashing words."""

    code: str
    confidence: float
    explanation: str
    spans: list[Span]
    conditional: bool  # True: the rules' conditions decide (different situations are not a conflict)
    categorical: bool = False  # True: the words state the clash outright; the learned scorer does not veto it
