"""Two rules that settle one choice two ways (CON005): "If a message raises more than one concern, label it with
the urgency of the most urgent concern" against "When a message raises several concerns, base the urgency on the
concern the patient mentions first"; "If two glosses fit equally well, choose the one that appears first in the
gloss list" against "... pick the one with the higher usage count".

A choice is a situation in which more than one answer fits (two things disagree, both fit, a tie, the rater cannot
decide) and what the rule picks in it. The situation is the rule's leading clause, the label it is filed under
("Multi-category clips: ...") or the FAQ question it answers; the pick is what the main clause chooses, follows,
trusts or lets win. Two rules whose situations share their words and whose picks do not cannot both be followed
by a rater in that situation. A restated choice ("choose the lower one" / "pick the lower score") picks the same.
Patterns are data (``data/contradictions.toml``, [choices]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....rules.disagreements import read_ruling
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted


class _Words(NamedTuple):
    situation: re.Pattern[str]
    lead: re.Pattern[str]
    picks: tuple[re.Pattern[str], ...]
    cue_words: frozenset[str]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["choices"]
    return _Words(
        re.compile(d["situation"], re.I),
        re.compile(d["lead"], re.I),
        tuple(re.compile(p, re.I) for p in d["picks"]),
        content(" ".join(d["cue_words"])),
        frozenset(d["generic"]),
    )


class Choice(NamedTuple):
    claim: Claim
    situation: frozenset[str]  # content words of the situation, its cue words left out
    pick: str  # what the rule picks, as written
    pick_words: frozenset[str]  # its words, lower case, generic words left out
    said: str = ""  # the situation as written


def choice(claim: Claim) -> Choice | None:
    """The choice a rule settles, or None: no situation in which more than one answer fits, or no pick. Two people's
    differing answers settled by a ruling ("the senior taster decides") are the disagreement reader's, which reads
    which answers they are about (``disagreement_rulings``)."""
    w, text = _words(), unquoted(claim.text)
    if read_ruling(text, claim.rule.context or "") is not None:
        return None
    lead = w.lead.match(text)
    situations = [x for x in (lead.group("s") or lead.group("t"), lead.group("u")) if x] if lead else []
    if claim.rule.context:
        situations.append(claim.rule.context)  # the FAQ question the rule answers
    said = next((s for s in situations if w.situation.search(s)), None)
    if said is None:
        return None
    main = (
        claim.text[lead.end() :] if lead else claim.text
    )  # a quoted option is a pick ("select “No preference”")
    pick = _pick(main)
    if pick is None or _TO_DO.search(pick) or _CLAUSE.match(pick):
        # "Use RGB to find the defect and thermal to decide": a division of work, not one pick; "regrade a pick if
        # they think the grade is wrong", "... so the annotator sees why": a case or a purpose, not what is picked
        return None
    words = frozenset(t.lower() for t in re.findall(r"[\w'-]+", pick)) - w.generic
    said_all = " ".join(situations)
    situation = content(said_all + " " + " ".join(_PREFIXED.findall(said_all))) - w.cue_words
    return Choice(claim, situation, pick, words, said_all) if words and situation else None


_TO_DO = re.compile(r"\bto\s+[a-z]+\b", re.I)
_CLAUSE = re.compile(r"(?:if|when|whenever|unless|so|because|since|as|while|until)\b", re.I)
# "Multi-category clips": the clips of more than one category.
_PREFIXED = re.compile(r"\b(?:multi|cross|inter)-([a-z]{3,})", re.I)


def _pick(main: str) -> str | None:
    """What the main clause picks: the first pick pattern that matches, its `x` trimmed of a trailing reason."""
    for rx in _words().picks:
        # "Don't use Unclear here": a choice turned down is no pick
        m = next((m for m in rx.finditer(main) if not _TURNED_DOWN.search(main[: m.start()])), None)
        if m is not None:
            return m.group("x").strip(" ,;:.\"'“”")
    return None


_TURNED_DOWN = re.compile(r"(?:\bdo\s+not|\bdon[’']t|\bnever|\bnot)\s*$", re.I)


def _meet(x: Choice, y: Choice) -> bool:
    """One situation: two of its words shared, or one when a pick of each is named in the other's situation
    ("the thermal and RGB views disagree" / "When the two views disagree ..., trust the thermal view")."""
    shared = x.situation & y.situation
    if len(shared) >= 2 or (shared and x.situation == y.situation):
        return True  # "If two glosses fit equally well" / "When two glosses fit equally well"
    if len(shared) == 1 and shared in (x.situation, y.situation) and _candidates(x, y, next(iter(shared))):
        return True  # "If two codes fit" / "When a worker fits two unsafe-act codes": all one says, the other says
    return bool(shared) and bool(content(x.pick) & y.situation) and bool(content(y.pick) & x.situation)


def _candidates(x: Choice, y: Choice, word: str) -> bool:
    """Both situations count candidates of the one thing they share ("two codes", "two unsafe-act codes"), or both
    say it comes "both" ways; "two glosses fit equally well" and "handshape and movement suggest different glosses"
    are a tie and a disagreement."""
    rx = re.compile(
        rf"\b(?:two|several|multiple|more\s+than\s+one)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(word)}\w*", re.I
    )
    return all(rx.search(c.said) for c in (x, y)) or all(_BOTH.search(c.said) for c in (x, y))


# "a threshold given both ways" / "appears both as a multiple and as ...": one thing that comes two ways.
_BOTH = re.compile(r"\bboth\b", re.I)


def _conflict(x: Choice, y: Choice) -> Conflict | None:
    if x.claim.rule.id == y.claim.rule.id or not _meet(x, y):
        return None
    if not (x.pick_words - y.pick_words) or not (y.pick_words - x.pick_words):
        return None  # the same pick, or one named more fully ("the lower one" / "the lower score")
    a, b = (x, y) if x.claim.rule.id < y.claim.rule.id else (y, x)
    why = (
        f"{quoted(as_read(a.claim.rule))} picks “{a.pick}”, but {quoted(as_read(b.claim.rule))} picks “{b.pick}” "
        "in the same situation."
    )
    spans = find_span(a.claim.rule, a.pick) + find_span(b.claim.rule, b.pick)
    return Conflict("CON005", 0.8, why, spans, False)


def choice_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 (or what explains it away) for every two rules of one project that settle one choice two ways."""
    found = [c for f in claims if not is_example_material(f) and (c := choice(f)) is not None]
    return pairwise(found, lambda c: c.claim, _conflict)


__all__ = ["Choice", "choice", "choice_relations"]
