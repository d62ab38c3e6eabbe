"""Tie-breaks the parser misreads (round 49).

- "When both Needs Review and Unsafe could apply, choose Unsafe, because ...": the opening clause's verb with its own
  subject and modal is not the instruction; "choose" after the comma is.
- "If a photo shows both Rain and Fog cues, Fog wins.": "wins" after a label is the verb of a tie-break, though the
  tagger reads it as a plural noun.
- "If the two scores still differ after the second read, the higher score prevails": the order inside the condition
  says when the tie-break applies; it is no step order (CON013) against "A second read is triggered once the two scores
  differ".

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

RULES = {
    "When both Needs Review and Unsafe could apply, choose Unsafe, because a missed risk costs more.": "obligation",
    "If a photo shows both Rain and Fog cues, Fog wins.": "priority",
    "When the caption and the file name give different dates, the file name wins and the caption date goes in Notes.": (
        "priority"
    ),
}


def test_misparsed_tie_breaks_are_rules(write, check_json):
    folder = write("weather/guide.md", "# Weather photos\n\n" + "\n\n".join(RULES) + "\n").parent
    kinds = {r["text"]: r["kind"] for r in check_json(str(folder))["rules"]}
    assert {s: kinds.get(s) for s in RULES} == RULES


DECKS = {
    "essays/guide.md": "# Essay scoring\n\n## Second reads\n\n"
    "A second read is triggered once the two first scores differ by two points or more.\n\n"
    "## Ties\n\n"
    "When the rubric and the exemplar disagree, the rubric wins for every criterion.\n",
    "essays/faq.md": "# Questions\n\n"
    "If the two scores still differ after the second read, the higher score prevails.\n\n"
    "If the exemplar and the rubric point different ways, go with the exemplar, because raters trust it more.\n",
}

found = contradictions_fixture(DECKS, "round49_ties")


def test_two_winners_of_one_tie(found):
    assert _pairs(found, "the rubric wins", "go with the exemplar") == ["CON005"]


def test_an_order_in_a_condition_is_no_step_order(found):
    assert _pairs(found, "second read is triggered", "higher score prevails") == []
