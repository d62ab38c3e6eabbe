"""A worked example labeled with the label a rule refuses its case (CON008).

"Power banks always get the Loose Battery label, never Electronic Device" and an example of a power bank whose verdict
reads "Label: Electronic Device, with one box around the whole power bank": the rule names the label it turns
down for its case ("never X", "not X", "rather than X", "instead of X"), and the example of that case gives it.
"""

from __future__ import annotations

import re

from .claims import Claim
from .example_cases import states_condition
from .example_excuses import breaks
from .lexicon import stem
from .relate import Relation
from .text import as_read, quoted

# A label turned down: ", never Electronic Device", "rather than SKILL", "not Spam" (the name capitalised).
_TURNED_DOWN = re.compile(
    r"(?:\b(?i:never|not|rather\s+than|instead\s+of))\s+(?:(?i:as)\s+)?(?:(?i:an?|the)\s+)?[\"“]?"
    r"(?P<label>[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2})"
)


def refused_label_clash(
    claims: list[Claim],
    labels: list[tuple[Claim, str, tuple[int, int]]],
    everything: frozenset[str],
    r: Claim,
    cover: float,
) -> Relation | None:
    """The example (its sentences ``claims``, its named labels ``labels``, its words ``everything``) is given a label
    the rule turns down for the case the example states."""
    if cover < 0.6 or not states_condition(everything, r, " ".join(f.text for f in claims)):
        return None
    refused = {m.group("label").lower(): m.span("label") for m in _TURNED_DOWN.finditer(r.text)}
    if not refused or not _subject_stated(r, claims, refused):
        return None
    given = next(
        (
            (f, o, s)
            for f, o, s in labels
            if o.lower() in refused
            and not any(o.lower() == m.group("label").lower() for m in _TURNED_DOWN.finditer(f.text))
        ),
        None,
    )  # "..., so it is never a FEE": the example turns the label down itself
    if given is None:
        return None
    ef, label, span = given
    why = f"The example {quoted(ef.text)} is labeled {label}, which {quoted(as_read(r.rule))} turns down for this case."
    return breaks(r, ef, 0.55 + 0.3 * cover, why, refused[label.lower()], span)


# The subject a rule opens on, up to its verb: "Power banks" of "Power banks always get the Loose Battery label".
_SUBJECT = re.compile(
    r"^\s*(?P<s>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:always\s+|never\s+)?"
    r"(?:is|are|gets?|receives?|takes?|goes|go|belongs?|counts?|must|should|can|may)\b",
    re.I,
)


_DETERMINERS = frozenset({"a", "an", "the", "any", "every", "each", "all", "some"})


def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z][\w'’-]*", text.lower()))


def _subject_stated(r: Claim, claims: list[Claim], refused: dict[str, tuple[int, int]]) -> bool:
    """The rule opens on the case it turns the label down for, and the example names all of it: "A forklift
    entering the robot zone is not a ZONE_ENTRY" is no rule for an example of a person entering the zone, and
    "Keep the Language field set to ..., not EN" names no case at all."""
    m = _SUBJECT.match(r.text)
    if m is None:
        return False
    # every word of it, even one a topic ignores ("Own goals" is no case of "goals")
    words = _words(m.group("s")) - _words(" ".join(refused)) - _DETERMINERS
    return bool(words) and words <= _words(" ".join(f.text for f in claims))


__all__ = ["refused_label_clash"]
