"""An exception one rule grants that another rule forbids (CON016).

"Write a rationale for every task, unless you gave Resolution 5 and Tone 3 with no flags" lets raters leave the
rationale out in that case; "Do not skip the rationale on a task just because it earned top scores and no flags"
forbids exactly that. Each rule alone reads well, and the usual reading of a pair with an explicit exception (the
exception scopes the rule: no conflict) hides the clash. The forbidding rule must name the refused case as a
reason ("just because", "even when"), leave the other rule's act undone (skip, omit, let through: an omission)
or forbid the same act, be about the same thing, and share a word of the case with the exception. Words are data
(``data/contradictions.toml``, [denied_exception]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....rules.refused_reasons import read_refused_reason
from .claims import Claim, unquoted
from .conflict import Conflict
from .grant_reach import accepts_the_grant
from .lexicon import act_stem, content, data, stem
from .reason_case import (
    case_names,
    conditioned_refusal,
    exempt_case,
    in_one_section,
    names_in,
    other_exemption,
    reason_named,
    same_measure,
)
from .refusal_forms import (
    CONCESSION_AT_START,
    FOR_CASE,
    LIKE_ANY_OTHER,
    MODIFIED_THING,
    NOT_A_NOUN,
    PASSIVE_REFUSAL,
    SKIP_WHICH,
    SUBJECT_REFUSED,
    THEN_SKIP,
    clause_before,
    conceded_before,
    refused_after_concession,
    relative_case,
)
from .text import as_read, find_span, quoted


class Words(NamedTuple):
    reason: re.Pattern[str]
    omissions: frozenset[str]
    refused_omission: re.Pattern[str]
    concession: re.Pattern[str]
    generic: frozenset[str]
    blank: frozenset[str]
    reason_nouns: frozenset[str]
    may_omit: re.Pattern[str]
    process: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["denied_exception"]
    return Words(
        re.compile(d["reason"], re.I),
        frozenset(stem(w) for w in d["omissions"]),
        re.compile(d["refused_omission"], re.I),
        re.compile(d["concession"], re.I),
        frozenset(data()["refused_exception"]["generic"]),
        frozenset(stem(w) for w in d["blank"]),
        frozenset(stem(w) for w in d["reason_nouns"]),
        re.compile(d["may_omit"], re.I),
        frozenset(stem(w) for w in d["process"]),
    )


def _refused_case(claim: Claim) -> str | None:
    """The case a prohibition refuses as a reason: "just because it earned top scores and no flags". An order to
    leave something undone refuses its case the same way: "out of scope, even when someone also lives there, so
    skip it"."""
    if claim.deontic != "F" and not (claim.deontic == "O" and claim.action in _words().omissions):
        return None
    m = _words().reason.search(unquoted(claim.text))
    return m.group(0) if m else None


def refused_words(claim: Claim) -> frozenset[str]:
    """The words of a case a rule refuses in words ("and that includes refusals", "even when the packet is long"):
    what the whole-deck scan (``deck_scans.refused_case_relations``) looks for in the rules that excuse it."""
    text = unquoted(claim.text)
    if (reason := _refused_reason(text)) is not None:
        return content(reason[1].replace("-", " ")) - _words().generic
    m = _words().reason.search(text)
    if m is None and (refused := _refused_omission(claim)) is not None:
        return content(refused[1]) - _words().generic  # "Never skip a blurred image"
    if m is None and (excused := _EXCUSED_SUBJECT.match(text)) is not None:
        return content(excused.group("case").replace("-", " ")) - _words().generic
    return content(m.group(0)) - _words().generic if m else frozenset()


def refuses_by_subject(claim: Claim) -> bool:
    """The rule refuses, as its subject, the case it will not excuse ("Approved leave does not excuse a missed
    quota")."""
    return _EXCUSED_SUBJECT.match(unquoted(claim.text)) is not None


# A case refused as the subject of the refusal: "Approved leave, illness and public holidays do not excuse a missed
# weekly quota", "Thread length is never a reason for extra time".
_EXCUSED_SUBJECT = re.compile(
    r"^\s*(?P<case>[^;:]{3,80}?)\s+(?:(?:(?:do|does)\s+not|don['’]t|doesn['’]t|never)\s+excuses?\b|"
    r"(?:is|are)\s+(?:never|not|no)\s+(?:an?\s+)?(?:valid\s+|good\s+)?(?:reason|grounds|excuse)\s+for\b)",
    re.I,
)


def _refused_reason(text: str) -> tuple[str, str] | None:
    """(the refusal, the case) of a rule that says a case is no reason to skip: "Language is not a skip reason,
    even when you don't speak the language", "Length is never a reason to skip: a nine-page CV gets the same
    annotation". The case is the subject and what the sentence says of it after the refusal."""
    m = read_refused_reason(text)
    if m is None:
        return None
    return text[m.end("subject") : m.end()], text.strip(" ;.")


def omission_acts() -> frozenset[str]:
    """The acts that leave something undone (skip, omit, leave, ...), as a claim's stemmed action names them."""
    return _words().omissions


def forbids_omission(text: str) -> bool:
    """The text forbids leaving something undone ("never skip it", "must not be left blank")."""
    return _words().refused_omission.search(text) is not None


def _omits(claim: Claim) -> bool:
    """The rule's act leaves something undone, or a second act does ("If C, mark it Unusable and skip it"), or,
    when its act was not read (a table row "LANG | ... you may skip it with this code"), its words let raters
    skip."""
    if claim.action in _words().omissions or THEN_SKIP.search(unquoted(claim.text)) or exempt_case(claim):
        return True  # "If C, mark it Unusable and skip it": the second act
    if _LEFT_UNDONE.search(unquoted(claim.text)):
        return True  # "annotators may leave them unlabeled"
    return claim.action is None and bool(_words().may_omit.search(unquoted(claim.text)))


_LEFT_UNDONE = re.compile(
    r"\b(?:may|can|could)\s+(?:also\s+)?leave\s+(?:it|them|the\s+[\w-]+)\s+(?:unlabell?ed|unannotated|untagged|"
    r"unrated|unscored|unreviewed|uncoded)\b",
    re.I,
)


def _undoes(forbidding: Claim, granting: Claim) -> bool:
    """Forbidding the act leaves the granting rule's act required (an omission of an obligation) or forbidden
    again (the same act as a prohibition's)."""
    act = forbidding.action
    if (
        granting.deontic == "O"
    ):  # "Never submit a form without scrolling through every page" forbids an omission
        return act in _words().omissions or bool(_WITHOUT.search(unquoted(forbidding.text)))
    return granting.deontic == "F" and act is not None and act == granting.action


_WITHOUT = re.compile(r"\bwithout\s+(?:first\s+)?[a-z]+ing\b", re.I)


def _same_thing(forbidding: Claim, granting: Claim) -> bool:
    """One rule's object is named in the other ("personal details" / "personal information", "rate Factual
    Accuracy ..." / "Don't leave Factual Accuracy blank")."""
    return bool(
        content(forbidding.rule.object or "") & granting.core
        or content(granting.rule.object or "") & forbidding.everything
        or forbidding.core & granting.core  # "personal information" / "personal details"
    )


def denied_exception(fa: Claim, fb: Claim, near: bool = True) -> Conflict | None:
    """A ``Conflict`` when one rule's exception is a case the other rule refuses to excuse. ``near``: the two rules
    are embedding neighbours. Rules found apart by the whole-deck scan must say more: a condition one rule sets and
    the other concedes ("If C, do not flag it" / "Flag it, even if C") is not read (one act, "mark", under two
    conditions that share a word is common across a deck), and a relaxed rule must relax an omission ("you may
    skip ..."), not any act ("there's no need to rush the long ones")."""
    for granting, forbidding in ((fa, fb), (fb, fa)):
        if not granting.exception or forbidding.exception:
            continue
        case = _refused_case(forbidding)
        if case is None or not _undoes(forbidding, granting) or not _same_thing(forbidding, granting):
            continue
        shared = content(granting.exception_text) & content(case) - {forbidding.object_head}
        if not shared - names_in(granting.text, forbidding.text):  # "Ava" names the bot both rules are about
            continue
        why = (
            f"{quoted(as_read(granting.rule))} makes an exception (“{granting.exception_text}”) that "
            f"{quoted(as_read(forbidding.rule))} refuses (“{case.strip()}”)."
        )
        spans = find_span(granting.rule, granting.exception_text) + find_span(forbidding.rule, case.strip())
        return Conflict("CON016", 0.85, why, spans, False)
    return _granted_case_refused(fa, fb, near)


def _granted_omission(claim: Claim) -> str | None:
    """The case in which a rule lets raters leave an act undone: "You may skip a clip that is more than 50%
    obscured by glare" (a permission to omit: the whole rule is its case) or "If you rate a transcript 1, skip
    segmentation" (an omission ordered for a case: its condition). A relaxed rule ("You may leave the box
    unticked", "need not tick the box") permits the omission whatever its verb."""
    if (exempt := exempt_case(claim)) is not None:
        return exempt
    if claim.deontic == "N" or (claim.deontic == "P" and _omits(claim)):
        return claim.condition_text or claim.text
    if claim.deontic == "O" and (
        claim.action in _words().omissions or THEN_SKIP.search(unquoted(claim.text))
    ):
        if not claim.condition_text and SKIP_WHICH.match(unquoted(claim.text)):
            return claim.text  # "Skip any listing written mostly in Spanish": the object says which
        return claim.condition_text or None  # "If C, mark it Unusable and skip it"
    return None


def _refused_omission(claim: Claim) -> tuple[str, str] | None:
    """(what a rule forbids leaving undone, the case it refuses as a reason): "Never skip a clip because of
    glare", "You must still segment it; never skip segmentation, even when the transcript is barely usable"."""
    text = unquoted(claim.text)
    if (reason := _refused_reason(text)) is not None:
        return reason
    # "Spanish-language listings are rated like any other listing"
    if (same := LIKE_ANY_OTHER.search(text)) is not None:
        return f"skip {same.group('head')}", same.group("case")
    m = _words().refused_omission.search(text)
    if m is None:
        return None
    passive = PASSIVE_REFUSAL.match(text)
    if passive is not None and passive.group("case").strip():  # "Non-English messages may not be skipped"
        return text[passive.start("head") : passive.end()], passive.group("case").strip()
    case = _words().reason.search(text, m.end())
    if case is None and (conceded := conceded_before(text, m.start())) is not None:
        return refused_after_concession(text, m, conceded)
    thing = MODIFIED_THING.match(text, m.end()) if case is None else None
    if thing is not None and not NOT_A_NOUN.match(thing.group("head")):
        # "Never skip a blurred image": the blur is the case, the image the thing
        return f"{text[m.start() : m.end()]} {thing.group('head')}", thing.group("mod")
    if case is None:
        return None
    act = text[m.start() : case.start()]
    subject = SUBJECT_REFUSED.match(text)
    if subject is not None and not content(act) - _words().omissions - _words().blank:
        act = f"skip {subject.group('thing')}"  # "Redaction is never skipped: even when ...": the subject is skipped
    return act, case.group(0)


def _required_regardless(claim: Claim, thing: frozenset[str]) -> tuple[str, str] | None:
    """(what a rule requires, the case it refuses) when it requires ``thing`` whatever the case: "The
    error-flagging step is mandatory for every task, no matter how short the commentaries are"."""
    text = unquoted(claim.text)
    if claim.deontic != "O" or claim.action in _words().omissions or not thing:
        return None
    if (conceded := CONCESSION_AT_START.match(text)) is not None:
        # "Even for flaws confined to test files, the CWE field must be filled": the case conceded first
        clause = re.split(r"[;:]", text[conceded.end() :], maxsplit=1)[0]
        acts = {act_stem(w) for w in content(clause.replace("-", " "))}
        if {act_stem(w) for w in thing - _words().process or thing} <= acts:  # "escalation" / "be escalated"
            return " ".join(sorted(thing)), conceded.group("case")
        return None
    case = _words().reason.search(text)
    if case is None or not thing <= content(clause_before(text, case.start()).replace("-", " ")):
        return None  # the thing is required before the case is refused, not named after it
    return " ".join(sorted(thing)), case.group(0)


def _case_words(text: str, thing: frozenset[str]) -> frozenset[str]:
    w = _words()
    return content(text.replace("-", " ")) - thing - w.generic - w.omissions - w.reason_nouns


def _granted_case_refused(fa: Claim, fb: Claim, near: bool = True) -> Conflict | None:
    """A case one rule excuses that the other refuses in words: a permission or order to skip (``_granted_omission``)
    against "never skip ..., even when <the case>"; or "If the number is in the header, do not flag it" against
    "Flag it ..., even if it appears in the header" (one act, opposite forces, the condition conceded)."""
    if in_one_section(fa.rule.path, fa.rule.section, fb.rule.path, fb.rule.section):
        return None  # the refusal qualifies the grant beside it ("the first instance must be annotated")
    # imported here: field_contents reads the deck through deck_scans, which imports this module
    from .field_contents import in_other_containers

    for granting, refusing in ((fa, fb), (fb, fa)):
        if not near and not _omits(granting) and granting.deontic != "P":
            continue
        found = _omission_refused(granting, refusing) or (
            _condition_conceded(granting, refusing) if near or granting.deontic == "P" else None
        )
        if found is None:
            continue
        granted, refused, thing = found
        if other_exemption(granting, refusing) or accepts_the_grant(refusing, granting):
            continue  # "... the only skip reasons we accept are WRONG_DOC and NON_LATIN" / "Skip with NON_LATIN if"
        if in_other_containers(granting, refusing):
            continue  # "type the value into the Corrected Value box" / "never type an SSN into a comment"
        shared = _case_words(granted, thing) & _case_words(refused, thing) or same_measure(
            granted, refused, thing
        )
        skipped = frozenset({granting.object_head} - {None})  # what the grant lets raters skip
        names = case_names(granting, refusing, granted, refused)
        if not shared - names or not reason_named(refusing, granted, skipped):
            continue
        case = "" if granted == granting.text else f" (“{granted.strip()}”)"
        why = (
            f"{quoted(as_read(granting.rule))} excuses a case{case} that "
            f"{quoted(as_read(refusing.rule))} refuses (“{refused.strip()}”)."
        )
        spans = find_span(granting.rule, granted.strip()) + find_span(refusing.rule, refused.strip())
        return Conflict("CON016", 0.85, why, spans, False)
    return None


def _omission_refused(granting: Claim, refusing: Claim) -> tuple[str, str, frozenset[str]] | None:
    """(granted case, refused case, the omitted thing's words) when one rule lets raters skip what the other
    forbids skipping in that case."""
    granted = _granted_omission(granting)
    if granted is None or conditioned_refusal(refusing):
        return None
    refused = _refused_omission(refusing) or _required_regardless(refusing, _omitted(granting))
    if refused is None:
        return None
    thing = (
        content(refused[0].replace("-", " ")) - _words().omissions - _words().blank - _words().reason_nouns
    )
    if not thing and _refused_reason(unquoted(refusing.text)) is not None:
        return granted, refused[1], thing  # "X is no reason to skip": skipping anything
    said = content(granting.text.replace("-", " "))
    if not thing & said:
        return None  # "never skip the audio check" says nothing of skipping a clip
    obj = content((granting.rule.object or "").replace("-", " "))
    own = thing - obj
    if granting.object_head in thing and obj - thing and own and not own & said:
        return None  # "skip the address check" / "never skip the weight check": two checks
    if not _omits(granting) and not thing & content(granting.rule.object or ""):
        return (
            None  # "there's no need to rush the long ones" relaxes rushing, not the clip "never skip" keeps
        )
    return granted, refused[1], thing


def _omitted(granting: Claim) -> frozenset[str]:
    """The words of what a rule lets raters skip: "skip the error-flagging step" -> error, flagging, step."""
    return content((granting.rule.object or "").replace("-", " "))


def _condition_conceded(granting: Claim, refusing: Claim) -> tuple[str, str, frozenset[str]] | None:
    """(granted case, refused case, the act's thing) for "If C, do not flag it" against "Flag it ..., even if C", or
    "Set the flag whenever C" against "Do not set the flag because of C" (a prohibition that names C as a reason)."""
    pair = (granting.deontic, refusing.deontic)
    if {*pair} != {"O", "F"} and pair != ("P", "F"):  # "If C, you may X" / "Don't X, not even for C" too
        return None
    granted = granting.condition_text or relative_case(unquoted(granting.text))
    if not granted or granting.action is None or granting.action != refusing.action:
        return None
    text = unquoted(refusing.text)
    m = _words().concession.search(text)
    reason = m is None and refusing.deontic == "F"
    if reason:  # "Do not set the flag because of copied-forward text", "Do not tick Occluded for shadows"
        # a prohibition "for" a case refuses it when it has no case of its own, against an order or a permission
        m = _words().reason.search(text) or (FOR_CASE.search(text) if _for_case(granting, refusing) else None)
    if m is None or (refusing.condition_text and m.group(0) in refusing.condition_text):
        return None
    refused = m.groupdict().get("c") or m.group(0)
    thing = content(" ".join(filter(None, (granting.rule.object, refusing.rule.object))).replace("-", " "))
    if reason and not _names_the_case(refused, granted, thing):
        return None
    return granted, refused, thing


def _for_case(granting: Claim, refusing: Claim) -> bool:
    return granting.deontic != "F" and not refusing.condition_text


def _names_the_case(refused: str, granted: str, thing: frozenset[str]) -> bool:
    """A reason refused names the granted case itself, not a sibling case that shares a word with it: "because of
    copied-forward text" is the case "when a section has been copied forward"; "just because a tag is a different
    colour" is not "only if the linked tag shows a reduced price". At least half its words are the case's."""
    words = _case_words(refused, thing)
    return bool(words) and len(words & _case_words(granted, thing)) * 2 >= len(words)


__all__ = ["denied_exception", "forbids_omission", "omission_acts", "refused_words"]
