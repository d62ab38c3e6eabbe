"""Shared helpers for the ambiguity family: word lists, phrase matching outside quotes, defined terms per deck."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import PurePath

import tomllib

from ...index.glossary import normal_term
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
    alts = [re.escape(p) + (r"(?!\w)" if not p[-1].isalnum() else r"\b") for p in items]
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


def _memo(ctx: CheckContext, name: str) -> dict:
    """Per-index memo for values every rule of a deck shares (computed once, not once per rule)."""
    store = ctx.index.__dict__.setdefault("_ambiguity_memo", {})
    return store.setdefault(name, {})


def defined_terms(ctx: CheckContext, path: str) -> set[str]:
    """Terms the deck defines (glossary, inline definitions, label inventory) plus the configured glossary."""
    memo = _memo(ctx, "defined_terms")
    deck = deck_of(path)
    if deck not in memo:
        terms = {normal_term(t) for t in ctx.config.glossary}
        terms |= set(deck_glossary(ctx, path))
        inv = deck_inventory(ctx, path)
        if inv is not None:
            terms |= inv.names()
        memo[deck] = terms
    return memo[deck]


def _label_names(ctx: CheckContext, path: str) -> re.Pattern[str] | None:
    """One pattern for all capitalised label names of a document's inventory."""
    memo = _memo(ctx, "label_names")
    if path not in memo:
        inv = ctx.index.inventories.get(path)
        names = sorted(
            {e.name for e in inv.entries if e.name and e.name[:1].isupper()} if inv else set(),
            key=len,
            reverse=True,
        )
        memo[path] = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)") if names else None
        )
    return memo[path]


def config_list(ctx: CheckContext, key: str) -> list[str]:
    return [str(w) for w in ctx.config.values.get(key, [])]


def label_spans(ctx: CheckContext, rule: Rule) -> list[tuple[int, int]]:
    """Where the rule names a label ("mark it as Unclear", "3 = Mostly faithful"): words there are names, not
    criteria, so the wording checks leave them alone."""
    from ...index.labels import label_uses

    spans = [(u.start, u.end) for u in label_uses(rule)]
    names = _label_names(ctx, rule.path)
    if names is not None:
        spans.extend(m.span() for m in names.finditer(rule.text))
    return spans


def overlaps(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a < m.end() and m.start() < b for a, b in spans)


@cache
def deck_of(path: str) -> str:
    """A deck is the folder its files sit in: definitions in guide.md count for uses in faq.md."""
    return PurePath(path).parent.as_posix()


def deck_paths(ctx: CheckContext) -> dict[str, list[str]]:
    """deck -> its document paths, in reading order (computed once per index)."""
    cached = getattr(ctx.index, "_ambiguity_decks", None)
    if cached is None:
        cached = {}
        for doc in ctx.index.documents:
            cached.setdefault(deck_of(doc.path), []).append(doc.path)
        ctx.index._ambiguity_decks = cached
    return cached


def deck_inventory(ctx: CheckContext, path: str):
    """The label inventory of the deck ``path`` belongs to (all its files merged)."""
    from ...index.labels import merged

    memo = _memo(ctx, "deck_inventory")
    if path not in memo:
        paths = deck_paths(ctx).get(deck_of(path), [path])
        invs = [ctx.index.inventories[p] for p in paths if p in ctx.index.inventories]
        memo[path] = merged(invs, path) if invs else None
    return memo[path]


def deck_glossary(ctx: CheckContext, path: str) -> dict:
    out: dict = {}
    for p in deck_paths(ctx).get(deck_of(path), [path]):
        for key, entry in ctx.index.glossaries.get(p, {}).items():
            out.setdefault(key, entry)
    return out
