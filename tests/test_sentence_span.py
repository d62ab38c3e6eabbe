"""A Sentence (rules/sentence_span.py) reads as the spaCy Span it stands for: the same tokens, text, root and
bounds for every sentence of the bundled decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecheck.config import load_config
from guidecheck.ingest import read_paths
from guidecheck.rules.nlp import load_spacy
from guidecheck.rules.segment import parse_text

pytestmark = pytest.mark.slow  # loads spaCy

GUIDELINES = Path(__file__).resolve().parents[1] / "guidelines"


def _view(span) -> tuple:
    return (
        [(t.i, t.text) for t in span],
        span.text,
        span.root.i,
        span.start,
        span.end,
        span.start_char,
        span.end_char,
        len(span),
    )


def test_sentences_read_as_spacys_spans():
    from guidecheck.rules.sentence_span import Sentence, sentences

    nlp = load_spacy(tuple(load_config([]).spacy_model))
    docs = read_paths([str(GUIDELINES)], load_config([str(GUIDELINES)]))
    texts = [parse_text(b) for d in docs for b in d.blocks if b.text.strip()][:3000]
    n = 0
    for doc in nlp.pipe(texts):
        ours = sentences(doc)
        assert all(isinstance(s, Sentence) for s in ours)
        assert [_view(s) for s in ours] == [_view(s) for s in doc.sents]
        assert [_view(s) for s in ours] == [_view(s) for s in ours]  # kept values read the same again
        n += len(ours)
    assert n > 2_000
