"""The name a rule gives the thing its figure belongs to, and two figures that belong to things named apart.

Decks list levels, tiers and bonuses as named entries, each with its own bar: "Level 1 means contaminants cover less
than 10% ..." / "Level 3 means contaminants cover more than 25% ...", "Two bonuses are available each week: Quality
bonus: ... 90% or higher" / "...: Volume bonus: ... 85% or higher". The names share a kind ("Level", "bonus") and
differ in the rest, so the two figures are two limits, not two values for one (CON004).
"""

from __future__ import annotations

import re

# A name written before a colon or "means": "Level 1 means", "Quality bonus:", after the start or a sentence break.
_TITLE = re.compile(
    r"(?:^|[:.;]\s+)(?P<t>[A-Z][\w-]*(?:\s+[\w-]+){0,2}?)(?:\s*:\s|\s+(?:means|covers|applies\s+to)\b)"
)


def title_before(text: str, at: int) -> tuple[str, ...]:
    """The words of the last name written before position ``at`` (the figure), lower case; () without one."""
    at = at if at >= 0 else len(text)
    found = [m.group("t") for m in _TITLE.finditer(text) if m.start("t") <= at]  # "bonus: an extra $0.04" too
    return tuple(found[-1].lower().split()) if found else ()


def titled_apart(text_a: str, at_a: int, text_b: str, at_b: int) -> bool:
    """Each figure belongs to a thing of its own name, of one kind ("Level 1" / "Level 3", "Quality bonus" /
    "Volume bonus")."""
    ta, tb = title_before(text_a, at_a), title_before(text_b, at_b)
    return bool(ta and tb) and ta != tb and (ta[0] == tb[0] or ta[-1] == tb[-1])


__all__ = ["title_before", "titled_apart"]
