"""A thing one rule puts into a field and another keeps out of it: CON018, its own check since round 45.

The two readings (``relations/field_contents.py``, ``relations/verbatim.py``) were part of opt-in CON001. Their
findings were judged real 19 times in 19 on the blind held-out splits, found 47 planted contradictions and nothing
outside the keys on the dev splits, and never fire on the real decks, while CON001's other readings stay below the
bar. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "kennel/guide.md": "# Logging kennel intake calls\n\n"
    "## Notes\n\n"
    "Your intake note must give the dog's microchip number.\n\n"
    "Quote the exact words the caller used about the bite in the Incident comment.\n\n"
    "## Tags\n\n"
    "Tag every call with the breed the caller names.\n",
    "kennel/faq.md": "# Questions from the desk\n\n"
    "## Privacy\n\n"
    "Keep microchip numbers out of the intake note; the registry links them for us.\n\n"
    "## Comments\n\n"
    "Never copy text from the call transcript into the Incident comment.\n\n"
    "## Breeds\n\n"
    "Keep the caller's phone number out of the intake note.\n",
}
found = contradictions_fixture(DECK, "round45_field_contents")


def test_a_thing_put_into_a_field_and_kept_out_of_it_is_reported(found):
    assert _pairs(found, "must give the dog's microchip number", "Keep microchip numbers out") == ["CON018"]


def test_a_copy_required_and_forbidden_is_reported(found):
    assert _pairs(found, "Quote the exact words the caller used", "Never copy text") == ["CON018"]


def test_another_thing_kept_out_of_the_field_is_no_conflict(found):
    assert _pairs(found, "must give the dog's microchip number", "phone number out") == []


def test_the_check_is_registered_and_on_by_default(cli):
    listed = cli("checks").output
    row = next(line for line in listed.splitlines() if line.startswith("CON018"))
    assert "field-content-conflict" in row and " on " in row
