"""How long a rater has to do one thing after another: dispute a rejection, appeal a gold miss, submit a claimed
batch.

"Disputes must be filed within 48 hours of receiving reviewer feedback" and "You can dispute a reviewer's decision
any time within a week of getting the feedback" give one window two lengths; so do "Submit each claimed batch
within 48 hours" and "You have 72 hours from the moment you claim a batch to submit it". Read into one form (the
act the window is for, and its length in seconds) two statements of it can be compared (CON004), and a sentence
that states one is a rule even with no modal verb in it. A window stated for a case ("If you were away when
feedback landed, send the dispute late"), with an exception or with its precedence ("this shorter deadline takes
precedence") is the deck settling that case, not a second length; a window for a named sub-case ("Batches marked
Priority", "Opened items") is compared only with windows for the same one.

The words are data (``data/rules.toml`` [time_windows]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quantities import number_words, number_words_pattern


@dataclass(frozen=True)
class TimeWindow:
    """One statement of how long the rater has for one act."""

    act: str  # the act's name in the data ("dispute", "submit", ...)
    seconds: float
    cases: frozenset[str]  # the sub-cases the sentence names ("priority", "opened"): windows of others differ
    span: tuple[int, int]  # the words that state the length


@dataclass(frozen=True)
class _Words:
    acts: tuple[tuple[str, re.Pattern[str]], ...]
    forms: tuple[re.Pattern[str], ...]
    units: dict[str, float]
    settled: re.Pattern[str]
    sub_cases: frozenset[str]
    others: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["time_windows"]
    nums = number_words_pattern()
    units = "|".join(sorted(map(re.escape, d["units"]), key=len, reverse=True))
    time = rf"(?P<n>\d+|{nums}|an?)\s+(?:(?:full|whole|calendar|working|business)\s+)?(?P<unit>{units})s?\b"
    return _Words(
        acts=tuple(
            (name, re.compile(rf"\b(?:{'|'.join(words)})", re.I)) for name, words in d["acts"].items()
        ),
        forms=tuple(re.compile(f.replace("TIME", time), re.I) for f in d["forms"]),
        units={k: float(v) for k, v in d["units"].items()},
        settled=re.compile(d["settled"], re.I),
        sub_cases=frozenset(d["sub_cases"]),
        others=re.compile(d["others"], re.I),
    )


def _seconds(m: re.Match[str]) -> float:
    raw = m.group("n").lower()
    value = 1.0 if raw in ("a", "an") else float(raw) if raw.isdigit() else number_words()[raw]
    return value * _words().units[m.group("unit").lower()]


_REASON = re.compile(r",\s*(?:so|since|because|as)\b")
_OPENING_PARTICIPLE = re.compile(r"^\s*(?:the\s+|all\s+|any\s+)?[a-z]+ed\s+(?=[a-z-]+\s)", re.I)


@lru_cache(maxsize=4096)
def read_time_window(text: str) -> TimeWindow | None:
    """The one window a sentence states for one act, or None (no window form, no act, or a settled case)."""
    lower = text.lower()
    if not any(w in lower for w in ("within", "you have", "window", " due ", "closes")):
        return None  # most sentences: one cheap look before the patterns
    w = _words()
    if w.settled.search(text):
        return None
    for form in w.forms:
        m = form.search(text)
        if m is None:
            continue
        if w.others.search(m.group("act")):
            return None  # "Team leads aim to close disputes within a week": the leads' time, not the rater's
        # the act named first: "reopen their own submitted batch" is a window to reopen, not to submit
        # a participle that opens the subject names the item, not the act ("Escalated images are removed ...")
        act_text = _OPENING_PARTICIPLE.sub("", m.group("act"))
        named = [(found.start(), key, rx) for key, rx in w.acts if (found := rx.search(act_text))]
        if named:
            _, act, act_words = min(named, key=lambda n: n[:2])
            # the words of a reason ("so there is no need to rush one out") name no sub-case, nor does the act's own
            # word ("escalated")
            words = re.findall(r"[a-z]+", _REASON.split(lower, maxsplit=1)[0])
            cases = frozenset(c for c in words if c in w.sub_cases and not act_words.match(c))
            return TimeWindow(act, _seconds(m), cases, m.span("n")[:1] + m.span("unit")[1:])
    return None


__all__ = ["TimeWindow", "read_time_window"]
