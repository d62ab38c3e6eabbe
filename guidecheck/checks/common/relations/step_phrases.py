"""Phrases with "first" (or a start) that order no two steps of the work: a ranking of the things just named ("most
prominent theme first", "nearest station first"), a consequence clause ("..., so your labels decide which stretches
they walk first"), the order of a written thing's words ("Begin the Rationale with ..."). Words are data
(``data/contradictions.toml`` [sequence])."""

from __future__ import annotations

import re
from functools import lru_cache

from ....rules.lexicon import lexicon as rules_lexicon
from .lexicon import data

# The words after the last comma rank the things named: "most prominent theme first", "nearest station first".
_RANKED = re.compile(
    r"^\s*(?:the\s+)?(?:most|least|highest|lowest|largest|smallest|biggest|longest|shortest|newest|oldest|latest"
    r"|earliest|strongest|weakest|best|worst|nearest|closest|farthest|furthest|main|primary)\b",
    re.I,
)


# A clause after a comma that says what follows from the sentence ("Track engineers cannot look at every frame, so your
# labels decide which stretches they walk first"): its "first" is the order of what it names, no step of the rater's.
_CONSEQUENCE = re.compile(r"^\s*(?:and\s+)?so\s+(?!that\b)", re.I)


@lru_cache(maxsize=1)
def written_things() -> frozenset[str]:
    return frozenset(data()["sequence"]["written_things"])


def _item_order(text: str, tail: str) -> bool:
    """A short phrase after the clause's last comma that orders the things just named ("get a code for each, main
    language first"), not the rest of a noun phrase ("on the original, unsplit criterion first")."""
    words, before = tail.split(), text.rsplit(",", 1)[0].split()
    return (
        "," in text
        and 0 < len(words) <= 3
        and words[0].lower() not in rules_lexicon().imperative_verbs
        and bool(before)
        and _NAMED_THINGS.fullmatch(before[-1]) is not None
    )


_NAMED_THINGS = re.compile(r"each|all|both|them|[a-z]+[^s]s", re.I)


def orders_items(text: str, tail: str) -> bool:
    """The words before "first" order the things they name, or say what follows, not a step of the rater's."""
    return bool(_CONSEQUENCE.match(tail) or _RANKED.match(tail) or _item_order(text, tail))


__all__ = ["orders_items", "written_things"]
