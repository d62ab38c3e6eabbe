"""A worked example that gives, as its reason, the very thing a rule says does not matter (CON008,
``relations/example_concessions.py``): "Any crack with rust ... is graded at least S3, whatever its width" against
an example graded S2 "because the 0.4 mm width sits in the moderate band" — three planted pairs of the scored blind
splits that no reader reported, because an example that argues its way out of a rule seldom restates all of it.

An example that follows the rule while naming what it concedes, an example of another grade within the rule's
bound, an example of another case, and one that says plainly what the rule's case denies ("the pharmacist
signature is on the form" against "with no pharmacist signature") are no conflict. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "leaflets/guide.md": "# Accuracy\n\n"
    "Any answer that states a wrong dosage gets an Accuracy score of 1, however fluent the rest of the answer is.\n\n"
    "A leaflet summary with a corroded label photo is graded at least L3, whatever its length.\n\n"
    "A refund claim with no pharmacist signature is always labeled Escalate, whatever the receipt shows.\n\n"
    "# Worked examples\n\n"
    "Example 1: The syrup dosage in the answer is 500 mg; the leaflet says 250 mg.\n"
    "Verdict: Accuracy 3, because the rest of the answer is fluent and well organised.\n\n"
    "Example 2: The answer states a wrong dosage of 20 mg for the tablets where the leaflet says 10 mg.\n"
    "Verdict: Accuracy 1, even though the rest of the answer is fluent.\n\n"
    "Example 3: A leaflet summary with a corroded label photo runs to two pages.\n"
    "Verdict: grade L4, since the length of the summary hides the warning.\n\n"
    "Example 4: The answer gives the right dosage and mentions the pharmacy's opening hours.\n"
    "Verdict: Accuracy 5, because the rest of the answer is fluent and correct.\n\n"
    "Example 5: A refund claim for a cough syrup; the pharmacist signature is on the form.\n"
    "Verdict: Approve, since the receipt shows the purchase date and price.\n",
}


examples = contradictions_fixture(DECK, "round42_conceded")


def test_an_example_scored_up_for_what_the_rule_concedes_breaks_it(examples):
    assert "CON008" in _pairs(examples, "however fluent", "Accuracy 3, because the rest")


def test_an_example_that_follows_the_rule_is_no_conflict(examples):
    assert "CON008" not in _pairs(examples, "Accuracy 1, even though")


def test_a_grade_within_the_rules_bound_is_no_conflict(examples):
    assert "CON008" not in _pairs(examples, "grade L4")


def test_an_example_of_another_case_is_no_conflict(examples):
    assert "CON008" not in _pairs(examples, "Accuracy 5")


def test_an_example_that_states_what_the_rules_case_denies_is_no_conflict(examples):
    assert "CON008" not in _pairs(examples, "Approve, since the receipt")
