"""Everything rule extraction knows about English wording, loaded from ``data/rules.toml``.

Matchers are built once per spaCy vocabulary; the plain word lists are available without spaCy (the
segmenter and the tests use them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import tomllib


@dataclass(frozen=True)
class Cue:
    name: str
    kind: str
    negated_kind: str
    modality: str | None
    negated_modality: str | None
    anchor: int
    person_only: bool
    subject_required: bool
    # normative only with a named party of an agreement as subject, or with someone who can ask for the output
    # (rules/parties.py)
    party_only: bool = False
    requester_only: bool = False
    # the negation belongs to the bound the cue states ("can be no higher than 2", "cannot go above 3"): the rule
    # is a limit to keep, not a prohibition
    bound: bool = False


@dataclass(frozen=True)
class Lexicon:
    data: dict[str, Any]
    cues: dict[str, Cue]
    strength: dict[str, float]
    imperative_verbs: frozenset[str]
    prohibition_starts: tuple[str, ...]
    discouragement_starts: tuple[str, ...]
    persons: frozenset[str]
    label_verbs: frozenset[str]
    copula_quantity_subjects: frozenset[str]  # "the value is 12": a measured number, not a score
    condition_marks: frozenset[str]
    exception_marks: frozenset[str]
    condition_phrases: tuple[str, ...]
    exception_phrases: tuple[str, ...]
    scope_prepositions: tuple[str, ...]
    scope_objects_exclude: frozenset[str]
    framing_lead: re.Pattern[str]
    concessive: frozenset[str]
    concessive_openers: tuple[str, ...]
    timing_marks: frozenset[str]
    causal_marks: frozenset[str]
    quantifiers: dict[str, str]
    faq_prefix: re.Pattern[str]
    faq_answer: re.Pattern[str]
    aside: re.Pattern[str]
    step_number: re.Pattern[str]
    absolute_aside: re.Pattern[str]
    purpose_clause: re.Pattern[str]
    rubric_line: re.Pattern[str]
    glossary_item: re.Pattern[str]
    label_item: re.Pattern[str]
    outcome_header: re.Pattern[str]  # a rubric column holding the outcome (score or label), not only scores
    term_header: re.Pattern[str]
    definition_header: re.Pattern[str]
    dates: tuple[re.Pattern[str], ...]
    date_headings: tuple[re.Pattern[str], ...]
    min_example_overlap: float
    lemma_fixes: dict[str, str]
    priority_condition_words: frozenset[str]
    verdict: re.Pattern[str]
    words: dict[str, frozenset[str]]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/rules.toml").read_text("utf-8"))
    cues = {}
    for c in data["cue"]:
        cues[c["name"]] = Cue(
            c["name"],
            c["kind"],
            c["negated_kind"],
            c.get("modality") or None,
            c.get("negated_modality", c.get("modality")) or None,
            int(c.get("anchor", 0)),
            bool(c.get("person_only")),
            bool(c.get("subject_required")),
            bool(c.get("party_only")),
            bool(c.get("requester_only")),
            bool(c.get("bound")),
        )
    imp, cl, blocks = data["imperative"], data["clauses"], data["blocks"]
    return Lexicon(
        data=data,
        cues=cues,
        strength=data["strength"],
        imperative_verbs=frozenset(imp["verbs"]),
        prohibition_starts=_longest_first(imp["prohibition_starts"]),
        discouragement_starts=_longest_first(imp["discouragement_starts"]),
        persons=frozenset(imp["persons"]),
        label_verbs=frozenset(imp["label_verbs"]),
        copula_quantity_subjects=frozenset(imp["copula_quantity_subjects"]),
        condition_marks=frozenset(cl["condition_marks"]),
        exception_marks=frozenset(cl["exception_marks"]),
        condition_phrases=_longest_first(cl["condition_phrases"]),
        exception_phrases=_longest_first(cl["exception_phrases"]),
        scope_prepositions=_longest_first(cl["scope_prepositions"]),
        scope_objects_exclude=frozenset(cl["scope_objects_exclude"]),
        framing_lead=re.compile(cl["framing_lead"], re.I),
        concessive=frozenset(cl["concessive"]),
        concessive_openers=_longest_first(cl["concessive_openers"]),
        timing_marks=frozenset(cl["timing_marks"]),
        causal_marks=frozenset(cl["causal_marks"]),
        quantifiers=dict(data["quantifiers"]),
        faq_prefix=re.compile(data["faq"]["prefix"]),
        faq_answer=re.compile(data["faq"]["answer"]),
        aside=re.compile(data["faq"]["aside"], re.I),
        step_number=re.compile(data["faq"]["step_number"]),
        absolute_aside=re.compile(data["faq"]["absolute_aside"]),
        purpose_clause=re.compile(data["faq"]["purpose_clause"], re.I),
        rubric_line=re.compile(blocks["rubric_line"], re.I),
        glossary_item=re.compile(blocks["glossary_item"]),
        label_item=re.compile(blocks["label_item"]),
        outcome_header=re.compile(blocks["outcome_header"], re.I),
        term_header=re.compile(blocks["term_header"], re.I),
        definition_header=re.compile(blocks["definition_header"], re.I),
        dates=tuple(re.compile(p, re.I) for p in data["dates"]["patterns"]),
        date_headings=tuple(re.compile(p, re.I) for p in data["dates"]["headings"]),
        min_example_overlap=float(data["example_of"]["min_overlap"]),
        lemma_fixes=dict(data.get("lemma_fixes", {})),
        priority_condition_words=frozenset(data.get("priority_condition_words", [])),
        verdict=re.compile(blocks["verdict"], re.I),
        words={k: frozenset(v) for k, v in data["words"].items()},
    )


def lemma(tok) -> str:
    """Lowercase lemma; a base-form verb is its own lemma ('lower', not 'low'), known tagger slips fixed."""
    text = tok.lower_
    fixes = lexicon().lemma_fixes
    if text in fixes:
        return fixes[text]
    if tok.tag_ in ("VB", "VBP") and text.isalpha():
        return text
    return tok.lemma_.lower()


_MATCHERS: dict[int, tuple[Any, Any]] = {}
_VERBS: dict[int, frozenset[str]] = {}


def verb_index(vocab) -> frozenset[str]:
    """Base forms that can be verbs: the pipeline lemmatizer's verb index (kept by ``matchers``, already joined
    with them) and the instruction verbs of data/rules.toml."""
    return _VERBS.get(id(vocab), lexicon().imperative_verbs)


def _keep_verb_index(nlp) -> None:
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        verbs = frozenset(table.get("verb", []))
    except (AttributeError, KeyError, ValueError):
        verbs = frozenset()
    _VERBS[id(nlp.vocab)] = verbs | lexicon().imperative_verbs  # joined once, not on every call


def matchers(nlp) -> tuple[Any, Any]:
    """(Matcher of cues, DependencyMatcher of structural patterns) for this pipeline's vocabulary: spaCy's own,
    run only with the patterns a Doc's words can satisfy (rules/cue_matcher.py; the same matches)."""
    key = id(nlp.vocab)
    if key not in _MATCHERS:
        from .cue_matcher import CueMatcher, GuardedDependencyMatcher

        lex = lexicon()
        matcher = CueMatcher(nlp.vocab, lex.data["cue"])
        dep = GuardedDependencyMatcher(nlp.vocab, lex.data.get("dependency", []))
        _MATCHERS[key] = (matcher, dep)
        _keep_verb_index(nlp)
    return _MATCHERS[key]


def is_person_name(name: str) -> bool:
    """A name of two words or more that ends in a person noun ("QA Lead", "Project Leads"): someone a rule tells the
    reader to reach, not a label or value it gives."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().rstrip("s") in lexicon().persons


__all__ = ["Cue", "Lexicon", "is_person_name", "lemma", "lexicon", "matchers", "verb_index"]
