"""Words that describe or judge the rated item, not the written output (a tone word read as the output's tone
would otherwise clash with every tone rule of the deck).

"Don't use TONE for replies that are merely flat or a bit formal" describes replies being rated, and so does "a
comment can be entirely correct and still rude"; "Decide whether a post is sarcastic" judges the post; "Sarcasm: Not sarcastic" gives the post a label. "Tone: friendly" is a field
too, but one that specifies the output.
"""

from __future__ import annotations

import re

_DESCRIBED = re.compile(
    r"\b(?:that|which|who)\s+(?:are|is|were|was|seem|seems|sound|sounds|come across|comes across|read|reads)\b[^,;.]*$",
    re.I,
)
_JUDGED = re.compile(
    r"\bwhether\b[^,;.:]{0,60}\b(?:is|are|was|were|seems?|sounds?|reads?)\s+(?:really\s+|actually\s+|truly\s+|meant\s+as\s+)?$",
    re.I,
)
# "a comment can be entirely correct and still rude, or warm and friendly": what a rated item can be like.
_CONCEDED = re.compile(r"\b(?:can|could|may|might)\s+be\b[^;.]{0,80}\bstill\b[^;.]{0,40}$", re.I)
_FIELD_VALUE = re.compile(r"(?:^|[.;]\s+)(?P<field>[A-Za-z][\w /-]{0,24}):\s*(?:not\s+|non-?)?$", re.I)


def judges_the_item(before: str, output_field: re.Pattern[str]) -> bool:
    """The text right before a word makes the word a description, judgment or label of the item; a field whose
    name ``output_field`` matches ("Tone:", "Style:") specifies the output instead."""
    if _DESCRIBED.search(before) or _JUDGED.search(before) or _CONCEDED.search(before):
        return True
    field = _FIELD_VALUE.search(before)
    return field is not None and not output_field.search(field.group("field"))


# "answers that just say 'see an accountant' to simple questions": the word describes what the rater is given.
_INPUT_NOUN = re.compile(
    r"\s+(?:questions?|quer(?:y|ies)|prompts?|requests?|cases?|tasks?|problems?)\b", re.I
)


def modifies_the_input(text: str, end: int) -> bool:
    """The word ending at ``end`` is an adjective on the item the rater is given ("simple questions")."""
    return _INPUT_NOUN.match(text, end) is not None


__all__ = ["judges_the_item", "modifies_the_input"]
