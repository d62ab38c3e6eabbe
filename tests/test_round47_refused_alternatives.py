"""CON005 reads a rule that picks one option over another in words ("from the left-hand gauge, not the right-hand
gauge") against a rule that picks the refused one ("Use the right-hand gauge").

Blind decks planted such silent reversals in their FAQs ("Take the weather fields from the start-of-count box, not the
end-of-count box" / "A: Use the end-of-count weather box"), and none was found: the pick is not a choice between
two things that disagree, so the choice reader did not see it. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "tanks/guide.md": "# Logging tank inspections\n\n## Readings\n\n"
    "Read the fill level from the left-hand gauge, not the right-hand gauge.\n\n"
    "Log the temperature against the sensor on the lid, not against the sensor at the base.\n\n"
    "## Leaving the site\n\n"
    "Use the right-hand door to leave the depot.\n",
    "tanks/faq.md": "# Questions from inspectors\n\n## Gauges\n\n"
    "A: Use the right-hand gauge for the fill level; the left-hand one lags behind.\n\n"
    "If the left-hand gauge is broken, read the fill level from the right-hand gauge.\n\n"
    "## Temperature\n\n"
    "Always log the temperature against the sensor on the lid.\n",
}

found = contradictions_fixture(DECKS, "round47_refused_alternatives")


def test_a_rule_that_picks_the_refused_option_is_reported(found):
    assert _pairs(found, "not the right-hand gauge", "Use the right-hand gauge") == ["CON005"]


def test_a_pick_for_a_narrower_case_is_not_a_conflict(found):
    assert "CON005" not in _pairs(found, "not the right-hand gauge", "gauge is broken")


def test_restating_the_pick_or_naming_the_option_elsewhere_is_not(found):
    assert _pairs(found, "not against the sensor at the base", "Always log the temperature") == []
    assert _pairs(found, "not the right-hand gauge", "right-hand door") == []
