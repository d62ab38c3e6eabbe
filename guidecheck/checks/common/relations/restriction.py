"""An act reserved to a group against a rule that gives or requires the same act of everyone (CON011).

"Only senior reviewers may assign the Security Risk flag" reserves the act; "Every annotator is expected to set
the Security Risk flag when ..." requires it of everyone, and "You don't need any certification to use the Strong
Accent tag" or "Any moderator may reject a review that looks incentivized" give it to everyone, and so does an
instruction to the reader ("edit the rating yourself"): the deck's reader is any rater. A rater who is not in the
group cannot follow both. The two rules must act on the same thing: the same named label or flag
(the verb that applies a label does not matter: assign, set, use), or the same act on the same object. Words and
patterns are data (``data/contradictions.toml``, [restriction]).
"""

from __future__ import annotations

import re

from .addressee import addressee
from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, lexicon, stem
from .reader_acts import readers_clauses
from .reservations import (
    DETERMINERS,
    act_stems,
    before_and_after,
    label_verb_stems,
    marks_another_thing,
    other_value,
    qualifiers,
    reservation_words,
    reserved,
    reserved_thing,
    reserved_what,
    reserving_sentence,
    rule_sentence,
    states_case,
    verb_stems,
    verbs_of,
    what_shared,
    word_stems,
)
from .text import as_read, find_span, quoted, without_reason

# A capitalised name of two words or more, not at the start of the sentence: "the Security Risk flag".
_NAME = re.compile(r"(?<=\S\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")

# A reason after "for" ("for suspected incentivization"); "for example ..." and "for instance ..." give examples.
_REASON = re.compile(
    r"\bfor\s+(?!example\b|instance\b)(?:suspected\s+|possible\s+|an?\s+)?(?P<why>[a-z][^,.;:()]{3,60})", re.I
)

# "reopen a submitted frame for editing": one bare gerund after "for" is what the act is for, not a reason to do it.
_PURPOSE = re.compile(r"[a-z]+ing", re.I)


def _same_reason(reserving: Claim, other: Claim) -> bool:
    """A reservation for one reason ("can reject a review for suspected incentivization") reserves nothing
    another rule does for another reason ("If a review contains a link ..., reject it"): the other rule must
    name the reason too (words compared on their first seven letters: incentivization / incentivized)."""
    text = unquoted(reserving.text)
    reserved = reservation_words().reserved.match(text) or reserved_thing().match(text)
    # "is reserved for <group>": no reason; a reason is the reserving clause's ("...; writers who think one is
    # deserved flag the ticket for their Team Lead" gives none)
    first = without_reason(re.split(r"[;:]", text, maxsplit=1)[0])
    m = None if reserved else _REASON.search(first)
    if m is None or _PURPOSE.fullmatch(m.group("why").strip()):
        return True
    why = {w[:7] for w in re.findall(r"[a-z]{4,}", m.group("why").lower())}
    return bool(why & {w[:7] for w in re.findall(r"[a-z]{4,}", other.text.lower())})


def _shared_target(reserving: Claim, acts: tuple[str, ...], other: Claim) -> str | None:
    """What both rules act on: a label both name (the act is applying it, whatever the verb), else the same act
    on the same object."""
    verbs = reservation_words().label_verbs
    names = (
        (_names(reserving.text) & _names(other.text))
        or _one_word_names(reserving, other)
        or _quoted_names(reserving, other)
        or _thing_named(reserving, other)
    )
    other_verbs = {w.lower() for w in re.findall(r"[A-Za-z]+", other.text)} & verbs
    if names and verb_stems(acts) & {stem(v) for v in verbs}:  # "Marking ... is reserved": a gerund of one
        # a label verb in any form, as long as it applies the name ("applies the Emergency label")
        names = names if other_verbs else {n for n in names if _applies(other.text, n)}
        names = {n for n in names if not marks_another_thing(reserving, other, n)}
        if names:
            return min(names, key=lambda n: (-len(n), n))  # the fullest name ("Security Risk", not "Risk")
    # "(... is still a behaviour change)" acts on nothing; "..., but approving it is a Lead's call" is not given
    main = _ASIDE.sub(" ", readers_clauses(_BUT.split(other.text, maxsplit=1)[0]))
    main = _NOT_THIS.sub(" ", main)  # "go back through the batch rather than fixing only ...": not given
    if not act_stems(acts) & verbs_of(_TIME_CLAUSE.sub(" ", main)):
        # "until the batch closes" times the act; "set the FAKE flag" is still "apply the FAKE flag"
        return _named_flag_applied(reserving, acts, other) or _same_control(reserving, other)
    words = word_stems(other.text)
    if reserving.object_head and reserving.object_head in words & word_stems(_reserved_clause(reserving)):
        name = _KIND_NAMED.search(_reserved_clause(reserving)) or _KIND_VALUE.search(
            _reserved_clause(reserving)
        )
        if name is not None and reserving.object_head in _KIND_WORDS and name.group(1) not in other.text:
            return None  # "set the FAKE flag" is reserved, not "set any flag that applies"
        if other_value(_reserved_clause(reserving), other.text):
            return None  # "set a clip to UNUSABLE" (or a status to Duplicate) is reserved, not "set the NIGHT flag"
        where = _DESTINATION.search(_reserved_clause(reserving))
        if where is not None and not content(where.group("where").replace("-", " ")) & words:
            return None  # "add a genre to the taxonomy" is reserved, not "add up to two secondary genres"
        return reserving.rule.object or reserving.object_head
    found = reserved_what(reserving_sentence(reserving))
    if found is not None:  # "Adding a custom tag to the label set is reserved for ...": the gerund's object
        return what_shared(*found, words)
    if reserving.object_head is None:  # "Once a rating is submitted, only a team lead can change it"
        thing = _THING.search(reserving_sentence(reserving).split(",", 1)[0])
        if thing and stem(thing.group(1).lower()) in _group_words(reserving):
            thing = None  # "The Final Price box is reserved for the pricing team": the group, no thing
        if thing and stem(thing.group(1).lower()) in words:
            return thing.group(1)
        return _object_after_act(reserving, words)
    return _words_after_act(reserving, acts, words, other.text)


# Where the reserved act puts its object: "add a genre to the taxonomy", "copy rows into the master sheet". The other
# rule must name a word of it ("add gold items" names the gold set; "add a missing unit" the unit dictionary).
_DESTINATION = re.compile(
    r"\b(?:to|into|onto|from)\s+(?:the|a|an|our|this|that)\s+(?P<where>(?:[\w-]+\s+)?[a-z][\w-]+)\b", re.I
)


def _named_flag_applied(reserving: Claim, acts: tuple[str, ...], other: Claim) -> str | None:
    """A named flag or label reserved with one label verb ("Only team leads can set the FAKE flag") and applied
    with another right before its name ("should apply the FAKE flag directly"): the same act."""
    if not act_stems(acts) & label_verb_stems():
        return None
    name = _KIND_NAMED.search(_reserved_clause(reserving))
    return name.group(0) if name is not None and _applies(other.text, name.group(0)) else None


def _same_control(reserving: Claim, other: Claim) -> str | None:
    """A named control the reserved act is done with and the other rule presses ("send a bag to the SME queue with
    the Escalate button" / "Any rater can press Escalate"): the same act, whatever the verbs."""
    from .controls import controls_used  # controls reads the deck through relate, which imports this module

    shared = controls_used(_reserved_clause(reserving)) & controls_used(other.text)
    if not shared:
        return None
    name = min(shared, key=lambda n: (-len(n), n))
    return next((m.group(0) for m in re.finditer(re.escape(name), other.text, re.I)), name)


def _applies(text: str, name: str) -> bool:
    """A label verb, in any form, right before the name: "applies the Emergency label", "assigning it Emergency"."""
    for m in re.finditer(
        rf"\b([A-Za-z]+)\s+(?:(?:the|a|an|it|them)\s+)?(?:(?:as|to)\s+)?[\"'‘“]?{re.escape(name)}\b", text
    ):
        if stem(m.group(1).lower()) in label_verb_stems():
            return True
    return False


def _words_after_act(reserving: Claim, acts: tuple[str, ...], words: set[str], other_text: str) -> str | None:
    """What the reserved act is done to, when the other rule names two of its words ("add entries to the project
    gloss list" / "If a gloss is missing from the list, any annotator can add it"), or one and a kind of thing
    (a flag, a box); one shared word alone is chance."""
    m = reservation_words().only.match(reserving_sentence(reserving))
    if m is None:
        return None
    after = _reserved_clause(reserving)[m.end() :]
    said = {stem(w) for w in words}
    shared = (content(after.replace("-", " ")) - act_stems(acts) - _KIND_WORDS) & said
    # "set the plagiarism flag" / "Tick the plagiarism box ...; any reviewer can set the flag": the shared word names
    # a thing of a kind in both ("Set the Cropped flag if the receipt ..." shares "receipt" but names another flag)
    named = len(shared) == 1 and bool(shared & _kind_names(after) & _kind_names(other_text))
    return after.strip() if len(shared) >= 2 or named else None


_BEFORE_KIND = re.compile(r"\b([a-z][\w-]+)\s+(?:flag|tag|label|checkbox|button|box|field|status)s?\b", re.I)


def _kind_names(text: str) -> set[str]:
    """The stems of the words right before a kind word: "the plagiarism flag", "the plagiarism box" -> plagiar."""
    return {stem(m.group(1).lower()) for m in _BEFORE_KIND.finditer(text)}


# Words that say what kind of thing a name is ("the Not a receipt flag"), not which: two flags share "flag".
_KIND_WORDS = frozenset(
    stem(w) for w in ("flag", "tag", "label", "checkbox", "button", "box", "field", "status")
)


# A thing of a kind named before the kind word: "the FAKE flag", "the Urgent tag".
_KIND_NAMED = re.compile(
    r"\b([A-Z][\w-]*|[a-z]+-[a-z][\w-]*)\s+(?:flag|tag|label|checkbox|button|box|field|status)s?\b"
)  # "the FAKE flag", "the trail-closure flag"


# A thing of a kind named by the value it is set to: "set a report's status to Duplicate".
_KIND_VALUE = re.compile(r"\b(?:flag|tag|label|status|field|box)s?\s+(?:to|as)\s+([A-Z][\w-]*)")


# The name a reserved thing starts with: "Gold Candidate nominations", "The Escalate to Legal flag".
_THING_NAME = re.compile(r"^[A-Z][\w-]*(?:\s+(?:to\s+|of\s+)?[A-Z][\w-]*)*")


def _thing_named(reserving: Claim, other: Claim) -> set[str]:
    """The name of a thing a rule reserves ("Gold Candidate nominations are reserved for ..."), when the other rule
    writes it."""
    m = reserved_thing().match(reserving_sentence(reserving))
    name = _THING_NAME.match(m.group("what")) if m else None
    return {name.group(0)} if name and len(name.group(0)) > 3 and name.group(0) in other.text else set()


# The words right after the reserved act, up to a preposition or the clause's end: "edit or delete polygons drawn
# by ..." acts on polygons.
_AFTER_ACT = re.compile(r"^\s*(?:or\s+[a-z]+\s+)?(?P<what>(?:[a-z-]+\s+){0,2}?[a-z-]{3,})\b", re.I)
_NOT_OBJECT = frozenset({"by", "from", "to", "in", "on", "for", "with", "of", "at", "that", "which", "who"})


def _object_after_act(reserving: Claim, words: set[str]) -> str | None:
    """The object the reserving sentence writes right after its act ("may edit or delete polygons drawn by
    another annotator" -> polygons), when the other rule acts on it too."""
    text = reserving_sentence(reserving)
    m = reservation_words().only.match(text)
    if m is None:
        return None
    after = _AFTER_ACT.match(text[m.end() :])
    if after is None:
        return None
    people = _group_words(reserving)  # "reserved for the pricing team": the group, no object
    for w in after.group("what").split():
        if w.lower() in _NOT_OBJECT:
            return None
        if w.lower() not in DETERMINERS and len(w) > 3 and stem(w.lower()) in words - people:
            return w
    return None


# A name in single or double quotes ("apply the 'Escalate to pharmacist' flag").
_QUOTED_NAME = re.compile(r"(?<!\w)['‘\"“](?P<name>[A-Z][\w -]{2,40}?)['’\"”](?!\w)")


def _quoted_names(reserving: Claim, other: Claim) -> set[str]:
    """Names the reserving rule quotes that the other rule writes too, quoted or not ("press Escalate to
    pharmacist")."""
    low = other.text.lower()
    return {m.group("name") for m in _QUOTED_NAME.finditer(reserving.text) if m.group("name").lower() in low}


_ASIDE = re.compile(r"\([^()]*\)")

# Where a sentence turns to what it does not give ("..., but approving or overturning it is a Lead's call").
_BUT = re.compile(r",?\s+but\s+", re.I)
# The act a sentence turns down for another: "rather than fixing only the segments ahead of you", "instead of ...".
_NOT_THIS = re.compile(r"\b(?:rather\s+than|instead\s+of)\b[^,;.]*", re.I)


def _names(text: str) -> set[str]:
    """Label names of a sentence: capitalised names of two words or more, and one word named by its kind ("the
    Urgent flag")."""
    return set(_NAME.findall(text)) | {
        m.group("name") for m in reservation_words().named_label.finditer(text)
    }


# A capitalised word inside a sentence: a status or button the deck names ("set a file to Unworkable").
_CAPITAL = re.compile(r"(?<=[\w,;:)]\s)[A-Z][a-z]{3,}\b")


def _one_word_names(reserving: Claim, other: Claim) -> set[str]:
    """One-word names both rules use inside their sentences ("set a file's status to Unworkable" / "set a file to
    Unworkable"), other than the words of the reserved group ("Tier", "Level") and the roles."""
    skip = _group_words(reserving) | reservation_words().roles | lexicon().stop
    found = [_lone_capitals(_reserved_clause(reserving)), _lone_capitals(unquoted(other.text))]
    return {w for w in found[0] & found[1] if stem(w.lower()) not in skip}


def _group_words(reserving: Claim) -> set[str]:
    """The word stems of the group an act is reserved to, which never name the thing reserved."""
    group = reserved(reserving)
    return word_stems(group[0]) if group else set()


def _reserved_clause(reserving: Claim) -> str:
    """What is reserved, not the advice after it ("...; a rater who sees something Critical should ...", "..., and
    nobody else should invent tags") nor the reason for it ("..., because it hides the trail from the map")."""
    clause = re.split(r"[;:]|,\s+(?:and|but|so)\s+", reserving_sentence(reserving), maxsplit=1)[0]
    return without_reason(clause)


def _lone_capitals(text: str) -> set[str]:
    """Capitalised words that stand alone: "Unusable" in "set it to Unusable", not in "the Unusable Audio filter"."""
    out = set()
    for m in _CAPITAL.finditer(text):
        before, after = text[: m.start()].split()[-1:], text[m.end() :].split()[:1]
        if not any(w[:1].isupper() for w in before[:1] + after if w[:1].isalpha()):
            out.add(m.group())
    return out


# Where a sentence's main clause ends: a second clause, or one that says when or on what terms ("You can reopen
# your own batches, as long as QA hasn't scored them": QA is named by the terms, not given the act).
_CLAUSE_END = re.compile(
    r"[;:]|\b(?:as long as|unless|until|till|once|provided|if|when|after|before)\b", re.I
)


def _main_clause(text: str) -> str:
    """The sentence's main clause; after an opening clause ("If you notice a mistake, post ..."), what follows it."""
    m = _CLAUSE_END.match(text.lstrip())
    if m is not None and m.group().isalpha():
        text = text.split(",", 1)[1] if "," in text else ""
    return _CLAUSE_END.split(text, maxsplit=1)[0]


def _without_alternative(text: str) -> str:
    """The sentence without the group it says not to wait for ("... yourself rather than waiting for a lead")."""
    return reservation_words().alternative.sub("", text)


# A clause that says when ("until the batch closes at 23:59"): its verb is no act of the rule.
_TIME_CLAUSE = re.compile(r"\b(?:until|till|before|after|once|while)\s+[^,;.]*", re.I)

# The thing a leading clause names ("Once a rating is submitted, ..."): what "it" stands for after it.
_THING = re.compile(r"\b(?:a|an|the|each|every|any)\s+([A-Za-z]+)")


def _everyone(other: Claim) -> tuple[str, bool] | None:
    """(words, relaxes) of a rule that gives an act to everyone: "Every annotator ...", "You don't need any
    certification to ...", or the reader told or allowed to do it ("edit the rating yourself", "you may ..."), not
    "You are not being asked to fix the files"."""
    m = reservation_words().universal.search(rule_sentence(other))
    if m is not None:
        return m.group(), "need" in m.group().lower()
    if (
        other.deontic in ("O", "P")
        and not other.rule.negated
        and other.rule.actor == "you"
        and addressee(other) == "you"
    ):
        return other.text, False  # told outright; a passive ("reviews ... must be rejected") names no one
    told = other.deontic in ("O", "P") and not other.rule.negated
    # "go ahead and mark it Unsummarisable yourself", whoever the frame's actor is
    if told and (m := _YOURSELF.search(_without_alternative(rule_sentence(other)))) is not None:
        return m.group(), False
    return None


# The reader told to do the act in person: the act is theirs, not a lead's ("set the status yourself").
_YOURSELF = re.compile(r"\byourself\b", re.I)


def _later_clause(other: Claim, words: str) -> bool:
    """Everyone is given the act in a clause of its own, before or after the prohibition's ("Do not wait for a nurse
    ...: any annotator ... applies the label"), so the prohibition is not its."""
    i = other.text.find(words.strip(" :;"))
    if i > 0 and re.search(r"[:;]\s*$", other.text[:i]):
        return True
    # "Whoever spots a leaked key raises the flag on the spot — don't wait for audit": the ban is the later clause's
    cue = other.cue[0] if other.cue else -1
    return 0 <= i < cue and bool(re.search(r"[;:—–]|\s-\s", other.text[i:cue]))


def _before_act(clause: str, acts: tuple[str, ...]) -> str:
    """The clause up to the act: who does it ("Every senior reviewer must lock ..."), not whom a later act is for
    ("lock the thread yourself and then leave a note for the senior moderator")."""
    stems = act_stems(acts)
    at = next(
        (m.start() for m in re.finditer(r"[A-Za-z]+", clause) if stem(m.group(0).lower()) in stems), None
    )
    return clause if at is None else clause[:at]


def restriction_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` (CON011) when one rule reserves an act that the other gives or requires of everyone."""
    for reserving, other in ((fa, fb), (fb, fa)):
        got = reserved(reserving)
        if got is None or reserved(other) is not None or states_case(other):
            continue
        group, acts = got
        everyone = _everyone(other)
        if everyone is None or (
            other.deontic == "F" and not everyone[1] and not _later_clause(other, everyone[0])
        ):
            continue
        if not everyone[1] and qualifiers(group) & word_stems(
            _before_act(_main_clause(_without_alternative(everyone[0])), acts)
        ):
            continue  # the other rule is about the same group ("Every senior reviewer must ...")
        if not _same_reason(reserving, other) or before_and_after(reserving, other):
            continue
        if reservation_words().others_work.search(reserving.text) and reservation_words().own_work.search(
            other.text
        ):
            continue  # reserved for someone else's work, given for one's own
        target = _shared_target(reserving, acts, other)
        if target:
            why = (
                f"{quoted(as_read(reserving.rule))} reserves this to {group}, but {quoted(as_read(other.rule))} "
                f"gives it to everyone ({target})."
            )
            spans = find_span(reserving.rule, group) + find_span(other.rule, target)
            return Conflict("CON011", 0.85, why, spans, False, categorical=True)
    return None
