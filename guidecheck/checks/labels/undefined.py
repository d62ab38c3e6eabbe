"""LAB001: labels a rule assigns that the deck never defines."""

from __future__ import annotations

from collections.abc import Iterable

from ...index.glossary import normal_term
from ...index.label_forms import is_title_text, spelling_key
from ...index.labels import Inventory, label_uses
from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.deck import Deck
from ..common.terms import defines_bracket_tags, find_variants, is_label_use, is_tag
from ..registry import register
from .common import assigning_rules


@register
class UndefinedLabel(Check):
    """A rule assigns a label the deck never defines.

    What it does:
        Finds labels named in rules ("mark it as Borderline", "select \"Needs review\"") that are not in the
        deck's label inventory, its glossary or the configured glossary, and are not a variant of a defined label
        (those are TERM001). A label counts as defined in any of the forms real guidelines use: rubric tables and
        scale lists, "Name (CODE)", "CODE: gloss", "(labeled X)", "(labels: a, b)", "are marked as X", counted
        lists ("three types: A, B and C"), a list of bare labels under a lead-in, and a heading that names it
        (the text under a heading defines it). A family member PREFIX-X is defined when X is. A use spelled with
        other hyphens, spaces or case than the defined label ("[side speech]" for "[side-speech]") is reported
        with the defined form. Bracketed words count only in decks that define bracketed tags.

    Why is this bad:
        Raters cannot find the option in the tool, or each invents what it means; the label's counts are noise.

    Example:
        | 1 | Irrelevant | ... |  | 3 | Relevant | ... |
        If the page does not load, rate it Broken.

    Use instead:
        Add "Broken" to the scale with a description, or use a label the scale defines: "rate it 0 (Did Not Load)".
    """

    code = "LAB001"
    name = "undefined-label"
    category = "labels"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        configured = {normal_term(t) for t in ctx.config.glossary}
        for deck in ctx.decks.values():
            for key, places in _undefined_uses(ctx, deck, configured).items():
                yield self._finding(ctx, deck.inventory, key, places)

    def _finding(self, ctx: CheckContext, inv: Inventory | None, key: str, places: list) -> Finding:
        """One finding per label, at its first use; a spelling of a defined label names the defined form."""
        rule, use = places[0]
        more = [r.location.label() for r, _ in places[1:]]
        spelled = _defined_spelling(inv, use.label)
        if spelled:
            detail = f"; the deck defines it as '{spelled}'"
            fix = f"Write '{spelled}', the form the deck defines, so the tag matches the tool's option."
        else:
            names = sorted({e.name for e in inv.entries if e.name}) if inv is not None else []
            detail = f" (defined labels: {', '.join(names[:8])})" if names else ""
            fix = (
                f"Add '{use.label}' to the label table with a description of when to use it, "
                "or replace it with one of the defined labels."
            )
        return ctx.finding(
            self,
            [rule],
            f"Label '{use.label}' is used here but the guidelines never define it{detail}"
            + (f"; also used at {', '.join(more[:5])}." if more else "."),
            confidence=0.8,
            spans=[Span(rule.id, use.start, use.end)],
            key=key,
            fix=fix,
        )


def _undefined_uses(ctx: CheckContext, deck: Deck, configured: set[str]) -> dict[str, list]:
    """normalised label -> [(rule, use)] for every use the deck does not define, in reading order."""
    inv, glossary = deck.inventory, deck.glossary
    variants = {normal_term(v.variant.display) for v in find_variants(ctx, deck.first_path, deck.rules)}
    brackets = defines_bracket_tags(inv)
    uses: dict[str, list] = {}
    for rule in assigning_rules(deck.rules):
        if is_title_text(rule.text):
            continue  # a table header or a heading-like line names things; it assigns nothing
        for use in label_uses(rule):
            key = normal_term(use.label)
            if use.numeric or key in configured or key in glossary or key in variants:
                continue
            if not is_label_use(rule.text, use, brackets):
                continue
            if inv is not None and inv.defines(use.label):
                continue
            uses.setdefault(key, []).append((rule, use))
    return uses


def _defined_spelling(inv: Inventory | None, label: str) -> str | None:
    """The defined label ``label`` spells with other spacing, hyphens or case ("[side speech]" for
    "[side-speech]"), if there is one."""
    if inv is None or not is_tag(label):
        return None
    want = spelling_key(label)
    for e in inv.entries:
        if e.name and spelling_key(e.name) == want:
            return e.name
    return None
