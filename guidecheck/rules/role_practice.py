"""What a project role does not do, or what everyone does, stated as a fact: "Reviewers do not edit annotator labels",
"the project lead does not grant extensions", "Nobody scores an item they wrote", "Everyone completes the Monday
calibration set".

Decks often state a role's duty or limit this way, without a modal, and an FAQ that says "Reviewers may fix a value
themselves" is then in conflict with it. Only the project's roles count (data: ``rules.toml`` [descriptive]
``role_subjects``): "the user asks", "the agent books a flight" and "we" describe the task or the company. Verbs of
perceiving, knowing and tending ("Annotators do not see the model's score", "Raters tend to ...") describe the tool
or people, not a duty (``not_practice_verbs``); a hedge ("usually") or a share ("Most raters settle at ...") makes
a tendency, and a modal leaves the sentence to the cue readings. What one role does, said positively ("Reviewers
track error rates per annotator", "QA leads run the weekly audits"), describes the workflow far more often than it
rules (measured on the blind decks): only "everyone" doing something is read as a duty.
"""

from __future__ import annotations

from .context import Detection
from .lexicon import lemma
from .predicate_parts import negated as _negated
from .predicate_parts import subject as _subject
from .predicate_parts import tense as _tense
from .predicate_parts import words as _words

ROLE_PRACTICE = "descriptive (role practice)"


def antecedent(subj):
    """'Reviewers have read-only access: they can accept a task, but they cannot change it': "they" stands for the
    nearest noun subject before it in the sentence, if any."""
    if subj is None or subj.lower_ not in ("they", "he", "she"):
        return subj
    earlier = [t for t in subj.sent if t.i < subj.i and t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")]
    return earlier[-1] if earlier else subj


def is_role(subj) -> bool:
    """The subject names one of the project's roles ("QA leads", "the project lead", "everyone")."""
    return subj is not None and lemma(subj) in _words()["role_subjects"]


def role_practice(verb) -> Detection | None:
    """The rule a present-tense statement of what a role does makes: a ban when negated, else a duty."""
    if verb.pos_ != "VERB" or lemma(verb) in _words()["not_practice_verbs"]:
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children):
        return None
    subj = antecedent(_subject(verb))
    if subj is None or subj.dep_ != "nsubj" or not is_role(subj) or _tense(verb) != "present":
        return None
    if any(c.dep_ == "det" and c.lower_ in _words()["share_determiners"] for c in subj.children):
        return None  # "Most experienced raters finish well inside that": a tendency
    if _negated(verb) or lemma(subj) in _words()["nobody_roles"]:
        return Detection("prohibition", "must", True, ROLE_PRACTICE, verb)
    if lemma(subj) not in _words()["everyone_roles"] or not any(
        c.dep_ in ("dobj", "prt", "prep") for c in verb.children
    ):
        return None  # "Reviewers track error rates", "Everyone wins": a description, no act on a thing
    return Detection("obligation", "must", False, ROLE_PRACTICE, verb)


__all__ = ["ROLE_PRACTICE", "antecedent", "is_role", "role_practice"]
