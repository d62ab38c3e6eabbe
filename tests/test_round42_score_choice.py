"""A rule that gives a choice of neighbouring scores ("must get Correction Accuracy 1 or 2", "rate it 3, 4 or 5")
asks for the band, not its first score: a worked example scored 2 follows it, one scored 4 breaks it, and the
finding says so ("requires 1 to 2"). Before, the rule read as "exactly 1", so the example scored 2 was reported
too. Every sentence here was written for this test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = (
    "# Accuracy\n\n"
    "Any answer that invents a source must get Source Accuracy 1 or 2.\n\n"
    "# Worked examples\n\n"
    "Example 1: The answer invents a source, a 2019 survey by a ministry that published none.\n"
    "Verdict: Source Accuracy 2, since the invented survey is the answer's only source.\n\n"
    "Example 2: The answer invents a source, a journal article whose authors do not exist.\n"
    "Verdict: Source Accuracy 4, since the rest of the answer checks out.\n"
)


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    from guidecheck.cli import main

    root = tmp_path_factory.mktemp("round42_choice")
    (root / "guide.md").write_text(DECK, encoding="utf-8")
    args = ["check", str(root), "--format", "json", "--fail-on", "never", "--select", "CON008"]
    report = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    return [f["message"] for f in report["findings"] if f["check"] == "CON008"]


def test_an_example_outside_the_band_breaks_the_rule(messages):
    assert any("Source Accuracy 4" in m and "requires 1 to 2" in m for m in messages), messages


def test_an_example_inside_the_band_follows_the_rule(messages):
    assert not any("Source Accuracy 2" in m for m in messages), messages
