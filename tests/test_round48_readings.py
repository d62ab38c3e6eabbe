"""Readings of forms the blind decks plant and no reader saw, each in its general form.

- CON001 (comment duty): a ban on the comments themselves by any verb of writing one, perhaps naming their kind
  ("Annotators should not enter box comments"), waives a comment another rule requires; a ban on one way of writing
  them ("Don't add long comments") does not.
- CON001 (blank field): where a named field sits is not its name ("the Site field of the header" is the Site field),
  and a parenthesis on the way to the field is passed over.
- CON001 (outside research): a map service is a kind of outside source ("open a map service" / "mapping or
  street-level imagery services"); a deck's own mapping tool is not.
- CON011 (restriction): a permission given to "a reviewer" is given to any reviewer ("Yes, a reviewer can delete
  ..."), and "overwrite" is a way of changing.
- CON004 (pay): an item paid again (or "as a separate item") against one not paid a second time; a case a pay
  term names as included ("..., including clips that later fail review"); a subject of alternatives ("Skipped or
  released clips") holds for each.
- CON016 (refused exception): an act named as a thing by one rule ("skip escalation") and done by the other ("must
  always be escalated"); an omission refused in the passive with its thing as the subject ("Blurring is never
  skipped: even when ...").

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "storefronts/guide.md": "# Storefront photo review\n\n## Boxes\n\n"
    "Every box you mark OCCLUDED must carry a short comment saying what hides it.\n\n"
    "Draw one box per storefront sign.\n\n"
    "## Header\n\n"
    "Before drawing anything, type the site code from the file name (for example, NW-12) into the Site field of the "
    "header.\n\n"
    "## Checking places\n\n"
    "When a listing names a street, you must open a map service and check that the storefront matches it.\n\n"
    "Use the mapping tool to drop a pin on every storefront.\n\n"
    "## Roles\n\n"
    "Only leads can delete a photo from the dataset.\n\n"
    "Only leads can change a verdict after it has been submitted.\n\n"
    "## Escalation\n\n"
    "You may skip escalation for a Missing sign when the store status is Retired.\n\n"
    "You may skip the blur boxes when you flag a photo BROKEN, because broken photos are never published.\n\n"
    "## Pay\n\n"
    "A photo sent back by a reviewer is not paid a second time; it is paid once, when it is accepted.\n\n"
    "Clips that fail review are not paid.\n\n"
    "Skipped or released clips are not paid.\n",
    "storefronts/faq.md": "# Questions\n\n## Comments\n\n"
    "Annotators should not enter box comments; the comment field belongs to reviewers.\n\n"
    "Do not add long comments to signs.\n\n"
    "## Header\n\n"
    "Leave the Site field blank; the tool fills it in from the file name.\n\n"
    "## Places\n\n"
    "Annotators should not use mapping or street-level imagery services while labelling.\n\n"
    "## Roles\n\n"
    "Yes, a reviewer can delete a blurry photo from the dataset without asking anyone.\n\n"
    "Reviewers can overwrite a rater's submitted verdict from the review screen.\n\n"
    "## Escalation\n\n"
    "Even when the store status is Retired, a Missing sign must always be escalated.\n\n"
    "Blurring is never skipped: even when you flag a photo BROKEN, blur every face before you submit.\n\n"
    "## Pay\n\n"
    "Yes, returned photos you fix are paid again at the full rate.\n\n"
    "Every submitted clip in the live queue is paid at the standard rate, including clips that later fail review.\n\n"
    "Skipped clips that carry a valid reason code are paid at half the base rate.\n",
}

found = contradictions_fixture(DECKS, "round48_readings")


def test_a_ban_on_comments_by_any_verb_waives_a_required_comment(found):
    assert _pairs(found, "must carry a short comment", "should not enter box comments") == ["CON001"]
    assert _pairs(found, "must carry a short comment", "long comments") == []


def test_a_field_named_with_its_place_is_the_field_left_blank(found):
    assert _pairs(found, "Site field of the header", "Leave the Site field blank") == ["CON001"]


def test_a_map_service_is_an_outside_source(found):
    assert _pairs(found, "open a map service", "street-level imagery") == ["CON001"]
    assert _pairs(found, "drop a pin", "street-level imagery") == []


def test_a_permission_given_to_a_reviewer_meets_a_reservation(found):
    assert _pairs(found, "Only leads can delete", "a reviewer can delete") == ["CON011"]
    assert _pairs(found, "Only leads can change a verdict", "overwrite") == ["CON011"]


def test_pay_for_one_case_read_in_more_forms(found):
    assert _pairs(found, "not paid a second time", "paid again") == ["CON004"]
    assert _pairs(found, "Clips that fail review are not paid", "including clips that later fail review") == [
        "CON004"
    ]
    assert _pairs(found, "Skipped or released clips", "valid reason code") == ["CON004"]


def test_an_exception_refused_by_the_act_or_its_passive_subject(found):
    assert _pairs(found, "skip escalation", "must always be escalated") == ["CON016"]
    assert _pairs(found, "skip the blur boxes", "Blurring is never skipped") == ["CON016"]
