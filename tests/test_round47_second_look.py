"""Three default-set readings that held-out47's blind judge called wrong, each fixed in its general form.

- CON014 (work scope): "Do not label a point as coral just because a recruit is nearby" keeps no class of points out
  of the work: the act gives a label, so it scopes the label.
- CON016 (refused exception): a "because" after a comma gives the rule's own reason ("Reset the contrast slider before
  you submit each task, because the reviewer sees ..."), not a case it refuses; the pattern meant this and read the
  comma one character too close.
- CON016 again: with the reason read right, two cases it had found only through that misreading are read for what
  they are: a case named by the label it gives ("when a story is a Hard Reject") and a case conceded by "even" and
  an article ("even one you are about to mark Unusable").
- CON004 (numbers): a notice given ahead of an event ("Cancel a booked shift at least 24 hours before it starts") is
  when something is due, not the length of the thing ("the minimum shift is two hours").

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "shelves/guide.md": "# Tagging shelf photos\n\n## Tagging\n\n"
    "Tag the bottles on every shelf photo.\n\n"
    "Bottles on the top shelf are tagged like any other bottle.\n\n"
    "## Submitting\n\n"
    "Reset the zoom slider before you submit each task, because the reviewer sees the photo with whatever zoom you "
    "left.\n\n"
    "## Shifts\n\n"
    "The minimum shift is three hours.\n\n"
    "## Checks\n\n"
    "You may skip the glare check when you have marked the photo Unreadable.\n\n"
    "When a shelf is a Hard Fail, you may skip the price score.\n",
    "shelves/faq.md": "# Questions\n\n## Tagging\n\n"
    "Do not tag a bottle as cracked just because the glass reflects the flash.\n\n"
    "Do not tag bottles on the top shelf.\n\n"
    "## Skips\n\n"
    "Skip the task with DUP whenever a second copy of the photo appears in the batch.\n\n"
    "## Shifts\n\n"
    "Cancel a booked shift at least 12 hours before it starts.\n\n"
    "Shifts must last at least four hours.\n\n"
    "## Checks\n\n"
    "Run the glare check on every photo, even one you are about to mark Unreadable.\n\n"
    "Even when a shelf is a Hard Fail, never leave the price score blank.\n\n"
    "Never skip a shelf photo just because it is dull or hard to read.\n",
}

found = contradictions_fixture(DECKS, "round47_second_look")


def test_a_ban_on_giving_a_label_keeps_nothing_out_of_the_work(found):
    assert "CON014" not in _pairs(found, "Tag the bottles on every shelf photo", "as cracked")
    assert _pairs(found, "top shelf are tagged", "Do not tag bottles on the top shelf") == ["CON014"]


def test_a_reason_after_a_comma_refuses_no_case(found):
    assert _pairs(found, "zoom slider", "DUP") == []


def test_a_refused_case_named_by_its_label_or_after_even_is_still_read(found):
    # the label a case gives ("is a Hard Fail", "marked ... Unreadable") is the case, not a name both rules share;
    # "even one you are about to mark Unreadable" concedes the case as "even when" does
    assert _pairs(found, "skip the glare check", "even one you are about to mark") == ["CON016"]
    assert _pairs(found, "skip the price score", "never leave the price score blank") == ["CON016"]
    # a label's word written as a plain word ("hard to read") is not the label ("a Hard Fail")
    assert "CON016" not in _pairs(found, "hard to read", "skip the price score")


def test_a_notice_before_an_event_is_no_length(found):
    assert _pairs(found, "minimum shift is three hours", "12 hours before it starts") == []
    assert _pairs(found, "minimum shift is three hours", "at least four hours") == ["CON004"]
