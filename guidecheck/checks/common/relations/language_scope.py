"""Items in another language that one rule keeps out of the work and another has raters work on (CON014).

"Don't rate plans written in a language other than English; skip them with the reason 'Language'" against "If you
read Spanish fluently, please rate the Spanish-language plans instead of skipping them"; "Conversations that are not
in English are out of scope" against "Conversations in Spanish are in scope for raters who passed the Spanish
screening". Decks settle foreign-language items in one place and unsettle them in an FAQ or errata; the two rules
share few words but the language, so no pair reader sees them.

Each rule that names items in another language is read for a stance: kept out (skipped, out of scope, not rated)
or worked on (rated like any other, in scope, "not a reason to skip", "instead of skipping"), and whether it only
permits. Two stances clash when they are opposite and not both permissions ("you may skip" / "raters who read it may
rate it" leave the rater a choice). A rule about a few words of another language in an English item, a language the
other rule leaves in ("other than English or Spanish"), a rule that calls itself the exception to one that refuses
none, and two rules of one section are no clash. Patterns are data (``data/contradictions.toml`` [language_scope]).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation, stated_together, unless_updated
from .text import as_read, find_span, quoted


class LanguageStance(NamedTuple):
    claim: Claim
    kept_out: bool
    permits: bool  # a permission, not a duty ("you may skip", "may go ahead and rate")
    refuses: bool  # refuses every exception ("no exceptions", "whatever", "every rater")
    excepted: bool  # states itself as an exception, or one to itself ("as an exception", "unless ...")
    languages: frozenset[str]  # the languages named ("Spanish"); empty: any other language
    exempt: frozenset[
        str
    ]  # the languages a rule that keeps items out leaves in ("other than English or Spanish")
    said: str  # the words that take the stance


@cache
def _rx(key: str) -> re.Pattern[str]:
    return re.compile(data()["language_scope"][key], re.I)


def _languages(text: str) -> frozenset[str]:
    return frozenset(m.group(0).lower() for m in _rx("named").finditer(text))


def _text(c: Claim) -> str:
    """The rule's text, and the FAQ question it answers when it speaks of "it" ("Rate it like any other chat")."""
    if not _rx("other").search(c.text) and _rx("pronoun").search(c.text) and c.rule.context:
        return f"{c.rule.context} {c.text}"
    return c.text


def read_stance(c: Claim) -> LanguageStance | None:
    """The rule's stance on items in another language, or None when it takes none."""
    text = _text(c)
    if not _rx("other").search(text) or _rx("few_words").search(text):
        return None
    # "not in English" is no negation of a skip: each mention of another language reads as LANG
    plain = _rx("other").sub("LANG", text)
    for kept_out, key in ((False, "not_skipped"), (True, "kept_out"), (False, "worked_on")):
        m = _rx(key).search(plain)
        if m:
            exempt = _rx("exempt").search(text)
            refuses = bool(_rx("refuses").search(text))
            return LanguageStance(
                c,
                kept_out,
                key != "not_skipped" and bool(_rx("permits").search(text)),  # a refused skip is a duty
                refuses,
                bool(_rx("excepted").search(text)) and not refuses,
                _languages(text),
                _languages(exempt.group(0)) if exempt else frozenset(),
                m.group(0),
            )
    return None


def _clash(out: LanguageStance, work: LanguageStance) -> bool:
    a, b = out.claim.rule, work.claim.rule
    return (
        same_project(a, b)
        and not stated_together(a, b)
        and not (out.permits and work.permits)
        and not (out.exempt & work.languages)
        and not out.excepted
        and not (work.excepted and not out.refuses)
    )


def _relation(out: LanguageStance, work: LanguageStance) -> Relation:
    first, second = sorted((out.claim, work.claim), key=lambda c: c.rule.id)
    why = (
        f"{quoted(as_read(out.claim.rule))} keeps items in another language out of the work "
        f"({quoted(out.said, 60)}), but {quoted(as_read(work.claim.rule))} has raters work on them "
        f"({quoted(work.said, 60)})."
    )
    spans = find_span(out.claim.rule, out.said) + find_span(work.claim.rule, work.said)
    return unless_updated("CON014", first, second, 0.7, why, spans)


def language_scope_relations(claims: list[Claim]) -> list[Relation]:
    """CON014 for each rule that keeps items in another language out of the work against one that has raters
    work on them."""
    stances = [s for c in claims if not is_example_material(c) and (s := read_stance(c)) is not None]
    kept_out = [s for s in stances if s.kept_out]
    worked_on = [s for s in stances if not s.kept_out]
    return [_relation(o, w) for o in kept_out for w in worked_on if _clash(o, w)]


__all__ = ["language_scope_relations", "read_stance"]
