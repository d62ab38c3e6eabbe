"""Output-constraint frames: what the written output must or must not contain, its tone and its language.

Read from a rule's own text (and its lead-in: "Never use these words:" + "- awesome"), with the rule's force as
the polarity: "+" the output must (or may) have it, "-" it must not. Counts of words, headers, bullets ... are
the rule's quantities and compared by the numeric detector. Word lists live in data/contradictions.toml [output].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .claims import Claim
from .lexicon import data, phrase_pattern


@dataclass(frozen=True)
class _Words:
    quoted: re.Pattern[str]
    named: re.Pattern[str]
    verbs: re.Pattern[str]
    tones: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    languages: frozenset[str]
    language_cue: re.Pattern[str]
    input_language: re.Pattern[str]


@lru_cache(maxsize=1)
def words() -> _Words:
    d = data()["output"]
    return _Words(
        quoted=re.compile(d["quoted"]),
        named=re.compile(d["named"], re.I),
        verbs=phrase_pattern(d["verbs"]),
        tones=tuple((phrase_pattern(t["a"]), phrase_pattern(t["b"])) for t in d["tones"]),
        languages=frozenset(d["languages"]),
        language_cue=re.compile(d["language_cue"]),
        input_language=re.compile(d["input_language"], re.I),
    )


@dataclass(frozen=True)
class OutputFrame:
    phrases: tuple[tuple[str, str], ...] = ()  # (phrase, "+" | "-")
    tones: tuple[tuple[int, str, str, str], ...] = ()  # (axis, pole "a" | "b", polarity, word as written)
    languages: tuple[tuple[str, str], ...] = ()  # (language, polarity)

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tones or self.languages)


def _polarity(claim: Claim) -> str | None:
    return {"F": "-", "O": "+", "P": "+"}.get(claim.deontic or "")


def _phrases(claim: Claim) -> list[str]:
    w = words()
    text, lead = claim.rule.text, claim.rule.lead_in or ""
    out: list[str] = []
    if w.verbs.search(text):
        out += [m.group("q") for m in w.quoted.finditer(text)]
        out += [m.group("q") for m in w.named.finditer(text)]
    if lead and w.verbs.search(lead) and len(text.split()) <= 4:
        out.append(text.strip(" .\"“”'"))
    return [" ".join(p.lower().split()) for p in out if p.strip()]


def _languages(text: str) -> list[str]:
    w = words()
    found = []
    for m in w.language_cue.finditer(text):
        lang = (m.group("lang") or m.group("lang2") or m.group("lang3") or "").lower()
        if lang in w.languages:
            found.append(lang)
    if w.input_language.search(text):
        found.append("the input's language")
    return found


def output_frame(claim: Claim) -> OutputFrame:
    pol = _polarity(claim)
    if pol is None:
        return OutputFrame()
    text = claim.rule.text
    tones = []
    for axis, (a, b) in enumerate(words().tones):
        for pole, rx in (("a", a), ("b", b)):
            m = rx.search(text)
            if m:
                tones.append((axis, pole, pol, m.group(0)))
    return OutputFrame(
        phrases=tuple((p, pol) for p in _phrases(claim)),
        tones=tuple(tones),
        languages=tuple((lang, pol) for lang in _languages(text)),
    )


def _phrase_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    for pa, sa in a.phrases:
        for pb, sb in b.phrases:
            if sa == sb:
                continue
            must, mustnt = (pa, pb) if sa == "+" else (pb, pa)
            # The forbidden word inside the required phrase: the phrase cannot appear without it.
            if must == mustnt or re.search(rf"(?<!\w){re.escape(mustnt)}(?!\w)", must):
                return pa, pb
    return None


def _tone_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    for axis, pole, pol, word in a.tones:
        for axis_b, pole_b, pol_b, word_b in b.tones:
            if axis != axis_b:
                continue
            if (pole == pole_b and pol != pol_b) or (pole != pole_b and pol == pol_b == "+"):
                return word, word_b
    return None


def _language_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    for la, sa in a.languages:
        for lb, sb in b.languages:
            if (la == lb and sa != sb) or (la != lb and sa == sb == "+"):
                return la, lb
    return None


def output_conflict(a: OutputFrame, b: OutputFrame) -> tuple[str, str, str] | None:
    """(kind, what a says, what b says) when no output can meet both frames."""
    if not a or not b:
        return None
    for kind, clash in (("phrase", _phrase_clash), ("tone", _tone_clash), ("language", _language_clash)):
        hit = clash(a, b)
        if hit:
            return kind, hit[0], hit[1]
    return None


__all__ = ["OutputFrame", "output_conflict", "output_frame"]
