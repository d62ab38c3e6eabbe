"""A rule's text asked the same question once, not once per pair it is in.

The pair loop relates every candidate pair (some 25,000 on a 40k-word deck), and each detector asks both rules'
texts the same regular-expression questions in every pair a rule is in, often hundreds of pairs. Some of those
patterns cost 100-150 µs a search (a lazy name before "is enough to" is tried at every position); remembered,
an answer costs under 1 µs. The cache is bounded, and a match is never changed by its reader, so one match object
may be handed out many times.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1 << 18)
def search(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``rx.search(text)``, remembered for the texts a run asks about again."""
    return rx.search(text)


__all__ = ["search"]
