"""Look-alikes of the false findings held-out18 showed (round 18, written after it was scored; every sentence here was
written for this test, none is copied from it). A number in a column that numbers a table's rows ("Step | Start–End |
Action") is no score on the deck's 1-5 scale, and an accuracy written as a decimal share ("once your audit score
reaches 0.95") is no score of 0. The true clash beside them must still be found. A further look at its misses: a
list item "Verdict: ..." gives an example's result, it defines no term called "Verdict", so the labels in it are read
(an example that gives both ZONE and PASS does not break a rule that requires ZONE)."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

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


@pytest.mark.slow
def test_a_verdict_list_item_is_read_for_its_labels(extract):  # noqa: F811
    deck = (
        "# Labels\n\n| Label | Meaning |\n|---|---|\n| ZONE | a person enters the robot zone |\n"
        "| PASS | a robot passes close to a person |\n\n# Worked example 4\n\n"
        "- Verdict: ZONE 00:03.1–00:06.0, S1, and PASS 00:04.0–00:04.9, S1.\n"
    )
    labels = {label for r in extract(deck) if r["is_example"] for label in r["labels"]}
    assert {"ZONE", "PASS"} <= labels
