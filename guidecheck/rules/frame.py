"""One sentence (or one whole rubric/glossary block) -> a Rule frame, or None when it is not normative.

Detection order, each step explainable in ``Rule.evidence``:
1. whole blocks: a table row is a rubric (score/label header) or a definition (term/definition header), a rubric
   line ("Score 1: Harmful.") a rubric, a glossary item ("Span: a contiguous ...") a definition;
2. cue patterns from ``data/rules.toml`` (Matcher), only those in the main clause: priority, modal, always/never,
   label assignment, definition verbs; then the copula-definition dependency pattern;
3. an imperative main clause (subjectless base-form verb, or a known instruction verb the tagger mislabelled);
4. a list item's lead-in ("Do not:", "Always include:") or a Do/Don't section.
Frame fields come from the parse: actor (subject, "you" for imperatives), action (lemma of the governed verb),
object (passive subject or direct object), labels, clauses, quantities, quantifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import EXAMPLE, LIST_ITEM, NOTE, PARAGRAPH, TABLE_ROW, Block, Rule
from .clauses import clause_from_lead, is_subordinate
from .lexicon import Cue, lemma, lexicon
from .quantities import find_quantities

# Cue families in the order they win when a sentence has several in its main clause.
CUE_ORDER = (
    "priority",
    "score cap",
    "must",
    "have to",
    "required",
    "prohibited",
    "should",
    "recommended",
    "may",
    "allowed",
    "never",
    "always",
    "make sure",
    "avoid",
    "label assignment",
    "definition",
)
_NOUNISH = frozenset({"NOUN", "PROPN"})
_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,40})[\"“”]")
_BRACKET_TAG = re.compile(r"\[[A-Za-z][\w -]{0,20}\]")
_SUBJ = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


@dataclass
class DocContext:
    """What a document tells about each of its sentences: label inventory, lead-ins, open FAQ question."""

    labels: set[str] = field(default_factory=set)
    lead_ins: dict[str, dict] = field(default_factory=dict)  # lead-in text -> inherited frame parts
    lead_texts: set[str] = field(default_factory=set)  # blocks that only introduce a list
    question: str | None = None
    question_block: int | None = None
    labels_rx: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        words = sorted((x for x in self.labels if x and not x[0].isdigit()), key=len, reverse=True)
        if words:
            self.labels_rx = re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"
            )


@dataclass
class Detection:
    kind: str
    modality: str | None
    negated: bool
    evidence: str
    verb: object = None  # the token whose frame (subject, object) the rule is about
    imperative: bool = False


# ---------------------------------------------------------------------------------------------------------------
# whole blocks


def _header_role(block: Block) -> str:
    lex = lexicon()
    heads = [h.strip() for h in block.header]
    if (
        any(lex.term_header.match(h) for h in heads)
        and any(lex.definition_header.match(h) for h in heads[1:])
        and not any(lex.score_header.match(h) for h in heads)
    ):
        return "definition"
    return "rubric"


def _row_labels(block: Block) -> list[str]:
    lex = lexicon()
    labels = [
        c.strip()
        for h, c in zip(block.header, block.cells)
        if lex.score_header.match(h.strip()) and c.strip()
    ]
    if not labels and block.cells and len(block.cells[0].split()) <= 4:
        labels = [block.cells[0].strip()]
    return labels


def _rubric_line_labels(text: str) -> list[str]:
    m = lexicon().rubric_line.match(text)
    if not m:
        return []
    labels = [m.group("score")]
    name = re.split(r"[.:;–—(]|\s-\s", m.group("desc"), maxsplit=1)[0].strip()
    if name and len(name.split()) <= 4 and name != m.group("desc").strip(" .") and name[0].isupper():
        labels.append(name)
    return labels


def whole_block_frame(block: Block, why: str) -> dict:
    """Kind, labels and evidence of a block that is one rule."""
    if why == "table row":
        role = _header_role(block)
        return {
            "kind": role,
            "labels": _row_labels(block) if role == "rubric" else [],
            "evidence": f"table row ({' | '.join(block.header)})",
        }
    if why == "rubric line":
        return {
            "kind": "rubric",
            "labels": _rubric_line_labels(block.text.strip()),
            "evidence": "rubric line",
        }
    return {"kind": "definition", "labels": [], "evidence": "glossary item"}


# ---------------------------------------------------------------------------------------------------------------
# detection


def _person(tok) -> bool:
    lex = lexicon()
    return tok.lower_ in lex.persons or tok.lemma_.lower() in lex.persons


def _generic_plural(tok) -> bool:
    """'Summaries may use bullet points': a bare plural states a norm for the class; 'the summary may' does not."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _governed_verb(tok):
    """The verb a cue token is about: 'must [label]', 'is required to [label]', 'need to [label]'."""
    verb = tok if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD" else tok.head
    seen = 0
    while seen < 3:
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None or verb.lemma_ not in (
            "require",
            "need",
            "have",
            "be",
            "make",
            "ensure",
            "remember",
            "avoid",
            "refrain",
            "recommend",
            "allow",
            "permit",
            "encourage",
            "expect",
            "prefer",
            "suggest",
            "try",
            "feel",
            "best",
            "mandatory",
            "sure",
        ):
            break
        verb, seen = nxt, seen + 1
    if verb.pos_ == "ADJ":
        nxt = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if nxt is not None:
            verb = nxt
    if lemma(verb) in ("avoid", "refrain", "recommend", "suggest", "encourage", "prefer"):
        ger = next(
            (c for c in verb.children if c.tag_ == "VBG" and c.dep_ in ("xcomp", "dobj", "pcomp", "ccomp")),
            None,
        )
        if ger is None:
            prep = next((c for c in verb.children if c.dep_ == "prep"), None)
            ger = next((c for c in prep.children if c.tag_ == "VBG"), None) if prep is not None else None
        if ger is not None:
            verb = ger
    return verb


def _negated(tok, verb) -> bool:
    """'must not', "can't", 'never', 'no longer', 'not required' on the cue or its verb."""
    for t in {tok, tok.head, verb}:
        if any(
            c.dep_ == "neg" or (c.lower_ in ("never",) and c.dep_ in ("neg", "advmod")) for c in t.children
        ):
            return True
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("not", "n't", "never", "no"):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return bool(
        subj is not None and any(c.lower_ in ("no", "none") and c.dep_ == "det" for c in subj.children)
    )


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subjectless(verb, sent) -> bool:
    """An instruction addressed to the reader: base-form verb without a subject anywhere up its chain."""
    if verb.tag_ != "VB" and not (verb.i == sent.start or verb.i == sent.start + 1):
        return False
    lead = [
        t
        for t in sent
        if t.i < verb.i and not (t.is_punct or t.is_space or t.dep_ in ("neg", "advmod", "aux"))
    ]
    if verb.tag_ == "VB" and not lead and not any(c.dep_ in _SUBJ for c in verb.children):
        return True
    for t in [verb, *verb.ancestors]:
        if any(c.dep_ in _SUBJ for c in t.children):
            return False
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            break
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) is False


def _cue_matches(sent, matches, covered: set[int]):
    """(cue, anchor token) for every cue match in the main clause of ``sent``, in CUE_ORDER."""
    lex = lexicon()
    out = []
    for name, start, end in matches:
        cue = lex.cues[name]
        anchor = sent.doc[min(start + cue.anchor, end - 1)]
        if name == "priority" and sent.doc[start].lower_ in ("first", "firstly"):
            anchor = sent.doc[start]
        if anchor.i in covered or (is_subordinate(anchor) and name not in ("priority",)):
            continue
        out.append((cue, anchor))
    out.sort(key=lambda ca: (CUE_ORDER.index(ca[0].name) if ca[0].name in CUE_ORDER else 99, ca[1].i))
    return out


def _main_tokens(sent, covered: set[int]):
    return [t for t in sent if t.i not in covered and not t.is_punct and not t.is_space]


def _clause_break(between) -> bool:
    """A new clause, not a shared subject: '...; reload the page', '..., so skip only when ...'."""
    toks = list(between)
    return any(t.text in (";", ":", "—") for t in toks) or (
        len(toks) >= 2 and toks[-1].lower_ in ("so", "then") and toks[-2].text == ","
    )


def _imperative(sent, covered: set[int]):
    """The verb of a subjectless instruction, or None: 'Label the span', 'Do not include', 'Never click'."""
    lex = lexicon()
    main = _main_tokens(sent, covered)
    skip = {
        "please",
        "always",
        "never",
        "only",
        "also",
        "then",
        "first",
        "just",
        "do",
        "not",
        "n't",
        "no",
        "yes",
        "but",
        "and",
        "so",
        "instead",
        "now",
        "still",
        "generally",
        "ideally",
        "again",
        "simply",
        "carefully",
    }
    comma = next((t for t in sent if t.text == "," and t.i not in covered), None)
    intro_end = sent.start
    opener = sent[0] if len(sent) else None
    if (
        comma is not None
        and comma.i - sent.start <= 6
        and opener is not None
        and opener.pos_ in ("ADP", "ADV", "SCONJ")
        and opener.lower_ not in lex.imperative_verbs
        and not any(t.pos_ in ("VERB", "AUX") and t.i not in covered for t in sent if t.i < comma.i)
    ):
        main = [t for t in main if t.i > comma.i]  # "From now on, label ...": an introductory phrase
        intro_end = comma.i + 1
    first = next((t for t in main if t.lower_ not in skip and t.dep_ not in ("intj",)), None)
    if first is None:
        return None
    root = sent.root
    has_subj = any(c.dep_ in _SUBJ and c.i not in covered for c in root.children)
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
    if (
        first.tag_ == "VB"
        and not any(c.dep_ in _SUBJ for c in first.children)
        and first.lower_ not in ("be",)
        and first.dep_ not in ("compound", "amod", "nmod", "nsubj", "dobj", "pobj", "attr")
    ):
        return first
    if (
        first.lower_ in lex.imperative_verbs
        and not any(c.dep_ in _SUBJ for c in first.children)
        and first.tag_ not in ("VBZ", "VBD", "VBN", "VBG")
        and all(
            t.i in covered or t.i < intro_end or t.is_space or t.is_punct or t.lower_ in skip
            for t in sent[: first.i - sent.start]
        )
    ):
        # the tagger sometimes reads a sentence-initial verb as a noun or adjective ("Label the span", "Open ...")
        nxt = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
        if nxt is None or not (nxt.tag_ == "MD" or nxt.lemma_ == "be" or nxt.tag_ == "POS"):
            return first
    # "The tool freezes when ...; reload the page": an imperative conjoined to a statement
    for conj in root.children:
        if (
            conj.dep_ in ("conj", "parataxis")
            and conj.tag_ == "VB"
            and conj.i not in covered
            and not any(c.dep_ in _SUBJ for c in conj.children)
            and _clause_break(sent.doc[root.i : conj.i])
        ):
            return conj
    return None


def detect(
    sent,
    matches,
    dep_matches,
    covered: set[int],
    block: Block,
    ctx: DocContext,
    labels: list[str] | None = None,
    constrained: bool = False,
) -> Detection | None:
    """The kind of the sentence, or None.

    ``labels`` (values the sentence assigns) and ``constrained`` (it states a numeric limit) make a can/may with a
    non-person subject normative: 'may still get a 3', 'cannot get a score above 2'.
    """
    lex = lexicon()
    for cue, anchor in _cue_matches(sent, matches, covered):
        verb = _governed_verb(anchor)
        if cue.subject_required:
            subjects = [
                c for t in (anchor, anchor.head) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
            ]
            if not subjects or any(
                c.tag_ in ("WDT", "WP") or c.lower_ in ("that", "which", "who") for c in subjects
            ):
                continue
        if cue.person_only:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
            if subj is None:
                subj = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
            if not (
                _passive(verb)
                or (subj is not None and (_person(subj) or _generic_plural(subj)))
                or labels
                or constrained
            ):
                continue
        neg = _negated(anchor, verb) if cue.name not in ("never",) else True
        kind = cue.negated_kind if neg else cue.kind
        modality = cue.negated_modality if neg else cue.modality
        avoids = lemma(anchor.head) in ("avoid", "refrain") or lemma(verb) in ("avoid", "refrain")
        if avoids and kind in ("recommendation", "obligation"):
            kind = "discouragement"
        if cue.name == "never":
            modality = "must"
        return Detection(
            kind, modality, neg and kind != "priority", f"cue '{cue.name}'", verb, _subjectless(verb, sent)
        )
    imp = _imperative(sent, covered)
    if imp is not None:
        lower = sent.text.strip().lower()
        main_start = " ".join(t.lower_ for t in _main_tokens(sent, covered)[:3])
        neg = (
            any(c.dep_ == "neg" and c.i < imp.i for c in imp.children)
            or lower.startswith(lex.prohibition_starts)
            or main_start.startswith(lex.prohibition_starts)
        )
        if lemma(imp) in ("avoid", "refrain") or lower.startswith(lex.discouragement_starts):
            return Detection(
                "discouragement", "should", True, "imperative 'avoid'", _governed_verb(imp), True
            )
        return Detection("prohibition" if neg else "obligation", "must", neg, "imperative", imp, True)
    for _match_id, toks in dep_matches:
        cop = sent.doc[toks[0]]
        subj = sent.doc[toks[1]]
        if (
            cop.i in covered
            or any(
                c.lower_ in ("the", "this", "that", "these", "those", "it") or c.dep_ == "poss"
                for c in subj.children
            )
            or subj.lower_ in ("it", "this", "that")
        ):
            continue
        return Detection(
            "definition", None, any(c.dep_ == "neg" for c in cop.children), "copula definition", cop
        )
    return None


# ---------------------------------------------------------------------------------------------------------------
# frame parts


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
    if tok is None or (tok.pos_ == "PRON" and tok.lower_ not in ("you", "we", "i", "everyone", "anyone")):
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


def frame_parts(det: Detection, sent) -> tuple[str | None, str | None, str | None]:
    verb = det.verb
    if verb is None:
        return None, None, None
    if det.kind == "priority":
        subj = (
            None
            if det.imperative
            else next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        )
        return (
            (noun_phrase(subj) if subj is not None else ("you" if det.imperative else None)),
            (lemma(verb) if verb.pos_ in ("VERB", "AUX") else None),
            None,
        )
    # the subject may sit on an auxiliary chain head ("need to be logged in": subject on 'need')
    holders = [
        verb,
        *[a for a in verb.ancestors if a.dep_ in ("xcomp", "ROOT", "conj") or a.i == verb.head.i][:3],
    ]
    subj = None
    for n, h in enumerate(holders):
        subj = next(
            (c for c in h.children if c.dep_ in ("nsubj", "expl") or (n and c.dep_ == "nsubjpass")), None
        )
        if subj is not None and subj.dep_ != "expl":
            break
        subj = None
    passive = _passive(verb)
    actor = None
    if det.imperative:
        actor = "you"
    elif subj is not None and (not passive or subj.head.i != verb.i):
        actor = noun_phrase(subj)
    elif passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        actor = noun_phrase(pobj)
    obj = None
    if passive:
        obj = noun_phrase(next((c for c in verb.children if c.dep_ == "nsubjpass"), None))
    if obj is None:
        d = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        obj = noun_phrase(d)
    if obj is None and det.imperative and verb.pos_ != "VERB":
        nxt = next((t for t in sent if t.i > verb.i and t.pos_ in _NOUNISH), None)
        while nxt is not None and nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            nxt = nxt.head
        obj = noun_phrase(nxt, exclude=verb.i)
    action = lemma(verb) if verb.pos_ in ("VERB", "AUX") or det.imperative else None
    csubj = next((c for t in (verb, verb.head) for c in t.children if c.dep_ in ("csubj", "csubjpass")), None)
    if csubj is not None and action in (
        "be",
        "allow",
        "permit",
        "require",
        "recommend",
        "prohibit",
        "forbid",
        None,
    ):
        action = gerund_lemma(csubj)
        obj = noun_phrase(next((c for c in csubj.children if c.dep_ in ("dobj", "obj")), None))
    if action in ("avoid", "refrain"):
        # "avoid naming brands" is often parsed as a noun phrase with a gerund compound
        d = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        ger = next((c for c in d.children if c.tag_ == "VBG" and c.i < d.i), None) if d is not None else None
        if ger is None and d is not None:
            ger = next(
                (c for c in d.children if c.dep_ == "compound" and c.lower_.endswith("ing") and c.i < d.i),
                None,
            )
        if ger is not None:
            action = gerund_lemma(ger)
            if d is not None and ger.head.i == d.i:
                obj = noun_phrase(d, exclude=ger.i)
    if action and det.kind == "definition" and det.evidence == "copula definition":
        action = "be"
    if det.kind == "definition" and det.evidence == "copula definition":
        obj = None
    return actor, action, obj


def _counts_noun(doc, i: int, end: int) -> bool:
    """'exactly one intent label', '3 minutes': a number that counts a noun is a quantity, not a label."""
    j = i + 1
    while j < end and j <= i + 3:
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN") and not t.is_upper and not t.text[:1].isupper():
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN") and t.dep_ not in ("compound", "amod"):
            return False
        j += 1
    return False


def labels_in(sent, ctx: DocContext) -> list[str]:
    """Label or score values the sentence assigns: 'rate it 2', 'mark it as BRAND', 'select "Unsure"', known labels."""
    lex = lexicon()
    doc = sent.doc
    found: list[tuple[int, str]] = []
    cmp_words = {"least", "most", "than", "above", "below", "under", "over", "to", "between"}
    for tok in sent:
        prev_tok = doc[tok.i - 1] if tok.i > sent.start else None
        # a mistagged instruction verb ("rate" read as a noun) is still a verb unless a determiner precedes it
        verbish = tok.pos_ in ("VERB", "AUX") or (
            tok.tag_ in ("NN", "NNP", "JJ")
            and (prev_tok is None or prev_tok.pos_ not in ("DET", "ADJ", "PRON", "NUM"))
        )
        copula = lemma(tok) == "be"
        if lemma(tok) not in lex.label_verbs or lemma(tok) in ("use", "count") or not verbish:
            continue
        i, budget = tok.i + 1, 0
        while i < sent.end and budget < 6:
            t = doc[i]
            if (
                t.lower_ in ("it", "them", "this", "that", "as", "a", "an", "with", "the", "always", "only")
                or (t.pos_ in ("DET", "ADV") and not t.like_num and not t.text[:1].isupper())
                or (
                    t.dep_ in ("dobj", "nsubjpass")
                    and t.pos_ in _NOUNISH
                    and not t.is_upper
                    and not t.text[:1].isupper()
                )
                or (t.dep_ in ("compound", "amod") and not t.text[:1].isupper())
            ):
                i, budget = i + 1, budget + 1
                continue
            break
        if copula:
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
                doc[i].like_num
                or (doc[i].is_upper and len(doc[i].text) > 1)
                or (doc[i].text[:1].isupper() and doc[i].is_alpha)
            ):
                continue
        while i < sent.end:
            t = doc[i]
            prev = doc[i - 1]
            if t.text in '"“':
                close = next((j for j in range(i + 1, min(sent.end, i + 10)) if doc[j].text in '"”'), None)
                if close is None:
                    break
                if close + 1 < sent.end and doc[close + 1].lower_ == "as":
                    break  # 'label "S21" as PRODUCT': the quote is what is labelled, the label follows "as"
                found.append((i, doc[i + 1 : close].text))
                i = close + 1
            elif t.like_num and prev.lower_ not in cmp_words and not _counts_noun(doc, i, sent.end):
                if (
                    i + 1 < sent.end
                    and doc[i + 1].lower_ == "or"
                    and i + 2 < sent.end
                    and doc[i + 2].lower_
                    in ("lower", "higher", "more", "less", "fewer", "above", "below", "better", "worse")
                ):
                    break
                found.append((i, t.text))
                i += 1
            elif (
                (t.is_upper and len(t.text) > 1) or (t.text[:1].isupper() and t.i != sent.start)
            ) and t.is_alpha:
                j = i
                while j + 1 < sent.end and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
                    j += 1
                found.append((i, doc[i : j + 1].text))
                i = j + 1
            else:
                break
            if (
                i < sent.end
                and doc[i].lower_ in ("or", ",", "and")
                and i + 1 < sent.end
                and (doc[i + 1].like_num or doc[i + 1].text[:1].isupper() or doc[i + 1].text in '"“')
            ):
                i += 1
                continue
            break
    for tok in sent:
        if tok.lower_ != "as" or tok.i + 1 >= sent.end:
            continue
        window = sent.doc[max(sent.start, tok.i - 14) : tok.i]
        if not any(
            lemma(t) in lex.label_verbs and lemma(t) not in ("be", "use", "count", "get", "give")
            for t in window
        ):
            continue
        i = tok.i + 1
        while i < sent.end and sent.doc[i].lower_ in ("a", "an", "the"):
            i += 1
        if i >= sent.end:
            continue
        t = sent.doc[i]
        if t.text in '"“':
            close = next((j for j in range(i + 1, min(sent.end, i + 10)) if sent.doc[j].text in '"”'), None)
            if close is not None:
                found.append((i, sent.doc[i + 1 : close].text))
        elif t.like_num or (t.is_upper and len(t.text) > 1) or (t.text[:1].isupper() and t.is_alpha):
            j = i
            while (
                not t.like_num
                and j + 1 < sent.end
                and sent.doc[j + 1].text[:1].isupper()
                and sent.doc[j + 1].is_alpha
            ):
                j += 1
            found.append((i, sent.doc[i : j + 1].text))
    text = sent.text
    if ctx.labels_rx is not None:
        for m in ctx.labels_rx.finditer(text):
            found.append((sent.start + len(text[: m.start()].split()), m.group(0)))
    for m in lex.verdict.finditer(text):
        found.append((sent.start + len(text[: m.start("value")].split()), m.group("value").strip("\"“”'")))
    for m in _BRACKET_TAG.finditer(text):
        found.append((sent.start + len(text[: m.start()].split()), m.group(0)))
    out: list[str] = []
    for _, label in sorted(found, key=lambda x: x[0]):
        label = label.strip()
        if label and label not in out and label.lower() not in ("i", "you"):
            out.append(label)
    return out


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
            tok.dep_ not in ("det",)
            or (nxt is not None and nxt.lower_ in ("more", "less", "fewer", "longer", "later"))
        ):
            continue
        if is_subordinate(tok) and not (
            q == "only" and nxt is not None and nxt.lower_ in lex.condition_marks
        ):
            continue
        return q
    return None


def date_marker(text: str, block: Block) -> str | None:
    lex = lexicon()
    for rx in lex.dates:
        m = rx.search(text)
        if m:
            return m.group(0).strip(" :,")
    for heading in reversed(block.section):
        for rx in lex.date_headings:
            if rx.match(heading.strip()):
                return heading.strip().rstrip(":")
    return None


def inherited_conditions(block: Block) -> list[str]:
    """Conditions stated by the list lead-in or an enclosing section heading ('When the page does not load:')."""
    out = []
    for heading in block.section[1:]:
        c = clause_from_lead(heading)
        if c and not heading.strip().endswith("?"):
            out.append(c)
    if block.lead_in:
        c = clause_from_lead(block.lead_in)
        if c:
            out.append(c)
    return out


def strength(kind: str, modality: str | None) -> float:
    lex = lexicon()
    if modality:
        return float(lex.strength.get(modality, 0.0))
    return 1.0 if kind in ("rubric", "definition", "priority") else 0.0


def make_rule(
    *,
    text: str,
    block: Block,
    start: int,
    end: int,
    kind: str,
    modality: str | None,
    negated: bool,
    evidence: str,
    actor=None,
    action=None,
    obj=None,
    labels=(),
    conditions=(),
    exceptions=(),
    quantities=(),
    quantifier=None,
    context=None,
) -> Rule:
    from dataclasses import replace

    location = block.location
    if location.line is not None and "\n" in block.text[:start]:
        location = replace(location, line=location.line + block.text[:start].count("\n"))
    return Rule(
        id="",
        text=text,
        location=location,
        section=block.section,
        block_kind=block.meta.get("original_kind", block.kind),
        kind=kind,
        modality=modality,
        strength=strength(kind, modality),
        negated=negated,
        actor=actor,
        action=action,
        object=obj,
        labels=list(labels),
        conditions=list(conditions),
        exceptions=list(exceptions),
        quantities=list(quantities),
        quantifier=quantifier,
        date=date_marker(text, block),
        is_example=block.kind == EXAMPLE,
        lead_in=block.lead_in,
        polarity=block.polarity,
        cells=dict(zip(block.header, block.cells)) if block.header else {},
        start=start,
        end=end,
        evidence=evidence,
        context=context,
    )


__all__ = [
    "LIST_ITEM",
    "NOTE",
    "PARAGRAPH",
    "TABLE_ROW",
    "Cue",
    "Detection",
    "DocContext",
    "date_marker",
    "detect",
    "find_quantities",
    "frame_parts",
    "inherited_conditions",
    "labels_in",
    "make_rule",
    "noun_phrase",
    "quantifier_of",
    "whole_block_frame",
]
