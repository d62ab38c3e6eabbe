"""SARIF 2.1.0 output: valid against the official OASIS schema, one rule per check, pairs as related locations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from builders import PUBLICATION_DATE

from guidecheck.checks import all_checks
from guidecheck.report import sarif

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

DECK = """# Search result rating

## Comments

Always include the publication date in your comment.

## Style

Never include the publication date in your comment.

Rate the answer 1 if it contains inappropriate content.
"""


def validate(doc: dict) -> None:
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(doc)


@pytest.fixture
def deck_reports(cli, write, fake_models):
    fake_models(PUBLICATION_DATE)
    deck = write("search.md", DECK)
    extra = ("--fail-on", "never", "--extend-select", "AMB001")  # AMB001 is opt-in (data/policy.toml)
    as_json = json.loads(cli("check", deck, "-f", "json", *extra).stdout)
    as_sarif = json.loads(cli("check", deck, "-f", "sarif", *extra).stdout)
    return deck, as_json, as_sarif


def test_sarif_validates_and_has_one_rule_per_check(deck_reports):
    _, _, doc = deck_reports
    validate(doc)
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "guidecheck"
    assert [r["id"] for r in driver["rules"]] == [c.code for c in all_checks()]
    for descriptor, check in zip(driver["rules"], all_checks()):
        assert descriptor["name"] == check.name
        assert descriptor["shortDescription"]["text"] == check.doc_sections()["summary"]
        assert descriptor["fullDescription"]["text"]
        assert f"docs/checks.md#{check.code.lower()}" in descriptor["help"]["text"]
        assert "Why is this bad" in descriptor["help"]["text"]
        assert (
            descriptor["defaultConfiguration"]["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[check.severity]
        )


def test_contradiction_result_points_at_both_rules(deck_reports):
    deck, report, doc = deck_reports
    run = doc["runs"][0]
    finding = next(f for f in report["findings"] if f["check"] == "CON018")
    result = next(r for r in run["results"] if r["ruleId"] == "CON018")
    assert result["level"] == "error"
    assert result["message"]["text"] == finding["message"]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "CON018"
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == deck.as_posix()
    assert physical["region"]["startLine"] == 5
    assert physical["region"]["snippet"]["text"] == "Always include the publication date in your comment."
    assert result["locations"][0]["properties"]["section"] == "Search result rating > Comments"
    [related] = result["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 9
    assert "Never include the publication date in your comment." in related["message"]["text"]
    assert result["partialFingerprints"] == {"guidecheck/v1": finding["fingerprint"]}
    assert result["properties"]["confidence"] == finding["confidence"]


def test_warning_maps_to_warning_level(deck_reports):
    _, _, doc = deck_reports
    vague = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "AMB001")
    assert vague["level"] == "warning"
    assert vague["locations"][0]["physicalLocation"]["region"]["startLine"] == 11


def _report(findings, rules, documents):
    from guidecheck.report.data import check_dicts

    return {
        "version": "1",
        "tool": {"name": "guidecheck", "version": "0"},
        "checks": check_dicts(),
        "documents": documents,
        "rules": rules,
        "findings": findings,
        "summary": {
            "documents": len(documents),
            "rules": len(rules),
            "findings": len(findings),
            "by_severity": {},
            "by_category": {},
            "by_check": {},
        },
    }


def _rule(rid, text, path, **where):
    return {
        "id": rid,
        "text": text,
        "path": path,
        "line": where.get("line"),
        "page": where.get("page"),
        "slide": where.get("slide"),
        "notes": where.get("notes", False),
        "section": "Safety",
        "kind": "obligation",
    }


def _finding(fid, check, severity, rules, path, **where):
    return {
        "id": fid,
        "check": check,
        "name": "x",
        "category": "contradiction",
        "severity": severity,
        "confidence": 0.9,
        "message": "They clash.",
        "rules": rules,
        "fingerprint": "0123456789abcdef",
        "path": path,
        "line": where.get("line"),
        "page": where.get("page"),
        "slide": where.get("slide"),
        "notes": where.get("notes", False),
        "fix": None,
        "spans": [],
        "related": [],
    }


def test_pages_and_slides_go_in_the_property_bag():
    rules = [
        _rule("R1", "Always escalate threats.", "deck.pptx", slide=4, notes=True),
        _rule("R2", "Never escalate threats.", "policy.pdf", page=3),
    ]
    findings = [_finding("CON001-aaaa", "CON001", "info", ["R1", "R2"], "deck.pptx", slide=4, notes=True)]
    docs = [
        {"path": "deck.pptx", "format": "pptx", "status": "ok", "message": None, "rules": 1},
        {"path": "policy.pdf", "format": "pdf", "status": "ok", "message": None, "rules": 1},
        {
            "path": "old deck.docx",
            "format": "docx",
            "status": "error",
            "message": "file is encrypted",
            "rules": 0,
        },
    ]
    doc = sarif.sarif(_report(findings, rules, docs))
    validate(doc)
    run = doc["runs"][0]
    [result] = run["results"]
    assert result["level"] == "note"
    loc = result["locations"][0]
    assert loc["properties"] == {"slide": 4, "notes": True, "section": "Safety"}
    assert "region" not in loc["physicalLocation"]
    related = result["relatedLocations"][0]
    assert related["properties"]["page"] == 3
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "policy.pdf"
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "old deck.docx: file is encrypted"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "old%20deck.docx"


def test_unknown_check_still_gets_a_rule_descriptor():
    rules = [_rule("R1", "Label every span.", "a.md", line=2)]
    findings = [_finding("ZZZ999-1", "ZZZ999", "warning", ["R1"], "a.md", line=2)]
    doc = sarif.sarif(_report(findings, rules, []))
    validate(doc)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]["id"] == "ZZZ999"


def test_sarif_is_written_by_extension(cli, write, tmp_path, fake_models):
    fake_models(PUBLICATION_DATE)
    out = tmp_path / "scan.sarif"
    result = cli("check", write("search.md", DECK), "-o", out, "--fail-on", "never")
    assert result.exit_code == 0
    validate(json.loads(out.read_text(encoding="utf-8")))
