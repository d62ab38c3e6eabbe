"""LAB001-LAB005: labels used but never defined, unused glossary terms, undescribed scale points, labels
defined twice differently, and scores outside the defined scale. The inventory and glossary come from the index
(guidecheck/index/labels.py, guidecheck/index/glossary.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from ...index.glossary import is_glossary_section, normal_term
from ...index.labels import LabelDef, label_uses
from ...model import HEADING, Finding, Rule, Span
from ..base import Check, CheckContext
from ..common.deck import rules_by_path
from ..common.terms import find_variants
from ..common.wording import data, is_checkable
from ..registry import register


def _rule_at(rules: list[Rule], line: int | None) -> list[Rule]:
    """The rule(s) extracted from the block at ``line`` (definitions are often rules too)."""
    return [r for r in rules if line is not None and r.location.line == line][:1]


def _assigning_rules(rules: list[Rule]) -> Iterable[Rule]:
    for rule in rules:
        if is_checkable(rule) and rule.kind not in ("rubric", "definition"):
            yield rule


@register
class UndefinedLabel(Check):
    """A rule assigns a label the deck never defines.

    What it does:
        Finds labels named in rules ("mark it as Borderline", "select \"Needs review\"") that are not in the
        deck's label inventory (rubric tables, scale lists), its glossary or the configured glossary, and are not
        a variant of a defined label (those are TERM001).

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
            path, rules, inv, glossary = deck.first_path, deck.rules, deck.inventory, deck.glossary
            variants = {normal_term(v.variant.display) for v in find_variants(ctx, path, rules)}
            members = set(deck.paths)
            headings = {
                normal_term(b.text)
                for d in ctx.index.documents
                if d.path in members
                for b in d.blocks
                if b.kind == HEADING
            }
            uses: dict[str, list] = {}
            for rule in _assigning_rules(rules):
                for use in label_uses(rule):
                    key = normal_term(use.label)
                    if (
                        use.numeric
                        or key in configured
                        or key in glossary
                        or key in variants
                        or key in headings
                    ):
                        continue
                    if inv is not None and inv.defines(use.label):
                        continue
                    uses.setdefault(key, []).append((rule, use))
            for key, places in uses.items():  # one finding per label, at its first use
                rule, use = places[0]
                more = [r.location.label() for r, _ in places[1:]]
                yield ctx.finding(
                    self,
                    [rule],
                    f"Label '{use.label}' is used here but the guidelines never define it"
                    + (
                        f" (defined labels: {', '.join(sorted({e.name for e in inv.entries if e.name})[:8])})"
                        if inv is not None and any(e.name for e in inv.entries)
                        else ""
                    )
                    + (f"; also used at {', '.join(more[:5])}." if more else "."),
                    confidence=0.8,
                    spans=[Span(rule.id, use.start, use.end)],
                    key=key,
                    fix=f"Add '{use.label}' to the label table with a description of when to use it, "
                    "or replace it with one of the defined labels.",
                )


@register
class UnusedGlossaryTerm(Check):
    """A glossary term that no rule or passage of the deck uses.

    What it does:
        Lists terms defined in a Glossary / Definitions section that never appear anywhere else in the same
        deck (all files of its folder).

    Why is this bad:
        Unused definitions are usually left over from an older version, or the rules use another word for the
        same thing (so the definition silently does not apply).

    Example:
        Glossary: "Stale result: a page whose information is more than a year old."  (no rule mentions it)

    Use instead:
        Use the term in the rule it was written for ("Rate stale results 1"), or delete the definition.
    """

    code = "LAB002"
    name = "unused-glossary-term"
    category = "labels"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        by_path = rules_by_path(ctx.rules)
        docs = {d.path: d for d in ctx.index.documents}
        for doc in ctx.index.documents:
            glossary = ctx.index.glossaries.get(doc.path, {})
            entries = [g for g in glossary.values() if g.in_glossary]
            if not entries:
                continue
            members = [docs[p] for p in ctx.deck(doc.path).paths if p in docs]
            body = " ".join(
                normal_term(b.text)
                for d in members
                for b in d.blocks
                if not is_glossary_section(b.section)
                and not (b.kind == HEADING and is_glossary_section((*b.section, b.text)))
            )
            for g in entries:
                forms = _forms(normal_term(g.term))
                if any(re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", body) for f in forms):
                    continue
                rules = _rule_at(by_path.get(doc.path, []), g.location.line)
                spans = []
                if rules:
                    i = rules[0].text.lower().find(g.term.lower())
                    spans = [Span(rules[0].id, i, i + len(g.term))] if i >= 0 else []
                yield ctx.finding(
                    self,
                    rules,
                    f"Glossary term '{g.term}' is never used outside the glossary.",
                    confidence=0.8,
                    spans=spans,
                    location=None if rules else g.location,
                    key=normal_term(g.term),
                    fix=f"Use '{g.term}' in the rules it was meant for, or delete the definition if it is obsolete.",
                )


def _forms(term: str) -> list[str]:
    """The term and its simple plural / singular, with and without hyphens."""
    forms = {term, term.replace("-", " ")}
    for f in list(forms):
        forms.add(f[:-1] if f.endswith("s") else f + "s")
        forms.add(f + "es")
        if f.endswith("y"):
            forms.add(f[:-1] + "ies")
    return sorted(forms)


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
                at = _rule_at(rules, e.location.line)
                yield ctx.finding(
                    self,
                    at,
                    f"Scale point '{point}' has no description.",
                    confidence=0.9,
                    spans=_span_of(at, point),
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
                at = _rule_at(rules, inv.scale_location.line)
                pts = ", ".join(str(p) for p in missing)
                yield ctx.finding(
                    self,
                    at,
                    f"The {inv.scale[0]}-{inv.scale[1]} scale never describes point(s) {pts}.",
                    confidence=0.85,
                    location=None if at else inv.scale_location,
                    key=f"range:{pts}",
                    spans=_span_of(at, f"{inv.scale[0]}"),
                    fix=f"Add a description for {pts} (what distinguishes it from its neighbours), or use a scale "
                    "with only the points you describe.",
                )


def _span_of(rules: list[Rule], text: str) -> list[Span]:
    if not rules:
        return []
    i = rules[0].text.find(text)
    return [Span(rules[0].id, i, i + len(text))] if i >= 0 else []


@register
class LabelDefinedTwice(Check):
    """One label or score is defined twice, with different descriptions.

    What it does:
        Groups the label inventory by label name and score and reports labels whose descriptions differ in
        meaning (compared with sentence embeddings). Separate scales for separate dimensions (two full tables in
        two sections) are not compared by score.

    Why is this bad:
        Raters who read the first definition and raters who read the second apply different labels to the same
        item; the deck itself is the source of the disagreement.

    Example:
        | 2 | Somewhat Relevant | The page touches the topic but misses the intent. |
        ...
        2 (Somewhat Relevant): the page answers part of the query.

    Use instead:
        Keep one definition; if the second was meant as a clarification, merge it into the first.
    """

    code = "LAB004"
    name = "label-defined-twice"
    category = "labels"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        threshold = float(data()["labels"]["same_description"])
        by_path = rules_by_path(ctx.rules)
        if ctx.index.embedder is not None:  # one batch for every description, not one round trip per pair
            ctx.index.embedder.encode(
                sorted(
                    {
                        e.description
                        for inv in ctx.index.inventories.values()
                        for e in inv.entries
                        if e.description
                    }
                )
            )
        for path, inv in ctx.index.inventories.items():
            section_sizes: dict[tuple[str, ...], int] = {}
            for e in inv.entries:
                section_sizes[e.section] = section_sizes.get(e.section, 0) + 1
            groups: dict[str, list[LabelDef]] = {}
            for e in inv.entries:
                if normal_term(e.description):
                    if e.name:
                        groups.setdefault("name:" + normal_term(e.name), []).append(e)
                    if e.score:
                        groups.setdefault("score:" + e.score, []).append(e)
            reported: set[tuple] = set()
            rules = by_path.get(path, [])
            for gkey, entries in sorted(groups.items()):
                for a in entries[:1]:  # every later definition against the first one
                    for b in entries[1:]:
                        pair = (a.location.line, b.location.line)
                        if pair in reported or normal_term(a.description) == normal_term(b.description):
                            continue
                        if (
                            a.section != b.section
                            and gkey.startswith("score:")
                            and min(section_sizes[a.section], section_sizes[b.section]) >= 3
                            and normal_term(a.name or "") != normal_term(b.name or "")
                        ):
                            continue  # two full scales for two dimensions
                        if (
                            a.section == b.section
                            and gkey.startswith("score:")
                            and a.name
                            and b.name
                            and normal_term(a.name) != normal_term(b.name)
                        ):
                            continue
                        sim = _similarity(ctx, a.description, b.description)
                        if sim >= threshold:
                            continue
                        reported.add(pair)
                        at = _rule_at(rules, a.location.line) + _rule_at(rules, b.location.line)
                        label = a.name or a.score
                        yield ctx.finding(
                            self,
                            at,
                            f"'{label}' is defined twice: '{a.description}' ({a.location.label()}) and "
                            f"'{b.description}' ({b.location.label()}).",
                            confidence=round(max(0.5, 1.0 - sim / 2), 3),
                            location=a.location,
                            spans=_span_of(at[:1], label or ""),
                            key=f"{gkey}|{normal_term(a.description)}|{normal_term(b.description)}",
                            fix=f"Keep one definition of '{label}' and delete or merge the other; if the scales "
                            "measure different things, give them different names.",
                        )


def _similarity(ctx: CheckContext, a: str, b: str) -> float:
    if ctx.index.embedder is None:
        return 0.0
    v = ctx.index.embedder.encode([a, b])
    return float(np.dot(v[0], v[1]))


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
            for rule in _assigning_rules(rules):
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
                        if not names or inv.defines(use.label) or key in configured or key not in glossary:
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
