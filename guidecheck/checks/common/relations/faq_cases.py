"""An FAQ answer's case is the question it answers.

"The hosts plug their own Patreon mid-episode. Do I mark it?" / "Yes. Create a span with type SELF_PROMO" states no
condition of its own, yet it answers for the case the question names; read alone it is a rule for every case, and
a rule elsewhere for that very case ("when the hosts plug their own Patreon, merch or tour, do not create a span")
would pass for a narrower one that scopes it.
"""

from __future__ import annotations

from .claims import Claim
from .lexicon import content


def asked_about(fa: Claim, fb: Claim) -> bool:
    """The rule without a condition answers an FAQ question that states the other rule's case ("The hosts plug
    their own Patreon mid-episode. Do I mark it?" / "Yes. Create a span ..." against "when the hosts plug their own
    Patreon, merch or tour, do not create a span"): the answer's case is the question's, so neither rule is the
    narrower one. Most words of the shorter of the condition and the question, at least two, are shared."""
    cased, answer = (fa, fb) if fa.condition else (fb, fa)
    if not answer.rule.context or answer.condition_neg != cased.condition_neg:
        return False
    asked = content(answer.rule.context)
    shared = cased.condition & asked
    return len(shared) >= 2 and 2 * len(shared) >= min(len(cased.condition), len(asked))


__all__ = ["asked_about"]
