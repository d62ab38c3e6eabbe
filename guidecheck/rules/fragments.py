"""Instructions the parser does not see as such: "No emojis.", "No contractions of any kind.", and a sentence
opening with a place verb the tagger reads as a noun ("End with our tagline: ...", "Close with a question").

Task instructions and style sheets state many prohibitions as a bare "No" + noun phrase, and many placement rules
as "End/Open/Close with ..."; the parser finds no verb in them, so neither a cue word nor an imperative applies,
and without this reading they yield no rule at all. The "with" verbs are a word list in data/rules.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .bonus_terms import read_bonus_term
from .context import Detection
from .disagreements import read_ruling
from .item_times import read_item_time
from .lexicon import lexicon
from .pay_terms import read_pay_term
from .quality_bars import read_quality_bar, same_measures
from .refused_reasons import read_refused_reason
from .reserved_acts import read_reservation
from .review_pay import read_review_pay
from .sample_shares import read_sample_share
from .shift_limits import read_shift_limit
from .time_windows import read_time_window
from .tolerances import read_tolerance
from .work_pace import read_rushed_floor, read_work_pace

MAX_TOKENS = 10  # longer verbless lines are headings, captions or table text, not an instruction
_STYLE_LABEL = re.compile(
    r"\b(?:style|format|formatting|tone|voice|layout|punctuation|capitali[sz]ation|rules?|constraints?|"
    r"requirements?|guidelines?|dos and don'?ts|don'?ts)\b",
    re.I,
)
_BANNED_LIST = re.compile(
    r"\s*(?:banned|forbidden|prohibited|off-limits|blocked)\s+(?:words|terms|phrases|expressions)\b[^:.]{0,60}:\s*\S",
    re.I,
)


def quoted_tokens(sent) -> set[int]:
    """Token indices inside quotation marks: words an instruction quotes ('End with "Now you can relax."') say
    nothing about the instruction's own force."""
    inside, out, straight = False, set(), 0  # "“" opens, "”" closes; straight quotes alternate
    for t in sent:
        if t.text in ("“", "”") or t.text == '"' or t.tag_ in ("``", "''"):
            straight += 1
            inside = t.text != "”" and (t.text == "“" or straight % 2 == 1)
            continue
        if inside:
            out.add(t.i)
    if inside and not _closes_later(sent):
        return set()  # an unclosed quote is a stray mark
    return out


def _closes_later(sent, window: int = 60) -> bool:
    """The quotation goes on past the sentence end ('"Now you can swap in csv.reader and you're done."' is split
    at the dot in "csv.reader"): a closing mark follows within a few tokens, before any new paragraph."""
    doc = sent.doc
    for t in doc[sent.end : min(len(doc), sent.end + window)]:
        if "\n\n" in t.text_with_ws or t.text in ("“",):
            return False
        if t.text == "”" or (t.text == '"' and t.tag_ == "''"):
            return True
    return False


def _no_clause(sent):
    """The tokens of a verbless "No ..." clause: the whole sentence, or the clause after a short verbless label
    ("House style: no contractions of any kind - write ...", "Style: calm - no exclamation marks, since ...")."""
    toks = [t for t in sent if not t.is_space]
    starts = [0] + [k + 1 for k, t in enumerate(toks) if t.text in (":", "—", "–", "-", ",") and k <= 8]
    for start in starts:
        label, rest = toks[:start], toks[start:]
        if start and not _STYLE_LABEL.search(" ".join(t.text for t in label)):
            continue  # "Results: no significant change" reports; only a style label introduces a rule
        if rest and rest[0].lower_ == "no" and not any(t.pos_ in ("VERB", "AUX") for t in label):
            end = next(
                (k for k, t in enumerate(rest) if t.text in (",", ";", "—", "–", "(") and k > 0), len(rest)
            )
            return [t for t in rest[:end] if not t.is_punct], bool(start)
    return None, False


def no_fragment(sent, covered: set[int]) -> Detection | None:
    """A prohibition of the noun phrase after a leading "No", when its clause has no verb at all."""
    toks, labelled = _no_clause(sent)
    if not toks or len(toks) > MAX_TOKENS or toks[0].i in covered:
        return None
    whole = sent.text.rstrip().endswith((".", "!")) or labelled
    if any(t.pos_ in ("VERB", "AUX") for t in toks) or not whole:
        return None
    head = toks[0].head
    if head.pos_ not in ("NOUN", "PROPN") or head.i == toks[0].i:
        return None
    return Detection("prohibition", "must", True, "'No ...' fragment", head, True)


def banned_list(sent, covered: set[int]) -> Detection | None:
    """A list of banned words after a label: "Banned words for this season: cozy, perfect, amazing."."""
    if _BANNED_LIST.match(sent.text):
        return Detection("prohibition", "must", True, "banned-word list", sent.root, True)
    return None


def opener_with(sent, covered: set[int]) -> Detection | None:
    """An instruction opening with a place verb and "with": "End with ...", "Sign off with ..."."""
    toks = [t for t in sent if not (t.is_punct or t.is_space) and t.i not in covered]
    words = [t.lower_ for t in toks[:3]]
    for verb in lexicon().data["imperative"]["with_verbs"]:
        n = len(verb.split())
        if words[:n] == verb.split() and len(words) > n and words[n] == "with":
            return Detection("obligation", "must", False, "imperative 'with'", toks[0], True)
    return None


_SO_MODALS = {
    "must": ("obligation", "must", False),
    "should": ("recommendation", "should", False),
    "shall": ("obligation", "must", False),
    "cannot": ("prohibition", "must", True),
    "ca": ("prohibition", "must", True),  # spaCy splits "can't" into "ca" + "n't"
    "can": ("prohibition", "must", True),
}


def _after_so(rest: list) -> list:
    """The instruction after "so": "so please keep ...", "so for this issue keep ...", "so, again, use ..." start
    with words and a short phrase that are not the instruction."""
    skip = lexicon().words["imperative_skip"] - {"do", "not", "n't", "no", "never"}  # negation stays
    k = 0
    while k < len(rest) and (rest[k].lower_ in skip or rest[k].text == ","):
        k += 1
    if k < len(rest) and rest[k].lower_ in ("for", "in", "on") and rest[k].dep_ == "prep":
        end = next(
            (j for j in range(k, min(k + 6, len(rest))) if rest[j].tag_ in ("VB",) and j > k + 1), None
        )
        k = end if end is not None else k
    return rest[k:]


def so_clause(sent, covered: set[int]) -> Detection | None:
    """An instruction after a reason: "This goes out by SMS, so use plain sentences", "Legal has flagged it, so
    that term cannot appear". The reason is the main clause, so no cue or imperative of the main clause applies."""
    toks = [t for t in sent if t.i not in covered]
    for k, tok in enumerate(toks[1:-1], start=1):
        if tok.lower_ != "so" or toks[k - 1].text != ",":
            continue
        rest = _after_so(toks[k + 1 :])
        neg = (
            bool(rest)
            and rest[0].lower_ in ("do", "never")
            and any(t.dep_ == "neg" or t.lower_ == "never" for t in rest[:3])
        )
        verb = next((t for t in rest if t.pos_ in ("VERB", "AUX") and t.lower_ not in ("do",)), None)
        if verb is None:
            return None
        first = rest[int(neg) * (2 if rest[0].lower_ == "do" else 1)]
        subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i >= rest[0].i for c in verb.children)
        if verb.tag_ in ("VB", "VBP") and verb.i == first.i and not subject:
            kind = "prohibition" if neg else "obligation"
            return Detection(kind, "must", neg, "imperative after a statement", verb, True)
        modal = next((t for t in rest[:4] if t.tag_ == "MD"), None)
        if modal is not None and modal.lower_ in _SO_MODALS:
            kind, modality, negated = _SO_MODALS[modal.lower_]
            has_neg = (
                any(t.dep_ == "neg" for t in rest[:5])
                or modal.lower_ == "cannot"
                or any(
                    t.lower_ in ("none", "nothing", "no") and t.dep_ in ("nsubj", "nsubjpass", "det")
                    for t in rest[:4]
                )
            )
            if modal.lower_ in ("can", "ca") and not has_neg:
                return None  # "so it can wait": a possibility
            if has_neg and not negated:
                kind, negated = "prohibition", True
            return Detection(kind, modality, negated, "instruction after 'so'", verb, False)
        return None
    return None


@lru_cache(maxsize=1)
def _statements() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, kind, evidence) of the facts that state a rule (data/rules.toml [fragments])."""
    words = lexicon().data["fragments"]
    return (
        (re.compile(words["language_spec"]), "obligation", "output language statement"),
        (re.compile(words["capacity"], re.I), "obligation", "capacity statement"),
        (re.compile(words["banned_statement"], re.I), "prohibition", "banned-word statement"),
        (re.compile(words["score_name"], re.I), "definition", "scale point name"),
        (re.compile(words["sufficiency"], re.I), "permission", "sufficiency statement"),
        (re.compile(words["attribute_value"], re.I), "obligation", "attribute value statement"),
    )


def stated_rule(sent, covered: set[int]) -> Detection | None:
    """A fact that is a rule of the output: its language ("every written reply goes out in French"), a
    container's capacity ("the card physically holds 700 characters"), a banned word ('"luxury" is on our list
    of banned words'); the name of a scale point ("A score of 3 counts as 'Passable'"), a thing enough for a
    decision ("the main website is enough to verify a branch"), or an attribute's value ("a face partly covered by a
    hat keeps blurred set to no"). Briefs state stakeholders' constraints this way, with no modal or imperative."""
    for rx, kind, evidence in _statements():
        if rx.search(sent.text):
            negated = kind == "prohibition"
            return Detection(kind, "must", negated, evidence, sent.root, False)
    return None


_POLICY_READINGS = (
    (read_quality_bar, "quality bar statement"),
    (read_item_time, "item time statement"),
    (read_pay_term, "pay term statement"),
    (read_sample_share, "sample size statement"),
    (read_time_window, "time window statement"),
    (read_tolerance, "tolerance statement"),
    (read_review_pay, "review pay statement"),
    (read_shift_limit, "shift limit statement"),
    (read_work_pace, "work pace statement"),
    (read_rushed_floor, "rushed work statement"),
    (read_bonus_term, "bonus amount statement"),
    (read_ruling, "disagreement ruling statement"),
    (read_reservation, "reservation statement"),
)


def policy_statement(sent, covered: set[int]) -> Detection | None:
    """A limit of the task's policy, stated as a fact about what happens: a rater's quality bar ("Annotators whose
    audited accuracy falls below 90% are taken off live work") the time one item may be held ("A task that stays
    open for more than 10 minutes is released back to the queue"), what an item pays ("Skipped posts are not
    paid"), how much of the work is sampled ("QA pulls one clip in every five"), how two people's differing answers
    are settled ("the lower score is kept") or a case that is no reason to skip ("Photos that fail to load do not
    justify a skip"). Decks state these with no modal
    verb. The text is stripped: a table's rule cell is parsed with the other cells blanked to spaces."""
    text = sent.text.strip()
    if (refused := read_refused_reason(text)) is not None:  # "Photos that fail to load do not justify a skip"
        return Detection(
            "prohibition", "must", True, "refused reason statement", _skip_token(sent, refused), False
        )
    for read, what in _POLICY_READINGS:
        if (found := read(text)) is not None:
            return Detection("obligation", "must", False, what, _token_at(sent, found), False)
    if same_measures([sent.text]):  # "Your audit score is shown as Gold Agreement on the dashboard"
        return Detection("definition", None, False, "second name of a measure", sent.root, False)
    return None


def _token_at(sent, found):
    """The token where a reading found its limit ("a hard limit of 10 minutes"), else the sentence's root: the
    clause of that token is the rule's, so a condition of a later clause ("...; the form locks when the timer runs
    out") is not read as the limit's (``clause_scope``). The parser may root such a sentence in its last clause."""
    span = getattr(found, "span", None)
    if not isinstance(span, tuple):
        return sent.root
    base = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    return next((t for t in sent if t.idx >= base + span[0]), sent.root)


def _skip_token(sent, refused: re.Match[str]):
    """The word of skipping in a refusal ("grounds for a skip", "no excuse for leaving ... empty"): what the rule
    forbids, not the advice after it ("...; rate the listing from its text")."""
    base = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    inside = [t for t in sent if base + refused.start() <= t.idx < base + refused.end()]
    return next((t for t in inside if t.lemma_.lower() in _SKIPS), sent.root)


_SKIPS = frozenset({"skip", "omit", "leave"})
_FINITE = ("VB", "VBZ", "VBP", "VBD", "MD")
_LABEL = re.compile(r"^[a-z][\w' -]{0,30}:\s+")  # a short field label before a verbless specification


def _verbless(sent) -> bool:
    """No finite verb heads the sentence: a participle or gerund ("covering ...", "Written in ...") is allowed,
    and so is a quoted line the parser took for the head ('Sign-off, verbatim: "See you there!"')."""
    quoted = quoted_tokens(sent)
    if sent.root.i in quoted:
        return not any(t.tag_ == "MD" for t in sent if t.i not in quoted)
    return sent.root.tag_ not in _FINITE and not any(t.tag_ == "MD" for t in sent)


def _verbless_before_reason(sent) -> bool:
    """A verbless specification followed by its reason ("four paragraphs, each at least 90 words, so every stage
    gets proper treatment"): the only finite verbs are the reason's."""
    reason = next(
        (
            t
            for t in sent
            if t.lower_ in ("so", "since", "because") and t.i > sent.start and t.nbor(-1).text == ","
        ),
        None,
    )
    if reason is None:
        return False
    quoted = quoted_tokens(sent)
    return not any(t.tag_ in _FINITE and t.i < reason.i and t.i not in quoted for t in sent)


def output_fragment(sent, covered: set[int]) -> Detection | None:
    """A verbless specification of the output: "80-120 words.", "Under 80 words, plus up to 5 hashtags.", "Then
    five bullet points, each between 20 and 30 words.", "Written in the third person only.", 'Closing line,
    verbatim: "..."'. Briefs list their lengths, forms and fixed wording this way; a count of output units, a
    participle of writing or a verbatim marker before a quote is what makes one a rule."""
    words = lexicon().data["fragments"]
    toks = [t for t in sent if not t.is_space and t.i not in covered]
    if not toks or len(toks) > 2 * MAX_TOKENS or not (_verbless(sent) or _verbless_before_reason(sent)):
        return None
    lower = _LABEL.sub("", sent.text.strip().lower())  # "Structure: four paragraphs, each ..."
    if re.match(words["count_spec"], lower):
        return Detection("obligation", "must", False, "output length fragment", sent.root, True)
    if re.search(words["verbatim_spec"], sent.text, re.I):
        return Detection("obligation", "must", False, "verbatim wording", sent.root, True)
    first = next((t for t in toks if t.lower_ not in words["skip"] and not t.is_punct), None)
    if first is not None and first.tag_ == "VBN" and first.lower_ in words["participles"]:
        return Detection("obligation", "must", False, "participle fragment", first, True)
    return None


__all__ = [
    "banned_list",
    "no_fragment",
    "opener_with",
    "output_fragment",
    "quoted_tokens",
    "so_clause",
    "stated_rule",
]
