"""CON006 reads a case one label's definition lists as a member that another rule gives another label of the same
definition list ("Moored: tied to a quay, pier, mooring buoy or another vessel" / "A ship riding on a mooring buoy
is Anchored").

The labels of one list are one choice: giving a case one of them takes it out of the others. Blind decks planted
such pairs as label definitions stated two ways, and none was found. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "parcels/guide.md": "# Tracking parcel scans\n\n## Parcel state\n\n"
    "Set the State field of every parcel to Pending, Complete, Bounced or Missing.\n\n"
    "- Pending: kept at the depot, a locker, a partner shop or a neighbour's house.\n"
    "- Complete: handed to the addressee or left in a safe place they chose.\n"
    "- Bounced: sent back to the sender after three failed attempts.\n"
    "- Missing: no scan shows it at the depot, a parcel locker or a delivery van.\n\n"
    "## Questions from the pilot\n\n"
    "A parcel left at a partner shop is Complete.\n\n"
    "A parcel kept at the depot overnight is Pending.\n\n"
    "A parcel handed to a partner courier is Bounced.\n\n"
    "A parcel that sits in a delivery van for two days is Pending.\n\n"
    "A parcel left at a neighbour's house is Complete, even though the neighbour still holds it.\n",
}

found = contradictions_fixture(DECKS, "round47_label_lists")


def test_a_listed_member_given_another_label_of_the_list_is_reported(found):
    assert _pairs(found, "partner shop or a neighbour", "left at a partner shop") == ["CON006"]


def test_the_same_label_or_an_unlisted_case_is_not(found):
    assert _pairs(found, "partner shop or a neighbour", "kept at the depot overnight") == []
    assert _pairs(found, "partner shop or a neighbour", "partner courier") == []


def test_a_description_that_denies_its_list_lists_no_member(found):
    assert _pairs(found, "no scan shows it", "delivery van for two days") == []


def test_a_rule_that_concedes_the_overlap_settles_it(found):
    assert _pairs(found, "partner shop or a neighbour", "even though the neighbour") == []
