"""Two rules that name their things apart: no clash over them, whatever the acts.

A ban and an obligation with one verb and one head noun still speak of different things when each enumerates its
members and the lists share none ("Draw the remaining field boxes: store name, date, subtotal" / "Boxes are not
drawn for barcodes, QR codes or the store's return policy"), or when each places its thing at another point of a
sequence ("Rate the highlighted turn" / "Don't rate the earlier turns"). Patterns and words are data
(``data/contradictions.toml`` [distinct_things]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .claims import Claim, unquoted
from .lexicon import content, data, stem


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], frozenset[str]]:
    d = data()["distinct_things"]
    return re.compile(d["members"], re.I), frozenset(stem(w) for w in d["positions"])


_ITEM_BREAK = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def _members(claim: Claim) -> list[frozenset[str]]:
    """The content words of each listed member ("store name", "date", ...), or none without a list."""
    m = _words()[0].search(unquoted(claim.text))
    if m is None:
        return []
    return [w for item in _ITEM_BREAK.split(m.group("list")) if (w := content(item))]


def _shared_member(ma: list[frozenset[str]], mb: list[frozenset[str]]) -> bool:
    """One member named in both lists: the same words, or one's words inside the other's ("tax" / "sales tax")."""
    return any(x <= y or y <= x for x in ma for y in mb)


def _positions(claim: Claim) -> frozenset[str]:
    """Position words right before the first mention of the rule's object ("the highlighted turn")."""
    head = (claim.rule.object or "").split()[-1:] or [""]
    if not head[0].isalpha():
        return frozenset()
    m = re.search(rf"\b(\w+)\s+{re.escape(head[0])}", unquoted(claim.text), re.I)
    return content(m.group(1)) & _words()[1] if m else frozenset()


def _subject_kind(claim: Claim) -> frozenset[str]:
    """The words before the subject's head noun, when the rule's object is its subject ("Non-English messages may
    not be skipped", "Test messages ... are skipped"): which of the things it speaks of."""
    head = (claim.rule.object or "").split()[-1:] or [""]
    m = _SUBJECT.match(unquoted(claim.text))
    if m is None or not head[0].isalpha() or stem(m.group("head").lower()) != stem(head[0].lower()):
        return frozenset()
    return content(m.group("kind").replace("-", " "))


# A subject of one to three words before its head noun and the verb: "Non-English messages may", "Test messages sent".
_SUBJECT = re.compile(
    r"^\s*(?P<kind>(?:[\w'’-]+\s+){1,3}?)(?P<head>[a-z]+)\s+(?:may|must|can|should|are|is|will|get|sent)\b"
)


def named_apart(fa: Claim, fb: Claim) -> bool:
    """Each rule lists its members and no member is shared, each places its thing elsewhere in a sequence, or each
    names its own kind of the thing as the subject ("Non-English messages" / "Test messages")."""
    ma, mb = _members(fa), _members(fb)
    if len(ma) > 1 and len(mb) > 1 and not _shared_member(ma, mb):
        return True
    pa, pb = _positions(fa), _positions(fb)
    if pa and pb and not (pa & pb):
        return True
    ka, kb = _subject_kind(fa), _subject_kind(fb)
    return bool(ka and kb and not (ka & kb))


__all__ = ["named_apart"]
