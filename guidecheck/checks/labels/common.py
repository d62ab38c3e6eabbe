"""Helpers the label checks share: the rule at a definition's line, the rules that assign labels, spans."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Rule, Span
from ..common.wording import is_checkable


def rule_at(rules: list[Rule], line: int | None) -> list[Rule]:
    """The rule(s) extracted from the block at ``line`` (definitions are often rules too)."""
    return [r for r in rules if line is not None and r.location.line == line][:1]


def assigning_rules(rules: list[Rule]) -> Iterable[Rule]:
    """Rules that may assign a label: not examples, not the rubric rows and definitions that define them."""
    for rule in rules:
        if is_checkable(rule) and rule.kind not in ("rubric", "definition"):
            yield rule


def span_of(rules: list[Rule], text: str) -> list[Span]:
    """The first place ``text`` occurs in the first rule, as a highlight."""
    if not rules:
        return []
    i = rules[0].text.find(text)
    return [Span(rules[0].id, i, i + len(text))] if i >= 0 else []
