"""Which of two things wins, as one rule states it: "accuracy outranks style", "prefer A over B", "where the
transcript and the audio disagree, the audio is what counts", "if a teacher note contradicts the rubric, rate by
the rubric".

The two things are kept as word sets, so that two rules naming them in other words still meet. A phrase that names
the guideline itself ("this guide", "the rubric", "the main guidelines", "this document") stands for one and the
same thing, whatever the deck calls itself: "Where the teacher note and this guide disagree, the teacher note
wins" and "If a teacher note contradicts the rubric, rate by the rubric" rank the same two sources two ways.
Patterns are data (``data/contradictions.toml`` [priority]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .conflict import Conflict
from .lexicon import content, data, lexicon, stem
from .text import as_read, find_span, quoted

# The guideline itself, however a deck names it.
THIS_DOCUMENT = "<this document>"
_SELF = re.compile(
    r"^(?:(?:this|these|the|our|its)\s+)?(?:(?:main|written|published|official|current|whole|project|rating|"
    r"annotation|training|labell?ing|task)\s+)*(?:guide|guides|guideline|guidelines|rubric|document|deck|manual|handbook|instructions|spec|specs|"
    r"specification)$",
    re.I,
)
# A loser that is everything else: "DISABILITY outranks every other category"; "When two sections disagree, the
# Assessment wins" puts it above whichever other section.
ANY_OTHER = "<any other>"
_EVERY_OTHER = re.compile(r"^(?:(?:every|any|all|each)\s+other|two)\b", re.I)
_NOTE_WORD = re.compile(r"\bnotes?\b", re.I)
_NOTE = frozenset({"note"})


class _Forms(NamedTuple):
    roles: re.Pattern[str]  # the people a source comes from ("a reviewer's comment")
    choice_over: re.Pattern[str]  # "label the request, not the complaint" under a situation naming both
    situation_winner: re.Pattern[str]  # "..., the contradicting passage prevails", no loser named


@lru_cache(maxsize=1)
def _forms() -> _Forms:
    """Source roles, choices between two named things, and winners of a situation (data/contradictions.toml)."""
    d = data()["priority"]
    roles = re.compile(r"\b(?:" + "|".join(map(re.escape, d["source_roles"])) + r")\b", re.I)
    return _Forms(roles, re.compile(d["choice_over"], re.I), re.compile(d["situation_winner"], re.I))


def side_words(text: str) -> frozenset[str]:
    """The words that name one side: the guideline itself as one token, else its content words. "Note" is a cue
    word elsewhere ("Note: ..."), but here it names a source ("the client note", "the show notes"), so it counts;
    so do the people a source comes from ("a reviewer's comment"), which the content reader drops as role words."""
    phrase = text.strip().rstrip(".,;:")
    if _SELF.match(phrase):
        return frozenset({THIS_DOCUMENT})
    roles = frozenset(stem(m.lower()) for m in _forms().roles.findall(phrase))
    return content(phrase) | roles | (_NOTE if _NOTE_WORD.search(phrase) else frozenset())


def _winner_of_conflict(text: str) -> tuple[frozenset[str], frozenset[str], str, str] | None:
    """'When X and Y disagree, Y wins' / 'If X contradicts Y, rate by Y': the side the named winner matches."""
    for rx in lexicon().conflict_clauses:
        m = rx.search(text)
        if not m:
            continue
        groups = m.groupdict()
        named = (
            groups.get("w") or groups.get("w2") or groups.get("w3") or groups.get("w4") or groups.get("w5")
        )
        x, y, w = side_words(m.group("x")), side_words(m.group("y")), side_words(named or "")
        only_x, only_y = x - y, y - x  # "a car box and a bike box": the words that tell the two apart
        if w and (w & only_y) and not (w & only_x):
            return y, x, m.group("y").strip(), m.group("x").strip()
        if w and (w & only_x) and not (w & only_y):
            return x, y, m.group("x").strip(), m.group("y").strip()
    return None


Priority = tuple[
    frozenset[str], frozenset[str], str, str
]  # winner words, loser words, winner text, loser text

# Where a second ranking joins the first: "Spam outranks everything else and Complaint outranks Bug Report".
_JOINED = re.compile(
    r"\s*;\s*|,?\s+and\s+(?=[^,;.]{1,40}?\b(?:outranks?|beats?|trumps?|overrides?|wins?\s+over|takes?\s+"
    r"(?:priority|precedence)\s+over)\b)",
    re.I,
)
# "When both labels fit, HOST_READ takes priority": the two are the ones the question names ("HOST_READ or AFFILIATE?").
_BOTH = re.compile(
    r"^\s*(?:when|if|where|whenever)\s+both\s+(?:labels|tags|categories|codes|options|types|classes)\s+"
    r"(?:fit|apply|match|are\s+possible|could\s+apply)\s*,\s*(?:use\s+|choose\s+|pick\s+)?(?P<w>\S+?)"
    r"(?:\s+(?:takes\s+(?:priority|precedence)|wins|comes\s+first|prevails))?\s*[.;,]",
    re.I,
)
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{3,}\b")


def priorities_of(text: str, context: str | None = None) -> tuple[Priority, ...]:
    """Every ranking a rule states: each clause of "A outranks everything else and C outranks D" on its own, and
    a ranking whose two sides the question it answers names."""
    parts = [p for p in _JOINED.split(text) if p.strip()]
    found = tuple(r for p in parts if (r := priority_of(p)) is not None) if len(parts) > 1 else ()
    if not found and (whole := priority_of(text)) is not None:
        found = (whole,)
    if not found and (choice := _choice_over(text)) is not None:
        found = (choice,)
    if not found and context and (m := _BOTH.match(text)):
        names = list(dict.fromkeys(_CODE.findall(context)))
        if len(names) == 2 and m.group("w") in names:
            loser = names[1 - names.index(m.group("w"))]
            found = ((side_words(m.group("w")), side_words(loser), m.group("w"), loser),)
    return found


def _choice_over(text: str) -> Priority | None:
    """ "When one turn has both a complaint and a request, label the request, not the complaint": the first over the
    second, when the situation names both (else "label it X, not Y" corrects a wording, it ranks nothing)."""
    m = _forms().choice_over.search(text)
    if m is None:
        return None
    situation, w, ln = content(m.group("s")), side_words(m.group("w")), side_words(m.group("l"))
    if not (w & situation and ln & situation) or w & ln:
        return None
    return w, ln, m.group("w").strip(), m.group("l").strip()


@lru_cache(maxsize=1 << 14)
def situation_winner(text: str) -> tuple[frozenset[str], frozenset[str], str] | None:
    """(situation words, winner words, winner text) of "If one passage supports the claim and another contradicts
    it, the contradicting passage prevails": a winner with no loser named, the other being the situation's."""
    m = _forms().situation_winner.search(text)
    if m is None:
        return None
    return content(m.group("s")), side_words(m.group("w")), m.group("w").strip()


def _winners_clash(fa, fb) -> Conflict | None:
    """One situation, two winners: each rule's winner is named by a word of the other rule's situation that the
    other winner lacks ("the contradicting passage prevails" / "the supporting passage takes priority")."""
    a, b = situation_winner(fa.text), situation_winner(fb.text)
    if a is None or b is None or len(a[0] & b[0]) < 2:
        return None
    only_a, only_b = a[1] - b[1], b[1] - a[1]
    if not (only_a & b[0] and only_b & a[0]):
        return None
    why = (
        f"{quoted(as_read(fa.rule))} lets {a[2]} win, but {quoted(as_read(fb.rule))} lets {b[2]} win in the same "
        "situation."
    )
    return Conflict(
        "CON005", 0.85, why, find_span(fa.rule, a[2]) + find_span(fb.rule, b[2]), False, categorical=True
    )


def priority_of(text: str) -> Priority | None:
    """(winner words, loser words, winner text, loser text) when the rule ranks one thing over another."""
    lex = lexicon()
    if not lex.priority_gate.search(text):
        return None
    found = _winner_of_conflict(text)
    if found is not None:
        return found
    for rx in lex.priority:
        m = rx.search(text)
        if m:
            w_txt, l_txt = m.group("w").strip(), m.group("l").strip()
            w, ln = side_words(w_txt), side_words(l_txt)
            if _EVERY_OTHER.match(l_txt):
                ln = frozenset({ANY_OTHER})
            if w and ln:
                return w, ln, w_txt, l_txt
    return None


def priority_conflict(fa, fb) -> Conflict | None:
    """Two rankings of one pair of things the opposite ways, any of either rule's rankings."""
    for pa in fa.priorities:
        for pb in fb.priorities:
            if (found := _rankings_clash(fa, fb, pa, pb)) is not None:
                return found
    return _winners_clash(fa, fb)


def _rankings_clash(fa, fb, pa: tuple, pb: tuple) -> Conflict | None:
    wa, la, wa_t, la_t = pa
    wb, lb, wb_t, lb_t = pb
    if ANY_OTHER in la and ANY_OTHER in lb and not content(la_t) & content(lb_t) - {"other"}:
        return None  # each puts its own thing above everything else: only when both rank one slot
    if (wa & lb or ANY_OTHER in lb) and (la & wb or ANY_OTHER in la) and not (wa & wb):
        why = (
            f"{quoted(as_read(fa.rule))} puts {wa_t} before {_loser(la_t)}, but {quoted(as_read(fb.rule))} puts "
            f"{wb_t} before {_loser(lb_t)}."
        )
        spans = (
            find_span(fa.rule, wa_t)
            + find_span(fa.rule, la_t)
            + find_span(fb.rule, wb_t)
            + find_span(fb.rule, lb_t)
        )
        return Conflict("CON005", 0.9, why, spans, False, categorical=True)
    return None


def _loser(text: str) -> str:
    """ "two sections of the note" as the loser: the other of the two."""
    return f"the other of the {text}" if re.match(r"two\s", text, re.I) else text


__all__ = [
    "ANY_OTHER",
    "THIS_DOCUMENT",
    "Priority",
    "priorities_of",
    "priority_conflict",
    "priority_of",
    "side_words",
]
