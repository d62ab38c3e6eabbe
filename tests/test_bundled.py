"""The bundled guidelines as `make report` checks them: the demo a project manager sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidecheck.report.json_format import validate

pytestmark = pytest.mark.slow  # loads spaCy or the embedding model

GUIDELINES = Path(__file__).resolve().parents[1] / "guidelines"


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory):
    from click.testing import CliRunner

    from guidecheck.cli import main

    out = tmp_path_factory.mktemp("bundled") / "guidelines.json"
    result = CliRunner().invoke(
        main, ["check", str(GUIDELINES), "-o", str(out), "--fail-on", "never"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def test_bundled_report_validates(bundled_report):
    validate(bundled_report)


def test_every_bundled_deck_is_read(bundled_report):
    broken = [(d["path"], d["message"]) for d in bundled_report["documents"] if d["status"] == "error"]
    assert broken == []
    formats = {d["format"] for d in bundled_report["documents"]}
    assert {"markdown", "text", "html", "pdf", "docx", "pptx"} <= formats


def test_bundled_decks_show_contradictions_of_six_types_and_ambiguity(bundled_report):
    by_check = bundled_report["summary"]["by_check"]
    contradiction_checks = {
        f["check"] for f in bundled_report["findings"] if f["category"] == "contradiction"
    }
    assert len(contradiction_checks) >= 6, by_check
    assert bundled_report["summary"]["by_category"].get("ambiguity", 0) >= 1
    for f in bundled_report["findings"]:
        if f["category"] == "contradiction":
            assert len(f["rules"]) == 2, f
            assert f["message"]


def test_labels_and_gold_files_are_not_checked(bundled_report):
    paths = [d["path"] for d in bundled_report["documents"]]
    assert not any("/labels/" in p or "/src/" in p for p in paths)


def test_demo_report_shows_every_check_but_optional_nli(bundled_report):
    from guidecheck.checks import all_checks

    shown = set(bundled_report["summary"]["by_check"])
    expected = {c.code for c in all_checks()} - {"CON009"}  # CON009 needs a user-configured NLI model
    assert expected <= shown, sorted(expected - shown)


def test_every_non_contradiction_finding_has_a_fix(bundled_report):
    others = [f for f in bundled_report["findings"] if f["category"] != "contradiction"]
    assert others and all(f["fix"] for f in others), [f["check"] for f in others if not f["fix"]]
