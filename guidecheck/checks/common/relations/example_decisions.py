"""A worked example whose decision on the item is the opposite of the one a rule gives its case (CON008).

Moderation and review decks decide an item with a verb rather than a label: "Photos with any visible watermark are
rejected under R4" / an example of a photo with a small logo whose verdict reads "Verdict: approve and tag WET".
The rule's decision is its passive ("are rejected") or its imperative ("Reject a clip as Unusable if ..."); the
example's is the first word of its verdict line ("Verdict: approve", "Verdict: Accept - ...", "accept as
written"). The two sides of a decision are data (``data/contradictions.toml`` [decisions]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim
from .example_cases import names_case, states_condition
from .example_excuses import breaks
from .lexicon import data
from .relate import Relation
from .text import as_read, quoted


class _Decisions(NamedTuple):
    side: dict[str, str]  # a decision word as written -> "keep" or "drop"
    rule: re.Pattern[str]
    verdict: re.Pattern[str]


@lru_cache(maxsize=1)
def _decisions() -> _Decisions:
    d = data()["decisions"]
    side = {w: s for s in ("keep", "drop") for w in d[s]}
    words = "|".join(sorted(map(re.escape, side), key=len, reverse=True))
    return _Decisions(
        side,
        re.compile(d["rule"].replace("DECISION", words), re.I),
        re.compile(d["verdict"].replace("DECISION", words), re.I),
    )


def decision_words() -> list[str]:
    """Every word of either side of a decision."""
    return list(_decisions().side)


def rule_decision(r: Claim) -> tuple[str, tuple[int, int]] | None:
    """The side a rule decides its case on ("keep" / "drop") and where it says so, for a rule that requires it."""
    if r.deontic != "O":
        return None
    m = _decisions().rule.search(r.text)
    if m is None:
        return None
    group = "d" if m.group("d") else "i"
    return _decisions().side[m.group(group).lower()], m.span(group)


def verdict_decision(text: str) -> tuple[str, tuple[int, int]] | None:
    """The side an example's verdict line decides on, and where it says so."""
    m = _decisions().verdict.search(text)
    return (_decisions().side[m.group("d").lower()], m.span("d")) if m else None


def decision_clash(
    claims: list[Claim], everything: frozenset[str], r: Claim, cover: float
) -> Relation | None:
    """The example (its sentences ``claims``, its words ``everything``) decides its item the other way from the rule
    it is a case of: the rule names a case ("Photos with any visible watermark ... are rejected"), the example
    states it, and its verdict line takes the other side ("Verdict: approve and tag WET")."""
    decided = rule_decision(r)
    said = " ".join(f.text for f in claims)
    if decided is None or cover < 0.6 or not names_case(r) or not states_condition(everything, r, said):
        return None
    given = next(((f, v) for f in claims if (v := verdict_decision(f.text))), None)
    if given is None or given[1][0] == decided[0]:
        return None
    ef, (_, span) = given
    text = " ".join(f.text for f in claims)
    why = (
        f"The example {quoted(text)} decides {quoted(ef.text[slice(*span)])}, but {quoted(as_read(r.rule))} "
        f"decides {quoted(r.text[slice(*decided[1])])} for this case."
    )
    return breaks(r, ef, 0.55 + 0.3 * cover, why, decided[1], span)


__all__ = ["decision_clash", "decision_words", "rule_decision", "verdict_decision"]
