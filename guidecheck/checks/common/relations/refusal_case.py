"""Whether a refusal names, in its own clause, the case another rule excuses.

"Batch deadlines are never extended, and platform outages are no exception" refuses in words the case of "If a
platform outage is logged, you can ask for an extension": the refusal's clause shares a word with the excused case.
"Emergency messages always go to RN Triage, whatever the topic" names no case that "If you are unsure, use RN Triage"
excuses: it refuses every exception, which only a topic match relates to a grant. ``refused_exception`` reports the
first as CON016 (refused in words) and the second as CON001; ``evaluate.judged`` moves judged findings the same way,
reading the rule, the refusal and the case from the finding's message.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import content, data, stem


def refusal_names_case(text: str, refusal: str, case: str) -> bool:
    """The clause of the refusal ("and that includes a 5", "and platform outages are no exception", "not even an order
    number the agent reads back") names a word of the excused case ("except a 5", "If a platform outage is logged",
    "when the agent reads it back"), numbers included; words of no case aside."""
    at = text.find(refusal)
    clause = next((m.group() for m in _CLAUSE.finditer(text) if m.start() <= at < m.end()), refusal)
    return bool(_case_words(clause) & _case_words(case))


def _case_words(part: str) -> set[str]:
    named = {stem(w) for w in re.findall(r"[a-z]+", part.lower()) if content(w)} - CONNECTIVES
    return (named | set(re.findall(r"\b\d+\b", part))) - _generic() - _REFUSAL_WORDS


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(data()["refused_exception"]["generic"])


# A clause: up to a comma, semicolon, colon or full stop (a dot inside a word, "42.5", does not end it).
_CLAUSE = re.compile(r"[^,;:.]+(?:[.](?=\w)[^,;:.]*)*")
# Small words and words of refusing, which name no case ("no exception", "for any reason", "whatever").
CONNECTIVES = frozenset(
    {"that", "which", "with", "where", "who", "on", "one", "those", "includ", "when", "whil"}
)
_REFUSAL_WORDS = frozenset(
    {
        "exception",
        "reason",
        "excus",
        "whatever",
        "regardless",
        "circumstanc",
        "ground",
        "matter",
        "even",
        "never",
    }
)

__all__ = ["CONNECTIVES", "refusal_names_case"]
