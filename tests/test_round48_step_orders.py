"""Two step orders read in forms the blind decks use (CON013).

- "Choose the grade first, because the photo search uses the saved grade" puts the grade before the step that uses
  it.
- "Always finish both outlines first; choose the tag only once the inner and outer lines are set": the step put first
  comes before the later step of the sentence's other clause too.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "tiles/guide.md": "# Roof tile photos\n\n## Order of work\n\n"
    "Run the photo search before you choose a grade, so you can see how the same roof was graded before.\n\n"
    "Choose the tag as soon as you drop the first point, before you refine any outline.\n",
    "tiles/faq.md": "# Questions\n\n## Order of work\n\n"
    "Choose the grade first, because the photo search uses the saved grade to narrow the candidates.\n\n"
    "Always finish both outlines first; choose the tag only once the inner and outer lines are set.\n",
}

found = contradictions_fixture(DECKS, "round48_step_orders")


def test_a_step_put_first_for_the_step_that_uses_it(found):
    assert _pairs(found, "Run the photo search before", "Choose the grade first") == ["CON013"]


def test_a_step_put_first_comes_before_the_other_clause_too(found):
    assert _pairs(found, "Choose the tag as soon as", "finish both outlines first") == ["CON013"]
