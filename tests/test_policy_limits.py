"""Limits of the task's policy stated twice (round 13). A rater's quality bar: as an accuracy or as a share of
errors, as a percent or as "one in five", as what removes a rater or as what keeps one on; two statements of one
sanction with different bars are a CON004; different sanctions, a stricter safe side, a named sub-case and items
dropped from a dataset are not. The time one item may be held: the tool's time-out, the point to give up, the time
below which a submission is too fast, in seconds, minutes or "a quarter of an hour"; two values of one kind, or a
minimum not below the time-out, are a CON004; a batch's time and an item's, or one limit in two units, are not.
Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quality_bars import read_quality_bar
from guidecheck.rules.quantities import find_quantities


@pytest.mark.parametrize(
    ("sentence", "bar", "safe_side", "sanctions"),
    [
        (
            "Transcribers whose spot-check accuracy dips below 92% are suspended for a week.",
            0.92,
            False,
            {"pause"},
        ),
        (
            "If more than one in ten of your reviewed clips come back wrong, you will be offboarded.",
            0.9,
            False,
            {"removal"},
        ),
        (
            "Nobody loses access unless more than two out of ten of their gold answers are incorrect.",
            0.8,
            True,
            {"removal"},
        ),
        (
            "You remain on live work as long as your audit accuracy does not fall below nine in ten.",
            0.9,
            True,
            {"pause"},
        ),
        (
            "Graders scoring 75 percent or higher on the monthly audit stay in the active pool.",
            0.75,
            True,
            {"pause"},
        ),
        (
            "Getting one gold answer in four wrong is within tolerance; you will not be put on probation.",
            0.75,
            True,
            {"review"},
        ),
        (
            "We will only suspend a grader who gets more than one in ten audited items wrong; anyone doing better "
            "keeps their access.",
            0.9,
            True,
            {"pause"},
        ),
        # taken off a named queue or project (not "taken off live work", a pause)
        (
            "Nobody is taken off Beacon unless more than one in four of their gold clips are marked wrong.",
            0.75,
            True,
            {"removal"},
        ),
        (
            "Labellers whose spot-check accuracy falls below 85% are taken off live work for retraining.",
            0.85,
            False,
            {"pause", "review"},
        ),
    ],
)
def test_a_quality_bar_is_read_as_the_accuracy_where_the_sanction_starts(sentence, bar, safe_side, sanctions):
    read = read_quality_bar(sentence)
    assert read is not None
    assert (read.bar, read.safe_side, set(read.sanctions)) == (bar, safe_side, sanctions)


@pytest.mark.parametrize(
    "sentence",
    [
        "Clips in which more than 40% of the audio is music are removed from the batch.",
        "Items with annotator agreement below 60% are removed from the dataset.",
        "New raters in their first two weeks are paused if their gold accuracy falls below 70%.",
        "Raters whose accuracy is below 80% or above 95% are reviewed by two leads and may be removed.",
    ],
)
def test_no_quality_bar_without_a_person_a_measure_or_with_a_sub_case(sentence):
    assert read_quality_bar(sentence) is None


def test_one_in_five_is_a_share_not_a_score():
    assert find_quantities("unless more than one in five of their spans are wrong") == []
    assert find_quantities("Spend at least 3 in 10 minutes")[0].text == "at least 3"


@pytest.mark.parametrize(
    ("sentence", "kind", "seconds", "scope"),
    [
        ("Any clip left open for over 8 minutes drops back into the shared queue.", "timeout", 480, "item"),
        (
            "You get half an hour on each transcript before the platform takes it back.",
            "timeout",
            1800,
            "item",
        ),
        ("A claimed batch is reserved for you for 36 hours.", "timeout", 129600, "batch"),
        (
            "If a ticket is still open after twenty minutes, stop and skip it as Too Hard.",
            "give_up",
            1200,
            "item",
        ),
        (
            "Ratings submitted under 90 seconds after the page loads are rejected automatically.",
            "minimum",
            90,
            "item",
        ),
        ("If you still cannot choose after 60 seconds, skip the clip.", "give_up", 60, "item"),
        ("Give a tricky clip a good two minutes before you reach for Skip.", "give_up", 120, "item"),
        ("Don't use the Skip button until you've spent a good half hour on a file.", "give_up", 1800, "item"),
    ],
)
def test_an_item_time_limit_is_read_in_seconds(sentence, kind, seconds, scope):
    read = read_item_time(sentence)
    assert read is not None
    assert (read.kind, read.seconds, read.scope) == (kind, seconds, scope)


@pytest.mark.parametrize(
    "sentence",
    [
        "Video tasks time out after 20 minutes.",
        "Calls longer than 30 minutes of audio usually need 10 to 15 minutes of work.",
        "Clips shorter than 40 seconds go in the skip pile.",
    ],
)
def test_no_item_time_for_a_sub_case_two_times_or_a_clip_length(sentence):
    assert read_item_time(sentence) is None


DECKS = {
    "bars/guide.md": "# Quality\n\nTranscribers whose spot-check accuracy dips below 92% are suspended until they "
    "finish a calibration set.\n\n# Contact\n\nWrite to the lead with any question.\n",
    "bars/faq.md": "# Questions\n\n## Am I at risk?\n\nYou remain on live work as long as no more than one in ten of "
    "your spot-checked clips is marked wrong.\n",
    "errors/guide.md": "# Quality\n\nIf more than one in ten of your reviewed clips come back wrong, you will be "
    "offboarded.\n\n# Audits\n\nGraders whose review accuracy drops below 85 percent are removed from the program.\n",
    "tiers/guide.md": "# Quality\n\nGraders whose review accuracy drops below 90 percent are put on a performance "
    "plan.\n\n# Removal\n\nGraders whose review accuracy drops below 75 percent are removed from the program.\n",
    "gap/guide.md": "# Quality\n\nAnnotators whose audit accuracy falls below 80% are suspended.\n\n# Reassurance\n\n"
    "Anyone scoring 90% or higher on the audit stays in the active pool.\n",
    "measures/guide.md": "# Gold\n\nRaters whose gold accuracy falls below 85% are suspended.\n\n# Audit\n\n"
    "Raters whose audit accuracy falls below 80% are suspended.\n",
    "holds/guide.md": "# Time\n\nAny clip left open for over 8 minutes drops back into the shared queue.\n\n# Pace\n\n"
    "Ratings submitted under 90 seconds after the page loads are rejected automatically.\n",
    "holds/faq.md": "# Questions\n\n## Is there a timer?\n\nYou get a quarter of an hour on each clip before the "
    "platform takes it back.\n",
    "fast/guide.md": "# Time\n\nEach form times out 120 seconds after you open it.\n\n# Pace\n\nForms sent in less "
    "than 3 minutes after opening are treated as speed-clicking and discarded automatically.\n",
    "units/guide.md": "# Time\n\nAny clip left open for over 8 minutes drops back into the shared queue.\n\n# Timer\n\n"
    "After 480 seconds the tool takes the clip back.\n\n# Batches\n\nA claimed batch is reserved for you for 36 "
    "hours.\n",
    "cases/guide.md": "# Costs\n\nWhere the spot check finds errors in more than 5% of segments, the vendor pays for the "
    "re-check.\n\nWhere the spot check finds errors in 5% or fewer of segments, the client pays for the re-check.\n",
    "thirds/guide.md": "# Time\n\nTiles left idle for 20 minutes are released back to the shared queue.\n\n# Reminders\n\n"
    "A tile you leave untouched for a third of an hour goes back into the queue, so save before you step away.\n",
    "glare/guide.md": "# Glare\n\nGLARE means that half or more of the sign is washed out.\n\n# Labels\n\nLabel the "
    "sign GLARE when more than one third of it is washed out.\n",
    "glare2/guide.md": "# Glare\n\nGLARE means that half or more of the sign is washed out.\n\n# Labels\n\nLabel "
    "the sign GLARE when more than two thirds of it is washed out.\n",
}


@pytest.mark.slow
def test_two_values_of_one_limit_conflict_and_their_look_alikes_do_not(tmp_path):
    found = deck_contradictions(tmp_path, DECKS)
    assert _pairs(found, "dips below 92%", "no more than one in ten") == ["CON004"]
    assert _pairs(found, "more than one in ten of your reviewed", "drops below 85 percent are removed") == [
        "CON004"
    ]
    assert _pairs(found, "below 90 percent are put", "below 75 percent are removed") == []
    assert _pairs(found, "below 80% are suspended", "90% or higher") == []
    assert _pairs(found, "gold accuracy falls below 85%", "audit accuracy falls below 80%") == []
    assert _pairs(found, "over 8 minutes drops back", "quarter of an hour") == ["CON004"]
    assert _pairs(found, "times out 120 seconds", "less than 3 minutes") == ["CON004"]
    assert _pairs(found, "under 90 seconds", "quarter of an hour") == []  # 90 s is below the time-out
    assert _pairs(found, "under 90 seconds", "over 8 minutes") == []
    assert _pairs(found, "over 8 minutes drops back", "After 480 seconds") == []
    assert _pairs(found, "After 480 seconds", "36 hours") == []
    assert _pairs(found, "idle for 20 minutes", "a third of an hour") == []  # the same time in other words
    # numbers that say which case a rule is about, not limits: two cases, not a conflict
    assert _pairs(found, "more than 5% of segments", "5% or fewer") == []
    # a label's definition withholds it below its threshold, so a rule that gives it from a third on disagrees
    assert _pairs(found, "half or more of the sign", "more than one third") == ["CON004"]
    assert _pairs(found, "half or more of the sign", "more than two thirds") == []
