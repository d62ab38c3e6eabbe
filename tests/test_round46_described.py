"""A table row that says a state and then denies it ("should be present and is not") describes the missing thing.

A blind judge called CON006 wrong for "| Missing fastener | A rail clip ... that should be present and is not |"
against "two missing clips ... each labelled Missing fastener": the row was read as requiring the clip present.
Every sentence here was written for this test.
"""

from __future__ import annotations

from guidecheck.checks.common.relations.described_apart import _clash


def test_a_state_said_and_then_denied_is_denied():
    row = "A shelf tag that should be present and is not"
    rule = "Two missing tags on one shelf get two boxes, each labelled Missing tag."
    assert _clash(row, rule, ("Missing tag",)) is None


def test_a_state_the_row_affirms_still_clashes_with_its_opposite():
    row = "The shelf tag is present but torn across the price"
    rule = "Use Torn tag for any missing tag on a shelf, whatever the price shows."
    assert _clash(row, rule, ("Torn tag",)) is not None
