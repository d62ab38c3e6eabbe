"""A thing one rule puts into a note, field, span or ticket and another keeps out of it (CON018).

"Your triage note must name the device model and OS version" and "Keep device and OS details out of the triage
note" cannot both be followed; nor can "Notes field: Must include any promo code or vanity URL" and "Don't type
discount codes or vanity URLs into the comment box", or "The EDU_SPAN must include the graduation year" and
"Graduation years are an age proxy, so keep them out of every labeled span". The two rules name the content in
other words, often one as the thing acted on and one as the field's duty, and seldom sit near each other, so every
rule of a project is read for (container, content, required or kept out) and compared with every other.

Containers meet when they share a field name ("triage note" / "the note"), or when one names every container of a
kind the other is ("every labeled span" / "the EDU_SPAN"). Contents meet when the last word of one's item is among
the other's words ("promo code" / "discount codes"). A pronoun ("keep them out") stands for the sentence's subject.
Two rules in one section are a rule and its exception. Patterns are data (``data/contradictions.toml``,
[field_contents]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....model import Span
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data, stem
from .memo import search
from .proposition import is_example_material
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted, span_of


class _Words(NamedTuple):
    required: tuple[re.Pattern[str], ...]
    kept_out: tuple[re.Pattern[str], ...]
    negated: re.Pattern[str]
    content_end: re.Pattern[str]
    pronoun_subject: re.Pattern[str]
    named: frozenset[str]  # stems of fields by name: note, comment, ticket
    kinds: frozenset[str]  # stems of containers by kind: field, box, span
    every: re.Pattern[str]
    generic: frozenset[str]  # stems of content heads that name nothing alone: "details", "information"
    text_units: frozenset[str]  # stems of words for a piece of text, read as one word
    row_duty: re.Pattern[str]
    examples: re.Pattern[str]
    universal: re.Pattern[str]
    condition_subject: re.Pattern[str]
    second_act: re.Pattern[str]
    kept_out_there: re.Pattern[str]
    box: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["field_contents"]

    def names(pattern: str) -> str:
        return pattern.replace("NAMED", "|".join(d["named"])).replace("KINDS", "|".join(d["kinds"]))

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        box = f"(?:{d['universal']}|{d['box']})"
        return tuple(re.compile(names(p.replace("BOX", box)), re.I) for p in patterns)

    return _Words(
        compile_all(d["required"]),
        compile_all(d["kept_out"]),
        re.compile(d["negated"], re.I),
        re.compile(d["content_end"], re.I),
        re.compile(d["pronoun_subject"], re.I),
        frozenset(map(stem, d["named"])),
        frozenset(map(stem, d["kinds"])),
        re.compile(d["every"], re.I),
        frozenset(map(stem, d["generic"])),
        frozenset(map(stem, d["text_units"])),
        re.compile(d["row_duty"], re.I),
        re.compile(d["examples"], re.I),
        re.compile(rf"^\s*(?:{d['universal']})\s*$", re.I),
        re.compile(d["condition_subject"], re.I),
        re.compile(d["second_act"], re.I),
        re.compile(d["kept_out_there"], re.I),
        re.compile(names(d["box"]), re.I),
    )


class Contents(NamedTuple):
    """What one rule says goes into (or stays out of) one container."""

    claim: Claim
    required: bool
    box: str  # as written: "the triage note"
    content: str  # as written: "the device model and OS version"
    span: str  # the words that put it in or keep it out, for the message
    stated: bool  # in words of a duty ("must include", "never"): a table row that states it is a rule


def _trimmed(content: str) -> str:
    """The content up to where a relative, purpose or condition clause takes over ("vanity URL the host reads
    out", "the username so T&S can find the account")."""
    m = _words().content_end.search(content, 1)
    return content[: m.start()].strip(" ,") if m else content.strip(" ,")


def _resolved(content: str, text: str) -> str:
    """A pronoun stands for the sentence's subject ("Graduation years are an age proxy, so keep them out")."""
    if content.lower() not in ("them", "it", "these", "those", "this", "they"):
        return content
    m = _words().condition_subject.match(text) or _words().pronoun_subject.match(text)
    return m.group("subject") if m else ""


def _second_act(content: str) -> str:
    """The content of the last act in the clause: "the new figure in CNT and copy the struck-through figure" -> the
    struck-through figure (the first act puts its own thing elsewhere)."""
    return _words().second_act.split(content)[-1]


def _kept_out_there(claim: Claim, text: str) -> Contents | None:
    """A content kept out of the container the sentence named before ("The Topic detail box takes a short category
    word only; never enter a drug name, dose or diagnosis there")."""
    w = _words()
    m = w.kept_out_there.search(text)
    box = w.box.search(text, 0, m.start()) if m is not None else None
    if m is None or box is None:
        return None
    what = _trimmed(m.group("content"))
    return (
        Contents(claim, False, box.group().strip(), what, m.group(0).strip(" ,;:."), True)
        if content(what)
        else None
    )


_DUTY = re.compile(r"\b(?:must|never|shall|required|do\s+not|don't|don’t)\b", re.I)


def _match(text: str, patterns: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    return next((m for rx in patterns if (m := search(rx, text))), None)


def contents(claim: Claim, fields: frozenset[str] = frozenset()) -> Contents | None:
    """The container and content a rule requires or keeps out, or None. A requirement read after a negation in
    its clause ("Don't type codes into the comment box") keeps the content out. ``fields``: the names the deck
    gives its fields ("the Price field"), so that "into Price" names one."""
    text = unquoted(claim.text)
    w = _words()
    for required, patterns in ((False, w.kept_out), (True, w.required + _into_declared(fields))):
        m = _match(text, patterns)
        if m is None:
            continue
        before = re.split(r"[.;:,]", text[: m.start("content")])[-1]
        what = _resolved(_trimmed(_second_act(m.group("content"))), text)
        if what and content(what):
            # negated in its clause, or by a lead-in ("Don't:" above "Put helpline numbers in your comment")
            negated = bool(w.negated.search(before)) or (claim.deontic == "F" and not w.negated.search(text))
            span = m.group(0).strip(" ,;:")
            stated = bool(_DUTY.search(text))
            box = m.group("box").strip()
            if box in fields:
                box = f"the {box} field"
            return Contents(claim, required and not negated, box, what, span, stated)
    return _row_duty(claim, text) or _kept_out_there(claim, text)


# "the Price field", "a Currency dropdown": a field the deck names by a capitalised name.
_DECLARED = re.compile(
    r"\b(?i:the|a|an|each|every|your)\s+((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+(?i:field|box|column|dropdown)s?\b"
)


def declared_fields(claims: list[Claim]) -> frozenset[str]:
    """The names a deck gives its fields ("The Price field must include ..."): elsewhere the name alone is the
    field ("Don't type currency symbols into Price")."""
    return frozenset(m.group(1) for c in claims for m in _DECLARED.finditer(c.text))


@lru_cache(maxsize=64)
def _into_declared(fields: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """An act into a field called by its name alone ("type currency symbols into Price"); the box read is the
    field's full name, so that it meets "the Price field"."""
    if not fields:
        return ()
    names = "|".join(sorted(map(re.escape, fields), key=len, reverse=True))
    return (
        re.compile(
            r"(?:^|[,;:(]\s*|\b(?:must|should|to|and|then|please|always|never|not|don't|don’t|dont|also|just)\s+)"
            r"(?:include|put|add|enter|type|paste|write|record|copy|key)\s+(?P<content>[^.;:]+?)\s+(?:in|into)\s+"
            rf"(?P<box>(?-i:{names}))\b(?!\s+(?i:field|box|column|dropdown))",
            re.I,
        ),
    )


def _row_duty(claim: Claim, text: str) -> Contents | None:
    """A table row's duty with no subject: "| Comment | Must include any coupon code ... |" is the Comment's."""
    cells = list(claim.rule.cells.values())
    m = _words().row_duty.match(text)
    if m is None or len(cells) < 2 or not cells[0].strip():
        return None
    what = _trimmed(m.group("content"))
    return Contents(claim, True, cells[0].strip(), what, m.group(0).strip(), True) if content(what) else None


def _box_names(box: str) -> tuple[frozenset[str], frozenset[str]]:
    """(field names, container kinds) of a container phrase; a code names both ("EDU_SPAN": edu, span)."""
    w = _words()
    names, kinds = set(), set()
    for word in re.findall(r"[\w'’-]+", box):
        parts = word.lower().split("_")
        for part in parts:
            s = stem(part)
            if s in w.kinds:
                kinds.add(s)
            elif s in w.named:
                names.add(s)
            elif len(parts) > 1 or (word[:1].isupper() and word != box.split()[0]):
                names.add(s)  # a field by its own name: "the Brand field", "EDU_SPAN"
    return frozenset(names), frozenset(kinds)


def _boxes_meet(a: str, b: str) -> bool:
    (na, ka), (nb, kb) = _box_names(a), _box_names(b)
    if na & nb:
        return True
    if any(_words().universal.match(x) or _any_field(x, n, k) for x, n, k in ((a, na, ka), (b, nb, kb))):
        return True  # "the text you write", "any field": every note and field is one of them
    every = _words().every
    if (every.search(a) and ka & kb) or (every.search(b) and ka & kb):
        return True  # "every labeled span" holds for the EDU_SPAN
    if any(every.search(x) and _FREE_TEXT.search(x) and not n for x, n in ((a, na), (b, nb))):
        return True  # "any free-text box" holds for the submission note
    return not na and not nb and bool(ka & kb)


def _any_field(box: str, names: frozenset[str], kinds: frozenset[str]) -> bool:
    """ "any field", "every box": a container of the most general kind, of no name, holds every named one."""
    return bool(_words().every.search(box)) and not names and bool(kinds & _GENERAL)


_GENERAL = frozenset({"field", "box"})
_FREE_TEXT = re.compile(r"\bfree[- ]?text\b|\btext\s+(?:box|field)", re.I)


class _Item(NamedTuple):
    head: str
    modifiers: frozenset[str]


def _items(what: str) -> list[_Item]:
    """The items of a content list, each its last word and the words before it ("device model and OS version":
    model (device), version (os)), or after "of" ("names of deponents": name (deponent)); words for a piece of text
    are one word."""
    w = _words()
    out = []
    what = w.examples.sub(",", re.sub(r"[()]", ",", what))  # "identifiers such as the serial number (...)"
    for item in re.split(r",|\b(?:and|or|nor|plus)\b", what):
        item = _PLACED.split(item)[0]  # "the accession number in square brackets": the number
        item, _, of = item.partition(" of ")  # "names of deponents": names, of deponents
        stems = [stem(x) for x in re.findall(r"[\w'’-]+", item.lower()) if content(x)]
        stems = ["text" if s in w.text_units else s for s in stems]
        owner = frozenset(stem(x) for x in re.findall(r"[\w'’-]+", of.lower()) if content(x))
        if stems and stems[-1] not in w.generic:
            out.append(_Item(stems[-1], frozenset(stems[:-1]) | owner))
        elif len(stems) > 1:  # "device and OS details": the details are the OS's
            out.append(_Item(stems[-2], frozenset(stems[:-2])))
    return out


_PLACED = re.compile(r"\s(?:in|inside|within|at|on|between|after|before|under|without)\s", re.I)


def _items_meet(a: _Item, b: _Item) -> bool:
    """The same thing: one head, and modifiers that share a word or are missing on one side ("graduation
    year" / "graduation years"; "device" / "device model"); "NI number" is no "helpline number"."""
    if a.head == b.head:
        return not a.modifiers or not b.modifiers or bool(a.modifiers & b.modifiers)
    if stem("name") in (a.head, b.head) and (a.head in b.modifiers or b.head in a.modifiers):
        return True  # "street names" / "the nearest cross street": a street is given by its name
    return (not a.modifiers and a.head in b.modifiers) or (not b.modifiers and b.head in a.modifiers)


def in_other_containers(fa: Claim, fb: Claim) -> bool:
    """The two rules put their thing into (or keep it out of) containers that are not one ("Put the order number
    in the Order field" / "Don't put order numbers into the Remarks box"): no act of one is the other's."""
    x, y = contents(fa), contents(fb)
    return x is not None and y is not None and not _boxes_meet(x.box, y.box)


# "Do not type anything into the Verbatim field": every thing is kept out of the field.
_ANYTHING = re.compile(
    r"^\s*(?:anything(?:\s+at\s+all)?|any\s+(?:text|information|content|words?))\s*$", re.I
)


def _contents_meet(a: str, b: str) -> bool:
    return any(_items_meet(x, y) for x in _items(a) for y in _items(b))


def _conflict(x: Contents, y: Contents) -> Conflict | None:
    if x.required == y.required or not _boxes_meet(x.box, y.box):
        return None
    kept_out = y if x.required else x
    if not (_contents_meet(x.content, y.content) or _ANYTHING.match(kept_out.content)):
        return None
    a, b = x.claim.rule, y.claim.rule
    if stated_together(a, b):
        return None  # one section: a rule and its exception
    if any(c.claim.rule.kind == "rubric" and not c.stated for c in (x, y)):
        return None  # a table row that describes a field, not a duty
    put, out = (x, y) if x.required else (y, x)
    why = (
        f"{quoted(as_read(put.claim.rule))} puts {put.content} into {put.box}, but "
        f"{quoted(as_read(out.claim.rule))} keeps {out.content} out of {out.box}."
    )
    spans = [sp for c in (x, y) for sp in _marks(c)]
    return Conflict("CON018", 0.8, why, spans, False, categorical=True)


def _marks(c: Contents) -> list[Span]:
    """The rule's force word and the thing it puts in or keeps out. A list item whose force comes from its lead-in
    ("Don't:") gets none: the report marks the lead-in, as for the other flips of force."""
    rule = c.claim.rule
    if rule.lead_in and rule.polarity:
        return []
    return span_of(rule, c.claim.cue) + (find_span(rule, c.content) or find_span(rule, c.span))


def field_content_relations(claims: list[Claim]) -> list[Relation]:
    """CON018 (or what explains it away) for a rule that puts a thing into a container and one that keeps it out."""
    fields = declared_fields(claims)
    found = [
        c
        for c in (contents(c, fields) for c in claims if not is_example_material(c) and c.deontic is not None)
        if c is not None
    ]
    return pairwise(found, lambda c: c.claim, _conflict, rows=True)


__all__ = ["Contents", "contents", "field_content_relations", "in_other_containers"]
