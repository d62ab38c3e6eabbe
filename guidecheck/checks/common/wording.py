"""Wording helpers every family uses: word lists, phrase matching outside quotes, label names to leave alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

import tomllib

from ...index.labels import label_uses
from ...model import CODE, EXAMPLE, QUOTE, Rule
from ..base import CheckContext

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`|(?<![\w])'[^']{2,60}'(?![\w])")
# Text right after a word that defines it on the spot: "appropriate (on topic and polite)", "minor, i.e. ...".
_DEFINED_HERE = re.compile(r"^\s*(?:\(|,?\s*(?:i\.e\.|that is|meaning|defined as|which means)\b|:\s)", re.I)


@cache
def data(name: str = "ambiguity") -> dict:
    return tomllib.loads(resources.files("guidecheck").joinpath(f"data/{name}.toml").read_text("utf-8"))


def mask_quotes(text: str) -> str:
    """Quoted text replaced by spaces (same length, so offsets still point into the rule text)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def is_checkable(rule: Rule) -> bool:
    """Rules a wording check reads: never examples, quotes, code or model responses."""
    return not rule.is_example and rule.block_kind not in (EXAMPLE, QUOTE, CODE)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    items = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    # Not inside a hyphenated compound on either side: "natural-object" is a name, not the word "natural".
    alts = [re.escape(p) + (r"(?!\w)" if not p[-1].isalnum() else r"(?![\w-])") for p in items]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + ")", re.I)


def find_phrases(rule: Rule, pattern: re.Pattern[str] | None, allowed: set[str]) -> Iterator[re.Match[str]]:
    """Matches outside quoted text, minus words the project allows."""
    if pattern is None:
        return
    for m in pattern.finditer(mask_quotes(rule.text)):
        if m.group(0).lower().strip() not in allowed:
            yield m


def defined_here(rule: Rule, end: int) -> bool:
    return bool(_DEFINED_HERE.match(rule.text[end:]))


def allowed_words(ctx: CheckContext) -> set[str]:
    return {w.lower().strip() for w in ctx.config.values.get("allowed_words", [])}


def config_list(ctx: CheckContext, key: str) -> list[str]:
    return [str(w) for w in ctx.config.values.get(key, [])]


def label_spans(ctx: CheckContext, rule: Rule) -> list[tuple[int, int]]:
    """Where the rule names a label ("mark it as Unclear", "3 = Mostly faithful"): words there are names, not
    criteria, so the wording checks leave them alone."""
    spans = [(u.start, u.end) for u in label_uses(rule)]
    names = ctx.deck(rule.path).label_patterns.get(rule.path)
    if names is not None:
        spans.extend(m.span() for m in names.finditer(rule.text))
    return spans


def overlaps(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a < m.end() and m.start() < b for a, b in spans)
