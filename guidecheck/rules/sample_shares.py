"""How much of a rater's work is sampled for one purpose: the audit's share, or the share of gold items.

"Reviewers audit a random 10% of each annotator's submitted clips" and "QA pulls one clip in every five from each
annotator's weekly batch for a full audit" state one sample two ways, as a percent and as "one in every N"; so do
"Gold items make up 10% of every batch" and "Each 25-item batch contains five gold items". Decks state the sample
in the quality section and again in a FAQ, an errata page or a table, and the two often disagree. Read into one
form (what the sample is for, and its share) two statements of it can be compared (CON004), and a sentence that
states one is a rule even with no modal verb in it. A bound on a share ("capped at 10% of the items", "at most")
is a limit, not the sample, and a quality bar ("more than 15% of their problems rejected") is read as a bar.

The words are data (``data/rules.toml`` [sample_shares]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .quality_bars import read_quality_bar
from .quantities import number_words, number_words_pattern


@dataclass(frozen=True)
class SampleShare:
    """One statement of a sample's size, as a share of the work it is drawn from."""

    purpose: str  # "gold" or "audit"
    share: float
    span: tuple[int, int]  # the words that state the share


@dataclass(frozen=True)
class _Words:
    purposes: tuple[tuple[str, re.Pattern[str]], ...]
    shares: tuple[re.Pattern[str], ...]
    bound: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = lexicon().data["sample_shares"]
    num = r"(?:\d+(?:\.\d+)?|" + number_words_pattern() + r")"
    return _Words(
        purposes=tuple((name, re.compile(rx, re.I)) for name, rx in d["purposes"].items()),
        shares=tuple(re.compile(rx.replace("NUM", num), re.I) for rx in d["shares"]),
        bound=re.compile(d["bound"], re.I),
    )


def _number(text: str) -> float:
    text = text.lower()
    return float(text) if text[0].isdigit() else number_words()[text]


def _share(m: re.Match[str]) -> float | None:
    groups = m.groupdict()
    if groups.get("pct"):
        return float(groups["pct"]) / 100
    part, whole = _number(groups["m"]), _number(groups["n"])
    return part / whole if whole and part < whole else None


def purpose_of(text: str) -> str | None:
    """What a text names a sample for ("Gold items", "Audit"), or None."""
    return next((name for name, rx in _words().purposes if rx.search(text)), None)


@lru_cache(maxsize=4096)
def read_sample_share(text: str) -> SampleShare | None:
    """The sample a sentence states, or None."""
    w = _words()
    purpose = next((name for name, rx in w.purposes if rx.search(text)), None)
    if purpose is None:
        return None
    for rx in w.shares:
        m = rx.search(text)
        if m is None or w.bound.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        share = _share(m)
        if share is not None and read_quality_bar(text) is None:
            return SampleShare(purpose, round(share, 6), m.span())
    return None


__all__ = ["SampleShare", "purpose_of", "read_sample_share"]
