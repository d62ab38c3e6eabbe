"""Two figures that belong to things named apart, and a limit whose clause holds no condition of the next (CON004).

Blind judges called CON004 wrong for two levels defined by their own bars ("Level 1 means ... less than 10%" /
"Level 3 means ... more than 25%"), two bonuses with their own bars ("Quality bonus: ..." / "Volume bonus: ..."),
and a time to reach a queue counted from a flag against a cap on working time. "Each page has a hard limit of 10
minutes; the form locks when the timer runs out" was read with the next clause's "when the timer runs out" as its
condition, so its clash with "The time cap per page is 15 minutes" was explained away as a narrower rule. Every
sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "pages/guide.md": (
        "# Grading scanned pages\n"
        "\n"
        "## Grades\n"
        "\n"
        "Grade A means stains cover less than 5% of the page and none of them hides text.\n"
        "\n"
        "Grade C means stains cover more than 20% of the page, or at least one stain hides a word.\n"
        "\n"
        "## Rewards\n"
        "\n"
        "Two bonuses are paid each month: Accuracy bonus: an extra $0.04 per page for every month in which your audit agreement is 92% or higher.\n"
        "\n"
        "Two bonuses are paid each month: Speed bonus: a flat $12 for any month in which you grade 300 or more pages with audit agreement of 88% or higher.\n"
        "\n"
        "## Time\n"
        "\n"
        "Escalated pages must reach the safety desk within 6 business hours of the flag.\n"
        "\n"
        "Each page has a hard limit of 10 minutes; the form locks when the timer runs out.\n"
        "\n"
        "## Questions\n"
        "\n"
        "Q: How long can I spend on one page?\n"
        "\n"
        "The time cap per page is 15 minutes.\n"
    ),
}

found = contradictions_fixture(DECKS, "round46_numbers")


def test_two_levels_each_with_its_own_bar_are_no_clash(found):
    assert _pairs(found, "Grade A means", "Grade C means") == []


def test_two_named_bonuses_each_with_its_own_bar_are_no_clash(found):
    assert _pairs(found, "Accuracy bonus", "Speed bonus") == []


def test_a_time_to_reach_a_queue_from_a_flag_is_a_deadline(found):
    assert _pairs(found, "safety desk", "time cap per page") == []
    assert _pairs(found, "safety desk", "hard limit of 10 minutes") == []


def test_a_condition_of_the_next_clause_does_not_narrow_a_named_limit(found):
    assert _pairs(found, "hard limit of 10 minutes", "time cap per page") == ["CON004"]
