"""What a document tells each of its sentences (DocContext), and what detection decided (Detection)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class DocContext:
    """What a document tells about each of its sentences: label inventory, lead-ins, open FAQ question."""

    labels: set[str] = field(default_factory=set)
    lead_ins: dict[str, dict] = field(default_factory=dict)  # lead-in text -> inherited frame parts
    lead_texts: set[str] = field(default_factory=set)  # blocks that only introduce a list
    question: str | None = None
    question_block: int | None = None
    labels_rx: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        words = sorted((x for x in self.labels if x and not x[0].isdigit()), key=len, reverse=True)
        if words:
            self.labels_rx = re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"
            )


# The evidence of the "left un-done" reading of rules/descriptive.py ("Surgeon names remain unlabelled"): the
# subject of such a rule is its act's object (rules/roles.py).
LEFT_UNDONE = "descriptive (left undone)"
OUT_OF_SCOPE = "descriptive (out of scope)"


@dataclass
class Detection:
    kind: str
    modality: str | None
    negated: bool
    evidence: str
    verb: object = None  # the token whose frame (subject, object) the rule is about
    imperative: bool = False
