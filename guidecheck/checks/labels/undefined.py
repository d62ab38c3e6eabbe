"""LAB001: labels a rule assigns that the deck never defines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...index.glossary import normal_term
from ...index.label_forms import is_title_line, is_title_text, spelling_key
from ...index.labels import Inventory, label_uses
from ...model import CODE, Finding, Location, Span
from ..base import Check, CheckContext
from ..common.deck import Deck
from ..common.terms import defines_bracket_tags, find_variants, is_label_use, is_tag
from ..registry import register
from .common import assigning_rules

# A tag in square or angle brackets, not inside quotes (a quoted tag is a mention: "misspell it \"[nois]\"").
_TAG = re.compile(r"(?<![\w\"“'‘])(?:\[[a-z][\w -]{1,20}\]|<[a-z%][\w.%^]{0,5}>)(?![\"”'’])")


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
        with the defined form. Bracketed words count only in decks that define bracketed tags. A deck that
        defines no label set at all gets no finding: there is no list the label is missing from, and the rule
        that assigns it is where it is introduced.

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
            uses = _undefined_uses(ctx, deck, configured)
            for key, places in uses.items():
                yield self._finding(ctx, deck.inventory, key, places)
            for tag, location in _undefined_tags_in_text(ctx, deck, set(uses)):
                yield ctx.finding(
                    self,
                    [],
                    f"Tag '{tag}' is written here but the guidelines never define it.",
                    confidence=0.8,
                    location=location,
                    key=tag,
                    fix=f"Use the tag the deck defines, or add '{tag}' to the tag list with a description.",
                )

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
    if not _defines_labels(inv):
        return {}
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


def _defines_labels(inv: Inventory | None) -> bool:
    """Whether the deck defines a set of labels at all (a scale, a tag list, "Name (CODE)" forms). A label is
    undefined only against such a set: in a deck that defines none, the rule that assigns a label is the only
    place it is introduced, and says when to use it ("If it is missing from the KB, annotate it as Unknown")."""
    return inv is not None and (bool(inv.entries) or inv.lists_labels)


def _undefined_tags_in_text(ctx: CheckContext, deck: Deck, reported: set[str]) -> list[tuple[str, Location]]:
    """Tags in the deck's bracket style ("<wh>" where the deck defines "<qw>") written outside any rule and never
    defined: a tag is matched letter for letter, so a mention in prose names a tag that does not exist."""
    inv = deck.inventory
    brackets = defines_bracket_tags(inv)
    if inv is None or not brackets:
        return []
    members = set(deck.paths)
    out: dict[str, Location] = {}
    for doc in (d for d in ctx.index.documents if d.path in members):
        for block in doc.blocks:
            if block.kind == CODE or is_title_line(block):
                continue
            for m in _TAG.finditer(block.text):
                tag = normal_term(m.group())
                if tag[0] not in brackets or tag in reported or tag in out or inv.defines(tag):
                    continue
                if not (tag[0] == "[" and inv.names_label(tag[1:-1])):  # "[typography]": markup of Typography
                    out[tag] = block.location
    return sorted(out.items(), key=lambda kv: (kv[1].page or 0, kv[1].line or 0))


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
