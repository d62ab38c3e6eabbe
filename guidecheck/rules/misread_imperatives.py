"""Instructions the parser misreads: an imperative whose verb the tagger took for a noun ("Budget two minutes for
every clip"), and an imperative the parser hung under the statement before it ("Earlier turns are context; don't
score them"). Both are rules the sentence frame would otherwise miss, because no modal and no verbal root say so.
"""

from __future__ import annotations

from functools import lru_cache

from .context import Detection
from .lexicon import lexicon, verb_index
from .sentence_roles import text_role


@lru_cache(maxsize=1)
def _object_openers() -> frozenset[str]:
    return frozenset(lexicon().data["descriptive"]["object_openers"])


_DETERMINERS = frozenset({"a", "an", "the", "every", "each", "any", "your"})


def misread_imperative(sent, covered: set[int]) -> Detection | None:
    """'Budget two minutes for every clip', 'Stick to what is shown; ...': an instruction whose verb the tagger
    read as a noun. The first word can be a verb (spaCy's own verb index), has no determiner, and is either the
    root followed by an object or preposition, or hung on a subjectless base-form verb."""
    first = next((t for t in sent if not (t.is_space or t.is_punct) and t.i not in covered), None)
    if first is None or first.i != sent.start + sum(1 for t in sent if t.is_space and t.i < first.i):
        return None
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if (
        not first.is_title
        or first.tag_ not in ("NN", "NNP", "JJ")
        or first.lower_ not in verb_index(sent.doc.vocab)
        or last is None
        or last.text
        not in (".", "!", ";")  # "Homer the poet (...)", "Gas the skypes (ABC)": a sample, no sentence
    ):
        return None
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in first.children):
        return None
    nxt = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
    opens_object = nxt is not None and nxt.lower_ in _object_openers()
    head = first.head
    hung_on_imperative = (  # 'Stick' read as the subject or an adverbial clause of the imperative 'leave'
        first.dep_ in ("nsubj", "advcl", "npadvmod", "dep")
        and head.tag_ == "VB"
        and not any(
            c.dep_ in ("aux", "auxpass") or (c.dep_ == "nsubj" and c.i != first.i) for c in head.children
        )
    )
    # "Caption an equation read aloud in words": the participle after the object read as the verb, the imperative as
    # its subject; a bare singular noun right before a determiner is no subject
    before_participle = (
        first.dep_ == "nsubj"
        and first.tag_ == "NN"
        and head.tag_ in ("VBD", "VBN")
        and nxt is not None
        and nxt.lower_ in _DETERMINERS
    )
    if opens_object and (first.dep_ == "ROOT" or hung_on_imperative or before_participle):
        return Detection("obligation", "must", False, "imperative (verb read as a noun)", first, True)
    return None


def imperative_after_statement(sent, covered: set[int]) -> Detection | None:
    """'Earlier turns are context; don't score them', 'The first lines are a greeting, so skip them': the parser
    hangs the statement under the instruction, which then has no subject of its own."""
    root = sent.root
    if (
        root.tag_ != "VB"
        or root.lemma_ == "be"  # "..., so don't be surprised": advice on feelings, no action
        or root.i in covered
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    ):
        return None
    clause = next((c for c in root.children if c.dep_ in ("ccomp", "advcl") and c.i < root.i), None)
    if clause is None or clause.i in covered:
        return None
    end = max(t.i for t in clause.subtree if not t.is_punct)  # the clause's own comma is part of the break
    between = list(sent.doc[end + 1 : root.i])
    words = [t.lower_ for t in between if not t.is_punct]
    if not any(t.text in (";", ",", ":", "—") for t in between) or not set(words) <= {
        "so",
        "then",
        "do",
        "not",
        "n't",
        "never",
    }:
        return None
    if text_role(sent.doc[root.i - len(words) : sent.end].text) is not None:
        return None  # "...; see the next section": a pointer, not an instruction
    neg = any(c.dep_ == "neg" or c.lower_ == "never" for c in root.children)
    kind = "prohibition" if neg else "obligation"
    return Detection(kind, "must", neg, "imperative after a statement", root, True)


def imperative_after_opener(sent, covered: set[int]) -> Detection | None:
    """'In the justification, quote the exact words ...': after an opening phrase and its comma, a base-form verb
    the parser hung on a noun it made the root ("words"). With no verb for a root, that verb is the instruction."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX") or root.i in covered:
        return None
    verb = next(
        (
            t
            for t in sent
            if t.tag_ == "VB"
            and t.dep_ in ("intj", "dep", "npadvmod", "amod", "compound", "nmod")
            and t.i > sent.start
            and sent.doc[t.i - 1].text == ","
            and t.i not in covered
        ),
        None,
    )
    if verb is None or verb.lower_ not in verb_index(sent.doc.vocab):
        return None
    return Detection("obligation", "must", False, "imperative after an opening phrase", verb, True)


_NEGATORS = frozenset({"not", "n't", "never"})


def _subordinate_opening(sent) -> bool:
    """The sentence opens on a subordinate clause: 'When you ...', 'Even if the ...', 'Once the clip ...'."""
    data = lexicon().data["clauses"]
    marks = (
        set(data["condition_marks"]) | set(data["exception_marks"]) | {"after", "before", "while", "though"}
    )
    words = [t.lower_ for t in sent if not (t.is_space or t.is_punct)][:2]
    if not words:
        return False
    return words[0] in marks or (words[0] in data["concessive"] and len(words) > 1 and words[1] in marks)


def _clause_verb(verb) -> bool:
    """A base-form root with a subject and a modal of its own is the opening clause's verb the parser made the root
    ("When both Needs Context and Misleading could apply, choose Misleading": "apply"), not the instruction."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children
    )


def imperative_after_clause(sent, covered: set[int]) -> Detection | None:
    """'Even when you grade an image U4, box any plastic you can still make out': after an opening subordinate
    clause and its comma, a base-form verb the parser joined to the clause's own verb (or hung under a later
    verb) instead of making it the root. No subject of its own: it is the instruction, as in 'When X, do Y'."""
    root = sent.root
    if not _subordinate_opening(sent) or (
        root.tag_ == "VB" and root.i not in covered and not _clause_verb(root)
    ):
        return None
    comma = next((t for t in sent if t.text == ","), None)
    if comma is None or comma.i + 1 >= sent.end:
        return None
    verb, neg = sent.doc[comma.i + 1], False
    if verb.lower_ in ("do", "never") and verb.i + 1 < sent.end:
        nxt = sent.doc[verb.i + 1]
        neg = verb.lower_ == "never" or nxt.lower_ in _NEGATORS
        if verb.lower_ == "do" and neg:
            verb = sent.doc[nxt.i + 1] if nxt.i + 1 < sent.end else nxt
        elif verb.lower_ == "never":
            verb = nxt
    if (
        verb.tag_ not in ("VB", "VBP")  # 'box' after the comma tagged as a present verb with no subject
        or verb.dep_ == "ROOT"
        or verb.lower_ not in verb_index(sent.doc.vocab)
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") and c.i > comma.i for c in verb.children)
    ):
        return None
    kind = "prohibition" if neg else "obligation"
    return Detection(kind, "must", neg, "imperative after an opening clause", verb, True)


__all__ = [
    "imperative_after_clause",
    "imperative_after_opener",
    "imperative_after_statement",
    "misread_imperative",
]
