"""Worked examples whose verdict breaks a rule, as `guidecheck check` reports them (CON008), when the example is
spread over several blocks under its own heading, when the rule caps or forbids a quoted wording that the
example's answer uses, when the verdict is a scale name and a number ("Verdict: Brief Quality 2") or a clean
verdict in words ("accepted as written"), and when the rule caps the score with a negated comparison
("cannot score above 3"). And their look-alikes: an example of the opposite case ("Minor" against a rule about
"Major"), a score that only names which items a rule is about ("every segment scored 3 or lower").
Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture, pairs_with

pytestmark = pytest.mark.slow  # loads spaCy and the embedder

DECKS = {
    "waiver/guide.md": "# Scoring\n\nA contract that contains a non-compete clause longer than two years must be "
    "rated at least 4 on the Worker Risk scale.\n\n# Examples\n\n## Example B: a long non-compete\n\n"
    "Summary: a warehouse job contract with standard pay, standard hours and the clause below.\n\n"
    "> The worker agrees to a non-compete clause of three years after leaving the company.\n\n"
    "- Verdict: Worker Risk 2 (Low), because the pay and hours are standard.\n",
    "openers/guide.html": '<html><body><h1>Captions</h1><p>Openings such as "Here is" or "This shows" add '
    "nothing; a caption that starts this way gets FILLER and cannot score above 3.</p>"
    '<h2>Example 1 - Red kettle</h2><ul><li>Model caption: "Here is a red enamel kettle on a gas stove, lid '
    'open."</li><li>Verdict: 5, no flags; it names the colour and the setting.</li></ul></body></html>',
    "reader/faq.txt": 'STYLE\n\nNever greet the reader with "hello" in the summary.\n\n'
    "Q: What does a good opening look like?\nA: Here is one the editors liked:\n\n"
    'Sample opening: "Hello and welcome, this week the council voted on the new bus lanes."\n\n'
    "Verdict on the sample opening: accepted as written; it is warm and clear.\n",
    "degrees/guide.md": "# Scores\n\nAny answer tagged Major slip must receive an overall score of 1 or 2.\n\n"
    "# Examples\n\n## Example 3: a slip fixed at once\n\nThe answer misreads the date and corrects it in the "
    "next clause.\n\nTag: Minor slip.\n\nOverall: 5.\n",
    "slips/guide.md": "# Grading\n\nPhotos whose date is illegible are graded 2 as long as the shop name is "
    "sharp.\n\n## 7. Worked examples\n\nExample 2 — bakery, smudged date. The shop name is sharp but the date is "
    "illegible. The annotator graded it 4. Verdict: correct.\n",
    "crisp/guide.md": "# Grading\n\nSlips whose date is illegible are graded 2 as long as the shop name is "
    "sharp.\n\n## 7. Worked examples\n\nExample 1 — pharmacy, clear photo. A clear photo of a pharmacy slip; as "
    "long as we can tell, the shop name is sharp and the date is printed in bold. The annotator graded it 4. "
    "Verdict: correct.\n",
    "comments/guide.md": "# Comments\n\nAdd a comment for every segment scored 3 or lower.\n\n# Examples\n\n"
    "## Example 2: a clean segment\n\nThe segment has two spacing slips and reads well.\n\n"
    "Verdict: score 5, two SPACE tags, no comment added.\n",
}


found = contradictions_fixture(DECKS, "examples")  # loads spaCy and the embedder


def test_an_example_spread_over_blocks_under_its_heading_is_read_as_one(found):
    assert "CON008" in pairs_with(found, "non-compete clause longer than two years", "Worker Risk 2"), found


def test_a_quoted_wording_the_rule_caps_breaks_a_clean_verdict(found):
    assert "CON008" in pairs_with(found, '"Here is"', "Verdict: 5, no flags"), found


def test_a_verdict_in_words_after_its_sample_breaks_a_ban_on_the_quoted_wording(found):
    assert "CON008" in pairs_with(found, '"hello"', "accepted as written"), found


def test_an_example_of_the_opposite_degree_is_not_a_case_of_the_rule(found):
    assert pairs_with(found, "Major slip", "Overall: 5") == [], found


def test_a_score_that_names_which_items_a_rule_is_about_is_not_a_required_score(found):
    assert pairs_with(found, "every segment scored 3 or lower", "score 5") == [], found


def test_an_example_breaks_a_conditional_rule_only_when_it_states_the_condition(found):
    # under a numbered "7. Worked examples" heading; the clear photo meets "as long as the shop name is sharp" but
    # not the subject's own condition, "whose date is illegible"
    assert pairs_with(found, "Photos whose date is illegible") == ["CON008"]
    assert pairs_with(found, "Slips whose date is illegible") == []
