"""Exact, faster stand-ins for two parts of spaCy's English pipelines, swapped in by ``nlp.load_spacy``.

- **The attribute ruler** (TAG -> POS and MORPH, plus exceptions such as "that"/WDT -> PRON or "gon na" -> "go
  to") runs a general token Matcher over every Doc: a sixth of the parse time of a document. Its patterns read
  only four attributes of a token (TAG, LOWER, DEP, IS_SPACE), so which patterns match at a token depends on
  those four values alone, and the answer is kept per distinct combination. The matches, their order
  (pattern, then start) and the attributes written (spaCy's own ``set_token_attrs`` with the ruler's own
  normalised attributes) are the same as spaCy's; a ruler with a pattern this cannot read is left in place.
- **The lemmatizer** tests each candidate lemma for membership in a word list of up to 57,000 entries (a linear
  scan) for every new (word, POS) pair. The same words as frozensets give the same answers in constant time.

tests/test_fast_pipes.py compares POS, TAG, lemma, morphology and dependency of every token with spaCy's own
components on the bundled decks and on ../shared/realdecks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

RULER = "attribute_ruler"
FAST_RULER = "guidecheck_attribute_ruler"
# The token attributes a supported pattern may read, in the order of the key of a token.
FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")

Test = Callable[[Any], bool]


class Unsupported(ValueError):
    """A ruler pattern uses something this stand-in does not read (an operator, another attribute...)."""


def _value_test(value: Any) -> Test:
    """The Matcher's test of one attribute against one pattern value (a literal, IN, NOT_IN or REGEX)."""
    if isinstance(value, bool):
        return lambda v: bool(v) is value
    if isinstance(value, str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            members = frozenset(arg)
            return (lambda v: v in members) if op == "IN" else (lambda v: v not in members)
    raise Unsupported(repr(value))


def _token_test(spec: dict) -> Callable[[tuple], bool]:
    """A test of one pattern token against a token's key (its FIELDS values as strings / bool)."""
    tests = []
    for name, value in spec.items():
        field = name.upper()
        if field not in FIELDS:
            raise Unsupported(name)
        if (field == "IS_SPACE") != isinstance(
            value, bool
        ):  # spaCy would compare a bool with a string's hash
            raise Unsupported(f"{name}: {value!r}")
        tests.append((FIELDS.index(field), _value_test(value)))
    return lambda key: all(test(key[i]) for i, test in tests)


def _selector(spec: dict) -> tuple[int, frozenset] | None:
    """(field, values) a token must have for ``spec`` to match it, when a literal or IN says so; else None."""
    fields = {name.upper(): value for name, value in spec.items()}
    for field in ("LOWER", "TAG", "DEP", "IS_SPACE"):
        value = fields.get(field)
        if isinstance(value, (str, bool)):
            return FIELDS.index(field), frozenset([value])
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return FIELDS.index(field), frozenset(value["IN"])
    return None


class FastAttributeRuler:
    """Applies an AttributeRuler's patterns with the same result; built from the loaded ruler."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.fields = [IDS[f] for f in FIELDS]
        self.alts: list[
            tuple[int, list[Callable]]
        ] = []  # (pattern id, one test per token) of each alternative
        self.by_value: dict[tuple[int, Any], list[int]] = {}  # (field, value) -> alternatives that need it
        self.always: list[int] = []  # alternatives whose first token no single value selects
        for entry_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(t, dict) or "OP" in t for t in pattern):
                    raise Unsupported(repr(pattern))
                self._add(entry_id, pattern)
        self._seen: dict[tuple, tuple] = {}

    def _add(self, entry_id: int, pattern: list[dict]) -> None:
        alt = len(self.alts)
        self.alts.append((entry_id, [_token_test(t) for t in pattern]))
        select = _selector(pattern[0])
        if select is None:
            self.always.append(alt)
            return
        for value in select[1]:
            self.by_value.setdefault((select[0], value), []).append(alt)

    def _at(self, ids: tuple) -> tuple:
        """(key, ids of one-token patterns matching here, multi-token patterns whose first token matches here)."""
        found = self._seen.get(ids)
        if found is None:
            strings = self.vocab.strings
            key = (strings[ids[0]], strings[ids[1]], strings[ids[2]], bool(ids[3]))
            candidates = set(self.always)
            for field, value in enumerate(key):
                candidates.update(self.by_value.get((field, value), ()))
            singles, starts = set(), []
            for alt in sorted(candidates):
                entry_id, tests = self.alts[alt]
                if not tests[0](key):
                    continue
                if len(tests) == 1:
                    singles.add(entry_id)
                else:
                    starts.append((entry_id, tests))
            found = self._seen[ids] = (key, tuple(sorted(singles)), tuple(starts))
        return found

    def matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """(pattern id, start, end) of every match, deduplicated and sorted as the ruler applies them."""
        rows = [self._at(tuple(r)) for r in doc.to_array(self.fields).tolist()] if len(doc) else []
        found = set()
        for start, (_key, singles, starts) in enumerate(rows):
            found.update((e, start, start + 1) for e in singles)
            for e, tests in starts:
                end = start + len(tests)
                if end <= len(rows) and all(t(rows[start + j][0]) for j, t in enumerate(tests[1:], 1)):
                    found.add((e, start, end))
        return sorted(found)

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        for entry_id, start, end in self.matches(doc):
            index = self.indices[entry_id]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise IndexError(f"attribute ruler index {index} outside the match {start}:{end}")
            set_token_attrs(doc[target], self.attrs[entry_id])
        return doc


def faster_ruler(nlp: Any) -> bool:
    """Replace the pipeline's attribute ruler by the exact stand-in, at the same place; False if it is kept."""
    if RULER not in nlp.pipe_names:
        return False
    from spacy.language import Language

    # built from the ruler it replaces, which is still in the pipeline when the stand-in is added
    if FAST_RULER not in Language.factories:
        Language.factory(FAST_RULER, func=lambda nlp, name: FastAttributeRuler(nlp.get_pipe(RULER)))
    try:
        nlp.add_pipe(FAST_RULER, before=RULER)
    except Unsupported:
        return False
    nlp.remove_pipe(RULER)
    return True


def faster_lemma_index(nlp: Any) -> bool:
    """Turn the lemmatizer's word lists (looked up with ``in``) into frozensets; False if there are none."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return False
    lists = [pos for pos, words in table.items() if isinstance(words, list)]
    for pos in lists:  # only lists: other values may be read other than with ``in``
        table[pos] = frozenset(table[pos])
    return bool(lists)
