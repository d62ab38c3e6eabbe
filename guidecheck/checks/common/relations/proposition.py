"""What a rule says with its force taken out, and the role its sentence plays.

The learned pair scorer compares two rules by the embedding of their polarity-neutral propositions: the text with
its deontic words and negation removed and the addressee dropped, so "Raters must not list sources" and "The
report must list the sources" both read "list (the) sources". Their force is compared separately (claims.py).
The role cues say whether a sentence is example material, a sanction, or a restriction by "only".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .claims import Claim, unquoted
from .lexicon import data, lexicon, phrase_pattern, stem
from .output import OutputFrame, output_frame


@dataclass(frozen=True)
class _Cues:
    addressee: re.Pattern[str]
    negation: re.Pattern[str]
    example: tuple[re.Pattern[str], ...]
    sanction: re.Pattern[str]
    restrict: re.Pattern[str]
    contrast: re.Pattern[str]
    override: re.Pattern[str]
    absence: tuple[re.Pattern[str], ...]
    adjacent_lines: int
    heading_words: int


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = data()
    return _Cues(
        addressee=re.compile(d["neutral"]["addressee"], re.I),
        negation=phrase_pattern(d["neutral"]["negation"]),
        example=tuple(re.compile(x) for x in d["roles"]["example"]),
        sanction=phrase_pattern(d["roles"]["sanction"]),
        restrict=phrase_pattern(d["roles"]["restrict"]),
        contrast=phrase_pattern(d["roles"]["contrast"]),
        override=re.compile(d["roles"]["override"], re.I),
        absence=(
            phrase_pattern(d["neutral"]["negative_actions"]),
            *tuple(re.compile(x, re.I) for x in d["neutral"]["negative_action_spans"]),
        ),
        adjacent_lines=int(d["roles"]["adjacent_lines"]),
        heading_words=int(d["roles"]["heading_words"]),
    )


@dataclass(frozen=True)
class Side:
    """One rule as the scorer sees it: its neutral proposition and its role cues."""

    neutral: str
    example: bool
    sanction: bool
    restrict: bool
    output: OutputFrame
    absence: bool = False  # the proposition itself is an absence ("leave X out", "write without headers")

    @property
    def stance(self) -> int:
        """+1 or -1: which way the rule leans on its neutral proposition, before its force is applied."""
        return -1 if self.absence else 1


def neutral_text(claim: Claim) -> str:
    """The rule with deontic cues, negation and the addressee removed; a lead-in without force is kept."""
    lex, c = lexicon(), cues()
    text = claim.rule.text
    lead = (claim.rule.lead_in or "").strip()
    if lead and claim.rule.polarity is None and not lex.prohibit.search(lead) and not lex.oblige.search(lead):
        text = f"{lead.rstrip(':')} {text}"
    for rx in (lex.relax, lex.prohibit, lex.oblige, lex.permit, c.negation):
        text = rx.sub(" ", text)
    text = re.sub(r"^[\W_]+", "", " ".join(text.split()))
    text = c.addressee.sub("", text, count=1)
    return " ".join(text.split()).strip(" .,;:").lower() or claim.rule.text.lower()


def is_example_material(claim: Claim) -> bool:
    """Example material: marked as an example, a speaker turn, a sample or transcript line, a narrative about
    a person (a case vignette). A plain descriptive sentence is not: guidelines state rules in the present tense."""
    rule = claim.rule
    return rule.is_example or _example_or_heading(
        rule.text, bool(rule.lead_in), claim.deontic, bool(claim.outcomes)
    )


@lru_cache(maxsize=1 << 16)
def _example_or_heading(text: str, lead_in: bool, deontic: str | None, outcomes: bool) -> bool:
    """Read once per rule: every pair the rule is in asks."""
    if any(rx.search(text) for rx in cues().example):
        return True
    short = len(text.split()) <= cues().heading_words and not lead_in
    return short and deontic is None and not outcomes  # a heading or navigation text


def _order(rule_id: str) -> int | None:
    digits = rule_id.lstrip("R")
    return int(digits) if digits.isdigit() else None


def stated_exception(fa: Claim, fb: Claim) -> bool:
    """A rule and, next to it, a sentence with a contrast cue ("You may, however, ..."): the exception the deck
    states right after its rule, not a contradiction."""
    a, b = fa.rule, fb.rule
    if a.path != b.path:
        return False
    if a.location.line is not None and b.location.line is not None:
        near = abs(a.location.line - b.location.line) <= cues().adjacent_lines
    else:  # pages and slides: next to each other in reading order (rule ids count up through a run)
        near = _order(a.id) is not None and _order(b.id) is not None and abs(_order(a.id) - _order(b.id)) <= 2
    if not near:
        return False
    return bool(cues().contrast.search(unquoted(a.text)) or cues().contrast.search(unquoted(b.text)))


def overriding(fa: Claim, fb: Claim) -> Claim | None:
    """The one of the two rules that says it overrides the general guidance ("this client rule takes precedence
    over the default tone"): the exception the deck states for its case, not a contradiction. None when neither
    or both say so."""
    a, b = (bool(cues().override.search(unquoted(f.text))) for f in (fa, fb))
    return (fa if a else fb) if a != b else None


def _absence(neutral: str) -> bool:
    return any(rx.search(neutral) for rx in cues().absence)


def sanctions(claim: Claim) -> bool:
    """The rule sanctions a behaviour: a deduction, a sanction phrase ("counts as an error", "mark down"), or a
    sanction word that is the rule's own act, object or outcome ("... must be flagged", "Do not use the Outdated
    flag", "gets a Fail"). A sanction word elsewhere names something else ("one bullet for each flag applied"). Words inside a quoted phrase ("Healthy
    snacking, zero compromise.") are the output's, not a sanction."""
    if claim.penalty:
        return True
    outcomes = {o.lower() for o, _ in claim.outcomes}
    for m in cues().sanction.finditer(unquoted(claim.rule.text)):
        word = m.group(0).lower()
        act = lexicon().act_of.get(stem(word), stem(word))
        if " " in word or act == claim.action or stem(word) == claim.object_head or word in outcomes:
            return True
    return False


def side_of(claim: Claim) -> Side:
    c = cues()
    text = claim.rule.text
    neutral = neutral_text(claim)
    return Side(
        neutral=neutral,
        example=is_example_material(claim),
        sanction=sanctions(claim),
        restrict=bool(c.restrict.search(text)),
        output=output_frame(claim),
        absence=_absence(neutral),
    )


__all__ = ["Side", "cues", "is_example_material", "neutral_text", "sanctions", "side_of", "stated_exception"]
