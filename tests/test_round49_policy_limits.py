"""Limits of the task's policy stated as facts, in forms no reader saw before round 49 (CON004).

- Tolerances: how far an answer may be from the reference ("counts as correct if it lands within 1 second of the
  gold mark", "a tolerance of 300 ms either side", "off by more than half a second counts as an error"), frames made
  seconds where the sentence gives the frame rate; a tighter tolerance for a named case that overrides the general
  one is no second value, and neither is the same tolerance in other units.
- Item hold times: "returned to the shared queue after N", "releases it to another annotator", "the lock lasts N",
  "holds a claimed item for you for N".
- Quality bars: "stay active as long as you get at least three of every four gold items right", "released from
  supervision once ... reaches 0.9", "the pass mark ... is 85%" against "you need 15 of the 20 questions right to
  pass", a falling decimal share ("If it drops below 0.7, ...").
- Samples: "one clip in five is routed to a second reviewer", "a lead re-checks one in every ten".
- Windows: "closes N after it is released" / "You have N ... to finish", an escalation's window, working days.
- Review pay: pay that waits on the review against pay whatever the review finds.
- A bar the deck says it changed ("Following the 3 March change, ... needs 93%") is an update, not a second bar.
- Shift caps: "A shift is at most N hours" against "You may annotate for up to M hours in one shift".

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "whales/guide.md": "# Whale call segmentation\n\n## Marking calls\n\n"
    "Mark the start and end of every call you hear in the spectrogram.\n\n"
    "A call boundary counts as correct if it lands within 1 second of the gold mark.\n\n"
    "Humpback song units have a tighter tolerance of 5 frames, which overrides the general tolerance.\n\n"
    "## The queue\n\n"
    "An untouched recording is returned to the shared queue after 20 minutes without any edits.\n\n"
    "## Quality\n\n"
    "Annotators whose weekly agreement with gold items falls below 85% are paused until they finish a refresher.\n\n"
    "A random 10% of every annotator's recordings is audited by a lead.\n\n"
    "The pass mark for the entry quiz is 85%.\n\n"
    "A weekly quality bonus of 5% of base pay is paid when your audit agreement is 90% or higher.\n\n"
    "## Deadlines\n\n"
    "Each batch closes 36 hours after it is released.\n\n"
    "Raise the escalation within 10 minutes of spotting a ship strike.\n\n"
    "Escalated recordings are archived within one day.\n\n"
    "## Hours\n\n"
    "A shift is at most 7 hours of annotation time, breaks not included.\n\n"
    "## Pay\n\n"
    "You are paid for a recording as soon as you submit it, whatever the outcome of review.\n",
    "whales/faq.md": "# Questions\n\n## Marking\n\n"
    "Scoring uses a tolerance of 300 ms either side of the gold start and end.\n\n"
    "A boundary that is off by more than 1000 milliseconds counts as an error.\n\n"
    "## Queue\n\n"
    "If a recording sits open with no activity for 45 minutes, the tool releases it to another annotator.\n\n"
    "## Quality\n\n"
    "You stay active as long as you get at least three of every four gold items right.\n\n"
    "One recording in five is routed to a second reviewer so that agreement can be measured.\n\n"
    "When you sit the quiz, you need 15 of the 20 questions right to pass.\n\n"
    "Following the 3 March change, the weekly quality bonus needs 93% audit agreement.\n\n"
    "## Deadlines\n\n"
    "You have 2 days from batch release to finish the recordings assigned to you.\n\n"
    "You have up to 30 minutes from spotting a ship strike to file the escalation.\n\n"
    "## Hours\n\n"
    "You may annotate for up to 9 hours in one shift if the queue is long.\n\n"
    "## Pay\n\n"
    "Payment for a recording is released only after it has cleared QA.\n",
}

found = contradictions_fixture(DECKS, "round49_policy")


def test_two_tolerances_for_one_mark_disagree(found):
    assert _pairs(found, "within 1 second of the gold mark", "tolerance of 300 ms") == ["CON004"]


def test_a_tolerance_in_other_units_or_for_a_named_case_is_no_second_value(found):
    assert _pairs(found, "within 1 second of the gold mark", "more than 1000 milliseconds") == []
    assert _pairs(found, "tighter tolerance of 5 frames") == []


def test_two_hold_times_of_one_item_disagree(found):
    assert _pairs(found, "returned to the shared queue after 20 minutes", "releases it to another") == [
        "CON004"
    ]


def test_three_of_every_four_is_a_bar_below_85_percent(found):
    assert _pairs(found, "falls below 85%", "three of every four") == ["CON004"]


def test_two_pass_marks_disagree(found):
    assert _pairs(found, "pass mark for the entry quiz", "15 of the 20 questions") == ["CON004"]


def test_one_in_five_is_not_ten_percent(found):
    assert _pairs(found, "random 10%", "One recording in five") == ["CON004"]


def test_two_windows_for_one_batch_and_for_one_escalation(found):
    assert _pairs(found, "closes 36 hours", "2 days from batch release") == ["CON004"]
    assert _pairs(found, "within 10 minutes of spotting", "up to 30 minutes") == ["CON004"]
    assert _pairs(found, "archived within one day") == []  # "Escalated" names the recordings, not the act


def test_pay_that_waits_on_review_and_pay_that_does_not(found):
    assert _pairs(found, "as soon as you submit it", "only after it has cleared QA") == ["CON004"]


def test_two_caps_on_one_shift(found):
    assert _pairs(found, "at most 7 hours", "up to 9 hours in one shift") == ["CON004"]


def test_a_bar_changed_on_a_named_date_is_an_update(found):
    assert _pairs(found, "90% or higher", "Following the 3 March change") == []
