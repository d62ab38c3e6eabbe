"""Tie-breaks that lean opposite ways (CON005): "If you are torn between two adjacent scores, choose the lower one"
against "When you cannot decide between two neighbouring scores, give the higher one".

A tie-break is a rule for the case where two neighbouring points of a scale both seem to fit, and it says which
way to lean. Its doubt is named (between two scores), so it is no bare default for doubt (CON012), and the two
sentences are paraphrases whose only difference is one word, so frame slots rarely line up. Every two tie-breaks
of one project over the same kind of thing are compared: one that leans up and one that leans down cannot both be
followed by a rater who is torn. A tie-break scoped to something more ("For safety items, ...") settles that case
only. Words are data (``data/contradictions.toml``, [score_tie_breaks]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data, stem
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, opening_case, quoted


class _Words(NamedTuple):
    torn: re.Pattern[str]
    up: re.Pattern[str]
    down: re.Pattern[str]
    strict: re.Pattern[str]
    lenient: re.Pattern[str]
    short: re.Pattern[str]
    long: re.Pattern[str]
    small: re.Pattern[str]
    large: re.Pattern[str]
    tied: re.Pattern[str]
    families: dict[str, str]
    neutral: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["score_tie_breaks"]
    families = {noun: family for family, nouns in d["families"].items() for noun in nouns}
    return _Words(
        re.compile(d["torn"], re.I),
        re.compile(d["up"], re.I),
        re.compile(d["down"], re.I),
        re.compile(d["strict"], re.I),
        re.compile(d["lenient"], re.I),
        re.compile(d["short"], re.I),
        re.compile(d["long"], re.I),
        re.compile(d["small"], re.I),
        re.compile(d["large"], re.I),
        re.compile(d["tied"], re.I),
        families,
        frozenset(content(" ".join(d["neutral"]))),
    )


class TieBreak(NamedTuple):
    claim: Claim
    family: str  # what the two candidates are: "scale" (scores, grades, levels) or "label"
    noun: str  # the word for them, singular: "score", "grade"
    kind: frozenset[str]  # words naming which scale ("two Accuracy scores"), empty when none
    scope: frozenset[str]  # words of a case the tie-break is limited to ("For safety items")
    leans: str  # "up" or "down", or "strict" or "lenient"
    cue: str
    decision: str


def tie_break(claim: Claim) -> TieBreak | None:
    """The tie-break a rule states, or None: no choice between two points, or no single direction."""
    w, text = _words(), unquoted(claim.text)
    m = w.torn.search(text) or w.tied.search(text)
    rest = text[m.end() :] if m else text
    if m is None and claim.rule.context:  # an FAQ answer ("Pick the higher of the two") to a torn question
        m = w.torn.search(claim.rule.context)
        text = ""
    if m is None:
        return None
    ways = _leans(rest)
    after = bool(ways)
    if not ways and m.re is w.torn:
        ways = _leans(_clause_before(text, m.start()))
    if len(ways) != 1:
        return None  # none, or two ("the lower one, unless safety is at stake, then the higher")
    ((leans, found),) = ways.items()
    if m.re is w.tied:  # two things rated side by side: named in the tie, as "two X", or after the lean
        # "two candidate places look equally likely": the head of the phrase before its verb
        two = re.search(
            r"\btwo\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,})\s+(?:are|is|look|seem|fit|tie)\w*\b", text
        ) or re.search(r"\btwo\s+([a-z]{3,})", text)
        named = (
            m.group("noun")
            or m.group("noun2")
            or (two and two.group(1))
            or (after and _thing_after(rest, found))
            or ""
        )
        family, noun, kind = "item", stem(named.lower()), frozenset()
        return TieBreak(
            claim, family, noun, kind, _scope(text[: m.start()]), leans, m.group(0), found.group(0)
        )
    noun = (m.group("noun") or "score").lower()  # "stuck between a 3 and a 4": two scores
    family = w.families.get(noun, w.families.get(noun.rstrip("s"), "scale"))
    kind = content(m.group("kind") or "") - w.neutral
    scope = _scope(text[: m.start()])
    return TieBreak(claim, family, noun.rstrip("s"), kind, scope, leans, m.group(0), found.group(0))


def _leans(text: str) -> dict[str, re.Match[str]]:
    w = _words()
    return {way: hit for way in _WAYS if (hit := getattr(w, way).search(text))}


def _clause_before(text: str, at: int) -> str:
    """The main clause a tie-break states before its choice: "Do round up when you are torn between two severity
    levels" leans before it names the choice (a lead-in before a colon or an earlier clause is not read)."""
    return re.split(r"[;:.!?]", text[:at])[-1] if at > 0 else ""


def _thing_after(rest: str, lean: re.Match[str]) -> str | None:
    """The thing a tie-break picks, named after its lean ("choose the longer, more detailed commentary")."""
    m = re.match(r"[\w ,-]{0,30}?\b([a-z]{4,})\b(?=\s*[.;,]|\s*$|\s+(?:and|but|so)\b)", rest[lean.end() :])
    return m.group(1) if m else None


# The ways a tie-break leans, and the pattern of each; two lean opposite ways only on one axis.
_WAYS = ("up", "down", "strict", "lenient", "short", "long", "small", "large")
_OPPOSITE = {
    frozenset({"up", "down"}),
    frozenset({"strict", "lenient"}),
    frozenset({"short", "long"}),
    frozenset({"small", "large"}),
}


def _scope(before: str) -> frozenset[str]:
    """Words of the case an opening phrase limits the tie-break to ("For safety items, if ..."); a lead-in before a
    colon and the words before the choice ("If a response falls between ...") are no case."""
    case = opening_case(before.rpartition(":")[2], anywhere=True)
    return content(case) - _words().neutral if case else frozenset()


def _clash(x: TieBreak, y: TieBreak) -> bool:
    """Two tie-breaks for the same choice that lean opposite ways: the same word for the points ("two grades" /
    "two severity grades"), or other words that name one scale ("two Accuracy scores" / "two Accuracy ratings").
    "Two adjacent scores" and "two urgency levels" may be two scales of one deck."""
    if frozenset({x.leans, y.leans}) not in _OPPOSITE or x.family != y.family or not _same_scope(x, y):
        return False
    if x.kind and y.kind:
        return bool(x.kind & y.kind)  # "two Accuracy scores" / "two Tone scores": two scales
    if x.family == "item":  # a tie that names no thing is one between the deck's two candidates
        return x.noun == y.noun or not (x.noun and y.noun)
    return x.noun == y.noun


def _same_scope(x: TieBreak, y: TieBreak) -> bool:
    """One case, or a case each names in its own words ("For the Forced choice field, ..." / "When the forced
    choice is otherwise a coin flip")."""
    return x.scope == y.scope or (
        x.scope - y.scope - _PLACES <= content(y.claim.text)
        and y.scope - x.scope - _PLACES <= content(x.claim.text)
    )


_PLACES = frozenset(
    {"field", "box", "column", "tab", "section", "panel"}
)  # where a choice is made, not which


def _conflict(x: TieBreak, y: TieBreak) -> Conflict | None:
    if not _clash(x, y):
        return None
    a, b = (x, y) if x.claim.rule.id < y.claim.rule.id else (y, x)
    why = (
        f"{quoted(as_read(a.claim.rule))} breaks a tie with “{a.decision}”, but "
        f"{quoted(as_read(b.claim.rule))} breaks the same tie with “{b.decision}”."
    )
    spans = find_span(a.claim.rule, a.decision) + find_span(b.claim.rule, b.decision)
    return Conflict("CON005", 0.85, why, spans, False, categorical=True)


def tie_break_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 (or what explains it away) for every two tie-breaks of one project that lean opposite ways."""
    found = [t for c in claims if not is_example_material(c) and (t := tie_break(c)) is not None]
    return pairwise(found, lambda t: t.claim, _conflict)


__all__ = ["TieBreak", "tie_break", "tie_break_relations"]
