"""Two limits of one attribute that no value meets both (CON004): "Rationales must be at least 25 words long" /
"no more than 20 words per rationale"; or one limit the deck names with two values. Numbers that say which case a
rule is about (``case_numbers``) are no limits; a time spent on an item is no other time (``work_time``)."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ....rules.lexicon import lexicon as rules_lexicon
from ....rules.quantities import limit_named
from .case_numbers import in_condition, names_sub_case
from .claims import Claim
from .conflict import Conflict
from .lexicon import content, data, lexicon
from .permitted_counts import permitted_beyond
from .text import as_read, find_span, quoted
from .thresholds import describes_thing, states_complement
from .titles import titled_apart
from .topic import threshold, topic_match
from .work_time import Scope, is_work_time, same_scope, work_item_scope


def numbers_disjoint(fa: Claim, fb: Claim):
    """(qa, qb, kept) for two limits of one attribute that disagree: no value meets both (kept False), or the
    deck names one limit with two values that can both be kept (kept True); else None."""
    for qa, ia in fa.quantities:
        for qb, ib in fb.quantities:
            if qa.attribute != qb.attribute or (in_condition(fa, qa) and in_condition(fb, qb)):
                continue
            if states_complement(fa, qa) or states_complement(fb, qb):
                continue  # "...; anything three seconds or longer is labelled as usual" is no limit
            if ia.disjoint(ib):
                return qa, qb, False
            if (
                (_two_limits(qa, ia, qb, ib) and not _names_a_case(fa, qa, fb, qb))
                or _two_work_caps(fa, qa, ia, fb, qb, ib)
            ) and not (_restated(qa, fb) or _restated(qb, fa)):
                return qa, qb, True
    return None


def _restated(q, other: Claim) -> bool:
    """The other rule states the limit's own value too ("Time limit per image: 8 minutes" / "The task timer allows
    8 minutes per image ...; the median in the pilot was just under 5 minutes"): its other number is no limit."""
    said = re.findall(r"\d[\d,.]*\s*[a-z%]+", q.text.lower())
    return bool(said) and said[-1] in other.text.lower()


def _two_work_caps(fa: Claim, qa, ia, fb: Claim, qb, ib) -> bool:
    """'Spend no more than 90 seconds on any single bag' / 'A single bag should take at most two minutes': two
    values for the one cap on the time a rater spends on an item. Both can be kept, but a rater cannot tell which
    is the limit (a cap for a named sub-case is another case: ``names_sub_case``)."""
    if qa.attribute != "time" or qa.upper is not None or qb.upper is not None:
        return False
    side = _bound(ia)
    if side is None or side != _bound(ib) or (ia.hi == ib.hi if side == "upper" else ia.lo == ib.lo):
        return False
    sa, sb = _scope(fa, qa), _scope(fb, qb)
    return is_work_time(sa) and is_work_time(sb) and same_scope(sa, sb)


def _names_a_case(fa: Claim, qa, fb: Claim, qb) -> bool:
    """The value beside a named limit says which things the rule's act is done to, not how far the act may go:
    "Items submitted less than two minutes after opening are rejected" names the items it rejects (a floor, if
    anything), not a second value for "a hard limit of 12 minutes"."""
    return any(
        not limit_named(q) and not _in_proviso(f, q) and (describes_thing(f, q) or _in_subject(f, q))
        for f, q in ((fa, qa), (fb, qb))
    )


def _in_proviso(claim: Claim, q) -> bool:
    """The number stands in a proviso the rule's permission hangs on ("Long build-up goals are fine, as long as each
    clip stays at one minute or less"): it states how far the thing may go, a limit, not which things are meant."""
    return bool(q.text) and any(q.text in m.group() for m in _PROVISO.finditer(claim.text))


def _proviso_subject(claim: Claim, q) -> str | None:
    """What a proviso's number measures: its subject ("as long as each clip stays at one minute or less" -> clip)."""
    for m in _PROVISO.finditer(claim.text):
        at = m.group().find(q.text) if q.text else -1
        if at > 0:
            words = [w for w in re.findall(r"[a-z]+", m.group()[:at].lower()) if w not in _linking()]
            return words[-1] if len(words) > 1 else None
    return None


_PROVISO = re.compile(r"\b(?:as\s+long\s+as|so\s+long\s+as|provided(?:\s+that)?)\b[^.;]*", re.I)


# The sentence's main predicate: a number before it stands in the subject ("Items submitted less than two minutes
# after opening are rejected"), one after it states the predicate's value ("The hard cap per item is 240 seconds").
_PREDICATE = re.compile(r"\s(?:is|are|gets?|goes|go|counts?|must|should|may|can|will|has|have)\s", re.I)


def _in_subject(claim: Claim, q) -> bool:
    clause = re.split(r"[;:]\s", claim.text, maxsplit=1)[0]
    at = clause.find(q.text) if q.text else -1
    predicate = _PREDICATE.search(clause)
    return at > 0 and predicate is not None and at < predicate.start()


def _bound(iv) -> str | None:
    """'upper' for an interval open below ("at most 20 minutes"), 'lower' for one open above, else None."""
    if math.isinf(iv.lo) != math.isinf(iv.hi):
        return "upper" if math.isinf(iv.lo) else "lower"
    return None


def _two_limits(qa, ia, qb, ib) -> bool:
    """'Each clip has a hard limit of 1,200 seconds' / 'The time cap per clip is 25 minutes': the deck names its
    limit and states another value for the same bound elsewhere. Both can be kept, but not both are the limit."""
    if not (limit_named(qa) or limit_named(qb)) or qa.upper is not None or qb.upper is not None:
        return False
    side = _bound(ia)
    if side is None or side != _bound(ib):
        return False
    return ia.hi != ib.hi if side == "upper" else ia.lo != ib.lo


_EACH = re.compile(r"\b(?:per|each|every)\s+(?P<noun>[a-z]{2,})\b", re.I)


def _scope(claim: Claim, q) -> Scope:
    """What the limit is counted per: "ad" in "90 seconds on a single ad" and in "two minutes per ad"; for a named
    limit, wherever the sentence says it ("Each clip has a hard limit of ...", "The time cap per clip is ...")."""
    i = claim.text.find(q.text) if q.text else -1
    m = lexicon().quantity_scope.match(claim.text[i + len(q.text) :]) if i >= 0 else None
    if m is None and limit_named(q):
        m = _EACH.search(claim.text)
    return work_item_scope(claim.text, q.attribute, m.group("noun") if m else None, max(i, 0))


def _per_the_other(sa: Scope, sb: Scope, ca: frozenset[str], cb: frozenset[str]) -> bool:
    """One limit is counted per the thing the other is about: "no more than 20 words per rationale" and "Rationales
    must be at least 25 words long"."""
    return (sa.noun is None and sb.noun in ca) or (sb.noun is None and sa.noun in cb)


def _due(claim: Claim) -> bool:
    """The rule sets when something is due, not how long it may take: a deadline and a cap on working time are two
    limits even when both count hours per item."""
    return _due_words().search(claim.text) is not None


@lru_cache(maxsize=1)
def _due_words() -> re.Pattern[str]:
    return re.compile(data()["numeric_limits"]["due"], re.I)


def _same_thing_measured(fa: Claim, qa, fb: Claim, qb) -> bool:
    """Both limits measure one thing, named right before the number or inside the named limit: "Do not create a
    segment shorter than 5 seconds" / "The minimum segment length is 8 seconds" (the words of a named limit are the
    limit's, so neither rule's other words say what both are about)."""
    ma, mb = _measured(fa, qa), _measured(fb, qb)
    return ma is not None and ma == mb


def _measured(claim: Claim, q) -> str | None:
    """The stem of the thing a limit measures: the last content word of a named limit before its verb ("minimum
    segment length is" -> segment), else the word right before the quantity ("a segment shorter than")."""
    if limit_named(q):
        name = re.split(r"\s+(?:is|are|of)\b|:", q.text, maxsplit=1)[0]
        words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in _measure_words()]
    elif (proviso := _proviso_subject(claim, q)) is not None:
        words = [proviso]
    else:
        i = claim.text.find(q.text) if q.text else -1
        words = re.findall(r"[a-z]+", claim.text[: max(i, 0)].lower())[-1:]
    said = content(" ".join(words[-1:])) - _measure_words()
    return next(iter(said)) if said else None


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """Words of units ("day", "words"): a named limit's unit names how it is measured, not what it limits."""
    return frozenset(rules_lexicon().words["measure_units"])


@lru_cache(maxsize=1)
def _linking() -> frozenset[str]:
    """Words between a proviso's subject and its number ("as long as each clip stays at ...")."""
    return frozenset(data()["numeric_limits"]["proviso_linking"])


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    """Words that name a limit or its measure, not the thing measured (data: [numeric_limits] measure_words)."""
    return frozenset(data()["numeric_limits"]["measure_words"])


def _titled_apart(fa: Claim, qa, fb: Claim, qb) -> bool:
    """The two numbers belong to things named apart ("Level 1 means ..." / "Level 3 means ...")."""
    return titled_apart(fa.text, fa.text.find(qa.text), fb.text, fb.text.find(qb.text))


def _limit_topic(claim: Claim, q) -> frozenset[str]:
    """What the limit is about: the rule's core, with its condition when the number stands there ("The word counter
    turns red once a single-panel caption passes the 75-word limit", or in a proviso) and the words of a named limit ("The weekly
    minimum to remain on the active roster is 25 tasks"), which the core leaves out with the number."""
    if not limit_named(q):
        return claim.everything if _in_proviso(claim, q) else claim.core  # "as long as each clip stays ..."
    said = re.sub(r"[\d-]+", " ", q.text).lower().split()
    named = content(" ".join(w for w in said if w not in _measure_words() and w not in _units()))
    return (claim.everything if _stated_in_condition(claim, q) else claim.core) | named


def _stated_in_condition(claim: Claim, q) -> bool:
    """A named limit with its figure in the rule's condition: "once a caption passes the 75-word limit" states the
    limit; "when you reach one of the caps" states no figure."""
    return limit_named(q) and in_condition(claim, q) and re.search(r"\d", q.text) is not None


def numeric_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    hit = numbers_disjoint(fa, fb) or permitted_beyond(fa, fb)
    if not hit or any(names_sub_case(f) for f in (fa, fb)) or _titled_apart(fa, hit[0], fb, hit[1]):
        return None
    filler = lexicon().quantity_filler
    qa, qb, kept = hit
    ca, cb = _limit_topic(fa, qa) - filler, _limit_topic(fb, qb) - filler
    if (_stated_in_condition(fa, qa) or _stated_in_condition(fb, qb)) and qa.unit and qa.unit == qb.unit:
        ca, cb = ca | content(qa.unit), cb | content(qb.unit)  # "a limit of 60 words" / "the 75-word limit"
    if kept is True and _due(fa) != _due(fb):
        return None  # "Memos are due within 48 hours of claim" / "The time cap is two hours per memo": two limits
    sa, sb = _scope(fa, qa), _scope(fb, qb)
    same = same_scope(sa, sb) or (kept is True and _same_thing_measured(fa, qa, fb, qb))
    if (
        kept is None
    ):  # a count of one named thing: the thing is the topic, unless each counts it per another item
        same = same or not (sa.noun and sb.noun)
    if not same and (is_work_time(sa) or is_work_time(sb)):
        # the time spent on an item and another time ("Clips longer than 10 minutes"), or another role's time
        return None
    if (
        not same
        and not _per_the_other(sa, sb, ca, cb)
        and (not (ca or cb) or not topic_match(ca, cb, threshold("numeric_topic")))
    ):
        return None
    unit = qa.unit or qb.unit or qa.attribute
    tails = {True: "two different values for one limit.", False: f"no {unit} count satisfies both."}
    allowing = "first" if fa.deontic == "P" else "second"
    tail = tails.get(kept, f"the {allowing} allows {unit} counts the other rules out.")
    why = (
        f"{quoted(as_read(fa.rule))} asks for {qa.text} and {quoted(as_read(fb.rule))} for {qb.text}: {tail}"
    )
    spans = find_span(fa.rule, qa.text) + find_span(fb.rule, qb.text)
    conf = 0.85 + 0.1 * min(fa.rule.strength, fb.rule.strength, 1.0)
    # "once a caption passes the 75-word limit" states the limit: no narrower case of the other rule
    # ("..., as long as each clip stays at one minute or less" states it too: the proviso is the limit, no case)
    cased = not any(_stated_in_condition(f, q) or _in_proviso(f, q) for f, q in ((fa, qa), (fb, qb)))
    return Conflict("CON004", conf, why, spans, cased, categorical=True)
