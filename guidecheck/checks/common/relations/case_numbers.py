"""Numbers that say which case a rule is about, not a limit to keep (CON004 leaves them alone).

"Where the audit reveals an overcharge of 5% or less, the Customer bears the cost" names a case; with "more than
5%, the Supplier bears it" it makes two cases, not two limits no value meets. "During your first seven days the
cap is 200 posts a day, and that lower figure applies in place of the general one" names a narrower case whose
limit the deck says replaces the general one: no second value for one limit.
"""

from __future__ import annotations

import re

from .claims import Claim

_SUB_CASE = re.compile(
    r"\b(?:in place of|instead of|overrides?|takes? precedence over|supersedes?)\s+(?:the\s+)?"
    r"(?:general|usual|standard|normal|default|regular|other)\b"
    r"|\b(?:during|in|for|over)\s+(?:your|their|the|an?)\s+first\s+(?:\w+\s+)?(?:days?|weeks?|months?|shifts?|batch(?:es)?)\b",
    re.I,
)


def names_sub_case(claim: Claim) -> bool:
    """The rule's limit is for a named narrower case, or replaces the general one by the deck's own words."""
    return _SUB_CASE.search(claim.text) is not None


def in_condition(claim: Claim, q) -> bool:
    """The number stands in the rule's condition, or is a band of values in its subject ("Two-digit years from 00 to
    30 are entered as 20xx"): it says which case the rule is about."""
    if not q.text:
        return False
    if q.text in claim.condition_text:
        return True
    subject = _SUBJECT.match(claim.text)
    if q.upper is not None and subject is not None and q.text in subject.group("subject"):
        return True
    return (
        q.comparator in _BOUNDS
        and _PLURAL_SUBJECT.match(claim.text) is not None
        and before_force(claim, q.text)
    )


def before_force(claim: Claim, words: str) -> bool:
    """The words stand before the rule's force ("Passages under 150 words need one careful read", "Passages of 150
    words or more must be read twice"): they say which items the rule is for, a case, not what to keep to."""
    at, force = claim.text.find(words), force_at(claim)
    return force is not None and at >= 0 and at + len(words) <= force


def force_at(claim: Claim) -> int | None:
    """Where the rule's force stands: its modal cue, else its verb."""
    if claim.cue is not None:
        return claim.cue[0]
    verb = claim.rule.action or ""
    m = re.search(rf"\b{re.escape(verb[:4])}", claim.text, re.I) if len(verb) >= 3 else None
    return m.start() if m else None


_BOUNDS = frozenset({"<", "<=", ">", ">="})
# A subject that names a class of items by a plural noun ("Passages ...", "All clips ...").
_PLURAL_SUBJECT = re.compile(r"^\s*(?:all\s+|any\s+)?[A-Za-z][a-z-]+s\b(?!\s+(?:is|are|was|were)\b)")


# The subject of a statement of what is done to a case: "Two-digit years from 00 to 30 are entered as ...".
_SUBJECT = re.compile(r"^\s*(?P<subject>[^,;:]{3,80}?)\s+(?:is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)


__all__ = ["before_force", "force_at", "in_condition", "names_sub_case"]
