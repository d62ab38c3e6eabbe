"""The conditions and exceptions a rule states, as a claim compares them: the extractor's clauses when it read
any, else the clauses the words open ("if ...", "unless ..."), outside the reason the rule gives."""

from __future__ import annotations

import re
from functools import lru_cache

from ....model import Rule
from ....rules.lexicon import lexicon as rules_lexicon
from .lexicon import lexicon


# The reason a rule gives ("..., because each box takes the brand selected when you draw it"): a condition in it is
# the reason's, not the rule's.
@lru_cache(maxsize=1)
def _reason() -> re.Pattern[str]:
    """The words that open a reason are the extraction's own (``data/rules.toml`` [clauses] causal_marks)."""
    marks = "|".join(map(re.escape, sorted(rules_lexicon().causal_marks)))
    return re.compile(rf"^(?:{marks})\b[^,;]*,|[,;]?\s+(?:{marks})\b[^;]*", re.I)


def conditions_of(rule: Rule) -> list[str]:
    """The rule's conditions, or those its words state outside its reason; none that only says "whatever"."""
    lex = lexicon()
    found = rule.conditions or [
        m.group(0).strip()
        for m in lex.condition_clause.finditer(_reason().sub(" ", _first_clause(rule.text)))
    ]
    # "for any purpose whatsoever" is no case; "if it isn't done by then" is what follows the rule's own limit
    return [c for c in found if not lex.absolute.search(c) and not _AFTER_THE_LIMIT.search(c)]


def _first_clause(text: str) -> str:
    """The words the rule's own clause may hold a condition in: a condition after a semicolon opens or closes the
    next instruction ("Only leads may set the flag; if you think a call needs it, message your lead"), and the
    extraction keeps it out of the rule's conditions (``rules/clause_scope.py``); looking for one in the words again
    would bring it back."""
    return re.split(r";\s", text, maxsplit=1)[0]


# A condition that points back to the rule's own limit ("Time limit: 3 minutes per label; if it isn't done by then,
# press Skip"): what to do once the limit is reached, not a case that narrows the limit.
_AFTER_THE_LIMIT = re.compile(r"\b(?:by\s+then|by\s+that\s+(?:time|point)|past\s+that\s+point)\b", re.I)


_ONE_NOUN_BEFORE = re.compile(r"\b(?:a|an|another)\s+[a-z-]+\s+$", re.I)


def _kind_of_thing(text: str, at: int) -> bool:
    """'a language other than English': "other than" after one noun picks out a kind of thing (the rules reader
    keeps it out of the exceptions too, with the parse; this is the same test on the words)."""
    return text[at:].lower().startswith("other than") and bool(_ONE_NOUN_BEFORE.search(text[:at]))


def exceptions_of(rule: Rule) -> list[str]:
    """The rule's exceptions, or the clauses its words open with "unless", "except", "other than" ..."""
    text = rule.text
    return rule.exceptions or [
        m.group(0).strip()
        for m in lexicon().exception_clause.finditer(text)
        if not _kind_of_thing(text, m.start())
    ]


__all__ = ["conditions_of", "exceptions_of"]
