"""The learned pair scorer: how likely two rules contradict each other, as a calibrated probability.

Frame evidence (force, limits, outcomes, conditions, output constraints, role cues) and the cosine of the two
polarity-neutral propositions go into a logistic regression whose weights sit in data/pair_scorer.json. The
file is written by ``bench/train_pair_scorer.py`` from labeled pairs nobody in the project wrote; a Platt
sigmoid fitted on the dev split makes the output a probability. ``threshold`` is the lowest probability that
kept precision >= 0.9 on dev for pairs no frame detector named (above 1 when none did: the scorer then only
vetoes); ``veto`` drops frame findings the scorer finds unlikely. Inference is numpy only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from .claims import Claim
from .numeric_limits import numbers_disjoint
from .output_clash import output_conflict
from .proposition import Side

FEATURES = (
    "cos_neutral",
    "cos_raw",
    "jaccard",
    "force_opposed",
    "force_relaxed",
    "force_same",
    "force_missing",
    "numbers_disjoint",
    "numbers_both",
    "outcomes_differ",
    "outcomes_both",
    "exception",
    "update",
    "sanction_one",
    "conditions_both",
    "conditions_one",
    "condition_cosine",
    "condition_negation_differs",
    "restrict",
    "example",
    "output_conflict",
    "priority",
    "detector_con",
    "detector_rel",
    "opposed_x_cos",
    "outcomes_x_cos",
    "numbers_x_cos",
    "detector_x_cos",
    "relaxed_x_cos",
    "restrict_x_cos",
    "force_both_x_cos",
    "sanction_x_opposed",
    "exception_x_cos",
    "conditions_apart",
    "word_overlap",
    "stance_opposed",
    "stance_same",
    "stance_x_overlap",
    "stance_x_cos",
    "absence_differs",
    "absence_x_overlap",
    "overlap_x_cos",
)
FORCE_SIGN = {"O": 1, "P": 1, "F": -1, "N": -1}


class PairInput(NamedTuple):
    """Everything the scorer reads about one rule pair."""

    fa: Claim
    fb: Claim
    sa: Side
    sb: Side
    cosine: float  # of the rule texts
    cosine_neutral: float  # of the neutral propositions
    cosine_condition: float  # of the condition clauses (0 unless both have one)
    detector: str | None  # code the frame classifier gave (CON..., REL...) or None
    overlap: float = 0.0  # shared content words over the smaller side's (lexicon.word_overlap)


def outcomes_differ(fa: Claim, fb: Claim) -> bool:
    if not fa.outcomes or not fb.outcomes:
        return False
    if fa.score and fb.score:
        return fa.score.disjoint(fb.score)
    return not ({o.lower() for o, _ in fa.outcomes} & {o.lower() for o, _ in fb.outcomes})


def stances(p: PairInput) -> tuple[int, int]:
    """Each rule's force sign times its stance: +1 leans towards the proposition, -1 away, 0 no force."""
    return (
        FORCE_SIGN.get(p.fa.deontic or "", 0) * p.sa.stance,
        FORCE_SIGN.get(p.fb.deontic or "", 0) * p.sb.stance,
    )


def _stance(p: PairInput) -> list[float]:
    """Which way each rule leans on its proposition: force times absence ("must mention X" +1, "must leave X out"
    -1, "must not mention X" -1). Opposite stances on two propositions about the same specific thing conflict."""
    a, b = stances(p)
    opposed, same = float(a * b < 0), float(a * b > 0)
    differs = float(p.sa.absence != p.sb.absence)
    return [
        p.overlap,
        opposed,
        same,
        opposed * p.overlap,
        opposed * p.cosine_neutral,
        differs,
        differs * p.overlap,
        p.overlap * p.cosine_neutral,
    ]


def features(p: PairInput) -> np.ndarray:
    fa, fb, sa, sb = p.fa, p.fb, p.sa, p.sb
    pair = {fa.deontic, fb.deontic}
    opposed = float("F" in pair and bool(pair & {"O", "P"}))
    relaxed = float(pair == {"O", "N"})
    disjoint = float(numbers_disjoint(fa, fb) is not None)
    differ = float(outcomes_differ(fa, fb))
    det_con = float(bool(p.detector and p.detector.startswith("CON")))
    inter = len(fa.core & fb.core)
    union = len(fa.core | fb.core) or 1
    row = [
        p.cosine_neutral,
        p.cosine,
        inter / union,
        opposed,
        relaxed,
        float(fa.deontic == fb.deontic and fa.deontic is not None),
        float((fa.deontic is None) + (fb.deontic is None)),
        disjoint,
        float(bool(fa.quantities and fb.quantities)),
        differ,
        float(bool(fa.outcomes and fb.outcomes)),
        float(fa.exception or fb.exception),
        float(fa.update or fb.update),
        float(sa.sanction != sb.sanction),
        float(bool(fa.condition and fb.condition)),
        float(bool(fa.condition) != bool(fb.condition)),
        p.cosine_condition,
        float(bool(fa.condition and fb.condition) and fa.condition_neg != fb.condition_neg),
        float(sa.restrict or sb.restrict),
        float(sa.example + sb.example),
        float(output_conflict(sa.output, sb.output) is not None),
        float(bool(fa.priority or fb.priority)),
        det_con,
        float(bool(p.detector and p.detector.startswith("REL"))),
        opposed * p.cosine_neutral,
        differ * p.cosine_neutral,
        disjoint * p.cosine_neutral,
        det_con * p.cosine_neutral,
        relaxed * p.cosine_neutral,
        float(sa.restrict or sb.restrict) * p.cosine_neutral,
        float(fa.deontic is not None and fb.deontic is not None) * p.cosine_neutral,
        float(sa.sanction != sb.sanction) * opposed,
        float(fa.exception or fb.exception) * p.cosine_neutral,
        float(bool(fa.condition and fb.condition)) * (1.0 - p.cosine_condition),
    ]
    return np.asarray(row + _stance(p), dtype=np.float64)


class PairScorer(NamedTuple):
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    platt: tuple[float, float]  # probability = sigmoid(a * margin + b)
    threshold: float  # a pair the frame detectors did not name is reported at or above this
    veto: float  # a pair the frame detectors named is dropped below this

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Calibrated contradiction probability for feature rows ``x`` (n, len(FEATURES))."""
        margin = ((np.atleast_2d(x) - self.mean) / self.scale) @ self.coef + self.intercept
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * margin + b)))

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(float(self.intercept), 6),
            "platt": [round(float(v), 6) for v in self.platt],
            "threshold": round(float(self.threshold), 4),
            "veto": round(float(self.veto), 4),
        }


def from_json(d: dict) -> PairScorer:
    if tuple(d["features"]) != FEATURES:
        raise ValueError("pair_scorer.json was trained on other features; run bench/train_pair_scorer.py")
    return PairScorer(
        np.asarray(d["mean"]),
        np.asarray(d["scale"]),
        np.asarray(d["coef"]),
        float(d["intercept"]),
        (float(d["platt"][0]), float(d["platt"][1])),
        float(d["threshold"]),
        float(d["veto"]),
    )


@lru_cache(maxsize=1)
def scorer() -> PairScorer:
    text = resources.files("guidecheck").joinpath("data/pair_scorer.json").read_text("utf-8")
    return from_json(json.loads(text))


__all__ = [
    "FEATURES",
    "PairInput",
    "PairScorer",
    "features",
    "from_json",
    "outcomes_differ",
    "scorer",
    "stances",
]
