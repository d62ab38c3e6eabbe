"""A rule that picks one thing over another in words, and a rule that picks the other (CON005).

"Take the weather fields from the start-of-count weather box, not the end-of-count box" and "A: Use the end-of-count
weather box"; "Judge the reading level against the youngest age in the requested band, not the oldest" and "Use the
oldest age in the band as your reference point when you score reading level"; "Check the Tax year field against the
year in the batch header, not against the year printed on the form" and "Check it against the year printed on the
form itself". The first rule settles a choice between two named things and refuses one; the second picks the
refused one. A rater who reads one page does the opposite of a rater who reads the other. The second rule must
name what the first refuses (its words that the picked one lacks), not the picked one, in its main clause; and the
two must be about one thing: the same act, or two words besides the options. A condition of the second rule that
the first lacks makes it a narrower case (reported as such, opt-in). Patterns are data
(``data/contradictions.toml`` [refused_alternatives]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import scan_readings
from .lexicon import content, data, stem
from .relate import Relation, decided, stated_together
from .text import as_read, find_span, quoted


class _Patterns(NamedTuple):
    refused: re.Pattern[str]
    generic: frozenset[str]
    picking: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    d = data()["refused_alternatives"]
    return _Patterns(
        re.compile(d["refused"], re.I),
        content(" ".join(d["generic"])),
        frozenset(stem(w) for w in d["picking"]),
    )


class Pick(NamedTuple):
    claim: Claim
    chosen: frozenset[str]  # the words of the picked option that the refused one lacks
    refused: frozenset[str]  # the words of the refused option that the picked one lacks
    context: frozenset[str]  # the rule's other words: what the choice is about
    words: str  # "the start-of-count weather box, not the end-of-count box", for the span


def read_pick(claim: Claim) -> Pick | None:
    """The two options of a rule that picks one and refuses the other in words, or None."""
    if claim.deontic != "O" or claim.exception:
        return None  # a definition or a description ("any reply in which the bot speaks as an AI rather than as the
        # persona") picks nothing
    text = unquoted(claim.text)
    m = _patterns().refused.search(text)
    if m is None:
        return None
    after = text[m.end() :]
    prep = _PREPOSITION.match(after)
    a, b = _option_before(text[: m.start()], prep.group(1).lower() if prep else ""), _option_after(after)
    if not a or not b:
        return None
    wa, wb = _words(a), _words(b)
    first = next((w for w in _ordered(a) if w not in wb), None)
    refused = wb - wa
    if first is None or not refused or len(refused) > 4:
        return None
    context = content(text.replace("-", " ")) - {first} - refused - _patterns().generic
    end = m.end() + len(re.split(r"[,;.:!?]", after, maxsplit=1)[0])
    return Pick(claim, frozenset({first}), refused, context, text[text.rfind(a, 0, m.start()) : end].strip())


_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|your|his|her|this|that)\s+", re.I)


def _option_before(before: str, preposition: str) -> str:
    """The option a rule picks: the noun phrase before the refusal, from the preposition the refused option repeats
    ("against the year in the batch header, not against ..."), else from the last preposition that opens a phrase
    ("from the start-of-count weather box"), else from the clause's first article ("the language of the main text"),
    else the name before it ("Casual")."""
    clause = re.split(r"[,;:]\s", before)[-1]
    if preposition:
        at = clause.lower().rfind(f" {preposition} ")
        if at >= 0:
            return _DETERMINER.sub("", clause[at + len(preposition) + 2 :], count=1).strip()
    opens = list(_OPENS.finditer(clause)) or list(_DETERMINER.finditer(clause))[:1]
    if opens:
        return clause[opens[-1].end() :].strip()
    names = re.findall(r"(?:[A-Z][\w'’-]*\s?)+$", clause.strip())
    return names[0].strip() if names else ""


_OPENS = re.compile(r"\b(?:against|from|to|for|by|on|with|at|as|over)\s+(?:the|a|an|its|their|your)\s+", re.I)
_NOUN_PHRASE = re.compile(
    r"^\s*(?:(?:against|from|to|for|by|on|in|with|at|as)\s+)?(?:(?:the|a|an|its|their|your|his|her|this|that)\s+|[A-Z])"
)
_PREPOSITION = re.compile(r"^\s*(against|from|to|for|by|on|in|with|at|as)\s+", re.I)


def _option_after(after: str) -> str:
    """The option a rule refuses: what follows "not" up to the clause's end, its preposition and article left out.
    A verb there ("rather than routed", "instead of picking one") refuses another act, not another option."""
    option = re.split(r"[,;.:!?)]", after, maxsplit=1)[0]
    if not _NOUN_PHRASE.match(option):
        return ""
    option = re.sub(r"^\s*(?:(?:against|from|to|for|by|on|in|with|at|as)\s+)?", "", option)
    option = _DETERMINER.sub("", option, count=1) if _DETERMINER.match(option) else option
    return option.strip() if len(option.split()) <= 6 else ""


def _ordered(option: str) -> list[str]:
    return [w for t in re.findall(r"[\w'’]+", option.replace("-", " ")) for w in content(t)]


def _words(option: str) -> frozenset[str]:
    return content(option.replace("-", " ")) - _patterns().generic


def _main_clause(claim: Claim) -> str:
    """What the rule says, less its condition and any clause after a semicolon ("Use the end-of-count box; the
    start-of-count box is only a fallback")."""
    text = unquoted(claim.text)
    if claim.condition_text and claim.condition_text in text:
        text = text.replace(claim.condition_text, " ")
    return re.split(r";\s", text, maxsplit=1)[0]


def _picks_refused(pick: Pick, other: Claim) -> bool:
    if (
        other.deontic != "O"
        or other.rule.id == pick.claim.rule.id
        or _patterns().refused.search(unquoted(other.text))
    ):
        return False
    said = content(_main_clause(other).replace("-", " "))
    if not pick.refused <= said or pick.chosen & said:
        return False
    act, other_act = pick.claim.action, other.action
    if act is None or other_act is None or act in _NO_ACT or other_act in _NO_ACT:
        return False
    if act == other_act:
        return True
    # "Take the weather fields from the start-of-count box" / "Use the end-of-count weather box": two verbs of
    # picking, one thing (two of its words in the other rule's main clause)
    picking = _patterns().picking
    return act in picking and other_act in picking and len(pick.context & said) >= 2


_NO_ACT = frozenset({"ar", "is", "be", "wer", "was", "hav", "has", "do"})


def _conflict(pick: Pick, other: Claim) -> Conflict | None:
    if stated_together(pick.claim.rule, other.rule) or not _picks_refused(pick, other):
        return None
    why = (
        f"{quoted(as_read(pick.claim.rule))} picks one option over another (“{pick.words}”), but "
        f"{quoted(as_read(other.rule))} picks the one it refuses."
    )
    return Conflict("CON005", 0.8, why, find_span(pick.claim.rule, pick.words), True)


def refused_alternative_relations(claims: list[Claim]) -> list[Relation]:
    """CON005 (or what explains it away) for a rule that picks one option over another and a rule that picks the
    other; the rules compared are those that name the refused option's words."""
    picks = scan_readings(claims, read_pick)
    if not picks:
        return []
    # each order's words, read once: every pick is matched against every order
    orders = scan_readings(claims, lambda c: c if c.deontic == "O" else None)
    said = [(c, c.everything | content(c.text.replace("-", " "))) for c in orders]
    out: list[Relation] = []
    for pick in picks:
        for other, words in said:
            if not pick.refused <= words:
                continue
            found = _conflict(pick, other)
            if found is not None:
                a, b = sorted((pick.claim, other), key=lambda c: c.rule.id)
                if (rel := decided(a, b, found)) is not None:
                    out.append(rel)
    return out


__all__ = ["read_pick", "refused_alternative_relations"]
