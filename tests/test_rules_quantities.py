"""Numeric constraints, without spaCy: comparator, value, unit as the sentence states them."""

from __future__ import annotations

import pytest

from guidecheck.rules.quantities import find_quantities

CASES = [
    ("Comments must be at least 50 words long.", [(">=", 50.0, "word", None)]),
    ("Keep captions under 25 words.", [("<", 25.0, "word", None)]),
    ("Summaries should be between 50 and 120 words.", [("between", 50.0, "word", 120.0)]),
    ("Rate each dimension on a scale from 1 to 5.", [("between", 1.0, None, 5.0)]),
    ("Numbers from one to nine are words.", [("between", 1.0, None, 9.0)]),
    ("Use two or more sources.", [(">=", 2.0, "source", None)]),
    ("Rate a factual error 2 or lower.", [("<=", 2.0, None, None)]),
    ("Spend no more than 3 minutes per conversation.", [("<=", 180.0, "second", None)]),
    ("Submit each file within 24 hours.", [("<=", 86400.0, "second", None)]),
    (
        "Must not be longer than 120 words.",
        [(">", 120.0, "word", None)],
    ),  # surface comparator, never inverted
    ("You can rate up to 150 tasks per day.", [("<=", 150.0, "task", None)]),
    ("Your score must stay at or above 0.8.", [(">=", 0.8, None, None)]),
    ("Label every post with exactly one label.", [("=", 1.0, "label", None)]),
    ("Keep it under 10 percent.", [("<", 10.0, "percent", None)]),
    ("Rate it 2 and move on after 5 minutes.", []),
    # a number word is read whole ("ninety", not "nine"), and agreements repeat it in figures
    ("Give not less than ninety (90) days' notice.", [(">=", 7776000.0, "second", None)]),
    ("Delete the data within fourteen days.", [("<=", 1209600.0, "second", None)]),
    ("Keep no more than thirty (30) days of logs.", [("<=", 2592000.0, "second", None)]),
    # a change by an amount is that amount
    ("At each renewal the fees shall increase by five percent (5%).", [("=", 5.0, "percent", None)]),
    ("Submit the batch by Friday.", []),
    # a limit named by a noun: its value is the limit, a bare number only when the words name a score
    ("Every call has a hard limit of 600 seconds of listening time.", [("<=", 600.0, "second", None)]),
    ("The listening cap per call is 12 minutes.", [("<=", 720.0, "second", None)]),
    ("The refund window is two weeks from purchase.", [("<=", 1209600.0, "second", None)]),
    ("The LATE tag limits an essay to a maximum grade of 2.", [("<=", 2.0, None, None)]),
    ("The cap on retries is two.", []),
    ("There is no limit on tags.", []),
    ("Skip signs shorter than 30 px.", [("<", 30.0, "px", None)]),
    # an age bound in words of age
    ("Passengers of 65 or older are tagged SENIOR.", [(">=", 65.0, None, None)]),
    ("Children younger than 12 are never named.", [("<", 12.0, None, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_quantities(text, expected):
    got = [(x.comparator, x.value, x.unit, x.upper) for x in find_quantities(text)]
    assert got == expected


def test_attribute_and_text_are_kept():
    (only,) = find_quantities("Justifications must be no more than 120 words.")
    assert (only.attribute, only.text) == ("length", "no more than 120 words")
    (score,) = find_quantities("Responses should be rated at least 4.")
    assert score.attribute == "score"
    (rate,) = find_quantities("Your agreement must stay at or above 0.8.")
    assert (rate.attribute, rate.comparator, rate.value) == ("ratio", ">=", 0.8)


def test_parse_decides_which_word_is_the_unit():
    nouns = {"sources", "claims"}
    (q,) = find_quantities(
        "Use two or more independent sources for claims.",
        lemma=lambda w: w.rstrip("s"),
        is_noun=lambda w: w.lower() in nouns,
    )
    assert (q.comparator, q.value, q.unit) == (">=", 2.0, "source")


def test_exceeding_and_running_past_a_number_are_lower_limits():
    found = [
        (q.comparator, q.value, q.unit)
        for t in (
            "Mark a response as Too Long when it exceeds 300 words.",
            "Flag a clip only when it runs past 30 seconds.",
            "A clip that lasts beyond 2 minutes is Too Long.",
        )
        for q in find_quantities(t)
    ]
    assert found == [(">", 300.0, "word"), (">", 30.0, "second"), (">", 120.0, "second")]
    assert find_quantities("Check the claims made in the past 30 days.") == []


def test_fractions_and_percents_with_a_comparator_after_them_are_shares():
    """'half or more of the box', 'more than one third of the word', '40% or more of the clip': one share, in
    percent, however it is written (before, "one third" was a count of 1 "third" and "40% or more" nothing)."""
    found = [
        (q.attribute, q.comparator, round(q.value, 1))
        for t in (
            "Mark the sign Occluded when half or more of it is hidden.",
            "Use Partial as soon as more than one third of the word is cut off.",
            "Flag the clip when 40% or more of it is music.",
            "A blurred plate with less than a quarter of its characters readable is skipped.",
        )
        for q in find_quantities(t)
    ]
    assert found == [
        ("percent", ">=", 50.0),
        ("percent", ">", 33.3),
        ("percent", ">=", 40.0),
        ("percent", "<", 25.0),
    ]
    assert find_quantities("About two-thirds of the rider is visible.") == []  # a fact, not a limit


def test_a_fraction_of_a_time_unit_is_a_time():
    found = [
        (q.attribute, q.comparator, q.value)
        for t in (
            "A pause of more than half a minute ends the turn.",
            "Anything shorter than three-quarters of a minute is skipped.",
            "You may keep a ticket open for up to a quarter of an hour.",
            "A tile may stay open for at most a third of an hour.",
        )
        for q in find_quantities(t)
    ]
    assert found == [("time", ">", 30.0), ("time", "<", 45.0), ("time", "<=", 900.0), ("time", "<=", 1200.0)]
