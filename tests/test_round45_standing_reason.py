"""A general rule whose reason holds in every case leaves no room for a narrower rule stated elsewhere.

"Leave the Grain field empty; the mill's scanner fills it in" and "Whenever the sack label is torn, type the grain
into the Grain field" looked like a rule and its narrower case (REL001, a scoped exception). The first rule's
reason holds for every sack, so the two conflict (CON017, on by default). A narrower rule that calls itself an exception, a reason
that names a case, and two rules stated together in one section stay a scoped exception. Limits: a value that
names which items a rule is about ("Sacks weighed in under 2 minutes are re-weighed") is no second value for a
named limit, and a time counted from an event ("within 36 hours of claiming it") is a deadline, not a cap on
working time. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "mill/guide.md": "# Logging grain sacks\n\n"
    "## Fields\n\n"
    "Leave the Grain field empty; the mill's scanner fills it in from the barcode.\n\n"
    "Never write in the Moisture box yourself, since readings are copied from the probe log.\n\n"
    "Do not photograph the sack seal; the seal photo is only used for export sacks.\n",
    "mill/faq.md": "# Questions from the floor\n\n"
    "## Torn labels\n\n"
    "Whenever the sack label is torn, type the grain into the Grain field.\n\n"
    "## Wet sacks\n\n"
    "The one exception: if a sack feels damp, write the moisture you measured in the Moisture box.\n\n"
    "## Export\n\n"
    "When a sack is marked for export, photograph the sack seal.\n",
}
found = contradictions_fixture(DECK, "round45_standing_reason")


def test_a_reason_that_holds_in_every_case_makes_the_narrower_rule_a_conflict(found):
    assert _pairs(found, "Leave the Grain field empty", "sack label is torn") == ["CON017"]


def test_a_narrower_rule_that_says_it_is_an_exception_stays_one(found):
    assert _pairs(found, "Moisture box yourself", "if a sack feels damp") == []


def test_a_reason_that_names_a_case_scopes_the_rule(found):
    assert _pairs(found, "Do not photograph the sack seal", "marked for export") == []


def test_the_check_is_registered_and_on_by_default(cli):
    listed = cli("checks").output
    row = next(line for line in listed.splitlines() if line.startswith("CON017"))
    assert "narrower-rule-against-reason" in row and " on " in row
