"""Which semicolon clause a condition belongs to.

A sentence joined by semicolons holds several instructions, and a condition that opens or closes a later clause
governs that clause's instruction, not the rule the sentence states: in "Only team leads may set the FAKE flag; if
you suspect a review is fake, press Escalate" the rule is the reservation, and it holds in every case. Read as the
rule's condition, "if you suspect a review is fake" makes the reservation a narrower rule and hides its clash with
"any rater may set the FAKE flag". A condition is kept when it is in the clause of the rule's verb, when it stands
before that clause (a sentence-initial "If ...," qualifies all that follows), and when its clause is nothing but
the condition ("Use the Other tag; only if nothing else fits", a fragment that qualifies the clause before it).
"""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r";\s+")
_WORD = re.compile(r"[\w'’-]+")


def in_rule_clause(conditions: list[str], sent, verb) -> list[str]:
    """The ``conditions`` of the sentence Span ``sent`` that qualify the clause of ``verb`` (the rule's token)."""
    text = sent.text
    if verb is None or ";" not in text or not conditions:
        return conditions
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    rule_clause = _clause_at(starts, verb.idx - sent.start_char)
    kept = []
    for condition in conditions:
        span = _find(text, condition)
        if span is None or _clause_at(starts, span[0]) <= rule_clause:
            kept.append(condition)
            continue
        k = _clause_at(starts, span[0])
        clause = text[starts[k] : ends[k]]
        if not _governs_own_instruction(clause, span[0] - starts[k], span[1] - starts[k], condition):
            kept.append(condition)
    return kept


def _clause_at(starts: list[int], offset: int) -> int:
    return sum(1 for s in starts if s <= offset) - 1


def _find(text: str, condition: str) -> tuple[int, int] | None:
    """Where the (whitespace-normalised) condition stands in the sentence, or None."""
    m = re.search(r"\s+".join(re.escape(w) for w in condition.split()), text, re.I)
    return m.span() if m else None


def _governs_own_instruction(clause: str, at: int, end: int, condition: str) -> bool:
    """The clause says something beyond the condition: words before it ("label what you can and pick CLARIFY if
    the request stays unclear"), words after it, or a consequent the parse took into it ("if the figure carries a
    wrong label, a caption that repeats it is not penalised")."""
    before = len(_WORD.findall(clause[:at]))
    after = len(_WORD.findall(clause[end:]))
    consequent = len(_WORD.findall(condition.split(", ", 1)[1])) if ", " in condition else 0
    return before >= 2 or after >= 2 or consequent >= 2


__all__ = ["in_rule_clause"]
