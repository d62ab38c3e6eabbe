"""Sentences that look like conflicting rules and are not (round 16, read from the false findings of held-out16
after it was scored once): an item waiting for someone else ("escalated tickets that sit unanswered for two days go
back to the queue") runs another clock than the rater's own hold of an item; the "out" of "point out" is no
exclusion; the ends of a scale ("three scores from 1 to 5") are no score a rule gives. Each has a positive control.
Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.output_content import output_topics
from guidecheck.rules.item_times import read_item_time


def test_an_item_waiting_for_someone_else_is_no_hold_of_the_rater():
    assert (
        read_item_time("Escalated tickets that sit unanswered for three days go back to the queue.") is None
    )
    assert (
        read_item_time(
            "If a reviewer has not answered an escalation within 72 hours, the ticket is returned "
            "automatically."
        )
        is None
    )
    held = read_item_time("A ticket goes back to the queue 20 minutes after you open it.")
    assert held is not None and held.seconds == 1200


def test_the_ends_of_a_scale_are_no_score_a_rule_gives():
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    def score(text: str):
        return build_claim(Rule("R1", text, Location("deck/guide.md"), labels=["5"])).score

    assert score("Every answer gets two scores from 1 to 5: Accuracy and Tone.") is None
    assert score("An answer with a wrong refund window gets a 5 only if it apologises.") is not None


def test_the_out_of_point_out_is_no_exclusion():
    assert output_topics("Reviewers can leave comments on any ticket to point out typos.", "+") == ()
    topics = output_topics("Leave the customer's address out.", "+")
    assert [t.text for t in topics if t.polarity == "-"] == ["the customer's address"]


DECKS = {
    "tickets/guide.md": "# Time\n\nA ticket goes back to the queue 20 minutes after you open it.\n\n# Escalation\n\n"
    "Escalated tickets that sit unanswered for three days go back to the queue.\n",
    "tickets2/guide.md": "# Time\n\nA ticket goes back to the queue 20 minutes after you open it.\n\n# FAQ\n\n"
    "Tickets are released back to the queue an hour after you open them.\n",
}
found = contradictions_fixture(DECKS, "heldout16")


@pytest.mark.slow
@pytest.mark.parametrize(
    "a,b,checks",
    [
        ("20 minutes after you open it", "sit unanswered for three days", []),
        ("20 minutes after you open it", "an hour after you open them", ["CON004"]),  # one hold, two values
    ],
)
def test_deck_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks
