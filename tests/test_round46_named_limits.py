"""Two values of one named limit, where one is stated in a condition or in other words for the tool's hold (CON004).

"The word counter turns orange once a product photo's text passes the 55-word limit" states the limit in its
condition: the limit's words are its topic there, and the condition is no narrower case of "Product photos have a
limit of 40 words". "An opened task is held for 30 minutes before it is released to other raters" is the tool's hold
of one item, as "stays reserved for you for 15 minutes" is. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy

DECKS = {
    "caps/guide.md": (
        "# Writing alt text\n"
        "\n"
        "## Length\n"
        "\n"
        "Product photos have a limit of 40 words.\n"
        "\n"
        "## The editor\n"
        "\n"
        "The word counter turns orange once a product photo's text passes the 55-word limit.\n"
        "\n"
        "## Holding tasks\n"
        "\n"
        "A task you open stays reserved for you for 15 minutes; after that it returns to the shared pool.\n"
        "\n"
        "## Questions\n"
        "\n"
        "Q: Can I take a break in the middle of a task?\n"
        "\n"
        "If you need a break, note that an opened task is held for 30 minutes before it is released to other raters.\n"
    ),
}

found = contradictions_fixture(DECKS, "round46_named_limits")


def test_a_named_limit_stated_in_a_condition_is_a_second_value(found):
    assert _pairs(found, "limit of 40 words", "55-word limit") == ["CON004"]


def test_a_hold_released_to_other_raters_is_the_items_hold(found):
    assert _pairs(found, "reserved for you for 15 minutes", "held for 30 minutes") == ["CON004"]
