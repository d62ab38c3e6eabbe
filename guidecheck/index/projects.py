"""Which rules belong to one project: the relation candidate pairs and every conflict check follow.

A project is a folder with the folders inside it (errata in ``deck/updates/`` speak about ``deck/``); sibling
folders are separate projects, and so are two decks the ``decks`` setting names inside one folder. Rules of two
projects are never compared, so they must not compete for each other's candidate pairs either: a deck checked
beside a hundred others gets the pairs it gets alone (``Scopes``).

The ``decks`` setting names several decks inside one folder (``chatbot: chatbot-*.md, search: search/**``).
A glob is matched against a file's path below a folder, the nearest folder first; the deck is that folder
plus the name. Files no glob names stay in their folder's deck.
"""

from __future__ import annotations

import fnmatch
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

import numpy as np

from ..config import Config
from ..model import Rule


@dataclass(frozen=True)
class Layout:
    """The ``decks`` setting: (name, globs) pairs, in the order written. Empty: one deck per folder."""

    named: tuple[tuple[str, tuple[str, ...]], ...] = ()


# The layout of the run in progress; the index and the checks set it from the configuration before they ask.
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


def _scope(layout: Layout, path: str) -> tuple[str, str]:
    """What ``same_project`` reads of a path: its named deck (or "") and its folder."""
    return (_named_deck(layout, path) or "") if layout.named else "", path.rpartition("/")[0]


def _scopes_meet(a: tuple[str, str], b: tuple[str, str]) -> bool:
    (na, da), (nb, db) = a, b
    if na and nb and na != nb:
        return False
    return da == db or da.startswith(db + "/") or db.startswith(da + "/") or not da or not db


def same_project(a: Rule, b: Rule) -> bool:
    """Whether two rules may be compared for conflicts: the same folder, or one folder inside the other, and
    not two different named decks.

    This is wider than one Deck on purpose: errata in ``deck/updates/`` speak about ``deck/``. Sibling folders
    (``guidelines/chatbot/`` and ``guidelines/search/``) are separate projects whose scales and labels are
    allowed to differ; comparing them would report every difference as a conflict. Two decks the ``decks``
    setting names are separate projects in the same way, even in one folder.
    """
    layout = _layout()
    return _scopes_meet(_scope(layout, a.path), _scope(layout, b.path))


@dataclass(frozen=True)
class Scopes:
    """``same_project`` as arrays, for choosing candidate pairs: each rule's scope and which scopes meet.

    Scopes that meet the same scopes share a pattern: a rule's neighbours are looked for among the rules of its
    pattern's scopes only. One pattern that meets every scope means every rule may meet every other (one deck,
    or one folder with its errata)."""

    of_rule: np.ndarray  # rule index -> scope number
    meet: np.ndarray  # scope number x scope number -> bool
    pattern_of: np.ndarray  # scope number -> pattern number
    representative: tuple[int, ...]  # pattern number -> one scope of it

    def may_meet(self, i: int, j: int) -> bool:
        return bool(self.meet[self.of_rule[i], self.of_rule[j]])

    @property
    def everyone_meets(self) -> bool:
        return bool(self.meet.all())

    def groups(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(rows, columns) index arrays, one per pattern, in a fixed order: ``split`` of every rule."""
        return self.split(np.arange(len(self.of_rule)))

    def split(self, members: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """The same for a subset of the rules (a blocking group): (its rules of one pattern, its rules they may
        meet), in time proportional to the subset."""
        scope = self.of_rule[members]
        pattern = self.pattern_of[scope]
        return [
            (members[pattern == p], members[self.meet[self.representative[p]][scope]])
            for p in np.unique(pattern).tolist()
        ]


def project_scopes(paths: list[str]) -> Scopes:
    """The Scopes of rules at these paths (one path per rule), under the layout of the run."""
    layout = _layout()
    keys = [_scope(layout, p) for p in paths]
    distinct = sorted(set(keys))
    number = {k: n for n, k in enumerate(distinct)}
    meet = np.array([[_scopes_meet(a, b) for b in distinct] for a in distinct], dtype=bool).reshape(
        len(distinct), len(distinct)
    )
    patterns: dict[bytes, int] = {}
    pattern_of = np.array([patterns.setdefault(row.tobytes(), len(patterns)) for row in meet], dtype=np.int64)
    representative = tuple(int(np.flatnonzero(pattern_of == p)[0]) for p in range(len(patterns)))
    return Scopes(np.array([number[k] for k in keys], dtype=np.int64), meet, pattern_of, representative)
