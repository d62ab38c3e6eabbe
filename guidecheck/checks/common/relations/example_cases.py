"""What case a rule names, and whether a worked example states it (CON008).

A rule gives its verdict to a case: its condition ("If a reply ignores a hard constraint ..."), a relative clause on
its subject ("Receipts whose total is unreadable are graded 2"), a "with ..." on it ("Any batch with at least one
Critical error receives ..."), or a quantified bare subject ("Any sarcasm, however mild, caps Tone at 2"). What the
rule concedes ("however mild", "even if it is only said in passing") is no part of the case.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .claims import Claim
from .lexicon import content, data, lexicon, stem


def states_condition(words: frozenset[str], r: Claim, said: str = "") -> bool:
    """The example names most of each of the rule's conditions, not only its topic: "a clear photo of a receipt
    ... graded 4" shares "receipt", "total" and "store name" with "Receipts whose total is unreadable are graded 2
    as long as the store name is sharp", but not "unreadable"; the relative clause on the subject is a condition.
    An example whose text (``said``) states a negated condition's verb plainly states its opposite."""
    th = lexicon().thresholds["example_condition"]
    filler = _condition_filler() | unmet_alternatives(r.text, words)  # "a watermark, logo or text overlay"
    named = all(len((c - filler) & words) / len(c - filler) >= th for c in case_clauses(r) if c - filler)
    return named and not (said and (_states_opposite(said, r) or _below_threshold(said, r)))


# A verb a condition negates: "a reply that doesn't match the Policy Card", "when the total is not printed".
_NEGATED_VERB = re.compile(
    r"\b(?:(?:does|do|did|is|are|was|were|has|have)\s+not|(?:does|do|did|is|are|was|were|has|have)n['’]t)\s+"
    r"(?:been\s+|be\s+)?(?P<verb>[a-z]{3,})\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|without)\b|n['’]t\b", re.I)
_SENTENCE = re.compile(r"[^.!?;]+")


def _states_opposite(said: str, r: Claim) -> bool:
    """The rule's case negates a verb ("that doesn't match the Policy Card") and the example says it plainly, in a
    sentence with no negation ("Everything matches the Policy Card"): the example is of the other case. So when
    the case denies a thing by name (``states_what_the_case_denies``)."""
    if states_what_the_case_denies(said, r):
        return True
    case = r.condition_text or r.text
    verbs = {stem(m.group("verb").lower()) for m in _NEGATED_VERB.finditer(case)}
    if not verbs:
        return False
    plain = (s for s in _SENTENCE.findall(said) if not _NEGATION.search(s))
    return any(verbs & {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", s)} for s in plain)


# What a rule's case denies by name: "Claims with no delivery scan on file", "a receipt without a store name".
_DENIED = re.compile(r"\b(?:no|without)\s+(?P<what>(?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)
# Where a rule without a condition clause turns from its case to its verdict: "Claims with ... are labeled ...".
_CASE_END = re.compile(r"\b(?:is|are|must|should|gets?|receives?|goes|go|caps?)\b", re.I)


def states_what_the_case_denies(said: str, r: Claim) -> bool:
    """The example says plainly, in a sentence with no negation, what the rule's case denies ("The pharmacist
    signature is on the form" against "A refund claim with no pharmacist signature is ..."): it is an example of
    the other case."""
    if r.condition_text:
        case = r.condition_text
    else:
        m = _CASE_END.search(r.text)
        case = r.text[: m.start()] if m else ""
    denied = frozenset().union(*(content(m.group("what")) for m in _DENIED.finditer(case)))
    if not denied:
        return False
    return any(denied & content(s) for s in _SENTENCE.findall(said) if not _NEGATION.search(s))


# A number with what it counts, as an example states it: "about 8% lower", "a 12-minute clip", "$410".
_MEASURE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*|-)(%|percent\b|per\s+cent\b|[A-Za-z]+)")
# Measures an example states in digits ("8%", "12 minutes"); counts it often states in words ("two errors").
_STATED_IN_DIGITS = ("percent", "time", "distance")
_BOUNDS = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}


def _measure_key(q) -> tuple[str, str]:
    """What a quantity measures, in one unit: "8%" and "8 percent" are one measure."""
    return (q.attribute, "%" if q.attribute == "percent" else (q.unit or ""))


@lru_cache(maxsize=4096)
def stated_measures(text: str) -> tuple[tuple[tuple[str, str], float], ...]:
    """Each number an example states with its unit, in the unit a rule's limit is read in ("12 minutes" as 720
    seconds), so a limit and an example's figure compare."""
    from ....rules.quantities import find_quantities

    found = []
    for m in _MEASURE.finditer(text):
        for q in find_quantities(f"exactly {m.group(1)} {m.group(2)}"):
            found.append((_measure_key(q), q.value))
    return tuple(found)


@lru_cache(maxsize=4096)
def _thresholds(case: str) -> tuple:
    """The bounds a rule's case sets on a measure examples state in digits, read once per rule (every example near
    the rule asks)."""
    from ....rules.quantities import find_quantities

    return tuple(q for q in find_quantities(case) if q.comparator in _BOUNDS)


def _below_threshold(said: str, r: Claim) -> bool:
    """The rule's case is a threshold ("when its total is more than 25% above or below your figure") and the example
    states no figure of that measure past it ("about 8% lower", or no percentage at all): the example is of a case
    under the threshold, or does not say which, so it cannot break the rule. (The case's other words are usually
    all in the example: the estimate, its total, the rough figure.) A count an example may state in words ("two
    errors") counts only when the example states it in digits ("A 150-word passage" is no passage "of fewer than
    25 words")."""
    if _count_unmet(said, r):
        return True
    stated = stated_measures(said)
    limits = [
        q
        for q in _thresholds(r.condition_text or r.text)
        if q.attribute in _STATED_IN_DIGITS or any(k == _measure_key(q) for k, _ in stated)
    ]
    if not limits:
        return False
    return not any(
        _BOUNDS[q.comparator](float(v), float(q.value))
        for q in limits
        for k, v in stated
        if k == _measure_key(q)
    )


_COUNT_WORDS = {
    "one": 1,
    "a single": 1,
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = "|".join(sorted(map(re.escape, _COUNT_WORDS), key=len, reverse=True))


def _count_unmet(said: str, r: Claim) -> bool:
    """The rule's case is a count of at least two of a thing ("missing three or more Core Terms", "at least two
    Critical errors") and the example states no such count that reaches it, in digits or words ("covered every Core
    Term except governing law"): it does not show the case, so it cannot break the rule."""
    for q in _thresholds(r.condition_text or r.text):
        if q.attribute != "count" or not q.unit or q.comparator not in (">", ">=") or q.value < 2:
            continue
        counted = rf"\b(\d+|{_COUNT})\s+(?:[\w-]+\s+){{0,2}}?{re.escape(q.unit)}"
        told = [
            float(m.group(1)) if m.group(1).isdigit() else float(_COUNT_WORDS[m.group(1).lower()])
            for m in re.finditer(counted, said, re.I)
        ]
        if not any(_BOUNDS[q.comparator](v, float(q.value)) for v in told):
            return True
    return False


@lru_cache(maxsize=1)
def _condition_filler() -> frozenset[str]:
    """Words of a condition an example meets without using them: numbers and comparatives ("longer than two
    years" is met by "three years"), "contains"."""
    from ....rules.quantities import number_words

    words = data()["words"]["example_condition_filler"]
    return frozenset(stem(w) for w in [*words, *number_words()])


# "Receipts whose total is unreadable are graded 2", "A response that promises a refund the user is not entitled
# to can never score above 2": the case the subject's relative clause names.
_SUBJECT_CLAUSE = re.compile(
    r"\b(?:whose|that|which|who|where)\s+([^,;:.]{3,80}?)\s+(?:"
    r"(?:is|are|must|should|will|get|gets)\s+(?:be\s+)?(?:graded|rated|scored|labell?ed|tagged|marked|given|capped)"
    r"|(?:can(?:not)?|can't|can’t|may|must|should|will)\s+(?:never\s+|not\s+|only\s+)?"
    r"(?:score|get|receive|go|rise|be\s+(?:graded|rated|scored|given))"
    r"|(?:scores?|gets?|receives?|caps?|limits?)\s+(?:an?\s+|the\s+|its\s+)?(?:[A-Z][\w-]*\s+){0,2}\d)\b",
    re.I,
)


# "Any batch with at least one Critical error receives the verdict Reject", "Photos with a visible watermark are
# rejected": the subject names the case.
_SUBJECT_CASE = re.compile(
    r"^\s*(?:(?:any|every|each|an?|all)\s+(?:[\w-]+\s+){1,2}?|(?:[\w-]+\s+){0,2}?[\w-]+s\s+)"
    r"(?:with|containing|showing|that\s+(?:has|have|contains?|shows?))"
    r"\s+((?:[^,;:.]|,(?=\s+(?:[\w-]+,?\s+){0,3}(?:or|and)\s))"
    r"{3,80}?)\s+(?:receives?|gets?|is|are|must|should|will)\b",
    re.I,
)


# "Any sarcasm, however mild, caps Tone at 2": a quantified bare subject is the case.
_QUANTIFIED_SUBJECT = re.compile(
    r"^\s*(?:any|every|each)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)(?=\s*,|\s+(?:caps?|limits?|lowers?|drops?|puts?|"
    r"means|makes|is|are|gets?|receives?)\b)",
    re.I,
)


# "A wrong date of loss caps the accuracy score at 2": an indefinite subject of a verb that bounds a score.
_BOUNDING_SUBJECT = re.compile(
    r"^\s*an?\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s+(?:caps?|limits?|lowers?|drops?|puts?)\b)", re.I
)


def case_clauses(r: Claim, bare: bool = True) -> list[frozenset[str]]:
    """The words of each case the rule names: its condition, a relative clause, a "with ..." or (``bare``) a
    quantified bare noun, or an indefinite one that bounds a score, as its subject."""
    rxs = (
        (_SUBJECT_CLAUSE, _SUBJECT_CASE, _QUANTIFIED_SUBJECT, _BOUNDING_SUBJECT)
        if bare
        else (_SUBJECT_CLAUSE, _SUBJECT_CASE)
    )
    clauses = [content(m.group(1)) for rx in rxs for m in rx.finditer(r.text)]
    return [r.condition, *clauses]


def names_case(r: Claim) -> bool:
    """The rule gives its label to a case, not to everything: "Each answer is given an Overall" names none, though
    an example must still be about answers."""
    return any(case_clauses(r, bare=False))


# "..., however clear the bird is", "..., whatever its size", "..., even if it is only said in passing": what the rule concedes is no part of
# the case it names, so an example need not mention it.
_CONCESSION = re.compile(
    r"(?:^|[,;(–—])\s*(?:however|whatever|no\s+matter\s+how|even\s+(?:if|when|though)|regardless\s+of|whether\s+or\s+not)"
    r"\b[^,;.()–—]*",
    re.I,
)


def concession_spans(text: str) -> list[tuple[int, int]]:
    """Where the rule's concessive clauses are ("..., whatever its width")."""
    return [m.span() for m in _CONCESSION.finditer(text)]


@lru_cache(maxsize=4096)
def conceded_words(text: str) -> frozenset[str]:
    """Words only a concessive clause of the rule uses."""
    spans = concession_spans(text)
    if not spans:
        return frozenset()
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))
    return content(" ".join(text[a:b] for a, b in spans)) - content(rest)


# "a gas smell, smoke, or a carbon monoxide alarm": a list of alternatives, each up to three words.
_OR_LIST = re.compile(
    r"(?:[\w'’-]+\s+){0,2}[\w'’-]+(?:,\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)+,?\s+or\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}[\w'’-]+",
    re.I,
)
_ITEM_BREAK = re.compile(r",\s*(?:or\s+)?|\s+or\s+", re.I)


@lru_cache(maxsize=4096)
def _alternatives(text: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """The words of each alternative of each list of alternatives in the text, read once per text (every example
    near a rule asks again)."""
    lists = (_ITEM_BREAK.split(m.group()) for m in _OR_LIST.finditer(text))
    return tuple(tuple(i for i in (content(x) for x in items) if i) for items in lists)


def unmet_alternatives(text: str, words: frozenset[str]) -> frozenset[str]:
    """Words of the alternatives an example need not name: "Any mention of a gas smell, smoke, or a carbon
    monoxide alarm is urgency 5" is met by an example of a gas smell, which says nothing of smoke or alarms."""
    out: set[str] = set()
    for items in _alternatives(text):
        met = [i for i in items if i <= words]
        if len(items) >= 3 and met:
            out |= frozenset().union(*(i for i in items if i not in met)) - frozenset().union(*met)
    return frozenset(out)


def rule_topic(r: Claim) -> frozenset[str]:
    """What a rule is about: its core, its condition and the case its subject names ("Any batch with at least one
    Critical error receives ...": the label-like "Critical error" is stripped from the core as an outcome)."""
    return r.core | frozenset().union(*case_clauses(r))


def other_degree(example: frozenset[str], rule: frozenset[str]) -> bool:
    """The example is the opposite degree of the rule's case: a "Minor error" against "a Major error must ..." (the
    rule's case may be named by a label: "labelled Major error")."""
    rule_has, example_has = _degrees(rule), _degrees(example)
    return any(
        x in rule_has and x not in example_has and y in example_has
        for a, b in lexicon().case_opposites
        for x, y in ((a, b), (b, a))
    )


@lru_cache(maxsize=1 << 14)
def _degrees(words: frozenset[str]) -> frozenset[str]:
    """The degree words of the case opposites a text has (or their comparatives), read once per text."""
    return frozenset(w for pair in lexicon().case_opposites for w in pair if _has(words, w))


def _has(words: frozenset[str], w: str) -> bool:
    """The word or its comparative ("warm", "warmer", "hotter", "longer")."""
    return any(f in words for f in (w, f"{w}er", f"{w}r", f"{w}{w[-1:]}er"))


__all__ = [
    "case_clauses",
    "conceded_words",
    "concession_spans",
    "names_case",
    "other_degree",
    "rule_topic",
    "states_condition",
    "states_what_the_case_denies",
    "unmet_alternatives",
]
