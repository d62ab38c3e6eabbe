"""Two rules that name their things apart: no clash over them, whatever the acts.

A ban and an obligation with one verb and one head noun still speak of different things when each enumerates its
members and the lists share none ("Draw the remaining field boxes: store name, date, subtotal" / "Boxes are not
drawn for barcodes, QR codes or the store's return policy"), or when each places its thing at another point of a
sequence ("Rate the highlighted turn" / "Don't rate the earlier turns"), or qualify the thing their subjects' cases
name by words the other lacks ("Photos that carry a date or time watermark" / "Photos that carry a stock-photo
watermark"), or by what the reader does with it ("a show you host" / "shows you listen to as a fan"). Patterns and
words are data
(``data/contradictions.toml`` [distinct_things]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .claims import Claim, unquoted
from .lexicon import content, data, stem
from .text import LIST_BREAK


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    d = data()["distinct_things"]
    return (
        re.compile(d["members"], re.I),
        frozenset(stem(w) for w in d["positions"]),
        frozenset(d["modifier_stops"]),
    )


def _members(claim: Claim) -> list[frozenset[str]]:
    """The content words of each listed member ("store name", "date", ...), or none without a list."""
    m = _words()[0].search(unquoted(claim.text))
    if m is None:
        return []
    return [w for item in LIST_BREAK.split(m.group("list")) if (w := content(item))]


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


# The case a rule's subject names: "Photos that carry a date or time watermark from the phone camera should ...",
# "Clips with a stock-photo watermark must ...".
_SUBJECT_KIND = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:that|which|who|whose|with|showing|containing)\s+(?P<case>[^,;:()]{3,80}?)"
    r"(?=\s*[,;:(]|\s+(?:should|must|may|can|cannot|can't|are|is|will|need|needs|get|gets)\b)",
    re.I,
)


def _modifiers(words: list[str], at: int) -> frozenset[str]:
    """The words before ``words[at]`` that say which kind of it: "a date or time watermark" -> date, time."""
    out = []
    for w in reversed(words[max(0, at - 4) : at]):
        if w in _words()[2]:
            break
        out.append(w)
    return frozenset(w for w in out if w not in ("or", "and"))


def _case_kinds_apart(fa: Claim, fb: Claim) -> bool:
    """The two subjects name different kinds of one thing ("Photos that carry a date or time watermark" / "Photos
    that carry a stock-photo watermark"): each case qualifies the thing both name, and by words the other lacks."""
    ma, mb = _SUBJECT_KIND.match(fa.text), _SUBJECT_KIND.match(fb.text)
    if ma is None or mb is None:
        return False
    wa, wb = (re.findall(r"[\w'’-]+", m.group("case").lower()) for m in (ma, mb))
    for i, w in enumerate(wa):
        if len(w) < 3 or w in _words()[2] or w not in wb:
            continue
        a, b = _modifiers(wa, i), _modifiers(wb, wb.index(w))
        if a and b and not ({stem(x) for x in a} & {stem(x) for x in b}):
            return True
    return False


# A thing and the case a clause with a personal subject names on it: "episodes of a show you host, produce or work
# on", "shows you simply listen to as a fan".
_PERSON_CASE = re.compile(r"\b(?P<noun>[A-Za-z][\w-]+)\s+(?:you|they|we)\s+(?P<case>[^,;:.()]{3,60})", re.I)


def _person_cases_apart(fa: Claim, fb: Claim) -> bool:
    """Both rules name a case of one thing by what the reader does with it, and the cases share no word ("a show you
    host, produce or work on" / "shows you simply listen to as a fan"): two cases."""
    ca = {stem(m.group("noun").lower()): content(m.group("case")) for m in _PERSON_CASE.finditer(fa.text)}
    for m in _PERSON_CASE.finditer(fb.text):
        case = ca.get(stem(m.group("noun").lower()))
        if case and (other := content(m.group("case"))) and not case & other:
            return True
    return False


def named_apart(fa: Claim, fb: Claim) -> bool:
    """Each rule lists its members and no member is shared, each places its thing elsewhere in a sequence, or each
    names its own kind of the thing as the subject ("Non-English messages" / "Test messages") or in the case its
    subject names ("Photos that carry a date watermark" / "Photos that carry a stock-photo watermark")."""
    ma, mb = _members(fa), _members(fb)
    if len(ma) > 1 and len(mb) > 1 and not _shared_member(ma, mb):
        return True
    pa, pb = _positions(fa), _positions(fb)
    if pa and pb and not (pa & pb):
        return True
    ka, kb = _subject_kind(fa), _subject_kind(fb)
    return bool(ka and kb and not (ka & kb)) or _case_kinds_apart(fa, fb) or _person_cases_apart(fa, fb)


def heads_qualified_apart(fa: Claim, fb: Claim) -> bool:
    """Both rules qualify the thing they share by words the other rule never uses ("Red digits on a water meter are
    never entered" / "enter the five black digits before the decimal point"): two kinds of one thing."""
    head = _object_head(fa)
    if not head or head != _object_head(fb):
        return False
    mods = []
    for claim in (fa, fb):
        words = re.findall(r"[\w'’-]+", unquoted(claim.text).lower())
        at = next((i for i, w in enumerate(words) if stem(w) == head), None)
        mods.append({stem(w) for w in _modifiers(words, at)} if at is not None else set())
    ma, mb = mods
    return bool(ma and mb) and not (ma & fb.everything or mb & fa.everything or ma & mb)


def _object_head(claim: Claim) -> str:
    """The stem of the last word of the rule's object, as written ("" without one)."""
    words = (claim.rule.object or "").split()
    return stem(words[-1].lower()) if words else ""


__all__ = ["heads_qualified_apart", "named_apart"]
