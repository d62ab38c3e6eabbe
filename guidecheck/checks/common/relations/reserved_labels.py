"""A label kept for one case by a rule that sends, in its next clause, the case its table row describes to another
label (CON006, read with ``described_apart``).

"| UNCLEAR | A sign is clearly being produced and the hands are visible, but you cannot identify it |" against
"UNCLEAR is reserved for stretches where the hands are blocked or out of frame; a visible sign that you cannot
identify should be glossed UNKNOWN instead"; "[inaudible] is reserved for moments when the recording drops out;
speech that is present but hard to make out gets [unclear] instead" against "[inaudible] — speech is present but you
cannot make out the words". The row and the clause describe one case in words of their own; no word of either is
the other's opposite, so the polar reading of ``described_apart`` does not see them.
"""

from __future__ import annotations

import re

from .lexicon import content
from .text import name_at

# "is reserved for", "is kept only for", "is only for", "is used only for": the label held for one case.
_RESERVED = re.compile(
    r"\b(?:is|are)\s+(?:(?:reserved|kept|used|meant)\s+(?:only\s+)?|only\s+(?:used\s+|meant\s+)?)for\b", re.I
)
# Another label in the clause: a code ("UNKNOWN", "BILLING-QUERY") or a bracketed tag ("[unclear]").
_LABEL = re.compile(r"(?<![\w\[-])(?:[A-Z]{2,}[A-Z0-9]*(?:[_-][A-Z0-9]+)*)(?![\w-])|\[[a-z][a-z -]{1,20}\]")
# Of the clause's words (the other label's aside), at least this share must be the row's.
_SHARE = 1 / 3


def sent_elsewhere(
    names: tuple[str, ...], description: str, text: str, table: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """(the clause, the other label) when ``text`` keeps a label of ``names`` for one case and sends the case the
    row's ``description`` gives it to another label: a code, a bracketed tag, or a name of another row of the same
    table (``table``: "...; a dented box with undamaged contents is labeled Cosmetic only")."""
    m = _RESERVED.search(text)
    if m is None or not any(name_at(text[: m.start()], n) for n in names):
        return None
    parts = text[m.end() :].split(";", 1)
    if len(parts) < 2:
        return None
    clause = parts[1].strip()
    others = [o for o in _LABEL.findall(clause) if o not in names]
    others += [t for t in sorted(table) if t not in names and name_at(clause, t)]
    if not others:
        return None
    words = content(_LABEL.sub(" ", clause).replace("-", " ")) - {w for t in table for w in content(t)}
    shared = words & content(description.replace("-", " "))
    if len(shared) < 2 or len(shared) < _SHARE * len(words):
        return None
    return clause, others[0]


__all__ = ["sent_elsewhere"]
