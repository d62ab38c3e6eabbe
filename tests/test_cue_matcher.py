"""The cue matchers that run only the patterns a block's words can satisfy (rules/cue_matcher.py) return exactly
what spaCy's Matcher and DependencyMatcher with every pattern return (same matches, same order) on every block of
the bundled decks and of ../shared/realdecks (read in place, when it is beside the checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecheck.config import load_config
from guidecheck.evaluate.real import realdecks_root
from guidecheck.ingest import read_paths
from guidecheck.rules.cue_matcher import CueMatcher, requirements
from guidecheck.rules.lexicon import lexicon, matchers
from guidecheck.rules.nlp import load_spacy
from guidecheck.rules.segment import parse_text

pytestmark = pytest.mark.slow  # loads spaCy

GUIDELINES = Path(__file__).resolve().parents[1] / "guidelines"
REALDECKS = realdecks_root(GUIDELINES)


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(tuple(load_config([]).spacy_model))


def _full(nlp):
    """spaCy's matchers with every pattern, built as the extractor built them before the pre-filter."""
    from spacy.matcher import DependencyMatcher, Matcher

    lex = lexicon()
    matcher, dep = Matcher(nlp.vocab), DependencyMatcher(nlp.vocab)
    for c in lex.data["cue"]:
        matcher.add(c["name"], c["patterns"])
    for d in lex.data.get("dependency", []):
        dep.add(d["name"], [d["pattern"]])
    return matcher, dep


def _differences(nlp, root: Path) -> tuple[int, int, list]:
    """(blocks compared, matches found, first blocks whose matches differ)."""
    docs = read_paths([str(root)], load_config([str(root)]))
    texts = [parse_text(b) for d in docs for b in d.blocks if b.text.strip()]
    full, full_dep = _full(nlp)
    cue, dep = matchers(nlp)
    n, found, diffs = 0, 0, []
    for doc in nlp.pipe(texts):
        n += 1
        want, got = (full(doc), full_dep(doc)), (cue(doc), dep(doc))
        found += len(want[0]) + len(want[1])
        if want != got:
            diffs.append((doc.text[:80], want, got))
    return n, found, diffs[:5]


def test_bundled_decks_same_matches(nlp):
    n, found, diffs = _differences(nlp, GUIDELINES)
    assert n > 2_000 and found > 500
    assert diffs == []


@pytest.mark.skipif(not REALDECKS.is_dir(), reason="../shared/realdecks is not beside this checkout")
def test_real_decks_same_matches(nlp):
    n, found, diffs = _differences(nlp, REALDECKS)
    assert n > 5_000 and found > 2_000
    assert diffs == []


def test_rare_and_empty(nlp):
    """Cues guidelines seldom use, a Doc without any cue word, and an empty Doc."""
    full, full_dep = _full(nlp)
    cue, dep = matchers(nlp)
    texts = [
        "Firstly check the source, then the date. Accuracy takes precedence over style; it is best to ask.",
        "Feel free to skip it. Raters are not entitled to rest. The tenant agrees to pay. We would love a reply.",
        "Rate on a scale from 1 to 5, using a 5-point likert scale or one of the following 3 labels.",
        "Scores are capped at 2. A span is a run of tokens. It is not required. He wo n't, ca n't.",
        "Blue sky over green hills.",
        "",
    ]
    for doc in nlp.pipe(texts):
        assert (cue(doc), dep(doc)) == (full(doc), full_dep(doc)), doc.text


def test_optional_tokens_are_not_required(nlp):
    """Only tokens that must occur (no operator, or '+') say which words a Doc needs; attributes the pre-filter
    does not read (IS_SENT_START, LIKE_NUM) need nothing."""
    strings = nlp.vocab.strings
    cue = CueMatcher(
        nlp.vocab, [{"name": "x", "patterns": [[{"LOWER": "a", "OP": "?"}, {"LEMMA": {"IN": ["b"]}}]]}]
    )
    ((_, _, needs),) = cue.patterns
    assert needs == ((1, frozenset([strings["b"]])),)
    assert requirements([{"TAG": "VB", "LIKE_NUM": True}], strings) == ((2, frozenset([strings["VB"]])),)
    assert requirements([{"IS_SENT_START": True}], strings) == ()
