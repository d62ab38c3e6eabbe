"""A ban on a point of the work orders no two steps (round 40, from held-out40's false findings, read after its
score): "Raters may not change a label once the task is submitted" says when a change may not happen, so it does not
clash with "check every label before you submit the task"; "Do not score the answer before you have read the whole
transcript" bans scoring early, not scoring. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.sequence import banned_step, orders

DECKS = {
    "agree/guide.md": "# Reading\n\nDo not score the answer before you have read the whole transcript.\n\n"
    "# Scoring\n\nRead the whole transcript first, then score the answer.\n",
    "lock/guide.md": "# Submitting\n\nYou must check every label on the page before you submit the task.\n\n"
    "# After submission\n\nRaters may not change a label once the task is submitted.\n",
    "order/guide.md": "# Reading\n\nListen to the whole clip first, then open the notes.\n\n"
    "# Notes\n\nOpen the notes before you listen to the clip, so you know what to listen for.\n",
}


def _banned(text: str) -> list[bool]:
    return [banned_step(o) for o in orders(text)]


def test_a_step_banned_at_a_point_of_the_work_is_told_apart():
    assert _banned("Do not score the answer before you have read the whole transcript.") == [True]
    assert _banned("Raters may not change a label once the task is submitted.") == [True]
    assert _banned("Never open the notes until you have listened to the clip.") == [False]  # read as an order
    assert _banned("Use OTHER only when you cannot identify the object after adjusting contrast.") in (
        [],
        [False],
    )
    assert _banned("Score the answer after you have read the transcript.") == [False]


found = contradictions_fixture(DECKS, "banned")  # loads spaCy and the embedder


@pytest.mark.slow
def test_a_ban_on_a_point_of_the_work_is_no_conflict(found):
    assert (
        _pairs(found, "Do not score the answer", "then score the answer") == []
    )  # neither CON013 nor CON001
    assert _pairs(found, "before you submit the task", "once the task is submitted") == []


@pytest.mark.slow
def test_two_orders_of_the_same_steps_are_still_a_conflict(found):
    assert _pairs(found, "Listen to the whole clip first", "before you listen to the clip") == ["CON013"]
