"""Two orders for one slot (CON005): a ranked list and a rule that puts a later item first, or two rules that
each put another item first whatever else applies.

"When more than one flag applies, the primary flag is chosen in this order: TEMP, then ALLERGEN, then ..." against
"Do put ALLERGEN in the primary flag slot whenever an allergen issue exists, even if a temperature issue is also
present"; "PII_EXPOSURE always goes in the Primary issue field, ahead of any other flag" against "POLICY_ERROR takes
the Primary issue slot whenever it's present, even over a privacy flag". The items are label names, which the
pairwise priority reading ("A over B") does not see in a list, and the two sentences are often far apart, so every
ranked list and every "put first" rule of a deck is compared with the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....rules.label_spotting import LABEL_CODE
from ..deck import same_project
from .claims import Claim
from .precedence import priority_conflict
from .relate import Relation, unless_updated
from .text import as_read, find_span, quoted

_CHAIN = re.compile(
    r"(?:order\s+of\s+(?:precedence|priority)(?:\s+is)?|in\s+(?:this|the\s+following)\s+order"
    # "Priority order when two labels fit: A, then B", "use this priority: A, B, C"
    r"|(?:priority|precedence)\s+order\b[^.;:]{0,40}?:|(?:this|the\s+following)\s+(?:priority|precedence|order)\s*:)"
    r"\s*:?\s+(?P<chain>[^.;]+)",
    re.I,
)
_CHAIN_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?(?:then\s+|last(?:ly)?\s+)?|\s+then\s+|\s*>\s*)", re.I)
_SLOT = r"(?i:(?:primary|first|top|main)\b[^.;]{0,24}?\b(?:slot|field|position|place|spot|flag))"
_FIRST = (
    re.compile(
        rf"(?P<x>\b{LABEL_CODE}\b)[^.;]{{0,30}}?\b(?:goes|go|belongs|takes|take|gets|get)\b[^.;]{{0,12}}?\b{_SLOT}"
    ),
    re.compile(rf"\b(?i:put)\s+(?P<x>{LABEL_CODE})\s+(?i:in|into)\s+the\s+{_SLOT}"),
    # "DSH wins over any other flag": first in every slot it shares
    re.compile(
        rf"(?P<x>\b{LABEL_CODE}\b)\s+(?i:always\s+)?(?i:wins?|takes?\s+precedence|comes?\s+first)\s+"
        r"(?i:over|ahead\s+of)\s+(?i:any|every|all)\s+other\b"
    ),
)
# What the first item wins over: "even if a temperature issue ...", "even over a privacy flag", "both X and Y".
_OVER = re.compile(r"\b(?:even\s+(?:if|when|over)|over|ahead\s+of|both)\b(?P<over>[^.;]{0,60})", re.I)
_ANY_OTHER = re.compile(r"\b(?:ahead\s+of|over|before)\s+(?:any|every|all)\s+other\b|\balways\b", re.I)


@dataclass(frozen=True)
class _Ranked:
    claim: Claim
    order: tuple[str, ...]  # a ranked list, best first (one item for a "put first" rule)
    over: str  # what a "put first" rule's item wins over, in words
    unconditional: bool  # "always", "ahead of any other flag"


def _chain(f: Claim) -> _Ranked | None:
    m = _CHAIN.search(f.text)
    if m is None:
        return _inline_chain(f)
    items = [i.strip() for i in _CHAIN_SPLIT.split(m.group("chain")) if i.strip()]
    labels = tuple(i.split()[0] for i in items if re.fullmatch(LABEL_CODE, i.split()[0]))
    if len(labels) < 3 and all(re.fullmatch(_NAME, i) for i in items):
        labels = tuple(items)  # "in this order: Safety, then Escalation, then Helpfulness": names of one slot
    return _Ranked(f, labels, "", False) if len(labels) >= 3 else None


# A name the deck gives a label or dimension, in title case, up to three words ("Identity Attack").
_NAME = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"


# "the class higher in this list wins: Water > Crop > Weed > Soil": names joined by ">" in a sentence that ranks.
_ARROW = re.compile(r"\b[A-Z][\w-]*(?:\s*>\s*[A-Z][\w-]*){2,}")
_RANKS = re.compile(r"\b(?:wins?|precedence|priority|order|higher|outranks?|ranks?|ranked)\b", re.I)


# "the primary tag goes to Accuracy first, then Timing, then Reading Speed, and Style last": names in a chain of
# "first, then" in a sentence about what comes first in one slot.
_FIRST_THEN = re.compile(
    r"\b(?P<chain>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+first(?:\s*,\s*(?:and\s+)?then\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?){2,})"
)
_SLOT_WORDS = re.compile(r"\b(?:primary|priority|precedence)\b", re.I)
# Label codes in a chain of "then" ("SPK, then FLT, then DSH") in a sentence that says which comes first.
_CODE_THEN = re.compile(rf"(?P<chain>\b{LABEL_CODE}\b(?:\s*,\s*(?:and\s+)?then\s+\b{LABEL_CODE}\b){{2,}})")
_COMES_FIRST = re.compile(r"\b(?:comes?|goes?|listed|appears?)\s+first\b|\b(?:priority|precedence)\b", re.I)


# "REPORT_FRAUD always wins, followed by CARD_LOST_STOLEN, DISPUTE_TRANSACTION and COMPLAINT in that order": the
# winner, then the others in their order.
_FOLLOWED = re.compile(
    rf"(?P<x>\b{LABEL_CODE}\b)[^.;]{{0,20}}?\b(?i:wins?|comes?\s+first|takes?\s+(?:precedence|priority)|goes\s+first)"
    r"\s*,\s*(?i:followed\s+by)\s+(?P<rest>[^.;]+)"
)
_AND_THEN = re.compile(r"\s*,\s*(?:and\s+)?(?:then\s+)?|\s+(?:and|then)\s+", re.I)


def _followed(f: Claim) -> _Ranked | None:
    m = _FOLLOWED.search(f.text)
    if m is None:
        return None
    rest = re.sub(r"\s+in\s+(?:that|this)\s+order\s*$", "", m.group("rest").strip(), flags=re.I)
    items = [m.group("x")] + [i.strip() for i in _AND_THEN.split(rest) if i.strip()]
    if len(items) < 3 or not all(re.fullmatch(LABEL_CODE, i) for i in items):
        return None
    return _Ranked(f, tuple(items), "", False)


def _inline_chain(f: Claim) -> _Ranked | None:
    if (followed := _followed(f)) is not None:
        return followed
    m = _ARROW.search(f.text)
    if m is not None and _RANKS.search(f.text):
        return _Ranked(f, tuple(i.strip() for i in m.group().split(">")), "", False)
    m = _CODE_THEN.search(f.text)
    if m is not None and _COMES_FIRST.search(
        f.text
    ):  # "the flag that comes first in the table (SPK, then FLT, ...)"
        return _Ranked(f, tuple(i.strip() for i in _AND_THEN.split(m.group("chain")) if i.strip()), "", False)
    m = _FIRST_THEN.search(f.text)
    if m is not None and _SLOT_WORDS.search(f.text):
        items = re.split(r"\s+first\s*,\s*(?:and\s+)?then\s+|\s*,\s*(?:and\s+)?then\s+", m.group("chain"))
        return _Ranked(f, tuple(i.strip() for i in items if i.strip()), "", False)
    return None


def _against_pairs(ranked: list[_Ranked], claims: list[Claim]) -> list[Relation]:
    """CON005 for a ranked list and a rule that ranks two of its items the other way ("Water > Crop > Weed >
    Soil" / "between a crop polygon and a weed polygon, Weed takes precedence")."""
    out = []
    for a in (r for r in ranked if len(r.order) > 2):
        for c in claims:
            if not c.priority or c is a.claim or c.rule.is_example or not same_project(a.claim.rule, c.rule):
                continue
            won = [i for i, item in enumerate(a.order) if _named(item, c.priority[2])]
            lost = [i for i, item in enumerate(a.order) if _named(item, c.priority[3])]
            if len(won) != 1 or len(lost) != 1 or won[0] < lost[0]:
                continue
            winner, loser = a.order[won[0]], a.order[lost[0]]
            text = (
                f"{quoted(as_read(a.claim.rule))} ranks {loser} above {winner}, but {quoted(as_read(c.rule))} "
                f"puts {winner} first."
            )
            spans = find_span(a.claim.rule, loser) + find_span(c.rule, c.priority[2])
            out.append(unless_updated("CON005", a.claim, c, 0.85, text, spans))
    return out


def _first(f: Claim) -> _Ranked | None:
    for rx in _FIRST:
        m = rx.search(f.text)
        if m is not None:
            over = _OVER.search(f.text, m.end()) or _OVER.search(f.text)
            text = over.group("over") if over else ""
            return _Ranked(f, (m.group("x"),), text, bool(_ANY_OTHER.search(f.text)))
    return _picked(f)


# A named item picked for the slot, in title case: "make Identity Attack the primary label", "record Escalation as
# the Primary Issue", "Factual Accuracy always comes first when you choose the Primary Issue".
_SLOT_NAME = r"(?i:(?:primary|first|top|main)\s+(?:slot|field|position|place|spot|flag|label|issue|category|tag|code|reason))"
_PICKED = (
    re.compile(
        rf"\b(?i:make|record|choose|pick|select|use|give|mark|enter)\s+(?:it\s+)?(?P<x>{_NAME})\s+(?:(?i:as)\s+)?"
        rf"(?i:the|its)\s+{_SLOT_NAME}\b"
    ),
    re.compile(
        rf"^\s*(?P<x>{_NAME})\s+(?:(?i:always)\s+)?(?i:comes?|goes?)\s+first\b(?=[^.;]*\b{_SLOT_NAME})"
    ),
)


def _picked(f: Claim) -> _Ranked | None:
    """A named item put first: over what its condition names ("When Threat and Identity Attack are tied") or what
    the sentence says it comes ahead of."""
    for rx in _PICKED:
        m = rx.search(f.text)
        if m is None:
            continue
        over = _OVER.search(f.text, m.end())
        text = over.group("over") if over else (f.condition_text or "")
        return _Ranked(f, (m.group("x"),), text, bool(_ANY_OTHER.search(f.text)))
    return None


def _named(item: str, words: str) -> bool:
    """'TEMP' in "a temperature issue", 'OFFENSIVE' in "both offensive and ...": the label or its word."""
    key = item.lower().replace("_", " ").replace("-", " ").split()[0]
    return any(
        w == key or (len(key) >= 4 and w.startswith(key)) for w in re.findall(r"[a-z]+", words.lower())
    )


def _lists_clash(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """Two ranked lists of three or more of the same items that order two of them the other way ("HARASSMENT, then
    SHARED_ANSWER, then SPAM" / "SHARED_ANSWER, HARASSMENT, SPAM")."""
    shared = [i for i in a if i in b]
    if len(shared) < 3:
        return None
    for n, x in enumerate(shared):
        for y in shared[n + 1 :]:
            if b.index(y) < b.index(x):
                return f"ranks {x} above {y}, the other {y} above {x}"
    return None


def _clash(a: _Ranked, b: _Ranked) -> str | None:
    """Why two rankings cannot both hold, or None."""
    if len(a.order) > 1 and len(b.order) > 1:
        return _lists_clash(a.order, b.order)
    if len(a.order) > 1 and len(b.order) == 1:
        a, b = b, a
    if len(a.order) == 1 and len(b.order) > 1:  # a puts one item first; b ranks a list
        x = a.order[0]
        if x not in b.order[1:]:
            return None
        ahead = b.order[: b.order.index(x)]
        beaten = [i for i in ahead if _named(i, a.over)]
        if beaten:
            return f"puts {x} ahead of {beaten[0]}"
        return f"puts {x} ahead of every other item" if a.unconditional else None
    if len(a.order) == 1 and len(b.order) == 1:
        both = a.unconditional or b.unconditional
        if a.order[0] != b.order[0] and both and (a.unconditional or b.over) and (b.unconditional or a.over):
            return f"puts {a.order[0]} first, the other {b.order[0]}"
    return None


def _pairwise(claims: list[Claim]) -> list[Relation]:
    """CON005 for every two rules of a deck that put the same two things in opposite orders ("When a span is both
    FEE and TERMINATION, label it TERMINATION" / "FEE takes priority over TERMINATION"): such rules rarely share
    enough words to be embedding neighbours, and there are few of them, so each is compared with every other."""
    ranked = [f for f in claims if f.priority and not f.rule.is_example and not f.exception]
    out: list[Relation] = []
    for i, fa in enumerate(ranked):
        for fb in ranked[i + 1 :]:
            found = priority_conflict(fa, fb) if same_project(fa.rule, fb.rule) else None
            if found is None:
                continue
            out.append(unless_updated("CON005", fa, fb, found.confidence, found.explanation, found.spans))
    return out


def ranking_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 for each ranked list and "put first" rule of a deck that order the same slot two ways, and for two
    rules that rank the same two things the opposite ways."""
    ranked = [r for f in claims if not f.rule.is_example for r in (_chain(f) or _first(f),) if r is not None]
    out: list[Relation] = _pairwise(claims) + _against_pairs(ranked, claims)
    for i, a in enumerate(ranked):
        for b in ranked[i + 1 :]:
            if not same_project(a.claim.rule, b.claim.rule):
                continue
            why = _clash(a, b)
            if why is None:
                continue
            text = (
                f"{quoted(as_read(a.claim.rule))} and {quoted(as_read(b.claim.rule))} rank the same slot two "
                f"ways: one {why}."
            )
            spans = find_span(a.claim.rule, a.order[0]) + find_span(b.claim.rule, b.order[0])
            out.append(unless_updated("CON005", a.claim, b.claim, 0.85, text, spans))
    return out


__all__ = ["ranking_relations"]
