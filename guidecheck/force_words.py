"""The words that give a rule its force, read from data/modality.toml: one list that every use derives from.

The contradiction cues, the strength words stripped before comparing restatements, and the words the reports
highlight used to be four hand-kept lists that drifted apart. Each phrase now appears once, with its force and
the uses it serves, so adding a modal word is one line in one file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import tomllib

FORCES = ("prohibit", "oblige", "permit", "recommend", "other")
USES = ("cue", "strip", "mark")


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[str, str, dict[str, bool | int]], ...]:
    """(phrase, force, uses) in the file's order; an unknown force or use, or a phrase listed twice, is an error
    here rather than a word that silently does nothing."""
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/modality.toml").read_text("utf-8"))
    unknown = set(data) - set(FORCES)
    if unknown:
        raise ValueError(f"data/modality.toml: unknown force {sorted(unknown)}; use one of {FORCES}")
    out: list[tuple[str, str, dict[str, bool | int]]] = []
    seen: set[str] = set()
    for force in FORCES:
        for phrase, uses in data.get(force, {}).items():
            if phrase in seen or set(uses) - set(USES):
                raise ValueError(f"data/modality.toml: {phrase!r} is listed twice or has a use not in {USES}")
            seen.add(phrase)
            out.append((phrase, force, uses))
    return tuple(out)


def force_words(use: str, force: str | None = None) -> tuple[str, ...]:
    """The phrases one use reads, optionally of one force only; for ``mark``, in highlighting priority."""
    if use not in USES:
        raise ValueError(f"unknown use {use!r}; use one of {USES}")
    chosen = [(p, uses[use]) for p, f, uses in _entries() if uses.get(use) and force in (None, f)]
    if use == "mark":
        chosen.sort(key=lambda pu: int(pu[1]))
    return tuple(p for p, _ in chosen)


def strength_pattern() -> re.Pattern[str]:
    """The strength words as one regex on \\b word boundaries, longest first, so "must not" is one match.

    \\b (not a letter-or-apostrophe boundary) is what restatements always used: the "can" of "can't" matches.
    """
    words = sorted(force_words("strip"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


__all__ = ["FORCES", "USES", "force_words", "strength_pattern"]
