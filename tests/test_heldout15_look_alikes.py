"""Sentences that look like conflicting rules and are not (round 15, read from the false findings of held-out15
after it was scored once): a show's script or the source language named in a language is no output language, nor
are languages listed as examples; "characters a minute" is a reading speed, not a length; "an hour and a half" is
90 minutes; a flat rate for every item is no answer to what a failed item pays; an act timed "until the batch
closes" is not the act of closing. Each has a positive control. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quantities import find_quantities


def test_characters_a_minute_is_a_rate_per_second():
    (q,) = find_quantities("Anything up to 900 characters a minute is fine.")
    assert (q.attribute, q.value) == ("length_chars per second", 15.0)
    (q,) = find_quantities("A note is capped at 300 characters.") or [None]
    assert q is None or q.attribute == "length_chars"


def test_an_hour_and_a_half_is_ninety_minutes():
    read = read_item_time(
        "You have an hour and a half from opening a clip to submit it; after that it expires."
    )
    assert read is not None and read.seconds == 5400


DECKS = {
    "subs/guide.md": "# Setup\n\nThe source language is always French; the target is the language you were hired "
    "for.\n\nWork through the cues with the Spanish script open beside you.\n\nEach lead keeps a note on punctuation, "
    "such as the space before a question mark in French, German and Italian.\n\n# Output\n\nWrite every subtitle "
    "in Portuguese.\n\nSubtitles must be in Dutch.\n",
    "speed/guide.md": "# Notes\n\nA reviewer note is capped at 300 characters.\n\n# Speed\n\nAnything up to 900 "
    "characters a minute is fine for adult shows.\n",
    "expiry/guide.md": "# Time\n\nYou have an hour and a half from opening a clip to submit it; after that it "
    "expires.\n\n# FAQ\n\nClips expire 90 minutes after you open them.\n",
    "expiry2/guide.md": "# Time\n\nYou have an hour from opening a clip to submit it; after that it expires.\n\n"
    "# FAQ\n\nClips expire 90 minutes after you open them.\n",
    "pay/guide.md": "# Pay\n\nEach clip is paid at a flat rate of $2.\n\nA clip that fails review is not paid.\n",
    "pay2/guide.md": "# Pay\n\nA clip that fails review is not paid.\n\n# FAQ\n\nClips that fail review are still "
    "paid at half the base rate.\n",
    "close/guide.md": "# Roles\n\nOnly senior agents may close a ticket with the Spam reason.\n\n# FAQ\n\nYou can edit your "
    "own submitted tickets until the batch closes on Friday.\n\nAnyone can close a ticket as Spam.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


@pytest.mark.slow
def test_a_script_a_source_or_a_list_of_examples_is_no_output_language(found):
    assert _pairs(found, "source language is always French") == []
    assert _pairs(found, "Spanish script open") == []
    assert _pairs(found, "question mark in French") == []
    assert _pairs(found, "in Portuguese", "in Dutch") == ["CON010"]


@pytest.mark.slow
def test_a_reading_speed_is_no_length(found):
    assert _pairs(found, "capped at 300 characters") == []


@pytest.mark.slow
def test_an_hour_and_a_half_against_ninety_minutes(found):
    assert _pairs(found, "an hour and a half", "90 minutes") == []
    assert _pairs(found, "You have an hour from", "90 minutes") == ["CON004"]


@pytest.mark.slow
def test_a_flat_rate_is_no_answer_for_failed_items(found):
    assert _pairs(found, "flat rate of $2") == []
    assert _pairs(found, "A clip that fails review is not paid", "still paid at half") == ["CON004"]


@pytest.mark.slow
def test_an_act_timed_until_the_batch_closes_closes_nothing(found):
    assert _pairs(found, "Only senior agents may close", "until the batch closes") == []
    assert _pairs(found, "Only senior agents may close", "Anyone can close a ticket") == ["CON011"]
