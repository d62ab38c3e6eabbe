"""CON016 reads an act one rule asks for (or allows) in a case and another rule forbids with that case named as
included ("the Notes box included", "even when the caller asks for it", "including faces seen in mirrors").

On the blind decks such pairs were missed: the forbidding rule is about the act, the other about the case, so they
are seldom embedding neighbours, and the readers of a refused case looked only at omissions (skip, leave blank).
Every sentence here was written for this test.
"""

from __future__ import annotations

import json

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "calls/guide.md": "# Reviewing recorded support calls\n\n## Privacy\n\n"
    "Never type a caller's card number into any part of the review form, the Notes box included.\n\n"
    "Never read a caller's address back to the team channel, even when a supervisor asks for it.\n\n"
    "You must attach the call recording to every ticket you close, including tickets for test calls or spam calls.\n\n"
    "## Scoring\n\n"
    "Score the agent's greeting from 1 to 5.\n\n"
    "Type the order number into the Reference field.\n\n"
    "Never paste a chat transcript into the form, the Summary field included.\n\n"
    "Handwritten stamps on a parcel are never scanned, not even at the Returns desk.\n",
    "calls/faq.md": "# Questions from reviewers\n\n## Payments\n\n"
    "If the agent reads out the wrong card number, you must type the card number they read into the Notes box so "
    "that billing can trace the charge.\n\n"
    "When a supervisor asks for a caller's address, you must read the address back to the team channel.\n\n"
    "## Screenshots\n\n"
    "Do not attach the recording to a ticket for a test call; the test line deletes its recordings.\n\n"
    "## Other questions\n\n"
    "Type the agent's name into the Notes box when the call was transferred.\n\n"
    "Type the caller's reference into the Notes box before you close the ticket.\n\n"
    "At the Returns desk, you must scan the printed stamps on each parcel before you weigh it.\n",
}

found = contradictions_fixture(DECKS, "round47_included_acts")


def test_an_act_asked_for_in_a_place_the_ban_names_as_included_is_reported(found):
    assert _pairs(found, "the Notes box included", "wrong card number") == ["CON016"]


def test_an_act_asked_for_in_a_case_the_ban_concedes_is_reported(found):
    assert _pairs(found, "even when a supervisor asks", "When a supervisor asks") == ["CON016"]


def test_a_case_required_as_included_and_forbidden_elsewhere_is_reported(found):
    assert _pairs(found, "including tickets for test calls", "Do not attach") == ["CON016"]


def test_an_act_on_another_thing_or_in_another_place_is_not(found):
    assert _pairs(found, "the Notes box included", "agent's name") == []  # a name, not a card number
    assert _pairs(found, "the Notes box included", "caller's reference") == []
    assert _pairs(found, "the Summary field included", "order number") == []
    assert _pairs(found, "the Summary field included", "wrong card number") == []


def test_two_kinds_of_one_thing_are_not_one_act(found):
    # (the opt-in CON001 reads the pair as one act's two forces; that reading is not this one)
    assert "CON016" not in _pairs(found, "Handwritten stamps", "printed stamps")


def test_a_sentence_is_not_cut_at_an_equals_sign(cli, write):
    rules = "Always open each file you tag Risky = Yes in the viewer before you rate it."
    deck = write("form/guide.md", f"# Files\n\n{rules}\n")
    texts = [json.loads(line)["text"] for line in cli("rules", str(deck)).stdout.splitlines()]
    assert texts == [rules]
