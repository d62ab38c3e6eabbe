"""Defaults for doubt: "If in doubt, pick the lower of the two grades", "When unsure, skip the clip".

A rule whose condition is doubt itself, with nothing said about what the doubt is about, and which assigns
something. CON012 reports a deck's differing defaults together; the pair detectors leave such pairs to it.
Words and patterns: ``data/contradictions.toml`` ([doubt_defaults]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....model import Rule
from ..wording import data, mask_quotes

_WORD = re.compile(r"[a-z]+")
_DANGLING = re.compile(r"^(?:whether|if|about)\s*,\s*", re.I)  # "When in doubt whether, always tag ..."


class _Words(NamedTuple):
    cue: re.Pattern[str]
    scoped: re.Pattern[str]
    verbs: frozenset[str]
    same: float


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data("contradictions")["doubt_defaults"]
    return _Words(re.compile(d["cue"], re.I), re.compile(d["scoped"], re.I), frozenset(d["verbs"]), d["same"])


def doubt_default(rule: Rule) -> str | None:
    """What ``rule`` tells a rater to do when in doubt, or None: no cue, a doubt it names, or nothing assigned."""
    if rule.is_example or rule.role != "rule":
        return None
    words = _words()
    m = words.cue.search(mask_quotes(rule.text))
    if m is None or words.scoped.match(rule.text[m.end() :]):
        return None
    instruction = _DANGLING.sub("", rule.text[m.end() :].strip(" ,:;-–—!."))
    assigns = any(
        w in words.verbs or w.rstrip("s") in words.verbs for w in _WORD.findall(instruction.lower())
    )
    return instruction if instruction and assigns else None


def same_default() -> float:
    """Content-word overlap at which two defaults say the same thing."""
    return _words().same


__all__ = ["doubt_default", "same_default"]
