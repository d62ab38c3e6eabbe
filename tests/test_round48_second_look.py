"""Two default-set readings that held-out48's blind judge called wrong, each fixed in its general form.

- CON002 / CON003 (labels): a label after a participle that describes a thing ("any criterion scored Not Met",
  "ones scored Met") says which items the rule is about, not the label it gives: "Raters must add a comment to any
  shelf scored Empty" and "Raters may add notes to any shelf, including ones scored Full" do not disagree on a label.
- CON013 (step order): "once every shot has a label" starts a clause ("once every week" counts times): "Label the
  whole video first; speaker names are added in a second pass once every shot has a label" puts the labels before the
  speaker names, not before every other step of the task (it had been read against "Press Submit, then send ...").

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "shelves/guide.md": "# Shelf photo review\n\n## Comments\n\n"
    "Raters must add a comment to any shelf scored Empty.\n\n"
    "## Order of work\n\n"
    "Label the whole video first; speaker names are added in a second pass once every shot has a label.\n\n"
    "## Scores\n\n"
    "Always rate a response with a factual error 2 or lower.\n",
    "shelves/faq.md": "# Questions\n\n## Comments\n\n"
    "Raters may add notes to any shelf, including ones scored Full.\n\n"
    "## Order of work\n\n"
    "Press Submit, then send the video ID to your lead by email.\n\n"
    "Add the speaker names before you label any shot.\n\n"
    "## Scores\n\n"
    "A response with a minor factual error may still receive a 4.\n",
}

found = contradictions_fixture(DECKS, "round48_second_look")


def test_a_label_that_describes_the_items_is_no_label_given(found):
    assert _pairs(found, "scored Empty", "scored Full") == []
    assert _pairs(found, "2 or lower", "may still receive a 4") == ["CON002"]


def test_a_clause_after_once_every_is_the_other_step(found):
    assert _pairs(found, "Label the whole video first", "Press Submit") == []
    assert _pairs(found, "Label the whole video first", "Add the speaker names before") == ["CON013"]
