"""Copying text word for word into a field, required by one rule and forbidden by another (CON018).

"Your comment must quote the exact sentence from the summary that contains the error" and "Never copy text from
the claim record or the summary into the comment box" cannot both be followed: the quote is a copy. The two
sentences name the copied thing differently (a sentence, a phrase, text) and are seldom embedding neighbours, so
every rule of a project that requires or forbids copying into a named field (a comment, a rationale, a note, the
Evidence field) is compared with every other that names the same field. Words are data
(``data/contradictions.toml``, [verbatim]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted


class _Words(NamedTuple):
    copy: re.Pattern[str]
    destination: re.Pattern[str]
    wholesale: re.Pattern[str]
    kept_out: re.Pattern[str]
    links: re.Pattern[str]
    wholesale_copy: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["verbatim"]
    fields = "|".join(sorted(map(re.escape, d["fields"]), key=len, reverse=True))
    return _Words(
        re.compile(d["copy"], re.I),
        re.compile(d["destination"].replace("FIELDS", fields), re.I),
        re.compile(d["wholesale"], re.I),
        re.compile(d["kept_out"], re.I),
        re.compile(d["links"], re.I),
        re.compile(d["wholesale_copy"], re.I),
    )


class Copying(NamedTuple):
    claim: Claim
    required: bool
    fields: frozenset[str]
    words: str  # the copying words, for the message
    links: bool  # what is copied is a link or URL, not the source's words


def copying(claim: Claim) -> Copying | None:
    """The copying into a field a rule requires or forbids, or None."""
    if claim.deontic not in ("O", "F"):
        return None
    text = unquoted(claim.text)
    kept_out = _words().kept_out.search(
        text
    )  # "keep the wording out of the comment box": a ban, whatever the force
    m = kept_out or _words().copy.search(text)
    required = claim.deontic == "O" and kept_out is None
    if m is None or (not required and _words().wholesale.search(text[m.start() : m.end() + 30])):
        return None  # "Don't paste whole passages ...": a ban on copying wholesale leaves a short quote
    # the field the text goes to, or the one that must quote; singular ("note", not the stem "not")
    found = _words().destination.finditer(text)
    fields = frozenset((f.group("field") or f.group("field2")).lower().rstrip("s") for f in found)
    links = (
        _words().links.search(text) is not None
    )  # "backed by a link to the source, pasted into the rationale"
    return Copying(claim, required, fields, m.group(0), links) if fields else None


def _copied(claim: Claim) -> tuple[bool, bool] | None:
    """Whether a rule's copying is wholesale ("whole stretches of the transcript") and of links, or None when it
    names no copying."""
    text = unquoted(claim.text)
    links = _words().links.search(text) is not None
    if _words().wholesale_copy.search(text):
        return True, links
    m = _words().copy.search(text)
    if m is None:
        return None
    return _words().wholesale.search(text[m.start() : m.end() + 30]) is not None, links


def leaves_the_copy_allowed(pos: Claim, neg: Claim) -> bool:
    """A ban on copying wholesale or on pasting links leaves a short quote of the source's words allowed, whichever
    reading pairs the two rules ("Don't paste whole stretches of the transcript into the rationale" / "In the
    rationale, quote the exact line"): the field need not be named for the copying words to tell the scope."""
    required, banned = _copied(pos), _copied(neg)
    if required is None or banned is None:
        return False
    return (banned[0] and not required[0]) or banned[1] != required[1]


def _conflict(x: Copying, y: Copying) -> Conflict | None:
    if x.required == y.required or not x.fields & y.fields or x.links != y.links:
        return None
    req, ban = (x, y) if x.required else (y, x)
    why = (
        f"{quoted(as_read(req.claim.rule))} requires copying text into the {min(req.fields & ban.fields)} "
        f"(“{req.words}”), but {quoted(as_read(ban.claim.rule))} forbids it (“{ban.words}”)."
    )
    spans = find_span(x.claim.rule, x.words) + find_span(y.claim.rule, y.words)
    return Conflict("CON018", 0.8, why, spans, False, categorical=True)


def verbatim_relations(claims: list[Claim]) -> list[Relation]:
    """CON018 (or what explains it away) for a rule that requires copying into a field and one that forbids it."""
    found = [c for c in map(copying, (c for c in claims if not is_example_material(c))) if c is not None]
    return pairwise(found, lambda c: c.claim, _conflict)


__all__ = ["Copying", "copying", "leaves_the_copy_allowed", "verbatim_relations"]
