"""How far a grant reaches against a refusal (``refused_exception``): past the refused rule's own limit, or only
as far as what the refusing rule itself accepts.

"Disputes must be filed within seven days ..., and late disputes are not considered under any circumstances" and
"... may file a dispute on their return, even if the seven days have passed" clash: the grant goes past the very
limit the refusal holds to. "the only skip reasons we accept are WRONG_DOC and NON_LATIN" and "Skip with NON_LATIN
if ..." do not: the refusing rule names the granted case among what it accepts.
"""

from __future__ import annotations

import re

from .claims import Claim, unquoted

# "even if the seven days have passed", "after the 48 hours are up": a grant that goes past a limit it names
_PAST = r"\b(?:even\s+(?:if|when|though)|after|once|past|beyond)\b[^.;]{{0,40}}?\b{limit}\b"


def past_the_limit(refusing: Claim, granting: Claim) -> bool:
    """The granting rule lets its case act past the refusing rule's own limit ("Disputes must be filed within seven
    days ..., and late disputes are not considered under any circumstances" / "... may file a dispute on their
    return, even if the seven days have passed"): the same act, done beyond the number the refusal holds to."""
    text = unquoted(granting.text)
    limits = {" ".join(q.text.lower().split()[-2:]) for q, _ in refusing.quantities if q.text}
    return any(re.search(_PAST.format(limit=re.escape(limit)), text, re.I) for limit in limits)


# A code a rule names: "NON_LATIN", "WRONG-DOC", "RSR-ES".
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*[_-][A-Z0-9][A-Z0-9_-]*\b")


def accepts_the_grant(refusing: Claim, granting: Claim) -> bool:
    """The refusing rule itself names the granted case among what it accepts: "the length of an invoice is never a
    reason to skip it, and the only skip reasons we accept are WRONG_DOC and NON_LATIN" / "Skip with NON_LATIN if
    ...": one list of accepted reasons, stated twice."""
    only = re.search(r"\bonly\b", refusing.text, re.I)
    after = refusing.text[only.end() :] if only else ""
    return any(code in after for code in _CODE.findall(granting.text))


__all__ = ["accepts_the_grant", "past_the_limit"]
