"""Output-constraint frames: what the written output must or must not contain, its tone and its language.

Read from a rule's own text (and its lead-in: "Never use these words:" + "- awesome"), with the rule's force as
the polarity: "+" the output must (or may) have it, "-" it must not. Counts of words, headers, bullets ... are
the rule's quantities and compared by the numeric detector. Word lists live in data/contradictions.toml [output].
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .claims import Claim
from .item_judgments import judges_the_item, modifies_the_input
from .lexicon import data, phrase_pattern
from .output_content import Topic, item_topics, output_topics
from .output_counts import Bound, output_counts
from .output_language import language_cues, output_languages
from .output_phrases import mention_polarity, phrase_mentions, quote_spans

_QUOTE = re.compile(r"[\"“‘\[]|(?<!\w)'|(?<![\w&])#[A-Za-z]")
_WORDS = re.compile(r"[a-z]+")
_RATES = re.compile(r"\b(?:rat|scor|grad|mark|label|tag|classif|assign|judg|count)\w*", re.I)
_CONTRACTION = re.compile(r"\b\w+(?:n't|'re|'ve|'ll|'m|'d)\b|\bit's\b|\blet's\b", re.I)
_MODIFIES_WORDING = re.compile(
    r"(?:\s*,?\s*[\w-]+){0,2}?\s+(?:sentences|words|terms|language|vocabulary|prose|wording)\b", re.I
)


@dataclass(frozen=True)
class _Words:
    verbs: re.Pattern[str]
    tones: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    languages: frozenset[str]
    scripts: frozenset[str]
    script_languages: frozenset[str]  # scripts that are also languages ("Latin")
    script_of: dict[str, frozenset[str]]  # the scripts a language is written in (absent: Latin)
    language_cue: re.Pattern[str]
    input_language: re.Pattern[str]
    first_person: frozenset[str]
    person_axis: int | None
    formal_axis: int | None
    contraction_axis: int | None
    caps_axis: int | None
    informal_words: frozenset[str]
    tone_context: re.Pattern[str]
    input_verbs: re.Pattern[str]
    tone_free: frozenset[str]
    place: re.Pattern[str]
    output_parts: re.Pattern[str]
    whole_output: frozenset[str]
    same_part: dict[str, str]
    documents: frozenset[str]
    separate_outputs: frozenset[str]
    triggers: frozenset[str]  # words one of which a rule needs for any output frame (besides a quote)


@lru_cache(maxsize=1)
def words() -> _Words:
    d = data()["output"]
    return _Words(
        verbs=phrase_pattern(d["verbs"]),
        tones=tuple((phrase_pattern(t["a"]), phrase_pattern(t["b"])) for t in d["tones"]),
        languages=frozenset(d["languages"]),
        scripts=frozenset(d["scripts"]),
        script_languages=frozenset(d["script_languages"]),
        script_of={row[0]: frozenset(row[1:]) for row in d["script_of"]},
        language_cue=re.compile(d["language_cue"]),
        input_language=re.compile(d["input_language"], re.I),
        first_person=frozenset(d["first_person"]),
        person_axis=next((i for i, t in enumerate(d["tones"]) if "first person" in t["a"]), None),
        formal_axis=next((i for i, t in enumerate(d["tones"]) if "formal" in t["a"]), None),
        contraction_axis=next((i for i, t in enumerate(d["tones"]) if "contractions" in t["a"]), None),
        caps_axis=next((i for i, t in enumerate(d["tones"]) if "all caps" in t["a"]), None),
        informal_words=frozenset(d["informal_words"]),
        tone_context=re.compile(d["tone_context"], re.I),
        output_parts=phrase_pattern(
            [x for p in d["output_parts"] for x in (p, p + "s", p + "es", p[:-1] + "ies")]
        ),
        whole_output=frozenset(d["whole_output"]),
        same_part=dict(d["same_part"]),
        documents=frozenset(d["documents"]),
        separate_outputs=frozenset(d["separate_outputs"]),
        triggers=frozenset(
            w
            for phrase in [
                *d["languages"],
                *(x for t in d["tones"] for x in t["a"] + t["b"]),
                *d["named_cues"],
                *(form for forms in data()["output_counts"]["units"].values() for form in forms),
                "prose",
                "json",
                *data()["output_content"]["include"],
                *data()["output_content"]["exclude_words"],
            ]
            for w in [max(re.findall(r"[a-z]+", phrase.lower()), key=len)]  # its most telling word
        ),
        input_verbs=phrase_pattern(d["input_verbs"]),
        tone_free=frozenset(d["tone_free"]),
        # "in the title", 'In the "Plans" section', "Keep the headline ... free of prices"
        place=re.compile(
            r"(?:\b(?:in|inside|within|into|from|to|for|on)\s+(?:the\s+|your\s+|each\s+|every\s+|any\s+|its\s+|our\s+|this\s+)?"
            r"|^\W*(?:(?:keep|leave)\s+)?(?:the\s+|your\s+|each\s+|every\s+)?)"
            r"(?:[\"“][^\"”]{1,30}[\"”]\s+)?(?P<p>" + phrase_pattern(d["places"]).pattern + ")",
            re.I,
        ),
    )


@dataclass(frozen=True)
class OutputFrame:
    phrases: tuple[tuple[str, str], ...] = ()  # (phrase, "+" | "-")
    tones: tuple[tuple[int, str, str, str], ...] = ()  # (axis, pole "a" | "b", polarity, word as written)
    languages: tuple[tuple[str, str], ...] = ()  # (language, polarity)
    language_of: str = ""  # the part of the output the language is asked for ("summary"), if named
    slots: tuple[tuple[str, str], ...] = ()  # (place such as "start" or "title", the phrase required there)
    place: str = ""  # the part of the output the rule is confined to ("title", "introduction"), if any
    counts: tuple[Bound, ...] = ()  # bounds on the output's length and elements
    count_of: str = ""  # the part of the output the counts are about ("justification"), if the rule names one
    topics: tuple[Topic, ...] = ()  # topics the output must cover or leave out

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tones or self.languages or self.counts or self.topics)


def _polarity(claim: Claim) -> str | None:
    return {"F": "-", "O": "+", "P": "+"}.get(claim.deontic or "")


def _phrases(text: str, lead: str, pol: str | None) -> list[tuple[str, str, str]]:
    """Mentions in the rule's own text, each with its clause's polarity and place; a short item under a lead-in
    with an output verb ("Never use these words:" + "- stunning") is itself the phrase, with the rule's force."""
    out = phrase_mentions(text, pol)
    if pol and lead and words().verbs.search(lead) and len(text.split()) <= 4:
        phrase = " ".join(text.strip(" .\"“”'").lower().split())
        out += [(phrase, pol, "")] if phrase else []
    return list(dict.fromkeys(out))


_NOUN_SENSE = re.compile(r"\s+of\b", re.I)  # "a particular kind of content" (not "contractions of any kind")
_CONCEDED = re.compile(r"\b(?:however|no\s+matter\s+how|how\s*ever)\s+$", re.I)


# A tone the rule weighs against something else, neither asked for nor forbidden: "A friendly tone never makes up for
# wrong information", "politeness is no substitute for accuracy", "a warm reply does not excuse a wrong time".
_NO_AMENDS = re.compile(
    r"[\w\s,-]{0,30}?\b(?:never|not|no|cannot|can't|does\s+not|doesn't|do\s+not|don't)\s+(?:\w+\s+)?"
    r"(?:make|makes|made)\s+up\s+for|[\w\s,-]{0,30}?\b(?:is|are)\s+no\s+substitute\s+for"
    r"|[\w\s,-]{0,30}?\b(?:never|not|cannot|can't|does\s+not|doesn't|do\s+not|don't)\s+(?:excuse|outweigh|compensate)",
    re.I,
)


_CONDUCT = re.compile(
    r"\s+(?:(?:in|on)\s+(?:the\s+|our\s+|your\s+)?(?:[\w-]+\s+)?(?:channel|chat|slack|forum|discord|workspace|"
    r"mailing\s+list)|(?:with|to|towards?)\s+(?:other|fellow|your)\s+(?:raters|annotators|reviewers|colleagues|"
    r"leads?|team(?:mates)?))\b",
    re.I,
)


def _is_tone(text: str, m: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """A tone word, not part of a compound ("eco-friendly"), a quoted phrase or another sense ("keeps drinks
    cold"): words that can mean something else count only where the rule speaks of tone or writing."""
    if text[m.start() - 1 : m.start()] == "-" or text[m.end() : m.end() + 1] == "-":
        return False
    if any(s <= m.start() < e for s, e in quoted):
        return False
    before = text[max(0, m.start() - 80) : m.start()]
    if judges_the_item(before, words().tone_context) or modifies_the_input(text, m.end()):
        return False
    if (m.group(0).lower() == "kind" and _NOUN_SENSE.match(text, m.end())) or _CONCEDED.search(before):
        return False  # "a particular kind of content"; "however polite the rest of it is" asks for no tone
    if _NO_AMENDS.match(text, m.end()) or _CONDUCT.match(text, m.end()):
        # "A friendly tone never makes up for wrong information": weighed, not asked for; "Be courteous in the
        # project channel": the rater's conduct with the team, not the output's tone
        return False
    if m.group(0).lower() in words().tone_free or words().tone_context.search(text):
        return True
    return _MODIFIES_WORDING.match(text, m.end()) is not None  # "simple sentences", "plain words"


def _length_part(text: str, counts: tuple[Bound, ...]) -> str:
    """The part of the output a length is asked for ("justifications of at least 40 words"); "" when it names
    the whole piece ("keep the reply to five sentences")."""
    if not counts:
        return ""
    part = _part_before(text, text.find(counts[0].text))
    return "" if part in words().documents or words().same_part.get(part) in words().documents else part


_LABEL = re.compile(r"^\s*[^:.;\n\"“]{1,60}:\s")


def _label_end(text: str, end: int) -> int:
    """Where a leading label ends ("Handoff note: ...", "A note from the chair: ..."): a label names who asks, not
    a part of the output, so parts are looked for after it."""
    m = _LABEL.match(text)
    return m.end() if m and m.end() <= end else 0


def _lead_part(lead: str, counts: tuple[Bound, ...]) -> str:
    """The part a list of lengths is under: "Banner headline:" + "- Under 8 words." bounds the headline. A lead-in
    naming the whole piece ("Caption:" in a brief for one caption) leaves the bound on the whole."""
    label = lead.strip().rstrip(":").strip()
    if not counts or not label or len(label.split()) > 4 or not lead.strip().endswith(":"):
        return ""
    return _length_part(f"{label} {counts[0].text}", counts)


_SPEC_LABEL = re.compile(
    r"^\s*(?P<label>[A-Za-z][\w' -]{0,30}?)\s*:\s*(?:(?:at most|at least|max\.?|min\.?|maximum|minimum|under|over|up to|"
    r"no more than|between|about|around|roughly|exactly)\b|\d)",
    re.I,
)


def _spec_label_part(text: str, counts: tuple[Bound, ...]) -> str:
    """The part a labelled length is for: "Push notification: at most 60 characters" bounds the notification,
    "Email: 100-150 words" the email; two labelled parts do not bound each other."""
    m = _SPEC_LABEL.match(text) if counts else None
    return singular(" ".join(m.group("label").lower().split())) if m else ""


def _part_before(text: str, end: int) -> str:
    """The last output part named before ``end`` ("write the summary in ..." -> summary); "" for the whole."""
    w = words()
    start = _label_end(text, end)
    scope = text[start : max(end, start)]
    parts = [
        singular(m.group(0).lower())
        for m in w.output_parts.finditer(scope)
        if not _INCLUDED.search(scope[m.end() : m.end() + 12]) and not _INCLUDING.search(scope[: m.start()])
    ]
    part = parts[-1] if parts else ""
    return "" if part in w.whole_output else w.same_part.get(part, part)


# "the total text, title included": a part named as included in the whole leaves the bound on the whole
_INCLUDED = re.compile(r"^\s*(?:included|inclusive)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|incl\.|counting|plus)\s+(?:the\s+|its\s+|any\s+)?$", re.I)

_NAMED_SET = re.compile(
    r"\b(?i:in|for|within)\s+(?i:the)\s+(?P<p>(?:\[[A-Za-z]+\]|[A-Z][A-Z-]+|[A-Z][a-z]+)\s+(?:messages?|set|versions?|"
    r"variants?|group|batch|drafts?|part|half|posts?|replies|emails?|options?|section))\b"
)


# What a tag is put on: "Don't put [phonetic] on an ordinary English word you are unsure of" confines the ban to
# those words; "put [phonetic] right after it" names no words ("it"), so the two can both be followed.
_TAG_TARGET = re.compile(
    r"\b(?:put|add|use|apply|attach|insert|place)\s+(?:the\s+|a\s+)?(?:\[[^\]]{1,30}\]|[\"“][^\"”]{1,30}[\"”])"
    r"\s+(?:on|to|for|around)\s+(?:an?\s+|the\s+|any\s+|every\s+)?(?P<p>[a-z][\w -]{2,40}?)"
    r"(?=\s+(?:you|that|which|who|when|if|because|unless)\b|\s*[,;.]|$)",
    re.I,
)


def _place(text: str) -> str:
    """The part a rule is confined to: a named part ("in the title"), a labelled set of the outputs ("in the
    DIRECT messages", "In the POLITE set"), which no rule about another set touches, or the words a tag is put
    on ("on an ordinary English word")."""
    m = words().place.search(text) or _NAMED_SET.search(text) or _TAG_TARGET.search(text)
    return singular(" ".join(m.group("p").lower().split())) if m else ""


# A purpose clause running up to the tone word: "... so that it reads as plain words", "... so it sounds friendly".
_PURPOSE = re.compile(
    r"\bso\s+(?:that\s+)?(?:it|they|the\s+[\w-]+)\s+(?:reads?|sounds?|comes?\s+across)\b[^,;:.]*$", re.I
)


def _tones(
    text: str, pol: str | None, phrases: list[tuple[str, str, str]]
) -> tuple[tuple[int, str, str, str], ...]:
    """Each tone word with the polarity of its clause: "Decline requests without apologizing" forbids the
    apologetic pole although the rule is an obligation. Forbidding "I" and "me" forbids the first person."""
    w, tones = words(), []
    quoted = [m.span() for m in quote_spans(text)]
    for axis, (a, b) in enumerate(w.tones):
        for pole, rx in (("a", a), ("b", b)):
            m = next((m for m in rx.finditer(text) if _is_tone(text, m, quoted)), None)
            tone_pol = (mention_polarity(text, m.span(), pol, verb=False) or pol) if m else None
            if m and _PURPOSE.search(text[: m.start()]):
                tone_pol = "+"  # "Remove the codes so that it reads as plain words": the tone is the aim
            if m and tone_pol:
                tones.append((axis, pole, tone_pol, m.group(0)))
    pronouns = [p for p, s, _ in phrases if s == "-" and p in w.first_person]
    if pronouns and w.person_axis is not None:
        tones.append((w.person_axis, "a", "-", pronouns[0]))
    tones += _register_of_required(phrases) + _caps_of_required(text, phrases)
    return tuple(tones)


def _marks_of_required(phrases: list[tuple[str, str, str]]) -> tuple[Bound, ...]:
    """A required phrase with "!" puts an exclamation mark in the output, one with an emoji an emoji."""
    required = [p for p, s, _ in phrases if s == "+"]
    return tuple(Bound("", "exclamation mark", 1.0, math.inf, p) for p in required if "!" in p) + tuple(
        Bound("", "emoji", 1.0, math.inf, p) for p in required if _EMOJI.search(p)
    )


_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_SHOUTED = re.compile(r"\b[A-Z][A-Z'’]+\b")


def _caps_of_required(text: str, phrases: list[tuple[str, str, str]]) -> list[tuple[int, str, str, str]]:
    """A required phrase written in capitals ("DON'T MISS OUT") puts words in all caps in the output."""
    axis, required = words().caps_axis, {p for p, s, _ in phrases if s == "+"}
    raws = [next((g for g in m.groups() if g), "") for m in quote_spans(text)] if axis is not None else []
    return [
        (axis, "a", "+", raw.lower())
        for raw in raws
        if " ".join(raw.lower().split()).strip(" ,.;:") in required
        and len(_SHOUTED.findall(raw)) >= 2
        and not re.search(r"[a-z]", raw)
    ]


def _register_of_required(phrases: list[tuple[str, str, str]]) -> list[tuple[int, str, str, str]]:
    """The register a required phrase brings with it: "Cheers, mate!" is informal, "We've got you" has a
    contraction, "I can't wait" is in the first person; none fits an output that forbids it."""
    w, out = words(), []
    for phrase, pol, _ in phrases:
        tokens = set(re.findall(r"[a-z']+", phrase)) if pol == "+" and " " in phrase else set()
        if tokens & w.informal_words and w.formal_axis is not None:
            out.append((w.formal_axis, "b", "+", phrase))
        if _CONTRACTION.search(phrase) and w.contraction_axis is not None:
            out.append((w.contraction_axis, "a", "+", phrase))
        if tokens & w.first_person and w.person_axis is not None:
            out.append((w.person_axis, "a", "+", phrase))
    return out


def output_frame(claim: Claim) -> OutputFrame:
    """The rule's output constraints; computed once per rule text, lead-in and force (pairs ask many times).
    A rule that gives a case a score or label ("A summary under 40 words must be rated 2") describes the case
    being judged, not the output to write: it has none."""
    if claim.outcomes and _RATES.search(claim.rule.text):
        return OutputFrame()
    return _frame(claim.rule.text, claim.rule.lead_in or "", _polarity(claim))


@lru_cache(maxsize=65536)
def _frame(text: str, lead: str, pol: str | None) -> OutputFrame:
    both, w = f"{lead} {text}", words()
    if not (_QUOTE.search(both) or w.triggers.intersection(_WORDS.findall(both.lower()))):
        return OutputFrame()  # most rules: no quote, tone word, language or word-naming noun at all
    phrases = _phrases(text, lead, pol)
    return OutputFrame(
        phrases=tuple((p, s) for p, s, _ in phrases),
        tones=_tones(text, pol, phrases),
        languages=tuple(output_languages(text, pol, w, cues := language_cues(text, w))),
        # the part of the output the first output language is asked for: "write the summary in Spanish"
        language_of=_part_before(text, cues[0].start()) if cues else "",
        slots=tuple((slot, p) for p, s, slot in phrases if slot and s == "+"),
        place=_place(text),
        counts=(counts := output_counts(text, pol) + _marks_of_required(phrases)),
        count_of=_spec_label_part(text, counts) or _length_part(text, counts) or _lead_part(lead, counts),
        topics=output_topics(_under_lead(text, lead), pol) + item_topics(text, lead),
    )


_NEGATIVE_LEAD_IN = re.compile(r"^\s*(?:do not|don't|never|avoid)\b[^:]{0,40}:\s*$", re.I)


def _under_lead(text: str, lead: str) -> str:
    """An item under a negative lead-in read with its force: "Do not:" + "- include the image ..." asks to leave
    the image out, although the item alone is an imperative."""
    return f"Do not {text}" if _NEGATIVE_LEAD_IN.match(lead) else text


def singular(phrase: str) -> str:
    """'patients' and 'patient' are one word to a writer told to use or avoid it."""
    if " " in phrase or len(phrase) <= 3 or phrase.endswith("ss"):
        return phrase
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    return phrase[:-1] if phrase.endswith("s") else phrase


__all__ = ["OutputFrame", "output_frame", "singular", "words"]
