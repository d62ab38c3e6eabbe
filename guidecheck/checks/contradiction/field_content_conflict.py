"""CON018: a thing one rule puts into a field and another keeps out of it."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class FieldContentConflict(RelationCheck):
    """A thing one rule puts into a note, field, span or ticket and another rule keeps out of it.

    What it does:
        Reads every rule of a project for a container (a comment, a note, the Evidence field, a labelled span), a
        content, and whether the rule requires the content there or keeps it out ("Your triage note must name the
        device model and OS version" / "Keep device and OS details out of the triage note"), and pairs a
        requirement with an exclusion when the containers and the contents meet, in other words too ("promo code"
        / "discount codes"). Copying text word for word counts as putting it there ("quote the exact sentence in
        your comment" / "never copy text from the summary into the comment box"). Two rules in one section are a
        rule and its exception, and a table row that describes a field is no duty.

    Why is this bad:
        A rater cannot both include the thing and leave it out; reviewers who read the other page reject the
        work, and where the exclusion protects privacy, following the wrong rule leaks data.

    Example:
        Paste the customer's order number into the Notes field.
        ...
        Never type order numbers or other account identifiers into Notes.

    Use instead:
        Say once what the field holds; where one case needs the thing, say that it is an exception.
    """

    code = "CON018"
    name = "field-content-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Say once whether the field holds the thing, or mark the case that needs it as an exception."
