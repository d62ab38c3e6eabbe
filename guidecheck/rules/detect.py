"""Is this sentence a rule, and of which kind? Cue patterns in the main clause, imperatives, lead-ins.

Detection order, each step explainable in ``Rule.evidence``:
1. cue patterns from ``data/rules.toml`` (Matcher), only those in the main clause: priority, modal, always/never,
   label assignment, definition verbs; then the copula-definition dependency pattern;
2. an imperative main clause (subjectless base-form verb, or a known instruction verb the tagger mislabelled);
3. a list item's lead-in ("Do not:", "Always include:") or a Do/Don't section.
Whole blocks (table rows, rubric lines, glossary items) are decided in ``block_frames``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Block
from .clauses import is_subordinate
from .context import Detection, DocContext
from .fragments import (
    banned_list,
    no_fragment,
    opener_with,
    output_fragment,
    policy_statement,
    quoted_tokens,
    so_clause,
    stated_rule,
)
from .imperative import SUBJECT_DEPS, imperative_after_statement, imperative_verb, main_tokens
from .lexicon import lemma, lexicon
from .parties import is_party, is_requester
from .role_practice import antecedent

# Cue families in the order they win when a sentence has several in its main clause.
CUE_ORDER = (
    "priority",
    "score cap",
    "score bound",
    "must",
    "have to",
    "required",
    "asked to",
    "prohibited",
    "should",
    "recommended",
    "may",
    "allowed",
    "entitled",
    "agree",
    "will",
    "wants",
    "never",
    "always",
    "make sure",
    "avoid",
    "label assignment",
    "definition",
    "scale",
    "label restriction",
)
# Cues read after the imperatives: "Rate each answer on a scale from 1 to 5" is an instruction, and so is "...; leave
# OCCLUDED off" after "OCCLUDED is only for ...".
LATE_CUES = frozenset(("scale", "label restriction"))


_SUBJ = SUBJECT_DEPS


def _person(tok) -> bool:
    lex = lexicon()
    return tok.lower_ in lex.persons or tok.lemma_.lower() in lex.persons or is_party(tok)


def _persons_act(verb) -> bool:
    """A verb of ranking ("override", "beat") done by a person under a modal ("Raters may override the suggested
    price"): the act of changing a value, not a statement that one criterion outranks another."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return modal and any(c.dep_ in _SUBJ and _person(c) for c in verb.children)


def noun_read_as_verb(verb):
    """The plural noun the parser read as the sentence's verb before a modal ("Only team leads may apply ...":
    "leads" the root, "apply" its complement): no verb is followed by a modal, so it is the subject."""
    head = verb.head
    after = verb.doc[head.i + 1] if head.i + 1 < len(verb.doc) else None
    if (
        verb.dep_ == "ccomp"
        and (head.dep_ == "ROOT" or (head.dep_ == "ccomp" and _before_semicolon(head)))
        and head.tag_ == "VBZ"
        and after is not None
        and after.tag_ == "MD"
    ):
        return head
    return None


def _before_semicolon(tok) -> bool:
    """The token's clause ends at a semicolon that starts the root's own clause ("Only team leads may mark ...; if
    something looks odd, message your lead": the parser hangs the first clause under the second)."""
    root = tok.sent.root
    return any(t.text == ";" for t in tok.doc[tok.i : root.i])


def _generic_plural(tok) -> bool:
    """'Summaries may use bullet points': a bare plural states a norm for the class; 'the summary may' does not."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _governed_verb(tok):
    """The verb a cue token is about: 'must [label]', 'is required to [label]', 'need to [label]'."""
    verb = tok if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD" else tok.head
    seen = 0
    while seen < 3:
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None or verb.lemma_ not in lexicon().words["control_verbs"]:
            break
        verb, seen = nxt, seen + 1
    if verb.pos_ == "ADJ":
        nxt = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if nxt is not None:
            verb = nxt
    if lemma(verb) in lexicon().words["gerund_taking_verbs"]:
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
    # the subject of the cue's own verb counts too: "No reviewer is allowed to edit ..." ("reviewer" is allowed's)
    subj = next(
        (c for t in (verb, tok, tok.head) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None
    )
    return subj is not None and (
        subj.lower_ in ("none", "nothing", "nobody")  # "so none should be named"
        or any(c.lower_ in ("no", "none", "neither") and c.dep_ == "det" for c in subj.children)
    )


def is_passive(verb) -> bool:
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
        # a negative anchor counts from the end: the participle after any adverbs ("is now banned")
        anchor = sent.doc[end + cue.anchor if cue.anchor < 0 else min(start + cue.anchor, end - 1)]
        if name == "priority" and sent.doc[start].lower_ in ("first", "firstly"):
            anchor = sent.doc[start]
        if name == "priority" and _persons_act(anchor):
            continue  # "No rater may override a price in the table": a person's act, not one criterion's rank
        if anchor.i in covered or (is_subordinate(anchor) and name not in ("priority",)):
            continue
        out.append((cue, anchor))
    out.sort(key=lambda ca: (_rank(ca[0].name, ca[1], sent), ca[1].i))
    return out


def _rank(name: str, anchor, sent) -> int:
    """A cue's place in CUE_ORDER. A "Never" that opens the sentence is its imperative ("Never tick the box
    yourself; ..., and the box should stay unticked"): the instruction, ranked with "must" before any later modal."""
    if name == "never" and anchor.i <= sent.start + 1 and sent.doc[sent.start].lower_ == "never":
        return CUE_ORDER.index("must")
    return CUE_ORDER.index(name) if name in CUE_ORDER else 99


def _possibility(verb) -> bool:
    """'can be found', 'may be expressed': what the text or the data can do, not what a rater may do."""
    from .sentence_roles import patterns

    return (
        lemma(verb) in patterns().words["possibility_verbs"]
        or verb.lemma_.lower() in patterns().words["possibility_verbs"]
    )


def _commentary(verb) -> bool:
    """'Note that the tool saves ...', 'Note: ...': the imperative introduces a statement, it asks for no action."""
    from .sentence_roles import patterns

    if lemma(verb) not in patterns().words["commentary_verbs"]:
        return False
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return any(c.dep_ == "ccomp" for c in verb.children) or (
        nxt is not None and nxt.lower_ in (":", "that", "how", "whether")
    )


def _nothing(subj, anchor, verb) -> bool:
    """'Nothing that identifies the contract may go in the Notes field': no thing at all may, a ban on whoever
    puts it there. "can" says what is possible ('Nothing can be heard on the clip'), and so does a passive."""
    return (
        subj.lower_ in ("nothing", "none")
        and anchor.lower_ == "may"
        and not is_passive(verb)
        and not _possibility(verb)
    )


def _cue_applies(cue, anchor, verb, labels, constrained: bool) -> bool:
    """A definition cue needs a real subject; a can/may cue needs a person, a passive or a label/limit to be a norm."""
    if cue.subject_required:
        subjects = [c for t in (anchor, anchor.head) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(
            c.tag_ in ("WDT", "WP") or c.lower_ in ("that", "which", "who") for c in subjects
        ):
            return False
    if cue.requester_only:  # "Marketing wants the tagline in the body"; "the user wants a recipe" is the task
        subj = next((c for t in (anchor, anchor.head) for c in t.children if c.dep_ == "nsubj"), None)
        return subj is not None and is_requester(subj)
    # "The Vendor will keep ...": a contract's "will" binds a named party; elsewhere it predicts
    if cue.party_only:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and is_party(subj)
    if cue.person_only:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        if subj is None:
            subj = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = noun_read_as_verb(verb)
        subj = antecedent(subj)
        from .descriptive import share_subject

        return not share_subject(verb) and bool(
            (is_passive(verb) and not _possibility(verb))
            or (subj is not None and (_person(subj) or _generic_plural(subj) or _nothing(subj, anchor, verb)))
            or labels
            or constrained
        )
    return True


def _cue_detection(
    sent, matches, covered: set[int], labels, constrained: bool, late: bool
) -> Detection | None:
    """The kind stated by the first cue (in CUE_ORDER) of the main clause that applies; the late cues alone
    (``late``: LATE_CUES) come after imperatives: "Rate each answer on a scale from 1 to 5" is an instruction."""
    applicable = (
        (cue, anchor, verb)
        for cue, anchor in _cue_matches(sent, matches, covered)
        if (cue.name in LATE_CUES) == late
        and _cue_applies(cue, anchor, verb := _governed_verb(anchor), labels, constrained)
    )
    first = next(applicable, None)
    if first is None:
        return None
    cue, anchor, verb = _restriction_after(first, applicable)
    neg = _negated(anchor, verb) if cue.name not in ("never",) else True
    neg = neg and not cue.bound
    kind = cue.negated_kind if neg else cue.kind
    modality = cue.negated_modality if neg else cue.modality
    discouraging = lexicon().words["discouragement_verbs"]
    avoids = lemma(anchor.head) in discouraging or lemma(verb) in discouraging
    if avoids and kind in ("recommendation", "obligation"):
        kind = "discouragement"
    if cue.name == "never":
        modality = "must"
    return Detection(
        kind, modality, neg and kind != "priority", f"cue '{cue.name}'", verb, _subjectless(verb, sent)
    )


def _restriction_after(first: tuple, rest: Iterator[tuple]) -> tuple:
    """ "Adjudicators may overturn any score, but they may not edit the wording of a clue": of one permission cue
    said twice, the negated one is the rule a rater can break, so it states the sentence's kind (as "must not"
    already does over "may"). The later matches are read only after a plain permission."""
    cue, anchor, verb = first
    if cue.kind != "permission" or _negated(anchor, verb):
        return first
    return next(
        (f for f in rest if f[0].name == cue.name and _negated(f[1], f[2]) and _coordinate(f[2], verb)),
        first,
    )


def _coordinate(verb, first) -> bool:
    """The negated verb is a main clause set against the permission's ("may overturn ..., but may not edit ..."),
    not a part of its case ("may skip a clip when ... and you cannot tell whether ...", which the parser may also
    hang on the main verb): a "but", "yet" or semicolon stands between them."""
    joined = (verb.dep_ == "conj" and verb.head.i == first.i) or verb.dep_ == "ROOT"
    lo, hi = sorted((verb.i, first.i))
    return joined and any(t.lower_ in ("but", "yet", ";") for t in verb.doc[lo:hi])


def _imperative_detection(sent, covered: set[int]) -> Detection | None:
    """An instruction without a cue word: obligation, prohibition ("Do not ...") or discouragement ("Avoid ...")."""
    lex = lexicon()
    imp, evidence = imperative_verb(sent, covered), "imperative"
    if imp is None:
        imp, evidence = imperative_after_statement(sent, covered), "imperative after a statement"
    if imp is None or _commentary(imp):
        return None
    lower = sent.text.strip().lower()
    main_start = " ".join(t.lower_ for t in main_tokens(sent, covered)[:3])
    neg = (
        any(c.dep_ == "neg" and c.i < imp.i for c in imp.children)
        or lower.startswith(lex.prohibition_starts)
        or main_start.startswith(lex.prohibition_starts)
    )
    if lemma(imp) in lex.words["discouragement_verbs"] or lower.startswith(lex.discouragement_starts):
        return Detection("discouragement", "should", True, "imperative 'avoid'", _governed_verb(imp), True)
    return Detection("prohibition" if neg else "obligation", "must", neg, evidence, imp, True)


def _copula_definition(sent, dep_matches, covered: set[int]) -> Detection | None:
    """'A span is a run of tokens': a generic subject, a copula and a noun complement."""
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
    """The kind of the sentence, or None: a cue in the main clause, else an imperative, else a copula definition.

    ``labels`` (values the sentence assigns) and ``constrained`` (it states a numeric limit) make a can/may with a
    non-person subject normative: 'may still get a 3', 'cannot get a score above 2'.
    """
    covered = covered | quoted_tokens(sent)
    return (
        _cue_detection(sent, matches, covered, labels, constrained, late=False)
        or _imperative_detection(sent, covered)
        or _cue_detection(sent, matches, covered, labels, constrained, late=True)
        or _copula_definition(sent, dep_matches, covered)
        or no_fragment(sent, covered)
        or opener_with(sent, covered)
        or so_clause(sent, covered)
        or banned_list(sent, covered)
        or stated_rule(sent, covered)
        or output_fragment(sent, covered)
        or policy_statement(sent, covered)
    )
