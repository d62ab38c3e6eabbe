"""Conditions and exceptions from the dependency parse.

A subordinate clause opened by a condition marker ("if", "when", "whenever", "where", "once") or an exception
marker ("unless", "except") is the subtree of the clause verb the marker attaches to (spaCy ``mark``/``advmod`` on
an ``advcl``). Multi-word openers the parser splits ("as long as", "provided", "except for", "other than") are
matched on text up to the next comma, semicolon or the end. A sentence-initial "For opinion pieces," scopes the
rule: a condition too. Concessives ("even if", "regardless of") are neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon

_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj", "pcomp"})
_END = re.compile(r"[,;:]\s|\s[–—]\s|[.!?]?\s*$")


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.")


def _subtree_span(tok) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].i, toks[-1].i + 1


def parse_clauses(sent) -> tuple[list[str], list[str], set[int]]:
    """(conditions, exceptions, token indices inside them) for one sentence Span."""
    lex = lexicon()
    conds: list[tuple[int, str]] = []
    excs: list[tuple[int, str]] = []
    covered: set[int] = set()
    doc = sent.doc
    reasons = _reasons(sent)
    for tok in sent:
        word = tok.lower_
        if (word not in lex.condition_marks and word not in lex.exception_marks) or tok.i in reasons:
            continue
        if tok.dep_ not in ("mark", "advmod") or tok.head.i == tok.i:
            continue
        verb = tok.head
        if verb.dep_ not in ("advcl", "conj", "ccomp", "ROOT") or (verb.i < tok.i and word != "except"):
            continue
        if verb.dep_ == "ROOT" and tok.i != sent.start:
            continue
        if tok.i in covered:
            continue
        prev = doc[tok.i - 1] if tok.i > sent.start else None
        if prev is not None and prev.lower_ in lex.concessive:
            covered.update(range(*_subtree_span(verb)))
            continue
        start, end = _subtree_span(verb)
        start = max(start, tok.i) if word != "except" else min(start, tok.i)
        if verb.dep_ == "ROOT":  # "When in doubt" parsed as the root: clause runs to the first comma
            end = next((t.i for t in sent if t.i > tok.i and t.text == ","), sent.end)
        end = min(end, sent.end)
        text = _clean(doc[start:end].text)
        if len(text.split()) < 2:
            continue
        (excs if word in lex.exception_marks else conds).append((start, text))
        covered.update(range(start, end))
        # "only if": the adverb belongs to the clause for quantifier purposes, not to the main clause
    _initial(sent, conds, excs, covered)
    _purpose_tail(sent, covered)
    _phrases(sent, lex.condition_phrases, conds, covered)
    _phrases(sent, lex.exception_phrases, excs, covered)
    _scope(sent, conds, covered)
    return [t for _, t in sorted(conds)], [t for _, t in sorted(excs)], covered


def _reasons(sent) -> set[int]:
    """Tokens of the clauses that give the rule's reason ("because ..."): what they condition is the reason."""
    out: set[int] = set()
    for tok in sent:
        if tok.lower_ in lexicon().causal_marks and tok.dep_ == "mark" and tok.head.i != tok.i:
            out.update(range(*_subtree_span(tok.head)))
    return out


def _initial(sent, conds, excs, covered: set[int]) -> None:
    """'When A and B conflict, ...' misparsed (no clause verb): a sentence-initial marker runs to the first comma.
    A timing clause ('Before you read ..., read the reply') is covered but states no condition."""
    lex = lexicon()
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.i in covered:
        return
    word = first.lower_
    timing = word in lex.timing_marks
    if word not in lex.condition_marks and word not in lex.exception_marks and not timing:
        return
    comma = next((t for t in sent if t.text == "," and t.i > first.i), None)
    if comma is None or comma.i - first.i > 25:
        return
    if timing:
        covered.update(range(first.i, comma.i))
        return
    text = _clean(sent.doc[first.i : comma.i].text)
    if len(text.split()) >= 2:
        (excs if word in lex.exception_marks else conds).append((first.i, text))
        covered.update(range(first.i, comma.i))


def _purpose_tail(sent, covered: set[int]) -> None:
    """', so you can judge its fluency on its own': a purpose after a comma, covered to the sentence's end, so its
    "can" is not the rule's force (the parser may even make it the root and the instruction its complement)."""
    for tok in sent:
        if tok.lower_ != "so" or tok.dep_ != "mark" or tok.i == sent.start:
            continue
        if sent.doc[tok.i - 1].text == "," and _purpose(tok.head):
            covered.update(range(tok.i, sent.end))
            return


@lru_cache(maxsize=8)
def _phrase_rx(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])")


def _phrases(sent, phrases: tuple[str, ...], out: list[tuple[int, str]], covered: set[int]) -> None:
    text = sent.text
    lower = text.lower()
    for phrase in (None,):
        for m in _phrase_rx(phrases).finditer(lower):
            phrase = m.group(0)
            tok = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            if tok is None or any(t.i in covered for t in tok):
                continue
            prev = sent.doc[tok.start - 1] if tok.start > sent.start else None
            if prev is not None and (prev.lower_ in lexicon().concessive or _describes_noun(prev, phrase)):
                continue
            end_m = _END.search(text, m.end())
            end = end_m.start() if end_m else len(text)
            obj = next((c for c in tok[-1].children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and tok[-1].pos_ == "ADP":
                # a prepositional exception ("other than English") ends with its object's phrase
                last = list(obj.subtree)[-1]
                end = min(end, last.idx + len(last.text) - sent.start_char)
            clause = _clean(text[m.start() : end])
            if len(clause.split()) < 2 and phrase not in ("except",):
                continue
            span = sent.char_span(m.start(), end, alignment_mode="expand")
            if span is None:
                continue
            out.append((span.start, clause))
            covered.update(range(span.start, span.end))


_QUANTIFIERS = frozenset({"all", "every", "each", "any", "no"})


def _describes_noun(prev, phrase: str) -> bool:
    """'Items in a language other than English': "other than" after a noun no quantifier opens picks out a kind
    of thing (which language), it makes no exception to the rule ("all items other than gold ones" does)."""
    return (
        phrase == "other than"
        and prev.pos_ == "NOUN"
        and not any(c.lower_ in _QUANTIFIERS for c in prev.children)
    )


def _scope(sent, out: list[tuple[int, str]], covered: set[int]) -> None:
    """Sentence-initial 'For <noun phrase>,' limits the rule to that noun phrase."""
    lex = lexicon()
    lower = sent.text.lower()
    for prep in lex.scope_prepositions:
        if not lower.startswith(prep + " "):
            continue
        comma = next((t for t in sent if t.text == ","), None)
        if comma is None or comma.i - sent.start > 12:
            return
        head = sent.doc[sent.start + len(prep.split())]
        words = [t.lower_ for t in sent.doc[sent.start : comma.i]]
        if any(w in lex.scope_objects_exclude for w in words) or head.i in covered:
            return
        out.append((sent.start, _clean(sent.doc[sent.start : comma.i].text)))
        covered.update(range(sent.start, comma.i))
        return


def clause_from_lead(text: str) -> str | None:
    """'When a span is ambiguous:' -> 'when a span is ambiguous' (a lead-in or heading that states a condition)."""
    lex = lexicon()
    t = " ".join(text.split()).strip().rstrip(":").strip()
    if lex.framing_lead.match(t):
        return None  # "When you place boundaries, follow these rules": the task itself, not a case of it
    first = t.split(" ", 1)[0].lower() if t else ""
    two = " ".join(t.lower().split()[:3])
    if (
        (
            first in lex.condition_marks
            or first in lex.scope_prepositions
            or any(two.startswith(p) for p in lex.condition_phrases)
        )
        and len(t.split()) >= 2
        and first not in lex.scope_objects_exclude
    ):
        return t[0].lower() + t[1:]
    return None


def is_subordinate(tok) -> bool:
    """Inside a relative clause or a non-conditional adverbial clause ("because ..."): its cues do not decide
    the sentence's kind. When the parse has no verbal root the clause structure is unreliable, so nothing is."""
    if _conceded(tok):
        return True
    root = tok.sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ in ("relcl", "acl"):
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" for c in anc.children):
            return True
        if anc.dep_ == "conj" and _purpose(anc):
            return True
    return False


_BREAKS = frozenset({",", ";", "–", "—", "(", "-"})


def _conceded(tok) -> bool:
    """Inside a concessive clause after a comma or dash ("..., however sensible its change may look"). The parser
    often makes such a clause the root, so it is read from the words: from the last break before ``tok``, the
    clause opens with a concessive opener followed by a word, not by a comma ("However, you may ..." grants)."""
    start = tok.sent.start
    i = tok.i - 1
    while i > start and tok.doc[i].text not in _BREAKS:
        i -= 1
    if i <= start or tok.i - i > 12:
        return False
    clause = tok.doc[i + 1 : tok.i].text.lower() + " "
    return any(
        clause.startswith(o + " ") and not clause[len(o) :].lstrip().startswith(",")
        for o in lexicon().concessive_openers
    )


_PURPOSE_MODALS = frozenset({"can", "could", "may", "might"})


def _purpose(verb) -> bool:
    """ ", so you can judge whether it makes sense": a purpose the parser hung on as a conjunct. Its "can" grants
    nothing ("..., so the text must stay under 250 words" is a result, and its "must" binds)."""
    children = list(verb.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "so" for c in children)
        and any(c.dep_ == "aux" and c.lower_ in _PURPOSE_MODALS for c in children)
        and not any(c.dep_ == "neg" for c in children)  # ", so it cannot appear in the summary": a ban
    )


__all__ = ["clause_from_lead", "is_subordinate", "parse_clauses"]
