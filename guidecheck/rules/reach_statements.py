"""Rules that state the reach of another rule, without a modal: which cases a limit, a window or a tally covers.

"The two-hour hold applies to every batch regardless of size", "No grace period applies to reviewers", "Every skip
counts toward that figure", "Gold misses in a new reviewer's first 50 adjudications do not count toward the 85%
floor", "A high agreement rate does not exempt anyone from the weekly quiz". Decks state their exceptions, and the
refusals of them, this way as often as with "must"; read as background, an exception granted in one place and
refused in another had no rule on the refusing side. The predicate decides, never one word: a verb of reach ("apply",
"hold") to every case or to a class its subject shuts out ("No grace period"), a tally verb ("count") toward
something, or an exempting verb with its object. The subject must be generic, as for every modal-free rule
(``predicate_parts.generic``). Words: ``data/rules.toml [descriptive]`` (``reach_*``).
"""

from __future__ import annotations

from collections.abc import Collection

from .clauses import is_subordinate
from .context import Detection
from .predicate_parts import generic, negated, subject, tense, words


def _every(prep) -> bool:
    """'to every batch', 'to everyone', 'for all raters', 'to any format we rate'."""
    w = words()
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lower_ in w["reach_everyone"]:
            return True
        if any(c.dep_ == "det" and c.lower_ in w["reach_determiners"] for c in obj.children):
            return True
    return False


def _shut_out(subj) -> bool:
    """'No grace period', 'No exception': a subject that says nothing of its kind applies."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _universal(subj) -> bool:
    """'Every skip', 'All gold misses', 'Each late task': a subject that takes in every case of its kind."""
    return any(c.dep_ == "det" and c.lower_ in words()["reach_determiners"] for c in subj.children)


def _preps(verb, names: Collection[str]) -> list:
    """The verb's prepositions of ``names``, also where the parser hung them on its object ("does not exempt anyone
    from the quiz")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in names]


def reach(verb, covered: set[int]) -> Detection | None:
    """The rule a reach, tally or exempting predicate states, or None."""
    w = words()
    subj, when = subject(verb), tense(verb)
    if subj is None or when is None or verb.i in covered or is_subordinate(verb):
        return None
    shut = _shut_out(subj)
    if not (generic(subj) or shut):
        return None
    lemma = verb.lemma_.lower()
    # "No grace period applies" is negated by its subject, which is what it says
    if lemma in w["reach_verbs"] and (shut or not negated(verb)):
        preps = _preps(verb, ["to", "for"])
        if preps and (shut or any(_every(p) for p in preps)):
            return Detection("obligation", "must", False, "descriptive (reach)", verb)
    if lemma in w["reach_tally_verbs"] and _preps(verb, w["reach_tally_preps"]):
        if negated(verb):  # "do not count toward the floor": those cases are let off it
            return Detection("permission", "may", True, "descriptive (tally exemption)", verb)
        # "Every skip counts toward the figure"; "Duplicates count once toward it" says how the tool tallies
        if _universal(subj):
            return Detection("obligation", "must", False, "descriptive (tally)", verb)
    if lemma in w["reach_exempting_verbs"] and _preps(verb, ["from"]):
        if negated(verb):  # "does not exempt anyone from the quiz": every case stays held to it
            return Detection("obligation", "must", False, "descriptive (no exemption)", verb)
        return Detection("permission", "may", True, "descriptive (exempting)", verb)
    return None


__all__ = ["reach"]
