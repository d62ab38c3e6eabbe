"""CON016: an exception one rule grants that another rule refuses."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class RefusedException(RelationCheck):
    """An exception one rule grants that another rule refuses in words.

    What it does:
        Pairs a rule that excuses a case ("You may skip the brood score when the frame holds only honey",
        "Write a rationale for every task, unless you gave the top scores") with a rule that refuses that very
        case as a reason ("Even on honey frames with no brood, never leave the brood score blank", "Do not skip
        the rationale just because a task earned top scores"), whichever comes first in the sentence. The refusing
        rule must leave the granted act required (or forbid it again), be about the same thing and name a word
        of the granted case. A refusal with a condition of its own, a refusal stated beside the grant in one
        section, and a rule that accepts the grant do not count. Also any other act a rule asks for in a case that
        another rule forbids with that case named as included ("If a suggestion contains a live credential, paste
        it into the Rationale field" / "Never copy a credential into any field, the Rationale field included"); a
        part one rule lets raters leave out in a case that another requires of every item, the case named as
        included ("Live shows are exempt from the two-minute minimum" / "The two-minute minimum applies to every
        format, live shows included"); a rule that admits no exception when its own clause names the excused case
        ("Batch deadlines are never extended, and platform outages are no exception" / "If a platform outage is
        logged, you can ask for an extension"); and a prohibition of an act for a case another rule names for it
        ("Tick Occluded whenever vegetation, debris or a shadow hides part of a defect" / "Do not tick Occluded for
        shadows").

    Why is this bad:
        The usual reading of an exception is that it scopes the rule, so each page reads well alone; but raters
        who read the grant skip what raters who read the refusal do, and reviewers reject one group's work.

    Example:
        You may skip the redaction pass on calls tagged NO_CONTENT.
        ...
        Even when a call is tagged NO_CONTENT, never skip the redaction pass.

    Use instead:
        Keep the exception or the refusal; where an update withdraws the exception, say that it replaces it.
    """

    code = "CON016"
    name = "refused-exception"
    category = "contradiction"
    severity = "error"
    fix = "Keep the exception or the refusal, or say which one replaces the other."
