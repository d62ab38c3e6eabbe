"""The faster stand-ins for spaCy's attribute ruler and lemmatizer lists (rules/fast_pipes.py) give exactly what
spaCy's own components give: every token of every block of the bundled decks and of ../shared/realdecks (read in
place, when it is beside the checkout) has the same POS, tag, lemma, morphology and dependency."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecheck.config import load_config
from guidecheck.evaluate.real import realdecks_root
from guidecheck.ingest import read_paths
from guidecheck.rules.nlp import load_spacy
from guidecheck.rules.segment import parse_text

pytestmark = pytest.mark.slow  # loads spaCy

GUIDELINES = Path(__file__).resolve().parents[1] / "guidelines"
REALDECKS = realdecks_root(GUIDELINES)


@pytest.fixture(scope="module")
def pipelines():
    """(spaCy's own components, the stand-ins): the same model, the same added components otherwise."""
    names = tuple(load_config([]).spacy_model)
    return load_spacy(names, stand_ins=False), load_spacy(names)


def _texts(root: Path) -> list[str]:
    """The text spaCy would parse for every block (not only the rule blocks, to cover more kinds of text)."""
    docs = read_paths([str(root)], load_config([str(root)]))
    return [parse_text(b) for d in docs for b in d.blocks if b.text.strip()]


def _tokens(doc) -> list[tuple]:
    return [(t.i, t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc]


def _differences(pipelines, texts: list[str]) -> tuple[int, list[tuple]]:
    """(tokens compared, first differing tokens as (spaCy's, stand-in's))."""
    own, fast = pipelines
    n, diffs = 0, []
    for a, b in zip(own.pipe(texts), fast.pipe(texts), strict=True):
        ta, tb = _tokens(a), _tokens(b)
        n += len(ta)
        diffs.extend((x, y) for x, y in zip(ta, tb, strict=True) if x != y)
    return n, diffs[:10]


def test_stand_ins_replace_spacys_components(pipelines):
    own, fast = pipelines
    assert "attribute_ruler" in own.pipe_names and "guidecheck_attribute_ruler" not in own.pipe_names
    at = own.pipe_names.index("attribute_ruler")
    assert fast.pipe_names[at] == "guidecheck_attribute_ruler" and "attribute_ruler" not in fast.pipe_names


def test_bundled_decks_tokens_identical(pipelines):
    n, diffs = _differences(pipelines, _texts(GUIDELINES))
    assert n > 50_000
    assert diffs == []


@pytest.mark.skipif(not REALDECKS.is_dir(), reason="../shared/realdecks is not beside this checkout")
def test_real_decks_tokens_identical(pipelines):
    n, diffs = _differences(pipelines, _texts(REALDECKS))
    assert n > 200_000
    assert diffs == []


def test_rare_patterns_identical(pipelines):
    """Sentences for the ruler's multi-token and exception patterns, which guidelines seldom contain."""
    texts = [
        "I'm gonna check it, y'all, and you gotta let's see. C'mon, it ain't over.",
        "There is a rule. There are two. It's been done; he's being careful; she'd have gone.",
        "Somethin' goin' on, nothin' doin', ol' 'em 'nuff. We'll, they'd, I ca n't, wo n't, sha n't.",
        "That which that is not what this was; those did, these had, anyone has got it, everybody gets it.",
        "  Two  spaces\n\n\tand a tab.  ",
    ]
    n, diffs = _differences(pipelines, texts)
    assert n > 80
    assert diffs == []


@pytest.mark.parametrize(
    ("pattern", "replaced"),
    [
        ([{"LOWER": "gon"}, {"LOWER": "na"}], True),
        ([{"LOWER": "gon", "OP": "+"}], False),  # an operator: spaCy's ruler stays
        ([{"ORTH": "Gon"}], False),  # an attribute the stand-in does not read
        ([{"LOWER": {"FUZZY": "gon"}}], False),
        ([{"LOWER": "gon", "IS_SPACE": False}], True),
        ([{"LOWER": True}], False),  # a bool for a text attribute: spaCy compares it with the string's hash
    ],
)
def test_a_ruler_the_stand_in_cannot_read_is_kept(pattern, replaced):
    import spacy

    from guidecheck.rules.fast_pipes import faster_ruler

    def pipeline():
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add([pattern], {"LEMMA": "go"})
        return nlp

    own, nlp = pipeline(), pipeline()
    assert faster_ruler(nlp) is replaced
    assert nlp.pipe_names == (["guidecheck_attribute_ruler"] if replaced else ["attribute_ruler"])
    text = "I am Gon na go"
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in own(text)]
