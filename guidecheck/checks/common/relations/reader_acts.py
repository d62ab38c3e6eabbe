"""Which clauses of a sentence give the reader an act: the first, unless a thing is its subject and does nothing to
another ("A late citation does not change the final verdict; record it ..."), and each later one whose subject is
not a thing ("Mark each row on its own evidence: one Unclear row does not change how you mark the others")."""

from __future__ import annotations

import re

from .reservations import names_people

# A later clause with a thing for its subject: "Rate each product on its own merits; the other products in the list
# do not change its score" gives the reader no act of changing.
_THING_SUBJECT = re.compile(
    r"^\s*(?:the|its|their|this|that|these|those|other|a|an|one|no)\s+(?:[\w'’-]+\s+){0,3}", re.I
)
# A thing that does not act on another: "A wrong pin cite does not change the substantive verdict".
_THING_DOES_NOT = re.compile(
    r"^\s*(?:the|its|their|this|that|these|those|other|a|an|one|no)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:does|do|will|would|can|could|should)\s*(?:not|n['’]t)\b|^[^,]*\bnever\s+changes?\b",
    re.I,
)


def readers_clauses(text: str) -> str:
    """The clauses whose acts are the reader's: the first, unless a thing is its subject and acts on nothing ("A
    wrong pin cite does not change the verdict; record ..."), and each later one (after ";" or ":") whose subject is
    not a thing ("Mark each row on its own evidence: one Missing row does not change how you mark the others")."""
    first, *rest = re.split(r"[;:]", text)
    kept = [c for c in rest if not ((m := _THING_SUBJECT.match(c)) and not names_people(m.group(0)))]
    if (m := _THING_DOES_NOT.match(first)) is not None and not names_people(m.group(0)):
        first = ""
    return ";".join([first, *kept])


__all__ = ["readers_clauses"]
