"""An exception one rule grants that another rule forbids (CON001).

"Write a rationale for every task, unless you gave Resolution 5 and Tone 3 with no flags" lets raters leave the
rationale out in that case; "Do not skip the rationale on a task just because it earned top scores and no flags"
forbids exactly that. Each rule alone reads well, and the usual reading of a pair with an explicit exception (the
exception scopes the rule: no conflict) hides the clash. The forbidding rule must name the refused case as a
reason ("just because", "even when"), leave the other rule's act undone (skip, omit, let through: an omission)
or forbid the same act, be about the same thing, and share a word of the case with the exception. Words are data
(``data/contradictions.toml``, [denied_exception]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, data, stem
from .text import as_read, find_span, quoted


class Words(NamedTuple):
    reason: re.Pattern[str]
    omissions: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["denied_exception"]
    return Words(re.compile(d["reason"], re.I), frozenset(stem(w) for w in d["omissions"]))


def _refused_case(claim: Claim) -> str | None:
    """The case a prohibition refuses as a reason: "just because it earned top scores and no flags". An order to
    leave something undone refuses its case the same way: "out of scope, even when someone also lives there, so
    skip it"."""
    if claim.deontic != "F" and not (claim.deontic == "O" and claim.action in _words().omissions):
        return None
    m = _words().reason.search(unquoted(claim.text))
    return m.group(0) if m else None


def _undoes(forbidding: Claim, granting: Claim) -> bool:
    """Forbidding the act leaves the granting rule's act required (an omission of an obligation) or forbidden
    again (the same act as a prohibition's)."""
    act = forbidding.action
    if granting.deontic == "O":
        return act in _words().omissions
    return granting.deontic == "F" and act is not None and act == granting.action


def _same_thing(forbidding: Claim, granting: Claim) -> bool:
    """One rule's object is named in the other ("personal details" / "personal information", "rate Factual
    Accuracy ..." / "Don't leave Factual Accuracy blank")."""
    return bool(
        content(forbidding.rule.object or "") & granting.core
        or content(granting.rule.object or "") & forbidding.everything
        or forbidding.core & granting.core  # "personal information" / "personal details"
    )


_NAME = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]+\b")


def _names(*texts: str) -> frozenset[str]:
    """Stems of the names in the texts: capitalised words inside a sentence ("because Ava's voice ...")."""
    return frozenset(w for t in texts for m in _NAME.finditer(t) for w in content(m.group(0)))


def denied_exception(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` when one rule's exception is a case the other rule refuses to excuse."""
    for granting, forbidding in ((fa, fb), (fb, fa)):
        if not granting.exception or forbidding.exception:
            continue
        case = _refused_case(forbidding)
        if case is None or not _undoes(forbidding, granting) or not _same_thing(forbidding, granting):
            continue
        shared = content(granting.exception_text) & content(case) - {forbidding.object_head}
        if not shared - _names(granting.text, forbidding.text):  # "Ava" names the bot both rules are about
            continue
        why = (
            f"{quoted(as_read(granting.rule))} makes an exception (“{granting.exception_text}”) that "
            f"{quoted(as_read(forbidding.rule))} refuses (“{case.strip()}”)."
        )
        spans = find_span(granting.rule, granting.exception_text) + find_span(forbidding.rule, case.strip())
        return Conflict("CON001", 0.85, why, spans, False)
    return None


__all__ = ["denied_exception"]
