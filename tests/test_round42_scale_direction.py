"""Which end of a rating scale is which, said two ways (CON006, ``relations/scale_direction.py``): the form five
planted pairs of the scored blind splits share and no reader reported ("N is the most dangerous" against "N marks
the worst", "N means very easy" against "N is our hardest rating", "from 1, the worst, ..." against "from 1, an
ideal ..."). Raters who read one page score the other way round from those who read the other.

A restatement that keeps the direction, two scales with names of their own, and "best" in "use your best judgment"
are no conflict. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "harbour/guide.md": "# Scores\n\n"
    "Hazard runs from 1 to 4, and 4 is the most dangerous.\n\n"
    "On the Glare scale, 1 means very easy: the hull can be read at a glance.\n\n"
    "Clarity scores run from 1, the worst, to 5, the best.\n\n"
    "On the Fluency scale, 5 is the best mark a caption can get.\n\n"
    "# Doubt\n\nIf two grades seem to fit, use your best judgment and add a comment.\n",
    "harbour/faq.md": "# Reminders\n\n"
    "Remember that the hazard scale counts down: Hazard 1 marks the worst scenes, where a collision is under way.\n\n"
    "Remember that a Glare of 1 is our hardest rating and is kept for frames that are almost white.\n\n"
    "A Clarity of 5 is the top mark and goes to frames where every letter of the name is sharp.\n\n"
    "On the Effort scale, 5 is the worst, because the frame took longest to read.\n\n"
    "# Ties\n\nWhen you are unsure between 2 and 3, choose 3 and flag the frame.\n",
}
found = contradictions_fixture(DECK, "round42_scale_direction")


def test_the_same_end_put_at_both_points_of_a_scale_clashes(found):
    assert "CON006" in _pairs(found, "4 is the most dangerous", "Hazard 1 marks the worst scenes")


def test_one_point_called_the_easy_end_and_the_hard_end_clashes(found):
    assert "CON006" in _pairs(found, "1 means very easy", "Glare of 1 is our hardest rating")


def test_a_restatement_that_keeps_the_direction_is_no_conflict(found):
    assert "CON006" not in _pairs(
        found, "Clarity scores run from 1, the worst", "Clarity of 5 is the top mark"
    )


def test_two_scales_with_names_of_their_own_are_no_conflict(found):
    assert "CON006" not in _pairs(found, "Fluency scale, 5 is the best", "Effort scale, 5 is the worst")


def test_best_judgment_places_no_end_of_a_scale(found):
    assert not [
        check for check, pair in found if any("best judgment" in t for t in pair) and check == "CON006"
    ]
