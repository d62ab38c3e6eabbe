"""DUP001: the same rule written twice in different words — where decks drift apart."""

from __future__ import annotations

from collections.abc import Iterable

from ...index.glossary import normal_term
from ...model import Finding
from ..base import Check, CheckContext
from ..common.restatements import same_rule_pairs
from ..common.wording import data
from ..registry import register


@register
class NearDuplicateRule(Check):
    """Two rules say the same thing in different words.

    What it does:
        Finds pairs of rules with the same polarity, strength, labels and numbers whose wording (modal words
        removed) is nearly the same by sentence embeddings, but not identical. Exact restatements are reported
        by REL003 (duplicate) and pairs that differ in strength by AMB004 (mixed-modality); a pair that the
        contradiction checks relate is never reported here.

    Why is this bad:
        Paraphrased copies are edited one at a time: after the next update one copy says something else, and
        raters follow whichever they found first.

    Example:
        Read the whole article before you choose a rating.
        ...
        Before rating, raters must go through the entire article.

    Use instead:
        State the rule once, in the section where raters look for it, and refer to it elsewhere
        ("see Reading the page").
    """

    code = "DUP001"
    name = "near-duplicate-rule"
    category = "duplicate"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        threshold = float(data()["modality"]["same_rule_similarity"])
        for a, b, sim in same_rule_pairs(ctx):
            if sim < threshold or (a.modality or "") != (b.modality or ""):
                continue
            if normal_term(a.text) == normal_term(b.text):
                continue  # an exact restatement: REL003's
            yield ctx.finding(
                self,
                [a, b],
                f"'{b.text}' ({b.location.label()}) restates '{a.text}' ({a.location.label()}) in other words.",
                confidence=round(min(0.95, sim), 3),
                fix=f"Keep one wording of this rule (e.g. '{a.text}') and replace the other with a reference to it, "
                "so later edits cannot make them differ.",
            )
