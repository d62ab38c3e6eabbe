"""Priorities, reservations and label scopes read in more of the forms the blind decks use.

- CON005 (priority): "A is the primary label and B goes in the secondary field" ranks A over B; "choose A as the
  primary reason code" chooses A; "B is the primary reason code" after "If A and B both apply" names B the winner;
  "File it as A, which takes precedence over B" ranks A over B.
- CON011 (restriction): a permission to any rater after an answer's "Yes," ("A: Yes, any annotator ... may correct
  ..."); "for example ..." after a reserved act gives examples, not a reason the reservation is limited to.
- CON006 (label scope): "L means ..." is the label's definition, and "counts as L only if ..." restricts it.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "floors/guide.md": "# Shop floor photos\n\n## Labels\n\n"
    "When a spill leaves glass behind, SPILL is the primary label and GLASS goes in the secondary field.\n\n"
    "If Late reply and Rude tone both apply, Late reply is the primary reason code.\n\n"
    "File it as Torn Page, which takes precedence over Faded Ink when both apply.\n\n"
    "## Roles\n\n"
    "Only Reviewers may edit or delete a pin placed by another annotator.\n\n"
    "Only team leads may set the Closed flag, for example on photos of empty lots or demolished shops.\n\n"
    "## Receipts\n\n"
    "Label each receipt Approved or Rejected.\n\n"
    "## Receipt labels\n\n"
    "Approved means the receipt shows the total and the merchant, either in the header or in a separate footer "
    "line.\n",
    "floors/faq.md": "# Questions\n\n## Labels\n\n"
    "If a photo shows both a spill and glass on the floor, GLASS is the primary label and SPILL goes in the secondary "
    "field.\n\n"
    "When an answer both replies late and uses a rude tone, choose Rude tone as the primary reason code.\n\n"
    "When a form shows both faded ink and a page that is torn, file it as Faded Ink, because ink reviews come "
    "first.\n\n"
    "## Roles\n\n"
    "A: Yes, any annotator on a shared map may correct a pin that another annotator placed.\n\n"
    "Anyone working the queue can set Closed when the photo shows boarded windows.\n\n"
    "## Receipts\n\n"
    "A receipt counts as Approved only if the total is printed in the header itself; a footer line on its own is not "
    "enough, and the receipt is Rejected.\n",
}

found = contradictions_fixture(DECKS, "round48_priorities_and_scopes")


def test_primary_and_secondary_rank_two_labels(found):
    assert _pairs(found, "SPILL is the primary label", "GLASS is the primary label") == ["CON005"]
    assert _pairs(found, "Late reply is the primary", "choose Rude tone") == ["CON005"]
    assert _pairs(found, "which takes precedence over Faded Ink", "file it as Faded Ink") == ["CON005"]


def test_a_reserved_act_given_to_any_rater_in_an_answer(found):
    assert _pairs(found, "Only Reviewers may edit or delete a pin", "any annotator on a shared map") == [
        "CON011"
    ]
    assert _pairs(found, "Only team leads may set the Closed flag", "Anyone working the queue") == ["CON011"]


def test_a_label_meaning_against_a_narrower_count(found):
    assert _pairs(found, "Approved means", "counts as Approved only if") == ["CON006"]
