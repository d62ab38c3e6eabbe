"""A value one rule lets raters leave unset for a case and another never lets go unset (CON001).

"You may leave Severity blank when the label is Praise or Spam" and "Severity is never optional for a labelled
item - Praise and Spam included"; "You may enter N/A for Jurisdiction when the user gave no location" and
"Jurisdiction is never N/A"; "you may skip this step and leave the node blank" and "The node field must never be
left blank, including on non-English resumes". The two rules share no act (one leaves, one requires a value; one
enters N/A, one says what a field is never), so the act and force comparisons miss them, and they sit far apart:
the grant beside the field's definition, the refusal in a checklist or an update. Every rule of a project is read
for a field it lets go unset (blank, empty, N/A, optional) or says is never unset, and the two are compared by the
field's name. A refusal that names a case of its own ("When the label is Bug Report, Severity is never blank")
holds only where the grant's case shares its words; one stated in the grant's own section is the rule the
exception is made to. Patterns are data (``data/contradictions.toml``, [empty_value]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .blank_field import fill_patterns
from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import content, data, stem
from .proposition import is_example_material
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted


class _Words(NamedTuple):
    allowed: tuple[re.Pattern[str], ...]
    never: tuple[re.Pattern[str], ...]
    generic: frozenset[str]  # stems of words that name a kind of value, not which: field, score, box
    pronouns: frozenset[str]
    named: re.Pattern[str]  # a field named before a colon: "Replacement field: leave it blank ..."
    acts: frozenset[str]  # stems of the words of filling or blanking a field: no case


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["empty_value"]

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(
            re.compile(p.replace("UNSET", d["unset"]).replace("FIELD", d["field"]), re.I) for p in patterns
        )

    return _Words(
        compile_all(d["allowed"]),
        compile_all(d["never"]),
        frozenset(map(stem, d["generic"])),
        frozenset(d["pronouns"]),
        re.compile(d["named"], re.I),
        frozenset(map(stem, d["acts"])),
    )


class Unset(NamedTuple):
    """What one rule says of leaving a field's value unset."""

    claim: Claim
    allowed: bool
    field: frozenset[str]  # stems of the field's name: "the node field" -> node
    name: str  # as written
    span: str  # the words that allow or refuse it
    filled: bool = False  # refused by a duty to put something in it, not by "never blank"


def _field_words(name: str) -> frozenset[str]:
    words = content(name.replace("-", " "))
    named = words - _words().generic
    return named or words


def unset(claim: Claim) -> Unset | None:
    """The field a rule lets go unset or never lets go unset, or None."""
    text = unquoted(claim.text)
    w = _words()
    for allowed, patterns in ((False, w.never), (True, w.allowed)):
        m = next((m for rx in patterns if (m := rx.search(text))), None)
        if m is None:
            continue
        name = m.group("x").strip()
        if name.lower() in w.pronouns and (lead := w.named.match(text)):
            name = lead.group("x")  # "Replacement field: leave it blank on all Remove verdicts"
        if name.lower() in w.pronouns or not _field_words(name):
            return None  # "Don't use N/A for it": the field is in another sentence
        return Unset(claim, allowed, _field_words(name), name, m.group(0).strip(" ,;:|"))
    return _filled(claim, text, w)


def _filled(claim: Claim, text: str, w: _Words) -> Unset | None:
    """A duty to put something into a field ("fill in the Replacement field with ...", "Every OFF-TOPIC flag needs a
    short note in the Comment field"): for its case the field is never left unset."""
    if claim.deontic != "O" or claim.rule.negated:
        return None
    m = next((m for rx in fill_patterns() if (m := rx.search(text))), None)
    name = m.group("x").strip() if m else ""
    if not name or name.lower() in w.pronouns or not _field_words(name):
        return None
    return Unset(claim, False, _field_words(name), name, m.group(0).strip(" ,;:|"), True)


def _case(u: Unset) -> frozenset[str]:
    """The words of the case a rule names: its condition, less the field's own name."""
    return content(u.claim.condition_text) - u.field if u.claim.condition_text else frozenset()


def _case_words(text: str, u: Unset) -> frozenset[str]:
    """The words of ``text`` that can name a case, numbers included ("when you give a 5"), less the field's name and
    the words of filling or blanking it."""
    return (content(text) | frozenset(re.findall(r"\b\d+\b", text))) - u.field - _words().acts


def _same_case(grant: Unset, filled: Unset) -> bool:
    """A field left unset and a duty to fill the same field meet when the case either names is in the other's words
    ("when you flag a review OFF-TOPIC" / "Every OFF-TOPIC flag needs a note"; "Whenever your verdict is Remove, fill
    in ..." / "leave it blank on all Remove verdicts"), or, when neither names one, when they share a word of one
    ("Tick the box on any item about a violent crime" / "Leave it unticked for crime stories"). A duty to fill a field
    in one case says nothing of another ("put the amount in Amount" for a deposit / "leave Amount empty" when it is
    illegible)."""
    if not (grant.field <= filled.field or filled.field <= grant.field):
        return False  # "the Notes tier" and "the NMM tier" are two fields
    pair = ((grant, filled), (filled, grant))
    if not (grant.claim.condition_text or filled.claim.condition_text):
        return bool(_case_words(grant.claim.text, grant) & _case_words(filled.claim.text, filled))
    if _denied_in_one(grant.claim.condition_text, filled.claim.condition_text):
        return False  # "If the label says 'NV', enter NV" / "If ... there's no NV marking, leave it empty"
    return all(
        _case_words(u.claim.condition_text, u) & _case_words(other.claim.text, other)
        for u, other in pair
        if u.claim.condition_text
    )


_DENIED = re.compile(r"\b(?:no|not|without|never)\s+(?:[\w'’-]+\s+){0,1}?([\w'’-]+)", re.I)


def _denied_in_one(a: str, b: str) -> bool:
    """A word one condition denies and the other states: the two name cases no item meets at once."""
    da, db = _denied(a), _denied(b)
    return bool(da & (content(b) - db) or db & (content(a) - da))


def _denied(condition: str) -> frozenset[str]:
    """The words a condition denies ("there's no NV marking" denies "NV" and "marking")."""
    return frozenset(stem(w.lower()) for m in _DENIED.finditer(condition) for w in m.group(0).split()[1:])


def _conflict(x: Unset, y: Unset) -> Conflict | None:
    if x.allowed == y.allowed or not x.field & y.field:
        return None
    a, b = x.claim.rule, y.claim.rule
    if stated_together(a, b):
        return None  # one section: the rule and the exception made to it
    grant, never = (x, y) if x.allowed else (y, x)
    if never.filled and not _same_case(grant, never):
        return None
    refused_case = _case(never)
    if refused_case and not refused_case & (_case(grant) or content(grant.claim.text)):
        return None  # "For Bug Reports, Severity is never blank" says nothing of Praise
    why = (
        f"{quoted(as_read(grant.claim.rule))} {'has' if grant.claim.deontic == 'O' else 'lets'} {grant.name} go "
        f"unset (“{grant.span}”), but "
        f"{quoted(as_read(never.claim.rule))} never does (“{never.span}”)."
    )
    spans = find_span(x.claim.rule, x.span) + find_span(y.claim.rule, y.span)
    return Conflict("CON001", 0.8, why, spans, False, categorical=True)


def empty_value_relations(claims: list[Claim]) -> list[Relation]:
    """CON001 (or what explains it away) for a rule that lets a field go unset and one that never does."""
    found = [u for c in claims if not is_example_material(c) and (u := unset(c)) is not None]
    return pairwise(found, lambda u: u.claim, _conflict)


__all__ = ["Unset", "empty_value_relations", "unset"]
