"""One written value entered in two forms (CON015, ``relations/entry_forms.py``): a convention shown by example
and reversed by example elsewhere ("a unit number of 04 is entered as 04" against "enter 04 as 4"; "Blvd stays
Blvd" against "Blvd becomes Boulevard"). Transcribers who read the FAQ key one form, those who read the guide the
other.

Two values (a range's two ends), a form shown to avoid ("never enter 04 as 0004"), two named fields, and the
same form twice are no conflict. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture, guide_and_faq_claims
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.entry_forms import entry_form_relations

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "meters/guide.md": "# Keying meter cards\n\n"
    "Keep the zeros a technician writes: a unit number of 04 is entered as 04.\n\n"
    "Copy street types as the card shows them, so Blvd stays Blvd.\n\n"
    "Readings are keyed in kilowatt hours, so a card showing '1,204 kWh' becomes 1204.\n",
    "meters/faq.md": "# Questions from the first week\n\n"
    "A: Zeros at the front of a unit number mean nothing to the billing system, so enter 04 as 4.\n\n"
    "A: Spell street types out: Blvd becomes Boulevard and Rd becomes Road.\n\n"
    "A: Yes, drop the comma and the unit: '1,204 kWh' is entered as 1204.\n",
}
found = contradictions_fixture(DECK, "round44_entry_forms")


def test_a_value_kept_and_stripped_clashes(found):
    assert "CON015" in _pairs(found, "a unit number of 04 is entered as 04", "enter 04 as 4")


def test_an_abbreviation_kept_and_spelled_out_clashes(found):
    assert "CON015" in _pairs(found, "so Blvd stays Blvd", "Blvd becomes Boulevard")


def test_the_same_form_twice_is_no_conflict(found):
    assert _pairs(found, "becomes 1204", "is entered as 1204") == []


def _clash(guide: str, faq: str) -> bool:
    return bool(entry_form_relations(guide_and_faq_claims(guide, faq)))


def test_the_reader_names_the_value_and_both_forms():
    (rel,) = entry_form_relations(
        guide_and_faq_claims("Dates such as 3/4 are entered as 03/04.", "Key 3/4 as 2024-04-03.")
    )
    assert rel.code == "CON015"
    assert "enters “3/4” as “03/04”" in rel.explanation and "as “2024-04-03”" in rel.explanation


@pytest.mark.parametrize(
    "guide, faq",
    [
        # two values: the ends of two ranges
        (
            "Years from 00 to 30 are entered as 20xx, so 23 becomes 2023.",
            "Years from 31 to 99 are entered as 19xx, so 98 becomes 1998.",
        ),
        # a form shown to avoid
        ("A unit number of 04 is entered as 04.", "A common mistake is to enter 04 as 4."),
        ("A unit number of 04 is entered as 04.", "Never enter 04 as 0004."),
        # two named fields take two forms of one value
        ("In the Raw Unit field, 04 is entered as 04.", "In the Billing Unit field, 04 is entered as 4."),
        # words that are no values
        ("This becomes Pending once the lead signs off.", "This becomes Closed after payment."),
    ],
)
def test_look_alikes_are_no_conflict(guide, faq):
    assert not _clash(guide, faq)


def test_an_update_that_replaces_the_form_is_reported_as_an_override():
    (rel,) = entry_form_relations(
        guide_and_faq_claims(
            "A unit number of 04 is entered as 04.",
            "Update (May 2024): 04 is now entered as 4; this replaces the rule in section 2 of the guide.",
        )
    )
    assert rel.code == "REL002"
