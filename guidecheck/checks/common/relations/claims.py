"""Per-rule comparison frame: what a rule requires, of what, under which condition, with which outcome.

Built from the extracted Rule and its own text, so imperfect claims (a missed object, a wrong kind) are patched
by the surface cues in data/contradictions.toml. One frame per rule, computed once per run.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from ....model import Quantity, Rule
from .claim_clauses import conditions_of, exceptions_of
from .left_undone import left_undone
from .lexicon import content, lexicon, stem
from .outcomes import rule_outcomes
from .precedence import Priority, priorities_of
from .pronoun_objects import pronoun_object

POSITIVE_KINDS = {"obligation": "O", "recommendation": "O", "permission": "P"}
NEGATIVE_KINDS = {"prohibition", "discouragement"}
_NEG = re.compile(r"(?<![\w'])(?:not|no|never|n't|without|none|outside|non|unless|except)(?![\w'])", re.I)
_NUM_LABEL = re.compile(r"^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def disjoint(self, other: Interval) -> bool:
        if self.hi < other.lo or other.hi < self.lo:
            return True
        if self.hi == other.lo and (self.hi_open or other.lo_open):
            return True
        return bool(other.hi == self.lo and (other.hi_open or self.lo_open))

    def describe(self) -> str:
        if self.lo == self.hi:
            return f"exactly {self.lo:g}"
        if math.isinf(self.hi):
            return f"{'more than' if self.lo_open else 'at least'} {self.lo:g}"
        if math.isinf(self.lo):
            return f"{'under' if self.hi_open else 'at most'} {self.hi:g}"
        return f"{self.lo:g} to {self.hi:g}"


def quantity_interval(q: Quantity, negate: bool) -> Interval | None:
    """The values a quantity allows; a prohibition ('never more than 60 seconds') allows the complement."""
    inf = math.inf
    c, v = q.comparator, q.value
    if negate:
        c = {">=": "<", ">": "<=", "<=": ">", "<": ">="}.get(c, "")
    if c == ">=":
        return Interval(v, inf)
    if c == ">":
        return Interval(v, inf, lo_open=True)
    if c == "<=":
        return Interval(-inf, v)
    if c == "<":
        return Interval(-inf, v, hi_open=True)
    if c == "=":
        return Interval(v, v)
    if c == "between" and q.upper is not None:
        return Interval(v, q.upper)
    return None


@dataclass
class Claim:
    rule: Rule
    deontic: str | None  # O required, F forbidden, P permitted, N permitted not to (relaxed)
    cue: tuple[int, int] | None  # span of the modal / polarity cue in the text
    core: frozenset[str]  # content of the main clause (conditions, exceptions, outcome labels removed)
    everything: frozenset[str]  # content of the whole text
    condition: frozenset[str]
    condition_neg: bool
    condition_text: str
    exception: bool
    exception_text: str
    update: bool
    outcomes: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # labels/scores with span
    score: Interval | None = None
    score_span: tuple[int, int] | None = None
    quantities: list[tuple[Quantity, Interval]] = field(default_factory=list)
    action: str | None = None
    object_head: str | None = None
    terminal: str | None = None
    definition: tuple[str, str, frozenset[str]] | None = None  # term, definiens, definiens content
    priority: Priority | None = None  # winner, loser, surface forms: the first ranking the rule states
    priorities: tuple[Priority, ...] = ()  # every ranking it states ("A outranks all else and C outranks D")
    penalty: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return self.rule.text


def _first(rx: re.Pattern[str], text: str) -> tuple[int, int] | None:
    m = rx.search(text)
    return m.span() if m else None


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


@lru_cache(maxsize=1 << 14)
def unquoted(text: str) -> str:
    """The text with its quotations blanked, same length: a quoted line ("Still stuck?") is the output's wording,
    not the rule's force, contrast cue or sanction. Remembered: the pair loop asks it once per pair."""
    return _blanked(_QUOTED, text)


def _blanked(rx: re.Pattern[str], text: str) -> str:
    """The text with every match of ``rx`` replaced by spaces (same length, so spans stay valid)."""
    return rx.sub(lambda m: " " * len(m.group(0)), text)


# Negations that state no force: "errors that may or may not hinder comprehension", "whether or not".
_NO_FORCE = re.compile(
    r"\b(?:may|might|can|could|will|would|does|do|is|are)\s+or\s+(?:may|might|can|could|will|would|does|do|is|are)\s+not\b|\bwhether\s+or\s+not\b",
    re.I,
)


def _deontic(
    rule: Rule, text: str, clauses: list[tuple[int, int]]
) -> tuple[str | None, tuple[int, int] | None]:
    """The rule's force and the span of its cue. A negation inside a condition or exception clause is the
    clause's own ("Skip the task if the prompt is in a language you don't read"), not the rule's: the clauses are
    blanked (same length) before the cues are looked for, unless the extractor already read the rule as
    negative."""
    lex = lexicon()
    text = _blanked(_NO_FORCE, unquoted(text))
    if rule.kind not in NEGATIVE_KINDS and rule.polarity != "negative":
        text = _strip_spans(text, clauses)
    relax = _first(lex.relax, text)
    if relax:
        return "N", relax
    prohibit, oblige, permit = _first(lex.prohibit, text), _first(lex.oblige, text), _first(lex.permit, text)
    if rule.kind in NEGATIVE_KINDS or (rule.polarity == "negative" and rule.kind not in ("permission",)):
        return "F", prohibit
    if rule.kind in POSITIVE_KINDS:
        cue = oblige if POSITIVE_KINDS[rule.kind] == "O" else permit
        if prohibit and _governs(prohibit, cue, text):
            return "F", prohibit  # "should never" read as a recommendation by a coarse frame
        return POSITIVE_KINDS[rule.kind], cue
    found = sorted((s[0], k, s) for k, s in (("F", prohibit), ("O", oblige), ("P", permit)) if s)
    if found:
        return found[0][1], found[0][2]
    return None, None


# What may stand before a negation that opens a clause of its own: the start of the rule, or a clause break.
_LEAD = re.compile(
    r"(?:^|[;:]|,|\b(?:and|but|or|then)\b)[\W_]*(?:(?:please|also|and|but|so|then|just)\W+)*$", re.I
)


def _governs(prohibit: tuple[int, int], cue: tuple[int, int] | None, text: str) -> bool:
    """A negation turns a positive frame into a prohibition only where it is the rule's own force: right after
    the modal ("should never", "must not"), or opening an imperative ("Never ...", "Please do not ..."). A
    negation elsewhere belongs to a clause inside the rule ("Questions that the documents do not answer ...
    should always be ...", "Label every token that does not belong to a name as O"). A negated clause of its
    own counts ("Transcribe what you hear, but do not fix grammar")."""
    if cue is not None and cue[0] <= prohibit[0] <= cue[1] + 1:
        return True
    return bool(_LEAD.search(text[: prohibit[0]]))


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out = list(text)
    for a, b in spans:
        for i in range(a, min(b, len(out))):
            out[i] = " "
    return "".join(out)


def _clause_spans(text: str, clauses: list[str]) -> list[tuple[int, int]]:
    spans = []
    low = text.lower()
    for c in clauses:
        i = low.find(c.lower())
        if i >= 0:
            spans.append((i, i + len(c)))
    return spans


def _score(
    text: str, outcomes: list[tuple[str, tuple[int, int]]]
) -> tuple[Interval | None, tuple[int, int] | None]:
    """The score range a rule asks for: 'rate it 2 or lower' -> (-inf, 2]; 'gets a 3' -> [3, 3]."""
    lex = lexicon()
    for label, (s, e) in outcomes:
        if not _NUM_LABEL.match(label):
            continue
        v = float(label)
        after, before = text[e : e + 16], text[max(0, s - 16) : s]
        if _RANGE_END.search(before) or _RANGE_START.match(after):
            continue  # "three scores from 1 to 5": the ends of a scale, not a score the rule gives
        pad = len(after) - len(after.lstrip())
        for rx, iv in ((lex.upper, Interval(-math.inf, v)), (lex.lower, Interval(v, math.inf))):
            m = rx.match(after.lstrip())
            if m:
                return iv, (s, e + pad + m.end())
            if rx.search(before):
                return iv, (s, e)
        if _CAPPED.search(text[max(0, s - 48) : s]):  # "caps the accuracy score at 2"
            return Interval(-math.inf, v), (s, e)
        if (choice := _next_scores(text[e:], v)) is not None:  # "must get Correction Accuracy 1 or 2"
            return Interval(v, choice[0]), (s, e + choice[1])
        bound = _compared(text[max(0, s - 32) : s], v)
        return bound or Interval(v, v), (s, e)
    return None, None


def score_range(
    text: str, value: str, span: tuple[int, int]
) -> tuple[Interval | None, tuple[int, int] | None]:
    """The range one number of the text asks for, read as the rule's score is ("no higher than 2" -> (-inf, 2])."""
    return _score(text, [(value, span)])


# "1 or 2", "3, 4 or 5": the next scores of a choice, each one above the last.
_CHOICE = re.compile(r"(?:\s*,\s*\d{1,2}(?!\d|\.\d|%))*\s*,?\s+or\s+\d{1,2}(?!\d|\.\d|%)", re.I)


def _next_scores(after: str, v: float) -> tuple[float, int] | None:
    """(the highest score, where the choice ends) when the score opens a choice of neighbouring scores."""
    m = _CHOICE.match(after)
    if m is None:
        return None
    values = [v, *map(float, re.findall(r"\d{1,2}", m.group()))]
    if any(b - a != 1 for a, b in pairwise(values)):
        return None  # "1 or 5": two ends, not a band
    return values[-1], m.end()


_CAPPED = re.compile(r"\b(?:caps?|capped|capping)\s+(?:[\w'’-]+\s+){0,4}?at\s*$", re.I)
_RANGE_END = re.compile(r"\b\d+(?:\.\d+)?\s*(?:to|-|–|and)\s*$", re.I)
_RANGE_START = re.compile(r"\s*(?:to|-|–)\s*\d", re.I)
_ABOVE = re.compile(
    r"(?<![\w'’])(?:above|higher\s+than|more\s+than|over|better\s+than|exceed|beyond)\s*$", re.I
)
_BELOW = re.compile(r"(?<![\w'’])(?:below|lower\s+than|less\s+than|under|worse\s+than)\s*$", re.I)
_NEGATED = re.compile(r"(?:\b(?:not|never|cannot|no)\b|n't|n’t)", re.I)


def _compared(before: str, v: float) -> Interval | None:
    """'cannot score above 4' -> (-inf, 4]; 'scores above 3' -> (3, inf): a comparison right before the score,
    turned over by a negation in the words before it."""
    inf = math.inf
    for rx, up in ((_ABOVE, False), (_BELOW, True)):
        m = rx.search(before)
        if m is None:
            continue
        if _NEGATED.search(" ".join(before[: m.start()].split()[-3:])):  # "can never score above"
            up = not up
            return Interval(-inf, v) if up else Interval(v, inf)
        return Interval(-inf, v, hi_open=True) if up else Interval(v, inf, lo_open=True)
    return None


def _definition_of(text: str) -> tuple[str, str, frozenset[str]] | None:
    """(term, definition text, its content words) when the rule defines a term ("X means ...")."""
    if not lexicon().definition_gate.search(text):
        return None
    body = re.sub(r"^\s*(?:[*_#>-]+\s*)", "", text).rstrip(" .")
    for rx in lexicon().definition:
        m = rx.match(body)
        if m:
            term = " ".join(stem(w) for w in m.group("t").lower().split() if w not in ("a", "an", "the"))
            if term and len(term.split()) <= 4:
                return term, m.group("d").strip(), content(m.group("d"))
    return None


def _is_update(rule: Rule) -> bool:
    """A rule replaces an earlier one only where its own words say so: "now", "no longer", "from now on", an
    "Update (May 2024):" or "Correction:" lead, a date in the sentence. A FAQ, update-notes or errata file that
    states another value without saying it changes anything is the drift between deck, FAQ and errata that
    guidecheck exists to report: its document or section title alone makes no rule an override (blind authors
    plant their silent reversals in exactly such files)."""
    lex = lexicon()
    own = [rule.text, rule.lead_in or ""]
    if any(rx.search(n) for rx in lex.override_text for n in own):
        return True
    return bool(rule.date and rule.date in rule.text)


def build_claim(rule: Rule) -> Claim:
    lex = lexicon()
    text = rule.text
    conditions, exceptions = conditions_of(rule), exceptions_of(rule)
    cond_spans = _clause_spans(text, conditions)
    exc_spans = _clause_spans(text, exceptions)
    deontic, cue = _deontic(rule, text, cond_spans + exc_spans)
    outcomes = rule_outcomes(rule, text)
    score, score_span = _score(text, outcomes)
    cue_spans = [
        m.span() for rx in (lex.relax, lex.prohibit, lex.oblige, lex.permit) for m in rx.finditer(text)
    ]
    qty_spans = []
    for q in rule.quantities:
        i = text.find(q.text) if q.text else -1
        if i >= 0:
            qty_spans.append((i, i + len(q.text)))
    main = _strip_spans(text, cond_spans + exc_spans + cue_spans + [s for _, s in outcomes] + qty_spans)
    extra = lex.relax_words if deontic == "N" else frozenset()
    core = content(main, extra)
    cond_text = " ".join(conditions)
    quantities = [  # a number quoted ("phrases like 'a minute ago'") is words the rule speaks of, no limit
        (q, iv)
        for q in rule.quantities
        if not (q.text and q.text in text and q.text not in unquoted(text))
        and (iv := quantity_interval(q, negate=deontic == "F")) is not None
    ]
    obj = (rule.object or "").split()
    head = stem(obj[-1]) if obj and obj[-1].isalpha() and obj[-1] not in lex.stop else None
    head = head or pronoun_object(rule, " ".join(conditions))  # "If a conversation runs past ..., flag it"
    action = stem(rule.action) if rule.action and rule.action not in ("be", "have", "do") else None
    action = _act_of(rule.action, obj) or action
    deontic, action, undone, leaving = left_undone(unquoted(text), deontic, action, cue)
    core = (core - leaving) | undone
    action = lexicon().act_of.get(action, action) if action else None
    terminal = rule.action if rule.action in lex.terminal else None
    return Claim(
        rule=rule,
        deontic=deontic,
        cue=cue,
        core=core,
        everything=content(text),
        condition=content(cond_text) or (_POINTING if cond_text else frozenset()),
        condition_neg=bool(_NEG.search(cond_text)),
        condition_text=cond_text,
        exception=bool(exceptions),
        exception_text=exceptions[0] if exceptions else "",
        update=_is_update(rule),
        outcomes=outcomes,
        score=score,
        score_span=score_span,
        quantities=quantities,
        action=action,
        object_head=head,
        terminal=terminal,
        definition=_definition_of(text),
        priority=rankings[0] if (rankings := priorities_of(text, rule.context)) else None,
        priorities=rankings,
        penalty=_first(lex.penalty, text),
    )


# The words of a condition that only points back ("In such cases, the annotator must not annotate the status"): all
# stop words, yet the rule holds in the case the sentence before describes, not always.
_POINTING = frozenset({"<the case named before>"})

_DEVERBAL = re.compile(r"(?:ion|ment|al)$")


def _act_of(verb: str | None, obj: list[str]) -> str | None:
    """The act a light verb and its deverbal object name together: "make copies" -> copy, "apply encryption" ->
    encrypt, "carry out repairs" -> repair. None when the verb names an act of its own."""
    if not verb or verb not in lexicon().light_verbs or not obj or not obj[-1].isalpha():
        return None
    noun = obj[-1].lower()
    base = _DEVERBAL.sub("", noun) if len(noun) > 6 else noun
    return stem(base) if base else None


__all__ = ["Claim", "Interval", "build_claim", "quantity_interval", "score_range"]
