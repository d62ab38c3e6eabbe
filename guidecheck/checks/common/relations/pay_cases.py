"""Two pay terms of one case, and how they disagree (read by ``policy_limits``, CON004).

Each pay term says what it pays for (its subject: "Skipped posts", "A batch whose audit accuracy is below 90%") and
the share of the base rate. Two are about one case when their subjects name one kind of item (generic item nouns
aside, one outcome's words folded to one: "rejected at audit" / "fails audit", "late" / "after the deadline"), one
a narrower case of the other, or one bound ("below 90%" / "under 90% on audit"). They disagree when one pays and the
other does not, or when they name two rates, unless one states the other's case as its exception. Words are data
(``data/rules.toml`` [pay_terms]).
"""

from __future__ import annotations

from functools import lru_cache

from ....rules.lexicon import lexicon as rules_lexicon
from ....rules.pay_terms import PayTerm
from ....rules.quantities import find_quantities
from .lexicon import base_forms, content, stem


@lru_cache(maxsize=1)
def _generic_items() -> frozenset[str]:
    return frozenset(stem(w) for w in rules_lexicon().data["pay_terms"]["generic_items"])


@lru_cache(maxsize=4096)
def _paid_for(subject: str) -> frozenset[str]:
    """What a pay term is about: its subject's words but generic item nouns ("Skipped posts" -> skip), the words
    of one outcome folded to one ("rejected at audit" / "fails audit")."""
    fold = _same_outcome()
    return frozenset(fold.get(w, w) for w in content(base_forms(subject)) - _generic_items())


@lru_cache(maxsize=1)
def _same_outcome() -> dict[str, str]:
    groups = rules_lexicon().data["pay_terms"]["same_outcome"]
    return {stem(w): stem(g[0]) for g in groups for w in g}


def same_pay_case(a: PayTerm, b: PayTerm) -> bool:
    """One kind of item, or one a narrower case of the other ("skips" / "a skip with the reason Failed to load")."""
    x, y = _paid_for(a.subject), _paid_for(b.subject)
    ba, bb = _bound(a.subject), _bound(b.subject)
    if ba is not None and bb is not None:  # "below 90%" / "under 90% on audit"; "above 95%" is another case
        return bool(x & y) and ba == bb
    return bool(x & y) and (x <= y or y <= x)


@lru_cache(maxsize=4096)
def _bound(subject: str) -> tuple[str, float, str | None] | None:
    """The bound the subject states, as the rule reader reads numbers ("below 90%" and "under 90% on audit" ->
    ("<", 90.0, "%"))."""
    return next(((q.comparator, q.value, q.unit) for q in find_quantities(subject)), None)


def _settles(x: PayTerm, y: PayTerm) -> bool:
    """``x`` states an exception that is ``y``'s case: "Skips are paid at the base rate unless the image is a
    duplicate" settles "Skips of duplicate images are not paid" (the words ``y``'s subject adds are in the
    exception), not "Skips are not paid" nor "Skips at audit are not paid"; a narrower case that calls itself
    the exception ("The one exception: skips because the page will not load are paid") settles the general rule."""
    if not x.excepting:
        return False
    words = _paid_for(x.excepting)
    extra = _paid_for(y.subject) - _paid_for(x.subject)
    # "The one exception: skips because the page ...": the words of x's own, narrower case
    own = _paid_for(x.subject) - _paid_for(y.subject)
    return bool(extra & words) or bool(own and not extra and own & words)


def pay_clash(a: PayTerm, b: PayTerm) -> str | None:
    """Why two pay terms of one kind of item disagree, or None. A sentence whose exception is the other's case is
    the deck settling the case, not a second answer to it."""
    if _settles(a, b) or _settles(b, a):
        return None
    if a.extra is not None and b.extra is not None:
        return "one pays extra for it and the other does not." if a.extra != b.extra else None
    if (a.share == 0) != (b.share == 0):
        return "one pays for it and the other does not."
    if a.share is not None and b.share is not None and a.share != b.share:
        return f"two rates, {a.share:g} and {b.share:g} times the base rate."
    return None


__all__ = ["pay_clash", "same_pay_case"]
