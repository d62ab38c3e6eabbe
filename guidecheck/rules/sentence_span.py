"""A parsed sentence that reads its tokens and its text once.

Rule extraction reads every sentence many times: clauses, labels, quantities, cue and imperative detection, the
verbless readers and the frame each loop over its tokens or search its text, about twenty passes a sentence.
spaCy's Span builds a new Token object for every token of every pass, and its ``text`` joins the tokens again on
every call: on a 28k-word document that was close to a million Token objects. This Span keeps the first list of
its tokens and its first text; everything else (``start``, ``end``, ``root``, slices, ``doc``) is spaCy's own.
A Doc is not changed once parsed, so what is kept stays what spaCy would return.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from spacy.tokens import Span


class Sentence(Span):
    """``Span(doc, start, end)`` whose iteration and ``text`` are computed once."""

    @cached_property
    def tokens(self) -> list[Any]:
        doc = self.doc
        return [doc[i] for i in range(self.start, self.end)]

    @cached_property
    def text(self) -> str:  # type: ignore[override]
        return Span.text.__get__(self)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.tokens)


def sentences(doc: Any) -> list[Sentence]:
    """The Doc's sentences (``doc.sents``) as Sentence spans."""
    return [Sentence(doc, s.start, s.end) for s in doc.sents]


__all__ = ["Sentence", "sentences"]
