"""Worked examples that score a named dimension outside the range a rule sets for it (CON008).

Rating decks score several dimensions at once ("Verdict: Correctness 4, Usefulness 4, Tone 3") and their rules
cap or fix one of them ("If the CI panel already shows a linter warning ..., Usefulness can be no higher than 2").
The example reading in ``examples.py`` keeps one score per example and so loses which dimension it belongs to:
"Correctness 4" is read as the example's score and compared with a rule about Usefulness. Here an example's
verdict is read as dimension -> score and compared only with the rules that set a range for the same dimension.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .claims import Claim, Interval, score_range
from .example_cases import conceded_words, rule_topic
from .lexicon import content, data, lexicon, stem
from .text import name_at
from .vectors import unit_rows

# "Correctness 4", "Empathy: 4", "Profanity (2)", "Safety Warnings 3:", "severity 2": a name, then its score.
_NAMED_SCORE = re.compile(
    r"(?<![\w'’-])(?P<d>[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Z][A-Za-z-]*){0,2})[ \t]*(?:[:=][ \t]*|\([ \t]*)?"
    r"(?P<v>\d+(?:\.\d+)?)(?![\w'’]|[.,]\d|\s*%|\s*(?:/|out\s+of)\s*\d{2,})"
)


@dataclass(frozen=True)
class DimensionScore:
    """One dimension's score in a sentence: the dimension's name (lower case), the score, its span."""

    dimension: str
    value: float
    span: tuple[int, int]
    capital: bool = False  # written with a capital ("Empathy: 4"), as a scale's name is


@lru_cache(maxsize=1)
def _not_dimensions() -> frozenset[str]:
    """Words before a number that name a part of the document, an item or a unit, not a scored dimension
    ("Example 3", "Clip 5", "grade 8"), and the words that introduce a whole verdict ("Verdict: 4")."""
    return frozenset(w.lower() for w in data()["words"]["not_dimensions"])


def named_scores(text: str) -> list[DimensionScore]:
    """Every "Dimension N" in a sentence, the first score of each dimension."""
    out: list[DimensionScore] = []
    skip = _not_dimensions()
    for m in _NAMED_SCORE.finditer(text):
        words = m.group("d").split()
        while words and (words[0].lower() in skip or not content(words[0])):
            words = words[1:]  # "on Safety 2" -> "safety"
        name = " ".join(words).lower()
        if not name or name in skip or any(d.dimension == name for d in out) or not _plausible(text, m):
            continue
        out.append(DimensionScore(name, float(m.group("v")), m.span("v"), words[0][:1].isupper()))
    return out


def _plausible(text: str, m: re.Match[str]) -> bool:
    """A score on a rating scale: at most 10, not a time ("start 00:12.4"), a section number ("see 7.5") or a day of
    a date ("Claim priority date: 3 March 2019")."""
    v = float(m.group("v"))
    after = text[m.end("v") :]
    return v <= 10 and v == int(v) and not re.match(r"[:.]\d", after) and not _MONTH.match(after)


_MONTH = re.compile(
    r"\s*(?:of\s+)?(?:(?:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb"
    r"|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|May\s+\d{4})"
)


def deck_dimensions(examples: list[list[Claim]], rules: list[Claim]) -> frozenset[str]:
    """The deck's scored dimensions: names the examples score, in two sentences or capitalised ("Empathy: 4"),
    that a rule of the deck names too."""
    seen: dict[str, int] = {}
    capital: set[str] = set()
    for e in examples:
        for f in e:
            for d in named_scores(f.text):
                seen[d.dimension] = seen.get(d.dimension, 0) + 1
                if d.capital:
                    capital.add(d.dimension)
    said = " ".join(r.text.lower() for r in rules)
    return frozenset(n for n, k in seen.items() if (k >= 2 or n in capital) and name_at(said, n))


def _dimension_pattern(dimension: str) -> str:
    return r"\s+".join(re.escape(w) for w in dimension.split())


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")


def _names_near(text: str, dimension: str, start: int, end: int) -> bool:
    """The score at [start, end) belongs to the dimension: the dimension comes shortly before it in the same
    clause ("Usefulness can be no higher than 2", "a Helpfulness score of 1"), or right after it ("above 3 on
    Reading Level")."""
    d = _dimension_pattern(dimension)
    before, after = text[max(0, start - 48) : start], text[end : end + 28]
    if re.search(rf"(?<![\w-]){d}(?![\w-])[^,;:.()]{{0,40}}$", before, re.I):
        return True
    return bool(
        re.match(
            rf"\s*(?:or\s+(?:lower|higher|below|above|less|more)\s+)?(?:on|for|in)\s+(?:the\s+|its\s+)?{d}\b",
            after,
            re.I,
        )
    )


# "Any story that scores 1 or 2 on Safety", "if Accuracy is 1", "When you give Safety a 1", "every Helpfulness
# score of 1 or 2", "any comment with Correctness 1": the score names the case, it is not given.
_SCORE_AS_CASE = re.compile(
    r"(?:\b(?:that|which|who|whose)\s+(?:[\w-]+\s+){0,3}?(?:scores?|scored|is\s+rated|are\s+rated|gets?|got|receives?|received)"
    r"|\b(?:if|when|whenever|where|once|unless)\s+(?:the\s+|its\s+|an?\s+|you\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:is|are|was|gets?|scores?|scored|receives?|give|gave|set|mark|rate|assign))"
    r"\s+(?:an?\s+)?(?:(?:of|at)\s+)?(?:[\w-]+\s+){0,2}?$"
    r"|\b(?:every|each|any|all|with|for)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:(?:score|rating|grade)s?\s+(?:of\s+)?)?$",
    re.I,
)
# "a Safety Warnings score of 1 settles the verdict": a score that is the subject of its sentence is a case.
_SCORE_AS_SUBJECT = re.compile(
    r"^\s*(?:or\s+(?:lower|higher|below|above|\d+)\s+)?(?:settles?|means?|triggers?|requires?|needs?|makes?|goes|go|forces?|"
    r"is|are|always|automatically|on\s+any)\b",
    re.I,
)
_NEGATION = re.compile(r"(?:\b(?:not|never|cannot|no)\b|n't|n’t)", re.I)
_COMPARED = re.compile(
    r"(?:above|higher\s+than|more\s+than|over|exceed|beyond|below|lower\s+than|less\s+than|under)\s*$", re.I
)
_RANGE_AFTER = re.compile(r"\s*(?:or|to|-|–|and)\s*(\d+(?:\.\d+)?)(?![\w.]\d)")


def _range_of(text: str, m: re.Match[str]) -> Interval | None:
    """The range one score asks for: "2 or lower", "no higher than 2", "cannot receive ... above 4" (the
    negation may come several words before the comparison), "1 or 2" (both)."""
    v = float(m.group(0))
    pair = _RANGE_AFTER.match(text, m.end())
    if pair and not re.match(
        r"\s*(?:lower|higher|below|above|less|more|fewer|better|worse)", text[pair.end() :]
    ):
        w = float(pair.group(1))
        if w > v and w - v <= 4:
            return Interval(v, w)
    clause = re.split(r"[,;:(]", text[: m.start()])[-1]
    cmp = _COMPARED.search(clause)
    if cmp and _NEGATION.search(clause[: cmp.start()]):
        below = re.match(r"(?:below|lower|less|under)", cmp.group(0), re.I) is not None
        return Interval(v, math.inf) if below else Interval(-math.inf, v)
    iv, _ = score_range(text, m.group(0), m.span())
    return iv


def rule_ranges(r: Claim, dimensions: frozenset[str]) -> list[tuple[str, Interval, tuple[int, int]]]:
    """(dimension, the range the rule sets for it, the span of the score) for each dimension the rule gives a
    score: "Referral must be 2 or lower" -> (referral, (-inf, 2]). A rule whose case is itself a score ("a story
    that scores 1 on Safety must be flagged Fail", "When you give Safety a 1, set ...") sets none: an example
    meets its case only with that score, which words cannot show."""
    text = r.text
    out = []
    for m in _NUMBER.finditer(text):
        clause = re.split(r"[,;:(]", text[: m.start()])[-1]
        owners = [d for d in sorted(dimensions) if _names_near(text, d, m.start(), m.end())]
        if not owners:
            continue
        if _SCORE_AS_CASE.search(clause) or _SCORE_AS_SUBJECT.match(text[m.end() :]):
            return []
        iv = _range_of(text, m)
        for dim in owners:
            if iv is not None and not any(d == dim for d, _, _ in out):
                out.append((dim, iv, m.span()))
    return out


def sets_range(r: Claim, iv: Interval) -> bool:
    """The rule requires the range: an obligation or a plain statement ("gets a 1"), or a prohibition whose
    negation is the comparison itself ("cannot be rated above 3"). "Never give Accuracy 1 ..." forbids a score
    and "may still receive a 4" allows one; neither sets a range an example can break."""
    if r.deontic in ("O", None):
        return True
    return r.deontic == "F" and (iv.lo != iv.hi)


def case_words(r: Claim, dimensions: frozenset[str]) -> frozenset[str]:
    """What the rule's case is made of: its topic without the dimension names, the score vocabulary, what a
    concessive clause concedes ("however good the rest is") and the reason it gives ("because the author has
    already been told")."""
    names = content(" ".join(dimensions))
    scoring = frozenset(stem(w) for w in data()["words"]["score_vocabulary"])
    because = re.search(r"\b(?:because|since|as\s+this|so\s+that)\b.*$", r.text, re.I)
    reason = content(because.group(0)) - content(r.text[: because.start()]) if because else frozenset()
    return rule_topic(r) - names - scoring - conceded_words(r.text) - reason


def example_scores(members: list[Claim]) -> Iterator[tuple[Claim, DimensionScore]]:
    """Each dimension the example scores, once, from the sentence that states its verdict first."""
    seen: set[str] = set()
    verdict_first = sorted(members, key=lambda f: not _is_verdict(f.text))
    for f in verdict_first:
        for d in named_scores(f.text):
            if d.dimension not in seen:
                seen.add(d.dimension)
                yield f, d


@dataclass(frozen=True)
class DimensionClash:
    """An example scores a dimension outside a rule's range for it; ``strength`` is the evidence that the example
    is the rule's case (``DimensionJudge``), 0..2."""

    rule: Claim
    ranged: Interval
    rule_span: tuple[int, int]
    sentence: Claim
    given: DimensionScore
    strength: float


RuleRanges = list[tuple[Claim, list[tuple[str, Interval, tuple[int, int]]]]]


def ranged_rules(rules: list[Claim], dimensions: frozenset[str]) -> RuleRanges:
    """The rules that set a range for a dimension, with their ranges (read once per deck)."""
    out = []
    for r in rules:
        ranges = [(d, iv, sp) for d, iv, sp in rule_ranges(r, dimensions) if sets_range(r, iv)]
        if ranges:
            out.append((r, ranges))
    return out


def word_rarity(claims: list[Claim]) -> dict[str, float]:
    """How rare each word is among the sentences (inverse document frequency): a deck about legal answers says
    "legal" everywhere and "lawyer" rarely."""
    df = Counter(w for c in claims for w in c.everything)
    n = len(claims) + 1
    return {w: math.log(n / (k + 1)) for w, k in df.items()}


class DimensionJudge:
    """The deck's dimension ranges, read once, and what makes an example's case the rule's: the share of the
    rule's case words the example uses, each word weighted by how rare it is in the deck (a deck about legal
    answers says "response" and "legal" everywhere, "lawyer" rarely), plus how close the rule's sentence is to
    the example's nearest sentence in the embedding space (a paraphrase shares few words). Each alone misleads:
    "I'm an AI, not a lawyer" shares the rule's words, and a verdict line is near every rule about its
    dimension; the sum is asked to reach ``example_dimension`` (contradictions.toml)."""

    def __init__(self, claims: list[Claim], examples: list[list[Claim]], rules: list[Claim], vectors=None):
        self.dimensions = deck_dimensions(examples, rules)
        ranged = ranged_rules(rules, self.dimensions) if self.dimensions else []
        # each rule's case words and the dimensions it ranges, read once per deck, not once per example
        self._ranged = [(r, ranges, case_words(r, self.dimensions)) for r, ranges in ranged]
        self._ranged_dimensions = {d for _, ranges in ranged for d, _, _ in ranges}
        self._idf = word_rarity(claims)
        self._row = {c.rule.id: i for i, c in enumerate(claims)}
        self._vectors = unit_rows(vectors) if vectors is not None and len(vectors) == len(claims) else None
        self._threshold = lexicon().thresholds["example_dimension"]

    def clashes(self, members: list[Claim], everything: frozenset[str]) -> list[DimensionClash]:
        """Each rule whose range for a dimension the example's score falls outside, when the example states the
        rule's case."""
        scores = list(example_scores(members)) if self._ranged else []
        out = []
        for r, ranges, words in self._ranged:
            if len(words & everything) < 2:
                continue  # a case of one word ("An Unsafe answer") is met by any example that uses the word
            for dim, iv, span in ranges:
                for f, d in scores:
                    if d.dimension != dim or not Interval(d.value, d.value).disjoint(iv):
                        continue
                    strength = self._weighted(words, everything) + self._nearest(r, members)
                    if strength >= self._threshold:
                        out.append(DimensionClash(r, iv, span, f, d, strength))
        return out

    def scores_any(self, members: list[Claim]) -> bool:
        """The example scores a dimension some rule sets a range for ("Empathy: 4")."""
        ranged = self._ranged_dimensions
        return bool(ranged) and any(d.dimension in ranged for _, d in example_scores(members))

    def affinity(
        self,
        r: Claim,
        words: frozenset[str],
        members: list[Claim],
        everything: frozenset[str],
        idf: dict[str, float] | None = None,
    ) -> float:
        """How surely an example is of a rule's case (0..2), as for a dimension score: the rarity-weighted share of
        the case ``words`` the example uses (rarity in ``idf``, else in the whole run) plus the cosine of the rule
        to the example's nearest sentence."""
        return self._weighted(words, everything, idf) + self._nearest(r, members)

    def _weighted(
        self, words: frozenset[str], everything: frozenset[str], idf: dict[str, float] | None = None
    ) -> float:
        idf = self._idf if idf is None else idf
        total = sum(idf.get(w, 0.0) for w in words)
        return sum(idf.get(w, 0.0) for w in words & everything) / total if total else 0.0

    def _nearest(self, r: Claim, members: list[Claim]) -> float:
        if self._vectors is None:
            return 0.0
        rows = [self._row[f.rule.id] for f in members if f.rule.id in self._row]
        if r.rule.id not in self._row or not rows:
            return 0.0
        return float(np.max(self._vectors[rows] @ self._vectors[self._row[r.rule.id]]))


_VERDICT = re.compile(r"^\s*(?:verdict|rating|ratings|scores?|overall|outcome|decision|result)\b", re.I)


def _is_verdict(text: str) -> bool:
    return bool(_VERDICT.match(text))


__all__ = [
    "DimensionClash",
    "DimensionScore",
    "case_words",
    "deck_dimensions",
    "example_scores",
    "named_scores",
    "ranged_rules",
    "rule_ranges",
    "sets_range",
]
