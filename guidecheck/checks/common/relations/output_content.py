"""Topics the written output must cover or must leave out.

"Describe the side effects of the flu vaccine" and "Leave out anything to do with vaccination" cannot both be
met: the ban covers a topic the requirement asks for. A topic is the noun phrase a content verb governs
("describe", "mention", "cover", ...) with the polarity of its clause, or the phrase an exclusion names ("leave
X out", "free of X", "X is off-limits"). Two topics clash when the forbidden one is as broad as the required one
or broader: its content words are all among the required topic's ("restaurants" / "two restaurants to try").
A narrower ban ("trailing punctuation" against "punctuation") is an exception, not a conflict. Word lists live in
data/contradictions.toml [output_content].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import content, data, phrase_pattern, stem
from .output_phrases import mention_polarity

_ABOUT = re.compile(
    r"^(?:anything|everything|any\w*|all)\s+(?:to do with|about|related to|regarding|concerning|on)\s+", re.I
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|my|your|our|their|his|her|its|each|every|any|no)\s+$", re.I
)
_AMOUNT = re.compile(
    r"^(?:(?:at least|at most|up to|exactly|no more than)\s+)?(?:\d+|one|two|three|four|five|six|a few|several|some)\s+",
    re.I,
)
# "naming the problem is enough": the gerund is the subject; "naming the forum it was taken from": a relative clause's
_GERUND_SUBJECT = re.compile(
    r"^[^,.;:!?]{0,60}?(?<!\bit\s)(?<!\bthey\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:is|are|was|were)\b",
    re.I,
)
_RESTRICTION = re.compile(r"(?:unless|when|if|where|that|which|who|except|other than|only|but)\b", re.I)


@dataclass(frozen=True)
class Topic:
    words: frozenset[str]  # stemmed content words
    polarity: str  # "+" cover it, "-" leave it out
    text: str


@dataclass(frozen=True)
class _Cues:
    include: re.Pattern[str]
    exclude: tuple[re.Pattern[str], ...]
    end: re.Pattern[str]
    filler: frozenset[str]
    not_output: re.Pattern[str]
    elsewhere: re.Pattern[str]


@dataclass(frozen=True)
class Family:
    name: str
    topic: frozenset[str]  # stemmed words of a banned topic that name the family
    evidence: re.Pattern[str]  # what shows a member in a required phrase or topic


_PARTICLE_OBJECTS = ("it", "them", "this", "that", "these", "those")


def _not_after(words: list[str]) -> str:
    """A lookbehind per word: the match does not end right after one of them ("point out", "find out"), or after
    one of them and a pronoun ("an admin will sort it out")."""
    return "".join(
        rf"(?<!\b{re.escape(w)})" + "".join(rf"(?<!\b{re.escape(w)} {p})" for p in _PARTICLE_OBJECTS)
        for w in words
    )


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = data()["output_content"]
    return _Cues(
        include=phrase_pattern(d["include"]),
        exclude=tuple(
            re.compile(x.replace("OUT_VERBS", _not_after(d["out_verbs"])), re.I) for x in d["exclude"]
        ),
        end=re.compile(d["topic_end"], re.I),
        filler=frozenset(d["filler"]),
        not_output=re.compile(d["not_output"], re.I),
        elsewhere=re.compile(d["elsewhere"], re.I),
    )


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    d = data()["output_content"].get("families", {})
    return tuple(
        Family(name, content(" ".join(f["topic"])), re.compile(f["evidence"], re.I))
        for name, f in sorted(d.items())
    )


def banned_families(topics: tuple[Topic, ...]) -> list[tuple[Family, Topic]]:
    """The families a rule's left-out topics name ("keep pricing and discounts out" -> money)."""
    return [(f, t) for t in topics if t.polarity == "-" for f in families() if t.words & f.topic]


def shown_families(texts: list[str]) -> list[tuple[Family, str]]:
    """The families a rule's required phrases or topics show a member of ("save 20%" -> money)."""
    return [(f, x) for x in texts for f in families() if f.evidence.search(x)]


def family_clash(
    banned: list[tuple[Family, Topic]], shown: list[tuple[Family, str]]
) -> tuple[str, str] | None:
    """(the left-out topic, the required wording) when the wording shows a member of the banned family."""
    for f, topic in banned:
        for g, text in shown:
            if f.name == g.name:
                return topic.text, text
    return None


def _topics(phrase: str) -> list[str]:
    """The topic phrases a content verb governs, cut where the clause moves on, split at "X, Y or Z". A topic
    cut by a restriction ("determiners that are part of a name", "the fee unless asked") is a narrower case
    this reading cannot hold, so it yields none."""
    phrase = _ABOUT.sub("", _AMOUNT.sub("", phrase.strip()))
    cut = cues().end.search(phrase)
    if cut and _RESTRICTION.match(cut.group(0).strip(" ,(")):
        return []
    phrase = phrase[: cut.start()] if cut else phrase
    return [p for p in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", phrase) if p.strip()]


# "leave the name of the forum out" / "name the forum": the name of a thing is the thing ("candidate names" is not)
_NAME_OF = re.compile(r"^\s*(?:the\s+|its\s+|their\s+)?names?\s+of\s+", re.I)


def _topic(text: str, pol: str) -> Topic | None:
    words = content(_NAME_OF.sub("", text), cues().filler)
    return Topic(words, pol, text.strip()) if words else None


@lru_cache(maxsize=65536)
def output_topics(text: str, pol: str | None) -> tuple[Topic, ...]:
    """Every topic the rule asks the output to cover (+) or to leave out (-)."""
    c, out = cues(), []
    for m in c.include.finditer(text):
        if _DETERMINER_BEFORE.search(text[: m.start()]):
            continue  # "a cover letter", "the mention count": the word is a noun here
        rest = re.split(r"[.;:!?—–]", text[m.end() :], maxsplit=1)[0]
        if (
            c.not_output.match(rest)
            or c.elsewhere.search(rest)
            or (m.group(0).lower().endswith("ing") and _GERUND_SUBJECT.match(rest))
        ):
            # "do not mention the call to anyone", "give the call a rating", "naming the problem is enough",
            # "do not share screenshots outside the platform": a person told, a score handed out, a statement
            # about doing it, where the thing may go; no part of the output
            continue
        topic_pol = mention_polarity(text, (m.end(), m.end() + len(rest)), pol, verb=False)
        out += [t for p in _topics(rest) if topic_pol and (t := _topic(p, topic_pol))]
    for rx in c.exclude:
        for m in rx.finditer(text):
            # "must not exclude the final answer", "never leave out X": an exclusion denied keeps the topic in
            pol = "+" if _DENIED.search(text[max(0, m.start() - 20) : m.start()]) else "-"
            out += [t for p in _topics(m.group("topic")) if (t := _topic(p, pol))]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def item_topics(text: str, lead: str) -> tuple[Topic, ...]:
    """The topics of an item under a lead-in that asks to cover or include things ("It should cover:" + "- Pest
    pressure, including which pesticides were applied"): the item names what to cover, with the lead-in's
    polarity. An item with a content verb of its own is read by ``output_topics``."""
    c, lead = cues(), lead.strip()
    if (
        not lead.endswith(":")
        or len(lead.split()) > 8
        or not c.include.search(lead)
        or c.include.search(text)
    ):
        return ()  # a short lead-in such as "It should cover:", and an item without a content verb of its own
    pol = "-" if _NEGATIVE_LEAD.search(lead) else "+"
    item = re.split(r"[(:—–]", text, maxsplit=1)[0]  # "Weather: the dry May", "Benefits (calmer ...)"
    parts = [_ITEM_OPENER.sub("", p) for p in _ITEM_PARTS.split(item)]  # "Who qualifies, including ..."
    return tuple(dict.fromkeys(t for p in parts if (t := _topic(p, pol))))


# A negation right before an exclusion verb ("must not exclude", "never omit", "don't leave").
_DENIED = re.compile(r"(?:\bnot|\bnever|n't|\bno longer)\s+(?:\w+\s+)?$", re.I)

_NEGATIVE_LEAD = re.compile(r"\b(?:not|never|don't|do not|avoid|no)\b", re.I)
_ITEM_PARTS = re.compile(r",?\s+(?:including|such as|especially|particularly|and|or)\s+|,\s*|;\s*", re.I)
_ITEM_OPENER = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:(?:who|what|how|which|why|when|where)\b(?:\s+to\b)?\s*)?", re.I
)


def topic_clash(a: tuple[Topic, ...], b: tuple[Topic, ...]) -> tuple[str, str] | None:
    """(what a says, what b says) when b forbids a topic at least as broad as one a requires, or the reverse."""
    for x in a:
        for y in b:
            if x.polarity == y.polarity:
                continue
            must, mustnt = (x, y) if x.polarity == "+" else (y, x)
            if all(any(_same(w, r) for r in must.words) for w in mustnt.words):
                return x.text, y.text
    return None


def phrase_topic_clash(phrases: list[str], topics: tuple[Topic, ...]) -> tuple[str, str] | None:
    """(the required wording, the left-out topic) when the wording itself talks about the topic: every word of
    the topic is in it ("Leave side effects out" / 'Include: "Most side effects are mild."')."""
    for phrase in phrases:
        words = {stem(w) for w in re.findall(r"[a-z][\w'-]*", phrase.lower())}  # every word: "give" too
        for t in topics:
            if t.polarity == "-" and all(any(_same(w, r) for r in words) for w in t.words):
                return phrase, t.text
    return None


def _same(a: str, b: str) -> bool:
    """One word, however the crude stemmer left it: 'vaccin' / 'vaccination', 'restaurant' / 'restaurants'."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


__all__ = [
    "Topic",
    "banned_families",
    "family_clash",
    "item_topics",
    "output_topics",
    "phrase_topic_clash",
    "shown_families",
    "topic_clash",
]
