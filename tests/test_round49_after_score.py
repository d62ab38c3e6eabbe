"""Forms read after held-out49's score, from the planted pairs it missed (general forms, not its sentences).

- Pay (CON004): an item paid "at the same rate as any other" or "the standard rate and nothing more", or that
  "carries no extra payment" (also after an answer's "No,"), against one that "earns a bonus of EUR 0.50 on top";
  a bonus's amount is read when the word "bonus" comes before it ("a bonus of $0.40").
- Field contents (CON018): "Do not type anything into the X field" keeps every thing out of the field; a thing's
  name is the thing ("street names" / "the nearest cross street").

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "kiosks/guide.md": "# Kiosk photo audit\n\n## Steps\n\n"
    "Type the kiosk's serial number into the Asset field before you rate the screen.\n\n"
    "For every damaged kiosk, type the nearest cross street into the comment so the repair crew can find it.\n\n"
    "## Pay\n\n"
    "Flagged kiosks are paid at the same per-photo rate as any other photo.\n\n"
    "Duplicate reports carry no extra payment; they are covered by the per-photo rate.\n\n"
    "A confirmed vandalism flag earns a bonus of $0.40.\n",
    "kiosks/faq.md": "# Questions\n\n"
    "Do not type anything into the Asset field; the tool fills it from the QR code.\n\n"
    "Never put street names or landmarks in a comment; the location comes from the GPS tag.\n\n"
    "Each flagged kiosk earns a bonus of EUR 0.30 on top of the per-photo rate.\n\n"
    "Each duplicate report earns a $0.20 bonus on top of the per-photo rate.\n\n"
    "Confirmed vandalism flags are paid at $0.60 each on top of the per-photo rate.\n",
}

found = contradictions_fixture(DECKS, "round49_after_score")


def test_the_same_rate_or_no_extra_payment_against_a_bonus_on_top(found):
    assert _pairs(found, "same per-photo rate", "bonus of EUR 0.30") == ["CON004"]
    assert _pairs(found, "carry no extra payment", "$0.20 bonus") == ["CON004"]


def test_two_amounts_of_one_bonus(found):
    assert _pairs(found, "bonus of $0.40", "$0.60 each") == ["CON004"]


def test_anything_kept_out_of_a_field_meets_a_thing_put_in(found):
    assert _pairs(found, "serial number into the Asset field", "anything into the Asset field") == ["CON018"]


def test_a_thing_and_its_name(found):
    assert _pairs(found, "nearest cross street", "street names") == ["CON018"]
