"""One Deck per folder: the files that are read together, with the labels and terms they define.

A definition in guide.md counts for a use in faq.md, so label inventories, glossaries and defined terms are
merged over a deck's files. ``run_checks`` builds every Deck once and hands them to the checks on the context.

Which files make one deck, and which rules may be compared at all, is ``index/projects.py``: the candidate
pairs follow the same relation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...config import Config
from ...index import Index
from ...index.glossary import GlossaryEntry, normal_term
from ...index.labels import Inventory, merged
from ...index.projects import deck_key, same_project, use_layout
from ...model import Rule

__all__ = ["Deck", "build_decks", "deck_key", "rules_by_path", "same_project", "use_layout"]


@dataclass
class Deck:
    """The files of one folder and what they define together."""

    key: str
    paths: list[str]
    rules: list[Rule] = field(default_factory=list)
    inventory: Inventory | None = None
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    defined_terms: set[str] = field(default_factory=set)
    label_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict)

    @property
    def first_path(self) -> str:
        return self.paths[0]


def rules_by_path(rules: list[Rule]) -> dict[str, list[Rule]]:
    """path -> its rules, in reading order."""
    out: dict[str, list[Rule]] = {}
    for rule in rules:
        out.setdefault(rule.path, []).append(rule)
    return out


def _label_pattern(inventory: Inventory | None) -> re.Pattern[str] | None:
    """One pattern for all capitalised label names of a document's inventory."""
    names = sorted(
        {e.name for e in inventory.entries if e.name and e.name[:1].isupper()} if inventory else set(),
        key=len,
        reverse=True,
    )
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _build_deck(
    key: str, paths: list[str], index: Index, config: Config, by_path: dict[str, list[Rule]]
) -> Deck:
    deck = Deck(key, paths)
    deck.rules = [r for p in paths for r in by_path.get(p, [])]
    invs = [index.inventories[p] for p in paths if p in index.inventories]
    deck.inventory = merged(invs, paths[0]) if invs else None
    for p in paths:
        for term, entry in index.glossaries.get(p, {}).items():
            deck.glossary.setdefault(term, entry)
    deck.defined_terms = {normal_term(t) for t in config.glossary} | set(deck.glossary)
    if deck.inventory is not None:
        deck.defined_terms |= deck.inventory.names()
    deck.label_patterns = {p: _label_pattern(index.inventories.get(p)) for p in paths}
    return deck


def build_decks(index: Index, config: Config) -> dict[str, Deck]:
    """deck key -> Deck, in reading order of the documents."""
    use_layout(config)
    paths: dict[str, list[str]] = {}
    for doc in index.documents:
        paths.setdefault(deck_key(doc.path), []).append(doc.path)
    by_path = rules_by_path(index.rules)  # once for the run, not once per deck
    return {key: _build_deck(key, ps, index, config, by_path) for key, ps in paths.items()}
