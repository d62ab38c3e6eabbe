"""``--format github``: one workflow command per finding, escaped as the Actions runner expects."""

from __future__ import annotations

import json

from builders import PUBLICATION_DATE

from guidecheck.report import github

DECK = """# Search result rating

## Comments

Always include the publication date in your comment.

## Style

Never include the publication date in your comment.
"""


def _report(findings, documents=()):
    return {"documents": list(documents), "findings": findings, "rules": []}


def _finding(**kw):
    base = {
        "id": "x",
        "check": "CON001",
        "name": "deontic-flip",
        "severity": "error",
        "message": "Clash.",
        "path": "deck.md",
        "line": 5,
        "column": None,
        "page": None,
        "slide": None,
        "notes": False,
    }
    return {**base, **kw}


def test_exact_lines_per_severity():
    out = github.render(
        _report(
            [
                _finding(),
                _finding(
                    check="AMB001",
                    name="vague-criterion",
                    severity="warning",
                    message="'minor' is vague.",
                    line=12,
                    column=3,
                ),
                _finding(
                    check="TRM001",
                    name="synonyms",
                    severity="info",
                    message="Two names.",
                    line=None,
                    slide=4,
                    notes=True,
                    path="deck.pptx",
                ),
            ]
        )
    )
    assert out == (
        "::error file=deck.md,line=5,title=CON001 deontic-flip::Clash.\n"
        "::warning file=deck.md,line=12,col=3,title=AMB001 vague-criterion::'minor' is vague.\n"
        "::notice file=deck.pptx,title=TRM001 synonyms::Two names. (slide 4, speaker notes)\n"
    )


def test_escaping_of_message_and_properties():
    out = github.render(
        _report([_finding(path="guides/a,b:c.md", message="100% sure\r\nsecond line: yes, really")])
    )
    assert out == (
        "::error file=guides/a%2Cb%3Ac.md,line=5,title=CON001 deontic-flip::"
        "100%25 sure%0D%0Asecond line: yes, really\n"
    )


def test_title_escaping_and_page_location():
    out = github.render(_report([_finding(name="a,b", line=None, page=3, path="policy.pdf", message="x")]))
    assert out == "::error file=policy.pdf,title=CON001 a%2Cb::x (page 3)\n"


def test_unreadable_document_is_annotated():
    out = github.render(
        _report(
            [],
            [
                {"path": "old.docx", "status": "error", "message": "file is encrypted"},
                {"path": "ok.md", "status": "ok", "message": None},
            ],
        )
    )
    assert out == "::error file=old.docx,title=guidecheck%3A document not checked::file is encrypted\n"


def test_no_findings_prints_nothing():
    assert github.render(_report([])) == ""


def test_cli_github_output_is_exact(cli, write, fake_models):
    fake_models(PUBLICATION_DATE)
    deck = write("search.md", DECK)
    report = json.loads(cli("check", deck, "-f", "json", "--fail-on", "never").stdout)
    result = cli("check", deck, "--format", "github", "--fail-on", "never")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(report["findings"])
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    assert (
        f"::error file={deck.as_posix()},line=5,title=CON018 field-content-conflict::{con['message']}"
        in lines
    )
