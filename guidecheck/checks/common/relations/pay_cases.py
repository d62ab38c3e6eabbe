"""Two pay terms of one case, and how they disagree (read by ``policy_limits``, CON004).

Each pay term says what it pays for (its subject: "Skipped posts", "A batch whose audit accuracy is below 90%") and
the share of the base rate. Two are about one case when their subjects name one kind of item (generic item nouns
aside, one outcome's words folded to one: "rejected at audit" / "fails audit", "late" / "after the deadline"), one
a narrower case of the other, or one bound ("below 90%" / "under 90% on audit"). They disagree when one pays and the
other does not, or when they name two rates or two fixed amounts, unless one states the other's case as its exception. Words are data
(``data/rules.toml`` [pay_terms]).
"""

from __future__ import annotations

import re
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
    for phrase, word in _same_phrases():
        subject = phrase.sub(word, subject)
    return frozenset(fold.get(w, w) for w in content(base_forms(subject)) - _generic_items())


@lru_cache(maxsize=1)
def _same_phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Phrases that name one outcome in a word ("sent back" is "returned")."""
    phrases = rules_lexicon().data["pay_terms"]["same_phrases"]
    return tuple((re.compile(rf"\b{re.escape(k)}\b", re.I), v) for k, v in phrases.items())


def _nested(x: frozenset[str], y: frozenset[str]) -> bool:
    """One kind of item, or one a narrower case of the other: the words meet and one holds the other."""
    return bool(x & y) and (x <= y or y <= x)


_OR = re.compile(r"\s+or\s+", re.I)


def _alternatives(subject: str) -> list[frozenset[str]]:
    """What a subject of alternatives pays for, each alone ("Skipped or released tasks": skips, releases)."""
    parts = _OR.split(subject)
    return [_paid_for(p) for p in parts] if len(parts) > 1 else []


@lru_cache(maxsize=1)
def _same_outcome() -> dict[str, str]:
    groups = rules_lexicon().data["pay_terms"]["same_outcome"]
    return {stem(w): stem(g[0]) for g in groups for w in g}


def same_pay_case(a: PayTerm, b: PayTerm) -> bool:
    """One kind of item, or one a narrower case of the other ("skips" / "a skip with the reason Failed to load")."""
    x, y = _paid_for(a.subject), _paid_for(b.subject)
    amounts = a.amount is not None and b.amount is not None
    if amounts and not (_one_item(a.subject) and _one_item(b.subject)):
        return False  # "A full batch of 25 conversations pays $11.25" is 25 times the per-item amount
    ba, bb = _bound(a.subject), _bound(b.subject)
    if ba is not None and bb is not None:  # "below 90%" / "under 90% on audit"; "above 95%" is another case
        return bool(x & y) and ba == bb
    if (a.amount is None) != (b.amount is None) and (a.extra is None or b.extra is None):
        # a fixed amount against a share of the rate: one kind of item only ("Each rated story pays $0.55" is not
        # "Skipped stories are never paid", though the rating is no word of what is paid for)
        return bool(x) and x == y
    if amounts and _denied(a.subject) != _denied(b.subject):
        return False  # "Photos with no faces to blur" / "Photos where you blur at least one face"
    if _nested(x, y):
        return True
    if (
        a.amount is None
        and b.amount is None
        and any(
            _nested(p, q) for p in _alternatives(a.subject) or [x] for q in _alternatives(b.subject) or [y]
        )
    ):
        return True  # "Skipped or released tasks are not paid" / "Skipped tasks that carry a reason code are paid"
    # two fixed amounts for one kind of work said two ways: "Records you handle as second validator" / "each record
    # you close as second validator" share most of their words
    return amounts and len(x & y) >= 2 and len(x & y) * 2 >= len(x | y)


_COUNTED = re.compile(
    r"\b(?:(?<!severity\s)(?<!level\s)(?<!grade\s)(?<!score\s)(?<!tier\s)(?<!priority\s)\d+|two|three|four|five"
    r"|six|seven|eight|nine|ten|twenty|fifty|hundred|batch(?:es)?|sets?|weeks?|months?|days?|hours?|shifts?)\b",
    re.I,
)
_DENIED = re.compile(r"\b(?:no|not|without|none|zero|never)\b|n['’]t\b", re.I)


def _one_item(subject: str) -> bool:
    """The subject is one item, not a count or a period of them ("a full batch of 25 ...", "at least 500 ... in a
    week"); a scale point is no count ("a Severity 4 escalation")."""
    return _COUNTED.search(subject) is None


def _denied(subject: str) -> bool:
    return _DENIED.search(subject) is not None


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
    if (
        a.amount is not None
        and b.amount is not None
        and a.amount != b.amount
        and (a.amount > 0) == (b.amount > 0)
    ):
        return f"two amounts, {_money(a.amount)} and {_money(b.amount)}."
    if (a.amount or 0) < 0 or (b.amount or 0) < 0:  # a deduction is no answer to what the item pays
        return None
    if a.extra is not None and b.extra is not None:
        return "one pays extra for it and the other does not." if a.extra != b.extra else None
    if (a.share == 0) != (b.share == 0):
        return "one pays for it and the other does not."
    if a.share is not None and b.share is not None and a.share != b.share:
        return f"two rates, {a.share:g} and {b.share:g} times the base rate."
    return None


def _money(amount: float) -> str:
    """An amount as a deck writes it: 0.3 -> "0.30"; a deduction by its size."""
    return f"{abs(amount):.2f}"


__all__ = ["pay_clash", "same_pay_case"]
