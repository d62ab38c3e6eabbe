"""What one kind of item pays, stated twice (CON004 from ``relations/policy_limits.py``, read by
``rules/pay_terms.py``): the pay section and a FAQ answer that disagree about skips, or two rates for one flag.
A pay rule and the exception the deck states, two kinds of item, and one rate said twice are no conflict.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.pay_terms import read_pay_term


@pytest.mark.parametrize(
    "text, subject, share",
    [
        ("Skipped clips are not paid, no matter why you skipped them.", "Skipped clips", 0.0),
        ("Honestly: abandoned drafts earn nothing, so finish what you start.", "abandoned drafts", 0.0),
        (
            "Reviews you skip for a broken link are paid at the standard review rate.",
            "Reviews you skip for a broken link",
            1.0,
        ),
        ("Duplicate flags pay 40% of the normal rate.", "Duplicate flags", 0.4),
        ("Escalated tickets are paid at half the usual rate.", "Escalated tickets", 0.5),
        ("Yes - skips are paid at a flat 10 cents each.", "skips", None),
        (
            "A clip that fails review still gets paid; only your score changes.",
            "A clip that fails review",
            None,
        ),
        (
            "If the audio will not play, the clip is still paid at the base rate.",
            "If the audio will not play the clip",
            1.0,
        ),
    ],
)
def test_a_pay_statement_is_read_into_what_it_pays_for_and_its_share_of_the_base_rate(text, subject, share):
    term = read_pay_term(text)
    assert term is not None and (term.subject, term.share) == (subject, share)


def test_sentences_that_pay_nobody_are_not_pay_terms():
    assert read_pay_term("Every task is paid at the base rate.") is None  # names no kind of item
    assert read_pay_term("Pay attention to the speaker labels.") is None


DECKS = {
    "audit/guide.md": "# Pay\n\nTranscripts that are rejected at review are not paid.\n\n# FAQ\n\nA transcript that "
    "fails review still gets paid; only your score changes.\n",
    "skips/guide.md": "# Pay\n\nSkipped clips are not paid, no matter why you skipped them.\n\n"
    "Duplicate flags pay 40% of the normal rate.\n\nBonus clips are paid at double the base rate.\n",
    "skips/faq.md": "# Questions\n\n## Do skips pay?\n\nYes - clips you skip because the audio will not play are "
    "paid at the standard clip rate.\n\n## And duplicates?\n\nDuplicate flags are paid at the full rate, like "
    "any other clip.\n",
    "excepted/guide.md": "# Pay\n\nSkipped reviews are not paid.\n\nThe one exception: reviews you skip because "
    "the page will not load are paid at the base rate.\n\nPractice reviews are unpaid.\n\nLive reviews are paid "
    "at the standard rate.\n\nDraft reviews pay half the normal rate.\n\nDraft reviews are paid at 50% of the "
    "normal rate.\n\nReviews shorter than 200 words are paid $0.30 each.\n\nReviews of 200 words or more are "
    "paid $0.70 each.\n\nWrite at least 250 words in each review summary.\n",
}


@pytest.mark.slow
def test_two_answers_to_what_an_item_pays_conflict_and_their_look_alikes_do_not(tmp_path):
    found = deck_contradictions(tmp_path, DECKS)
    assert _pairs(found, "Skipped clips are not paid", "audio will not play") == ["CON004"]
    assert _pairs(found, "Duplicate flags pay 40%", "Duplicate flags are paid at the full rate") == ["CON004"]
    # "rejected at review" and "fails review" are one outcome
    assert _pairs(found, "rejected at review are not paid", "still gets paid") == ["CON004"]
    assert _pairs(found, "Bonus clips") == []  # another kind of clip
    assert _pairs(found, "Skipped reviews are not paid", "page will not load") == []  # the exception, stated
    assert _pairs(found, "Practice reviews", "Live reviews") == []
    assert _pairs(found, "Draft reviews pay half", "Draft reviews are paid at 50%") == []  # one rate, twice
    # a length that says which reviews a rate is for asks nothing of the output
    assert _pairs(found, "shorter than 200 words") == []
