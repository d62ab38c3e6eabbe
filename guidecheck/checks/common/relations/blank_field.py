"""A field one rule fills and another rule leaves blank (CON001).

"Paste the order number from the chat into the Order ID field before you submit" and "Annotators must leave the
Order ID field blank, because the tool fills it in" ask the same reader for opposite things, in words that share
no act: one names what goes into the field, the other names the field's state. Both must be obligations of the
same addressee and name the same field; their conditions decide as for any conflict (a rule for a narrower case
is an exception). Patterns are data (``data/contradictions.toml``, [blank_field]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .addressee import addressee
from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, data
from .reservations import names_people
from .text import as_read, find_span, quoted


class Words(NamedTuple):
    blank: tuple[re.Pattern[str], ...]
    fill: tuple[re.Pattern[str], ...]
    blank_banned: tuple[re.Pattern[str], ...]  # "Do not enter anything in the X box": blank, in a prohibition


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["blank_field"]
    return Words(*(tuple(re.compile(x, re.I) for x in d[k]) for k in ("blank", "fill", "blank_banned")))


def fill_patterns() -> tuple[re.Pattern[str], ...]:
    """What puts something into a field ("fill in the Order ID field", "a note in the Comment field"): the fields a
    rule fills, also read by ``empty_value`` as fields never left unset."""
    return _words().fill


class Field(NamedTuple):
    text: str  # as written: "Order ID field"
    words: frozenset[str]
    head: str  # its last content word: "field"


@lru_cache(maxsize=1 << 16)
def _field(rx: re.Pattern[str], text: str) -> Field | None:
    """The field the text names in ``rx``'s place, read once per rule (every pair the rule is in asks)."""
    m = rx.search(unquoted(text))
    if m is None:
        return None
    name = _OF_PLACE.sub(r"\1", m.group("x").strip())
    words = content(name)
    head = next((w for w in reversed(name.split()) if content(w)), None)
    return Field(name, words, sorted(content(head))[0]) if words and head else None


# Where a named field sits is not its name: "the Site field of the header" is the Site field.
_OF_PLACE = re.compile(r"\b(field|box|column|checkbox|selector|dropdown)s?\s+(?:of|in|on|at)\s+.*$", re.I)


def _same_field(a: Field, b: Field) -> bool:
    """The same field: each names the other's head word, and most of the smaller name is in the other; or one names
    the field by what it holds ("write a comment" / "the comment field")."""
    shared = a.words & b.words
    if a.head in b.words and b.head in a.words and len(shared) / min(len(a.words), len(b.words)) >= 0.5:
        return True
    held_a, held_b = a.words - _CONTAINERS, b.words - _CONTAINERS
    return bool(held_a) and held_a == held_b and (a.words != held_a) != (b.words != held_b)


_CONTAINERS = frozenset(content("field box"))


def _one_reader(fa: Claim, fb: Claim) -> bool:
    """Both rules ask the same person: the same addressee, or one rule's subject is a thing, not a person ("Every
    Refuse needs a safe alternative typed into the Rewrite field" asks the rater who gives the Refuse)."""
    return addressee(fa) == addressee(fb) or _item_needs(fa) or _item_needs(fb)


def _item_needs(claim: Claim) -> bool:
    """What every item of a kind needs ("Every Refuse needs ...", "Each flagged clip requires ..."): the rater's
    duty, not a thing's doing ("the tool fills it in")."""
    return bool(_EVERY_ITEM_NEEDS.match(claim.text)) and not names_people(addressee(claim) or "")


_EVERY_ITEM_NEEDS = re.compile(
    r"^\s*(?:every|each|any|all)\s+(?:[\w-]+\s+){1,3}?(?:needs?|requires?|must\s+have|gets?)\b", re.I
)


def _case_named_by_both(fa: Claim, fb: Claim) -> bool:
    """The one rule's condition is a case the other names too ("For every item you label Do Not Send, write ..." /
    "The Suggested Rewrite field must be left blank on Do Not Send items"): no narrower case, no exception. Most of
    the condition's words, at least two, are in the other rule."""
    if bool(fa.condition_text) == bool(fb.condition_text):
        return False
    cased, other = (fa, fb) if fa.condition_text else (fb, fa)
    words = content(cased.condition_text)
    shared = words & content(other.text)
    return len(shared) >= 2 and 2 * len(shared) >= len(words)


def blank_field_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` when one obligation fills a field that another leaves blank, or bans filling at all."""
    if {fa.deontic, fb.deontic} - {"O", "F"} or not _one_reader(fa, fb):
        return None
    w = _words()
    for blanking, filling in ((fa, fb), (fb, fa)):
        if filling.deontic != "O":
            continue
        blanks = w.blank if blanking.deontic == "O" else w.blank_banned
        blank = next((f for rx in blanks if (f := _field(rx, blanking.text))), None)
        fill = next((f for rx in w.fill if (f := _field(rx, filling.text))), None)
        if blank is None or fill is None:
            continue
        if not _same_field(blank, fill):
            continue
        why = f"{quoted(as_read(filling.rule))} fills “{fill.text}”, but {quoted(as_read(blanking.rule))} leaves it blank."
        spans = find_span(filling.rule, fill.text) + find_span(blanking.rule, blank.text)
        return Conflict("CON001", 0.85, why, spans, not _case_named_by_both(fa, fb), categorical=True)
    return None


__all__ = ["blank_field_conflict", "fill_patterns"]
