"""What the modal-free readings of ``descriptive`` ask of a predicate: its tense, whether it is negated, its
subject and whether that subject is generic (a class of task objects, not one instance, the reader, the tool or
the document). The words are data (``data/rules.toml [descriptive]``)."""

from __future__ import annotations

from functools import lru_cache

from .context import Detection
from .lexicon import lemma, lexicon

PRESENT = ("VBZ", "VBP")
_QUOTES = frozenset({'"', "“", "'", "‘", "``"})


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The [descriptive] word lists as sets, built once: every modal-free sentence asks for them per predicate."""
    return {k: frozenset(v) for k, v in lexicon().data["descriptive"].items() if isinstance(v, list)}


def verb_lemma(tok) -> str:
    """'moderated' tagged as an adjective still names the verb 'moderate'."""
    base = lemma(tok)
    if tok.tag_ == "JJ" and base.endswith("ed"):
        verbs = words()["passive_verbs"]
        return next((c for c in (base[:-1], base[:-2], base[:-3]) if c in verbs), base)
    return base


def tense(verb) -> str | None:
    """'present', 'can', 'cannot' (or None: past, perfect, progressive, other modals) of the predicate."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "VBN", "VBG") or a.lemma_ == "have" for a in auxes):
        return None
    modals = [a for a in auxes if a.tag_ == "MD"]
    if modals:
        word = modals[0].lower_
        if word in ("can", "ca", "may"):
            return "cannot" if negated(verb) else "can"
        return "present" if word in ("will", "wo") else None
    if verb.tag_ in PRESENT or any(a.tag_ in PRESENT for a in auxes):
        return "present"
    return None


def negated(verb) -> bool:
    """'is not scored', 'never gets', 'earns no credit', 'no reply gets'."""
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ == "never":
            return True
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and any(
            d.dep_ == "det" and d.lower_ in ("no", "none") for d in c.children
        ):
            return True
    return False


def subject(verb):
    """The verb's subject, or the subject it shares with the verb it is conjoined to ("Ads written in X are rated
    1": the parser often makes 'written' the root and 'rated' its conjunct), or the one hung on its auxiliary. A
    clause can be the subject of a passive ("Changing a submitted score is reserved for QA reviewers")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    for v in [*holders, verb.head] if verb.dep_ == "conj" else holders:
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubjpass")), None)
        if subj is not None:
            return subj
    first = verb.sent[0]
    if first.tag_ == "VBG" and first.dep_ == "advcl" and first.head.i == verb.i:
        return (
            first  # "Deleting an uploaded clip is reserved for ...": the gerund read as an adverbial clause
        )
    return None


def _quoted(subj) -> bool:
    """'"Sputum" is annotated as lab data': the subject is one quoted word, an example of the rule."""
    edge = subj.left_edge
    before = subj.doc[edge.i - 1] if edge.i > subj.sent.start else None
    return edge.text in _QUOTES or (before is not None and before.text in _QUOTES)


def generic(subj) -> bool:
    """A class of task objects, not one instance (a quoted word), a pronoun, the reader, the tool or the document."""
    w = words()
    if subj.lower_ in w["generic_pronouns"]:
        return True
    if subj.pos_ == "PRON" or subj.lower_ in w["not_subjects"] or _quoted(subj):
        return False
    if any(
        c.dep_ in ("det", "poss", "amod") and c.lower_ in w["specific_determiners"] for c in subj.children
    ):
        return False
    return not background_noun(subj) and not any(
        t.dep_ == "det" and t.lower_ in w["specific_determiners"]  # "the history of those updates"
        for t in subj.subtree
    )


def background_noun(subj) -> bool:
    """The subject names the tool, the document or the data: its head, a compound or possessive on it, or what an
    "of" phrase on it names ("the layout of the screen"). A noun further in ("pedestrians shorter than 12 pixels
    on screen") describes the task's object and does not make it background."""
    not_subjects = words()["not_subjects"]
    near = [subj, *(c for c in subj.children if c.dep_ in ("compound", "poss"))]
    # a counted "of" phrase measures the subject: "Batches of more than 150 pages" are batches, not the document
    near += [
        o
        for p in subj.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if not any(c.dep_ == "nummod" for c in o.children)
    ]
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in not_subjects for t in near)


def detection(verb, tense: str, evidence: str) -> Detection:
    if tense == "can":
        return Detection("permission", "may", False, f"descriptive ({evidence})", verb)
    if tense == "cannot" or negated(verb):
        return Detection("prohibition", "must", True, f"descriptive ({evidence})", verb)
    return Detection("obligation", "must", False, f"descriptive ({evidence})", verb)


__all__ = [
    "PRESENT",
    "background_noun",
    "detection",
    "generic",
    "negated",
    "subject",
    "tense",
    "verb_lemma",
    "words",
]
