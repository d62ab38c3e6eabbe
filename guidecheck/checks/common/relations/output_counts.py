"""How long the written output may be and which elements it has, read as bounds that can be compared across units.

"Four sections of at least 60 words each" bounds the whole text to at least 240 words, so it cannot meet "200
words or fewer"; "two paragraphs of four sentences each" needs eight sentences, so not "five sentences at most";
"at least 400 words" needs at least 799 characters (one-letter words and the spaces between them), so not "under
700 characters"; "exactly four bullet points" needs a list, so not "no bullet points, numbered lists or tables".
Each rule gives bounds on the whole output per unit (``Bound``); the only conversions used are ones no text can
escape (a word has at least one character, a sentence at least one word, a bullet point makes a list). A count
per item ("each tweet is one sentence") is a bound on that item and is compared only with another bound on the
same item. Unit names and cue words live in data/contradictions.toml [output_counts].
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ....rules.quantities import changed_before, number_words
from .lexicon import data, phrase_pattern
from .output_phrases import mention_polarity

_AT_LEAST = ("least", "minimum", "more than", "longer than", "over", "exceed", "above", "past")
_AT_MOST = ("most", "maximum", "up to", "under", "fewer than", "less than", "shorter than", "below", "max")
_WRITING = re.compile(
    r"\b(?:write|use|give|list|provide|include|present|format|put|return|structure|organi[sz]e|show|display|"
    r"lay out|arrange|add|summari[sz]e|compare|place|insert|start with|begin with|open with|asks? for|asked for|"
    r"wants?)\b",
    re.I,
)
_COMPARATIVES = frozenset(["more", "fewer", "less", "longer", "shorter", "later", "other", "matter"])
_FUNCTION_WORDS = frozenset(
    ["with", "of", "in", "for", "to", "at", "on", "by", "and", "or", "the", "a", "an", "one"]
)


@dataclass(frozen=True)
class Bound:
    scope: str  # "" for the whole output, else the item the bound is per ("tweet", "section")
    unit: str  # canonical unit: "word", "character", "sentence", "bullet", "table", ...
    lo: float
    hi: float
    text: str  # the words the bound was read from


@dataclass(frozen=True)
class _Cues:
    units: dict[str, str]
    unit_rx: str
    numbers: dict[str, float]
    count: re.Pattern[str]
    per_item: re.Pattern[str]
    zero: re.Pattern[str]
    zero_units: frozenset[str]
    only: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    presence: re.Pattern[str]
    each: re.Pattern[str]
    governs: re.Pattern[str]
    not_output_after: re.Pattern[str]
    work_before: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = data()["output_counts"]
    numbers = number_words() | {"a single": 1.0}
    units = {form: canon for canon, forms in d["units"].items() for form in forms}
    unit_rx = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    fmt = {"unit": unit_rx, "number": r"\d[\d,]*|" + "|".join(sorted(numbers, key=len, reverse=True))}
    return _Cues(
        units=units,
        unit_rx=unit_rx,
        numbers=numbers,
        count=re.compile(d["count"].format(**fmt), re.I),
        per_item=re.compile(d["per_item"].format(**fmt), re.I),
        zero=re.compile(d["zero"].format(**fmt), re.I),
        zero_units=frozenset(d["zero_units"]),
        only=tuple((re.compile(o["rx"], re.I), tuple(o["units"])) for o in d["only"]),
        presence=re.compile(d["presence"].format(**fmt), re.I),
        governs=re.compile(d["governs"], re.I),
        not_output_after=re.compile(d["not_output_after"].format(**fmt), re.I),
        work_before=re.compile(d["work_before"], re.I),
        each=re.compile(
            r"\b(?:each|every|per|no|any)\s+(?:of\s+the\s+(?:\w+\s+)?)?(?P<item>[a-z][\w-]*)", re.I
        ),
    )


def _num(word: str) -> float:
    word = word.lower().replace(",", "")
    return float(word) if word[:1].isdigit() else cues().numbers.get(word, math.nan)


def _unit(word: str) -> str:
    return cues().units.get(word.lower(), cues().units.get(word.lower().rstrip("s"), ""))


def _interval(m: re.Match[str]) -> tuple[float, float] | None:
    """The values a count allows: "at least 60" [60, inf), "80 or fewer" [0, 80], "20-30", "exactly 4", "4"."""
    n, n2 = _num(m.group("n")), _num(m.group("n2") or "nan")
    pre, post = (m.group("pre") or "").lower(), (m.group("post") or "").lower()
    if math.isnan(n):
        return None
    if not math.isnan(n2):
        return (n, n2)
    if m.group("plus"):
        return (n, math.inf)
    if pre.startswith(("no more", "not more", "no longer", "not longer")):
        return (0.0, n)
    if pre.startswith(("no fewer", "no less", "not fewer", "not less", "no shorter")):
        return (n, math.inf)
    strict = any(w in pre for w in ("than", "over", "under", "exceed", "above", "below", "past"))
    if any(w in post for w in ("no more", "or fewer", "or less", "at most", "max")):
        return (0.0, n) if not any(w in pre for w in _AT_LEAST) else None
    if any(w in pre for w in _AT_LEAST) or "more" in post:
        return (n + (1 if strict else 0), math.inf)
    if any(w in pre for w in _AT_MOST) or any(
        w in post for w in ("fewer", "less", "at most", "no more", "max")
    ):
        return (0.0, n - (1 if strict else 0))
    if any(
        w in pre
        for w in ("capped", "caps", "maxes", "tops", "holds", "fits", "room", "truncates", "limit", "within")
    ):
        return (0.0, n)
    return (n, n)


def _about_output(text: str, m: re.Match[str]) -> bool:
    """A count of the written output, not of the text being annotated ("if one word contains two errors"): it
    has a comparator ("at least", "20-30", "100+", "or fewer") or a writing verb governs it ("write three
    paragraphs", "reply in one sentence", "should contain five items"). A rate ("fewer than one item in twenty") or
    a workload ("120 items per rater", "grade at least 40 citations per week") is neither."""
    if cues().not_output_after.match(text, m.end()) or cues().work_before.search(
        text[max(0, m.start() - 40) : m.start()]
    ):
        return False
    if m.group("pre") or m.group("n2") or m.group("plus") or (m.group("post") or "").strip():
        return True
    return bool(cues().governs.search(text[max(0, m.start() - 50) : m.start()]))


def _per_item(text: str) -> tuple[list[Bound], list[tuple[int, int]]]:
    """Totals from a count of items and a bound per item: "four sections of at least 60 words each"."""
    out, spans = [], []
    for m in cues().per_item.finditer(text):
        items, inner = _num(m.group("items") or m.group("items_b")), _interval(m)
        item, unit = _unit(m.group("item") or m.group("item_b")), _unit(m.group("unit"))
        if inner and item and unit and not math.isnan(items) and item != unit and _about_output(text, m):
            out += [
                Bound("", unit, items * inner[0], items * inner[1], m.group(0)),
                Bound("", item, items, items, m.group(0)),
            ]
            spans.append(m.span())
    return out, spans


def _scope(text: str, start: int) -> str | None:
    """The item a count is per ("Each tweet must be a single sentence" -> tweet), "" for the whole output, None
    when "each" points back at an item this reading cannot name ("7 tips, each with 1-2 sentences")."""
    found = [
        m
        for m in cues().each.finditer(text[:start])
        if not re.search(r"[.;]|,\s*(?:so|and|but)\b", text[m.end() : start])  # a new clause ends "each"
        and m.group("item").lower() not in _COMPARATIVES
    ]
    if not found:
        return ""
    word = found[-1].group("item").lower()
    if word in _FUNCTION_WORDS:
        return None
    return _unit(word) or word.rstrip("s")


_ADDS = re.compile(r"\b(?:include|add|insert|feature|dedicate|work in|also have|also give)\b[^.;:]*$", re.I)
_QUALIFIED = re.compile(
    r"\s*(?:about|on|that|which|who|covering|focused|explaining|describing|dedicated|highlighting|featuring|"
    r"mentioning|for|from|in which)\b",
    re.I,
)


_PREDICATE = re.compile(
    r"\s*(?:should|must|shall|will|can|may|needs? to|has to|have to)\s+(?!be\b|have\b|contain\b|include\b|run\b)\w",
    re.I,
)


def _subset(text: str, m: re.Match[str]) -> bool:
    """ "Include one tip about prepping ingredients", "exactly one message should open with 'Please'": an added
    item of a kind described by what follows, or the items that must do something, are some of the items, not
    their number ("exactly 10 tips" still holds)."""
    rest = text[m.end() :]
    return bool((_ADDS.search(text[: m.start()]) and _QUALIFIED.match(rest)) or _PREDICATE.match(rest))


_CLAUSE_START = re.compile(r"(?:^|[—–:;,(]|\s-)\s*$")  # a "no X" that opens a clause of a spec list


@lru_cache(maxsize=1)
def _output_parts() -> re.Pattern[str]:
    return phrase_pattern([p + s for p in data()["output"]["output_parts"] for s in ("", "s")])


def _output_named(text: str) -> bool:
    """The sentence names the written output ("the summary has to be prose with no lists")."""
    return bool(re.search(r"\b(?:the|your|this|each|every)\s+" + _output_parts().pattern, text, re.I))


def _complement(iv: tuple[float, float]) -> tuple[float, float] | None:
    """What a forbidden count leaves: "never more than 4" allows [0, 4]; a forbidden exact count leaves two
    ranges, which no single bound holds."""
    lo, hi = iv
    if math.isinf(hi) and lo > 0:
        return (0.0, lo - 1)
    if lo == 0 and not math.isinf(hi):
        return (hi + 1, math.inf)
    return None


# A count the sentence calls too much or too little: what it names is what the output must not be.
_TOO = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:is|are)\s+(?:far\s+|much\s+|way\s+)?too\s+(?:long|short|many|few|much|little)\b",
    re.I,
)


def _bounds(text: str, pol: str | None) -> list[Bound]:
    c = cues()
    out, spans = _per_item(text)
    for m in c.count.finditer(text):
        iv, unit = _interval(m), _unit(m.group("unit"))
        if not iv or not unit or any(s <= m.start() < e for s, e in spans) or not _about_output(text, m):
            continue
        if changed_before(text, m.start()):
            continue  # "Rationale minimum raised from 20 to 30 words": a change of limit, not a range
        if mention_polarity(text, m.span(), pol, verb=False) == "-" or _TOO.match(text, m.end()):
            iv = _complement(iv)  # "never more than 4", "anything over four sentences is too long"
        elif iv[0] == iv[1] and _subset(text, m):
            iv = (iv[0], math.inf)
        scope = _scope(text, m.start())
        if iv and scope is not None:
            out.append(Bound(scope, unit, iv[0], iv[1], m.group(0)))
    for m in c.zero.finditer(text):
        listed = _CLAUSE_START.search(text[: m.start()]) is not None  # "Formal register — no emoji, no ..."
        if (
            mention_polarity(text, m.span(), pol) is None
            and pol != "-"
            and not listed
            and not _output_named(text)
        ):
            continue  # "there are no headings in the source": no verb about the output, no ban, no output named
        units = {_unit(w) for w in re.findall(c.unit_rx, m.group("units"), re.I)} & c.zero_units
        out += [Bound("", u, 0.0, 0.0, m.group(0)) for u in sorted(units)]
    for rx, units in c.only:
        m = rx.search(text)
        out += [Bound("", u, 0.0, 0.0, m.group(0)) for u in units] if m else []
    for m in c.presence.finditer(text):
        said = re.split(r"[.;:]", text[: m.start()])[-1] + m.group(0)
        if not _WRITING.search(said):
            continue  # "values in a table cell": no writing verb asks for the table
        absent = mention_polarity(text, m.span(), pol, verb=False) == "-"
        out.append(
            Bound("", _unit(m.group("unit")), 0.0 if absent else 1.0, 0.0 if absent else math.inf, m.group(0))
        )
    return out


def _implied(b: Bound) -> list[Bound]:
    """Bounds no text can escape: a word has at least one character and a space between words, a sentence at
    least one word, a paragraph at least one sentence, a bullet point makes a list; no list means no bullets."""
    out = [b]
    if b.unit == "word" and b.lo > 0:
        out.append(Bound(b.scope, "character", 2 * b.lo - 1, math.inf, b.text))
    if b.unit in ("sentence", "paragraph", "bullet") and b.lo > 0:
        out.append(Bound(b.scope, "word", b.lo, math.inf, b.text))
    if b.unit == "paragraph" and b.lo > 0:
        out.append(Bound(b.scope, "sentence", b.lo, math.inf, b.text))
    if b.unit == "bullet" and b.lo > 0:
        out.append(Bound(b.scope, "list", 1.0, math.inf, b.text))
    if b.unit == "list" and b.hi == 0:
        out.append(Bound(b.scope, "bullet", 0.0, 0.0, b.text))
    return out


@lru_cache(maxsize=65536)
def output_counts(text: str, pol: str | None) -> tuple[Bound, ...]:
    """Every bound the rule's text puts on the output (a forbidden count as what it leaves), with the bounds
    they imply."""
    bounds = _bounds(text, pol)
    return tuple(dict.fromkeys(x for b in bounds + _totals(bounds) for x in _implied(b)))


def _totals(bounds: list[Bound]) -> list[Bound]:
    """A number of items and a bound per item said apart in one rule ("three paragraphs, one per topic, and make
    each paragraph substantial: at least 120 words apiece") bound the whole: at least 360 words."""
    out = []
    for items in bounds:
        if items.scope or items.lo < 1 or math.isinf(items.lo):
            continue
        for per in bounds:
            if per.scope == items.unit and per.unit != items.unit:
                out.append(
                    Bound("", per.unit, items.lo * per.lo, items.hi * per.hi, f"{items.text}; {per.text}")
                )
    return out


def count_clash(
    a: tuple[Bound, ...], b: tuple[Bound, ...], part_of_whole: bool = False
) -> tuple[str, str] | None:
    """(what a asks, what b asks) for the first unit both bound on the same scope with no value in common; with
    ``part_of_whole`` a bounds a part of what b bounds, so they clash only when the part needs more than b allows."""
    for x in a:
        for y in b:
            if x.scope != y.scope or x.unit != y.unit:
                continue
            if x.lo > y.hi or (not part_of_whole and y.lo > x.hi):
                return x.text, y.text
    return None


__all__ = ["Bound", "count_clash", "output_counts"]
