"""Limits of the task's policy, round 18. A rater's quality bar: a bonus stated by the accuracy that earns it, a requirement on the rater's
accuracy with no sanction named ("must stay at or above 88%" against "you are in good standing above 85%"), a bar
named by a floor, a sanction only a person can get with no person word, a percent that is the bonus paid rather than
a bar, the period a measure is counted over, and a deck that gives one measure two names. The time one item may
be held: the least time before skipping ("don't reach for the TIME code before you've spent 360 seconds") against the
point to skip, a timer or "you have at most N minutes per item", "held for you for two full days", and "a second
annotator", which is no time. What an item pays: "earn no payment", "credited at half", "paid in full", "If a batch
is rejected, you still receive half the base rate", a subject with a parenthesis or an "including ..." aside, an
answer's "Yes, but". Every sentence here was written for this test; the look-alikes beside each reading
must stay quiet."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.pay_terms import read_pay_term
from guidecheck.rules.quality_bars import read_quality_bar, same_measures


@pytest.mark.parametrize(
    ("sentence", "bar", "safe_side", "sanctions", "periods"),
    [
        # a bonus names the side that is paid
        (
            "Reviewers whose monthly audit score reaches 96% earn the quality bonus.",
            0.96,
            True,
            {"bonus"},
            {"month"},
        ),
        # the amount of the bonus is no second threshold
        (
            "Raters at 93% gold accuracy or above receive a 5% quality bonus on that week's pay.",
            0.93,
            True,
            {"bonus"},
            set(),
        ),
        # probation is only ever a person's: no person word needed when the measure is named
        ("Probation starts when weekly gold agreement is below 0.7.", 0.7, False, {"review"}, {"week"}),
        # a requirement with no sanction named
        ("Your agreement with the gold clips must stay at or above 88%.", 0.88, False, {"standing"}, set()),
        (
            "As long as your audit accuracy stays above 80% you are in good standing.",
            0.8,
            True,
            {"standing"},
            set(),
        ),
        # a floor names the bar
        ("The suspension floor for your gold accuracy is 75 percent.", 0.75, False, {"pause"}, set()),
    ],
)
def test_round18_quality_bar_readings(sentence, bar, safe_side, sanctions, periods):
    read = read_quality_bar(sentence)
    assert read is not None
    assert (read.bar, read.safe_side, set(read.sanctions), set(read.periods)) == (
        bar,
        safe_side,
        sanctions,
        periods,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Each clip must contain at least 80% speech.",  # a share of the item, not the rater's accuracy
        "Items with gold agreement below 60% are removed from the dataset.",  # removal is not only a person's
        "A bonus of 10% on base pay is added for every completed batch.",  # an amount, no bar
        "Your gold accuracy is shown as a percent, for example 91%.",  # no requirement, no sanction
    ],
)
def test_round18_no_quality_bar(sentence):
    assert read_quality_bar(sentence) is None


def test_a_sentence_that_gives_a_measure_a_second_name_joins_the_two():
    names = same_measures(
        [
            "Your audit score is shown as Gold Agreement on the dashboard.",
            "Gold accuracy is reported every Monday.",
        ]
    )
    assert names.get("audit", "audit") == names.get("gold", "gold")
    assert same_measures(["Audit accuracy and gold accuracy are two different numbers."]) == {}


@pytest.mark.parametrize(
    ("sentence", "kind", "seconds", "floor"),
    [
        (
            "Never press the LONG code before you've worked on a transcript for 240 seconds.",
            "give_up",
            240,
            True,
        ),
        ("Give a hard page at least five minutes before you escalate it.", "give_up", 300, True),
        ("If a page is still unclear after 7 minutes, skip it and move on.", "give_up", 420, False),
        ("You have at most 4 minutes per page; the clock is in the corner.", "timeout", 240, False),
        (
            "The per-item timer is 300 seconds; after that the page returns to the queue.",
            "timeout",
            300,
            False,
        ),
        ("A claimed batch is held for you for three full days.", "timeout", 259200, False),
        ("Answers sent in under 40 seconds are flagged automatically.", "minimum", 40, False),
    ],
)
def test_round18_item_time_readings(sentence, kind, seconds, floor):
    read = read_item_time(sentence)
    assert (read and (read.kind, read.seconds, read.floor)) == (kind, seconds, floor)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hard pages go to a second annotator before the page is released.",  # an ordinal, no time
        "If the sandbox stops a query at the 30-second timeout, read the query instead.",  # a query's, not the item's
    ],
)
def test_round18_no_item_time(sentence):
    assert read_item_time(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "subject", "share"),
    [
        ("Skipped pages earn no payment.", "Skipped pages", 0.0),
        ("Yes, but flag-only pages are credited at half the normal page rate.", "flag-only pages", 0.5),
        (
            "Pages sent with a flag (Blank or Torn) are paid in full.",
            "Pages sent with a flag (Blank or Torn)",
            1.0,
        ),
        (
            "Every page you submit, including one sent back with a skip reason, is paid at the base rate.",
            "Every page you submit, including one sent back with a skip reason,",
            1.0,
        ),
        (
            "If a batch is rejected, you still receive half the base rate for every page in it.",
            "If a batch is rejected you",
            0.5,
        ),
    ],
)
def test_round18_pay_term_readings(sentence, subject, share):
    read = read_pay_term(sentence)
    assert (read and (read.subject, read.share)) == (subject, share)


@pytest.mark.parametrize(
    "sentence",
    [
        "You receive an email when a batch is rejected.",
        "If a page is rejected, you receive feedback within two days.",
        "Your account is credited within three days.",
    ],
)
def test_round18_no_pay_term(sentence):
    assert read_pay_term(sentence) is None


DECKS = {
    "pay/guide.md": "# Pay\n\nEvery page you submit, including one closed with a skip reason, is paid at the base "
    "rate.\n\n# Skips\n\nSkipped pages earn no payment, although they count toward your volume.\n",
    "rejected/guide.md": "# Pay\n\nPages in a rejected batch are not paid.\n\n# Questions\n\nIf a batch is "
    "rejected, you still receive half the base rate for every page in it.\n",
    "reworked/guide.md": "# Pay\n\nPages in a rejected batch are not paid.\n\n# Rework\n\nIf a reworked batch "
    "passes review, you receive the full base rate for every page in it.\n",
    "floor/faq.md": "# Questions\n\n## When can I skip?\n\nNever press the LONG code before you've worked on a "
    "transcript for 240 seconds.\n",
    "floor/guide.md": "# Time\n\nIf a transcript is still unclear after 3 minutes, skip it with LONG and move on.\n",
    "window/faq.md": "# Questions\n\n## When can I skip?\n\nNever press the LONG code before you've worked on a "
    "transcript for 120 seconds.\n",
    "window/guide.md": "# Time\n\nIf a transcript is still unclear after 5 minutes, skip it with LONG and move on.\n",
    "timer/guide.md": "# Time\n\nYou have at most 4 minutes per page; the clock is in the corner.\n\n# Questions\n\n"
    "The per-item timer is 300 seconds; after that the page returns to the queue.\n",
    "bonus/guide.md": "# Pay\n\nRaters whose weekly gold accuracy is 95% or higher earn a 10% quality bonus on that "
    "week's pay.\n\n# Questions\n\n## When do I get the bonus?\n\nThe weekly quality bonus goes to raters at 92% gold "
    "accuracy or above.\n",
    "periods/guide.md": "# Pay\n\nRaters whose weekly gold accuracy is 95% or higher earn a 10% quality bonus on that "
    "week's pay.\n\n# Monthly pay\n\nThe monthly quality bonus goes to raters whose monthly gold accuracy is 90% or "
    "higher.\n",
    "standing/guide.md": "# Quality\n\nYour gold accuracy must stay at or above 90 percent.\n\n# Questions\n\n## Am "
    "I safe?\n\nAs long as your gold accuracy stays above 85 percent you're in good standing.\n",
    "same/guide.md": "# Quality\n\nYour gold accuracy must stay at or above 85 percent.\n\n# Questions\n\n## Am "
    "I safe?\n\nAs long as your gold accuracy stays above 85 percent you're in good standing.\n",
    "pausefloor/guide.md": "# Quality\n\nYour audit accuracy must not drop below 85%; below that you are paused for "
    "retraining.\n\n# Dashboard\n\nThe pause floor for your audit accuracy is 80 percent.\n",
    "alias/guide.md": "# Quality\n\nYour audit score is shown as Gold Agreement on the dashboard.\n\nYou are paused "
    "when your audit score falls below 80%.\n\n# Questions\n\n## When am I paused?\n\nYou are paused when your Gold "
    "Agreement falls below 85%.\n",
    "two/guide.md": "# Quality\n\nYou are paused when your audit score falls below 80%.\n\n# Questions\n\n## When am "
    "I paused?\n\nYou are paused when your gold accuracy falls below 85%.\n",
}

found = contradictions_fixture(DECKS, "round18_quality_bars")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("95% or higher earn", "92% gold accuracy or above", ["CON004"]),  # two bars for one bonus
        ("weekly gold accuracy is 95%", "monthly gold accuracy is 90%", []),  # a week's and a month's
        ("must stay at or above 90 percent", "stays above 85 percent", ["CON004"]),
        ("must stay at or above 85 percent", "stays above 85 percent", []),  # one bar, both sides
        ("must not drop below 85%", "pause floor", ["CON004"]),
        (
            "audit score falls below 80%",
            "Gold Agreement falls below 85%",
            ["CON004"],
        ),  # the deck names them one
        ("audit score falls below 80%", "gold accuracy falls below 85%", []),  # two measures
        (
            "before you've worked on a transcript for 240",
            "after 3 minutes",
            ["CON004"],
        ),  # 4 min least, 3 to skip
        ("before you've worked on a transcript for 120", "after 5 minutes", []),  # 2 min least, 5 to skip
        ("at most 4 minutes per page", "per-item timer is 300 seconds", ["CON004"]),
        ("including one closed with a skip reason", "Skipped pages earn no payment", ["CON004"]),
        ("Pages in a rejected batch", "If a batch is rejected", ["CON004"]),
        ("Pages in a rejected batch", "If a reworked batch passes", []),  # another case: passed rework
    ],
)
def test_round18_two_statements_of_one_limit(found, a, b, checks):
    assert _pairs(found, a, b) == checks
