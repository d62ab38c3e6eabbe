"""A class of items one rule puts inside the work and another keeps out of it (CON014).

"Tag each cigarette lighter as Ignition Source" against "Cigarette lighters are left untagged"; "Handwritten marginal
notes are annotated exactly like typed text" against "Handwritten notes in the margins are outside the scope of this
project and are not annotated"; "Vessels sitting in a dry dock are boxed" against "Leave ships in a dry dock
unboxed". An errata or FAQ reverses a class's place in the work this way without saying so, and the pair seldom
shows as one act of two forces: one side is a passive or a scope statement, the other an imperative, and the class
is worded anew.

Each clause is read for a stance on a class: in (the class is worked on: tagged, boxed, rated, in scope) or out (out
of scope, not tagged, left untagged, skipped, ignored), with the act's family (annotating, rating, entering,
blurring; a scope statement stands for every act). Two stances clash when they are opposite, of one family, on
the same class: the same head noun, and the class kept out named in full by the rule that works on it (a general rule
against a narrower class kept out is a rule and its restriction; so is a class kept out under a condition the other
rule does not name). An out stance that names a label
("not tagged as DATE") scopes the label, not the work (``label_scope``'s); a side that states an exception, or two
sides in one section, are a rule and its own scope. Patterns are data (``data/contradictions.toml`` [work_scope]).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim, unquoted
from .deck_scans import grouped_pairs
from .lexicon import content, data, stem
from .proposition import is_example_material
from .relate import Relation, stated_together, unless_updated
from .text import as_read, find_span, quoted


class Stance(NamedTuple):
    claim: Claim
    inside: bool
    family: str  # the act's family; "scope" for a scope statement, which meets every family
    phrase: str  # the class as the rule words it
    head: str  # the class's head noun, stemmed
    words: frozenset[str]  # the class's content words, generic words left out
    said: str  # the words that place the class, for the message and the span


@lru_cache(maxsize=1)
def _data() -> dict:
    return data()["work_scope"]


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Every verb form (base, -s, past participle, un- participle's stem) to its family."""
    out: dict[str, str] = {}
    for family, verbs in _data()["families"].items():
        for base, participle in verbs:
            for form in (base, participle, base + "s", base + "es"):
                out[form] = family
    return out


def _alternation(forms: list[str]) -> str:
    return "|".join(sorted({re.escape(f) for f in forms}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[bool, re.Pattern[str]], ...]:
    """(inside, pattern) for every stance form, the verb forms substituted (BASE, PARTICIPLE)."""
    verbs = [v for vs in _data()["families"].values() for v in vs]
    subs = {"BASE": _alternation([b for b, _ in verbs]), "PARTICIPLE": _alternation([p for _, p in verbs])}
    out = []
    for key, inside in (("inside", True), ("outside", False)):
        for form in _data()[key]:
            for name, alt in subs.items():
                form = form.replace(name, f"(?:{alt})")
            out.append((inside, re.compile(form, re.I)))
    return tuple(out)


@cache
def _regex(key: str) -> re.Pattern[str]:
    # a label is told by its capital: "not labelled Missing Cell" against "not labelled at all"
    return re.compile(_data()[key], 0 if key == "labelled_as" else re.I)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(content(" ".join(_data()["generic"])))


_CODE = re.compile(r"\b[A-Za-z]+\d+[A-Za-z]?\b")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def _clauses(text: str) -> list[str]:
    """The sentence's clauses, each opening as a sentence opens ("A: Leave ships ..." reads "Leave ships ...")."""
    body = _regex("opener").sub("", _PARENTHESIS.sub("", unquoted(text)), count=1)
    return [c.strip() for c in _regex("clause_break").split(body) if c and c.strip()]


def _head(phrase: str) -> str | None:
    """The class's head noun: the last word before a preposition, relative or participle that narrows it."""
    words = re.findall(r"[\w'’-]+", phrase)
    stop, participle = _regex("head_stop"), _regex("participle")
    kept: list[str] = []
    for i, w in enumerate(words):
        # "Edits made by bots": a participle before a preposition, or ending the phrase, narrows the class
        narrows = participle.fullmatch(w) and (i + 1 == len(words) or stop.fullmatch(words[i + 1]))
        # "Vessels sitting in a dock": an -ing word after a plural is a participle, "a chalk drawing" a noun
        acting = w.lower().endswith("ing") and kept and kept[-1].lower().endswith("s")
        if stop.fullmatch(w) or (kept and (acting or narrows)):
            break
        kept.append(w)
    kept = [w for w in kept if w.lower() not in _data()["determiners"]]
    if not kept or kept[-1].lower() in _data()["generic"]:
        return None
    return stem(kept[-1].lower())


def _family(verb: str | None) -> str:
    if not verb:
        return "scope"
    v = verb.lower()
    return _families().get(v) or _families().get(v[2:] if v.startswith("un") else v, "scope")


def _stances_of(c: Claim) -> list[Stance]:
    """The rule's stances, clause by clause: the first form a clause meets decides it (a stance that names a label is
    passed over), and an inside clause also takes in the classes it includes by name."""
    out = []
    for clause in _clauses(c.text):
        for inside, rx in _patterns():
            m = rx.search(clause)
            if not m or (not inside and _names_a_label(clause, m)):
                continue
            # a subject ends at its verb; an object or an included class at a purpose, condition or label
            phrases = [(m.group("c"), m.start("c") == 0)] + [
                (p, False) for p in _included(clause[m.end() :] if inside else "")
            ]
            for phrase, subject in phrases:
                stance = _stance(c, inside, m, phrase, subject)
                if stance is not None:
                    out.append(stance)
            break
    return out


def _names_a_label(clause: str, m: re.Match[str]) -> bool:
    """An out stance whose act gives a label ("not tagged as DATE", "Do not label a point as coral just because a
    recruit is nearby"): the label's scope, not the work's. The label follows the match, or the class phrase inside
    it."""
    if _regex("labelled_as").match(clause[m.end() :]):
        return True
    cut = _regex("phrase_end").search(m.group("c"))
    return cut is not None and _regex("labelled_as").match(m.group("c")[cut.start() :]) is not None


def _included(rest: str) -> list[str]:
    """The classes an inside clause takes in by name: "Box every housing, including signals facing away"."""
    return [m.group("c") for m in _regex("including").finditer(rest)]


def _stance(c: Claim, inside: bool, m: re.Match[str], phrase: str, subject: bool) -> Stance | None:
    phrase = _regex("subject_end" if subject else "phrase_end").split(phrase, maxsplit=1)[0].strip(" ,")
    # "Some transcripts ..." is a share, "objects smaller than 12 pixels" a measure (the numeric checks' to read)
    if _regex("share").match(phrase) or _regex("measured").search(phrase):
        return None
    head = _head(phrase)
    if head is None or head in _generic():
        return None
    coded = {w.lower() for w in _CODE.findall(phrase)}  # "the answers to Q2": a code is a class word
    # "notes" stems to a stop word: the head counts as a class word all the same
    words = (content(phrase) - _generic()) | coded | {head}
    verb = m.groupdict().get("v")
    return Stance(c, inside, _family(verb), phrase, head, words, m.group(0).strip())


def _named_in(word: str, words: frozenset[str]) -> bool:
    """The word, or one it opens or that opens it ("margin" / "marginal"), is among the words."""
    return any(
        w == word or (min(len(w), len(word)) >= 5 and (w.startswith(word) or word.startswith(w)))
        for w in words
    )


def _same_class(inside: Stance, outside: Stance) -> bool:
    """One head noun, and the class kept out named by the rule that works on it: a general rule against a narrower
    class kept out ("Every fruit gets its own box" / "Fruit lying on the ground is never boxed") is a rule and its
    restriction, and two classes each with words of their own ("a date watermark" / "a stock-photo watermark") are
    two cases."""
    if inside.head != outside.head:
        return False
    left_out = [w for w in outside.words if not _named_in(w, inside.words)]
    own = [w for w in inside.words if not _named_in(w, outside.words)]
    return len(left_out) <= 0.25 * len(outside.words) and not (left_out and own)


def _narrowed(inside: Stance, outside: Stance) -> bool:
    """The rule that keeps the class out does so under a condition the other rule does not name: a rule and its
    restriction ("Rate the query" / "You should not score the query when two labels apply")."""
    case = outside.claim.condition - _generic()
    named = inside.claim.condition | inside.claim.core | inside.words
    return bool(case) and len([w for w in case if not _named_in(w, named)]) > 0.25 * len(case)


def _excepted(x: Stance, y: Stance) -> bool:
    """Either rule states an exception to itself: a rule and its own scope."""
    exception = _regex("exception")
    return any(exception.search(s.claim.text) for s in (x, y))


def _clash(x: Stance, y: Stance) -> bool:
    if x.inside == y.inside:
        return False
    inside, outside = (x, y) if x.inside else (y, x)
    return (
        (x.family == y.family or "scope" in (x.family, y.family))
        and same_project(x.claim.rule, y.claim.rule)
        and not stated_together(x.claim.rule, y.claim.rule)
        and _same_class(inside, outside)
        and not _narrowed(inside, outside)
        and not _excepted(x, y)
    )


def _relation(x: Stance, y: Stance) -> Relation:
    first, second = (x, y) if x.claim.rule.id <= y.claim.rule.id else (y, x)
    inside, outside = (x, y) if x.inside else (y, x)
    why = (
        f"{quoted(as_read(inside.claim.rule))} works on {quoted(inside.phrase, 80)} ({quoted(inside.said, 60)}), but "
        f"{quoted(as_read(outside.claim.rule))} keeps {quoted(outside.phrase, 80)} out ({quoted(outside.said, 60)})."
    )
    # a stance read past a parenthesis is not in the rule's text as written: its class is
    spans = [
        span
        for s in (inside, outside)
        for span in find_span(s.claim.rule, s.said) or find_span(s.claim.rule, s.phrase)
    ]
    return unless_updated("CON014", first.claim, second.claim, 0.7, why, spans)


def work_scope_relations(claims: list[Claim]) -> list[Relation]:
    """CON014 for each pair of rules that put one class of items inside and outside the work."""
    stances = [
        s for c in claims if not is_example_material(c) and c.rule.kind != "rubric" for s in _stances_of(c)
    ]
    by_head: dict[str, list[Stance]] = {}
    for s in stances:
        by_head.setdefault(s.head, []).append(s)
    return [_relation(x, y) for x, y in grouped_pairs(by_head.values(), lambda s: s.claim, _clash)]


__all__ = ["work_scope_relations"]
