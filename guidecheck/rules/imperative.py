"""The verb of a subjectless instruction, read despite the tagger: "Label the span", "Never click ...", "From now
on, label ...", "Tick Needs Review whenever ...", "If the image is blurred, set Quality to 1".

The small English pipeline often reads an instruction verb as a name or a noun (sentence-initial capitals), an
introductory phrase as the verb's subject, or a base form after a comma as a past form; the known instruction
verbs of ``data/rules.toml`` ([imperative] verbs) are trusted over those tags.
"""

from __future__ import annotations

import re

from .field_label import field_label
from .lexicon import lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


def main_tokens(sent, covered: set[int]):
    return [t for t in sent if t.i not in covered and not t.is_punct and not t.is_space]


def _clause_break(between) -> bool:
    """A new clause, not a shared subject: '...; reload the page', '..., so skip only when ...'."""
    toks = list(between)
    return any(t.text in (";", ":", "—") for t in toks) or (
        len(toks) >= 2 and toks[-1].lower_ in ("so", "then") and toks[-2].text == ","
    )


def _intro_end(sent, covered: set[int], main: list) -> tuple[list, int]:
    """Main-clause tokens after an introductory phrase ("From now on, label ..."), and where the clause starts."""
    lex = lexicon()
    comma = _intro_comma(sent, covered)
    opener = sent[0] if len(sent) else None
    after = sent.doc[comma.i + 1] if comma is not None and comma.i + 1 < sent.end else None
    if (
        comma is not None
        and opener is not None
        # "From now on, label ...", and "Outside triage questions, rate ..." with the opener read as an adjective
        and (
            opener.pos_ in ("ADP", "ADV", "SCONJ")
            or (after is not None and after.lower_ in lex.imperative_verbs)
        )
        and opener.lower_ not in lex.imperative_verbs
        and not any(t.pos_ in ("VERB", "AUX") and t.i not in covered for t in sent if t.i < comma.i)
    ):
        return [t for t in main if t.i > comma.i], comma.i + 1
    return main, sent.start


def _intro_comma(sent, covered: set[int]):
    """The comma that ends an introductory phrase: the first one within six words, or the last one within twelve
    when the phrase lists things ("For Spanish, French and German conversations, please write ..."). No verb may
    come before it."""
    commas = [t for t in sent if t.text == "," and t.i not in covered]
    if not commas:
        return None
    first = commas[0]
    verbs = [t.i for t in sent if t.pos_ in ("VERB", "AUX") and t.i not in covered]
    listed = [
        c
        for c in commas
        if c.i - sent.start <= 12
        and not any(v < c.i for v in verbs)
        and sent.doc[c.i - 1].pos_ in ("NOUN", "PROPN")
    ]
    later = [c for c in listed if c.i > first.i]
    if later and any(t.lower_ in ("and", "or") for t in sent.doc[first.i : later[-1].i]):
        return later[-1]  # the first comma only separates the items of a list
    return first if first.i - sent.start <= 6 else None


def _root_imperative(sent, first, covered: set[int]):
    """The root verb when it is the subjectless instruction the main clause starts with."""
    root = sent.root
    has_subj = any(c.dep_ in SUBJECT_DEPS and c.i not in covered for c in root.children)
    if (
        root.i not in covered
        and not has_subj
        and (root.tag_ == "VB" or (root.i == first.i and root.pos_ == "VERB" and root.tag_ in ("VBP", "VB")))
    ) and (
        root.i == first.i
        or (root.tag_ == "VB" and first.i >= root.i - 1)
        or (first.head.i == root.i and first.dep_ in ("advmod", "aux", "neg", "prep", "npadvmod"))
    ):
        return root
    return None


def _after_opening_phrase(sent, covered: set[int]):
    """The root verb after a long opening phrase that holds its own verb: "For a span that is both a minor's detail
    and a medical detail, use R4". The tagger reads the verb as a present form; a known instruction verb with no
    subject, right after the comma that closes a phrase hanging off it, is the instruction."""
    root = sent.root
    if (
        root.i in covered
        or root.lower_ not in lexicon().imperative_verbs
        or root.tag_ not in ("VB", "VBP")
        or root.i - 1 <= sent.start
        or sent.doc[root.i - 1].text != ","
        or any(c.dep_ in SUBJECT_DEPS for c in root.children)
    ):
        return None
    opening = [c for c in root.children if c.i < root.i - 1]
    if not opening or any(c.dep_ not in _OPENING_DEPS for c in opening):
        return None
    return root if min(c.left_edge.i for c in opening) == sent.start else None


_OPENING_DEPS = ("prep", "advcl", "advmod", "npadvmod")


def _first_word_imperative(sent, first, covered: set[int], intro_end: int, skip: frozenset[str]):
    """The first main-clause word as the instruction verb: a base form without subject, or a known instruction
    verb the tagger read as a noun or adjective ("Label the span", "Open ...")."""
    lex = lexicon()
    if (
        first.tag_ == "VB"
        and not any(c.dep_ in SUBJECT_DEPS and c.i not in covered for c in first.children)
        and first.lower_ not in ("be",)
        and first.dep_ not in ("compound", "amod", "nmod", "nsubj", "dobj", "pobj", "attr")
    ):
        return first
    if (
        first.lower_ in lex.imperative_verbs
        and not _subject_of_statement(first)
        # a "subject" inside the introductory phrase is the tagger's misreading of that phrase
        and not any(
            c.dep_ in SUBJECT_DEPS and c.i not in covered and c.i >= intro_end for c in first.children
        )
        # a past form only where it is also the base ("set", "put", "read"): the tagger's guess after a comma
        and (
            first.tag_ not in ("VBZ", "VBD", "VBN", "VBG")
            or (first.tag_ != "VBZ" and first.lower_ == first.lemma_)
        )
        and all(
            t.i in covered or t.i < intro_end or t.is_space or t.is_punct or t.lower_ in skip
            for t in sent[: first.i - sent.start]
        )
    ):
        nxt = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
        if nxt is None or not (nxt.tag_ == "MD" or nxt.lemma_ == "be" or nxt.tag_ == "POS"):
            return first
    return None


def _subject_of_statement(first) -> bool:
    """'Type and brand are checked separately': the word is the subject of a passive, or one of two subjects of a
    verb, so the sentence states something about it; it gives no instruction."""
    return first.dep_ == "nsubjpass" or (
        first.dep_ == "nsubj"
        and first.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "conj" for c in first.children)
    )


def _conjoined_imperative(sent, covered: set[int]):
    """'The tool freezes when ...; reload the page': an imperative conjoined to a statement."""
    root = sent.root
    for conj in root.children:
        if (
            conj.dep_ in ("conj", "parataxis")
            and conj.tag_ == "VB"
            and conj.i not in covered
            and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
            and _clause_break(sent.doc[root.i : conj.i])
        ):
            return conj
    return None


# A version or date before the colon of a changelog entry: "v3.3", "2.1.4", "2024-05-02", "[12 May 2024]".
_VERSION_LABEL = re.compile(r"\s*(?:v\d|\d+\.\d|\d{4}-\d{2}-\d{2}|\[)", re.I)


# Verbs that point the reader elsewhere ("...; see the next section", "...: refer to Appendix B").
_POINTERS = frozenset({"see", "refer", "cf"})


def _imperative_after_break(sent, covered: set[int], skip: frozenset[str]):
    """'The declaration comes first: do not read past the title page': an instruction after a colon or semicolon
    that the tagger hangs on the statement before it (as a clause of its subject), so no conjunct is found."""
    cut = next((t for t in sent if t.text in (":", ";") and t.i not in covered), None)
    if cut is None or _VERSION_LABEL.match(sent.doc[sent.start : cut.i].text):
        return None  # "v3.3: rewrote the flag section": a changelog entry tells what was done
    if sent.text.rstrip().endswith(":"):
        return None  # "...; consider these descriptions for edge cases:" introduces a list, often of examples
    rest = _after_condition(
        [t for t in sent.doc[cut.i + 1 : sent.end] if t.i not in covered and not t.is_space]
    )
    first = next((t for t in rest if not _skipped(t, skip)), None)
    if first is not None and first.lower_ in _POINTERS:
        return None  # "...; see the next section": a pointer to other text, no instruction
    # a "subject" before the break is the title the tagger hung on the verb ("Tie-break for two nodes: take ...")
    if (
        first is None
        or first.lower_ == "be"
        or any(c.dep_ in SUBJECT_DEPS and c.i > cut.i for c in first.children)
    ):
        return None
    nxt = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
    # "...: correct, complete, about the right place" lists qualities; an instruction's verb takes its object
    if nxt is None or nxt.is_punct or nxt.tag_ == "MD" or nxt.lemma_ == "be" or nxt.tag_ == "POS":
        return None
    known = first.lower_ in lexicon().imperative_verbs and first.tag_ not in ("VBZ", "VBD", "VBN", "VBG")
    return first if first.tag_ == "VB" or known else None


def _after_condition(rest: list) -> list:
    """The words after a condition that opens the clause ("...; if glare whites out the face, choose UNREADABLE"):
    the instruction follows the condition's comma. Without that comma the clause is left as it was."""
    if rest and rest[0].lower_ in lexicon().data["clauses"]["condition_marks"]:
        comma = next((n for n, t in enumerate(rest) if t.text == ","), None)
        rest = rest if comma is None else rest[comma + 1 :]
    # the condition's own words are often covered already (parse_clauses): its comma is what is left of it
    return rest[1:] if rest and rest[0].text == "," else rest


def _interjection(token) -> bool:
    """'Please', 'OK', 'Note,': words before an instruction. A known instruction verb the tagger calls an
    interjection and that takes its object ("In your rationale, quote the exact words") is the instruction itself."""
    if token.dep_ != "intj":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    # "Note, however, ...": a verb set off by a comma is an interjection; one that takes its object is not
    return token.lower_ not in lexicon().imperative_verbs or after is None or after.is_punct


def _skipped(token, skip: frozenset[str]) -> bool:
    """A word before an instruction's verb: "Please", "always", "Do not", emphatic "Do check". "Do" before its
    object is the verb itself ("Do the Flags panel last")."""
    if token.lower_ != "do":
        return token.lower_ in skip
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return after is not None and (after.lower_ in ("not", "n't") or after.tag_ == "VB")


def imperative_verb(sent, covered: set[int]):
    """The verb of a subjectless instruction, or None: 'Label the span', 'Do not include', 'Never click'."""
    skip = lexicon().words["imperative_skip"]
    covered = covered | field_label(sent)
    main, intro_end = _intro_end(sent, covered, main_tokens(sent, covered))
    first = next((t for t in main if not _skipped(t, skip) and not _interjection(t)), None)
    if first is None:
        return None
    return (
        _root_imperative(sent, first, covered)
        or _after_opening_phrase(sent, covered)
        or _first_word_imperative(sent, first, covered, intro_end, skip)
        or _conjoined_imperative(sent, covered)
    )


def imperative_after_statement(sent, covered: set[int]):
    """The verb of an instruction after a colon or semicolon that follows a statement ("Some calls are in two
    languages; transcribe each language as spoken"). Asked only where ``imperative_verb`` found none (its one caller,
    ``detect``, asks that first). The statement describes the material: it sets no threshold (AMB006)."""
    return _imperative_after_break(sent, covered | field_label(sent), lexicon().words["imperative_skip"])


__all__ = ["SUBJECT_DEPS", "imperative_after_statement", "imperative_verb", "main_tokens"]
