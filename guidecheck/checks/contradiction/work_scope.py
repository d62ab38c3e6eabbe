"""CON014: a class of items one rule puts inside the work and another keeps out of it."""

from __future__ import annotations

from ..registry import register
from .checks import RelationCheck


@register
class WorkScopeConflict(RelationCheck):
    """A class of items one rule puts inside the work and another keeps out of it.

    What it does:
        Reads what each rule says about a class of items: worked on (tagged, boxed, rated, transcribed, in
        scope, "not a reason to skip") or kept out (out of scope, not tagged, left untagged, skipped). Two rules
        clash when they take opposite stances on the same class: the same head noun, and the class kept out named
        in full by the rule that works on it; for items in another language, the language is the class. A general
        rule against a narrower class kept out, a class kept out under a condition the other rule does not name, a
        stance that names a label ("not tagged as DATE"), a rule that states its own exception, a few words of
        another language in an English item, two permissions, and two rules of one section do not count.

    Why is this bad:
        Raters who read one page annotate what raters who read the other leave out, so the data set holds the
        class in some batches and not in others, and reviewers reject work that followed the page they did not
        read. An errata or FAQ often reverses a class's place in the work this way without saying so.

    Example:
        Handwritten marginal notes are annotated exactly like typed text.
        ...
        Handwritten notes in the margins are outside the scope of this project and are not annotated.

    Use instead:
        Say once whether the class is in the work; where an update changes it, say that it replaces the rule.
    """

    code = "CON014"
    name = "work-scope-conflict"
    category = "contradiction"
    severity = "error"
    fix = "Keep one of the two rules, or say which one replaces the other."
