"""Candidate pairs of rules whose output constraints clash, whatever their embeddings say.

"The word 'innovation' is not allowed" and "End with 'a culture of innovation that large firms envy'" share one
word and embed far apart, so the nearest-neighbour candidates (index/pairs.py) never put them side by side. Output
frames are keyed instead (each word of a required phrase, the first word of a forbidden one, a tone axis, the
output language, a slot such as the opening line) and rules sharing a key are compared by their frames. A key
held by very many rules (a tone axis in a huge deck) is skipped: its pairs would be mostly agreements.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np

from ....cache import Cache, code_version, key
from ..deck import same_project
from .claims import Claim
from .lexicon import stem
from .output import OutputFrame, output_frame, singular
from .output_clash import output_conflict, required_wording
from .output_content import banned_families, shown_families

MAX_BUCKET = 60
_WORD = re.compile(r"[\w'’-]+")


def _keys(frame: OutputFrame) -> Iterable[str]:
    for phrase, pol in frame.phrases:
        # words without their punctuation: "unfortunately," in a required sentence keys as "unfortunately"
        words = [singular(w) for w in _WORD.findall(phrase)] or [phrase]
        yield from (f"w:{w}" for w in (words if pol == "+" else words[:1]))
        if pol == "+":  # a required phrase can talk about a left-out topic
            yield from (f"topic:{stem(w)[:5]}" for w in _WORD.findall(phrase))
    for axis, *_ in frame.tones:
        yield f"tone:{axis}"
    if frame.languages:
        yield "language"
    for slot, *_ in frame.slots:
        yield f"slot:{slot}"
    for bound in frame.counts:
        yield f"count:{bound.scope}:{bound.unit}"
    for topic in frame.topics:
        yield from (f"topic:{w[:5]}" for w in topic.words)
    yield from (f"family:{f.name}" for f, _ in banned_families(frame.topics))
    yield from (f"family:{f.name}" for f, _ in shown_families(required_wording(frame)))


def output_candidates(
    claims: Sequence[Claim], vectors: np.ndarray, taken: Iterable[tuple[int, int]]
) -> list[tuple[int, int, float]]:
    """(i, j, cosine) of every pair of one project whose output frames clash and that is not already taken."""
    frames = [output_frame(c) for c in claims]
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, frame in enumerate(frames):
        for k in set(_keys(frame)):
            buckets[k].append(i)
    seen = set(taken)
    out = []
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for i, j in combinations(members, 2):
            if (i, j) in seen or output_conflict(frames[i], frames[j]) is None:
                continue
            seen.add((i, j))
            if same_project(claims[i].rule, claims[j].rule):
                cos = float(vectors[i] @ vectors[j]) if len(vectors) > max(i, j) else 0.0
                out.append((i, j, cos))
    return sorted(out)


def remembered_output_candidates(
    claims: Sequence[Claim],
    digests: Sequence[str],
    vectors: np.ndarray,
    taken: Sequence[tuple[int, int]],
    cache: Cache | None,
) -> list[tuple[int, int, float]]:
    """``output_candidates``, from the cache when the same rules in the same order were checked before (a warm
    re-check reads one entry instead of reading every rule's output frame)."""
    cache = cache if cache is not None and cache.enabled else None
    entry = key("output-pairs", code_version(), *digests)
    stored = cache.get_json("output-pairs", entry) if cache else None
    if isinstance(stored, list):
        return [
            (i, j, float(vectors[i] @ vectors[j]) if len(vectors) > max(i, j) else 0.0) for i, j in stored
        ]
    found = output_candidates(claims, vectors, taken)
    if cache is not None:
        cache.put_json("output-pairs", entry, [[i, j] for i, j, _ in found])
    return found


__all__ = ["output_candidates", "remembered_output_candidates"]
