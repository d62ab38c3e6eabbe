"""What a rule reserves to a group (CON011): "Only Tier 2 moderators can reject ...", "Changing a submitted score
is reserved for QA reviewers", "The Escalate to Legal flag is reserved for ...", also in a role table's cell; and
the acts a rule's words can name as verbs. ``restriction`` compares a reservation with a rule that gives the act to
everyone. Words and patterns are data (``data/contradictions.toml``, [restriction])."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ....index.reserved import act_bases, reservation_patterns
from ....rules.reserved_acts import participle_base, reservation_forms
from .claims import Claim, unquoted
from .lexicon import content, data, lexicon, stem, word_overlap


class Words(NamedTuple):
    only: re.Pattern[str]
    reserved: re.Pattern[str]  # both as the candidate pairs read them (index/reserved.py)
    universal: re.Pattern[str]
    label_verbs: frozenset[str]
    roles: frozenset[str]
    named_label: re.Pattern[str]
    alternative: re.Pattern[str]
    others_work: re.Pattern[str]
    own_work: re.Pattern[str]


@lru_cache(maxsize=1)
def reservation_words() -> Words:
    d = data()["restriction"]
    universal = d["universal"].replace("ROLES", "|".join(d["roles"]))
    return Words(
        *reservation_patterns(),
        re.compile(universal, re.I),
        frozenset(d["label_verbs"]),
        frozenset(stem(r) for r in d["roles"]),
        re.compile(d["named_label"]),
        re.compile(d["alternative"], re.I),
        re.compile(d["others_work"].replace("ROLES", "|".join(d["roles"])), re.I),
        re.compile(d["own_work"], re.I),
    )


# A term the sentence is filed under ("Escalations: Only Level 2 raters may ...", "Harmful instructions: Any
# rater who ..."): a table's or list's heading, not part of the sentence.
_FILED_UNDER = re.compile(r"^\s*[A-Z][\w'’()-]*(?:\s+[\w'’()-]+){0,3}:\s+(?=[A-Z])")


def rule_sentence(claim: Claim) -> str:
    """The rule's sentence without its quotations and the term it is filed under."""
    return _FILED_UNDER.sub("", unquoted(claim.text), count=1)


def reserved(claim: Claim) -> tuple[str, tuple[str, ...]] | None:
    """(group, acts) of a rule that reserves an act: "Only Tier 2 moderators can reject ..." -> ("Tier 2
    moderators", ("reject",)); "may split or merge segments" reserves both acts. A bare role ("Only raters may
    ...") reserves nothing from anyone."""
    for text in _reservation_texts(claim):
        got = _reserved_in(text)
        if got is not None:
            return got
    return None


def _reservation_texts(claim: Claim) -> list[str]:
    """The sentence, then each cell of a table row: a role table says "RN reviewer | Reviews escalations ... |
    Only RN reviewers may assign the Emergency label" in its last cell."""
    cells = [_FILED_UNDER.sub("", unquoted(c), count=1) for c in claim.rule.cells.values() if c.strip()]
    return [rule_sentence(claim), *cells[1:]] if len(cells) > 1 else [rule_sentence(claim)]


def reserving_sentence(claim: Claim) -> str:
    """The sentence (or table cell) that makes the reservation, which the act's object is read from."""
    return next((t for t in _reservation_texts(claim) if _reserved_in(t) is not None), rule_sentence(claim))


@lru_cache(maxsize=1 << 16)
def _reserved_in(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Read once per text: the pair loop asks it of both rules of every pair."""
    m = reservation_words().only.match(text)
    if m:
        act = m.group("act").lower()
    elif (m := reservation_words().reserved.match(text)) is not None and names_people(m.group("group")):
        act = m.group("act").lower()  # "Changing a submitted score is reserved for QA reviewers"
    elif (found := _passive_or_call(text)) is not None:
        # "Appeals are decided only by ...", "Marking ... is a reviewer decision"
        m = found[1]
        act = participle_base(m.group("act"))
    elif (m := reserved_thing().match(text)) is not None and names_people(m.group("group")):
        acts = tuple(
            sorted(reservation_words().label_verbs)
        )  # "The Escalate to Legal flag is reserved for ...": applying it
        return (m.group("group"), acts) if qualifiers(m.group("group")) else None
    else:
        return None
    group = m.group("group")
    more = _SECOND_ACT.match(text, m.end())
    acts = (act, more.group("act").lower()) if more is not None else (act,)
    button = _BUTTON_ACT.match(text, m.end()) if act in _PRESSING else None
    if button is not None:  # "Only Senior Annotators may press Escalate to Clinician": escalating is reserved
        acts = (*acts, button.group("act").lower())
    return (group, acts) if qualifiers(group) else None


def _passive_or_call(text: str) -> tuple[str, re.Match[str]] | None:
    """(form, match) of a reservation in the passive with its group the only agent, or of an act called one group's
    decision."""
    forms = reservation_forms()
    for name in ("reserved_by", "reserved_call"):
        m = forms[name].match(text)
        if m is not None and names_people(m.group("group")):
            return name, m
    return None


# The value an act sets its object to ("set a clip to UNUSABLE", "mark a report as 'Duplicate'"): the act reserved.
_SET_TO = re.compile(r"\b(?:to|as)\s+([A-Z][A-Z0-9_-]+\b|\"[^\"]{2,40}\"|'[^']{2,40}')")


def other_value(reserved_clause: str, other_text: str) -> bool:
    """The reserved act sets its object to a value the other rule does not name: another act on the same thing."""
    value = _SET_TO.search(reserved_clause)
    return value is not None and value.group(1).strip("'\"") not in other_text


def reserved_what(text: str) -> tuple[str, re.Match[str]] | None:
    """(form, match) of a reservation that names what the act is done to before the group: "Adding a custom tag to
    the label set is reserved for ...", "Gold disputes are decided only by ..."."""
    m = reservation_words().reserved.match(text)
    return ("reserved", m) if m is not None else _passive_or_call(text)


def what_shared(form: str, m: re.Match[str], words: set[str]) -> str | None:
    """The word of what is reserved that the other rule names: two shared words ("a custom tag to the label set"),
    one being chance. A passive's subject is the thing itself ("Appeals are decided only by ...", "Gold disputes
    ..."), and its act is named by the other rule already, so the other rule naming every word of it is enough ("Gold
    labels" are not any label)."""
    if form == "reserved_by":
        thing = _content_words(_OF_THING.split(m.group("what").split("(")[0], maxsplit=1)[0])
        return thing[-1] if thing and all(stem(w.lower()) in words for w in thing) else None
    shared = [w for w in _content_words(m.group("what")) if stem(w.lower()) in words]
    return shared[-1] if len({stem(w.lower()) for w in shared}) >= 2 else None


# Where a thing's name ends and what it is of or for begins: "Changes to the banned-word list".
_OF_THING = re.compile(r"\s(?:to|of|for|in|on|from|with|about)\s", re.I)


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in FUNCTION_WORDS]


def marks_another_thing(reserving: Claim, other: Claim, name: str) -> bool:
    """The two rules mark different things with the name: "mark a whole batch as Duplicate" / "flag the later photo
    as Duplicate page" (a pronoun, "mark it Duplicate", is whatever the sentence is about)."""
    things = [_marked(unquoted(c.text), name) for c in (reserving, other)]
    return all(things) and not things[0] & things[1]


def _marked(text: str, name: str) -> frozenset[str]:
    """The words of what a label verb marks with the name, pronouns and determiners aside."""
    verbs = "|".join(sorted(reservation_words().label_verbs))
    m = re.search(
        rf"\b(?:{verbs})(?:s|es|ed|ing)?\s+((?:[\w-]+\s+){{1,4}}?)(?:as\s+)?{re.escape(name)}\b", text, re.I
    )
    return frozenset(content(m.group(1))) - _NOT_THINGS if m else frozenset()


_NOT_THINGS = frozenset({"whole", "entire", "later", "earlier", "same", "other", "first", "last", "one"})


# Pressing a control whose name is an act ("press Escalate to Clinician", "click Reject") does that act.
_PRESSING = frozenset({"press", "click", "tap", "hit"})  # "use the Escalate to Dietitian flag" applies a flag
_BUTTON_ACT = re.compile(r"\s*(?:the\s+)?[\"“']?(?P<act>[A-Z][a-z]+)\b")


def names_people(group: str) -> bool:
    """A group of people ("QA reviewers", "the project leads"), not a thing ("the Remove action")."""
    return bool(word_stems(group) & _people_stems())


@lru_cache(maxsize=1)
def _people_stems() -> frozenset[str]:
    d = data()["restriction"]
    return frozenset(stem(w) for w in d["roles"] + d["people"])


def reserved_thing() -> re.Pattern[str]:
    return reservation_forms()["reserved_thing"]  # compiled once, as the rule reader reads it


_SECOND_ACT = re.compile(r"\s+(?:or|and|and/or)\s+(?P<act>[a-z]+)\b", re.I)


def verb_stems(acts: tuple[str, ...]) -> set[str]:
    """The stems of the acts' own verbs, a gerund's too ("Marking" -> mark), with no synonym folded in."""
    return {stem(f) for act in acts for f in act_bases(act) | {act.lower()}}


def act_stems(acts: tuple[str, ...]) -> set[str]:
    """The stems the acts may be written with; a gerund ("adding", "changing") names its verb's act."""
    act_of = lexicon().act_of
    return {act_of.get(stem(f), stem(f)) for act in acts for f in act_bases(act) | {act}}


FUNCTION_WORDS = frozenset(
    {"the", "and", "any", "for", "with", "its", "their", "your", "our", "from", "into"}
)
DETERMINERS = frozenset(
    {"a", "an", "the", "any", "this", "that", "no", "each", "every", "its", "their", "your"}
)
_QUANTIFIERS = frozenset({"more", "most", "fewer", "less", "many", "several", "some", "all", "both", "few"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "seems", "looks"})
_MODALS = frozenset({"can", "may", "will", "should", "must", "could", "would", "shall"})


def reserved_act(claim: Claim) -> set[str] | None:
    """The stems of the act a rule reserves to a group, or None when it reserves none."""
    got = reserved(claim)
    if not got:
        return None
    stems = act_stems(got[1])
    return stems | label_verb_stems() if stems & label_verb_stems() else stems  # "assign" is "apply" a label


def verbs_of(text: str) -> set[str]:
    """The acts a rule's words can name as verbs: every word not right after a determiner ("propose a change"
    names no change), a copula or another party's modal (``_not_a_verb_after``), with its synonyms' act."""
    acts = lexicon().act_of
    words = re.findall(r"[A-Za-z]+", text.lower())
    found = {
        stem(w)
        for i, w in enumerate(words)
        if i == 0 or not _not_a_verb_after(words[max(0, i - 4) : i], "who" in words[max(0, i - 6) : i])
    }
    return found | {acts.get(w, w) for w in found}


def _not_a_verb_after(before: list[str], person_before: bool = False) -> bool:
    """The next word is no act of the reader's: after a determiner ("propose a change"), a copula ("the answer is
    correct") or another party's modal ("so that an admin can correct it"; ``person_before``: the modal follows a
    relative clause of the subject, "any reviewer who sees a threat should escalate", and is the subject's)."""
    if (
        before[-1] in DETERMINERS
        or before[-1] in _COPULAS
        or before[-1] in _QUANTIFIERS
        or before[-1].isdigit()
    ):
        return True  # "17 or more correct verdicts": an adjective after a count
    if len(before) == 4 and before[0] in _PREPOSITIONS:
        return False  # "Anyone on the team can add", "any reviewer assigned to the proposal can set"
    return (
        not person_before
        and len(before) >= 3
        and before[-3] in ("a", "an", "the")
        and before[-1] in _MODALS
        and not _role_subject(before)
    )  # not "any moderator may", nor "any reviewer who sees a threat should"


def _role_subject(before: list[str]) -> bool:
    """The sentence opens on "a <role> can" ("A reviewer can reject ...", "Yes, a reviewer can ..."): the role is
    the rule's subject, and the act its own, not another party's in a clause of the reader's."""
    opens = len(before) == 3 or before[-4] in ("yes", "no")
    return opens and stem(before[-2]) in reservation_words().roles


_PREPOSITIONS = frozenset({"on", "in", "of", "from", "with", "at", "across", "within", "to"})


def word_stems(text: str) -> set[str]:
    return {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", text)}


# Roles above the rater's: "Only reviewers may mark a clip as Unusable" reserves the act, while "Only raters may"
# reserves nothing. A rule about the same group ("Any reviewer can ...") still gives nothing to everyone (below).
_ABOVE_RATERS = frozenset({"reviewer"})


def qualifiers(group: str) -> set[str]:
    """The words that make a group smaller than every rater: "senior", "tier", "passed", "certification",
    "reviewers"."""
    return (
        word_stems(group)
        - ((reservation_words().roles | lexicon().stop) - _ABOVE_RATERS)
        - {"who", "have", "has"}
    )


@lru_cache(maxsize=1)
def label_verb_stems() -> frozenset[str]:
    """The label verbs in any form ("applies the Emergency label"), but the tool's buttons and keys ("Press 1 for
    Emergency" is how to enter a label, not leave to apply it)."""
    return frozenset(stem(v) for v in reservation_words().label_verbs) - _UI_VERBS


_UI_VERBS = frozenset({"press", "click", "hit", "tap", "tick"})


# The moment after which the act is reserved, opening the sentence ("Once a batch has closed, only ...") or closing it
# ("Only QA reviewers can change a row after it has been submitted").
_AFTER = (
    re.compile(r"^\s*(?:once|after)\s+(?P<c>[^,;:]{3,80}),", re.I),
    re.compile(r"\b(?:once|after)\s+(?P<c>[^,;:.]{3,80}?)\s*[.!]?\s*$", re.I),
)
_UNTIL = re.compile(r"\b(?:until|till|before)\s+(?P<c>[^,;:.]{3,80})", re.I)


def before_and_after(reserving: Claim, other: Claim) -> bool:
    """ "Once a batch has closed, only Team Leads can change its labels" and "You can change your segments until
    the batch closes": the act is reserved after the moment the other rule's freedom ends."""
    after = next((m for rx in _AFTER if (m := rx.search(reserving.text))), None)
    until = _UNTIL.search(other.text)
    if after is None or until is None:
        return False
    # words compared on their first five letters: "After submission" / "until you press Submit"
    first, second = ({w[:5] for w in content(m.group("c"))} for m in (after, until))
    return word_overlap(frozenset(first), frozenset(second)) >= 0.5


# A list lead-in that names when to act, not who may ("Escalate when: you need to correct a grade you have already
# submitted"): its items are the cases, not acts given to the reader.
_CASE_LEAD = re.compile(
    r"^\s*[^:;.]{0,40}\b(?:when|if|whenever|in\s+(?:these|the\s+following)\s+cases)\s*:\s", re.I
)


def states_case(claim: Claim) -> bool:
    """The rule is an item under a lead-in that says when to do something: a case, not a grant."""
    return bool(
        _CASE_LEAD.match(claim.text) or _CASE_LEAD.match((claim.rule.lead_in or "").rstrip(" :") + ": ")
    )


__all__ = [
    "DETERMINERS",
    "FUNCTION_WORDS",
    "act_stems",
    "before_and_after",
    "label_verb_stems",
    "marks_another_thing",
    "names_people",
    "other_value",
    "qualifiers",
    "reservation_words",
    "reserved",
    "reserved_act",
    "reserved_thing",
    "reserved_what",
    "reserving_sentence",
    "rule_sentence",
    "states_case",
    "verb_stems",
    "verbs_of",
    "what_shared",
    "word_stems",
]
