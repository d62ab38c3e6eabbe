"""Contradictions of round 10, as `guidecheck check` reports them: a limit the deck names twice with two values
(in two units), an act done above one size and withheld below another, a score cap a later rule lifts, two orders
of the same steps when one opens with "Before ..." and ends on a purpose ("so you can ..."), an act reserved to a
group "once" something happened and asked of the reader. And their look-alikes:
the same limit in other units, lists of members that share none, things placed at different points of a sequence.
Round 11: two limits on the time spent on one task, worded two ways ("within 5 minutes of opening the task",
"no less than 400 seconds on each task"), and the length of a clip or the time a QA lead spends auditing, which
are no such time.
Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the embedder

DECKS = {
    "caps/guide.md": "# Time\n\nEvery call has a hard limit of 600 seconds of listening time.\n\n# Pay\n\n"
    "The listening cap per call is 12 minutes.\n",
    "samecap/guide.md": "# Time\n\nEvery call has a hard limit of 600 seconds of listening time.\n\n# Pay\n\n"
    "The listening cap per call is 10 minutes.\n",
    "sizes/guide.md": "# Small signs\n\nSigns smaller than 30 pixels on screen are not boxed.\n\n# Coverage\n\n"
    "Box every sign that is 20 px or larger, even if it is partly hidden.\n",
    "late/guide.md": "# Flags\n\nLATE_SUBMISSION limits the essay to a maximum grade of 2.\n\n# Exceptions\n\n"
    "An essay with LATE_SUBMISSION can still get a 4 when the argument is outstanding.\n",
    "steps/guide.md": "# Reading\n\nRead the source text in full, including its title, before you look at the "
    "translation.\n\n# Fluency\n\nBefore you open the source text, read the translation once, so you can judge its "
    "fluency on its own.\n",
    "members/guide.md": "# Boxes\n\nDraw the remaining part boxes: plate, mirror, wheel and door.\n\n# Skipped\n\n"
    "Boxes are not drawn for logos, stickers or reflections.\n",
    "reopen/guide.md": "# Closing\n\nOnce a ticket is closed, only a shift supervisor can reopen it.\n\n# Mistakes\n\n"
    "If you spot an error in a ticket you closed, reopen the ticket yourself from the Done list.\n",
    "reserved/guide.md": "# Uploads\n\nDeleting an uploaded clip is reserved for the audio leads.\n\n# Mistakes\n\n"
    "Any transcriber can delete a clip they uploaded by mistake.\n\n# Glossary\n\n"
    "Approving a new glossary entry is reserved for the terminology team.\n\n"
    "Suggest new glossary entries in the comment box.\n",
    "reason/guide.md": "# Failing\n\nOnly senior graders can fail an essay for plagiarism.\n\n# Topic\n\n"
    "If an essay is off topic, fail it.\n\n# Copying\n\nAny grader may fail an essay that shows plagiarism.\n",
    "worktime/guide.md": "# Timing\n\nSubmit each rating within 5 minutes of opening the task; after that the task "
    "goes back to the queue.\n\n# Quality\n\nRaters should spend no less than 400 seconds on each task before "
    "submitting.\n",
    "audittime/guide.md": "# Timing\n\nEach ticket has a hard limit of 900 seconds of working time.\n\n# Audits\n\n"
    "QA leads should spend no more than 5 minutes auditing a ticket.\n\n# Pay\n\nThe time cap per ticket is 20 "
    "minutes.\n",
    "cliptime/guide.md": "# Scope\n\nClips longer than 10 minutes are skipped.\n\n# Pace\n\n"
    "Spend at most 4 minutes on each clip.\n",
    "turns/guide.md": "# Scope\n\nRate the highlighted answer, even if an earlier answer was far better.\n\n"
    "# Context\n\nDon't rate the earlier answers; they are only context.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


def test_one_limit_named_twice_with_two_values(found):
    assert _pairs(found, "hard limit of 600 seconds", "cap per call is 12 minutes") == ["CON004"]
    assert _pairs(found, "cap per call is 10 minutes") == []  # 600 seconds are 10 minutes


def test_an_act_done_above_one_size_and_withheld_below_another(found):
    # signs of 20 to 29 px are boxed under one rule and not under the other; "even if" sets no condition
    assert _pairs(found, "smaller than 30 pixels", "20 px or larger") == ["CON004"]


def test_a_score_cap_that_a_later_rule_lifts(found):
    assert _pairs(found, "maximum grade of 2", "can still get a 4") == ["CON002"]


def test_two_orders_of_steps_with_a_leading_before_and_a_purpose(found):
    assert _pairs(found, "Read the source text in full", "Before you open the source text") == ["CON013"]


def test_an_act_reserved_after_a_leading_clause_and_asked_of_the_reader(found):
    # "it" is the ticket the leading clause names; the reader of the deck is any agent, not the supervisor
    assert _pairs(found, "only a shift supervisor", "reopen the ticket yourself") == ["CON011"]


def test_an_act_reserved_by_is_reserved_for(found):
    assert _pairs(found, "Deleting an uploaded clip", "Any transcriber can delete") == ["CON011"]
    assert _pairs(found, "Approving a new glossary entry") == []  # suggesting is another act


def test_an_act_reserved_for_one_reason_leaves_other_reasons_free(found):
    assert _pairs(found, "Only senior graders", "Any grader may fail") == ["CON011"]
    assert _pairs(found, "Only senior graders", "off topic") == []


def test_lists_of_members_that_share_none_are_different_things(found):
    assert _pairs(found, "remaining part boxes", "not drawn for logos") == []


def test_things_at_different_points_of_a_sequence_are_different_things(found):
    assert _pairs(found, "highlighted answer", "earlier answers") == []


def test_two_limits_on_the_time_spent_on_one_task_worded_two_ways(found):
    # at most 5 minutes after opening the task, at least 400 seconds on it: no time meets both
    assert _pairs(found, "within 5 minutes of opening the task", "no less than 400 seconds") == ["CON004"]


def test_the_length_of_a_clip_is_not_the_time_spent_on_it(found):
    assert _pairs(found, "Clips longer than 10 minutes", "at most 4 minutes on each clip") == []


def test_the_time_another_role_spends_on_an_item_is_not_the_raters(found):
    assert _pairs(found, "hard limit of 900 seconds", "QA leads should spend") == []
    assert _pairs(found, "time cap per ticket is 20", "QA leads should spend") == []
    assert _pairs(found, "hard limit of 900 seconds", "time cap per ticket is 20") == ["CON004"]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Run the link checker first and the word counter second.",
            "The word counter must run before the link checker.",
        ),
        (
            "The overall grade is always the last thing you enter, after every paragraph has been marked.",
            "Enter the overall grade before you mark any paragraph.",
        ),
        (
            "Only once the footnotes are finished, go back up to the title page and tag the authors.",
            "Tag the title page before you begin on any footnote.",
        ),
        (
            "Tone comes first: fill in the tone field and only then move on to the politeness question.",
            "Decide whether a reply is polite before you touch the tone field.",
        ),
    ],
)
def test_two_orders_of_the_same_steps_in_other_wordings_are_read_as_reversed(first, second):
    from guidecheck.checks.common.relations.sequence import _reversed, orders

    assert any(_reversed(p, q) for p in orders(first) for q in orders(second))


def test_the_same_order_in_other_words_is_not_reversed():
    from guidecheck.checks.common.relations.sequence import _reversed, orders

    first = "Run the link checker first and the word counter second."
    same = "Only after the link checker has run, start the word counter."
    assert orders(first) and orders(same)
    assert not any(_reversed(p, q) for p in orders(first) for q in orders(same))
