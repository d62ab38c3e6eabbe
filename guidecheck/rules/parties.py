"""Parties of an agreement as the actors of its rules: "the Supplier", "the Licensee", "either party".

Contracts, terms of service and vendor agreements name their actors as capitalised defined terms, and state
permissions and duties with "may" and "will" about them ("The Provider may suspend ...", "The Vendor will keep
..."). A lowercase "the customer may be upset" in a rating guideline is a possibility, so only the capitalised
defined term (or the word "party" itself) counts. The nouns are a word list in data/rules.toml.
"""

from __future__ import annotations

from .lexicon import lexicon


def is_party(tok) -> bool:
    """A named party of an agreement: a capitalised defined term from the list, or "party"/"parties"."""
    word = tok.lemma_.lower()
    if word in ("party", "parties"):
        return True
    return word in lexicon().words["party_nouns"] and tok.text[:1].isupper() and not tok.is_sent_start


__all__ = ["is_party"]
