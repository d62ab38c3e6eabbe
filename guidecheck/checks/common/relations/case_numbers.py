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
    """The number stands in the rule's condition: it says which case the rule is about."""
    return bool(q.text) and q.text in claim.condition_text


__all__ = ["in_condition", "names_sub_case"]
