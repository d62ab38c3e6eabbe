"""Who a rule binds, with the deck's surface subjects folded together.

A deck speaks to its reader as "you", by the imperative and by a bare role noun ("Annotators are required to run
every snippet", "Please don't run the snippets yourself"); it speaks of the output it is about as "the response",
"the answer", "the assistant". Two rules whose subjects differ only in this way bind the same person, so a
comparison of their acts must not stop at the surface subject. A qualified role ("QA reviewers", "senior
graders") or a second role noun names someone else. Words are data (``data/contradictions.toml``, [addressee]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim
from .lexicon import data, stem


class Words(NamedTuple):
    roles: frozenset[str]
    outputs: frozenset[str]
    determiners: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["addressee"]
    return Words(
        frozenset(stem(w) for w in d["roles"]),
        frozenset(stem(w) for w in d["outputs"]),
        frozenset(d["determiners"]),
    )


def addressee(claim: Claim) -> str:
    """ "you" for the reader, "output" for the output the deck is about, else the actor as extracted."""
    actor = (claim.rule.actor or "you").lower()
    if _later_subject(claim.rule.text, actor, claim.rule.action or ""):
        return "you"
    return _addressee(actor, claim.rule.text)


def _later_subject(text: str, actor: str, action: str) -> bool:
    """The extracted actor is the subject of a later clause, and the act comes before it with none of its own:
    "Yes, always open attached photos ...; a wound picture often changes the answer" tells the reader to open."""
    cut = re.search(r"[;:]\s", text)
    if cut is None or not action or actor == "you":
        return False
    head, tail = text[: cut.start()].lower(), text[cut.end() :].lower()
    return actor in tail and actor not in head and re.search(rf"\b{re.escape(action[:4])}", head) is not None


@lru_cache(maxsize=65536)
def _addressee(actor: str, text: str) -> str:
    """Asked for both rules of every candidate pair, by several readers: computed once per rule."""
    if actor == "you" or _in_label(text, actor):
        return "you"
    words = _words()
    if " " in actor:
        return actor  # "pool rater", "removal note": a compound names its own group
    head = stem(actor)
    if re.search(rf"\byour\s+(?:[\w-]+\s+)?{re.escape(actor)}", text, re.I):
        return "you"  # "Your translation has to keep ...": the reader's own output is the reader's act
    if head in words.outputs:
        return "output"
    if head in words.roles and _bare(text, actor):
        return "you"
    return actor


def names_output(actor: str) -> bool:
    """A compound that names a kind of the output ("moving-home reply", "refusal response"): both rules of a pair
    that name it address the output's writer, as "the reply" does."""
    return " " in actor and stem(actor.split()[-1]) in _words().outputs


# A short label that opens a sentence: "Then the punctuation point: never touch ...".
LEADING_LABEL = re.compile(r"^\s*[^:.;!?]{1,40}:\s")


def _in_label(text: str, actor: str) -> bool:
    """The "actor" is a word of a label that opens the sentence ("Then the punctuation point: never touch ..."):
    the tagger's misreading of the label as the subject of the imperative after it."""
    m = LEADING_LABEL.match(text)
    return m is not None and actor.split()[-1] in m.group(0).lower()


def _bare(text: str, noun: str) -> bool:
    """The role noun's first mention has no word of its own before it: "Annotators ...", "Every grader ...", not
    "Senior graders ..." or "QA reviewers ..."."""
    m = re.search(rf"\b{re.escape(noun)}s?\b", text, re.I)
    if m is None:
        return False
    before = text[: m.start()].split()
    return not before or before[-1].lower() in _words().determiners


__all__ = ["LEADING_LABEL", "addressee"]
