"""The thing a rule's "it" or "them" stands for, when the act's object is a pronoun.

"If a single conversation runs past 300 seconds, flag it and move on" flags the conversation; "Sensitive is for
crowd trouble only; never tick it because a player is hurt" forbids ticking Sensitive. The parser leaves such an
act without an object, so two rules about one thing look like rules about nothing in particular. The pronoun is
read as the subject of the rule's condition, or of the clause the sentence opens on when that subject is a name
the deck writes with a capital (a label). Nothing else is guessed: no pronoun, or no such subject, no object.
"""

from __future__ import annotations

import re

from ....model import Rule
from .lexicon import stem

# The act's object is the pronoun right after its verb: "flag it", "tick them".
_PRONOUN_OBJECT = r"\b{verb}\w*\s+(?:it|them)\b"

# The subject of a condition: "If a single conversation runs past ...", "when the clip has no audio".
_CONDITION_SUBJECT = re.compile(
    r"^\s*(?:if|when|whenever|once|where|as\s+soon\s+as)\s+(?:(?:a|an|the|any|each|every|this|that|your)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<n>[a-z]{3,})\s+(?:is|are|was|were|runs?|has|have|contains?|shows?|looks?|sits?|gets?|"
    r"goes|lasts?|takes?|falls?|comes?|does|do|isn't|aren't|doesn't|don't|includes?|mentions?|uses?|needs?)\b",
    re.I,
)
# A sentence that opens on a capitalised name as its subject: "Sensitive is for crowd trouble only; ...".
_NAME_SUBJECT = re.compile(r"^\s*(?P<n>[A-Z][\w-]+)\s+(?:is|are)\b")


def pronoun_object(rule: Rule, condition_text: str) -> str | None:
    """The stem of the thing a pronoun object stands for, or None."""
    if rule.object or not rule.action:
        return None
    if not re.search(_PRONOUN_OBJECT.format(verb=re.escape(rule.action[:4])), rule.text, re.I):
        return None
    m = _CONDITION_SUBJECT.match(condition_text) or _NAME_SUBJECT.match(rule.text)
    return stem(m.group("n").lower()) if m else None


__all__ = ["pronoun_object"]
