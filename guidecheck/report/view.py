"""Presentation helpers shared by the renderers: location labels, plain-language category names, highlights.

Everything here reads the report dict (the contract), never pipeline objects, so any renderer stays a pure
function of the JSON report.
"""

from __future__ import annotations

import re
from typing import Any

from ..force_words import force_words
from ..model import SEVERITY_RANK

# Plain-language names and one-line explanations, for readers who do not know the check codes.
CATEGORIES: dict[str, tuple[str, str]] = {
    "contradiction": ("Contradictions", "Two rules that cannot both be followed."),
    "exception": (
        "Exceptions",
        "A rule and an explicit exception to it: not a conflict, listed so you can confirm it.",
    ),
    "override": (
        "Overrides",
        "A later update says it replaces an older rule that is still in the deck.",
    ),
    "duplicate": ("Duplicates", "The same rule stated more than once, possibly with different details."),
    "ambiguity": ("Ambiguities", "Wording that different raters will read differently."),
    "labels": (
        "Label problems",
        "Labels or scores that are used but not defined, or defined inconsistently.",
    ),
    "terminology": (
        "Terminology",
        "The same thing called by different names, or one name for different things.",
    ),
    "coverage": ("Coverage gaps", "Cases the guidelines leave without an answer."),
    "meta": ("Suppressions", "Suppression comments that suppress nothing or name an unknown check."),
}
SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("Error", "Raters cannot follow the guidelines as written; fix before launch."),
    "warning": ("Warning", "Likely to make raters disagree; fix or confirm."),
    "info": ("Info", "Worth a look; may be intended."),
}
# Most severe first: the order of model.SEVERITY_RANK, reversed (the one place severities are ranked).
SEVERITY_ORDER = tuple(sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True))
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Words that carry a rule's force; highlighted on both sides of a pair when a check gave no spans. The ones
# marked `mark` in data/modality.toml, in their priority order: the first found in a rule is marked.
_FORCE_WORDS = force_words("mark")


# Verbs too common to say anything about a clash ("must be", "has"): not highlighted as the action.
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "use"})


def category_label(category: str) -> str:
    return CATEGORIES.get(category, (category.replace("_", " ").capitalize(), ""))[0]


def category_help(category: str) -> str:
    return CATEGORIES.get(category, ("", ""))[1]


def where(item: dict[str, Any], *, column: bool = True) -> str:
    """``path:12:3``, ``path page 3``, ``path slide 4 (notes)`` for a finding, rule or related location."""
    out = item.get("path") or "(unknown)"
    if item.get("line"):
        out += f":{item['line']}"
        if column and item.get("column"):
            out += f":{item['column']}"
    if item.get("page"):
        out += f" page {item['page']}"
    if item.get("slide"):
        out += f" slide {item['slide']}"
    if item.get("notes"):
        out += " (notes)"
    return out


def position(item: dict[str, Any]) -> str:
    """Where inside the file, without the path: ``line 12``, ``page 3``, ``slide 4, notes``."""
    parts = []
    if item.get("line"):
        parts.append(f"line {item['line']}")
    if item.get("page"):
        parts.append(f"page {item['page']}")
    if item.get("slide"):
        parts.append(f"slide {item['slide']}")
    if item.get("notes"):
        parts.append("speaker notes")
    return ", ".join(parts)


def _merge(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    clipped = sorted((max(0, s), min(length, e)) for s, e in ranges if e > s and s < length and e > 0)
    out: list[tuple[int, int]] = []
    for s, e in clipped:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _find_words(text: str, phrase: str, prefix: bool = False) -> list[tuple[int, int]]:
    if not phrase or not phrase.strip():
        return []
    words = [re.escape(w) for w in phrase.split()]
    pattern = r"\b" + r"\s+".join(words) + (r"\w*" if prefix else r"\b")
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.I)]


def derived_ranges(rule: dict[str, Any]) -> list[tuple[int, int]]:
    """The words of a rule that a pair finding turns on: its force word, action, object, labels, quantities.

    Used only when a pair finding carries no spans of its own, so both sides of a contradiction still show
    what clashes.
    """
    text = rule.get("text") or ""
    ranges: list[tuple[int, int]] = []
    cue = re.search(r"'([^']+)'", rule.get("evidence") or "")
    force = [cue.group(1)] if cue else []
    force += [w for w in _FORCE_WORDS if w not in force]
    # Rubric rows and definitions carry no deontic force: their "not" is content, not the clash.
    for word in force if rule.get("kind") not in ("rubric", "definition") else ():
        found = _find_words(text, word)
        if found:
            ranges += found[:1]
            break
    for field, prefix in (("action", True), ("object", True)):
        value = rule.get(field)
        if value and value not in ("it", "|") and not (field == "action" and value in _LIGHT_VERBS):
            ranges += _find_words(text, value, prefix)[:1]
    for label in rule.get("labels") or []:
        ranges += _find_words(text, str(label))[:1]
    for q in rule.get("quantities") or []:
        if q.get("text"):
            ranges += _find_words(text, q["text"])[:1]
    return ranges


def segments(text: str, ranges: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split text into (piece, highlighted) so templates escape each piece and wrap the marked ones."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in _merge(ranges, len(text)):
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out


def derived(finding: dict[str, Any], rule: dict[str, Any]) -> bool:
    """True when the report itself picks the words to mark: a rule of a pair the check gave no span for."""
    own = any(sp.get("rule") == rule.get("id") for sp in finding.get("spans") or [])
    return not own and len(finding.get("rules") or []) > 1


def highlight(finding: dict[str, Any], rule: dict[str, Any]) -> list[tuple[str, bool]]:
    """Segments of a rule's text with the finding's spans marked (derived ones where a pair side has none)."""
    text = rule.get("text") or ""
    if derived(finding, rule):
        return segments(text, derived_ranges(rule))
    return segments(
        text,
        [(sp["start"], sp["end"]) for sp in finding.get("spans") or [] if sp.get("rule") == rule.get("id")],
    )
