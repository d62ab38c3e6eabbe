"""Who does what to what: actor, action and object of a detected rule, and its quantifier, from the parse."""

from __future__ import annotations

from .clauses import is_subordinate
from .context import LEFT_UNDONE, OUT_OF_SCOPE, Detection
from .detect import is_passive, noun_read_as_verb
from .lexicon import lemma, lexicon
from .role_practice import antecedent

NOUNISH = frozenset({"NOUN", "PROPN"})


def gerund_lemma(tok) -> str:
    """'naming' -> 'name' when the tagger called the gerund a noun (its lemma is then the -ing form)."""
    if tok.tag_ == "VBG" or not tok.lower_.endswith("ing"):
        return lemma(tok)
    stem = tok.lower_[:-3]
    vowels = "aeiou"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in vowels + "ls":
        return stem[:-1]
    if len(stem) == 3 and stem[0] not in vowels and stem[1] in vowels and stem[2] not in vowels + "wxy":
        return stem + "e"
    return stem


def noun_phrase(tok, exclude: int | None = None) -> str | None:
    """Lemmatised head noun with its compounds: 'the misspelled brand names' -> 'brand name'."""
    if tok is None or (tok.pos_ == "PRON" and tok.lower_ not in lexicon().words["actor_pronouns"]):
        return None
    parts = [
        t
        for t in tok.children
        if t.dep_ in ("compound", "nmod")
        and t.i < tok.i
        and t.i != exclude
        and t.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "nummod" for c in t.children)
        and t.tag_ != "VBG"
    ]
    parts = [*sorted(parts, key=lambda t: t.i), tok]
    words = []
    for t in parts:
        w = t.lemma_.lower()
        if (
            (t.tag_ == "NNPS" or (t.pos_ == "PROPN" and t.i == t.sent.start and t.is_title))
            and w.endswith("s")
            and not w.endswith("ss")
        ):
            w = w[:-1]
        words.append(w)
    out = " ".join(w for w in words if w.strip())
    return out or None


def _priority_parts(det: Detection, verb) -> tuple[str | None, str | None, None]:
    subj = (
        None if det.imperative else next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    )
    actor = noun_phrase(subj) if subj is not None else ("you" if det.imperative else None)
    return actor, (lemma(verb) if verb.pos_ in ("VERB", "AUX") else None), None


def _subject(verb):
    """The subject, also when it sits on an auxiliary chain head ("need to be logged in": subject on 'need')."""
    holders = [
        verb,
        *[a for a in verb.ancestors if a.dep_ in ("xcomp", "ROOT", "conj") or a.i == verb.head.i][:3],
    ]
    for n, h in enumerate(holders):
        subj = next(
            (c for c in h.children if c.dep_ in ("nsubj", "expl") or (n and c.dep_ == "nsubjpass")), None
        )
        if subj is not None and subj.dep_ != "expl":
            return subj
    return None


def _actor(det: Detection, verb, passive: bool) -> str | None:
    subj = antecedent(_subject(verb))  # "Leads may reopen a task, but they may not edit it": the leads
    if det.imperative:
        return "you"
    noun = noun_read_as_verb(verb)
    if noun is not None:  # "Only team leads may apply ...": the parser's verb "leads" ends the subject
        return verb.doc[subj.i if subj is not None and subj.i < noun.i else noun.i : noun.i + 1].text
    if subj is not None and (not passive or subj.head.i != verb.i):
        return noun_phrase(subj)
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return noun_phrase(pobj)
    return None


def _object(det: Detection, verb, sent, passive: bool) -> str | None:
    obj = None
    # "Surgeon names remain unlabelled", "Drone shots are out of scope": the things left un-done are what the act
    # is about
    subject_deps = (
        ("nsubjpass",) if passive else ("nsubj",) if det.evidence in (LEFT_UNDONE, OUT_OF_SCOPE) else ()
    )
    if subject_deps:
        obj = noun_phrase(next((c for c in verb.children if c.dep_ in subject_deps), None))
    if obj is None:
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        obj = noun_phrase(dobj) or _referent(dobj, verb)
    if obj is None and det.imperative and verb.pos_ != "VERB":
        nxt = next((t for t in sent if t.i > verb.i and t.pos_ in NOUNISH), None)
        while nxt is not None and nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            nxt = nxt.head
        obj = noun_phrase(nxt, exclude=verb.i)
    return obj


def _referent(pronoun, verb) -> str | None:
    """What "it" / "them" stands for when the sentence's own condition names it: "When a chat includes a link to a
    receipt, open it" opens the link; "If you spot a wrong gold rating, you can fix it yourself" fixes the rating.
    The condition's object, else its subject; nothing when there is no such clause."""
    if pronoun is None or pronoun.lower_ not in ("it", "them"):
        return None
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < pronoun.i), None)
    if clause is None:
        return None
    for deps in (("dobj", "obj"), ("nsubj", "nsubjpass")):
        tok = next((c for c in clause.children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")), None)
        if tok is not None:
            return noun_phrase(tok)
    return None


_LIGHT_VERBS = ("be", "allow", "permit", "require", "recommend", "prohibit", "forbid", None)


def _clausal_subject(verb, action, obj):
    """'Adding tags is not allowed': the gerund subject carries the action and the object."""
    csubj = next((c for t in (verb, verb.head) for c in t.children if c.dep_ in ("csubj", "csubjpass")), None)
    if csubj is not None and action in _LIGHT_VERBS:
        return gerund_lemma(csubj), noun_phrase(
            next((c for c in csubj.children if c.dep_ in ("dobj", "obj")), None)
        )
    return action, obj


def _avoided_gerund(verb, action, obj):
    """'avoid naming brands' is often parsed as a noun phrase with a gerund compound: the gerund is the action."""
    if action not in lexicon().words["discouragement_verbs"]:
        return action, obj
    d = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    ger = next((c for c in d.children if c.tag_ == "VBG" and c.i < d.i), None) if d is not None else None
    if ger is None and d is not None:
        ger = next(
            (c for c in d.children if c.dep_ == "compound" and c.lower_.endswith("ing") and c.i < d.i), None
        )
    if ger is not None:
        action = gerund_lemma(ger)
        if d is not None and ger.head.i == d.i:
            obj = noun_phrase(d, exclude=ger.i)
    return action, obj


def _phrasal(verb, action: str | None) -> str | None:
    """The act a verb and its particle name together ("leave out" omits; data: rules.toml [phrasal_acts])."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if action is None or prt is None:
        return action
    return lexicon().data.get("phrasal_acts", {}).get(f"{action} {prt}", action)


def frame_parts(det: Detection, sent) -> tuple[str | None, str | None, str | None]:
    """(actor, action, object) of a detected rule from its parse."""
    verb = det.verb
    if verb is None:
        return None, None, None
    if det.kind == "priority":
        return _priority_parts(det, verb)
    passive = is_passive(verb)
    actor = _actor(det, verb, passive)
    obj = _object(det, verb, sent, passive)
    action = lemma(verb) if verb.pos_ in ("VERB", "AUX") or det.imperative else None
    action = _phrasal(verb, action)
    action, obj = _clausal_subject(verb, action, obj)
    action, obj = _avoided_gerund(verb, action, obj)
    if det.kind == "definition" and det.evidence == "copula definition":
        action, obj = ("be" if action else None), None
    return actor, action, obj


def quantifier_of(sent, covered: set[int]) -> str | None:
    lex = lexicon()
    doc = sent.doc
    for tok in sent:
        q = lex.quantifiers.get(tok.lower_)
        if q is None:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.i in covered:
            # "only if": the adverb right before a condition still limits the rule
            if not (q == "only" and nxt is not None and nxt.lower_ in lex.condition_marks):
                continue
        elif tok.lower_ == "only" and nxt is not None and nxt.lower_ in lex.condition_marks:
            return "only"
        if tok.lower_ in ("no", "none") and (
            tok.dep_ not in ("det",) or (nxt is not None and nxt.lower_ in lex.words["limit_words"])
        ):
            continue
        if is_subordinate(tok) and not (
            q == "only" and nxt is not None and nxt.lower_ in lex.condition_marks
        ):
            continue
        return q
    return None
