"""Held-out49's default-set false findings, read by form after its score (round 49's second look).

A reserved act that sets its object to a value ("Only leads can set a photo to BLOCKED") is that act, not any act on
the same thing: "set the DARK flag" on a photo, or a "qualification set" of photos, is not given to everyone (CON011);
an act that names the value is ("Any annotator can set a photo to BLOCKED ...").

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "lenses/guide.md": "# Lens photo review\n\n## Roles\n\n"
    "Only leads can set a photo to BLOCKED.\n\n"
    "## Scope\n\n"
    "Photos taken at night are out of scope: set the DARK flag on the photo and move on to the next one.\n\n"
    "Finish the 12-photo practice set with at least 90% agreement before you get live photos.\n",
    "lenses/faq.md": "# Questions\n\n"
    "Any annotator can set a photo to BLOCKED when a finger covers the lens.\n",
}

found = contradictions_fixture(DECKS, "round49_second_look")


def test_an_act_on_the_same_thing_with_another_value_is_not_the_reserved_act(found):
    assert _pairs(found, "Only leads can set a photo to BLOCKED", "DARK flag") == []
    assert _pairs(found, "Only leads can set a photo to BLOCKED", "practice set") == []


def test_the_reserved_value_given_to_everyone_is_still_reported(found):
    assert _pairs(found, "Only leads can set a photo to BLOCKED", "Any annotator can set") == ["CON011"]
