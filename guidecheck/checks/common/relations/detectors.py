"""Conflict detectors: each looks at one shape of disagreement between two rule claims.

``relate`` asks them in the order of ``DETECTORS`` and the first that fires decides the check code. The order
goes from the most specific shape to the most general one, so a pair is named by what makes it a conflict:
a priority statement or a definition is recognised by its form before anything else; a numeric limit decides
before its polarity (a "no more than 3" is not a prohibition of 3); a label or score outcome decides before the
bare action; the deontic flip (must / must not) is the catch-all for same-topic rules of opposite force.
To add a contradiction type: write its detector here (returning a ``Conflict``), put it in ``DETECTORS`` at the
place its specificity calls for, put its words in ``data/contradictions.toml`` and register its check in
``checks/contradiction/checks.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ....rules.item_times import read_item_time
from .addressee import addressee, names_output
from .blank_field import blank_field_conflict
from .case_bands import case_band_conflict
from .claims import Claim
from .conflict import Conflict
from .denied_exception import omission_acts
from .distinct_things import named_apart
from .faq_cases import asked_about
from .granularity import granularity_conflict
from .ignored import ignored_conflict
from .labelled_alike import labelled_alike
from .lexicon import content, jaccard, lexicon, stem
from .numeric_limits import numbers_disjoint, numeric_conflict
from .opposite_acts import opposite_acts_conflict
from .reservations import reserved_act
from .rest_cases import rest_of
from .restriction import restriction_conflict
from .same_act import general_ban, keeps_as_is, members_meet, party_nouns, same_act
from .sequence import orders, sequence_conflict, timed_by
from .sufficiency import enough_conflict, sufficiency_conflict
from .text import RELATIVE, as_read, find_span, quoted, span_of
from .thresholds import threshold_conflict
from .topic import threshold, topic_match


def _same_topic(fa: Claim, fb: Claim, cosine: float) -> float:
    """0 when the rules are about different things, else the overlap that made them the same."""
    j = jaccard(fa.core, fb.core)
    heads_differ = bool(
        fa.object_head
        and fb.object_head
        and fa.object_head != fb.object_head
        and fa.object_head not in fb.core
        and fb.object_head not in fa.core
    )
    if topic_match(fa.core, fb.core, threshold("same_topic_frames")) and not heads_differ:
        return max(j, 0.5)
    if (
        fa.action
        and fa.action == fb.action
        and fa.object_head
        and fa.object_head == fb.object_head
        and j >= threshold("same_topic_frames")
        and cosine >= threshold("frames_cosine")
    ):
        return j
    act = same_act(fa, fb)
    if act and j >= threshold("same_topic_frames") and cosine >= threshold("same_act_cosine"):
        return j  # "shall return all documents containing X" / "shall not return any X": one act, one thing
    if (
        act
        and (addressee(fa) in ("you", "output") or names_output(addressee(fa)))
        and fa.action not in _GENERIC_ACTS
        and fa.object_head
        and (fa.object_head == fb.object_head or members_meet(fa, fb))
        and cosine >= threshold("same_addressee_cosine")
        and not any(RELATIVE.search(f.text) or _ONLY.search(f.text) for f in (fa, fb))
        and general_ban(fa, fb)
    ):
        # "Every response must name a recognized medical source" / "The assistant's answers should not name
        # sources": one addressee, one act, one thing, worded apart
        return max(j, threshold("same_topic_frames"))
    if act and _one_named_actor(fa, fb) and _object_words_meet(fa, fb):
        # "Reviewers can change your label directly" / "Reviewers do not edit annotator labels": one named actor,
        # one act (through act_synonyms), one thing, worded apart
        return max(j, threshold("same_topic_frames"))
    if (
        _parties(fa, fb)
        and act
        and _objects_meet(fa, fb)
        and cosine >= threshold("same_act_object_cosine")
        and not (RELATIVE.search(fa.text) or RELATIVE.search(fb.text))
    ):
        # "may make two backup copies of the Software" / "is prohibited from copying the Software"
        return max(j, threshold("same_topic_frames"))
    return 0.0


def _one_named_actor(fa: Claim, fb: Claim) -> bool:
    """Both rules name the same actor, not the reader: "Reviewers can ..." / "Reviewers do not ..."."""
    a, b = ((f.rule.actor or "").lower() for f in (fa, fb))
    return bool(a) and a == b and a != "you"


def _object_words_meet(fa: Claim, fb: Claim) -> bool:
    """The two objects share a noun, label words included ("your label and checkpoint ticks" / "annotator labels")."""
    a, b = (f.rule.object or "" for f in (fa, fb))
    return bool({stem(w) for w in a.lower().split()} & {stem(w) for w in b.lower().split()})


# Acts that say little of their own: "The <bk> tag cannot be used with ..." / "The <tc> tag may be used with ...".
_GENERIC_ACTS = frozenset({"us", "get", "giv", "tak", "put", "go", "keep", "hav", "mak"})

# "Rate only the ad inside the box" / "Do not rate the other ads": a rule that scopes its object by "only" agrees
# with a ban on what lies outside the scope, which the object heads alone cannot tell apart.
_ONLY = re.compile(r"\b(?:only|solely|exclusively)\b", re.I)


def _other_act_lifted(fa: Claim, fb: Claim) -> bool:
    """The relaxed rule lifts another act than the one the obligation asks for: "you do not need to ask anyone
    before taking one" lifts the asking, not "take your breaks". An act the relaxed rule names anyway ("do not
    need to check that the summary names ...") or a relax verb ("can skip citing") is the same act."""
    o, n = (fa, fb) if fa.deontic == "O" else (fb, fa)
    if not o.action or not n.action or o.action == n.action:
        return False
    named = content(_TEMPORAL.sub(" ", n.text))  # "before taking one" times the lifted act, it is not the act
    return n.action not in lexicon().relax_words and o.action not in named


_TEMPORAL = re.compile(r"\b(?:before|after|while|until|when)\s+\w+ing\b[^,;.]*", re.I)


def _parties(fa: Claim, fb: Claim) -> bool:
    """Both rules bind named parties of an agreement ("The Supplier shall ...", "Neither party may ..."). Clauses
    state each duty once and scope it by its own words; a rater deck scopes "use X for Y" by purposes this
    reading does not compare, so the looser same-act reading is kept to agreements."""
    parties = party_nouns() | {"party"}
    return (fa.rule.actor or "") in parties and (fb.rule.actor or "") in parties


def _opposite_cases(fa: Claim, fb: Claim) -> bool:
    """Relative clauses that name opposite cases ("Reports that pass the review" / "A Report that fails the
    review", "that are complete" / "that are not complete"): different conditions with different outcomes."""
    ma, mb = RELATIVE.search(fa.text), RELATIVE.search(fb.text)
    if ma is None or mb is None:
        return False
    ca, cb = (re.split(r"[,;:]", t.text[m.start() :], maxsplit=1)[0] for t, m in ((fa, ma), (fb, mb)))
    if bool(_NOT.search(ca)) != bool(_NOT.search(cb)):
        return True
    wa, wb = content(ca), content(cb)
    return any((x in wa and y in wb) or (y in wa and x in wb) for x, y in lexicon().opposites)


_NOT = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)


def _tool_timer(c: Claim) -> bool:
    """The sentence states what the tool does when time runs out ("Claimed posts you have not submitted are released
    back to the queue after 90 minutes"): a fact of the task's mechanics, no duty or permission of the rater."""
    return c.deontic != "F" and _states_timeout(c.text)


@lru_cache(maxsize=1 << 14)
def _states_timeout(text: str) -> bool:
    """Read once per rule text: the pair loop asks of a rule in every pair it is in."""
    timed = read_item_time(text)
    return timed is not None and timed.kind == "timeout"


def _objects_meet(fa: Claim, fb: Claim) -> bool:
    """The two acts are done to the same thing: one rule's object is named in the other ("make two backup
    copies of the Software" / "copying the Software")."""
    oa, ob = content(fa.rule.object or ""), content(fb.rule.object or "")
    return bool((oa & fb.core) or (ob & fa.core))


def _different_parties(fa: Claim, fb: Claim) -> bool:
    """Two named parties of an agreement ("The Tenant shall not assign ..." / "The Landlord may assign ..."):
    opposite duties of different parties do not conflict. Only capitalised defined terms count, so "raters" and
    "annotators" in a guideline stay one addressee."""
    parties = party_nouns()
    a, b = fa.rule.actor or "", fb.rule.actor or ""
    if not a or not b or a == b or "party" in (a, b) or a not in parties or b not in parties:
        return False
    return a.capitalize() in fa.rule.text and b.capitalize() in fb.rule.text


def conditions_compatible(fa: Claim, fb: Claim) -> str:
    """'same', 'exclusive' (cannot both hold / different situations) or 'narrower' (one conditional, one not)."""
    if rest_of(fa, fb):
        return "exclusive"  # "On all other frames the comment box is optional": the rest of the cases
    if not fa.condition and not fb.condition:
        return "same"
    if bool(fa.condition) != bool(fb.condition):
        return "same" if asked_about(fa, fb) else "narrower"
    if fa.condition_neg != fb.condition_neg:
        return "exclusive"
    if topic_match(
        fa.condition, fb.condition, threshold("same_condition"), high=threshold("same_condition_high")
    ):
        return "same"
    return "exclusive"


def definition_conflict(fa: Claim, fb: Claim, cosine: float) -> Conflict | str | None:
    if not fa.definition or not fb.definition or fa.definition[0] != fb.definition[0]:
        return None
    _term, da, ca = fa.definition
    _, db, cb = fb.definition
    overlap = jaccard(ca, cb)
    if overlap >= threshold("definition_same"):
        return "duplicate"  # (sentence embeddings of "X means ..." are dominated by X: never trusted here)
    if ca and cb and (ca <= cb or cb <= ca) and not numbers_disjoint(fa, fb):
        return "duplicate"  # one definition only adds detail to the other
    why = f"The term is defined two ways: {quoted(as_read(fa.rule))} versus {quoted(as_read(fb.rule))}."
    conf = round(0.95 - 0.4 * overlap, 3)
    return Conflict("CON006", conf, why, find_span(fa.rule, da) + find_span(fb.rule, db), False)


# A negation right before the label a rule names: "Partial cracks ... are not Rail break", "is never a 2".
_REFUSED_BEFORE = re.compile(
    r"\b(?:not|never|no\s+longer)\s+(?:be\s+)?(?:(?:labell?ed|marked|tagged|rated|scored)\s+)?(?:an?\s+|the\s+)?$",
    re.I,
)


def _label_refused(claim: Claim) -> bool:
    """Whether the rule names its first label only to deny it, so the message says "rules out" whatever its force."""
    start = claim.outcomes[0][1][0] if claim.outcomes else 0
    return bool(claim.outcomes) and bool(_REFUSED_BEFORE.search(claim.text[max(0, start - 32) : start]))


def _label_describes_case(claim: Claim) -> bool:
    """The rule's first label follows a participle that describes a thing ("any criterion scored Not Met", "ones
    scored Met"): the items the rule is about, not the label it gives ("It is scored 2", "Mark it Not Met")."""
    start = claim.outcomes[0][1][0]
    return bool(_DESCRIBED_BY.search(claim.text[max(0, start - 40) : start]))


# A noun and a participle of giving a label, right before the label: "criterion scored", "ones rated", "clips tagged as".
_DESCRIBED_BY = re.compile(
    r"\b(?!(?:is|are|be|been|was|were|get|gets|got|it|them|this|that|you|always|never|then|also)\b)[a-z]+\s+"
    r"(?:scored|rated|labell?ed|marked|tagged|graded|coded)\s+(?:as\s+)?$",
    re.I,
)


def _forbids_label(claim: Claim) -> bool:
    """A prohibition whose label sits in the clause it forbids ("Never mark a parody Spam"), not in a later clause
    that gives it ("... is never a reason to waive the photo; without that photo the evidence is Insufficient")."""
    if claim.deontic != "F" or not claim.outcomes:
        return False
    cue = claim.cue[0] if claim.cue else 0
    return ";" not in claim.text[cue : claim.outcomes[0][1][0]]


def _outcome_conflict(fa: Claim, fb: Claim, aliases: dict[str, str], cosine: float) -> Conflict | None:
    """Same situation, different label or score (CON003), or a permission outside an obligation's range (CON002).
    A rule that orders steps names what to do, not a label ("Score Correctness first, then Idiom")."""
    if not fa.outcomes or not fb.outcomes or orders(fa.text) or orders(fb.text):
        return None
    if _label_describes_case(fa) or _label_describes_case(fb):
        return None  # "add a comment to any criterion scored Not Met": the label says which items, not what to give
    cond = conditions_compatible(fa, fb)
    if fa.condition and fb.condition:
        if cond != "same":
            return None
        topic = 1.0
    elif labelled_alike(fa, fb):
        topic = 1.0  # "Professional certifications ... are labeled EDU_SPAN" / "Certifications are tagged as SKILL"
    else:
        topic = jaccard(fa.core, fb.core)
        if not (
            topic_match(fa.core, fb.core, threshold("label_topic"))
            or (topic >= threshold("label_topic_embedded") and cosine >= threshold("label_cosine"))
        ):
            return None
    if fa.score and fb.score:
        if not fa.score.disjoint(fb.score):
            return None
        la, lb = fa.text[fa.score_span[0] : fa.score_span[1]], fb.text[fb.score_span[0] : fb.score_span[1]]
        spans = span_of(fa.rule, fa.score_span) + span_of(fb.rule, fb.score_span)
    else:
        a_names = {aliases.get(o.lower(), o.lower()) for o, _ in fa.outcomes}
        b_names = {aliases.get(o.lower(), o.lower()) for o, _ in fb.outcomes}
        if a_names & b_names:
            return None
        la, lb = fa.outcomes[0][0], fb.outcomes[0][0]
        spans = span_of(fa.rule, fa.outcomes[0][1]) + span_of(fb.rule, fb.outcomes[0][1])
    perm = {"P"} & {fa.deontic, fb.deontic}
    if perm and {fa.deontic, fb.deontic} & {"O", "F"}:
        o, p = (fa, fb) if fa.deontic != "P" else (fb, fa)
        lo, lp = (la, lb) if o is fa else (lb, la)
        verb = "rules out" if _forbids_label(o) or _label_refused(o) else "requires"
        why = f"{quoted(as_read(o.rule))} {verb} {lo}, but {quoted(as_read(p.rule))} still allows {lp}."
        return Conflict("CON002", 0.9, why, spans, False)
    if fa.deontic in ("O", None) and fb.deontic in ("O", None):
        situation = f"“{fa.condition_text}”" if fa.condition_text else "the same case"
        why = f"For {situation}, {quoted(as_read(fa.rule))} gives {la} but {quoted(as_read(fb.rule))} gives {lb}."
        conf = 0.8 + 0.15 * min(topic, 1.0)
        return Conflict("CON003", conf, why, spans, False)
    return None


def _action_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """Same condition, two terminal actions that exclude each other ('skip it' vs 'rate it 0')."""
    if not (fa.condition and fb.condition) or conditions_compatible(fa, fb) != "same":
        return None
    if fa.deontic != "O" or fb.deontic != "O" or not fa.terminal or not fb.terminal:
        return None
    rating = {"rate", "label", "score"}
    if fa.terminal == fb.terminal or (fa.terminal in rating and fb.terminal in rating):
        return None
    why = (
        f"For “{fa.condition_text}”, {quoted(as_read(fa.rule))} says to {fa.terminal} the item "
        f"but {quoted(as_read(fb.rule))} says to {fb.terminal} it."
    )
    return Conflict(
        "CON003",
        0.8,
        why,
        find_span(fa.rule, fa.rule.action or "") + find_span(fb.rule, fb.rule.action or ""),
        False,
    )


def _deontic(fa: Claim, fb: Claim, cosine: float) -> Conflict | None:
    pair = {fa.deontic, fb.deontic}
    if fa.quantities and fb.quantities:
        return None  # a limit's polarity is part of the limit: the numeric frame decides
    if pair == {"F", "P"} and reserved_act(fa if fa.deontic == "P" else fb) is not None:
        return None  # "Only team leads can reopen a task" / "You can't reopen it yourself": one reservation
    keeping = keeps_as_is(fa, fb)
    if ("F" in pair and pair & {"O", "P"}) or keeping is not None:
        code = "CON001"
    elif pair == {"O", "N"} and not _other_act_lifted(fa, fb):
        code = "CON002"
    else:
        return None
    topic = _same_topic(fa, fb, cosine)
    if not topic or _different_parties(fa, fb) or _opposite_cases(fa, fb) or named_apart(fa, fb):
        return None
    if _tool_timer(fa) or _tool_timer(fb):
        return None
    # imported here: field_contents reads the deck through relate, which imports this module
    from .field_contents import in_other_containers
    from .verbatim import leaves_the_copy_allowed

    if in_other_containers(fa, fb):
        return None  # "in the Order field" / "into the Remarks box"
    # A list item whose force comes from its lead-in ("Do not:") gets no span: the report marks the lead-in.
    spans = span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue)
    strength = min(max(fa.rule.strength, 0.3), max(fb.rule.strength, 0.3))
    conf = round(min(0.97, 0.55 + 0.3 * topic + 0.15 * strength), 3)
    if code == "CON001":
        pos, neg = (fa, fb) if fb.deontic == "F" or keeping is fb else (fb, fa)
        if (
            timed_by(pos, neg)
            or (keeping is None and _lean_alike(pos, neg))
            or leaves_the_copy_allowed(pos, neg)
        ):
            return None
        verb = "requires" if pos.deontic == "O" else "allows"
        why = f"{quoted(as_read(pos.rule))} {verb} what {quoted(as_read(neg.rule))} forbids."
    else:
        o, n = (fa, fb) if fa.deontic == "O" else (fb, fa)
        why = f"{quoted(as_read(o.rule))} is an obligation, but {quoted(as_read(n.rule))} lets raters leave it out."
    return Conflict(code, conf, why, spans, True)


def _lean_alike(pos: Claim, neg: Claim) -> bool:
    """A prohibition of leaving something undone asks for it: "Do not: Skip the ruler overlay on cracks" and "Measure
    every crack with the ruler overlay" lean the same way. Only an act of omission counts ("must delete the data" /
    "is prohibited from destroying the data" is a clash: deleting is an act of its own)."""
    return neg.action in omission_acts() and pos.action not in omission_acts()


Detector = Callable[[Claim, Claim, float, dict[str, str]], Conflict | None]

# Most specific first; see the module docstring. The definition detector is not here: it can also find that
# two definitions agree (a duplicate), so ``relate`` asks it on its own before these.
DETECTORS: tuple[Detector, ...] = (
    lambda fa, fb, cosine, aliases: numeric_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: case_band_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: threshold_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: restriction_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: sequence_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: blank_field_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: ignored_conflict(fa, fb, cosine),
    lambda fa, fb, cosine, aliases: opposite_acts_conflict(fa, fb, cosine),
    lambda fa, fb, cosine, aliases: granularity_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: sufficiency_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: enough_conflict(fa, fb, cosine),
    lambda fa, fb, cosine, aliases: _outcome_conflict(fa, fb, aliases, cosine),
    lambda fa, fb, cosine, aliases: _action_conflict(fa, fb),
    lambda fa, fb, cosine, aliases: _deontic(fa, fb, cosine),
)
