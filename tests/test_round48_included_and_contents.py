"""More readings of forms the blind decks plant, each in its general form.

- CON016 (included cases): a part one rule lets raters leave out in a case and another requires of every item, the
  case named as included, now also in the forms "C are exempt from X" / "No ... is exempt from X, and that includes
  C", "X is optional for C" / "Every ... needs X, C included", "may leave X empty when you give a 5" / "X is
  mandatory on every task, including tasks you score 5". Two parts of one kind told apart ("the bar question" / "the
  spiral question") are no one part.
- CON018 (field contents): the thing of the last act in a clause ("enter the new tally in TALLY and copy the
  crossed-out tally into the comment field"), a subject that lists its things ("Personal names of drivers, passengers,
  or anyone else ... must never be typed into ..."), "it" standing for a condition's subject ("If the crate tag on
  the lid is legible, type it into ..."), and "there" for the container named before ("... never enter a product code
  there").
- CON004 (numbers): a number in a proviso ("fine, as long as each clip stays at one minute or less") is a limit, not
  a case.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "rallies/guide.md": "# Rally clip review\n\n## Timing\n\n"
    "Forced cues are exempt from the minimum-duration rule.\n\n"
    "The maximum length for any single clip is 45 seconds.\n\n"
    "## Comments\n\n"
    "You may leave the Comments box empty when you give a score of 5.\n\n"
    "A rationale is optional for Constructive edits.\n\n"
    "Skip the bar question for edge-on galaxies.\n\n"
    "## Fields\n\n"
    "If the observer has crossed out a tally and written a new one beside it, enter the new tally in TALLY and copy "
    "the crossed-out tally into the comment field.\n\n"
    "In the Notes field, write the driver's full name as it appears on the licence.\n\n"
    "If the crate tag on the lid is legible, type it into the Crate ID field.\n\n"
    "Type the plate number into the Plate field.\n\n"
    "For RETURN messages, the Topic box must name the product code.\n",
    "rallies/faq.md": "# Questions\n\n## Timing\n\n"
    "No cue is exempt from the minimum duration, and that includes forced cues and song cues.\n\n"
    "Long rallies are fine, as long as each clip stays at one minute or less.\n\n"
    "## Comments\n\n"
    "A comment is mandatory on every task, including tasks you score 5.\n\n"
    "Every submission needs a rationale, Constructive labels included.\n\n"
    "Answer the spiral question for every galaxy, edge-on disks included.\n\n"
    "## Fields\n\n"
    "Crossed-out tallies must never be typed into any field, the comment field included.\n\n"
    "Personal names of drivers, passengers, or anyone else in the photo must never be typed into the Notes field.\n\n"
    "Do not transcribe crate tags into any field; crate IDs come from the manifest.\n\n"
    "The Topic box takes a short category word only; never enter a product code there.\n",
}

found = contradictions_fixture(DECKS, "round48_included_and_contents")


def test_a_part_left_out_in_a_case_that_another_rule_includes(found):
    assert _pairs(found, "Forced cues are exempt", "No cue is exempt") == ["CON016"]
    assert _pairs(found, "Comments box empty", "mandatory on every task") == ["CON016"]
    assert _pairs(found, "optional for Constructive", "Constructive labels included") == ["CON016"]


def test_two_parts_of_one_kind_are_not_one_part(found):
    assert _pairs(found, "bar question", "spiral question") == []


def test_field_contents_read_in_more_forms(found):
    assert _pairs(found, "copy the crossed-out tally", "Crossed-out tallies must never") == ["CON018"]
    assert _pairs(found, "driver's full name", "Personal names of drivers") == ["CON018"]
    assert _pairs(found, "crate tag on the lid", "Do not transcribe crate tags") == ["CON018"]
    assert _pairs(found, "plate number", "Do not transcribe crate tags") == []
    assert _pairs(found, "must name the product code", "never enter a product code there") == ["CON018"]


def test_a_number_in_a_proviso_is_a_limit(found):
    assert _pairs(found, "maximum length for any single clip", "as long as each clip stays") == ["CON004"]
