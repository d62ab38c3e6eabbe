"""A written comment one rule requires for a case and another waives (round 20, CON001): "Every SPILL tag must
include a comment" / "You don't need to write a comment on SPILL tags"; "Write a rationale for every score of 1 or 2"
/ "For a 2, leave the rationale box empty"; a rule for every item ("Keep the Notes field empty unless ...") against
one that fills it. A rule and its exception in one section, cases that do not meet, and a step that merely says
where the comment goes stay quiet. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "tags/guide.md": "# Tags\n\nEvery SPILL and LEAK tag must include a comment describing what was spilled.\n\n"
    "Write a short rationale for every score of 1 or 2.\n",
    "tags/faq.md": "# FAQ\n\n## Comments?\n\nYou don't need to write a comment on SPILL tags, because reviewers read "
    "the video.\n\n## Rationales?\n\nFor a 2, leave the rationale box empty; rationales are for 1s only.\n",
    "notes/guide.md": "# Steps\n\nWrite a one-line summary of each step in its Notes field.\n",
    "notes/faq.md": "# FAQ\n\n## Notes?\n\nKeep the Notes field empty unless you are flagging a problem with the step.\n",
    "quiet/guide.md": "# Tags\n\nEvery SPILL tag must include a comment describing what was spilled.\n\nWrite your "
    "comment in the box under the video.\n\nAlways write your comment in English, whatever the video's language.\n",
    "quiet/faq.md": "# FAQ\n\n## Comments?\n\nYou don't need to write a comment on DRIP tags.\n\n## Scores?\n\nFor a "
    "5, leave the rationale box empty.\n\nWrite a short rationale for every score of 1 or 2.\n",
    "together/guide.md": "# Comments\n\nComments are optional for every tag.\n\nEvery SPILL tag must include a "
    "comment.\n",
}

found = contradictions_fixture(DECKS, "round20_comment_duty")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Every SPILL and LEAK tag", "don't need to write a comment on SPILL", ["CON001"]),
        ("every score of 1 or 2", "For a 2, leave the rationale box empty", ["CON001"]),
        ("in its Notes field", "Keep the Notes field empty", ["CON001"]),
        ("Every SPILL tag must include", "comment on DRIP tags", []),  # two cases
        ("every score of 1 or 2", "For a 5, leave", []),  # two scores
        ("Write your comment in the box", "comment on DRIP tags", []),  # a step, not a duty for every item
        (
            "Always write your comment in English",
            "comment on DRIP tags",
            [],
        ),  # how to write one, not that one is due
        (
            "Comments are optional",
            "Every SPILL tag must include",
            [],
        ),  # a rule and its exception, one section
    ],
)
def test_a_comment_required_and_waived(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks
