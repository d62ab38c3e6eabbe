"""Orders of steps (CON013) a rater does not take: blind judges called CON013 wrong where the "order" was that of a
label's case in a table of codes ("EB | Ebbing: the sample was taken after high tide and before low tide"), of what a
consequence clause names ("..., so your tags decide which clips they watch first") or of the words inside a written
thing ("Begin the Comment with the exact words ..."). A reversed order of two steps is still reported. Every sentence
here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "samples/guide.md": (
        "# Coding river samples\n"
        "\n"
        "## Codes\n"
        "\n"
        "| Code | Meaning |\n"
        "|---|---|\n"
        "| EB | Ebbing: the sample was taken after high tide and before low tide. |\n"
        "| FL | Flooding: the sample was taken after low tide and before high tide. |\n"
        "\n"
        "## Why your tags matter\n"
        "\n"
        "Reviewers cannot open every clip, so your tags decide which clips they watch first.\n"
        "\n"
        "## Procedure\n"
        "\n"
        "Always reset the zoom before you submit a clip.\n"
        "\n"
        "Begin the Comment with the exact words from the transcript that decided the label.\n"
        "\n"
        "Tag the sentiment before you pick the label.\n"
        "\n"
        "Check that the pin has turned green before you move to the next site.\n"
        "\n"
        "Visit every site on the route, nearest site first.\n"
        "\n"
        "## Scoring\n"
        "\n"
        "Score the tone first, then the accuracy.\n"
        "\n"
        "## Questions\n"
        "\n"
        "Q: Which dimension do I rate first?\n"
        "\n"
        "Always rate accuracy before you rate tone.\n"
    ),
}

found = contradictions_fixture(DECKS, "round46_sequence")


def test_a_table_row_that_defines_a_code_orders_no_steps(found):
    assert _pairs(found, "Ebbing", "Flooding") == []


def test_first_in_a_consequence_clause_is_no_step(found):
    assert _pairs(found, "watch first", "reset the zoom") == []


def test_how_a_comment_begins_is_no_step_of_the_work(found):
    assert _pairs(found, "Begin the Comment", "Tag the sentiment") == []


def test_two_steps_in_opposite_orders_are_still_reported(found):
    assert _pairs(found, "Score the tone first", "rate accuracy before") == ["CON013"]


def test_a_purpose_after_first_is_no_step():
    from test_output_conflicts_cli import guide_and_faq_claims

    from guidecheck.checks.common.relations.sequence import orders, sequence_conflict

    guide = "Read the claim form and the receipt, and decide what you would fix before you look at the model's answer."
    faq = "Open the model's answer first so you know what it changed, then read the original receipt."
    (order,) = orders(faq)
    assert order.earlier_text == "Open the model's answer"
    assert sequence_conflict(*guide_and_faq_claims(guide, faq)) is not None
