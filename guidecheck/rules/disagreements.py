"""How a deck settles two people's answers that differ: the ruling for a disagreement.

"When two raters' Safety scores for the same turn differ by three points or more, the lower score is kept as
final" and "If two raters are three or more points apart on Safety, the score from the rater with the higher
gold-standard accuracy is the one that stands" settle one disagreement two ways. A ruling is read as its family
(the lower value, the higher, an average, a majority, a discussion, or a person who decides), the case it is
limited to (a scale named in it, "on Safety") and the gap it applies to ("by one point", "three or more points").
Decks state these as facts, with no modal verb, so extraction reads a sentence with a ruling as a rule
(``fragments.stated_rule``); the contradiction check compares them (``relations/disagreement_rulings.py``).
Words are data (``data/rules.toml`` [disagreements]).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words


@dataclass(frozen=True)
class Ruling:
    """How one sentence settles a disagreement."""

    family: str  # "lower", "higher", "average", "majority", "discussion" or "person"
    who: str  # for "person": the group who decides ("lead", "record", "seniority") or their words
    case: frozenset[str]  # words naming which answers ("Safety", "quality"), empty when any
    gap: tuple[float, float]  # the point gap it applies to, [1, inf) when it names none
    span: tuple[int, int]  # where the ruling is said


@dataclass(frozen=True)
class _Words:
    situation: re.Pattern[str]
    people: re.Pattern[str]  # a word naming who disagrees ("reviewers", "another rater")
    gap: re.Pattern[str]
    generic: frozenset[str]
    rulings: tuple[tuple[str, re.Pattern[str]], ...]
    persons: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["disagreements"]
    people = d["people"]
    # people who disagree, or their answers that differ, in either order around the word that says so
    situation = (
        rf"\b(?:{people})(?:'|’s|'s)?\b[^.;:]{{0,80}}?\b(?:{d['situation']})\b"
        rf"|\b(?:{people.replace('?', '')})\s+(?:{d['situation']})\b"
        rf"|\b(?:{d['situation']})\s+(?:between|among)\s+(?:\w+\s+){{0,2}}(?:{people})\b"
        # "If two tasters disagree": two of any kind of people, whatever the project calls them
        rf"|\btwo\s+(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*s\s+(?:{d['situation']})\b"
    )
    return _Words(
        situation=re.compile(situation, re.I),
        people=re.compile(rf"\b(?:{people})\b", re.I),
        gap=re.compile(d["gap"], re.I),
        generic=frozenset(d["generic"]),
        rulings=tuple((k, re.compile(v, re.I)) for k, v in d["rulings"].items()),
        persons=tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in d["persons"].items()),
    )


@lru_cache(maxsize=1 << 14)
def read_ruling(text: str, context: str = "") -> Ruling | None:
    """The ruling a sentence gives for a disagreement it names, or None. A ruling said with "not" ("the lead
    does not override the vote") is no ruling of its own. ``context`` is the question an FAQ answer answers ("Two
    graders are five points apart. What happens?"): it names the disagreement, its scale and its gap when the
    answer does not ("When they are that far apart, ...")."""
    w = _words()
    situation = w.situation.search(text)
    asked = w.situation.search(context) if context else None
    if situation is None and asked is None:
        return None
    for family, rx in w.rulings:
        for m in rx.finditer(text):
            if _negated(text, m.start()):
                continue
            who = _group(_who(m)) if family == "person" else ""
            if family == "person" and not who and (m.groupdict().get("who3") or m.groupdict().get("who5")):
                # "the project scientist makes the final decision": whoever acts decides
                who = _named(_who(m))
            if family == "person" and not who:
                continue
            rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
            case = _case(rest, situation) if situation else frozenset()
            gap = _gap(text)
            if asked is not None:
                case = case or _case(context, asked)
                gap = gap if gap != _ANY_GAP else _gap(context)
            return Ruling(family, who, case, gap, m.span())
    return None


def _who(m: re.Match[str]) -> str:
    return next((g for g in (m.groupdict().get(k) for k in ("who", "who2", "who3", "who4", "who5")) if g), "")


def _named(who: str) -> str:
    """The person an act names as the one who decides, by the last word of its name ("the project scientist")."""
    words = re.findall(r"[A-Za-z]+", who)
    return words[-1].lower().rstrip("s") if words else ""


def _group(who: str) -> str:
    """The group of the person who decides ("the QA lead" and "the Lead on duty" are both "lead"); else the
    words naming them, or "" when they name no one ("settled by a coin flip" is no person)."""
    for group, rx in _words().persons:
        if rx.search(who):
            return group
    people = _words().people.search(who)
    return people.group(0).lower().rstrip("s") if people else ""


_NOT = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.I)


def _negated(text: str, at: int) -> bool:
    """A "not" in the ruling's clause before it: "the lead does not override the vote"."""
    clause = re.split(r"[,;:]|\band\b", text[:at])[-1]
    return bool(_NOT.search(clause))


_SCALE_WORDS = r"(?:scores?|ratings?|grades?|marks?|labels?)"
_CAPITAL = re.compile(rf"(?<=\S\s)([A-Z][\w-]+)\s+{_SCALE_WORDS}\b")
_ON = re.compile(
    # "on a wine's Aroma score": what of the wine they disagree on, not the wine
    r"\b(?:on|about|over|for|in)\s+(?:the\s+|a\s+|an\s+|one\s+|their\s+)?(?:same\s+)?(?:[A-Za-z][\w-]+['’]s\s+)?"
    r"([A-Za-z][\w-]+)"
)
_BEFORE = re.compile(rf"\b(?:a|the|their|two|its)\s+([a-z][\w-]+)\s+{_SCALE_WORDS}\b")


def _case(text: str, situation: re.Match[str]) -> frozenset[str]:
    """Words naming which answers disagree: a scale named in the sentence ("Safety scores", "apart on Overall",
    "disagree about a box"), from the clause that names the disagreement; ``text`` has the ruling blanked ("the
    Lead on duty" names who decides, not which answers)."""
    start = text.rfind(",", 0, situation.start()) + 1
    end = min(
        (i for i in (text.find(",", situation.end()), text.find(";", situation.end())) if i >= 0),
        default=len(text),
    )
    clause = text[start:end]
    words = {m.group(1).lower() for rx in (_CAPITAL, _ON, _BEFORE) for m in rx.finditer(clause)}
    people = _words().people
    return frozenset(w for w in words if w not in _words().generic and not people.fullmatch(w))


_ANY_GAP = (1.0, math.inf)


def _gap(text: str) -> tuple[float, float]:
    m = _words().gap.search(text)
    if m is None:
        return _ANY_GAP
    word = m.group("n").lower()
    n = 1.0 if word == "a single" else float(word) if word.isdigit() else number_words().get(word, 1.0)
    if m.group("over"):
        return (n + 1, math.inf)
    return (n, math.inf) if m.group("more") or m.group("more2") else (n, n)


__all__ = ["Ruling", "read_ruling"]
