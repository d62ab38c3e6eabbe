"""A ban on looking things up outside the task, and a later answer that allows it (CON001).

"Do not leave the rating tool to research an item - no web searches, no visiting the retailer's site" and, in the
FAQ, "A quick web search of a brand name printed on the product is fine"; "don't search for the author, open their
profile or follow links" and "it's fine to click through to the profile". Decks ban outside research in the rules
and allow a piece of it in an answer weeks later, in other words, so the two are rarely embedding neighbours: every
ban is compared with every permission of the deck that names the same kind of source (a search, a site, a
profile, a link, another chatbot; "outside resources" names them all). A permission that states itself as the
exception ("the only exception", "unless") is the deck settling the case. Words are data
(``data/contradictions.toml`` [outside_research]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim
from .lexicon import data
from .proposition import is_example_material, sanctions
from .relate import Relation, unless_updated
from .rest_cases import only_for_another_case
from .text import as_read, quoted


class _Words(NamedTuple):
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    excepting: re.Pattern[str]
    denied: re.Pattern[str]
    ban_acts: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["outside_research"]
    kinds = {k: v.replace("VERB", d["verbs"]) for k, v in d["kinds"].items()}
    return _Words(
        tuple((k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in kinds.items()),
        re.compile(d["excepting"], re.I),
        re.compile(d["denied"], re.I),
        frozenset(d["ban_acts"]),
    )


_NEGATED = re.compile(r"\b(?:no|not|never|don['’]t|do\s+not)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def sources(text: str) -> frozenset[str]:
    """The kinds of outside source a sentence speaks of consulting."""
    return frozenset(k for k, rx in _words().kinds if rx.search(text))


def _banned_outright(text: str) -> bool:
    """A mention of consulting a source right after a negation ("no web searches", "never visit the site"): a ban
    inside a sentence whose own force is another ("Judge each card only on what the tool shows; no web ..."). A step
    done "without opening any links" says how to do that step ("Read the answer once, from top to bottom, without
    opening any links"), not that the links stay closed for the whole task."""
    return any(
        _NEGATED.search(text[max(0, m.start() - 30) : m.start()])
        for _, rx in _words().kinds
        for m in rx.finditer(text)
    )


def _ban(c: Claim) -> bool:
    """A ban on consulting: a prohibition whose act is one of looking, using or leaving the tool ("Don't look
    anything up outside the task tool"), or a source named right after a negation. "Outside sources disagree with
    each other, and we can't audit what you saw there" gives the ban's reason; its "can't" bans no consulting."""
    return (c.deontic == "F" and (c.rule.action or "").lower() in _words().ban_acts) or _banned_outright(
        c.text
    )


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """One kind of source; "outside sources" names every kind but a calculator, which is a tool, not a source."""
    return bool(a & b) or ("outside" in a and bool(b - _TOOLS)) or ("outside" in b and bool(a - _TOOLS))


_TOOLS = frozenset({"calculator"})


def research_relations(claims: list[Claim]) -> list[Relation]:
    """CON001 for every ban on consulting an outside source and a permission of the same kind of source, or an order
    to consult one by a verb of consulting it ("open the link", "look it up on GOV.UK"): "external websites" in an
    order names what an item holds ("If a review links to an external website, reject it"), or the ban's sanction
    ("Tasks completed with an outside tool are rejected", "Tasks whose log shows a visit to a price-lookup site are
    rejected and not paid": an order whose act is a sanction sanctions the consulting it names)."""
    read = [
        (c, found)
        for c in claims
        if c.deontic in ("F", "P", "O") and not c.rule.is_example and not is_example_material(c)
        for found in (sources(c.text),)
        if found
    ]
    bans = [(c, s) for c, s in read if _ban(c) and not c.exception]
    w = _words()
    allows = [  # a permission, or an order to consult it ("look it up on GOV.UK before you score")
        (c, s if c.deontic == "P" else s - {"outside"})
        for c, s in read
        if (
            c.deontic == "P"
            or (c.deontic == "O" and s - {"outside"} and not _banned_outright(c.text) and not sanctions(c))
        )
        and not (w.excepting.search(c.text) or w.denied.search(c.text))
    ]
    out = []
    for ban, bs in bans:
        for allow, as_ in allows:
            if (
                _shared(bs, as_)
                and same_project(ban.rule, allow.rule)
                and not only_for_another_case(allow, ban)
            ):
                kind = sorted((bs & as_) or (bs | as_) - {"outside"} or {"outside"})[0]
                why = (
                    f"{quoted(as_read(ban.rule))} forbids consulting an outside {'source' if kind == 'outside' else kind}, but "
                    f"{quoted(as_read(allow.rule))} {'allows' if allow.deontic == 'P' else 'asks for'} it."
                )
                out.append(unless_updated("CON001", ban, allow, 0.75, why, []))
    return out


__all__ = ["research_relations", "sources"]
