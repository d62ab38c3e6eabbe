"""How a worked example's clash with a rule is reported (CON008), or explained away when the example follows the
rule's stated exception or dated update (REL001 / REL002)."""

from __future__ import annotations

import re

from .claims import Claim
from .lexicon import content
from .relate import Relation
from .text import as_read, quoted, span_of


def breaks(
    r: Claim,
    ef: Claim,
    confidence: float,
    why: str,
    rule_span: tuple[int, int] | None,
    example_span: tuple[int, int] | None,
) -> Relation:
    """CON008 between a rule and the example sentence that states the verdict, with the clashing words of both."""
    return Relation(
        "CON008",
        r.rule,
        ef.rule,
        round(confidence, 3),
        why,
        span_of(r.rule, rule_span) + span_of(ef.rule, example_span),
    )


def excused(rel: Relation, e, r: Claim) -> Relation:
    """An example that follows a rule's stated exception or dated update is not a contradiction (REL001/REL002).
    An example that says the exception does not apply ("on a problem that did not ask for simplest form" against
    "unless the problem explicitly asks for simplest form") follows nothing but the rule it breaks."""
    if not (r.exception or r.update) or (r.exception and not r.update and _exception_denied(e, r)):
        return rel
    return Relation(
        "REL001" if r.exception else "REL002",
        r.rule,
        rel.b,
        round(rel.confidence * 0.8, 3),
        f"The example {quoted(e.text)} follows the {'exception in' if r.exception else 'update'} "
        f"{quoted(as_read(r.rule))}; not a contradiction.",
        rel.spans,
        stands_for="CON008",
    )


def _exception_denied(e, r: Claim) -> bool:
    """The example names the rule's exception case only to deny it: two of the exception's words, one of them
    right after a negation ("did not ask for simplest form")."""
    words = content(r.exception_text)
    if len(words & e.everything) < 2:
        return False
    return any(content(m.group("rest")) & words for f in e.claims for m in _NEGATED_WORDS.finditer(f.text))


_NEGATED_WORDS = re.compile(
    r"(?<![\w'])(?:not|no|never|without)(?![\w'])\s+(?P<rest>(?:[\w'-]+\s+){0,3}[\w'-]+)", re.I
)


__all__ = ["breaks", "excused"]
