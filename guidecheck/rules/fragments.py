"""Instructions the parser does not see as such: "No emojis.", "No contractions of any kind.", and a sentence
opening with a place verb the tagger reads as a noun ("End with our tagline: ...", "Close with a question").

Task instructions and style sheets state many prohibitions as a bare "No" + noun phrase, and many placement rules
as "End/Open/Close with ..."; the parser finds no verb in them, so neither a cue word nor an imperative applies,
and without this reading they yield no rule at all. The "with" verbs are a word list in data/rules.toml.
"""

from __future__ import annotations

from .context import Detection
from .lexicon import lexicon

MAX_TOKENS = 10  # longer verbless lines are headings, captions or table text, not an instruction


def no_fragment(sent, covered: set[int]) -> Detection | None:
    """A prohibition of the noun phrase after a leading "No", when the sentence has no verb at all."""
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    if not toks or len(toks) > MAX_TOKENS or toks[0].lower_ != "no" or toks[0].i in covered:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in toks) or not sent.text.rstrip().endswith((".", "!")):
        return None
    head = toks[0].head
    if head.pos_ not in ("NOUN", "PROPN") or head.i == toks[0].i:
        return None
    return Detection("prohibition", "must", True, "'No ...' fragment", head, True)


def opener_with(sent, covered: set[int]) -> Detection | None:
    """An instruction opening with a place verb and "with": "End with ...", "Sign off with ..."."""
    toks = [t for t in sent if not (t.is_punct or t.is_space) and t.i not in covered]
    words = [t.lower_ for t in toks[:3]]
    for verb in lexicon().data["imperative"]["with_verbs"]:
        n = len(verb.split())
        if words[:n] == verb.split() and len(words) > n and words[n] == "with":
            return Detection("obligation", "must", False, "imperative 'with'", toks[0], True)
    return None


__all__ = ["no_fragment", "opener_with"]
