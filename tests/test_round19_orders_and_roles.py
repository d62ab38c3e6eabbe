"""Orders and reserved acts, round 19. "Set the region tag before you take any other action on the page" puts one
step before every other: a rule that puts a step before it ("Decide whether to skip a page before you set its region
tag") reverses it (CON013); a step put after it does not, and neither do "before anything else" or a chain's "then
everything else", which rank what the rule is about. Correcting a submitted score is changing it: "Only team leads
may change a score after the page has been submitted" against "correct the score yourself from your History tab"
(CON011); "if the score is correct" (an adjective) and "so that an admin can correct it" (another party) give the
reader nothing. Every sentence here was written for this test; the look-alikes must stay quiet."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.reservations import verbs_of
from guidecheck.checks.common.relations.sequence import orders

DECKS = {
    "order/guide.md": "# Workflow\n\nSet the region tag before you take any other action on the page.\n\n"
    "Read the whole page before you draw any boxes.\n",
    "order/faq.md": "# FAQ\n\n## Skips\n\nDecide whether to skip a page before you set its region tag.\n",
    "rank/guide.md": "# Order\n\nIn urgent batches, work in this order: torn pages first, then stamped pages, then "
    "everything else.\n\nPick the language before anything else.\n",
    "rank/faq.md": "# FAQ\n\nOnce every sheet in the batch is tagged, go back and check the stamped pages.\n\n"
    "Read the header before you pick the language.\n",
    "roles/guide.md": "# Who does what\n\nOnly team leads may change a score after the page has been submitted.\n",
    "roles/faq.md": "# FAQ\n\n## I made a mistake\n\nIf you notice a wrong score after submitting, correct the "
    "score yourself from your History tab within a day.\n",
    "admin/guide.md": "# Who does what\n\nOnly team leads may change a score after the page has been submitted.\n",
    "admin/faq.md": "# FAQ\n\n## Scores\n\nIf the printed score is correct, leave the score as it is and tick "
    "Checked.\n\nIf a printed score looks wrong, leave a comment so that an admin can correct the score.\n",
}

found = contradictions_fixture(DECKS, "round19_orders")


@pytest.mark.slow
def test_a_step_put_before_every_other_against_a_step_put_before_it(found):
    assert _pairs(found, "any other action", "Decide whether to skip") == ["CON013"]
    assert _pairs(found, "any other action", "Read the whole page") == []


@pytest.mark.slow
def test_anything_else_and_everything_else_are_no_every_other_action(found):
    assert _pairs(found, "then everything else", "go back and check") == []
    assert _pairs(found, "before anything else", "Read the header") == []


@pytest.mark.slow
def test_correcting_a_reserved_score_yourself_is_changing_it(found):
    assert _pairs(found, "Only team leads may change", "correct the score yourself") == ["CON011"]
    assert _pairs(found, "Only team leads may change", "printed score is correct") == []
    assert _pairs(found, "Only team leads may change", "an admin can correct") == []


def test_a_result_clause_is_no_part_of_a_step():
    (order,) = orders(
        "Draft the answer key first, then write the question around it so the numbers lead to that key."
    )
    assert order.earlier_text == "Draft the answer key" and "key" not in " ".join(order.later)


def test_every_other_step_is_read_as_later_than_the_first():
    (order,) = orders("Set the region tag before you take any other action on the page.")
    assert order.later_all and order.earlier_text == "Set the region tag"
    (order,) = orders("Read the whole page before you draw any boxes.")
    assert not order.later_all


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Correct the score yourself from your History tab.", True),
        ("Any reviewer may correct a score.", True),  # every reviewer: the reader too
        ("If the printed score is correct, tick Checked.", False),  # an adjective
        ("Leave a comment so that an admin can correct the score.", False),  # another party's act
    ],
)
def test_an_act_is_the_readers_unless_it_is_an_adjective_or_another_partys(text, named):
    assert ("chang" in verbs_of(text)) is named
