"""When no output can meet two rules' output frames: the same phrase required and forbidden, two phrases in one
slot, opposite tones, two languages, bounds with no value in common, a topic required and left out (or a left-out
family of topics against wording that shows a member). The frames themselves are read in output.py.
"""

from __future__ import annotations

import re

from .output import OutputFrame, singular, words
from .output_content import banned_families, family_clash, phrase_topic_clash, shown_families, topic_clash
from .output_counts import count_clash


def _contains(outer: str, inner: str) -> bool:
    return singular(outer) == singular(inner) or bool(re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer))


def _phrase_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    """The same phrase required and forbidden, or the forbidden word inside the required phrase (the phrase
    cannot appear without it)."""
    for pa, sa in a.phrases:
        for pb, sb in b.phrases:
            if sa != sb and (_contains(pa, pb) if sa == "+" else _contains(pb, pa)):
                return pa, pb
    return None


def _slot_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    """Two different phrases required in one place ("Begin with 'Dear Guest,'" / "The first words must be
    'Good news!'"); one inside the other is the same requirement."""
    for slot, pa in a.slots:
        for slot_b, pb in b.slots:
            if slot == slot_b and not (
                pa.startswith(pb) or pb.startswith(pa) or pa.endswith(pb) or pb.endswith(pa)
            ):
                return pa, pb
    return None


def required_wording(frame: OutputFrame) -> list[str]:
    """What a rule asks the output to say or cover: required phrases and topics."""
    return [p for p, pol in frame.phrases if pol == "+"] + [t.text for t in frame.topics if t.polarity == "+"]


def _family_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    """A topic left out by family ("pricing", "dates") against wording that shows a member ("$29/month")."""
    hit = family_clash(banned_families(b.topics), shown_families(required_wording(a)))
    if hit:
        return hit[1], hit[0]
    return family_clash(banned_families(a.topics), shown_families(required_wording(b)))


def _wording_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    """A required phrase that talks about a topic the other rule leaves out."""
    required = [p for p, pol in a.phrases if pol == "+"]
    hit = phrase_topic_clash(required, b.topics)
    if hit:
        return hit
    hit = phrase_topic_clash([p for p, pol in b.phrases if pol == "+"], a.topics)
    return (hit[1], hit[0]) if hit else None


def _both_poles(frame: OutputFrame) -> set[int]:
    """Axes one rule asks both ends of ("5 messages in a polite style and 5 in a blunt one"): the output has
    parts in either tone, so no other rule's tone on that axis clashes with it."""
    seen = {(axis, pole) for axis, pole, pol, _ in frame.tones if pol == "+"}
    return {axis for axis, pole in seen if (axis, "b" if pole == "a" else "a") in seen}


def _tone_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    mixed = _both_poles(a) | _both_poles(b)
    for axis, pole, pol, word in a.tones:
        for axis_b, pole_b, pol_b, word_b in b.tones:
            if axis != axis_b or axis in mixed:
                continue
            if (pole == pole_b and pol != pol_b) or (pole != pole_b and pol == pol_b == "+"):
                return word, word_b
    return None


def _count_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    """Bounds on one part clash when they share no value; a part ("Subject line under 60 characters") and the
    whole only when the part needs more than the whole allows; two different parts never."""
    part_a, part_b = a.place or a.count_of, b.place or b.count_of
    if part_a == part_b:
        return count_clash(a.counts, b.counts)
    if (part_a and part_b) or {part_a, part_b} & words().separate_outputs:
        return None  # "justifications of at least 30 words" / "responses under 20 words"
    part, whole = (a, b) if part_a else (b, a)
    hit = count_clash(part.counts, whole.counts, part_of_whole=True)
    return hit if hit is None or part is a else (hit[1], hit[0])


def _language_clash(a: OutputFrame, b: OutputFrame) -> tuple[str, str] | None:
    if a.language_of and b.language_of and a.language_of != b.language_of:
        return None  # "labels stay in English" / "write the summary in Spanish"
    for la, sa in a.languages:
        for lb, sb in b.languages:
            if _written_in(la, lb) or _written_in(lb, la):
                continue  # a language and a script it is written in: "in Serbian" / "in Cyrillic script"
            if (la == lb and sa != sb) or (la != lb and sa == sb == "+"):
                return la, lb
    return None


def _written_in(language: str, script: str) -> bool:
    w = words()
    if script not in w.scripts or language in w.scripts:
        return False
    return script in w.script_of.get(language, frozenset({"latin"}))


def output_conflict(a: OutputFrame, b: OutputFrame) -> tuple[str, str, str] | None:
    """(kind, what a says, what b says) when no output can meet both frames."""
    if not a or not b or (a.place and b.place and a.place != b.place):
        return None
    clashes = (
        ("phrase", _phrase_clash),
        ("slot", _slot_clash),
        ("tone", _tone_clash),
        ("language", _language_clash),
        ("count", _count_clash),
        ("content", lambda x, y: topic_clash(x.topics, y.topics)),
        ("content", _family_clash),
        ("content", _wording_clash),
    )
    for kind, clash in clashes:
        hit = clash(a, b)
        if hit and not (kind in ("phrase", "content") and _ban_elsewhere(a, b)):
            return kind, hit[0], hit[1]
    return None


def _ban_elsewhere(a: OutputFrame, b: OutputFrame) -> bool:
    """A ban confined to one part ("do not mention the price in the subject line") and a requirement that names
    no part: the required words can go anywhere else, so the two do not clash. A ban on the whole output still
    clashes with a requirement confined to a part."""
    if bool(a.place) == bool(b.place):
        return False
    placed = a if a.place else b
    banned = any(p == "-" for _, p in placed.phrases) or any(t.polarity == "-" for t in placed.topics)
    required = any(p == "+" for _, p in placed.phrases) or any(t.polarity == "+" for t in placed.topics)
    return banned and not required


__all__ = ["output_conflict", "required_wording"]
