"""Output constraints in the wording briefs really use: bans without an output verb ("is off-limits"), exclusions
split around their object ("keep that word out"), words that only look negative ("without us"), purposes ("so
that the reader ..."), long required sentences, languages asked for by "into" or by the user's language, and
writing systems. Sentences here are written for these tests and are not in any training or dev set."""

from __future__ import annotations

import numpy as np
import pytest

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.output_clash import output_conflict
from guidecheck.checks.common.relations.output_pairs import output_candidates
from guidecheck.checks.common.relations.output_phrases import phrase_polarities
from guidecheck.checks.common.relations.proposition import side_of
from guidecheck.model import Location, Rule


def _claim(text: str, kind: str = "obligation", rid: str = "R1"):
    return build_claim(Rule(rid, text, Location("deck/brief.md"), kind=kind))


def _frame(text: str, kind: str = "obligation"):
    return side_of(_claim(text, kind)).output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ban stated as a predicate, with no verb of writing in its clause
        (
            'Per the new glossary, the word "subscriber" is off-limits in renewal notices.',
            [("subscriber", "-")],
        ),
        ('Marketing says "revolutionary" has been phased out of our vocabulary.', [("revolutionary", "-")]),
        # the object between the verb and its particle: a pronoun, "that word", or the quoted word itself
        (
            'Our editor thinks "journey" is worn out, so please keep that word out of the draft.',
            [("journey", "-")],
        ),
        ('Readers find "synergy" grating, so leave it out altogether.', [("synergy", "-")]),
        ('Keep "hack" out of the tips section entirely.', [("hack", "-")]),
        ('The board has ruled out the word "crisis" for this statement.', [("crisis", "-")]),
        ('Steer clear of the term "cutting-edge" in the product copy.', [("cutting-edge", "-")]),
    ],
)
def test_bans_without_a_plain_negation_forbid_the_word(text, expected):
    assert phrase_polarities(text, "+") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose clause and an idiom: their negative words are not the mention's
        ('Mention "Plan B" twice so that the reader does not forget it.', [("plan b", "+")]),
        ('Use "step one" in the intro, as the trainees must run the drill without us.', [("step one", "+")]),
        # a result clause whose "that" is a determiner still bans the word
        ('Legal rejected "zero-risk", so that term cannot appear anywhere.', [("zero-risk", "-")]),
    ],
)
def test_words_that_only_look_negative_keep_the_mention_required(text, expected):
    assert phrase_polarities(text, "+") == expected


def test_a_long_required_sentence_is_a_mention():
    text = (
        "Open the letter with this exact sentence, which the trustees approved last spring: "
        '"The Harbourside Trust has protected the estuary and its wading birds for more than forty years."'
    )
    [(phrase, pol)] = phrase_polarities(text, "+")
    assert pol == "+" and phrase.startswith("the harbourside trust") and phrase.endswith("forty years")


def test_a_banned_word_at_the_start_of_a_required_sentence_is_a_candidate_pair():
    """The required sentence's first word carries a comma ("Sadly, ..."): the two rules still meet by the word
    and are compared, although their embeddings are far apart."""
    claims = [
        _claim('Please do not use the word "sadly" in any reply.', "prohibition", "R1"),
        _claim(
            'Begin each reply with this sentence: "Sadly, the workshop is fully booked."', "obligation", "R2"
        ),
    ]
    pairs = output_candidates(claims, np.zeros((0, 1)), [])
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "into" always names the output, even after a noun that usually names the input
        ("Translate the customer leaflet into Italian for the Turin shop.", "Write the leaflet in German."),
        # the user's language, named without "as"
        ("Answer in the same language the visitor used.", "Every answer must be written in English."),
        # a language and a script it is not written in
        (
            "Write the welcome card in Greek.",
            "The printer only takes Latin script, so use Latin characters only.",
        ),
    ],
)
def test_output_languages_that_clash(a, b):
    hit = output_conflict(_frame(a), _frame(b))
    assert hit is not None and hit[0] == "language"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Write the notice in Serbian.", "Use Cyrillic script throughout the notice."),
        ("Write the notice in Serbian.", "Use Latin script throughout the notice."),
        ("Write the poster in Hindi.", "Use Devanagari script for every line."),
    ],
)
def test_a_language_and_a_script_it_is_written_in_do_not_clash(a, b):
    assert output_conflict(_frame(a), _frame(b)) is None


def test_a_negation_does_not_reach_back_across_a_clause_boundary():
    """The ban in the second clause forbids contractions, not the register the first clause asks for."""
    tones = {
        (word.lower(), pol)
        for _, _, pol, word in _frame("Calm, formal register; avoid contractions.", "discouragement").tones
    }
    assert ("formal", "+") in tones and ("contractions", "-") in tones
