"""CON015: one written value entered in two forms."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class EntryFormConflict(RelationCheck):
    """One written value that two rules enter in two different forms.

    What it does:
        Reads the example values a rule enters and the form it gives them ("007 is entered as 007", "St becomes
        Street", "enter '13%' as 13.0"): a value that is quoted, holds a digit, or is written like an abbreviation
        or a name. Two rules clash when they enter the same value in two forms. A clause that shows a form to
        avoid ("never enter 007 as 7", "a common mistake"), example material, two rules about different named
        fields and two rules under different conditions do not count.

    Why is this bad:
        Transcribers who read one page key "007", those who read the other key "7", so one field of the data set
        holds both forms and reviewers reject the form they did not expect. An FAQ or errata often reverses a
        convention this way, by example, without saying that anything changed.

    Example:
        Keep leading zeros: a plate reading 007 is entered as 007.
        ...
        Leading zeros carry no meaning in an address, so strip them and enter 007 as 7.

    Use instead:
        Show each value in one form; where an update changes the convention, say that it replaces the rule.
    """

    code = "CON015"
    name = "entry-form-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Keep one of the two forms, or say which rule replaces the other."
