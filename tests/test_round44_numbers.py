"""Two values for one named limit of one thing (CON004), round 44: "Do not open a ticket shorter than 20 words" against
"The minimum ticket length is 35 words". The named limit takes the words of the thing it measures ("minimum ticket
length"), so the two rules share no other word to say they are about one thing; the thing measured, right before
the number or inside the named limit, says it. Limits of different things, limits that no value meets both
(the disjoint reading, which needs its own evidence of one topic), and a due time against a cap on working time
("due within 48 hours" / "The time cap is three hours per ticket") are no such pair. Every sentence here was written
for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "tickets/guide.md": "# Opening tickets\n\n"
    "Do not open a ticket shorter than 20 words; a note that brief goes in the shift log.\n\n"
    "Do not send a reply shorter than 10 words; a reply that brief reads as rude.\n\n"
    "Standard tickets are due within 48 hours of the time you open them.\n\n"
    "The time cap is three hours per ticket, and you need no approval within that cap.\n",
    "tickets/faq.md": "# Questions from the desk\n\n"
    "The minimum ticket length is 35 words; anything shorter stays in the shift log, even if it names a customer.\n\n"
    "The minimum summary length is 60 words; anything shorter is sent back.\n\n"
    "The hard limit per ticket is 90 minutes of working time.\n",
}
found = contradictions_fixture(DECK, "round44_numbers")


def test_two_minimums_of_one_thing_clash(found):
    assert _pairs(found, "ticket shorter than 20 words", "minimum ticket length is 35 words") == ["CON004"]


def test_minimums_of_two_things_do_not(found):
    assert _pairs(found, "reply shorter than 10 words", "minimum summary length is 60 words") == []
    assert _pairs(found, "ticket shorter than 20 words", "minimum summary length is 60 words") == []


def test_two_caps_on_the_time_per_ticket_clash(found):
    assert _pairs(found, "time cap is three hours per ticket", "hard limit per ticket is 90 minutes") == [
        "CON004"
    ]


def test_a_due_time_and_a_cap_on_working_time_are_two_limits(found):
    assert _pairs(found, "due within 48 hours", "time cap is three hours") == []
    assert _pairs(found, "due within 48 hours", "hard limit per ticket is 90 minutes") == []
