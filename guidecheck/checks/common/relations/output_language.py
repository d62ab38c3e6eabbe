"""The output's language in a rule: "Write the summary in Spanish", "Reply in the customer's language".

A language named for something else is no output constraint: the input's ("she wrote to us in Spanish", "The
source language is always English"), a term kept as it is ("Keep the brand name in English"), a show's script
("with the English script open"), or languages listed as examples ("the space before "?" in French, German").
``w`` is the output word lists (``output.words()``).
"""

from __future__ import annotations

import re

from .output_phrases import condition_spans, mention_polarity


def _output_language(text: str, m: re.Match[str], w) -> bool:
    """Not the input's language: "she wrote to us in Spanish", "if the prompt is not in English". "Into" only
    ever names the output ("translate the customer notice into French")."""
    into = m.group(0).lower().startswith("into")
    if not into and w.input_verbs.search(text[max(0, m.start() - 30) : m.start()]):
        return False
    if _THING_NOT_IN.search(text[max(0, m.start() - 40) : m.start()]) or _THING_THAT_IS.search(
        text[max(0, m.start() - 40) : m.start()]
    ):
        # "For every review not in English, click Translate", "every bundle that is not in English is skipped":
        # which inputs, not the output
        return False
    if _KEPT_TERM.search(text[max(0, m.start() - 60) : m.start()]):
        return (
            False  # "Keep the brand name 'Ledger Lane' in English": a term left untranslated, not the output
        )
    return not any(c.start() <= m.start() < c.end() for c in condition_spans(text))


# A thing and "not" right before the cue, with no verb to negate: "reviews not in English" picks out inputs.
_THING_NOT_IN = re.compile(
    r"\b(?!(?:do|does|did|must|should|shall|may|might|can|could|will|would|is|are|was|were|be|been|need|needs)\b)"
    r"[a-z]+\s+not\s+$",
    re.I,
)
# A relative clause on a thing right before the cue: "every bundle that is not in English", "posts which are in".
_THING_THAT_IS = re.compile(
    r"\b[a-z]+\s+(?:that|which)\s+(?:is|are|was|were)\s+(?:not\s+)?(?:(?:written|mainly|mostly|entirely)\s+)*$",
    re.I,
)
_KEPT_TERM = re.compile(
    r"\b(?:keep|leave|retain|preserve)\s+(?:the\s+|our\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:name|names|term|terms|brand|word|words|title|titles|label|labels|acronyms?|quotes?|[\"“][^\"”]+[\"”])"
    r"[^.;]*$",
    re.I,
)


def language_cues(text: str, w) -> list[re.Match[str]]:
    """The language cues of a rule that ask for the output's language."""
    return [
        m
        for m in w.language_cue.finditer(text)
        if _output_language(text, m, w) and not _names_no_output_language(text, m, w)
    ]


# "with the English script open": a script that is a language's is the show's script (a document), not its writing
# system; "the space before "?" in French, German and Italian": languages listed as examples of something else.
_DOCUMENT_SCRIPT = re.compile(r"^[- ]script\b", re.I)
_LISTED_NEXT = re.compile(r"^,\s*(?:and\s+|or\s+)?[A-Z][a-z]+\b")


def _language_named(m: re.Match[str]) -> tuple[str, int]:
    """(the language a cue names, where its name ends): the cue's one matched group."""
    i = next((i for i, g in enumerate(m.groups(), 1) if g), 0)
    return (m.group(i), m.end(i)) if i else ("", m.end())


def _names_no_output_language(text: str, m: re.Match[str], w) -> bool:
    lang, end = _language_named(m)
    name, after = lang.lower(), text[end:]
    if name not in w.languages:
        return False
    # "Latin script" and "Japanese script" name writing systems; a language written in Latin letters has no script
    # of its own, so "the English script" is a document
    writing_system = name in w.scripts | w.script_languages or name in w.script_of
    return bool(not writing_system and _DOCUMENT_SCRIPT.match(after)) or bool(_LISTED_NEXT.match(after))


# A script named as such after a language that is a script too: "in Latin script" is the writing system.
_SCRIPT_NOUN = re.compile(r"[- ](?:script|characters|alphabet|letters)\b", re.I)


def output_languages(text: str, pol: str | None, w, cues: list[re.Match[str]]) -> list[tuple[str, str]]:
    """Each language named for the output, with the polarity of its clause ("Write in English; no other
    language" requires English although the rule reads as a prohibition)."""
    found = []
    for m in cues:
        lang = _language_named(m)[0].lower()
        if lang in w.script_languages and not _SCRIPT_NOUN.search(text, m.start(), m.end() + 12):
            lang = f"{lang} (language)"  # "Compose the poem in Latin": the language, not the script
        lang_pol = mention_polarity(text, m.span(), pol, verb=False) or pol
        if lang.removesuffix(" (language)") in w.languages and lang_pol:
            found.append((lang, lang_pol))
    m = w.input_language.search(text)
    if m is not None and not _ASKED_IN.search(text[max(0, m.start() - 40) : m.start()]):
        m = None  # "The source language is always English" describes the input; "reply in the user's language" asks
    input_pol = (mention_polarity(text, m.span(), pol, verb=False) or pol) if m else None
    if input_pol:
        found.append(("the input's language", input_pol))
    return found


# What asks for a language: "in", "into", "use", "match", "same" right before "the user's language".
_ASKED_IN = re.compile(
    r"\b(?:in|into|use|using|match|matches|matching|mirror|mirrors|same)\b[^.;:]{0,25}$", re.I
)


__all__ = ["language_cues", "output_languages"]
