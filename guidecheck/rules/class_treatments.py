"""How a class of items is treated, stated as a fact: what every item of it is given, what is left un-done to it,
and that it is handled like any other.

"Every item gets a second pass", "Cigarette lighters are left untagged", "Aerial and drone photos go through the
normal review flow, the same as any other upload": rules without a modal whose subject is a class of the task's
items (``predicate_parts.generic``), read apart from the outcome and passive readings of ``descriptive``. "Each task
has a timer", "Most essays get a second read", "The app looks just like the old one" describe, they rule nothing.
The words are data (``data/rules.toml`` [descriptive]).
"""

from __future__ import annotations

import re

from .context import OUT_OF_SCOPE, Detection
from .lexicon import lemma, lexicon
from .predicate_parts import detection as _detection
from .predicate_parts import generic as _generic
from .predicate_parts import negated
from .predicate_parts import subject as _subject
from .predicate_parts import tense as _tense
from .predicate_parts import words as _words


def class_treatment(verb) -> Detection | None:
    """The rule a statement of how a class of items is treated makes, or None."""
    return _universal(verb) or _left_undone(verb) or _normal_treatment(verb) or _out_of_scope(verb)


def _universal(verb) -> Detection | None:
    """'Every item gets a second pass', 'Each photo receives a short caption': what each item of a class is given
    is a rule for every one of them. 'Each task has a timer' and 'Every clip comes with a transcript' describe the
    data, so only the verbs of giving count (data: ``universal_verbs``), with a noun as their object."""
    words = _words()
    if lemma(verb) not in words["universal_verbs"] or not any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children
    ):
        return None
    subj = _subject(verb)
    tense = _tense(verb)
    if subj is None or tense != "present" or not _generic(subj) or lemma(subj) in lexicon().persons:
        return None  # "Every reviewer gets two turns per clip" says how the work is shared, it rules no item
    if not any(c.dep_ == "det" and c.lower_ in words["universal_determiners"] for c in subj.children):
        return None
    return _detection(verb, tense, "universal subject")


def _normal_treatment(verb) -> Detection | None:
    """'Aerial photos go through the normal review flow, the same as any other upload', 'Friendlies count exactly like
    competitive matches', 'Closure-area photos are approved normally': a class of things handled as every other is
    a rule that it gets no treatment of its own."""
    if lemma(verb) in _words()["likeness_verbs"] or not _NORMAL.search(verb.doc[verb.i : verb.sent.end].text):
        return None  # "The app looks just like the old one" compares, it handles nothing
    if any(t.lower_ in _words()["remainder_words"] for t in verb.sent):
        return (
            None  # "Short answers are otherwise coded like any other": the rest, once the exceptions are said
        )
    subj = _subject(verb)
    tense = _tense(verb)
    if subj is None or tense != "present" or not _generic(subj):
        return None
    return _detection(verb, tense, "normal treatment")


_NORMAL = re.compile(lexicon().data["descriptive"]["normal_treatment"], re.I)


def _left_undone(verb) -> Detection | None:
    """'Cigarette lighters are left untagged', 'Doctors' names remain unlabelled': a class of things left un-done
    states a rule about doing it (the contradiction readings read "left untagged" as a ban on tagging)."""
    words = _words()
    if lemma(verb) not in words["undone_verbs"] or not any(
        c.dep_ in ("oprd", "acomp", "xcomp") and _UNDONE.match(c.lower_) for c in verb.children
    ):
        return None
    subj = _subject(verb)
    tense = _tense(verb)
    if subj is None or tense is None or not _generic(subj):
        return None
    return _detection(
        verb, tense, "left undone"
    )  # evidence LEFT_UNDONE: roles.py takes the subject as object


_UNDONE = re.compile(lexicon().data["descriptive"]["undone_words"])


def _out_of_scope(verb) -> Detection | None:
    """'Drone shots are out of scope', 'Preseason games fall outside the client's scope', 'Sponsored posts are
    outside the project': a class of items put outside the work is a rule not to annotate it, which a rule that
    handles the class like any other reverses. A statement that something is not out of scope, or was, rules
    nothing here."""
    verbs = _words()["scope_verbs"]
    if (lemma(verb) not in verbs and verb.lemma_.lower() not in verbs) or not any(
        _outside_the_work(p) for p in verb.children if p.dep_ == "prep"
    ):
        return None
    subj = _subject(verb)
    if subj is None or _tense(verb) != "present" or not _generic(subj) or negated(verb):
        return None
    return Detection("prohibition", "must", True, OUT_OF_SCOPE, verb)


def _outside_the_work(prep) -> bool:
    """'outside the project', 'beyond the scope of these guidelines', 'out of scope'."""
    if prep.lower_ == "out":
        prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if prep is None:
            return False
    elif prep.lower_ not in ("outside", "beyond"):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    words = _words()["scope_nouns"] if prep.lower_ != "of" else ["scope"]
    return obj is not None and lemma(obj) in words


__all__ = ["class_treatment"]
