"""How long one shift may run: the cap on a rater's working time in one shift or working day.

"A shift is at most 6 hours of labelling time, not counting breaks" and "You may label for up to 8 hours in one
shift" give the cap two values; so do "A single shift must not exceed 6 hours of logged tagging time" and "You can log
up to 8 hours of tagging in one shift". Decks state the cap in the conduct section and again in a FAQ. Read into one
form (seconds) two statements can be compared (CON004), and a sentence that states one is a rule. The interval
between breaks ("after 2 hours of continuous work, take a break") and a session's length are other limits, not read
here. The words are data (``data/rules.toml`` [shift_limits]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words, number_words_pattern


@dataclass(frozen=True)
class ShiftLimit:
    """One statement of the cap on working time in one shift."""

    seconds: float
    span: tuple[int, int]  # the words that state the length


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[re.Pattern[str], ...], dict[str, float]]:
    d = lexicon().data["shift_limits"]
    nums = number_words_pattern()
    units = "|".join(sorted(map(re.escape, d["units"]), key=len, reverse=True))
    time = rf"(?P<n>\d+(?:\.\d+)?|{nums})\s*-?\s*(?P<unit>{units})s?\b"
    return tuple(re.compile(f.replace("TIME", time), re.I) for f in d["forms"]), {
        k: float(v) for k, v in d["units"].items()
    }


@lru_cache(maxsize=4096)
def read_shift_limit(text: str) -> ShiftLimit | None:
    """The cap on one shift's working time a sentence states, or None."""
    if "shift" not in text.lower() and "day" not in text.lower():
        return None  # most sentences: one cheap look before the patterns
    forms, units = _forms()
    for form in forms:
        m = form.search(text)
        if m is not None:
            raw = m.group("n").lower()
            value = float(raw) if raw[0].isdigit() else number_words()[raw]
            return ShiftLimit(value * units[m.group("unit").lower()], (m.start("n"), m.end("unit")))
    return None


__all__ = ["ShiftLimit", "read_shift_limit"]
