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

from .lexicon import content, lexicon

# The guideline itself, however a deck names it.
THIS_DOCUMENT = "<this document>"
_SELF = re.compile(
    r"^(?:(?:this|these|the|our|its)\s+)?(?:(?:main|written|published|official|current|whole|project|rating|"
    r"annotation)\s+)*(?:guide|guides|guideline|guidelines|rubric|document|deck|manual|handbook|instructions|spec|specs|"
    r"specification)$",
    re.I,
)
# A loser that is everything else: "DISABILITY outranks every other category".
ANY_OTHER = "<any other>"
_EVERY_OTHER = re.compile(r"^(?:every|any|all|each)\s+other\b", re.I)
_NOTE_WORD = re.compile(r"\bnotes?\b", re.I)
_NOTE = frozenset({"note"})


def side_words(text: str) -> frozenset[str]:
    """The words that name one side: the guideline itself as one token, else its content words. "Note" is a cue
    word elsewhere ("Note: ..."), but here it names a source ("the client note", "the show notes"), so it counts."""
    phrase = text.strip().rstrip(".,;:")
    if _SELF.match(phrase):
        return frozenset({THIS_DOCUMENT})
    return content(phrase) | (_NOTE if _NOTE_WORD.search(phrase) else frozenset())


def _winner_of_conflict(text: str) -> tuple[frozenset[str], frozenset[str], str, str] | None:
    """'When X and Y disagree, Y wins' / 'If X contradicts Y, rate by Y': the side the named winner matches."""
    for rx in lexicon().conflict_clauses:
        m = rx.search(text)
        if not m:
            continue
        groups = m.groupdict()
        named = groups.get("w") or groups.get("w2") or groups.get("w3") or groups.get("w4")
        x, y, w = side_words(m.group("x")), side_words(m.group("y")), side_words(named or "")
        only_x, only_y = x - y, y - x  # "a car box and a bike box": the words that tell the two apart
        if w and (w & only_y) and not (w & only_x):
            return y, x, m.group("y").strip(), m.group("x").strip()
        if w and (w & only_x) and not (w & only_y):
            return x, y, m.group("x").strip(), m.group("y").strip()
    return None


def priority_of(text: str) -> tuple[frozenset[str], frozenset[str], str, str] | None:
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


__all__ = ["ANY_OTHER", "THIS_DOCUMENT", "priority_of", "side_words"]
