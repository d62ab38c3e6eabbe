"""A case one rule calls enough for an act, and a rule that says that case alone is not enough (CON001).

"Flag every answer that relies on a deprecated API as Outdated" makes a deprecated API enough for the flag; "Do
not use the Outdated flag merely because an API has been deprecated" says it is not. The second rule names the
first one's case in a "merely / just / solely because ..." clause and forbids the same act, so a rater who
sees only a deprecated API cannot follow both. The same denial can be the sentence's subject: "Not knowing the
prompt's language is no reason to skip" against "Skip the task if the prompt is in a language you don't read",
"A customer requesting a live person is not on its own a reason to flag Escalation needed" against "If the user
asks to talk to a human, tick Escalation needed"
(the act is the one the sentence names, whatever else it asks). A rule with an exception of its own
("unless ...") is left to the exception reading.

A thing one rule calls enough for an act and another says does not do it alone ("the brand's main website is enough
to verify a branch" / "the brand's home page alone does not verify any individual location") clash the same way,
when the two name the same act and share a word of the thing, and the rules are close in meaning.
"""

from __future__ import annotations

import re

from .claims import Claim, unquoted
from .conflict import Conflict
from .lexicon import content, lexicon, stem
from .memo import search
from .text import as_read, find_span, quoted
from .thresholds import shared_labels

_MERELY = re.compile(r"\b(?:merely|just|only|solely|simply)\s+because\s+(?:of\s+)?(?P<reason>[^;.:]+)", re.I)
# "<case> is no reason to <act>", "<case> is not enough to <act>", "<case> does not justify <act>ing".
# "<case> is not on its own a reason to <act>": the qualifier between.
_NO_REASON = re.compile(
    r"^(?P<reason>[^;:]+?)\s+(?:is|are)\s+(?:no|not)\s+"
    r"(?:(?:on\s+(?:its|their)\s+own|by\s+itself|by\s+themselves|alone|in\s+itself)\s+)?(?:an?\s+)?"
    r"(?:reason|grounds?|enough|sufficient)\s+(?:reason\s+)?(?:to|for)\s+(?P<act>[a-z]+)",
    re.I,
)


def _denial(denying: Claim, requiring: Claim) -> re.Match[str] | None:
    """The clause of ``denying`` that calls ``requiring``'s case not enough for ``requiring``'s act, if any."""
    text = unquoted(denying.text)
    m = search(_NO_REASON, text)
    if m is not None:
        act = stem(m.group("act").lower())
        # the act's name, as the claims name it ("report" for "escalate")
        act = lexicon().act_of.get(act, act)
        same_act = requiring.action is not None and act == requiring.action
        # or the same label applied by another verb: "flag Escalation needed" / "tick Escalation needed"
        return m if same_act or shared_labels(denying, requiring) else None
    m = search(_MERELY, text) if denying.deontic == "F" else None
    same_act = requiring.action is not None and requiring.action == denying.action
    return m if m is not None and (same_act or shared_labels(denying, requiring)) else None


def sufficiency_conflict(fa: Claim, fb: Claim) -> Conflict | None:
    """A ``Conflict`` when one rule requires an act in a case the other says is not enough for it."""
    for denying, requiring in ((fa, fb), (fb, fa)):
        if requiring.deontic != "O" or requiring.exception:
            continue
        m = _denial(denying, requiring)
        if m is None:
            continue
        reason = content(m.group("reason"))
        shared = reason & requiring.everything
        if len(shared) < 2 and not (reason and reason <= requiring.everything):
            continue
        why = (
            f"{quoted(as_read(requiring.rule))} makes this case enough, but {quoted(as_read(denying.rule))} says "
            f"“{m.group('reason').strip()}” alone is not."
        )
        spans = find_span(denying.rule, m.group(0).strip())
        return Conflict("CON001", 0.8, why, spans, False)
    return None


_THING = r"(?P<thing>[A-Za-z][\w'’ -]{2,60}?)"
_ENOUGH = re.compile(rf"{_THING}\s+(?:is|are)\s+(?:enough|sufficient)\s+to\s+(?P<act>[a-z]+)", re.I)
_NOT_ENOUGH = re.compile(
    rf"{_THING}\s+(?:(?:alone|by\s+itself|on\s+its\s+own)\s+(?:does|do)\s*(?:not|n['’]t)\s+"
    rf"|(?:alone\s+)?(?:is|are)\s+(?:not|never)\s+(?:enough|sufficient)\s+to\s+)(?P<act>[a-z]+)",
    re.I,
)
_CLOSE = 0.7  # the two rules' cosine: "enough" and "alone does not" name the thing in other words


def enough_conflict(fa: Claim, fb: Claim, cosine: float) -> Conflict | None:
    """A ``Conflict`` when one rule calls a thing enough for an act that the other says it does not do alone."""
    if cosine < _CLOSE:
        return None
    for yes, no in ((fa, fb), (fb, fa)):
        m, n = search(_ENOUGH, unquoted(yes.text)), search(_NOT_ENOUGH, unquoted(no.text))
        if m is None or n is None or stem(m.group("act").lower()) != stem(n.group("act").lower()):
            continue
        if not content(m.group("thing")) & content(n.group("thing")):
            continue
        why = (
            f"{quoted(as_read(yes.rule))} calls {m.group('thing').strip()} enough to {m.group('act')}, but "
            f"{quoted(as_read(no.rule))} says {n.group('thing').strip()} does not do it alone."
        )
        spans = find_span(yes.rule, m.group(0).strip()) + find_span(no.rule, n.group(0).strip())
        return Conflict("CON001", 0.8, why, spans, False)
    return None
