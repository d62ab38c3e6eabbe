"""spaCy's cue Matcher and DependencyMatcher, run only with the patterns a block's words can satisfy.

spaCy's Matcher starts a state for every pattern at every token, and a state reaching an ``IN`` list calls a
Python predicate for that token: with the cue patterns of data/rules.toml that was about a quarter of the time
spent on a block after parsing, although most blocks contain one or two cue words, if any. A pattern can only
match a Doc that has, for each of its mandatory tokens with a literal or ``IN`` value of LOWER, LEMMA, TAG, POS or
DEP, a token with one of those values (compared as the Matcher compares them: by hash). The matcher states of
different patterns never interact and keep their relative order, so a Matcher holding only the patterns a block
can satisfy, added in the order of the full one and under the same keys, returns the same matches in the same
order (tests/test_cue_matcher.py compares both on every block of the bundled decks and of ../shared/realdecks).
One such Matcher is kept per set of cue words found; a long document needs a few hundred. The DependencyMatcher
(one pattern) is spaCy's own, skipped on a Doc without the words its pattern needs.
"""

from __future__ import annotations

from typing import Any

# The token attributes a pattern's literal and ``IN`` values are read from (the columns of a Doc's word sets).
ATTRS = ("LOWER", "LEMMA", "TAG", "POS", "DEP")
# (column in ATTRS, hashes of which one token must have one)
Requirement = tuple[int, frozenset[int]]
Words = tuple[frozenset[int], ...]
# Operators under which a pattern token must be present at least once ("1" = no operator).
_MANDATORY = frozenset({"1", "+"})
# More distinct word sets (or pattern sets) than this empties their store; a 28k-word document has 800 (147).
MAX_SUBSETS = 4096
_LAST: list[Any] = [None, ()]  # the last Doc read and its words: both matchers read every Doc in turn


def requirements(tokens: list[dict], strings: Any) -> tuple[Requirement, ...]:
    """What a Doc must contain for ``tokens`` (pattern token specs, all mandatory) to match somewhere in it: the
    hashes spaCy's matchers compare (``strings.add`` of the pattern value, the token attribute's hash or symbol)."""
    out: list[Requirement] = []
    for spec in tokens:
        for column, attr in enumerate(ATTRS):
            value = spec.get(attr)
            if isinstance(value, str):
                out.append((column, frozenset([strings.add(value)])))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                out.append((column, frozenset(strings.add(v) for v in value["IN"])))
    return tuple(out)


def doc_words(doc: Any) -> Words:
    """The values of ATTRS over the Doc's tokens, one set per attribute."""
    if _LAST[0] is doc:
        return _LAST[1]
    from spacy.attrs import IDS

    words: Words = tuple(frozenset() for _ in ATTRS)
    if len(doc):
        rows = doc.to_array([IDS[a] for a in ATTRS]).T.tolist()
        words = tuple(frozenset(row) for row in rows)
    _LAST[:] = [doc, words]
    return words


def satisfied(needs: tuple[Requirement, ...], words: Words) -> bool:
    return all(not words[column].isdisjoint(values) for column, values in needs)


class CueMatcher:
    """Called like spaCy's Matcher on a Doc: (match_id, start, end) of every cue match, in the Matcher's order."""

    def __init__(self, vocab: Any, cues: list[dict]) -> None:
        self.vocab = vocab
        self.patterns: list[tuple[str, list[dict], tuple[Requirement, ...]]] = []
        for cue in cues:
            for pattern in cue["patterns"]:
                mandatory = [t for t in pattern if t.get("OP", "1") in _MANDATORY]
                self.patterns.append((cue["name"], pattern, requirements(mandatory, vocab.strings)))
        # per column, every value some requirement names: a Doc's other words decide nothing
        self.named = tuple(
            frozenset().union(*(v for _, _, needs in self.patterns for c, v in needs if c == column))
            for column in range(len(ATTRS))
        )
        # the cue words of a Doc -> numbers of the patterns it can match -> a Matcher of just those patterns
        self._active: dict[Words, tuple[int, ...]] = {}
        self._matchers: dict[tuple[int, ...], Any] = {}

    def _matcher(self, active: tuple[int, ...]) -> Any:
        """A Matcher of the patterns numbered ``active``, added as the full Matcher adds them."""
        from spacy.matcher import Matcher

        if len(self._matchers) >= MAX_SUBSETS:
            self._matchers.clear()
        matcher = self._matchers[active] = Matcher(self.vocab)
        for i in active:
            name, pattern, _needs = self.patterns[i]
            matcher.add(name, [pattern])
        return matcher

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        words = tuple(w & n for w, n in zip(doc_words(doc), self.named))
        active = self._active.get(words)
        if active is None:
            if len(self._active) >= MAX_SUBSETS:
                self._active.clear()
            active = self._active[words] = tuple(
                i for i, (_, _, needs) in enumerate(self.patterns) if satisfied(needs, words)
            )
        if not active:
            return []
        matcher = self._matchers.get(active)
        return (matcher if matcher is not None else self._matcher(active))(doc)


class GuardedDependencyMatcher:
    """spaCy's DependencyMatcher, not run on a Doc that lacks a word every one of its patterns needs (every node of
    a dependency pattern is a token of the match); what it returns is spaCy's own result."""

    def __init__(self, vocab: Any, patterns: list[dict]) -> None:
        from spacy.matcher import DependencyMatcher

        self.matcher = DependencyMatcher(vocab)
        self.needs: list[tuple[Requirement, ...]] = []
        for d in patterns:
            self.matcher.add(d["name"], [d["pattern"]])
            nodes = [node.get("RIGHT_ATTRS", {}) for node in d["pattern"]]
            self.needs.append(requirements(nodes, vocab.strings))

    def __call__(self, doc: Any) -> list[tuple[int, list[int]]]:
        if not self.needs:
            return []
        words = doc_words(doc)
        return self.matcher(doc) if any(satisfied(n, words) for n in self.needs) else []


__all__ = ["CueMatcher", "GuardedDependencyMatcher", "doc_words", "requirements"]
