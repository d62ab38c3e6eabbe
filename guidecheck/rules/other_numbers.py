"""Numbers that spell a point of the deck's scale but are not one.

"Grade 5 passages", "above grade 8" and "points 6 to 8" number something else; "10 or 20 words" measures; "we
score it Accuracy 3" names the scale ("Accuracy") beside its score. A known score label ("5") found in such a place
is no label the sentence assigns. The words are data (``data/rules.toml`` [words] numbering_nouns, measure_units).
"""

from __future__ import annotations

import re

from .lexicon import lexicon


def numbers_other(sent, at: int, label: str) -> bool:
    """The number spotted at token ``at`` (or, when the token is elsewhere, its first place in the sentence) numbers
    or measures something else (``other_number``)."""
    text = sent.text
    tok = sent.doc[at] if sent.start <= at < sent.end else None
    start = tok.idx - sent.start_char if tok is not None and tok.text == label else text.find(label)
    return start >= 0 and other_number(text, start, start + len(label))


def other_number(text: str, start: int, end: int) -> bool:
    """A number that is not a point of the deck's scale although it spells one: it numbers something else ("Grade 5
    stems", "above grade 8", "points 6 to 8") or measures ("10 or 20 words", "a 3-minute clip")."""
    w = lexicon().words
    # "points 6 to 8": the words before the range's start
    window = _RANGE_START.sub("", text[max(0, start - 30) : start].lower())
    before = re.findall(r"[a-z]+", window)
    if before and before[-1] in w["numbering_nouns"]:
        return True
    after = text[end : end + 30].lower()
    unit = _UNIT_AFTER.match(after)
    return bool(unit and unit.group(1) in w["measure_units"])


_RANGE_START = re.compile(r"\d+(?:\.\d+)?\s*(?:to|or|and|-|–)\s*$")
_UNIT_AFTER = re.compile(r"\s*(?:(?:to|or|-|–)\s*\d+(?:\.\d+)?\s*)?-?\s*([a-z%]+)")


SCALE_SCORE = re.compile(r"\b([A-Z][\w-]*)\s+\d(?![\d/)]|[.,:]\d)")


__all__ = ["SCALE_SCORE", "numbers_other", "other_number"]
