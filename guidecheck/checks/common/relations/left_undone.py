"""A rule whose act is to leave a thing un-done: "Leave 'Id.' cites untagged" forbids tagging them.

The rule's verb is "leave" (or "stay", "remain", "keep"); the act it governs is the verb inside the "un-" word, with
the force turned, so the rule meets "Short forms ... are tagged CASE_CITATION" as one act of opposite force. The
pattern is data (``data/contradictions.toml``, [left_undone]).
"""

from __future__ import annotations

import re

from .lexicon import content, lexicon, stem

# The force of a rule that leaves its act undone, turned: "leave X untagged" forbids tagging X.
_TURNED = {"O": "F", "P": "N", "F": "O", "N": "P", None: "F"}
# The acts of leaving a thing as it is ("leave", "stay", "remain", "keep"), stemmed as claims stem them.
_LEAVING = frozenset({"leav", "left", "stay", "remain", "keep", "kept"})


def left_undone(
    text: str, deontic: str | None, action: str | None, cue: tuple[int, int] | None = None
) -> tuple[str | None, str | None, frozenset[str], frozenset[str]]:
    """(force, act, the act's word for the core, the words that only say the thing is left un-done) of a rule (its
    text with quotations blanked) whose act is to leave a thing un-done: "Leave 'Id.' cites untagged" forbids
    tagging them, "You can leave doctors' names untagged" permits not tagging them. A rule whose main act is
    another ("Tag X and leave Y untagged") keeps its own. A prohibition in a clause of its own before the un-done
    words ("Never tick the box yourself; ... the box should stay unticked") already forbids the act: the two
    clauses say one thing, and the force is not turned twice."""
    m = lexicon().left_undone.search(text)
    if not m or (action is not None and action not in _LEAVING):
        return deontic, action, frozenset(), frozenset()
    verb = m.group("v").lower()
    verb = verb[:-1] if verb[-2:] in ("gg", "ll") else verb
    act = stem(verb[:-1] + "y" if verb.endswith("i") else verb)  # "unclassified"
    if deontic == "F" and cue is not None and ";" in text[cue[1] : m.start()]:
        return deontic, act, frozenset({act}), _leaving_words(text, m)
    return _TURNED[deontic], act, frozenset({act}), _leaving_words(text, m)


def _leaving_words(text: str, m: re.Match[str]) -> frozenset[str]:
    """The words that say a thing is left un-done ("remain", "unlabelled"), which name no topic of the rule: "Surgeon
    names remain unlabelled" is about surgeon names and labelling them."""
    said = text[m.start() : m.end()] + re.match(r"\w*", text[m.end() :]).group()
    return content(said) & (_LEAVING | content(said.split()[-1]))


__all__ = ["left_undone"]
