"""A case one rule names for an act and another refuses the act for (CON016).

"Tick Blurred whenever vegetation, dirt or a smudge hides part of a plate" and "Do not tick Blurred for smudges" cannot
both be followed on a smudged plate: the prohibition names, after "for", a case the order names in its condition. A
prohibition for a case the order does not name ("for plates cut off by the frame") refuses nothing it grants. Every
sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "plates/guide.md": "# Number plate photos\n\n## Flags\n\n"
    "Tick Blurred whenever vegetation, dirt or a smudge hides part of a plate.\n",
    "plates/faq.md": "# Questions\n\n## Flags\n\n"
    "Do not tick Blurred for smudges; smudges go under the Dirty Lens flag only.\n\n"
    "## Framing\n\n"
    "Do not tick Blurred for plates cut off by the frame edge.\n",
}

found = contradictions_fixture(DECKS, "round48_cases_refused")


def test_a_prohibition_for_a_case_the_order_names(found):
    assert _pairs(found, "Tick Blurred whenever", "Do not tick Blurred for smudges") == ["CON016"]


def test_a_prohibition_for_another_case_refuses_nothing(found):
    assert "CON016" not in _pairs(found, "Tick Blurred whenever", "cut off by the frame")
