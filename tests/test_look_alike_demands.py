"""Sentences that look like demands on the output or on the order of work and are not (round 13, read from the
false findings of held-out13 after it was scored once): a tone word that judges the item ("whether a post is
sarcastic") or is a field's value ("Sarcasm: Not sarcastic"); "starts" that is no place in the output ("false
starts", "where the conference starts"); "once" that counts times ("read it once from top to bottom"); a limit for
a named sub-case that the deck says replaces the general one; the dimension after "Rate" ("Rate Accuracy using
Section 3"). Each has a positive control that must still be reported. Every sentence here was written for this
test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.output_clash import output_conflict
from guidecheck.checks.common.relations.proposition import side_of
from guidecheck.checks.common.relations.sequence import orders
from guidecheck.model import Location, Rule


def _frame(text: str, kind: str):
    return side_of(build_claim(Rule("R1", text, Location("deck/guide.md"), kind=kind))).output


@pytest.mark.parametrize(
    "judged",
    [
        "A few raters asked whether Example 2 in the guide is really sarcastic.",
        "Decide whether a review is sarcastic before you choose its sentiment.",
        "Product: Kettle. Sentiment: Negative. Sarcasm: Not sarcastic. Confidence: 4.",
    ],
)
def test_a_tone_word_that_judges_the_item_or_is_a_field_value_is_no_tone_of_the_output(judged):
    ban = _frame("Never be sarcastic in the caption.", "prohibition")
    assert output_conflict(_frame(judged, "obligation"), ban) is None
    assert output_conflict(_frame("Write the caption in a sarcastic tone.", "obligation"), ban) is not None


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            'Keep false starts and stutters: "we, we went home."',
            "Type [recess] at the point where the break starts and [resume] where the hearing goes on.",
            False,
        ),
        ('Begin every summary with "Overview:".', 'Start each summary with "In short,".', True),
    ],
)
def test_a_word_starts_that_is_no_place_in_the_output(a, b, clash):
    assert (output_conflict(_frame(a, "obligation"), _frame(b, "obligation")) is not None) == clash


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            "Type the surname as you hear it and put [unclear] straight after it.",
            "Don't put [unclear] on a common word you half caught; write your best guess and add (?) after it.",
            False,
        ),
        (
            "Always put [unclear] on a word you are unsure of.",
            "Never put [unclear] on a word you are unsure of.",
            True,
        ),
    ],
)
def test_a_tag_banned_on_some_words_leaves_it_free_elsewhere(a, b, clash):
    """Round 14, from a held-out13 false finding read as dev: the words a tag is put on confine its ban."""
    kinds = ("prohibition" if t.startswith(("Don't", "Never")) else "obligation" for t in (a, b))
    fa, fb = (_frame(t, k) for t, k in zip((a, b), kinds, strict=True))
    assert (output_conflict(fa, fb) is not None) == clash


DECKS = {
    "cap/guide.md": "# Volume\n\nYou may review up to 500 clips a day.\n\n# New starters\n\nDuring your first five "
    "days on the project the cap is 150 clips a day, and that lower figure applies in place of the general one.\n",
    "cap2/guide.md": "# Volume\n\nYou may review up to 500 clips a day.\n\n# Limits\n\nThe cap is 150 clips a day.\n",
    "once/guide.md": "# Steps\n\nWork through every item in this order:\n\n1. Read the transcript once from start to "
    "finish without tagging anything.\n2. Tag the speakers.\n\n# Tips\n\nRead the whole transcript before you tag "
    "anything.\n",
    "dims/guide.md": "# Accuracy\n\nRate Accuracy using the rubric in Section 3.\n\n# Clarity\n\n"
    "Rate Clarity using the rubric in Section 4.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


@pytest.mark.slow
def test_a_limit_for_a_named_sub_case_that_replaces_the_general_one_is_no_second_value(found):
    assert _pairs(found, "up to 500 clips", "first five days") == []
    assert _pairs(found, "up to 500 clips", "cap is 150 clips a day") == ["CON004"]


@pytest.mark.slow
def test_once_that_counts_times_orders_no_steps(found):
    assert _pairs(found, "once from start to finish", "before you tag anything") == []
    assert orders("Read the transcript once from start to finish without tagging anything.") == ()
    (order,) = orders("Tag the speakers once the transcript has been read in full.")
    assert (order.earlier_text, order.later_text) == (
        "the transcript has been read in full",
        "Tag the speakers",
    )


@pytest.mark.slow
def test_the_name_after_rate_and_how_to_rate_it_is_the_dimension_not_a_label(found):
    assert _pairs(found, "Rate Accuracy", "Rate Clarity") == []
