"""One written value entered in two forms by two rules (CON015).

"Keep leading zeros: a plate reading 007 is entered as 007" against "Leading zeros carry no meaning in an address,
so strip them and enter 007 as 7"; "Copy abbreviations exactly as printed on the sign, so St stays St" against "Write
them out in full: St becomes Street". Transcription and extraction decks show their conventions by example values,
and an FAQ or errata that reverses a convention shows it the same way, without saying that anything changed. The two
sentences share little else (one says "keep", the other "strip"), so a pair that names the same value and enters it
in two different forms is read here, from every rule of the deck.

A mapping is a literal value, a verb of entering ("becomes", "stays", "is entered as", "enter X as") and the form it
takes; a literal is quoted, holds a digit, or is written like an abbreviation or a name ("St", "MacLeod"). A clause
that shows a form to avoid ("never enter 007 as 7", "a common mistake") maps nothing; example material, two rules
about different named fields, and two rules under different conditions do not count. Patterns are data
(``data/contradictions.toml`` [entry_form]).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim
from .deck_scans import grouped_pairs
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation, unless_updated
from .text import as_read, find_span, quoted


class Mapping(NamedTuple):
    claim: Claim
    value: str  # the value as written in the source, quotes left out
    form: str  # the form the rule enters it in
    said: str  # the words of the mapping, for the span


@cache
def _regex(name: str) -> re.Pattern[str]:
    """A pattern of [entry_form]; field names are matched by their capitals, so only "negated" ignores case."""
    return re.compile(data()["entry_form"][name], re.I if name == "negated" else 0)


@cache
def _mappings_pattern() -> re.Pattern[str]:
    """A value, a verb of entering and a form, in either order of words ("X becomes Y", "enter X as Y")."""
    d = data()["entry_form"]
    lit = d["literal"]
    return re.compile(
        rf"(?:(?P<x1>{lit})(?:{d['becomes']}|{d['entered']})(?P<y1>{lit})|{d['enter']}(?P<x2>{lit})\s+as\s+(?P<y2>{lit}))",
        re.I,
    )


@cache
def _elided_pattern() -> re.Pattern[str]:
    lit = data()["entry_form"]["literal"]
    return re.compile(rf"{data()['entry_form']['elided']}(?P<x>{lit})\s+as\s+(?P<y>{lit})", re.I)


@cache
def _not_values() -> frozenset[str]:
    return frozenset(data()["entry_form"]["not_values"])


def _bare(literal: str) -> str:
    return literal.strip("'\"‘’“”").strip()


def _is_literal(word: str) -> bool:
    """Quoted, with a digit, an abbreviation ("St", "Ave") or a capital inside a word ("MacLeod", "MACLEOD")."""
    if word[:1] in "'\"‘“":
        return True
    if any(ch.isdigit() for ch in word):
        return True
    if word.lower() in _not_values():
        return False
    if word[:1].isupper() and len(word) <= 4 and word[1:].islower():
        return True  # "St", "Ave", "Rd"
    return any(ch.isupper() for ch in word[1:])


def _is_form(word: str) -> bool:
    """The form a value is entered in: a literal, or a word written with a capital ("Street", "Road")."""
    return _is_literal(word) or (word[:1].isupper() and word.lower() not in _not_values())


def _shown_to_avoid(clause: str, start: int) -> bool:
    """The words before a mapping, back to the last comma, show a form to avoid: "Never enter 12 as 0012", "a
    common mistake is entering 007 as 7"."""
    before = clause[:start]
    cut = max(before.rfind(","), before.rfind(";"))
    return bool(_regex("negated").search(before[cut + 1 :]))


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"(?<=[;:])\s+|(?<=[.!?])\s+(?=[A-Z])", text) if c.strip()]


def _mappings_of(claim: Claim) -> list[Mapping]:
    out = []
    for clause in _clauses(claim.rule.text):
        for m in _mappings_pattern().finditer(clause):
            if _shown_to_avoid(clause, m.start()) or _RANGE_END.search(clause[: m.start()]):
                continue
            value, form = (m.group("x1"), m.group("y1")) if m.group("x1") else (m.group("x2"), m.group("y2"))
            found = [(value, form, m.group(0))]
            end = m.end()
            while (more := _elided_pattern().match(clause, end)) is not None:
                found.append((more.group("x"), more.group("y"), more.group(0).strip(" ,")))
                end = more.end()
            out += [
                Mapping(claim, _bare(v), _bare(f), said)
                for v, f, said in found
                if _is_literal(v) and _is_form(f) and _bare(v)
            ]
    return out


# A value that ends a range ("years from 31 to 99 are entered as 19xx") stands for the range, not for itself.
_RANGE_END = re.compile(r"(?:\b(?:to|through|thru)|\bbetween\s+\S+\s+and|\d\s*[-–])\s*$", re.I)


def _fields(claim: Claim) -> frozenset[str]:
    return frozenset(m.group(1).strip().lower() for m in _regex("field").finditer(claim.rule.text))


def _apart(x: Mapping, y: Mapping) -> bool:
    """Two named fields or two conditions: the value goes to two places, or in two cases."""
    fx, fy = _fields(x.claim), _fields(y.claim)
    if fx and fy and not fx & fy:
        return True
    cx, cy = x.claim.condition_text, y.claim.condition_text
    return bool(cx and cy and cx.strip().lower() != cy.strip().lower())


def _relation(x: Mapping, y: Mapping) -> Relation:
    first, second = (x, y) if x.claim.rule.id <= y.claim.rule.id else (y, x)
    why = (
        f"{quoted(as_read(first.claim.rule))} enters “{first.value}” as “{first.form}”, but "
        f"{quoted(as_read(second.claim.rule))} enters it as “{second.form}”."
    )
    spans = find_span(first.claim.rule, first.said) + find_span(second.claim.rule, second.said)
    return unless_updated("CON015", first.claim, second.claim, 0.75, why, spans)


def entry_form_relations(claims: list[Claim]) -> list[Relation]:
    """CON015 for each pair of rules that enter one value in two forms."""
    by_value: dict[str, list[Mapping]] = {}
    for c in claims:
        if is_example_material(c):
            continue
        for mapping in _mappings_of(c):
            by_value.setdefault(mapping.value, []).append(mapping)
    return [_relation(x, y) for x, y in grouped_pairs(by_value.values(), lambda m: m.claim, _clash)]


def _clash(x: Mapping, y: Mapping) -> bool:
    return x.form != y.form and same_project(x.claim.rule, y.claim.rule) and not _apart(x, y)


__all__ = ["entry_form_relations"]
