"""A rule that admits no exception, and another that grants one (CON001).

"Even if you're fluent, a post that isn't mostly English gets flagged Non-English - every time, no exceptions" and
"Posts ... get the Non-English flag, with one exception: annotators who have passed the Spanish qualification may
label Spanish-language posts in full" cannot both be followed by a qualified annotator. The usual reading of an
exception (it scopes the rule: no conflict) hides the clash, and the two rules do not share an act or an outcome
the frame detectors compare. What they share is a topic, and one of them says in words that nobody is excused
("no exceptions", "whatever your own fluency", "every time"), while the other excuses a case: an exception, a
condition, an exemption ("X are exempt from the limit") or a person's qualification (a grant to qualified people
is read at a looser topic match: the deck's own words for the people ("German language badge") are not the refusing
rule's). The granting rule must do something else than the refusing one (another
act, outcome or force), or it only restates it for a case; and it must not be the sanction for breaking it. A
refusing rule with a condition of its own refuses exceptions within its case only, which another case does not
break.
Words are data (``data/contradictions.toml``, [refused_exception]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .grant_reach import accepts_the_grant, past_the_limit
from .lexicon import content, data, lexicon, stem, word_overlap
from .memo import search
from .refusal_case import CONNECTIVES, refusal_names_case
from .text import as_read, find_span, quoted


class Words(NamedTuple):
    refusal: re.Pattern[str]
    exemption: re.Pattern[str]
    qualified: re.Pattern[str]
    generic: frozenset[str]
    cosine: float
    overlap: float
    cosine_qualified: float
    overlap_qualified: float


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["refused_exception"]
    return Words(
        re.compile(d["refusal"], re.I),
        re.compile(d["exemption"], re.I),
        re.compile(d["qualified"], re.I),
        frozenset(d["generic"]),
        float(d["cosine"]),
        float(d["overlap"]),
        float(d["cosine_qualified"]),
        float(d["overlap_qualified"]),
    )


def _refusal(claim: Claim) -> str | None:
    """The words by which a rule shuts out every exception, if it has them."""
    return _refusal_words(claim.text)


@lru_cache(maxsize=1 << 14)
def _refusal_words(text: str) -> str | None:
    text = unquoted(text)
    m = _words().refusal.search(text) or lexicon().absolute.search(text)
    return m.group(0) if m else None


def _grant(claim: Claim) -> tuple[str, bool] | None:
    """(the case a rule excuses, whether it is a person's qualification): a qualification, the rule's stated
    exception, its condition, or the subject a permission is conceded to ("... can still earn a Tone 4")."""
    if claim.deontic not in ("O", "P", "N", None):
        return None
    if (m := _exemption(claim)) is not None and _refusal_words(m.group(0)) is None:
        # "Birds in flight are the exception to the minimum size: box them however small": the case is granted,
        # and what follows it refuses nothing about other cases
        return m.group("case"), False
    if _refusal(claim):
        return None
    m = search(_words().qualified, unquoted(claim.text))
    if m:
        return m.group(0), True
    if claim.exception and claim.exception_text:
        return claim.exception_text, False
    if claim.condition_text:
        return claim.condition_text, False
    still = _STILL.search(unquoted(claim.text)) if claim.deontic == "P" else None
    return (claim.text[: still.start()].strip(), False) if still and still.start() > 0 else None


_SUBJECT_MAY = re.compile(
    r"^(?P<case>[^,;:.]{3,80}?)\s+(?P<modal>can|may|could)\s+(?:still\s+|also\s+)?\w", re.I
)


_CLAUSE_OPENER = re.compile(r"\b(?:what|which|that|who|whatever|where|when|if|unless)\b", re.I)


def _subject_grant(claim: Claim, relaxed: bool = False) -> tuple[str, bool] | None:
    """The subject a permission is given to ("Pop-up stalls with no fixed address can be marked Verified from their
    social page alone"), as the case it excuses, when a refusal names that case. ``relaxed``: a permission not to
    act ("may skip") excuses too."""
    granting = ("P", "N") if relaxed else ("P",)
    m = _SUBJECT_MAY.search(unquoted(claim.text)) if claim.deontic in granting else None
    if m and relaxed and _CLAUSE_OPENER.search(m.group("case")):
        return None  # "Grade severity only from what you can see": a modal inside a clause, no grant
    return (m.group("case"), False) if m else None


# A refusal whose subject is the case it refuses ("Approved leave does not excuse a missed quota", "Length is never a
# reason for extra time").
_NO_EXCUSE = re.compile(r"\b(?:excuse|reason|grounds)\b", re.I)


def _excused_subject(refusing: Claim, refusal: str, granting: Claim) -> tuple[str, bool] | None:
    """ "Raters on approved leave may fall short of the weekly quota" against "Approved leave does not excuse a missed
    weekly quota": the permission's subject is the case the refusal's subject names, and it relaxes the very thing
    refused (every word of "a missed weekly quota" but the miss). A restriction ("can be claimed only by ...")
    excuses nothing. Judged as a person's qualification is: the two rules share the case and the thing in words."""
    grant = _subject_grant(granting)
    if grant is None or _ONLY.search(granting.text):
        return None
    after = unquoted(refusing.text)[unquoted(refusing.text).find(refusal) + len(refusal) :]
    thing = content(re.split(r"[;:.,]", after, maxsplit=1)[0].replace("-", " ")) - _words().generic
    return (grant[0], True) if thing and thing <= granting.core else None


_ONLY = re.compile(r"\bonly\b", re.I)
# A refusal of an exemption itself: "Night-time images are not exempt from ...", "No station is excused from ...".
_NOT_EXEMPT = re.compile(
    r"\b(?:not|no\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are))\s+(?:exempt(?:ed)?|excused|spared)\b", re.I
)
_INCLUDED = re.compile(r"\b(?:included|(?:is|are)\s+no\s+exceptions?)\s*$", re.I)
# The one thing of the item a refusal names ("whatever language the post is in", "no matter which tier"): the case it
# shuts out. "whatever your own fluency" names the rater, whose qualifications it refuses however they are worded.
_WHATEVER = re.compile(
    r"\b(?:whatever|no\s+matter\s+(?:what|which)|regardless\s+of(?:\s+the)?)\s+(?!(?:you|your|they|their|it|its|his|her|our)\b)([a-z]{3,})",
    re.I,
)
# "whatever the reason for returning them", "whatever the circumstances": the case named is every case.
_ANY_CASE = re.compile(r"\s*(?:reasons?|purposes?|causes?|circumstances?)\b", re.I)


def _names_of(text: str) -> set[str]:
    """The words of a case as written, lower case ("Keep/0 included" names keep): a verdict's name may be a stop
    word of the content reader."""
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - _NOT_NAMES


_NOT_NAMES = frozenset({"included", "the", "and", "all", "are", "exception"})


# "A lightly sarcastic aside that's obviously friendly can still earn a Tone 4": a permission conceded for a case.
_STILL = re.compile(r"\b(?:can|may|could|might)\s+still\b", re.I)


def _exemption(claim: Claim) -> re.Match[str] | None:
    """A rule that exempts a case (group ``case``) from another rule ("Forced narrative cues are exempt from the
    minimum duration")."""
    return _exemption_of(claim.text)


@lru_cache(maxsize=1 << 14)
def _exemption_of(text: str) -> re.Match[str] | None:
    """Read once per text: a pair asks it of both rules, and every candidate pair of a rule asks again."""
    return _words().exemption.match(unquoted(text))


def _exempt_from_other_rule(refusing: Claim, granting: Claim) -> bool:
    """An exemption from another rule than the refusing one: "Replays are exempt from the two-second minimum"
    against "No clip is exempt from the logo check". What the case is exempt from must share a word with the
    refusing rule (the case's own words do not count)."""
    m = _exemption(granting)
    if m is None:
        return False
    rest = m.string[m.end() :]
    rest = re.split(r"[,;:.(]|\b(?:since|because|as|so|when|if|unless)\b", rest, maxsplit=1)[0]
    case = _stems_of(m.group("case"))
    return not ((_stems_of(rest) - case) & _stems_of(refusing.text))


def _exempts_from(refusing: Claim, granting: Claim) -> bool:
    """The granting rule exempts its case from the refusing rule itself ("Birds in flight are the exception to the
    minimum box size" against "Animals whose box would be smaller than 20 pixels are not boxed, and no exception is
    made"): the case is inside the refusing rule's own condition, so that condition does not set it apart."""
    return _exemption(granting) is not None and not _exempt_from_other_rule(refusing, granting)


def _stems_of(text: str) -> set[str]:
    """Content stems, hyphenated words split ("two-second" -> two, second), the topic-less words dropped."""
    return set(content(text.replace("-", " "))) - _words().generic


def _does_otherwise(refusing: Claim, granting: Claim, past: bool) -> bool:
    """The granting rule asks for another act, outcome or force than the refusing one: "may label ... in full"
    against "gets flagged Non-English"; "transcribe the Spanish" against "is never transcribed". An exemption
    always does: it lets its case leave the rule unfollowed; so does a grant past the refused limit (``past``)."""
    if (refusing.deontic == "F" and granting.deontic in ("O", "P")) or _exemption(granting) is not None:
        return True
    if past:  # the grant goes past the refusing rule's own limit (``past_the_limit``)
        return True
    if granting.action and re.search(rf"\bun{re.escape(granting.action[:4])}", refusing.text, re.I):
        return True  # "are left unboxed" / "may be boxed": the refusing rule undoes the granted act
    outs = {o.lower() for o, _ in refusing.outcomes}
    gouts = {o.lower() for o, _ in granting.outcomes}
    if outs and gouts and not outs & gouts:
        return True
    if _NAMED.findall(refusing.text[1:]) and set(_NAMED.findall(refusing.text[1:])) & set(
        _NAMED.findall(granting.text[1:])
    ):
        return False  # "use RN Triage" / "are always routed to RN Triage": one destination, in other verbs
    if refusing.action and granting.action and refusing.action != granting.action:
        return True
    # "Use part names exactly as printed ..., no exception" / "you may use the correct term": one act on another thing
    return bool(
        refusing.deontic == "O"
        and granting.deontic == "P"
        and refusing.object_head
        and granting.object_head
        and refusing.object_head != granting.object_head
    )


# A name of two words or more inside a sentence: a queue, a button, a label ("RN Triage", "Escalate to Legal").
_NAMED = re.compile(r"(?<=\s)[A-Z][\w-]*(?:\s+(?:to\s+)?[A-Z][\w-]*)+")


_INCLUDING = re.compile(r"\binclud(?:ing|ed)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|non|other\s+than|without)\b|n['’]t\b", re.I)
_PREDICATE = re.compile(r"(?:gets?|receives?|earns?|is|are)\b", re.I)
_EVERY = re.compile(r"\b(?:every|each|all|any)\s+([a-z][\w-]+)", re.I)


def _class_named(text: str, refusal: str, case: str) -> bool:
    """The refusal names the class the granted case belongs to: it reaches every member ("applies to every batch"
    against "Batches of more than 150 pages"), or the class is the subject it refuses ("translated manuals get no
    exception" against "where a translated manual contains an error"). Named in words, as a qualification is, the
    two rules need not read alike as a whole."""
    plain = unquoted(text)
    at = plain.find(refusal)
    # the words before a predicate refusal are its subject; ", English ones included" follows no subject
    predicate = at > 0 and _PREDICATE.match(refusal) is not None
    subject = re.split(r"[,;:.]", plain[:at])[-1].split()[-4:] if predicate else []
    named = [m.group(1) for m in _EVERY.finditer(refusal)] + subject
    return bool(content(" ".join(named)) & content(case))


def _case_included(refusal: str, case: str) -> bool:
    """ ", including ones that score 5", ", live shows included": the refusal names the case itself, so the case's
    words are the granting rule's topic (the two rules must still read alike: "Set the Language field for every
    review, English ones included" names English reviews, not what "click Translate" does with them)."""
    if bool(_NEGATION.search(refusal)) != bool(_NEGATION.search(case)):
        return False  # "English ones included" against "every review not in English": the other case
    return bool(_INCLUDING.search(refusal) and _word_stems(refusal) & _word_stems(case))


def _word_stems(text: str) -> set[str]:
    """Stems of the words as written (``_stems_of`` reads content words, which drop "score" and "ones")."""
    return {stem(w) for w in _names_of(text)} - CONNECTIVES


def _names_other_case(refusing: Claim, refusal: str, granting: Claim) -> bool:
    """The refusal shuts out one kind of case ("whatever language the headline is in") that the granting rule does
    not name. Refusal words that stop at "whatever the" name no case, unless the rule goes on with a reason or a
    circumstance ("whatever the reason for returning them"), which is every case."""
    named = _WHATEVER.search(refusal)
    if named is None:
        return False
    if named.group(1).lower() == "the":
        text = unquoted(refusing.text)
        at = text.find(refusal)
        return not (at >= 0 and _ANY_CASE.match(text, at + len(refusal)))
    return not content(named.group(1)) & content(granting.text)


def _confined(refusing: Claim, refusal: str) -> bool:
    """The refusing rule's condition confines its refusal: both sit in one clause. "Extensions are not granted
    under any circumstances; if you cannot finish, release the batch" refuses every extension; its condition is the
    next clause's."""
    if not refusing.condition:
        return False
    cond = refusing.condition_text or ""
    text = unquoted(refusing.text)
    return not cond or _clause_at(text, text.find(refusal)) == _clause_at(text, text.find(cond))


def _clause_at(text: str, at: int) -> int:
    """Which semicolon clause of the text a position falls in (-1 when the position is unknown)."""
    return -1 if at < 0 else text.count(";", 0, at)


def _refusing_words(refusing: Claim, refusal: str) -> frozenset[str]:
    """The topic of the refusing rule: its core, and the statement its refusal introduces after a colon ("Netted
    rows get no exception: fruit behind hail netting is skipped ..."), which says what admits no exception."""
    text = unquoted(refusing.text)
    at = text.find(refusal)
    colon = text.find(":", at + len(refusal)) if at >= 0 else -1
    if colon < 0 or text[at + len(refusal) : colon].strip():
        return refusing.core
    return refusing.core | content(text[colon + 1 :])


def _refuses_the_grant(refusing: Claim, refusal: str, granting: Claim) -> bool:
    """The refusal's subject is the very thing the granting rule lets raters have ("Extensions to the batch time
    limit are not granted under any circumstances" / "you can request a 30-minute extension"): one word names
    the shared topic."""
    head = granting.object_head
    text = unquoted(refusing.text)
    subject = text[: max(0, text.find(refusal))]
    named = {stem(w) for w in re.findall(r"[a-z]+", subject.lower()[:40])}
    return bool(head and granting.deontic == "P" and _GRANTED.search(subject) and stem(head) in named)


def _exception_named_twice(refusal: str, granting: Claim) -> bool:
    """Both rules say "exception": one refuses any ("Netted rows get no exception"), the other grants one ("as an
    exception, fruit seen through hail netting may be boxed"). The word states the clash; the topic need only meet."""
    return bool(_EXCEPTION_WORD.search(refusal) and _EXCEPTION_WORD.search(unquoted(granting.text)))


_EXCEPTION_WORD = re.compile(r"\bexceptions?\b", re.I)
# A refusal that withholds a thing ("are not granted", "is not given", "are never allowed").
_GRANTED = re.compile(
    r"\b(?:is|are)\s+(?:not|never)\s+(?:granted|given|allowed|approved|offered|available)\b", re.I
)


def refused_exception(fa: Claim, fb: Claim, cosine: float) -> Conflict | None:
    """A ``Conflict`` when one rule excuses a case of what the other says admits no exception."""
    w = _words()
    if cosine < min(w.cosine, w.cosine_qualified):
        return None
    for refusing, granting in ((fa, fb), (fb, fa)):
        refusal = _refusal(refusing)
        grant = _grant(granting) if refusal else None
        if grant is None and refusal and _INCLUDED.search(refusal):
            # "Pop-up stalls can be marked Verified ..." / "...; a pop-up stall is no exception"
            grant = _subject_grant(granting)
        if grant is None and refusal and _NO_EXCUSE.search(refusal):
            grant = _excused_subject(refusing, refusal, granting)
        if grant is None and refusal and _NOT_EXEMPT.search(refusal):
            # "Night-time river images are not exempt from the no-skip rule" / "Raters on river batches may skip
            # images taken at night": the permission is the exemption refused
            grant = _subject_grant(granting, relaxed=True)
        if refusal is None or grant is None or refusing.deontic not in ("O", "F"):
            continue
        if _confined(refusing, refusal) and not _exempts_from(refusing, granting):
            continue  # "When nobody names the person, describe them, even if you're sure": its own case only
        case, qualified = grant
        if _INCLUDED.search(refusal) and not _names_of(refusal) & _names_of(case):
            continue  # ", Remove verdicts included" (or "Remove verdicts are no exception") refuses that case only
        if _names_other_case(refusing, refusal, granting) or accepts_the_grant(refusing, granting):
            continue  # "whatever language the headline is in" refuses exceptions for a language, not "if you want"
        named = _class_named(refusing.text, refusal, case)
        the_grant = _refuses_the_grant(refusing, refusal, granting)
        past = past_the_limit(refusing, granting)
        strong = qualified or named or the_grant or past or _exception_named_twice(refusal, granting)
        least_cosine, least_overlap = (
            (w.cosine_qualified, w.overlap_qualified) if strong else (w.cosine, w.overlap)
        )
        # a case the refusal names is part of the granting rule's topic even where it sits in its condition
        topic = granting.core | (content(case) if named or _case_included(refusal, case) else frozenset())
        words = _refusing_words(refusing, refusal)
        shared = (words & topic) - w.generic
        overlap = word_overlap(words - w.generic, topic - w.generic)
        # the refused thing is the granted one, or the grant goes past the refused limit: that word is the topic
        enough = 1 if the_grant or past else 2
        if past:
            least_overlap = 0.0  # the limit named on both sides is the shared topic, with the act
        if cosine < least_cosine or len(shared) < enough or overlap < least_overlap:
            continue
        if lexicon().penalty.search(granting.text) or not _does_otherwise(refusing, granting, past):
            continue
        if _exempt_from_other_rule(refusing, granting):
            continue
        why = (
            f"{quoted(as_read(refusing.rule))} admits no exception (“{refusal.strip()}”), but "
            f"{quoted(as_read(granting.rule))} excuses a case (“{case.strip()}”)."
        )
        spans = find_span(refusing.rule, refusal.strip()) + find_span(granting.rule, case.strip())
        # the refusal names the excused case in its own words ("platform outages are no exception" / "If a platform
        # outage is logged"): refused in words, as CON016 reads; else a refusal of every case, read by topic
        code = "CON016" if refusal_names_case(unquoted(refusing.text), refusal, case) else "CON001"
        return Conflict(code, 0.8, why, spans, False)
    return None


__all__ = ["refused_exception"]
