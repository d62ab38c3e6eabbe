"""One Deck per folder: the files that are read together, with the labels and terms they define.

A definition in guide.md counts for a use in faq.md, so label inventories, glossaries and defined terms are
merged over a deck's files. ``run_checks`` builds every Deck once and hands them to the checks on the context.

The ``decks`` setting names several decks inside one folder (``chatbot: chatbot-*.md, search: search/**``).
A glob is matched against a file's path below a folder, the nearest folder first; the deck is that folder
plus the name. Files no glob names stay in their folder's deck. Rules of two named decks are never compared.
"""

from __future__ import annotations

import fnmatch
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

from ...config import Config
from ...index import Index
from ...index.glossary import GlossaryEntry, normal_term
from ...index.labels import Inventory, merged
from ...model import Rule


@dataclass(frozen=True)
class Layout:
    """The ``decks`` setting: (name, globs) pairs, in the order written. Empty: one deck per folder."""

    named: tuple[tuple[str, tuple[str, ...]], ...] = ()


# The layout of the run in progress; build_decks sets it from the configuration before any check asks.
_LAYOUT: ContextVar[Layout | None] = ContextVar("deck_layout", default=None)
_FOLDERS = Layout()


def _layout() -> Layout:
    return _LAYOUT.get() or _FOLDERS


def use_layout(config: Config) -> Layout:
    """Make the configuration's ``decks`` setting the one ``deck_key`` and ``same_project`` follow."""
    layout = Layout(tuple((name, tuple(globs)) for name, globs in config.values.get("decks", {}).items()))
    _LAYOUT.set(layout)
    return layout


@cache
def _named_deck(layout: Layout, path: str) -> str | None:
    """``folder::name`` of the named deck ``path`` belongs to, or None (its folder's deck)."""
    parts = path.split("/")
    for cut in range(len(parts) - 1, -1, -1):  # nearest folder first
        below = "/".join(parts[cut:])
        for name, globs in layout.named:
            if any(fnmatch.fnmatchcase(below, g) for g in globs):
                return "/".join(parts[:cut]) + "::" + name
    return None


def deck_key(path: str) -> str:
    """A deck is the folder its files sit in, or a deck the ``decks`` setting names inside a folder."""
    return _deck_of(_layout(), path)


@cache
def _deck_of(layout: Layout, path: str) -> str:
    return _named_deck(layout, path) or PurePath(path).parent.as_posix()


def same_project(a: Rule, b: Rule) -> bool:
    """Whether two rules may be compared for conflicts: the same folder, or one folder inside the other, and
    not two different named decks.

    This is wider than one Deck on purpose: errata in ``deck/updates/`` speak about ``deck/``. Sibling folders
    (``guidelines/chatbot/`` and ``guidelines/search/``) are separate projects whose scales and labels are
    allowed to differ; comparing them would report every difference as a conflict. Two decks the ``decks``
    setting names are separate projects in the same way, even in one folder.
    """
    layout = _layout()
    if layout.named:
        na, nb = _named_deck(layout, a.path), _named_deck(layout, b.path)
        if na and nb and na != nb:
            return False
    da, db = a.path.rpartition("/")[0], b.path.rpartition("/")[0]
    return da == db or da.startswith(db + "/") or db.startswith(da + "/") or not da or not db


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
