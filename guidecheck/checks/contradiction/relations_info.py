"""REL001-REL003: pairs the relation classifier explains instead of reporting them as contradictions: a rule and
its stated exception, a later update that says it replaces a rule, the same rule stated twice. Reported for
information; REL001 and REL003 are opt-in."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class ExplicitException(RelationCheck):
    """A rule that would conflict with another is scoped by an exception (reported for information).

    What it does:
        Reports pairs that look contradictory but where one rule carries an explicit exception ("unless …",
        "except …", "notwithstanding …") or is a narrower conditional version of a general rule.

    Why is this bad:
        It is not; it is listed so reviewers can confirm the exception is intended and visible where raters need it.

    Example:
        Never include determiners in entity spans.
        ...
        Include the determiner when it is part of a title, except for song titles.

    Use instead:
        Nothing to fix; consider cross-referencing the exception from the general rule.
    """

    code = "REL001"
    name = "exception"
    category = "exception"
    severity = "info"
    fix = (
        "Nothing to fix if the exception is intended; mention it next to the general rule so raters see both."
    )


@register
class DatedOverride(RelationCheck):
    """A later update says it replaces an older rule (reported for information).

    What it does:
        Reports pairs that would conflict where one rule says it replaces the other ("Update (March): …",
        "as of v2", "no longer", "is now", "from now on"). A later file (FAQ, update notes, errata) that states
        something else without such words is reported as the contradiction itself: its title alone does not
        tell a rater which of the two to follow.

    Why is this bad:
        It is not a contradiction, but the superseded rule still sits in the deck and raters may follow it.

    Example:
        Do not accept machine-translated captions.
        ...
        Update (March): machine-translated captions are now allowed if a native speaker reviewed them.

    Use instead:
        Edit the old rule to point at the update, or remove it.
    """

    code = "REL002"
    name = "override"
    category = "override"
    severity = "info"
    fix = "Edit or delete the superseded rule, or point it at the update, so raters cannot follow the old version."


@register
class DuplicateRule(RelationCheck):
    """The same rule is stated twice (reported for information).

    What it does:
        Reports pairs with the same polarity, outcome and conditions whose words or embeddings are nearly identical.

    Why is this bad:
        Not a conflict today, but the two copies drift apart when only one is edited.

    Example:
        Always include the publication date in your comment.
        ...
        Your comment must include the publication date.

    Use instead:
        Keep one copy and refer to it.
    """

    code = "REL003"
    name = "duplicate"
    category = "duplicate"
    severity = "info"
    fix = (
        "Keep one copy and refer to it from the other place, so an edit to one cannot make them drift apart."
    )
