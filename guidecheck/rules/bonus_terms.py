"""How much a bonus pays, as the deck's pay policy states it.

"Quality bonus | 10% on top of that week's base pay" and "The quality bonus is a flat $25 per week" state one bonus
two ways that cannot both hold: one is a share of the rater's pay, the other a fixed amount. "A weekly quality
bonus of 8% of base pay" and "you get the 8% quality bonus on top of your base pay" agree; so do "10% of that
week's base earnings" and "one tenth of what you earned at the base rate". Read into one form (the bonus's kind, a
share or an amount, and its value) two statements can be compared (CON004). The accuracy that earns a bonus is a
quality bar (``quality_bars``), not its amount: a percent counts only next to words of pay ("of base pay", "on that
week's earnings") or right before the word bonus.

The words are data (``data/rules.toml`` [bonus_terms]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon


@dataclass(frozen=True)
class BonusTerm:
    """One statement of what a bonus pays."""

    kinds: frozenset[str]  # the word that says which bonus ("quality", "event"); empty for "the bonus"
    share: float | None  # a share of pay (0.1 for 10%), or None
    amount: float | None  # a fixed amount in money, or None
    per: str | None  # what a fixed amount is paid per ("week", "batch")
    span: tuple[int, int]  # the words that state the amount
    volume: float | None = None  # the count of work that earns it ("1,000 or more accepted reviews"), or None
    unit: str | None = None  # what that count counts: "reviews"


@dataclass(frozen=True)
class _Words:
    bonus: re.Pattern[str]
    share: tuple[re.Pattern[str], ...]
    amount: tuple[re.Pattern[str], ...]
    no_kind: frozenset[str]
    fractions: dict[str, float]
    volume: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["bonus_terms"]
    fractions = {k: float(v) for k, v in d["fractions"].items()}
    frac = "|".join(sorted(map(re.escape, fractions), key=len, reverse=True))
    return _Words(
        re.compile(d["bonus"], re.I),
        tuple(re.compile(p.replace("FRACTION", frac), re.I) for p in d["share"]),
        tuple(re.compile(p, re.I) for p in d["amount"]),
        frozenset(d["no_kind"]),
        fractions,
        tuple(re.compile(p, re.I) for p in d["volume"]),
    )


def _kinds(text: str, at: int) -> frozenset[str]:
    """The word that says which bonus, right before "bonus" ("weekly quality bonus": quality; "An event bonus":
    event); a period, a determiner or an amount says none ("The weekly bonus")."""
    before = re.findall(r"[a-z-]+", text[max(0, at - 40) : at].lower())
    last = before[-1] if before else ""
    return frozenset() if not last or last in _words().no_kind else frozenset({last})


def _earned_by_each(text: str) -> frozenset[str]:
    """The item that earns a bonus named by none ("Each escalation that the reviewer agrees was warranted earns a
    $0.50 bonus"): which bonus it is, as "escalation bonus" would say."""
    m = _EACH.match(text)
    item = (m.group(1) or m.group(2)).lower().removesuffix("s") if m else ""
    # "Each rater whose accuracy ..." names who earns it, not which bonus
    return frozenset({item}) if item and item not in lexicon().persons else frozenset()


# "Each escalation that ...", "Each Site Safety escalation earns ...": the item is the last word before the verb or
# the relative pronoun
_EACH = re.compile(
    r"^\s*(?:each|every)\s+(?:[A-Za-z][\w-]*\s+){0,3}?([a-z][a-z-]+)\s+"
    r"(?:that|which|who|whose|you|earns?|gets?|receives?|pays?|adds?|is|are|will|can)\b"
    r"|^\s*(?:each|every)\s+([a-z][a-z-]+)\b",
    re.I,
)


def _volume(text: str, w: _Words) -> tuple[float | None, str | None]:
    """The count of work a bonus is earned at ("Raters who submit 1,000 or more accepted reviews", "Once you reach
    750 accepted reviews"), and what it counts; (None, None) when the sentence names none."""
    for rx in w.volume:
        if (m := rx.search(text)) is not None:
            return float(m.group("n").replace(",", "")), m.group("unit").lower()
    return None, None


@lru_cache(maxsize=4096)
def read_bonus_term(text: str) -> BonusTerm | None:
    """The bonus amount a sentence states, or None."""
    w = _words()
    b = w.bonus.search(text)
    if b is None:
        return None
    kinds = _kinds(text, b.start()) or _earned_by_each(text)
    for rx in w.share:
        if (m := rx.search(text)) is not None:
            pct, frac = m.groupdict().get("pct"), m.groupdict().get("frac")
            share = float(pct) / 100 if pct else w.fractions[frac.lower()] / 100
            return BonusTerm(kinds, round(share, 6), None, None, m.span(), *_volume(text, w))
    for rx in w.amount:
        if (m := rx.search(text)) is not None:
            per = (m.group("per") or "").lower() or None
            return BonusTerm(
                kinds, None, _changed_to(text, m) or float(m.group("usd")), per, m.span(), *_volume(text, w)
            )
    return None


def _changed_to(text: str, m: re.Match[str]) -> float | None:
    """The new amount of "The bonus went up from $2.00 to $3.00": the figure after "to", not the old one."""
    if not _FROM.search(text, max(0, m.start("usd") - 12), m.start("usd")):
        return None
    to = _TO.match(text, m.end("usd"))
    return float(to.group(1)) if to else None


_FROM = re.compile(r"\bfrom\s+\$\s?$", re.I)
_TO = re.compile(r"\s+to\s+\$\s?(\d+(?:\.\d{1,2})?)", re.I)


__all__ = ["BonusTerm", "read_bonus_term"]
