"""Look-alikes of the false findings held-out18 showed (round 18, written after it was scored; every sentence here was
written for this test, none is copied from it). A number in a column that numbers a table's rows ("Step | Start–End |
Action") is no score on the deck's 1-5 scale, and an accuracy written as a decimal share ("once your audit score
reaches 0.95") is no score of 0. The true clash beside them must still be found."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "steps/guide.md": "# Scale\n\n| Score | Label | Meaning |\n|---|---|---|\n| 5 | Excellent | Every step is clear. |\n"
    "| 3 | Fair | Some steps are unclear. |\n| 1 | Poor | The steps cannot be followed. |\n\n"
    "# Worked example\n\nThe host makes a dressing.\n\n| Step | Start–End | Action |\n|---|---|---|\n"
    "| 7 | 01:10–01:40 | MIX |\n| 12 | 02:05–02:30 | POUR |\n\n"
    "# Pay\n\nThe monthly bonus is one tenth of your earnings, and you qualify once your audit score reaches 0.95.\n\n"
    "# Questions\n\nA dressing whose steps cannot be followed gets a 6.\n",
}

found = contradictions_fixture(DECKS, "heldout18_look_alikes")


@pytest.mark.slow
@pytest.mark.parametrize(
    "a,b,checks",
    [
        ("5 | Excellent", "7 | 01:10–01:40 | MIX", []),  # a step number
        ("5 | Excellent", "12 | 02:05–02:30 | POUR", []),
        ("5 | Excellent", "audit score reaches 0.95", []),  # a share of audited items
        ("5 | Excellent", "gets a 6", ["CON007"]),  # the true clash: a 6 on a 1-5 scale
    ],
)
def test_heldout18_look_alikes(found, a, b, checks):
    assert _pairs(found, a, b) == checks, found
