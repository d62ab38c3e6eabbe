"""How relations cite rules: quoted in their own words, as a rater reads them, with spans on the clashing words."""

from __future__ import annotations

from ....model import Rule, Span


def quoted(text: str, limit: int = 160) -> str:
    """A rule quoted in its own words (long ones shortened in the middle)."""
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 40].rstrip() + " … " + t[-36:].lstrip()
    return f"“{t}”"


def as_read(rule: Rule) -> str:
    """The rule as a rater reads it: list items keep their lead-in ("Do not: include the date")."""
    if rule.lead_in and rule.lead_in.strip().lower() not in rule.text.lower():
        return f"{rule.lead_in.strip()} {rule.text}"
    return rule.text


def span_of(rule: Rule, s: tuple[int, int] | None) -> list[Span]:
    return [Span(rule.id, s[0], s[1])] if s and s[1] > s[0] else []


def find_span(rule: Rule, needle: str) -> list[Span]:
    i = rule.text.lower().find(needle.lower()) if needle else -1
    return [Span(rule.id, i, i + len(needle))] if i >= 0 else []
