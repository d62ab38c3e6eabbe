"""Whether an item's pay waits on its review: paid only once it passes QA, or paid whatever the review finds.

"Pay is $4.50 for each video that passes review" and "Every video you submit is paid at the standard rate, whether
or not it passes review" cannot both hold for a video that fails; nor can "Payment for a record is released only after
it has cleared QA" and "You are paid for a record as soon as you submit it, whatever the outcome of review". Decks
state this in the pay section and again in a FAQ, as a fact with no modal verb. Read into one form (does pay depend
on the review) two statements can be compared (CON004), and a sentence that states one is a rule.

The words are data (``data/rules.toml`` [review_pay]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon


@dataclass(frozen=True)
class ReviewPay:
    """One statement of whether pay depends on the item passing its review."""

    depends: bool
    span: tuple[int, int]  # the words that say so


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[bool, re.Pattern[str]], ...]:
    d = lexicon().data["review_pay"]
    return tuple(
        (depends, re.compile(rx.replace("REVIEW", d["review"]), re.I))
        for depends, key in ((True, "depends"), (False, "regardless"))
        for rx in d[key]
    )


@lru_cache(maxsize=4096)
def read_review_pay(text: str) -> ReviewPay | None:
    """Whether the sentence makes pay wait on the review, or None when it says neither (or both)."""
    lower = text.lower()
    if "pai" not in lower and "pay" not in lower:
        return None  # most sentences: one cheap look before the patterns
    found = {(depends, m.span()) for depends, rx in _forms() if (m := rx.search(text))}
    if len({depends for depends, _ in found}) != 1:
        return None
    depends, span = min(found, key=lambda f: f[1])
    return ReviewPay(depends, span)


__all__ = ["ReviewPay", "read_review_pay"]
