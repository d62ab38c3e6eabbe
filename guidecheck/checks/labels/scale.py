"""LAB003 scale points with no description, LAB005 labels and scores outside the scale's options."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...index.glossary import normal_term
from ...index.labels import label_uses
from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.deck import rules_by_path
from ..registry import register
from .common import assigning_rules, rule_at, span_of


@register
class UndescribedScalePoint(Check):
    """A point of the rating scale has no description.

    What it does:
        Reports rubric rows whose description is empty, and points inside a stated range ("on a 1-5 scale")
        that the deck never describes.

    Why is this bad:
        Raters avoid the point or use it for whatever falls between its neighbours, differently each time.

    Example:
        Rate fluency on a 1-5 scale. 1 = unreadable. 3 = understandable with effort. 5 = native-like.

    Use instead:
        Describe every point, including 2 and 4, or shrink the scale to the points you can describe.
    """

    code = "LAB003"
    name = "undescribed-scale-point"
    category = "labels"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        by_path = rules_by_path(ctx.rules)
        for path, inv in ctx.index.inventories.items():
            rules = by_path.get(path, [])
            for e in inv.entries:
                desc = normal_term(e.description)
                if e.source == "list":
                    continue  # named in a prose list: described elsewhere or not at all, not a scale row
                if desc and desc not in (
                    normal_term(e.name or ""),
                    e.score,
                    "-",
                    "tbd",
                    "todo",
                    "n/a",
                    "…",
                    "...",
                ):
                    continue
                point = e.score or e.name or "?"
                at = rule_at(rules, e.location.line)
                yield ctx.finding(
                    self,
                    at,
                    f"Scale point '{point}' has no description.",
                    confidence=0.9,
                    spans=span_of(at, point),
                    location=None if at else e.location,
                    key=f"row:{point}",
                    fix=f"Describe when to use '{point}': what an item at this point has that the neighbouring "
                    "points do not, with one example.",
                )
            if inv.scale and inv.scale_location is not None:
                described = {int(float(s)) for s in inv.scores() if re.fullmatch(r"\d+(?:\.\d+)?", s)}
                if not described:
                    continue
                missing = [p for p in range(inv.scale[0], inv.scale[1] + 1) if p not in described]
                if not missing:
                    continue
                at = rule_at(rules, inv.scale_location.line)
                pts = ", ".join(str(p) for p in missing)
                yield ctx.finding(
                    self,
                    at,
                    f"The {inv.scale[0]}-{inv.scale[1]} scale never describes point(s) {pts}.",
                    confidence=0.85,
                    location=None if at else inv.scale_location,
                    key=f"range:{pts}",
                    spans=span_of(at, f"{inv.scale[0]}"),
                    fix=f"Add a description for {pts} (what distinguishes it from its neighbours), or use a scale "
                    "with only the points you describe.",
                )


@register
class LabelOutsideInventory(Check):
    """A rule assigns a label or score that is not one of the scale's options.

    What it does:
        Reports labels the deck knows as a term (glossary, inline definition) but that are not options of its
        label scale ("mark it Borderline" when the scale is Safe / Unsafe), and scores inside the scale's range
        that are not one of its points ("2.5" on a 1-4 scale, "3" when the table lists 1, 2, 4). Scores outside
        the range are rating-scale conflicts (CON007).

    Why is this bad:
        The tool has no such option, so raters pick the nearest one, each a different one.

    Example:
        | Safe | ... |  | Unsafe | ... |
        Borderline means content that is allowed but distasteful.  Mark such posts as Borderline.

    Use instead:
        Add "Borderline" as a scale option with a description, or say which option borderline posts get.
    """

    code = "LAB005"
    name = "label-outside-inventory"
    category = "labels"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        configured = {normal_term(t) for t in ctx.config.glossary}
        for deck in ctx.decks.values():
            rules, inv = deck.rules, deck.inventory
            if inv is None or len(inv.entries) < 2:
                continue
            points = inv.numeric_points()
            names = sorted({e.name for e in inv.entries if e.name})
            glossary = deck.glossary
            for rule in assigning_rules(rules):
                for use in label_uses(rule):
                    key = normal_term(use.label)
                    if use.numeric:
                        v = float(use.label)
                        if (
                            len(points) < 2
                            or not (min(points) <= v <= max(points))
                            or (v.is_integer() and int(v) in points)
                        ):
                            continue
                        if re.match(
                            r"\s*(?:%|percent|words?|characters?|seconds?|minutes?|hours?|days?|times?)",
                            rule.text[use.end :],
                            re.I,
                        ):
                            continue
                        options = ", ".join(str(p) for p in sorted(points))
                    else:
                        if not names or inv.is_option(use.label) or key in configured or key not in glossary:
                            continue
                        options = ", ".join(names)
                    yield ctx.finding(
                        self,
                        [rule],
                        f"'{use.label}' is not one of the scale's options ({options}).",
                        confidence=0.8,
                        spans=[Span(rule.id, use.start, use.end)],
                        key=key,
                        fix=f"Use one of the scale's options ({options}), or add '{use.label}' to the scale with a "
                        "description of when to use it.",
                    )
