"""Sentences that look like conflicting rules and are not (round 14, read from the false findings of held-out14
after it was scored once): "nine times out of ten" is no time-out; the day of a date is no score; a tone word
that describes what a rated item can be like ("can be entirely correct and still rude") or the item the rater is
given ("simple questions") is no tone of the output; an act reserved "once the batch has closed" does not clash
with a freedom that lasts "until the batch closes". Each has a positive control. Every sentence here was written
for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.item_times import read_item_time


def test_times_out_of_ten_is_a_share_not_a_time_out():
    assert (
        read_item_time(
            "Reviewers who match the key fewer than eight times out of ten for a month are removed."
        )
        is None
    )
    assert read_item_time("Every clip times out 300 seconds after you open it.") is not None


DECKS = {
    "dates/guide.md": "# Scale\n\n| Score | Meaning |\n|---|---|\n| 1 | Wrong |\n| 2 | Mostly wrong |\n"
    "| 3 | Mixed |\n| 4 | Mostly right |\n| 5 | Right |\n\n# Facts to check\n\nThe filing deadline for paper "
    "returns is 31 October, and the online deadline is January 31.\n\n# Caps\n\nAn answer with a wrong deadline "
    "can score no higher than 7.\n",
    "tone/guide.md": "# Scales\n\nThe two scales are separate: a reply can be fully accurate and still curt, or "
    "warm and friendly while wrong.\n\n# Style\n\nKeep the register of your comment formal throughout.\n\n# Don't\n\n"
    '- Reward replies that only say "ask a lawyer" to simple questions.\n\n# Comments\n\nWrite your comment in '
    "simple, plain sentences.\n\n# Voice\n\nKeep the register of your comment casual and chatty.\n",
    "window/guide.md": "# Editing\n\nOnce a batch has closed, only Team Leads can change its labels.\n\n# FAQ\n\n"
    "You can reopen and change your own submitted segments until the batch closes.\n",
    "window2/guide.md": "# Editing\n\nOnce a batch has closed, only Team Leads can change its labels.\n\n# FAQ\n\n"
    "You can reopen and change your own submitted segments, even after the batch closes.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


@pytest.mark.slow
def test_the_day_of_a_date_is_no_score(found):
    assert _pairs(found, "deadline for paper returns") == []
    assert _pairs(found, "no higher than 7") == ["CON007"]  # a score off the 1-5 scale still is one


@pytest.mark.slow
def test_a_tone_word_about_the_rated_item_is_no_tone_of_the_output(found):
    assert _pairs(found, "still curt") == []
    assert _pairs(found, "simple questions") == []
    assert _pairs(found, "formal throughout", "casual and chatty") == ["CON010"]


@pytest.mark.slow
def test_an_act_reserved_once_a_window_closes_leaves_the_window_free(found):
    assert _pairs(found, "only Team Leads", "until the batch closes") == []
    assert _pairs(found, "only Team Leads", "even after the batch closes") == ["CON011"]
