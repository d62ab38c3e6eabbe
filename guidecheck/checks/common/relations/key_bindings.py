"""One label given two keys (CON006).

"Press 1 to mark the selected field Correct, 2 to mark it Incorrect and 3 for Can't Verify" and, pages later, "If
you are genuinely unsure about a field, press 2 for Can't Verify rather than guessing" teach two keys for one label:
a rater who follows the second enters Incorrect. Decks state the keys once in the tool section and again in tips and
FAQ answers, so every rule of a project that names a key is read for the labels it binds, and two that bind one
label to two keys are reported. One key for two labels is not: two screens of one tool reuse their keys. Patterns
are data (``data/contradictions.toml``, [key_bindings]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, find_span, quoted


class _Words(NamedTuple):
    keyed: re.Pattern[str]  # the sentence is about keys: "press", "shortcut"
    binding: tuple[re.Pattern[str], ...]  # one key and its label: `k`, `l`


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = data()["key_bindings"]
    return _Words(re.compile(d["keyed"], re.I), tuple(re.compile(b) for b in d["binding"]))


class Binding(NamedTuple):
    claim: Claim
    key: str
    label: str
    span: str  # the words that bind it: "2 for Can't Verify"


def bindings(claim: Claim) -> list[Binding]:
    """The keys a rule binds to labels ("Press 1 to mark it Correct, 2 for Wrong"), or none."""
    text = unquoted(claim.text)
    w = _words()
    if not w.keyed.search(text):
        return []
    return [
        Binding(claim, m.group("k"), m.group("l").lower(), m.group(0))
        for rx in w.binding
        for m in rx.finditer(text)
    ]


def _conflict(x: Binding, y: Binding) -> Conflict | None:
    if x.label != y.label or x.key == y.key or x.claim is y.claim:
        return None
    why = (
        f"{quoted(as_read(x.claim.rule))} binds {x.key} (“{x.span}”), but {quoted(as_read(y.claim.rule))} binds "
        f"{y.key} (“{y.span}”) to the same label."
    )
    spans = find_span(x.claim.rule, x.span) + find_span(y.claim.rule, y.span)
    return Conflict("CON006", 0.8, why, spans, False, categorical=True)


def key_binding_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 (or what explains it away) for two rules that give one label two keys."""
    found = [b for c in claims if not is_example_material(c) for b in bindings(c)]
    return pairwise(found, lambda b: b.claim, _conflict)


__all__ = ["Binding", "bindings", "key_binding_relations"]
