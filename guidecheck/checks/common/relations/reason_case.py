"""Whether a refusal names the case another rule excuses: the case its subject names ("A paywall is never grounds for
skipping") or, when the subject is another word for it, the case its next clause names as its own subject ("Poor
focus never excuses a missing box; a blurred lesion still gets one"). Measures and their degrees are one ("Length" /
"longer than 400 lines"). Words are data (``data/contradictions.toml``, [denied_exception] measures).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ....rules.refused_reasons import read_refused_reason
from .claims import Claim, unquoted
from .lexicon import content, data, stem
from .memo import search
from .refusal_forms import LIKE_ANY_OTHER
from .text import without_reason


@lru_cache(maxsize=1)
def _measures() -> dict[str, str]:
    named = {stem(k): stem(v) for k, v in data()["denied_exception"]["measures"].items()}
    return {stem(w): stem("language") for w in data()["output"]["languages"]} | named


_NAME = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]+\b")


def names_in(*texts: str) -> frozenset[str]:
    """Stems of the names in the texts: capitalised words inside a sentence ("because Ava's voice ..."), but not
    languages ("written in English" names a case)."""
    found = frozenset(w for t in texts for m in _NAME.finditer(t) for w in content(m.group(0)))
    return found - _languages()


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(stem(w) for w in data()["output"]["languages"])


def labels_given(case: str) -> frozenset[str]:
    """The words of a label the case gives its item ("when a story is a Hard Reject", "when you have marked the
    photo Unusable"): the case itself, not a name both rules are about."""
    return frozenset(w for m in _GIVEN.finditer(case) for w in content(m.group("n")))


_GIVEN = re.compile(
    r"\b(?:is|are|was|were|be|been|mark(?:ed)?|label(?:l)?ed|tagged|rated|graded|scored)\s+(?:as\s+)?"
    r"(?:(?:the|a|an|this|that|it|them|[a-z]+)\s+){0,2}?(?P<n>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def case_names(granting: Claim, refusing: Claim, granted: str, refused: str) -> frozenset[str]:
    """The words no shared case can rest on: the names both rules are about, less the refusal's subject and the
    labels the granted case gives (either is the case itself); but a label's word the refusal does not write as a
    name ("hard to rate" against "is a Hard Reject") is not that label."""
    given = labels_given(granted)
    names = names_in(granting.text, refusing.text) - refused_subject(refusing) - given
    return names | (given - names_in(refused))


def refused_subject(refusing: Claim) -> frozenset[str]:
    """The words of a refusal's subject when the subject is the case refused ("A Verified Recorder badge is never a
    reason to skip the date check"): a name there is the case itself, not a name both rules are about."""
    m = read_refused_reason(unquoted(refusing.text))
    return content(m.group("subject")) if m is not None and m.group("subject") else frozenset()


def reason_named(refusing: Claim, granted: str, skipped: frozenset[str]) -> bool:
    """A case refused as a reason ("A paywall is never grounds for skipping: rate from whatever text you can see")
    refuses the case its subject names, not one the advice after it shares a word with ("a language you cannot
    read"); a measure and its degree are one ("Length" / "longer than 400 lines"). The thing skipped is no case:
    "seeing a prompt twice is never grounds for skipping it" refuses the repeat, not "a prompt written in a language
    you cannot read"; nor is the item the case is said of ("A command spoken in another language" is no case of "a
    relative command that carries no number")."""
    m = read_refused_reason(unquoted(refusing.text))
    if m is None:
        return True
    item = _ITEM_OF_CASE.match(m.group("subject"))
    if item is not None:  # "A command spoken in another language": the language is the case, not the command
        skipped = skipped | content(item.group(1))
    case = measured_text(granted, skipped)
    if measured_text(m.group("subject"), skipped) & case:
        return True
    # "Poor focus never excuses a missing box; a blurred lesion still gets one": the clause after the refusal
    # names the case again as its subject, in the grant's words (two of them); advice ("work from the web page")
    # has no subject to name it
    rest = unquoted(refusing.text)[m.end() :].split(";", 1)
    subject = _CLAUSE_SUBJECT.match(rest[1]) if len(rest) == 2 else None
    return subject is not None and len(measured_text(subject.group(1), skipped) & case) >= 2


# The subject of a clause that states what happens to a case: "a blurred lesion still gets one", "intimate-area
# images are annotated in full".
_CLAUSE_SUBJECT = re.compile(
    r"^\s*((?:an?|the|such|these|those|any|every|each)?\s*[^,;:.]{2,60}?)\s+(?:still\s+)?"
    r"(?:is|are|gets?|must|should|will|stays?|remains?)\b",
    re.I,
)


# The item a refused case is said of, before the words that make it the case: "A command spoken in another
# language", "An answer in Spanish, Vietnamese or any other language".
_ITEM_OF_CASE = re.compile(
    r"^\s*(?:an?|the|any|each|every)\s+([a-z]+)(?:\s+(?:in|with|that|which|who|where|from|spoken|written|recorded|"
    r"shot|taken|sent|filed|submitted)\b|['’]s?\s)",  # "a response's language": the language is the case
    re.I,
)


def _measured(words: frozenset[str]) -> frozenset[str]:
    """Words with a degree read as their measure ("long" is length)."""
    measures = _measures()
    return frozenset(measures.get(w, w) for w in words)


def measured_text(text: str, skipped: frozenset[str]) -> frozenset[str]:
    """The content words of a text but the thing skipped, read as their measures, and the measures its function
    words name ("comes up again" is a repeat, though "again" is no content word)."""
    measures = _measures()
    words = set(map(stem, _WORD.findall(text.lower()))) - skipped
    return _measured(content(text.replace("-", " ")) - skipped) | {
        measures[w] for w in words if w in measures
    }


_WORD = re.compile(r"[a-z]+")


def same_measure(granted: str, refused: str, thing: frozenset[str]) -> frozenset[str]:
    """The measures both texts name in words of their own ("if every item is clearly legible" / "legibility is never
    a reason"; "not in English" / "Language is never a reason")."""
    names = frozenset(_measures().values())
    return measured_text(granted, thing) & measured_text(refused, thing) & names


# "Temporary signs, such as paper notices, are exempt from the structured fields", "...; tip-camera thumbnail sets are
# the only exception": the case excused is the subject.
_EXEMPT = re.compile(
    r"^\s*(?P<case>[^;:]{3,100}?)\s+(?:is|are)\s+(?:also\s+)?exempt(?:ed)?\s+from\b"
    r"|[;:]\s*(?P<only>[^,;:]{3,80}?)\s+(?:is|are)\s+the\s+only\s+exceptions?\b",
    re.I,
)
# What a refusal says the case is still held to: "Night photos are not exempt from the glare check".
_NOT_EXEMPT_FROM = re.compile(r"\bnot\s+exempt(?:ed)?\s+from\s+(?P<thing>[^,;:.]{2,60})", re.I)
# Words of any step, which name no step of their own.
_ANY_STEP = frozenset(content("check checks pass step steps review field fields task tasks the"))


def exempt_case(claim: Claim) -> str | None:
    """The case an exemption excuses, or None."""
    m = search(_EXEMPT, unquoted(claim.text))
    return (m.group("case") or m.group("only")) if m else None


def other_exemption(granting: Claim, refusing: Claim) -> bool:
    """The refusal holds the case to another step than the one the grant excuses it from ("night photos are the only
    exception" to the full-zoom check / "Night photos are not exempt from the glare check")."""
    m = search(_NOT_EXEMPT_FROM, unquoted(refusing.text))
    if m is None or exempt_case(granting) is None:
        return False
    thing = content(m.group("thing").replace("-", " ")) - _ANY_STEP
    return bool(thing) and not thing & content(unquoted(granting.text).replace("-", " "))


def in_one_section(path_a: str, section_a: tuple, path_b: str, section_b: tuple) -> bool:
    """One section of one document, or a section and a subsection of it ("DUPLICATE marking" and its "Guidelines
    for finding DUPLICATE text"); a document's title alone is no shared section."""
    if path_a != path_b:
        return False
    short, long = sorted((section_a, section_b), key=len)
    return section_a == section_b or (len(short) >= 2 and long[: len(short)] == short)


def conditioned_refusal(refusing: Claim) -> bool:
    """The refusal holds in a case of its own: its condition is in the refusal's clause. A condition of another
    clause is that clause's: "A command in another language is not a reason to skip it; label what you can and pick
    CLARIFY if the request stays unclear" refuses the language in every case."""
    cond = refusing.condition_text
    if not cond:
        return False
    clauses = re.split(r";\s", unquoted(refusing.text))
    refusal = next(
        (c for c in clauses if read_refused_reason(c) is not None or LIKE_ANY_OTHER.search(c) is not None),
        None,
    )
    # "Use the Translate button when an answer is in another language; a response's language is never a reason to
    # skip it": the condition is the earlier clause's, the refusal holds in every case; so in "..., since badges are
    # not refreshed when the authority file changes" it is the reason's
    return refusal is None or cond in without_reason(refusal)


__all__ = [
    "case_names",
    "conditioned_refusal",
    "exempt_case",
    "in_one_section",
    "labels_given",
    "measured_text",
    "names_in",
    "other_exemption",
    "reason_named",
    "refused_subject",
]
