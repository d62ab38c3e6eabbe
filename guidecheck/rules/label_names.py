"""Where a label's name ends: a capitalised word and the lowercase noun it modifies are one name ("is a Rail break",
"is not Bagged recyclables"), unless the noun says what kind of thing the name is or is the item it describes."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import lexicon


@lru_cache(maxsize=1)
def _name_stops() -> frozenset[str]:
    words = lexicon().words
    return frozenset(words["name_kind_nouns"]) | frozenset(words["labelled_items"])


def noun_after_name(doc, i: int, j: int, sent) -> int:
    """The end of a label written as a capitalised word and the lowercase noun it modifies ("is a Rail break", "is
    not Bagged recyclables", "each labelled Missing fastener"): the noun is part of the name, not a word after it. A
    noun that says what kind of thing the name is ("the Sensitive flag") or the item it describes ("a Usable photo")
    is not (data: rules.toml [words] name_kind_nouns, labelled_items)."""
    k = j + 1
    if k >= sent.end or j != i:
        return j
    nxt = doc[k]
    if (
        nxt.is_lower
        and nxt.is_alpha
        and nxt.pos_ == "NOUN"
        and doc[j].head.i == k
        and doc[j].dep_ in ("compound", "amod")
        and nxt.lower_ not in _name_stops()
    ):
        return k
    return j


__all__ = ["noun_after_name"]
