"""Words and phrases a rule asks the written output to have or not to have, each with its own polarity.

One sentence often says both: "Call them 'clients'; do not use 'patient'", "Write 'method' rather than
'function'", "Replace 'Customer' with 'Client'". The rule's force alone would give both words one polarity, so
each mention takes the polarity of its own clause: a negative cue in the clause (never, avoid, is banned, must
not appear, without ...) or right before the mention (rather than, instead of, not) makes it forbidden; an
obligation or an imperative makes it required; a clause without cues inherits the rule's force. Mentions are
quoted ("'okay'"), named ("the word okay") or listed ("words such as image, photo or picture"). Cue words live
in data/contradictions.toml [output_phrases].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import data, phrase_pattern


@dataclass(frozen=True)
class _Cues:
    quoted: re.Pattern[str]
    named: re.Pattern[str]
    listed: re.Pattern[str]
    boundary: re.Pattern[str]
    negative: re.Pattern[str]
    negative_separable: re.Pattern[str]
    not_negative: re.Pattern[str]
    before_negative: re.Pattern[str]
    positive: re.Pattern[str]
    replace: re.Pattern[str]
    condition: re.Pattern[str]
    verbs: re.Pattern[str]
    verb_spans: re.Pattern[str]
    purpose: re.Pattern[str]
    slots: tuple[tuple[str, re.Pattern[str]], ...]
    marking: re.Pattern[str]
    source: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = data()["output_phrases"]
    return _Cues(
        quoted=re.compile("|".join(d["quoted"])),
        named=re.compile(d["named"], re.I),
        listed=re.compile(d["listed"], re.I),
        boundary=re.compile(d["clause_boundary"]),
        negative=phrase_pattern(d["negative"]),
        negative_separable=re.compile(d["negative_separable"], re.I),
        not_negative=re.compile(d["not_negative"], re.I),
        before_negative=re.compile(d["before_negative"], re.I),
        positive=phrase_pattern(d["positive"]),
        replace=re.compile(d["replace"], re.I),
        condition=re.compile(d["condition"], re.I),
        verbs=phrase_pattern(d["verbs"]),
        verb_spans=re.compile(d["verb_spans"], re.I),
        purpose=re.compile(d["purpose"], re.I),
        slots=tuple((name, re.compile(rx, re.I)) for name, rx in d["slots"].items()),
        marking=re.compile(d["marking"], re.I),
        source=re.compile(d["source"], re.I),
    )


def _clean(phrase: str) -> str:
    return " ".join(phrase.lower().split()).strip(" ,.;:\"'“”‘’")  # "!" and "?" are part of what is written


def quote_spans(text: str) -> list[re.Match[str]]:
    """Every quoted phrase of the text."""
    return list(cues().quoted.finditer(text))


def condition_spans(text: str) -> list[re.Match[str]]:
    """Every condition of the text ("if the prompt is not in English", "when the caller is angry")."""
    return list(cues().condition.finditer(text))


def _mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every quoted, named or listed word, quoted ones first; no two overlap."""
    c, found = cues(), []
    for m in c.quoted.finditer(text):
        q = next(g for g in m.groups() if g is not None)
        found.append((m.start(), m.end(), q))
    for rx in (c.named, c.listed):
        for m in rx.finditer(text):
            for item in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|/", m.group("q")):
                start = m.start("q") + m.group("q").find(item)
                found.append((start, start + len(item), item))
    out: list[tuple[int, int, str]] = []
    for start, end, phrase in found:
        if _clean(phrase) and not any(s < end and start < e for s, e, _ in out):
            out.append((start, end, phrase))
    return sorted(out)


# A negation inside a relative clause qualifies a noun ("Questions that the documents do not answer go through
# the 'Ask a lead' button"): it forbids nothing in the output.
# ... and one without its pronoun, after the mention: "Put [unclear] on every word you cannot make out".
_REDUCED_RELATIVE_NEGATION = re.compile(
    r"\b(?:you|they|we|he|she)\s+(?:can|could|do|does|did|will|would|are|is|have|has)(?:\s*not|n['’]t)\b",
    re.I,
)
_RELATIVE_NEGATION = re.compile(
    r"\b(?:that|which|who|whom)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:do|does|did|can|could|will|would|is|are|was|were|has|have)(?:\s+not|n['’]t)\b",
    re.I,
)


# A negated phrase coordinated after a mention ("written in the third person, never speaking to the reader",
# "use 'colour' and not 'color'"): its negation is its own, not the mention's.
_COORDINATED_NEGATION = re.compile(
    r"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:never|not|no|without|do\s+not|don['’]t)\b", re.I
)


_BLANK = "\x00"  # neither a word nor a space: "and" before a blanked mention is no coordinator of words
# A coordinator between words, not inside a list of mentions (the other mentions are blanked).
_COORDINATOR = re.compile(r"(?<=[\w)]),\s*(?:and|but)\s+(?=\w)|(?<=\w)\s+but\s+(?=\w)", re.I)
_BUT = re.compile(r"(?:,\s*|\s+)but\s+", re.I)  # a contrast starts a clause of its own


def _contrast_start(text: str, left: int, start: int) -> int:
    """Where a contrast with a verb of its own opens before the mention ("Avoid 'X' but keep 'Y'"): the words
    before it are another clause's. A bare "but" ("say 'X' but never 'Y'") opens none."""
    for m in reversed(list(_BUT.finditer(text, left, start))):
        between = text[m.end() : start]
        if cues().verbs.search(between) or cues().verb_spans.search(between):
            return m.end()
    return left


def _coordinated_negation(text: str, end: int, right: int) -> int:
    """Where a negated phrase or clause coordinated after the mention starts ("stay polite, and matching their
    tone is never rewarded"), or ``right`` when there is none."""
    cut = _COORDINATED_NEGATION.search(text, end, right)
    if cut:
        return cut.start()
    for m in _COORDINATOR.finditer(text, end, right):
        if cues().negative.search(text, m.end(), right):
            return m.start()
    return right


def _bounds(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the clause around a mention starts and ends: the nearest boundaries (; : dashes and sentence ends)
    that are not inside another mention."""
    inside = [(s, e) for s, e in quotes if (s, e) != (start, end)]

    def free(m: re.Match[str]) -> bool:
        return not any(s <= m.start() < e for s, e in inside)

    left = max((m.end() for m in cues().boundary.finditer(text, 0, start) if free(m)), default=0)
    right = next((m.start() for m in cues().boundary.finditer(text, end) if free(m)), len(text))
    return left, right


def _clause(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[str, int]:
    """The clause around a mention, without its conditions, relative-clause negations and a negated phrase
    coordinated after it, and where it ends: between the nearest boundaries (; : dashes and sentence ends) that
    are not inside another mention. Words that look negative but forbid nothing ("... to run it without us")
    are left out too."""
    left, right = _bounds(text, start, end, quotes)
    text = _quotes_blanked(text, start, end, quotes)  # 'include the line "No trip is complete without ..."'
    right = _coordinated_negation(text, end, right)  # "third person, never speaking to the reader"
    left = _contrast_start(text, left, start)  # "Avoid 'X' but keep 'Y'"
    tail = _REDUCED_RELATIVE_NEGATION.sub(" ", text[end:right])  # "on every word you cannot make out"
    clause = cues().condition.sub(" ", text[left:start] + " | " + tail)
    clause = cues().not_negative.sub(" ", clause)
    return _RELATIVE_NEGATION.sub(" ", clause).strip(" ,"), right


def _quotes_blanked(text: str, start: int, end: int, mentions: list[tuple[int, int]]) -> str:
    """The text with every quoted passage and other mention but the mention's own blanked: the words a rule
    quotes are what the output says, not the rule's force ("Include the line 'No refunds without a receipt'")."""
    spans = [m.span() for m in cues().quoted.finditer(text)] + list(mentions)
    for s, e in spans:
        if e <= start or s >= end:
            text = text[:s] + _BLANK * (e - s) + text[e:]
    return text


def _imperative(clause: str) -> bool:
    """The clause opens with an output verb ("Bold the word ...", "End every reply with ..."): a command."""
    head = re.sub(r"^(?:[-*•]\s*)?(?:(?:always|please|also|then|just|and)\s+)*", "", clause, flags=re.I)
    c = cues()
    return bool(
        c.verbs.match(head)
        or c.verb_spans.match(head)
        # "...; describe what they reported in neutral words": a later clause that tells how to word the output
        or re.match(
            r"(?:be|make|sound|stay|adopt|describe|explain|summari[sz]e|paraphrase|rephrase|restate)\b",
            head,
            re.I,
        )
    )


def mention_polarity(
    text: str,
    span: tuple[int, int],
    rule_pol: str | None,
    spans: tuple[tuple[int, int], ...] = (),
    verb: bool = True,
) -> str | None:
    """The polarity of the words at ``span``: from cues right before them, then their clause, then the rule's
    force. None when ``verb`` is asked for and the clause has no verb about the written output."""
    c, (start, end) = cues(), span
    clause, clause_end = _clause(text, start, end, list(spans))
    if verb and not (
        c.verbs.search(clause) or c.verb_spans.search(clause) or c.negative_separable.search(clause)
    ):
        return None
    before = text[max(0, start - 40) : start]
    if c.before_negative.search(before):
        return "-"
    replace = c.replace.search(text[:start])
    if replace:  # "Replace 'A' with 'B'": A goes, B comes
        return "+" if re.search(r"\b(?:with|by)\b", text[replace.end() : start], re.I) else "-"
    if c.negative.search(clause) or c.negative_separable.search(clause):
        return "-"
    if c.positive.search(clause) or _imperative(clause):
        return "+"
    if rule_pol == "-" and _negated_later(text, clause_end):
        return "+"  # "Formal, courteous register; avoid contractions": the ban is the later clause's
    return rule_pol


def _negated_later(text: str, clause_end: int) -> bool:
    """The sentence's negative words all come after the clause: a negation does not reach back across a
    clause boundary."""
    c = cues()
    return not c.negative.search(text[:clause_end]) and bool(c.negative.search(text, clause_end))


def _slot(text: str, start: int) -> str:
    """The place in the output a required phrase is bound to ("Begin with ...", "The final line must be ..."),
    read in the words before it; "" when it may appear anywhere, and in a sentence about marking spans of the
    input ("the title and "in his official capacity" stay outside the span"), which names no place in a text the
    rater writes."""
    if cues().marking.search(text):
        return ""
    left = text[max(0, start - 60) : start]
    left = left[max((m.end() for m in cues().boundary.finditer(left)), default=0) :]
    return next((name for name, rx in cues().slots if rx.search(left)), "")


def phrase_polarities(text: str, rule_pol: str | None) -> list[tuple[str, str]]:
    """(phrase, "+" | "-") for every word or phrase the sentence requires or forbids in the output."""
    return [(phrase, pol) for phrase, pol, _ in phrase_mentions(text, rule_pol)]


def phrase_mentions(text: str, rule_pol: str | None) -> list[tuple[str, str, str]]:
    """(phrase, polarity, slot) for every word or phrase the sentence requires or forbids in the output."""
    out = []
    mentions = _mentions(text)
    spans = tuple((s, e) for s, e, _ in mentions)
    for start, end, phrase in mentions:
        if text[start : start + 1] in "\"“'‘" and cues().source.search(text, max(0, start - 12), start):
            continue  # 'in "MRN: 00481736" only the number is highlighted': the quoted text is the input
        pol = mention_polarity(text, (start, end), rule_pol, spans)
        if pol == "-" and cues().purpose.match(text, end):
            continue  # "Don't use [x] to label ...": a ban on one use of the word, not on the word
        if pol is not None:
            out.append((_clean(phrase), pol, _slot(text, start) if pol == "+" else ""))
    return list(dict.fromkeys(out))


__all__ = ["condition_spans", "mention_polarity", "phrase_mentions", "phrase_polarities", "quote_spans"]
