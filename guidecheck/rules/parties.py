"""Who a rule binds or who asks for it: the parties of an agreement ("the Supplier", "either party") and the
people with a say over an output ("Marketing wants ...", "our style guide requires ...").

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


def is_requester(tok) -> bool:
    """Someone with a say over the output: "Marketing", "our editor", "the style guide", "Priya" (a name)."""
    if tok.lemma_.lower() in lexicon().words["requesters"] or tok.pos_ == "PROPN":
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children)


__all__ = ["is_party", "is_requester"]
