"""A case a deck refuses as a reason to skip: "Not understanding the language of the lyrics is no reason to skip a
clip", "Photos that fail to load do not justify a skip", "A compliance flag is no excuse for leaving the quality
score empty".

Decks state these as facts with no modal verb, often in an FAQ answer, against a grant elsewhere ("You may skip a
clip when its lyrics are in a language you don't understand"). Read here, such a sentence is a rule (a prohibition
of skipping in that case), and the contradiction checks compare its case with the cases other rules excuse. The
words are data (``data/rules.toml`` [refused_reasons]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    d = lexicon().data["refused_reasons"]
    return tuple(re.compile(d[k], re.I) for k in ("words", "pattern", "after"))


@lru_cache(maxsize=1 << 14)
def read_refused_reason(text: str) -> re.Match[str] | None:
    """The refusal in a sentence: the match, whose group ``subject`` is the case refused ("Photos that fail to load
    do not justify a skip"; "Skipping is not allowed for transcription noise"). Remembered: the whole-deck scans ask
    it of the same rules many times."""
    words, *patterns = _patterns()
    if words.search(text) is None:
        return None
    return next((m for rx in patterns if (m := rx.search(text))), None)


__all__ = ["read_refused_reason"]
