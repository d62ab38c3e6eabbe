"""Two values for one named limit (CON004, ``relations/numeric_limits.py``), read once the clause scope of round
45 took away the conditions that had hidden them: a value that names which items a rule is about ("Summaries
submitted less than one minute after opening are rejected") is no second value for "a hard limit of 9 minutes",
and a time counted from an event ("within 24 hours of claiming it") is a deadline, not a cap on working time. A
threshold with "only" on its subject ("Only chats with fewer than three customer messages qualify for the TOO_FEW
flag") withholds the label elsewhere, as "only when" does. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECK = (
    "# Rating call summaries\n\n"
    "## Time\n\n"
    "Each summary has a hard limit of 9 minutes; the form locks when the timer runs out.\n\n"
    "Do not spend more than 15 minutes on a single call; if you reach that point, mark it LONG in the notes.\n\n"
    "## Quality\n\n"
    "Summaries submitted less than one minute after opening are rejected automatically and are not paid.\n\n"
    "A summary longer than 12 minutes to write is still accepted.\n\n"
    "Each call must be submitted within 24 hours of claiming it; after that it returns to the queue.\n"
)


@pytest.fixture(scope="module")
def claim(tmp_path_factory):
    """The claim of the deck's rule that holds the given words."""
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    root = tmp_path_factory.mktemp("round45_numbers")
    (root / "guide.md").write_text(DECK, encoding="utf-8")
    rules = run([str(root)], load_config([str(root)]), only_checks=["CON"]).rules
    return lambda words: build_claim(next(r for r in rules if words in r.text))


def test_a_value_that_names_the_items_is_no_second_value_for_a_named_limit(claim):
    from guidecheck.checks.common.relations.numeric_limits import numeric_conflict

    assert numeric_conflict(claim("hard limit of 9 minutes"), claim("less than one minute")) is None


def test_a_time_counted_from_an_event_is_a_deadline(claim):
    from guidecheck.checks.common.relations.numeric_limits import _due

    assert _due(claim("within 24 hours of claiming it"))
    assert not _due(claim("more than 15 minutes on a single call"))


SUBJECT_ONLY = {
    "chats/guide.md": "# Sorting support chats\n\n"
    "## Flags\n\n"
    "Mark the chat TOO_FEW if it has fewer than four customer messages.\n\n"
    "Use the LATE flag when the first reply took more than ten minutes.\n",
    "chats/faq.md": "# Questions\n\n"
    "## Short chats\n\n"
    "Only chats with fewer than three customer messages qualify for the TOO_FEW flag.\n\n"
    "## Slow replies\n\n"
    "Only chats whose first reply took more than ten minutes get the LATE flag.\n",
}
subject_only = contradictions_fixture(SUBJECT_ONLY, "round45_subject_only")


def test_only_on_the_subject_withholds_the_label_elsewhere(subject_only):
    """Chats with three customer messages get TOO_FEW under one rule and may not under the other."""
    assert _pairs(subject_only, "fewer than four", "fewer than three") == ["CON004"]


def test_the_same_threshold_with_only_on_the_subject_is_no_conflict(subject_only):
    assert _pairs(subject_only, "Use the LATE flag", "get the LATE flag") == []
