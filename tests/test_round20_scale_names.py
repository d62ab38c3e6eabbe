"""A scale point a sentence names another way than its rubric row (round 20): "In the tool, score 2 appears as 'Needs
work'" where the row says "2 | Weak"; "A score of 3 counts as 'Passable'" where it says "3 | Fair"; "give the caption
a 3, the minor-slips score" where the row "4 | Minor slips" names the 4. A sentence that uses the row's own name, or
describes the score in words without naming it, stays quiet. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

RUBRIC = (
    "# Scores\n\n| Score | Name | Meaning |\n|---|---|---|\n| 1 | Broken | Wrong or missing. |\n"
    "| 2 | Weak | Several errors. |\n| 3 | Fair | Usable with edits. |\n| 4 | Minor slips | One or two small slips. |\n"
    "| 5 | Perfect | Nothing to change. |\n"
)

DECKS = {
    "names/guide.md": RUBRIC,
    "names/faq.md": "# FAQ\n\n## What does the tool show?\n\nIn the tool, score 2 appears as 'Needs work'; use it for "
    "captions with several errors.\n\n## Passable?\n\nA score of 3 counts as 'Passable': the caption ships without "
    "edits.\n\n## Tone?\n\nWhen the caption is right but its tone is stiff, give it a 3, the minor-slips score.\n",
    "samenames/guide.md": RUBRIC,
    "samenames/faq.md": "# FAQ\n\n## What does the tool show?\n\nIn the tool, score 2 appears as 'Weak'; use it for "
    "captions with several errors.\n\n## Usable?\n\nA score of 3 means the caption is usable after edits.\n\n## Tone?\n\n"
    "When the caption is right but its tone is stiff, give it a 4, the minor-slips score.\n",
}

found = contradictions_fixture(DECKS, "round20_scale_names")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("2 | Weak |", "appears as 'Needs work'", ["CON007"]),
        ("3 | Fair |", "counts as 'Passable'", ["CON007"]),
        ("4 | Minor slips |", "give it a 3, the minor-slips score", ["CON007"]),
        ("2 | Weak |", "appears as 'Weak'", []),
        ("3 | Fair |", "usable after edits", []),
        ("4 | Minor slips |", "give it a 4, the minor-slips score", []),
    ],
)
def test_a_scale_point_named_two_ways(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks
