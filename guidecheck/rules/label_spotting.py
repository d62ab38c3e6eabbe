"""Which labels and scores a rule names: quoted names, bracket tags, inventory words, rubric rows and lines."""

from __future__ import annotations

import re

from ..model import Block
from .context import DocContext
from .label_names import noun_after_name
from .lexicon import is_person_name, lemma, lexicon
from .other_numbers import SCALE_SCORE, numbers_other
from .roles import NOUNISH

_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,40})[\"“”]")


_BRACKET_TAG = re.compile(r"\[[A-Za-z][\w -]{0,20}\]")
# A label written as a code: capitals and digits, parts joined by "_" or "-" ("REPORT_FRAUD", "RAW-EGG", "PII").
LABEL_CODE = r"[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*"


def header_role(block: Block) -> str:
    lex = lexicon()
    heads = [h.strip() for h in block.header]
    if (
        any(lex.term_header.match(h) for h in heads)
        and any(lex.definition_header.match(h) for h in heads[1:])
        and not any(lex.outcome_header.match(h) for h in heads)
    ):
        return "definition"
    return "rubric"


def row_labels(block: Block) -> list[str]:
    lex = lexicon()
    labels = [
        c.strip()
        for h, c in zip(block.header, block.cells)
        if lex.outcome_header.match(h.strip()) and c.strip()
    ]
    if not labels and block.cells and len(block.cells[0].split()) <= 4:
        labels = [block.cells[0].strip()]
    return labels


def rubric_line_labels(text: str) -> list[str]:
    m = lexicon().rubric_line.match(text)
    if not m:
        return []
    labels = [m.group("score")]
    name = re.split(r"[.:;–—(]|\s-\s", m.group("desc"), maxsplit=1)[0].strip()
    if name and len(name.split()) <= 4 and name != m.group("desc").strip(" .") and name[0].isupper():
        labels.append(name)
    return labels


_RANGE = re.compile(r"\b(?:from|of)\s+(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b")
_LISTED = re.compile(r":\s*([^.\n]+)")


def scale_points(text: str) -> list[str]:
    """The points of a scale a sentence sets up: 'on a scale from 1 to 5' -> 1..5; 'one of three labels: Good, Okay
    or Bad' -> the names listed after the colon."""
    m = _RANGE.search(text)
    if m and int(m.group(1)) < int(m.group(2)) <= 20:
        return [str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1)]
    m = _LISTED.search(text)
    if m:
        names = [x.strip(" \"“”'") for x in re.split(r",|\bor\b|\band\b", m.group(1))]
        return [x for x in names if x and len(x.split()) <= 3]
    return []


_TIMES = frozenset(["×", "x", "X", "by", "*"])


def _counts_noun(doc, i: int, end: int) -> bool:
    """'exactly one intent label', '3 minutes': a number that counts a noun is a quantity, not a label; so is
    one side of a size ('1024 × 1024 pixels', '3 by 4 metres')."""
    if i + 2 < end and doc[i + 1].text in _TIMES and doc[i + 2].like_num:
        return True
    j = i + 1
    while j < end and j <= i + 3:
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN") and not t.is_upper and not t.text[:1].isupper():
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN") and t.dep_ not in ("compound", "amod"):
            return False
        j += 1
    return False


def _is_label_verb(tok, sent) -> bool:
    """A label-assigning verb; a mistagged instruction verb ("rate" read as a noun) counts unless a determiner
    precedes it."""
    base = lemma(tok)
    if base not in lexicon().label_verbs or base in ("use", "count"):  # most words: no need to read the tags
        return False
    prev_tok = sent.doc[tok.i - 1] if tok.i > sent.start else None
    return tok.pos_ in ("VERB", "AUX") or (
        tok.tag_ in ("NN", "NNP", "JJ")
        and (prev_tok is None or prev_tok.pos_ not in ("DET", "ADJ", "PRON", "NUM"))
    )


def _can_hold_score(copula) -> bool:
    """'The rating is 4', 'a response with one error is a 2': the subject can carry a score. A person ("I'm 16"),
    a figure ("15% of 80 is 14") or a quantity noun ("the correct value is 12") says what a number measures."""
    subjects = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True
    s = subjects[0]
    if s.pos_ == "PRON" and s.lower_ not in ("it", "this", "that"):
        return False
    if s.like_num or s.pos_ in ("NUM", "SYM") or s.text in ("%", "×", "="):
        return False
    return lemma(s) not in lexicon().copula_quantity_subjects


def _numbered(doc, i: int) -> bool:
    """'the move under discussion is 14...Re8': a number run into a dot or an ellipsis and a word numbers a move or
    an item; it is no score."""
    if i + 2 >= len(doc):
        return False
    dot, word = doc[i + 1], doc[i + 2]
    return (
        doc[i].whitespace_ == ""
        and dot.text[:1] in ".…"
        and dot.whitespace_ == ""
        and word.text[:1].isalnum()
    )


def _skippable(t) -> bool:
    """Words between a label verb and its label: 'rate [it] 2', 'mark [the span] as X'."""
    return bool(
        t.lower_ in ("it", "them", "this", "that", "as", "a", "an", "with", "the", "always", "only")
        or (t.pos_ in ("DET", "ADV") and not t.like_num and not t.text[:1].isupper())
        or (
            t.dep_ in ("dobj", "nsubjpass")
            and t.pos_ in NOUNISH
            and not t.is_upper
            and not t.text[:1].isupper()
        )
        or (t.dep_ in ("compound", "amod") and not t.text[:1].isupper())
    )


def _quoted_at(doc, i: int, end: int) -> int | None:
    """Index of the closing quote of a short quotation opening at ``i``."""
    return next((j for j in range(i + 1, min(end, i + 10)) if doc[j].text in '"”'), None)


# Any quotation, however long: unlike _QUOTED (a label is at most 40 characters), the quoted example a piece is cut
# from can be a whole sentence of input.
_QUOTATION = re.compile(r'["“]([^"“”]+)["”]')


def _piece_of_quoted_example(text: str, quote: str) -> bool:
    """The quoted words are part of a longer quotation of the same sentence: a piece of quoted input."""
    q = quote.strip()
    return bool(q) and any(q in other and q != other.strip() for other in _QUOTATION.findall(text))


def _pronoun_number(doc, i: int, end: int) -> bool:
    """'mark each one of them', 'any one', 'one of the targets': a number word that stands for things, not a
    score."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    word = doc[i].is_alpha  # "3 of 5" is a score on a scale; "one of them" is not
    return word and (
        prev in ("each", "every", "any", "which", "no") or (i + 1 < end and doc[i + 1].lower_ == "of")
    )


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _date_number(doc, i: int, end: int) -> bool:
    """'is 5 October', 'by January 31': the day of a date, not a score."""
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < end]
    return any(t.lower_.rstrip(".") in _MONTHS and (t.lower_ != "may" or t.text == "May") for t in near)


def _one_label(doc, i: int, sent, found: list[tuple[int, str]]) -> int | None:
    """Read one label at ``i`` (quoted, number, capitalised name) into ``found``; the index after it, or None."""
    t, prev = doc[i], doc[i - 1]
    if t.text in '"“':
        close = _quoted_at(doc, i, sent.end)
        if close is None or (close + 1 < sent.end and doc[close + 1].lower_ == "as"):
            return None  # 'label "S21" as PRODUCT': the quote is what is labelled, the label follows "as"
        if _piece_of_quoted_example(sent.text, doc[i + 1 : close].text):
            return None  # 'in "SSN ending 4471" you tag "4471"': the span to tag, cut from the example
        found.append((i, doc[i + 1 : close].text))
        return close + 1
    if (
        t.like_num
        and prev.lower_ not in lexicon().words["bound_words"]
        and not _counts_noun(doc, i, sent.end)
        and not _pronoun_number(doc, i, sent.end)
        and not _date_number(doc, i, sent.end)
    ):
        if (
            i + 2 < sent.end
            and doc[i + 1].lower_ == "or"
            and doc[i + 2].lower_ in lexicon().words["range_words"]
        ):
            return None
        found.append((i, t.text))
        return i + 1
    if t.lower_ in _MONTHS and any(doc[j].like_num for j in (i - 1, i + 1) if sent.start <= j < sent.end):
        return None  # "January 31": a date
    if ((t.is_upper and len(t.text) > 1) or (t.text[:1].isupper() and t.i != sent.start)) and t.is_alpha:
        j = i
        while j + 1 < sent.end and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
            j += 1
        if is_person_name(doc[i : j + 1].text):
            return None  # "tag a QA Lead", "notify the Project Lead": a person to reach, not a value to give
        j = noun_after_name(doc, i, j, sent)
        found.append((i, doc[i : j + 1].text))
        return j + 1
    return None


def _rates_a_dimension(verb, sent) -> bool:
    """'Rate Outcome using Section 4', 'Score Fluency on the 1-5 scale': the name after a verb of rating, followed
    by how to rate it, is the dimension rated, not the value given."""
    doc = sent.doc
    i = verb.i + 1
    return (
        lemma(verb) in ("rate", "score", "grade")
        and i + 1 < sent.end
        and doc[i].text[:1].isupper()
        and doc[i].is_alpha
        and doc[i + 1].lower_ in ("using", "per", "on", "against", "according", "under", "by")
    )


def _labelled_as(doc, i: int, sent) -> bool:
    """'mark each IMPLICIT EVENT both as an EVENT': the name right after the verb is what is labelled when 'as'
    and a label follow within a few words; the label is the one after 'as' (read by ``_after_as``)."""
    for j in range(i + 1, min(i + 8, sent.end - 1)):
        if doc[j].is_punct and doc[j].text not in '"“”':
            return False
        if doc[j].lower_ == "as":
            k = j + 1
            while k < sent.end - 1 and doc[k].lower_ in ("a", "an", "the"):
                k += 1
            t = doc[k]
            return t.text in '"“' or t.like_num or t.is_upper or (t.text[:1].isupper() and t.is_alpha)
    return False


def _after_label_verbs(sent, found: list[tuple[int, str]]) -> None:
    """'rate it 2', 'mark it Reject or Revise', 'is always "Unsure"': the values right after a label verb."""
    doc = sent.doc
    for tok in sent:
        if not _is_label_verb(tok, sent) or _rates_a_dimension(tok, sent):
            continue
        i, budget = tok.i + 1, 0
        while i < sent.end and budget < 6 and _skippable(doc[i]):
            i, budget = i + 1, budget + 1
        if lemma(tok) == "be":
            while i < sent.end and doc[i].lower_ in (
                "a",
                "an",
                "always",
                "never",
                "not",
                "n't",
                "usually",
                "still",
            ):
                i += 1
            if i >= sent.end or not (
                (doc[i].like_num and _can_hold_score(tok) and not _numbered(doc, i))
                or (doc[i].is_upper and len(doc[i].text) > 1)
                or (doc[i].text[:1].isupper() and doc[i].is_alpha)
            ):
                continue
        elif i < sent.end and _labelled_as(doc, i, sent):
            continue
        while i is not None and i < sent.end:
            i = _one_label(doc, i, sent, found)
            if i is None or not (
                i + 1 < sent.end
                and doc[i].lower_ in ("or", ",", "and")
                and (doc[i + 1].like_num or doc[i + 1].text[:1].isupper() or doc[i + 1].text in '"“')
            ):
                break
            i += 1


def _after_as(sent, found: list[tuple[int, str]]) -> None:
    """'label misspelled names as BRAND': the value after 'as' when a label verb comes shortly before."""
    lex = lexicon()
    doc = sent.doc
    for tok in sent:
        if tok.lower_ != "as" or tok.i + 1 >= sent.end:
            continue
        window = doc[max(sent.start, tok.i - 14) : tok.i]
        if not any(
            lemma(t) in lex.label_verbs and lemma(t) not in ("be", "use", "count", "get", "give")
            for t in window
        ):
            continue
        i = tok.i + 1
        while i < sent.end and doc[i].lower_ in ("a", "an", "the"):
            i += 1
        if i >= sent.end:
            continue
        t = doc[i]
        if t.text in '"“':
            close = _quoted_at(doc, i, sent.end)
            if close is not None:
                found.append((i, doc[i + 1 : close].text))
        elif t.like_num or (t.is_upper and len(t.text) > 1) or (t.text[:1].isupper() and t.is_alpha):
            j = i
            while (
                not t.like_num and j + 1 < sent.end and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha
            ):
                j += 1
            if not t.like_num:
                j = noun_after_name(doc, i, j, sent)
            found.append((i, doc[i : j + 1].text))


def _by_pattern(sent, ctx: DocContext, found: list[tuple[int, str]]) -> None:
    """Known labels of the document, verdicts ('Rating: 4') and bracket tags anywhere in the sentence."""
    text = sent.text
    if ctx.labels_rx is not None:
        for m in ctx.labels_rx.finditer(text):
            found.append((sent.start + len(text[: m.start()].split()), m.group(0)))
    for m in lexicon().verdict.finditer(text):
        found.append((sent.start + len(text[: m.start("value")].split()), m.group("value").strip("\"“”'")))
    for m in _BRACKET_TAG.finditer(text):
        found.append((sent.start + len(text[: m.start()].split()), m.group(0)))


def labels_in(sent, ctx: DocContext) -> list[str]:
    """Label or score values the sentence assigns: 'rate it 2', 'mark it as BRAND', 'select "Unsure"', known labels."""
    found: list[tuple[int, str]] = []
    _after_label_verbs(sent, found)
    _after_as(sent, found)
    _by_pattern(sent, ctx, found)
    out: list[str] = []
    never = lexicon().words["not_label_values"]
    scales = {m.group(1) for m in SCALE_SCORE.finditer(sent.text)}  # "we score it Accuracy 3": a scale's name
    for at, label in sorted(found, key=lambda x: x[0]):
        label = label.strip()
        if label.replace(".", "", 1).isdigit() and numbers_other(sent, at, label):
            continue  # "Grade 5 stems", "points 6 to 8", "10 or 20 words": not the scale's point
        if label and label not in out and label.lower() not in never and label not in scales:
            out.append(label)
    return out
