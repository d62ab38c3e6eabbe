"""CON017: a narrower rule against a rule whose reason holds in every case."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class NarrowerRuleAgainstReason(RelationCheck):
    """A rule stated for a narrower case where another rule's own reason leaves no case for it.

    What it does:
        Pairs a rule that forbids or requires an act and says why, with a reason that holds for every item ("Leave
        the skin-tone selector alone: it is a clinician-only field"; "Never tick the box yourself; screening is
        handled upstream"), with a rule elsewhere that does the opposite in a narrower case ("Set the skin-tone
        selector for every photo that shows skin"). A narrower rule that calls itself an exception ("The one
        exception: ..."), a reason that names a case ("that box is only used on the Cyber queue"), and two rules
        stated in one section are a scoped exception (REL001), not this.

    Why is this bad:
        A narrower rule usually scopes a general one, so each page reads well alone; but the general rule's reason
        says the act is never the rater's to do (or always is), so raters who follow the narrower rule break it,
        and their work is rejected by reviewers who read the other page.

    Example:
        Leave the Grain field empty; the mill's scanner fills it in from the barcode.
        ...
        Whenever the sack label is torn, type the grain into the Grain field.

    Use instead:
        Say that the narrower case is an exception and why, or drop one of the rules.
    """

    code = "CON017"
    name = "narrower-rule-against-reason"
    category = "contradiction"
    severity = "error"
    fix = "Mark the narrower case as an exception to the rule and its reason, or drop one of the rules."
