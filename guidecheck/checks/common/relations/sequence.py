"""Two rules that put the same two steps in opposite orders (CON013).

"Read the final answer first, then evaluate the method" and "Always evaluate the method before you look at the
final answer" cannot both be followed: whichever a rater does first breaks the other rule. A rule's orders are
read from its own words ("first ... then", "before", "after", "do not ... until"); two steps are the same when
most of the smaller one's content words are in the other. The pair must match crosswise (the earlier step of
each rule is the later step of the other), and better than straight. Patterns are data (``data/contradictions.toml``,
[sequence]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, data, stem, word_overlap
from .step_cases import in_a_case as _in_a_case
from .step_cases import in_condition as _in_condition
from .step_phrases import orders_items, written_things
from .text import as_read, find_span, quoted


class Order(NamedTuple):
    earlier: frozenset[str]
    later: frozenset[str]
    earlier_text: str
    later_text: str
    later_all: bool = False  # the later step is every other one ("before you take any other action")
    earlier_all: bool = False  # the earlier step is every other one ("Do the Flags panel last")


class Words(NamedTuple):
    patterns: tuple[re.Pattern[str], ...]
    filler: frozenset[str]
    same_step: float
    nouns: re.Pattern[str]
    synonyms: dict[str, str]
    purpose: re.Pattern[str]
    catenatives: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["sequence"]
    return Words(
        tuple(re.compile(p, re.I) for p in d["patterns"]),
        frozenset(stem(w) for w in d["filler"]),
        float(d["same_step"]),
        re.compile(r"\b(?:" + "|".join(map(re.escape, d["step_nouns"])) + r")\b", re.I),
        dict(d["step_synonyms"]),
        re.compile(d["purpose"]),
        frozenset(d["catenatives"]),
    )


def _without_purpose(text: str, w: Words) -> str:
    """The step without its purpose clause ("Click Suggest to load the pre-annotations": "Click Suggest")."""
    for m in w.purpose.finditer(text):
        before = text[: m.start()].split()
        if not before or before[-1].lower() not in w.catenatives:
            return text[: m.start()]
    return text


def step_words(text: str, whole: bool = False) -> frozenset[str]:
    """A step's words, compared on their first five letters ("sarcasm" / "sarcastic"); ``whole``: as stemmed."""
    w = _words()
    text = text.replace("-", " ")  # "price-tag links" names the tags the other rule links
    text = _without_purpose(text, w)
    text = " ".join(w.synonyms.get(t.lower(), t) for t in text.split())
    words = (content(text) | {stem(m.group().lower()) for m in w.nouns.finditer(text)}) - w.filler
    return frozenset(words) if whole else frozenset(x[:5] for x in words)


@lru_cache(maxsize=4096)
def orders(text: str) -> tuple[Order, ...]:
    """The orders of steps a sentence states, the first pattern that reads each clause deciding it."""
    w = _words()
    found: list[Order] = []
    firsts: list[Order] = []
    joined = _THEN_CLAUSE.sub(", ", unquoted(text))  # "Write X first; then write Y" is one order
    joined = _AROUND.sub("around", joined)  # "compare the mean before and after the step": no order
    for clause in re.split(r"[;:]|\.\s|\s[-–—]\s", joined):  # a dash sets off an aside
        if not _ORDER_WORD.search(clause):
            continue  # every pattern needs one of these words; most clauses have none, and the patterns are slow
        for rx in w.patterns:
            m = rx.search(clause)
            if m is None:
                continue
            steps = [_LEADING_CASE.sub("", m.group("a")).strip(), m.group("b").strip()]
            if any(_MEASURE.search(t) for t in steps):
                continue  # "more than two days after the image was returned": a time, not a step
            if m.start("a") < m.start("b"):  # "b after a" ends with a: no chain follows b
                steps += _chain(clause[m.end("b") :])
            found += _pairs(steps)
            break
        found += _done_last(clause)  # "Do the Flags panel last, just before you press Submit": both
        begun = _BEGIN_BY.match(clause)
        if begun is not None:
            if begun.group("thing").lower() not in written_things():
                found += _first_step(begun.group("x"))
        else:
            firsts += _put_first(clause)
    # "Assign the urgency label first; only after urgency is set do you choose Topic tags": first of those two only,
    # and before the later step of another clause's order ("Always finalize both boundaries first; choose the ad type
    # only once the start and end are set": the boundaries before the ad type)
    return tuple(found + _first_before(firsts, found) if found else firsts)


def _first_before(firsts: list[Order], found: list[Order]) -> list[Order]:
    """A step put first, before each later step the sentence's other orders name."""
    return [
        Order(f.earlier, o.later, f.earlier_text, o.later_text)
        for f in firsts
        for o in found
        if o.later and not same_step(f.earlier, o.later) and not same_step(f.earlier, o.earlier)
    ]


# A step a sentence forbids at a point of the work: "Do not score the answer before you have read it", "Annotators may
# not change the flag once the tile is submitted". The ban says when the act may not happen, not an order of two steps
# the rater takes ("can't" / "cannot" say what a rater is unable to do: "after adjusting contrast you cannot tell").
_BANNED = re.compile(
    r"^(?:[^,]{0,40}?\s)?(?:do\s+not|don't|never|(?:may|must|should|shall)\s+not|(?:must|should)n't)\s", re.I
)


def banned_step(order: Order) -> bool:
    """Exactly one of the two steps read is forbidden in its own clause ("until" clauses drop the ban: "Never open
    the notes until you have listened" is read as listening first, and compared)."""
    return sum(bool(_BANNED.search(t)) for t in (order.earlier_text, order.later_text)) == 1


# A step done before every other one: "Begin each task by reading the explanation in full", "Start every clip with
# a first listen".
_BEGIN_BY = re.compile(
    r"^\s*(?:[\w-]+(?:\s+[\w-]+){0,2}:\s+)?(?:always\s+)?(?:begin|start)\s+(?:each|every|the|your|a|an)\s+(?P<thing>[\w-]+)"
    r"\s+(?:by|with)\s+(?P<x>[^,;:.!?]{3,80})",
    re.I,
)


# "Always pick the severity first", "Set the type on the original, unsplit criterion first", "Before any other
# labeling, apply [PII] to ...": a step put before every other one.
_FIRST = re.compile(
    r"^\s*(?:always\s+)?(?P<x>[^;:.!?]{3,120}?)\s+first\s*[.!]?\s*$"
    r"|^\s*before\s+(?:any|all)\s+other\s+[\w-]+,\s*(?P<y>[^;:.!?]{3,120})",
    re.I,
)
_BY = re.compile(r"\bby\s", re.I)
_THEN_CLAUSE = re.compile(r";\s+(?=(?:and\s+)?(?:only\s+)?then\b)", re.I)


def _first_step(text: str) -> list[Order]:
    """The order that puts one step before every other one."""
    step = step_words(text)
    return [Order(step, frozenset(), text.strip(), "everything else", later_all=True)] if step else []


def _put_first(clause: str) -> list[Order]:
    """The order of a clause that ends "... first" or opens "Before any other X, ..."."""
    m = _FIRST.match(clause)
    text = (m.group("x") or m.group("y")) if m else ""
    tail = text.rsplit(",", 1)[-1]
    if not text or _DESCRIPTION.search(text) or _BY.search(text) or orders_items(text, tail):
        # "The visibility score is always filled in first": a description; "Link by content first": a way; "Select
        # the codes, most prominent theme first", "get a code for each, main language first": an order of the
        # items, not of the steps
        return []
    return _first_step(text)


# A step done after every other one: "Do the Flags panel last, just before you press Submit", "..., once everything
# else is filled in", "Finally, set the flags once every other field is filled in". An instruction: "last" ends its clause or leads to when ("last, just before ..."), after a
# step that is no description ("The visibility score is always the last field", "newer than your last shift");
# "Set the occlusion level as the last step" too.
_LAST = re.compile(
    r"^\s*(?P<x>[^,;:.!?]{3,80}?)\s+(?:as\s+(?:the|your)\s+(?:very\s+)?)?(?:last|final(?=\s+step))(?:\s+(?:step|thing))?"
    r"\s*(?:$|[,.!]|(?=\s+(?:just|once|after|when)\b))"
    r"|^\s*(?:(?:finally|lastly),?\s+)?(?P<y>[^;:.!?]{3,80}?),?\s+(?:once|after)\s+(?:everything\s+else|every\s+other"
    r"\s+[\w-]+|all\s+(?:the\s+)?other\s+[\w-]+)\s+(?:is|are|has\s+been|have\s+been)\s+(?:filled\s+in|done|finished"
    r"|complete|completed|set|entered)",
    re.I,
)
_DESCRIPTION = re.compile(r"\b(?:is|are|was|were|be)\b|\b(?:the|your|their|our|its)\s*$", re.I)


def _done_last(clause: str) -> list[Order]:
    """The order of a clause that puts one step after every other one."""
    m = _LAST.match(clause)
    if m is None:
        return []
    text = (m.group("x") or m.group("y")).strip()
    step = step_words(text)
    if not step or _DESCRIPTION.search(text):
        return []
    return [Order(frozenset(), step, "everything else", text, earlier_all=True)]


# "..., then Story Quality", "... and then the comments": each further step of a chain ("Rate Safety first, then
# Age Fit, then Story Quality") comes after every step before it.
_THEN = re.compile(r"^\s*,?\s*(?:and\s+)?(?:only\s+)?then,?\s+(?P<c>[^,;:.!?]{3,80})", re.I)


def _chain(rest: str) -> list[str]:
    out = []
    while (m := _THEN.match(rest)) is not None:
        out.append(m.group("c").strip())
        rest = rest[m.end() :]
    return out


def _pairs(steps: list[str]) -> list[Order]:
    """Every earlier step before every later one, unless they are one step: one verb names both ("read X before
    you read Y"), or they share more than one word. One shared word of two acts is a thing both are about ("Split
    the section into atomic criteria before you assign any criterion type")."""
    read = [(t, step_words(t)) for t in steps]
    return [
        Order(x, y, tx, ty, bool(_EVERY_OTHER.search(ty)))
        for i, (tx, x) in enumerate(read)
        for ty, y in read[i + 1 :]
        if x and y and not _one_step(tx, x, ty, y)
    ]


def _one_step(tx: str, x: frozenset[str], ty: str, y: frozenset[str]) -> bool:
    if not same_step(x, y):
        return False
    return len(x & y) >= 2 or _lead_verb(tx) == _lead_verb(ty)


def _lead_verb(text: str) -> str:
    """The step's first word but a subject: "you assign any criterion type" -> "assign"."""
    words = re.sub(r"^\s*(?:you|raters?|annotators?|we)\s+", "", text, flags=re.I).split()
    return stem(words[0].lower()) if words else ""


# A later step that is every other action: "before you take any other action on the item". "Before anything else"
# and a chain's "then everything else" rank what the rule is about (the other scores, the other buildings), not
# every action of the task.
_EVERY_OTHER = re.compile(
    r"^(?:you\s+)?(?:(?:take|do|make|start|perform)\s+)?any\s+other\s+(?:actions?|steps?)\b", re.I
)


# A step that is a count or a duration ("after two attempts", "two days after ..."): "after" measures time there.
_MEASURE = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\b"
    r"|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?)$"
    # a wait ("allow 96 hours rather than 48 before treating a step as a shift"): a time, not a step
    r"|\b(?:allow|wait|give\s+it|leave\s+it)\s+(?:[\w-]+\s+){0,3}?(?:\d+|a\s+few|several|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty)\s+(?:full\s+)?(?:seconds?|minutes?|"
    r"hours?|days?|weeks?|months?)\b",
    re.I,
)
# Both sides of one point: "the mean residual before and after any suspected step".
_AROUND = re.compile(r"\bbefore\s+(?:and|or)\s+after\b|\bafter\s+(?:and|or)\s+before\b", re.I)


# A case the step is done in, not part of the step: "If anything here doesn't match what your lead told you, ask ...".
_LEADING_CASE = re.compile(r"^\s*(?:if|when|whenever|where|in\s+case)\b[^,]{3,100},\s*", re.I)


# A condition that is a step of the order itself, not a case: "once both boundaries are set", "after you submit".
_TEMPORAL = re.compile(r"\s*(?:once|after|before|until|as\s+soon\s+as)\b", re.I)


# A word each of the [sequence] patterns needs ("first", "then", "before", "after", "once", "until", "last"), or
# "begin" / "start" of a step done first, or "now that" of a step already done.
_ORDER_WORD = re.compile(r"\b(?:first|then|before|after|once|until|last|begin|start|now\s+that)\b", re.I)


def same_step(x: frozenset[str], y: frozenset[str]) -> bool:
    return word_overlap(x, y) >= _words().same_step


def same_step_share() -> float:
    """The share of the smaller step's words that makes two steps one (data: [sequence] same_step)."""
    return _words().same_step


def _reversed(p: Order, q: Order) -> bool:
    """The earlier step of each is the later step of the other, and better so than any step matches its own
    place ("read the source ... before the translation" / "Before you open the source, read the translation":
    the shared "read" is weaker than the crosswise match)."""
    # "X last" puts every other step before X: a rule that puts X before another step (or first) breaks it
    if p.earlier_all or q.earlier_all:
        last, other = (p, q) if p.earlier_all else (q, p)
        return (
            not other.earlier_all
            and same_step(last.later, other.earlier)
            and len(last.later & other.earlier) >= 2  # one shared word ("transcript") is no one step
            and (other.later_all or not same_step(last.later, other.later))
        )
    # "X before any other action" puts X first: any step put before X breaks it
    if p.later_all or q.later_all:
        first, other = (p, q) if p.later_all else (q, p)
        generic = generic_step_verbs()  # "Read the spec first" / "... before you read the writer's solution"
        return (
            not other.later_all
            and bool(other.earlier)
            and same_step(first.earlier, other.later)
            and same_step(first.earlier - generic, other.later - generic)
            and not same_step(first.earlier, other.earlier)
        )
    cross = (word_overlap(p.earlier, q.later), word_overlap(p.later, q.earlier))
    straight = (word_overlap(p.earlier, q.earlier), word_overlap(p.later, q.later))
    if min(cross) < _words().same_step:
        return False
    # a tie on the weaker side is settled by both sides: "set the Document Risk Rating before you draw any spans"
    # / "the risk rating is the last thing you enter, after every span in the document has been labeled" share
    # "document" straight, but the rating and the spans crosswise
    return min(cross) > max(straight) or sum(cross) > sum(straight) + 0.5 or _things_crosswise(p, q)


@lru_cache(maxsize=1)
def generic_step_verbs() -> frozenset[str]:
    """Verbs that name no step of their own ("read", "open", "check"): data, [sequence] generic_step_verbs."""
    return step_words(" ".join(data()["sequence"]["generic_step_verbs"]), whole=True)


def _things_crosswise(p: Order, q: Order) -> bool:
    """The things of the two steps swap places and share nothing in place, once the verbs that name no step are
    set aside: "Read the persona sheet before you open the conversation" / "read the whole conversation first and
    open the persona sheet only afterwards" (the shared "read" and "open" say nothing of which step is which)."""
    generic = generic_step_verbs()
    pe, pl, qe, ql = (x - generic for x in (p.earlier, p.later, q.earlier, q.later))
    if not (pe and pl and qe and ql):
        return False
    cross = min(word_overlap(pe, ql), word_overlap(pl, qe))
    return cross >= _words().same_step and not (pe & qe) and not (pl & ql)


def sequence_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` (CON013) when the two rules order the same two steps the opposite ways."""
    if "N" in (fa.deontic, fb.deontic) or "P" in (fa.deontic, fb.deontic):
        return None  # "you may read X before Y" allows an order, it does not require one
    for p in orders(fa.text):
        for q in orders(fb.text):
            if banned_step(p) or banned_step(q):
                continue  # a ban on a point of the work orders no two steps (read the other way round, it matched
                # unrelated steps: "Don't discuss responses before both passes" / "Read the response before coding")
            if _in_condition(p, fa) or _in_condition(q, fb):
                continue  # "If the recommendations still differ after the second review, ...": the case, not steps
            if (p.later_all and _in_a_case(fa)) or (q.later_all and _in_a_case(fb)):
                continue  # "If you want a label the definitions forbid, re-check your scores first": first then
            if _reversed(p, q):
                why = (
                    f"{quoted(as_read(fa.rule))} puts “{p.earlier_text}” before “{p.later_text}”, but "
                    f"{quoted(as_read(fb.rule))} puts “{q.earlier_text}” before “{q.later_text}”."
                )
                spans = find_span(fa.rule, p.earlier_text) + find_span(fb.rule, q.earlier_text)
                # "..., are filled in only once both boundaries are set": the condition read is the order's own step
                cased = not any(_TEMPORAL.match(f.condition_text) for f in (fa, fb))
                return Conflict("CON013", 0.85, why, spans, cased, categorical=True)
    return None


def defines_a_label(claim: Claim) -> bool:
    """A table row whose first cell is the label it gives ("RI | Rising: the count started after low water and ...
    before high water"): its "before" and "after" describe the case the label is for, not steps of the work. A row
    of a procedure table starts with its step's number."""
    if claim.rule.kind != "rubric" or not claim.outcomes:
        return False
    first = claim.text.split("|", 1)[0].strip()
    return not first.isdigit() and any(first == o for o, _ in claim.outcomes)


def timed_by(pos: Claim, neg: Claim) -> bool:
    """ "Check the answer for red flags before you give any dimension scores" / "Unscorable answers receive no
    dimension scores": what the ban is about is the step the first rule orders its act before or after, not its act;
    the rule asks for no score. Or the ban is on a point of the work, not on the act ("Do not score the answer
    before you have read it" / "Score the answer")."""
    words = step_words(neg.text)
    if any(len(words & o.later) > max(1, len(words & o.earlier)) for o in orders(pos.text)):
        return True
    # "Do not score the answer before you have read it" / "Score the answer": the ban is on its timing, not its act
    return any(banned_step(o) for o in orders(neg.text))


__all__ = [
    "Order",
    "defines_a_label",
    "generic_step_verbs",
    "orders",
    "same_step",
    "same_step_share",
    "sequence_conflict",
    "step_words",
    "timed_by",
]
