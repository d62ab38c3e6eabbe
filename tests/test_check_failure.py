"""A check that raises on some input costs the user that check's findings, not the run: the other checks report,
the terminal names the failed check, and the exit code says the tool failed (2)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from guidecheck.checks.ambiguity.loophole import Loophole
from guidecheck.cli import main

DECK = (
    "# Review\n\nUse your best judgment when a reply is borderline.\n\nAdd several examples to each reply.\n"
)


def _boom(self, ctx):
    raise RuntimeError("a bug on this input")


def test_a_failing_check_leaves_the_other_findings_and_exits_2(tmp_path, monkeypatch):
    deck = tmp_path / "deck.md"
    deck.write_text(DECK, encoding="utf-8")
    baseline = CliRunner().invoke(
        main, ["check", str(deck), "--format", "json", "--no-cache", "--select", "AMB"]
    )
    before = {f["check"] for f in json.loads(baseline.stdout)["findings"]}
    assert "AMB002" in before and before - {"AMB002"}  # "use your best judgment", and another finding

    monkeypatch.setattr(Loophole, "run", _boom)
    result = CliRunner().invoke(
        main, ["check", str(deck), "--format", "json", "--no-cache", "--select", "AMB"]
    )

    assert result.exit_code == 2
    assert "check AMB002 failed on this input (RuntimeError: a bug on this input)" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    after = {f["check"] for f in json.loads(result.stdout)["findings"]}
    assert after == before - {"AMB002"}
