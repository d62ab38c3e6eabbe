"""One attribute set to two values for the same case (CON003).

"Set the occluded attribute to yes on any structure that is partly hidden by smoke or tree canopy" and "a structure
partly hidden by smoke keeps occluded set to no" give one case two values of one attribute; so do "Mark the
Duplicate flag as yes for a reposted photo" and "a reposted photo has Duplicate set to no". The two sentences rarely
share an act ("set" / "keeps"), and they often sit far apart (the slide and its errata), so every rule of a project
is read for an attribute it sets to a value, and two that set one attribute to two values are compared by the case
around it: they clash when they share at least two words of the case and neither names the opposite of the other's
case ("a structure with no smoke over it") or the opposite degree ("a minor injury" / "a major injury"). Patterns
are data (``data/contradictions.toml``, [set_values]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data, lexicon, stem
from .proposition import is_example_material
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted


class _Words(NamedTuple):
    patterns: tuple[re.Pattern[str], ...]
    negations: re.Pattern[str]
    generic: frozenset[str]  # stems of words that name no case: "attribute", "set", "value"
    shared: int  # case words two readings must share


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["set_values"]
    return _Words(
        tuple(re.compile(p, re.I) for p in d["patterns"]),
        re.compile(d["negations"], re.I),
        frozenset(map(stem, d["generic"])),
        int(d["shared"]),
    )


class Setting(NamedTuple):
    """An attribute one rule sets to a value, and the words of the case it sets it for."""

    claim: Claim
    attribute: str  # as written, lower case: "occluded"
    value: str  # lower case: "yes"
    span: str  # the words that set it
    case: frozenset[str]  # content stems of the rest of the sentence
    negated_case: bool  # the case names a negation ("a structure with no smoke")


def setting(claim: Claim) -> Setting | None:
    """The attribute a rule sets to a value, or None."""
    text = unquoted(claim.text)
    w = _words()
    m = next((m for rx in w.patterns if (m := rx.search(text))), None)
    if m is None:
        return None
    attribute, value = m.group("a").lower(), m.group("v").lower().strip("\"'“”")
    rest = text[: m.start()] + " " + text[m.end() :]
    case = content(rest) - content(attribute) - content(value) - w.generic
    return Setting(claim, attribute, value, m.group(0).strip(), case, bool(w.negations.search(rest)))


def _degrees_apart(x: Setting, y: Setting) -> bool:
    """ "a minor injury" and "a major injury" are two cases however many other words they share."""
    return any(
        (a in x.case and b in y.case) or (b in x.case and a in y.case) for a, b in lexicon().case_opposites
    )


def _conflict(x: Setting, y: Setting) -> Conflict | None:
    if x.attribute != y.attribute or x.value == y.value or stated_together(x.claim.rule, y.claim.rule):
        return None
    if x.negated_case != y.negated_case or len(x.case & y.case) < _words().shared or _degrees_apart(x, y):
        return None  # another case, or too little of one case named by both
    why = (
        f"{quoted(as_read(x.claim.rule))} sets {x.attribute} to {x.value} (“{x.span}”), but "
        f"{quoted(as_read(y.claim.rule))} sets it to {y.value} (“{y.span}”) for the same case."
    )
    spans = find_span(x.claim.rule, x.span) + find_span(y.claim.rule, y.span)
    return Conflict("CON003", 0.75, why, spans, False, categorical=True)


def set_value_relations(claims: list[Claim]) -> list[Relation]:
    """CON003 (or what explains it away) for two rules that set one attribute to two values for one case."""
    found = [s for c in claims if not is_example_material(c) and (s := setting(c)) is not None]
    return pairwise(found, lambda s: s.claim, _conflict)


__all__ = ["Setting", "set_value_relations", "setting"]
