"""A case one rule calls enough for an act, and a rule that says that case alone is not enough (CON001).

"Flag every answer that relies on a deprecated API as Outdated" makes a deprecated API enough for the flag; "Do
not use the Outdated flag merely because an API has been deprecated" says it is not. The second rule names the
first one's case in a "merely / just / solely because ..." clause and forbids the same act, so a rater who
sees only a deprecated API cannot follow both. A rule with an exception of its own ("unless ...") is left to the
exception reading.
"""

from __future__ import annotations

import re

from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content
from .text import as_read, find_span, quoted
from .thresholds import shared_labels

_MERELY = re.compile(r"\b(?:merely|just|only|solely|simply)\s+because\s+(?:of\s+)?(?P<reason>[^;.:]+)", re.I)


def sufficiency_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` when one rule requires an act in a case the other says is not enough for it."""
    for denying, requiring in ((fa, fb), (fb, fa)):
        if denying.deontic != "F" or requiring.deontic != "O" or requiring.exception:
            continue
        m = _MERELY.search(unquoted(denying.text))
        if m is None:
            continue
        reason = content(m.group("reason"))
        shared = reason & requiring.everything
        if len(shared) < 2 and not (reason and reason <= requiring.everything):
            continue
        same_act = requiring.action is not None and requiring.action == denying.action
        if not same_act and not shared_labels(denying, requiring):
            continue
        why = (
            f"{quoted(as_read(requiring.rule))} makes this case enough, but {quoted(as_read(denying.rule))} says "
            f"“{m.group('reason').strip()}” alone is not."
        )
        spans = find_span(denying.rule, m.group(0).strip())
        return Conflict("CON001", 0.8, why, spans, False)
    return None
