"""What the rater is paid for one kind of item, as the deck's pay policy states it.

"Skipped items are not paid, whatever the reason for the skip", "Skips with one of the approved reasons are paid
at the base rate", "Opinions you skip for a valid reason are paid at half of the base rate", "Unratable flags pay
50% of the normal task rate": decks state pay as facts, in the pay section and again in a FAQ or an update, and
the two often disagree. Read into one form (what is paid for, the share of the base rate, and whether the sentence
states an exception) two statements of it can be compared (CON004), and a sentence that states one is a rule even
with no modal verb in it.

The words are data (``data/rules.toml`` [pay_terms]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import lexicon

_CUE = re.compile(
    r"\b(?:paid|unpaid|pay|pays|earns?|earning|compensat\w*|credited|receives?|bonus|extra|deduct\w*|docked|penalty"
    r"|fined|adds)\b",
    re.I,
)


@dataclass(frozen=True)
class PayTerm:
    """One statement of what an item of one kind pays."""

    subject: str  # what is paid for, as written ("Skipped posts", "A skip with the reason Failed to load")
    share: float | None  # share of the base rate: 0 unpaid, 1 the base rate; None: paid, by another measure
    # the exception the sentence states, from "unless" / "except" / "with one exception" on ("" when none)
    excepting: str
    span: tuple[int, int]  # the words that say what it pays
    extra: bool | None = None  # True: paid on top of the rate ("earns a $0.40 bonus"); False: nothing on top
    # a fixed amount of money per item ("paid at 0.30 EUR each"), negative if deducted
    amount: float | None = None


@dataclass(frozen=True)
class _Words:
    unpaid: tuple[re.Pattern[str], ...]
    paid: tuple[re.Pattern[str], ...]
    full: re.Pattern[str]
    fractions: dict[str, float]
    percent: re.Pattern[str]
    excepting: re.Pattern[str]
    generic: frozenset[str]
    extra: tuple[tuple[re.Pattern[str], bool], ...]
    money: re.Pattern[str]
    # an amount right after the words that say an item is paid: "paid at 0.30 EUR"
    money_after: re.Pattern[str]
    amount: tuple[re.Pattern[str], ...]
    deducted: re.Pattern[str]
    included: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["pay_terms"]
    return _Words(
        unpaid=tuple(re.compile(p, re.I) for p in d["unpaid"]),
        paid=tuple(re.compile(p, re.I) for p in d["paid"]),
        full=re.compile(d["full"], re.I),
        fractions={k: float(v) for k, v in d["fractions"].items()},
        percent=re.compile(r"(\d{1,3})\s*(?:%|per\s?cent)", re.I),
        excepting=re.compile(d["excepting"], re.I),
        generic=frozenset(d["generic_items"]),
        extra=tuple((re.compile(p, re.I), False) for p in d["no_extra"])
        + tuple((re.compile(p, re.I), True) for p in d["extra"]),
        money=re.compile(d["money"], re.I),
        money_after=re.compile(r"\s+(?:at\s+|with\s+)?" + d["money"], re.I),
        amount=tuple(re.compile(p.replace("MONEY", d["money"]), re.I) for p in d["amount"]),
        deducted=re.compile(d["deducted"], re.I),
        included=re.compile(d["included"], re.I),
    )


def _share(rate: str) -> float | None:
    """The share of the base rate a rate phrase names ("the base rate" 1, "half of the base rate" 0.5)."""
    w = _words()
    m = w.percent.search(rate)
    if m:
        return int(m.group(1)) / 100
    low = rate.lower()
    for word, value in w.fractions.items():
        if re.search(rf"\b{re.escape(word)}\b", low):
            return value
    return 1.0 if w.full.search(rate) else None


def _names_a_thing(subject: str) -> bool:
    """The subject says what is paid for beyond a generic item noun ("Skipped posts", not "Every task")."""
    words = [x.lower().rstrip("s") for x in re.findall(r"[A-Za-z][\w-]+", subject)]
    generic = _words().generic
    return any(x not in generic and len(x) > 2 for x in words)


@lru_cache(maxsize=4096)
def read_pay_term(text: str) -> PayTerm | None:
    """The pay term a sentence states, or None."""
    if not _CUE.search(text):
        return None
    w = _words()
    for rx, on_top in w.extra:  # before "unpaid": "does not earn anything extra" still pays the rate
        m = rx.search(text)
        subject = " ".join(x for x in (m.groupdict().get("lead"), m.group("subj")) if x) if m else ""
        if m and _names_a_thing(subject):
            term = PayTerm(_bare(subject), None, _exception(text), m.span("pay"), on_top)
            return _with_amount(term, text, on_top)
    for rx in w.unpaid:
        m = rx.search(text)
        if m and _names_a_thing(m.group("subj")):
            return PayTerm(_bare(m.group("subj")), 0.0, _exception(text), m.span("pay"))
    for rx in w.paid:
        m = rx.search(text)
        if m is None:
            continue
        subject = " ".join(x for x in (m.groupdict().get("lead"), m.group("subj")) if x)
        if _names_a_thing(subject):
            rate = m.groupdict().get("rate") or ""
            # "at the same rate as any other", "and nothing more": nothing is paid on top
            extra = False if _SAME_RATE.search(text) else None
            term = PayTerm(_bare(subject), _share(rate), _exception(text), m.span("pay"), extra)
            return _with_amount(term, text)
    return _amount_term(text)


def _money(m: re.Match[str]) -> float:
    """The amount a money match names, in whole units of its currency ("50 cents" is 0.5)."""
    raw = (m.group("amt") or m.group("amt2")).replace(",", ".")
    cents = (m.group("cur") or "").lower().startswith("cent")
    return float(raw) / 100 if cents else float(raw)


def _amount_term(text: str) -> PayTerm | None:
    """A fixed amount for one kind of item: "Records you handle as second validator are paid at 0.30 EUR each",
    "Each missed span is deducted at $2.00"; a deduction is a negative amount."""
    w = _words()
    for rx in w.amount:
        m = rx.search(text)
        if m is None or not _names_a_thing(m.group("subj")):
            continue
        sign = -1.0 if w.deducted.search(m.group("pay")) else 1.0
        value = _money(m)  # each pattern holds the money pattern once: its groups are the amount's
        return PayTerm(_bare(m.group("subj")), None, _exception(text), m.span("pay"), None, sign * value)
    return None


def _with_amount(term: PayTerm, text: str, on_top: bool = False) -> PayTerm:
    """A pay term whose rate is a fixed amount ("are paid at 0.30 EUR each") carries that amount; so does one paid on
    top of the rate ("earns a bonus of EUR 0.50"), where the amount is the bonus."""
    w = _words()
    m = w.money.search(text, term.span[0])  # the whole amount, where the rate phrase may stop at its "."
    if m is None or m.start() >= term.span[1]:
        m = w.money_after.match(text, term.span[1])
    # "the normal per-task rate plus a $0.15 escalation bonus": the amount is on top of the rate
    if m is None or term.amount is not None or (not on_top and _ON_TOP.search(text, term.span[0], m.start())):
        return term
    return replace(term, amount=_money(m))


_SAME_RATE = re.compile(
    r"\bsame\s+(?:[\w-]+\s+){0,2}rate\s+as\b|\bnothing\s+more\b|\bno\s+(?:extra|additional)\b", re.I
)
_ON_TOP = re.compile(r"\b(?:plus|on\s+top|bonus|extra|additional)\b", re.I)


def _exception(text: str) -> str:
    """The words of the exception a sentence states, from its marker to the end ("" when it states none)."""
    m = _words().excepting.search(text)
    return text[m.start() :] if m else ""


_CLAUSES = re.compile(r"[^;]+")


def read_pay_terms(text: str) -> tuple[PayTerm, ...]:
    """Every pay term a sentence states, one per clause between semicolons ("Rejected images are still paid at
    half the base rate; only images removed for fraud earn nothing" states two), and a case it names as included
    ("..., including tasks that later fail review"); spans index ``text``."""
    if ";" not in text:
        term = read_pay_term(text)
        return (term, *_included(term, text)) if term is not None else ()
    terms = []
    for m in _CLAUSES.finditer(text):
        lead = len(m.group()) - len(m.group().lstrip())
        term = read_pay_term(m.group().strip())
        if term is not None:
            start = m.start() + lead
            terms.append(
                PayTerm(
                    term.subject,
                    term.share,
                    term.excepting,
                    (term.span[0] + start, term.span[1] + start),
                    term.extra,
                    term.amount,
                )
            )
    return tuple(terms)


def _included(term: PayTerm, text: str) -> tuple[PayTerm, ...]:
    """The case a pay term names as included after it pays ("Every submitted task is paid at the standard rate,
    including tasks that later fail review"): it pays that case alike."""
    if term.extra is not None:
        return ()
    m = _words().included.search(text, term.span[1])
    if m is None or not _names_a_thing(m.group("case")):
        return ()
    return (replace(term, subject=m.group("case").strip()),)


_ANSWER = re.compile(r"^(?:yes|no|note|update)\b\s*[-–—:,]\s*", re.I)


def _bare(subject: str) -> str:
    """The subject without an answer's "Yes -" before it."""
    return _ANSWER.sub("", subject.strip())


__all__ = ["PayTerm", "read_pay_term", "read_pay_terms"]
