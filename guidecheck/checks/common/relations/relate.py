"""One relation classifier for every rule pair: contradiction type, exception, override, duplicate or nothing.

The per-type checks (CON001-CON009, REL001-REL003) only filter its output, so an explicit exception or a dated
update suppresses a contradiction the same way whichever frame found it. Each relation carries its evidence:
the clashing words as spans in both rules and one sentence in the rules' own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ....model import Rule, Span
from ..deck import same_project
from .claims import Claim
from .denied_exception import denied_exception
from .detectors import (
    DETECTORS,
    Conflict,
    conditions_compatible,
    definition_conflict,
    threshold,
    topic_match,
)
from .doubt import doubt_default
from .lexicon import content, lexicon
from .precedence import priority_conflict
from .refused_exception import refused_exception
from .standing_reason import standing_reason
from .text import RELATIVE, as_read, find_span, quoted


@dataclass
class Relation:
    code: str  # the check that reports it: CON00x, or REL00x for what explains a conflict away
    a: Rule
    b: Rule
    confidence: float
    explanation: str
    spans: list[Span] = field(default_factory=list)
    stands_for: str | None = None  # for REL001/REL002: the contradiction it would otherwise be
    evidence: dict = field(default_factory=dict)


def unless_updated(
    code: str, fa: Claim, fb: Claim, confidence: float, why: str, spans: list[Span]
) -> Relation:
    """``code`` for two rules of a deck-wide reading, or REL002 standing for it when either rule says it replaces
    the other (the update policy every relation follows)."""
    if fa.update or fb.update:
        return Relation("REL002", fa.rule, fb.rule, confidence, why, spans, code)
    return Relation(code, fa.rule, fb.rule, confidence, why, spans)


# --- the classifier ------------------------------------------------------------------------------------------


def _names(f: Claim, aliases: dict[str, str]) -> set[str]:
    return {aliases.get(o.lower(), o.lower()) for o, _ in f.outcomes}


def _quantity_set(f: Claim) -> set[tuple]:
    return {(q.attribute, q.comparator, q.value, q.upper) for q, _ in f.quantities}


def _duplicate(fa: Claim, fb: Claim, cosine: float, aliases: dict[str, str]) -> bool:
    if fa.deontic != fb.deontic or fa.exception != fb.exception or conditions_compatible(fa, fb) != "same":
        return False
    if _quantity_set(fa) != _quantity_set(fb) or _names(fa, aliases) != _names(fb, aliases):
        return False
    filler = lexicon().quantity_filler if fa.quantities else frozenset()
    wa, wb = (fa.core | fa.condition) - filler, (fb.core | fb.condition) - filler
    return topic_match(
        wa, wb, threshold("same_topic"), high=threshold("duplicate_jaccard")
    ) or cosine >= threshold("duplicate_cosine")


def _changed_by_update(fa: Claim, fb: Claim) -> bool:
    """An update that says it changes a limit, an outcome or the force of an earlier rule about the same thing."""
    if fa.update == fb.update:
        return False
    filler = lexicon().quantity_filler
    if not topic_match(fa.core - filler, fb.core - filler, threshold("same_topic_frames")):
        return False
    return (
        (_quantity_set(fa) != _quantity_set(fb) and bool(fa.quantities) and bool(fb.quantities))
        or (
            bool(fa.outcomes)
            and bool(fb.outcomes)
            and {o.lower() for o, _ in fa.outcomes} != {o.lower() for o, _ in fb.outcomes}
        )
        or (fa.deontic != fb.deontic and None not in (fa.deontic, fb.deontic))
    )


def _agreement(fa: Claim, fb: Claim, cosine: float, aliases: dict[str, str]) -> Relation | None:
    """No conflict shape: a duplicate, an update that says it changed the rule, or nothing."""
    a, b = fa.rule, fb.rule
    if _duplicate(fa, fb, cosine, aliases):
        return Relation(
            "REL003",
            a,
            b,
            round(min(0.95, 0.5 + 0.45 * cosine), 3),
            f"{quoted(as_read(b))} repeats {quoted(as_read(a))}.",
        )
    if _changed_by_update(fa, fb):
        later, earlier = (fb, fa) if fb.update else (fa, fb)
        return Relation(
            "REL002",
            a,
            b,
            round(min(0.9, 0.5 + 0.4 * cosine), 3),
            f"{quoted(as_read(later.rule))} is an update that changes {quoted(as_read(earlier.rule))}; "
            f"check that the old rule was edited too.",
        )
    return None


def _explained_away(fa: Claim, fb: Claim, found: Conflict) -> Relation | None:
    """Suppressors, the same order for every type: an update that says it replaces, an explicit exception, exclusive or narrower
    conditions (unless the general rule shuts out every exception); else the conflict itself."""
    a, b = fa.rule, fb.rule
    code, conf, why, spans, conditional, categorical = found
    if fa.update or fb.update:
        later, earlier = (
            (fb, fa) if fb.update and (not fa.update or b.location.path >= a.location.path) else (fa, fb)
        )
        return Relation(
            "REL002",
            a,
            b,
            round(conf * 0.9, 3),
            f"{quoted(as_read(later.rule))} is an update that replaces {quoted(as_read(earlier.rule))}; edit the old rule too.",
            spans,
            stands_for=code,
        )
    if (fa.exception or fb.exception) and not _absolute(fb if fa.exception else fa):
        exc, other = (fa, fb) if fa.exception else (fb, fa)
        clause = exc.exception_text
        return Relation(
            "REL001",
            a,
            b,
            round(conf * 0.9, 3),
            f"{quoted(as_read(exc.rule))} makes an explicit exception (“{clause}”) to {quoted(as_read(other.rule))}.",
            spans + find_span(exc.rule, clause),
            stands_for=code,
        )
    if conditional:
        cond = conditions_compatible(fa, fb)
        if cond == "exclusive":
            return None
        narrowing = _narrowing(fa, fb, cond)
        general = fb if narrowing is not None and narrowing[0] is fa else fa
        shut_out = narrowing is not None and _absolute(general)
        # the general rule shuts out the narrower case in words ("Never post replies, not even to ..."): stated
        categorical = categorical or shut_out
        if narrowing is not None and not shut_out and code in _REASONED:
            reasoned = _against_reason(general, *narrowing, spans, (a, b))
            if reasoned is not None:
                return reasoned
        if narrowing is not None and not shut_out and (code not in _UNSCOPED or stated_together(a, b)):
            narrow, clause = narrowing
            return Relation(
                "REL001",
                a,
                b,
                round(conf * 0.8, 3),
                f"{quoted(as_read(narrow.rule))} is a narrower rule (“{clause}”) "
                f"that carves an exception out of {quoted(as_read(general.rule))}.",
                spans + find_span(narrow.rule, clause),
                stands_for=code,
            )
    evidence = {"categorical": True} if categorical else {}
    return Relation(code, a, b, round(min(conf, 0.99), 3), why, spans, evidence=evidence)


def decided(fa: Claim, fb: Claim, found: Conflict, rows: bool = False) -> Relation | None:
    """A conflict a whole-deck reading found between two rules, as ``relate`` reports one: nothing for example
    material, rubric rows (unless ``rows``: the reading took a duty a row states in words of its own) or two
    projects; else the update, exception or narrower case that explains it away, or the conflict itself."""
    a, b = fa.rule, fb.rule
    table_row = not rows and (a.kind == "rubric" or b.kind == "rubric")
    if a.is_example or b.is_example or table_row or not same_project(a, b):
        return None
    return _explained_away(fa, fb, found)


def _narrowing(fa: Claim, fb: Claim, cond: str) -> tuple[Claim, str] | None:
    """The rule that holds in a narrower case, and the words that narrow it: its condition when only it has one,
    or a relative clause that narrows the thing both are about."""
    if cond == "narrower":
        narrow = fa if fa.condition else fb
        general = fb if narrow is fa else fa
        if _names_subject_case(narrow.condition_text, general):
            return None  # "when the label is Allow or Refuse" / "Every Refuse needs ...": one case, not a narrower one
        return narrow, narrow.condition_text
    return _narrowing_clause(fa, fb) if cond == "same" else None


# A rule whose subject is every item of a labelled kind: "Every Refuse needs a safe alternative".
_EVERY_LABELLED = re.compile(r"^\s*(?i:every|each|any|all)\s+(?P<x>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\b")


def _names_subject_case(condition: str, general: Claim) -> bool:
    """The condition names the label the other rule's subject ranges over: that rule holds in the same case."""
    m = _EVERY_LABELLED.match(general.text)
    return m is not None and re.search(rf"\b{re.escape(m.group('x'))}\b", condition) is not None


def _narrowing_clause(fa: Claim, fb: Claim) -> tuple[Claim, str] | None:
    """The relative clause by which one rule narrows the thing both are about ("Traffic lights whose faces point
    away from the camera are not annotated" / "Annotate traffic lights"): a case of its own, like a condition.
    Only one of the two may have one, and the other's object must be the thing it narrows."""
    found = [(f, m) for f in (fa, fb) if (m := _main_relative(f.text))]
    if len(found) != 1:
        return None
    narrow, m = found[0]
    other = fb if narrow is fa else fa
    if not other.object_head or other.object_head not in narrow.core:
        return None
    rest = narrow.text[m.start() :]
    end = _CLAUSE_END.search(rest, m.end() - m.start())
    clause = rest[: end.start() if end else len(rest)].rstrip(".")
    words = content(clause)
    # the other rule names the same case ("Flag every response that contains a phone number" / "flag responses
    # that contain a phone number"): no narrowing; nor a "that" clause that states, not narrows
    if not words or len(words & other.everything) / len(words) >= 0.5:
        return None
    return narrow, clause


def _main_relative(text: str) -> re.Match[str] | None:
    """A relative clause of the rule's own clause: after a semicolon or colon another statement begins ("Moderators
    do not edit posts; a moderator who disagrees asks ..."), whose clause narrows nothing of the rule."""
    cut = re.search(r"[;:]\s", text)
    return RELATIVE.search(text, 0, cut.start() if cut else len(text))


# Where a relative clause gives way to its sentence: a comma, or the main verb after the clause's own words.
_CLAUSE_END = re.compile(r",|\s(?=(?:are|is|must|should|shall|may|can|will|get|gets|receive|receives)\s)")


# Conflicts of an order of steps: a narrower case stated elsewhere does not scope them (below).
_UNSCOPED = ("CON013",)


def stated_together(a: Rule, b: Rule) -> bool:
    """A narrower case stated in the general rule's own section scopes it; an order of steps stated again for a
    narrower case in another section or document (a FAQ, an errata page), with no word of exception, changes the
    order without saying so: raters who read one page or the other work in different orders. (Measured: for the
    forces of CON001 / CON002 the same reading added more false findings on the blind decks than it found, and for
    the limits of CON004 it took the stated exceptions of our own corpus and pair sets for conflicts.)"""
    return a.path == b.path and a.section == b.section


def _absolute(general: Claim) -> bool:
    """The general rule shuts out every exception ("under no circumstances", "for any purpose whatsoever"): a
    narrower rule or an exception stated elsewhere contradicts it instead of scoping it."""
    return bool(lexicon().absolute.search(general.text))


# The forces whose narrower case a standing reason leaves no room for (CON017).
_REASONED = ("CON001", "CON002")


def _against_reason(
    general: Claim, narrow: Claim, clause: str, spans: list[Span], order: tuple[Rule, Rule]
) -> Relation | None:
    """CON017 when the general rule gives a reason that holds in every case and the narrower rule is stated apart
    from it (``standing_reason``), else None: the narrower case is then no exception the deck allows."""
    if stated_together(general.rule, narrow.rule):
        return None
    reason = standing_reason(general, narrow)
    if reason is None:
        return None
    why = (
        f"{quoted(as_read(general.rule))} holds in every case for its reason (“{reason}”), but "
        f"{quoted(as_read(narrow.rule))} does otherwise for “{clause}”."
    )
    spans = spans + find_span(general.rule, reason) + find_span(narrow.rule, clause)
    return Relation("CON017", *order, 0.8, why, spans, evidence={"categorical": True})


def relate(fa: Claim, fb: Claim, cosine: float, aliases: dict[str, str] | None = None) -> Relation | None:
    """The relation between two rules (reading order a, b), or None when they are merely related."""
    a, b = fa.rule, fb.rule
    if a.is_example or b.is_example or a.kind == "rubric" or b.kind == "rubric" or not same_project(a, b):
        return None
    if fa.condition_text and fb.condition_text and doubt_default(a) and doubt_default(b):
        return None  # two defaults for doubt: CON012 reports a deck's defaults together
    aliases = aliases or {}
    found: Conflict | None = priority_conflict(fa, fb)
    if found is None:
        d = definition_conflict(fa, fb, cosine)
        if d == "duplicate":
            return Relation(
                "REL003",
                a,
                b,
                round(min(0.95, 0.6 + 0.35 * cosine), 3),
                f"{quoted(as_read(b))} defines the same term as {quoted(as_read(a))} in the same way.",
            )
        found = d
    if (
        found is None
        and (denied := denied_exception(fa, fb) or refused_exception(fa, fb, cosine)) is not None
    ):
        # the exception is the clash, and both rules say so in words: categorical, as an output clash is
        return Relation(
            denied.code,
            a,
            b,
            denied.confidence,
            denied.explanation,
            denied.spans,
            evidence={"categorical": True},
        )
    if found is None:
        found = next((c for c in (detect(fa, fb, cosine, aliases) for detect in DETECTORS) if c), None)
    if found is None:
        return _agreement(fa, fb, cosine, aliases)
    return _explained_away(fa, fb, found)


def rubric_aliases(claims: list[Claim]) -> dict[str, str]:
    """Score <-> name from rubric table rows ('0' and 'Did Not Load' name the same outcome)."""
    lex = lexicon()
    out: dict[str, str] = {}
    for f in claims:
        cells = f.rule.cells
        if not cells:
            continue
        score = next((v for k, v in cells.items() if lex.score_header.match(k) and v.strip()), None)
        name = next((v for k, v in cells.items() if lex.label_header.match(k) and v.strip()), None)
        if score and name:
            out[name.strip().lower()] = score.strip().lower()
    return out


__all__ = ["Relation", "decided", "relate", "rubric_aliases", "stated_together", "unless_updated"]
