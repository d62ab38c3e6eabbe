"""Whether two rules are about the same thing, by their content words, and the thresholds the detectors share."""

from __future__ import annotations

from .lexicon import jaccard, lexicon


def threshold(name: str) -> float:
    return lexicon().thresholds[name]


def topic_match(a: frozenset[str], b: frozenset[str], floor: float, high: float | None = None) -> bool:
    """Same thing: near-identical words, or one side only adds words to the other (a narrower phrasing).

    When each side has words of its own ("harmless request" / "harmful request", "video post" / "text-only
    post") the two are about different things unless the overlap is high.
    """
    j = jaccard(a, b)
    if j >= (high if high is not None else threshold("same_topic")):
        return True
    return j >= floor and (a <= b or b <= a)
