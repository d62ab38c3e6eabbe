"""CON011 (an act reserved to a group against a rule that gives it to everyone) reads who acts in the other rule.

Blind judges called CON011 wrong where the "everyone" rule gave nobody the act: a thing was the subject of the verb
("one Unclear row does not change how you mark the others", "A late citation does not change the final verdict"),
the reserved thing was read from the consequence after ", so" ("... reserved for the pricing team, so raters must
leave it empty even on items they mark Stale"), the reserved group was read as the thing, or the reserved value of a
status ("set a ticket's status to Escalated") was missing from the other rule ("Set the status and close ...").
Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "tickets/guide.md": "# Handling support tickets\n\n## Roles\n\n"
    "Only QA reviewers can change a row after it has been submitted.\n\n"
    "Only senior reviewers may change a verdict after the report has been sent.\n\n"
    "The Final Price box is reserved for the pricing team, so raters must leave it empty even on items they mark "
    "Stale.\n\n"
    "Only team leads may set a ticket's status to Escalated.\n\n"
    "## Working on a ticket\n\n"
    "Mark each row on its own evidence: one Unclear row does not change how you mark the others.\n\n"
    "A late citation does not change the final verdict; record it with the Late flag and move on.\n\n"
    "When a listing shows last year's price, mark the item Stale.\n\n"
    "Set the status and close the ticket once the reply is sent.\n\n"
    "Any rater who sees a safety threat should set the ticket's status to Escalated.\n",
}

found = contradictions_fixture(DECKS, "round46_restriction")


def test_a_thing_that_does_not_change_a_verdict_gives_nobody_the_act(found):
    assert _pairs(found, "change a row", "one Unclear row") == []
    assert _pairs(found, "change a verdict", "late citation") == []


def test_the_consequence_after_so_is_not_what_is_reserved(found):
    assert _pairs(found, "Final Price box", "last year's price") == []


def test_a_status_reserved_by_its_value_needs_that_value(found):
    assert _pairs(found, "status to Escalated", "Set the status and close") == []


def test_giving_everyone_the_reserved_value_is_still_reported(found):
    assert _pairs(found, "Only team leads", "safety threat") == ["CON011"]
