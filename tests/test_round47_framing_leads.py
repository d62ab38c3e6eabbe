"""A lead-in that frames its list as the rules of the reader's own act ("When you place boundaries, follow these
rules:") names the task, not a case of it: its items inherit no condition, so a limit among them that another page
states with another value is a conflict, not a narrower rule.

Round 46 noticed a real CON004 (at least 5 seconds / at least 0.2 minutes) explained away as a narrower case by such
a lead-in. A lead-in that names a case the reader meets ("When you are unsure", "When the recording is silent")
still scopes its items. Every sentence here was written for this test.
"""

from __future__ import annotations

import json

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "segments/guide.md": "# Segmenting workout videos\n\n## Marking segments\n\n"
    "When you mark segments, follow these rules:\n\n"
    "- A segment must be at least 4 seconds long.\n"
    "- Start each segment on the first frame of the movement.\n\n"
    "## Silent recordings\n\n"
    "When the recording is silent, follow these rules:\n\n"
    "- A pause must be at least 2 seconds long.\n",
    "segments/faq.md": "# Questions\n\n## Length\n\n"
    "The minimum segment length is 0.1 minutes.\n\n"
    "The minimum pause length is 0.05 minutes.\n",
}

found = contradictions_fixture(DECKS, "round47_framing_leads")


def test_a_limit_under_a_framing_lead_in_conflicts_with_another_value(found):
    assert _pairs(found, "at least 4 seconds", "0.1 minutes") == ["CON004"]


def test_a_lead_in_that_names_a_case_still_scopes_its_items(found):
    assert "CON004" not in _pairs(found, "at least 2 seconds", "0.05 minutes")


def test_the_framing_lead_in_is_no_condition_of_its_items(cli, write):
    deck = write("g/guide.md", DECKS["segments/guide.md"])
    rules = {r["text"]: r["conditions"] for r in map(json.loads, cli("rules", str(deck)).stdout.splitlines())}
    assert rules["A segment must be at least 4 seconds long."] == []
    assert rules["A pause must be at least 2 seconds long."] == [
        "when the recording is silent, follow these rules"
    ]
