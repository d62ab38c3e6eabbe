"""CON013: two rules that put the same two steps in opposite orders."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class StepOrderConflict(RelationCheck):
    """Two rules order the same two steps the opposite ways.

    What it does:
        Reads the order of steps each rule states ("first ... then", "before", "after", "do not ... until") and
        finds two rules whose steps match crosswise: the step one rule puts first is the step the other puts
        last. Two steps are the same when most of the smaller one's words are in the other. A rule that only
        allows an order ("you may read the reference first") and rules for different conditions do not count.

    Why is this bad:
        Whatever a rater does first breaks one of the rules. Orders matter in a deck because they guard against
        bias (score before seeing the reference) or wasted work, so raters who follow either page disagree with
        the reviewers who follow the other.

    Example:
        Read the final answer first, then evaluate the method.
        ...
        Always evaluate the method before you look at the final answer.

    Use instead:
        State the order once, in the steps, and refer to it elsewhere.
    """

    code = "CON013"
    name = "step-order-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Keep one order of the two steps and state it in one place."
