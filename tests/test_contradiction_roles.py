"""Sentence roles in a full run: example material is never paired as rule against rule, a rule followed by its
stated exception is an exception, a prohibition and its sanction agree. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _contradictions(report):
    return [f for f in report["findings"] if f["category"] == "contradiction"]


def test_transcript_lines_and_case_vignettes_are_not_contradictions(write, check_json):
    write(
        "deck/guide.md",
        "# Call review\n\n## Sample call\n\n"
        "Agent: the refund takes five days.\n\nCaller: you said three days last week.\n\n"
        "She was transferred twice and reports a billing error.\n\n"
        "He was transferred once and reports no billing error.\n\n"
        "## Rules\n\nMark a call Resolved only when the caller confirms the fix.\n",
    )
    assert _contradictions(check_json(write("deck/x.md", "# x\n").parent)) == []


def test_rule_then_its_stated_exception_and_prohibition_then_sanction_agree(write, check_json):
    write(
        "deck/guide.md",
        "# Tickets\n\nNever merge two tickets from different customers.\n"
        "You may, however, merge them when both customers belong to one company account.\n\n"
        "## Opinions\n\nThe digest must not include personal opinions.\n\n"
        "## Scoring\n\nDigests that include personal opinions must be penalized by one point.\n",
    )
    report = check_json(write("deck/y.md", "# y\n").parent)
    assert _contradictions(report) == []
