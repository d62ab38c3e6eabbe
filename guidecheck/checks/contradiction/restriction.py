"""CON011: an act reserved to a group, and a rule that gives or requires the same act of everyone."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class OnlyRestrictionConflict(RelationCheck):
    """An act reserved to a group ("Only senior reviewers may ...") that another rule gives to everyone.

    What it does:
        Finds a rule that reserves an act to a named group ("Only Tier 2 moderators can reject a review for
        suspected incentivization") and a rule that gives or requires the same act of every rater ("Any moderator
        may reject a review that looks incentivized", "Every annotator is expected to set the Security Risk
        flag", "You don't need any certification to use the Strong Accent tag", or an instruction to the reader:
        "reopen the ticket yourself"). The reserving rule may open with when it holds ("Once a ticket is closed,
        only a shift supervisor can reopen it") or reserve a thing ("The Escalate to Legal flag is reserved for
        Tier 2 reviewers": applying it, whatever the verb). The two must act on the same label or on the same
        object with the same verb or a synonym (change / edit). A bare role ("Only raters may ...") reserves
        nothing.

    Why is this bad:
        Raters outside the group either skip the act the second rule asks of them, or do what the first rule
        reserves; reviewers then reject one of the two, and the label's counts depend on who happened to rate.

    Example:
        Only senior reviewers may assign the Security Risk flag.
        ...
        Every annotator is expected to set the Security Risk flag when they spot hard-coded secrets.

    Use instead:
        Say who applies it once ("Annotators suggest the Security Risk flag; a senior reviewer confirms it"), or
        drop the restriction.
    """

    code = "CON011"
    name = "only-restriction-conflict"
    category = "contradiction"
    severity = "error"
