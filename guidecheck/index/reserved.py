"""Candidate pairs for acts a deck reserves to a group.

"Only QA leads can reopen a document after it has been submitted" and "Annotators can now reopen any of their own
submitted documents from the History tab ..." share one verb and little else, so neither the embeddings nor a
blocking key put them side by side. A reservation is rare (a few per deck), so each is paired with every rule
that names its verb in any form (reopen, reopens, reopened, reopening) or a synonym the relation reader knows
(change / edit): at most MAX_PER_ACT rules each. The reservation forms are the ones the CON011 reader uses
(``data/contradictions.toml`` [restriction]).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import Rule

MAX_PER_ACT = 200
_WORD = re.compile(r"[A-Za-z]+")
_ENDINGS = ("", "s", "es", "d", "ed", "ing")


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(
        resources.files("guidecheck").joinpath("data/contradictions.toml").read_text("utf-8")
    )


@lru_cache(maxsize=1)
def reservation_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two forms of a reservation, "Only <group> can <act> ..." and "<Acting> ... is reserved for <group>";
    the CON011 reader matches the same two."""
    only, reserved = (re.compile(_data()["restriction"][name], re.I) for name in ("only", "reserved"))
    return only, reserved


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Verb -> the verbs that name one act with it (change / edit / modify), as the relation reader has them."""
    return {v: frozenset(group) for group in _data()["words"]["act_synonyms"] for v in group}


def act_bases(act: str) -> set[str]:
    """The verb a reserved act names: "reopen", or a gerund's base ("adding" -> add, "changing" -> change)."""
    act = act.lower()
    if not act.endswith("ing") or len(act) < 6:
        return {act}
    stem = act[:-3]
    bases = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.add(stem[:-1])
    return bases


def reserved_act(text: str) -> set[str] | None:
    """The verb forms of the act a rule reserves to a group, or None when it reserves none."""
    for rx in reservation_patterns():
        m = rx.match(text)
        if m:
            bases = act_bases(m.group("act"))
            bases |= {v for b in bases for v in _synonyms().get(b, ())}
            return {b + e for b in bases for e in _ENDINGS}
    return None


def reserved_act_pairs(
    rules: list[Rule], may_meet: Callable[[int, int], bool] | None = None
) -> list[tuple[int, int]]:
    """(a, b) index pairs, a < b: each reserving rule with the rules that name its act (and that ``may_meet``
    it: a rule of another project never takes one of the MAX_PER_ACT places)."""
    reserving = [(i, forms) for i, r in enumerate(rules) if (forms := reserved_act(r.text))]
    if not reserving:
        return []
    words = [{w.lower() for w in _WORD.findall(r.text)} for r in rules]  # once, not once per reservation
    out: set[tuple[int, int]] = set()
    for i, forms in reserving:
        naming = [
            j for j, ws in enumerate(words) if j != i and forms & ws and (may_meet is None or may_meet(i, j))
        ]
        out.update((min(i, j), max(i, j)) for j in naming[:MAX_PER_ACT])
    return sorted(out)
