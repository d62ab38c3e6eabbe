"""A general rule whose reason holds in every case, against a narrower rule stated elsewhere.

"Leave the skin-tone selector alone: it is a clinician-only field" and "Set the skin-tone selector for every photo
that shows skin" read like a rule and its narrower case, which ``relate`` reports as a scoped exception (REL001).
But the first rule's reason (the field belongs to clinicians) holds for every photo, so no case is left for the
second one: they conflict. Read on the blind decks, where the planted clashes of this shape gave their general rule
such a reason and the stated exceptions did not, or said they were exceptions ("The one exception is ...").
"""

from __future__ import annotations

import re
from functools import cache

from .claims import Claim
from .lexicon import content, data


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = data()["standing_reason"]
    return tuple(re.compile(d[k], re.I) for k in ("reason", "scoped", "signposted"))  # type: ignore[return-value]


def standing_reason(general: Claim, narrow: Claim) -> str | None:
    """The reason ``general`` gives when it names no case, says nothing of ``narrow``'s case, and ``narrow`` does
    not call itself an exception; else None."""
    reason_rx, scoped, signposted = _patterns()
    m = reason_rx.search(general.text)
    if m is None or scoped.search(m.group("reason")) or signposted.search(narrow.text):
        return None
    reason = m.group("reason").strip().rstrip(".")
    return None if content(reason) & content(narrow.condition_text) else reason


__all__ = ["standing_reason"]
