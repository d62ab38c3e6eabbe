"""One label given by two numeric thresholds that disagree.

"Anything over 20 seconds gets the Too Long flag" and "Flag a clip as Too Long only when it runs past 30 seconds"
disagree on clips of 21 to 30 seconds; "Mark a response as Too Long when it exceeds 300 words" and "Responses up
to 400 words are an acceptable length; don't use the Too Long flag for them" disagree from 301 to 400 words.
Neither pair is two limits on one value (the numeric frame's shape): each number says where a label applies. An
act on one thing works the same way ("Pedestrians shorter than 12 pixels are not boxed" / "Box every pedestrian 8 px
or taller"). A rule gives the label (must / may, or a plain "gets X") where its number holds and, when it says "only", withholds
it elsewhere; a prohibition withholds it where its number holds. The rules conflict when one gives the label
where the other withholds it.
"""

from __future__ import annotations

import math
import re

from ....rules.quantities import Quantity
from .claims import Claim, Interval, quantity_interval, unquoted
from .conflict import Conflict
from .lexicon import content, lexicon, stem, word_overlap
from .same_act import same_act
from .text import RELATIVE, as_read, find_span, opening_case, quoted

# "only when ...", "is only rejected when ...", "counts only if ...", "only at 102°F or higher", and "only" on the
# subject ("Only transcripts with fewer than two turns qualify for the TOO_SHORT skip"): the label or act nowhere
# else
_ONLY = re.compile(
    r"\bonly\s+(?:for|at|from|above|over|(?:[a-z]+\s+){0,2}?(?:when|if|once|after))\b"
    r"|^\s*only\s+(?!if\b|when\b)(?:[\w'’-]+\s+){1,8}?(?:qualify|qualifies|counts?|gets?|receives?|earns?)\b",
    re.I,
)
# "Heavy occlusion (OCC2) applies when half or more of the object is hidden": a label's definition by its number
# "A near-miss is any event in which the time-to-collision falls below 1.5 seconds": so is "is any X in which"
_DEFINES = re.compile(
    r"^[^,;:]{2,60}?\)?\s+(?:(?:applies|is\s+used|means)\s+(?:only\s+)?(?:when|if)\b"
    r"|is\s+any\s+[\w-]+\s+(?:in\s+which|where|that|whose)\b)",
    re.I,
)
# "..., so MISMATCH starts at a difference of 1.0 or more": where a label starts is where it begins to apply, and
# below that point it does not
_STARTS = re.compile(r"\b(?:starts|begins|kicks\s+in|applies)\s+(?:only\s+)?(?:at|from)\b", re.I)
# A code that names a label ("OCC2", "NEAR_MISS", "TR1"): capitals with a digit or an underscore.
_CODE = re.compile(r"(?<![\w-])[A-Z][A-Z]*(?:_[A-Z0-9]+|[0-9])[A-Z0-9_]*(?![\w-])")


def _regions(claim: Claim, q: Quantity) -> tuple[Interval | None, Interval | None]:
    """(where the rule gives its label, where it withholds it) along the quantity's attribute."""
    if claim.deontic == "F" or _clause_denies(claim, q):
        return None, quantity_interval(q, negate=False)
    if claim.deontic not in ("O", "P", None):
        return None, None
    # "only when ..." withholds the label elsewhere, and so does a definition: "Heavy occlusion (OCC2) applies when
    # half or more of the object is hidden" says where OCC2 is and, by being its definition, where it is not
    give = quantity_interval(q, negate=False)
    if (starts := _starts(claim, q)) is not None:
        return (give, quantity_interval(q, negate=True)) if starts else (None, give)
    if states_complement(claim, q):  # "...; anything three seconds or longer is labelled in the usual way"
        return None, give
    only = (
        bool(_ONLY.search(unquoted(claim.text)))
        or claim.rule.kind == "definition"
        or bool(_DEFINES.search(unquoted(claim.text)))
    )
    return give, quantity_interval(q, negate=True) if only else _complement(claim, q)


def _starts(claim: Claim, q: Quantity) -> bool | None:
    """With "... so MISMATCH starts at 1.0 or more": True for the number where the label starts (it applies from
    there and not below), False for a number before it ("gaps under one full point are rounding noise, so ..."
    names where it does not apply); None when the rule says no such thing."""
    text = unquoted(claim.text)
    m = _STARTS.search(text)
    at = text.find(q.text) if q.text and m is not None else -1
    return None if at < 0 else at >= m.end()


def _kin(claim: Claim, q: Quantity) -> list[Quantity]:
    """The rule's numbers of the same attribute and unit as ``q``, in reading order (``q`` among them)."""
    return [o for o, _ in claim.quantities if o.attribute == q.attribute and o.unit == q.unit]


def _apart(a: Quantity, b: Quantity) -> bool:
    ia, ib = quantity_interval(a, negate=False), quantity_interval(b, negate=False)
    return ia is not None and ib is not None and ia.disjoint(ib)


def states_complement(claim: Claim, q: Quantity) -> bool:
    """The number states the other side of an earlier number of the rule: "Segments shorter than three seconds
    get the Too Short flag; anything three seconds or longer is labelled in the usual way". It is no limit of
    its own."""
    first = _kin(claim, q)[0]
    return first is not q and _apart(first, q)


def _complement(claim: Claim, q: Quantity) -> Interval | None:
    """The other side the rule itself states after the first: "Segments shorter than three seconds get the Too
    Short flag; anything three seconds or longer is labelled in the usual way" withholds the flag from three
    seconds on."""
    other = next((o for o in _kin(claim, q) if o is not q and _apart(o, q)), None)
    return quantity_interval(other, negate=False) if other is not None else None


# A negation in the clause that holds the number: "Brief overlaps of less than two seconds do not get a
# [crosstalk] tag; type the dominant speaker's words ..." withholds the tag though the sentence's force is the
# instruction after the semicolon.
_DENIED = re.compile(r"\b(?:do|does|did|should|must|will|shall)\s+not\b|n['’]t\b|\bnever\b", re.I)


def _clause_denies(claim: Claim, q: Quantity) -> bool:
    text = unquoted(claim.text)
    at = text.find(q.text) if q.text else -1
    if at < 0:
        return False
    start = max(text.rfind(";", 0, at), text.rfind(". ", 0, at)) + 1
    ends = [i for i in (text.find(";", at), text.find(". ", at)) if i >= 0]
    return bool(_DENIED.search(text[start : min(ends) if ends else len(text)]))


def _meet(give: Interval | None, withhold: Interval | None) -> bool:
    return give is not None and withhold is not None and not give.disjoint(withhold)


def _shared_codes(a: str, b: str) -> set[str]:
    """Codes both texts name, one of them perhaps in words: "NEAR_MISS" and "A near-miss is any event ..."."""
    out = set()
    for code in set(_CODE.findall(a)) | set(_CODE.findall(b)):
        spelled = re.compile(r"(?<![\w-])" + re.escape(code).replace("_", "[-_ ]") + r"(?![\w-])", re.I)
        if spelled.search(a) and spelled.search(b):
            out.add(code)
    return out


def shared_labels(fa: Claim, fb: Claim) -> list[str]:
    """Named labels one rule assigns (its outcomes) that the other names as well (as an outcome or in its words).
    A score ("3") is left to the numeric and scale frames: its number is the label and the threshold at once."""
    names = {o for o, _ in fa.outcomes + fb.outcomes if any(ch.isalpha() for ch in o)}
    codes = _shared_codes(unquoted(fa.text), unquoted(fb.text))
    both = sorted(codes)
    for name in sorted(names - codes):
        rx = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        if rx.search(fa.text) and rx.search(fb.text):
            both.append(name)
    return both


def _shared_acts(fa: Claim, fb: Claim) -> list[str]:
    """The act both rules speak of when they do it to one thing: "Pedestrians shorter than 12 pixels are not boxed"
    / "Box every pedestrian whose height is 8 px or more". Its numbers say where the act applies, like a label's."""
    if not (fa.object_head and fa.object_head == fb.object_head and same_act(fa, fb)):
        return []
    return [f"{fa.rule.action} {fa.rule.object}".strip()]


def describes_thing(claim: Claim, q: Quantity) -> bool:
    """The number says which things the act applies to, not how much of the act to do: it stands before the act
    ("Pedestrians shorter than 12 pixels are not boxed") or in a relative clause ("every pedestrian whose height
    is 8 px or more") or in the rule's condition ("is rejected when more than three gold items are wrong"), never
    after the verb alone ("write no more than 85 seconds" limits the act itself)."""
    at = claim.text.find(q.text) if q.text else -1
    rel = RELATIVE.search(claim.text)
    verb = next(
        (
            m.start()
            for m in re.finditer(r"[A-Za-z]+", claim.text)
            if stem(m.group(0).lower()) == claim.action
        ),
        -1,
    )
    in_condition = (
        bool(q.text) and q.text in claim.condition_text
    )  # "is only rejected when more than three ..."
    return at >= 0 and ((rel is not None and rel.start() < at) or (verb >= 0 and at < verb) or in_condition)


def threshold_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` (CON004) when one rule gives a label, or does an act, for values the other withholds it for,
    else None."""
    labels = shared_labels(fa, fb)
    for label in labels or _shared_acts(fa, fb):
        for qa, _ in fa.quantities:
            for qb, _ in fb.quantities:
                if qa.attribute != qb.attribute or (qa.attribute == "count" and qa.unit != qb.unit):
                    continue  # "more than one flag" and "up to 18 months" count two things
                if not labels and not (describes_thing(fa, qa) and describes_thing(fb, qb)):
                    continue
                (ga, wa), (gb, wb) = _regions(fa, qa), _regions(fb, qb)
                if _meet(ga, wb) or _meet(gb, wa):
                    why = (
                        f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} set different thresholds for "
                        f"{label} ({qa.text} / {qb.text}): some items get it under one rule and not the other."
                    )
                    spans = find_span(fa.rule, qa.text) + find_span(fb.rule, qb.text)
                    conf = 0.8 + 0.1 * min(fa.rule.strength, fb.rule.strength, 1.0)
                    return Conflict("CON004", conf, why, spans, False, categorical=True)
    for label in labels:
        if (starts := _two_starts(fa, fb)) is not None:
            qa, qb = starts
            why = (
                f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} give {label} from two different points "
                f"({qa.text} / {qb.text}): items between the two get it under one rule only."
            )
            return Conflict(
                "CON004",
                0.75,
                why,
                find_span(fa.rule, qa.text) + find_span(fb.rule, qb.text),
                False,
                categorical=True,
            )
    return None


def _two_starts(fa: Claim, fb: Claim) -> tuple[Quantity, Quantity] | None:
    """Two rules that give one label once a measure of the same thing passes a point, at two points: "Flag a
    transcript as Unusable if more than 20% of its lines are marked [inaudible]" / "a transcript is Unusable once a
    third or more of its lines are marked as inaudible". Neither withholds the label in words, but each names the
    point where it starts, and a rater between the two follows one. The measured thing must be the same (the
    condition's other words) and neither rule scoped to a case of its own ("For music clips, ...")."""
    if _scoped(fa) or _scoped(fb):
        return None
    for qa, _ in fa.quantities:
        for qb, _ in fb.quantities:
            if qa.attribute != qb.attribute or qa.unit != qb.unit:
                continue
            ca, cb = _case_clause(fa, qa), _case_clause(fb, qb)
            if not ca or not cb:
                continue
            (ga, wa), (gb, wb) = _regions(fa, qa), _regions(fb, qb)
            if ga is None or gb is None or wa is not None or wb is not None or not _two_rays(ga, gb):
                continue
            if word_overlap(_measured(ca, qa), _measured(cb, qb)) >= 0.5:
                return qa, qb
    return None


# The clause that states the case a number is in: "if more than 20% of ...", "once a third or more of ...".
_CASE_MARK = re.compile(r"\b(?:if|when|whenever|once|as\s+soon\s+as|where)\b[^.;,]*", re.I)
# A subject whose relative clause states it: "Any document that runs past half an hour" (should carry ...).
_SUBJECT_CASE = re.compile(
    r"^[^.;,]*?\b(?:that|which|who|whose)\b[^.;,]*?(?=\s+(?:should|must|is|are|gets?|will|can|may|needs?)\b)",
    re.I,
)


def _case_clause(claim: Claim, q: Quantity) -> str:
    """The condition the number is in (the parsed one, or a clause opened by a condition word), else ""."""
    if q.text and q.text in claim.condition_text:
        return claim.condition_text
    m = next((m for m in _CASE_MARK.finditer(claim.text) if q.text and q.text in m.group(0)), None)
    if m is None and (m := _SUBJECT_CASE.match(claim.text)) is not None and q.text not in m.group(0):
        m = None
    return m.group(0) if m else ""


def _two_rays(a: Interval, b: Interval) -> bool:
    """Both from a point upwards, or both up to a point, from different points."""
    if math.isinf(a.hi) and math.isinf(b.hi):
        return a.lo != b.lo
    return math.isinf(a.lo) and math.isinf(b.lo) and a.hi != b.hi


def _measured(clause: str, q: Quantity) -> frozenset[str]:
    """The condition's words but the number's: what is measured ("lines", "inaudible")."""
    return content(clause) - lexicon().quantity_filler - content(q.text) - _SHARE_WORDS


_SHARE_WORDS = frozenset({"third", "half", "quart", "fifth", "tenth", "onc", "percent", "more", "less"})


def _scoped(claim: Claim) -> bool:
    """The rule opens on a case of its own ("For podcast episodes, ..."): a stricter or looser subcase."""
    return opening_case(claim.text) is not None
