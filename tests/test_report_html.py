"""The HTML report as a file: self-contained, every input escaped, pairs side by side, deep links, check docs."""

from __future__ import annotations

import json
import re

import pytest
from builders import PUBLICATION_DATE, frame

from guidecheck.checks import all_checks
from guidecheck.report import view

DECK = """# Search result rating

## Comments

Always include the publication date in your comment.

## Style

Do not:
- include the publication date in your comment

Rate the answer 1 if it contains inappropriate content.
"""

INJECTION = """Content safety rating

Raters must flag every appropriate reply that contains <script>window.__pwned=1</script> as unsafe.
Raters must never flag a reply with <img src=x onerror=alert(1)> as unsafe.
"""


@pytest.fixture(autouse=True)
def _frames(fake_models):
    """The decks above as spaCy frames them: these tests run without the models."""
    fake_models(
        [
            *PUBLICATION_DATE,
            frame(
                "Raters must flag every appropriate reply that contains <script>window.__pwned=1</script> as unsafe.",
                actor="rater",
                action="flag",
                object="reply",
                quantifier="all",
            ),
            frame(
                "Raters must never flag a reply with <img src=x onerror=alert(1)> as unsafe.",
                "prohibition",
                actor="rater",
                action="flag",
                object="reply",
                quantifier="never",
            ),
        ]
    )


def _html_and_json(cli, tmp_path, *paths):
    html, js = tmp_path / "out" / "report.html", tmp_path / "out" / "report.json"
    extra = ("--fail-on", "never", "--extend-select", "AMB001")  # AMB001 is opt-in (data/policy.toml)
    result = cli("check", *paths, "-o", html, "-o", js, *extra)
    assert result.exit_code == 0, result.output
    return html.read_text(encoding="utf-8"), json.loads(js.read_text(encoding="utf-8"))


def test_self_contained_no_network(cli, write, tmp_path):
    html, _ = _html_and_json(cli, tmp_path, write("search.md", DECK))
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "<style>" in html and "<script>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "<svg" in html


def test_summary_documents_and_counts(cli, write, tmp_path):
    broken = write("broken.docx", b"this is not a zip archive")
    html, report = _html_and_json(cli, tmp_path, write("search.md", DECK), broken)
    doc = next(d for d in report["documents"] if d["path"].endswith("broken.docx"))
    assert doc["status"] == "error"
    assert "1 document could not be read and was not checked" in html
    assert re.search(r"<code>[^<]*broken\.docx</code>: " + re.escape(_esc(doc["message"])), html)
    errors = report["summary"]["by_severity"].get("error", 0)
    assert f"<strong>{errors} error{'s' if errors != 1 else ''} to fix before launch.</strong>" in html
    for category, n in report["summary"]["by_category"].items():
        assert f'<option value="{category}">{view.category_label(category)} ({n})</option>' in html


def _card(html: str, finding_id: str) -> str:
    """The markup of one finding card: from its id to the next card or the end of the list."""
    start = html.index(f'id="{finding_id}"')
    ends = [i for i in (html.find('<li class="finding ', start), html.find('id="f-none"', start)) if i > 0]
    return html[start : min(ends)]


def _esc(s: str) -> str:
    return (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def test_contradiction_side_by_side_with_locations_sections_and_marks(cli, write, tmp_path):
    deck = write("search.md", DECK)
    html, report = _html_and_json(cli, tmp_path, deck)
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    card = _card(html, con["id"])
    assert 'class="sides pair"' in card
    assert f"{deck.as_posix()}:5</a>" in card and f"{deck.as_posix()}:10</a>" in card
    assert "<li>Search result rating</li><li>Comments</li>" in card
    assert "<li>Search result rating</li><li>Style</li>" in card
    assert "Listed under “<mark>Do not:</mark>”" in card
    assert "<mark>Always</mark>" in card and "<mark>publication date</mark>" in card
    assert 'href="#check-CON018"' in card
    assert f'href="#{con["id"]}"' in card
    assert "confidence " + f"{round(con['confidence'] * 100)}%" in card


def test_ambiguity_marks_the_span_and_shows_the_fix(cli, write, tmp_path):
    html, report = _html_and_json(cli, tmp_path, write("search.md", DECK))
    amb = next(f for f in report["findings"] if f["check"] == "AMB001")
    card = _card(html, amb["id"])
    assert "<mark>inappropriate</mark>" in card
    assert f"<strong>Suggested fix:</strong> {_esc(amb['fix'])}" in card


def test_every_check_documented_and_every_rule_in_explorer(cli, write, tmp_path):
    html, report = _html_and_json(cli, tmp_path, write("search.md", DECK))
    for check in all_checks():
        assert f'id="check-{check.code}"' in html
    for rule in report["rules"]:
        assert f'id="rule-{rule["id"]}"' in html
    for finding in report["findings"]:
        assert html.count(f'id="{finding["id"]}"') == 1


def test_input_text_is_escaped(cli, write, tmp_path):
    html, report = _html_and_json(cli, tmp_path, write("safety.txt", INJECTION))
    assert any("<script>window.__pwned=1</script>" in r["text"] for r in report["rules"])
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.count("<script>") == 1  # the report's own script only


def test_segments_merge_clip_and_keep_text():
    pieces = view.segments("Never rate it 3.", [(6, 10), (8, 13), (40, 50), (-2, 1)])
    assert "".join(p for p, _ in pieces) == "Never rate it 3."
    assert [p for p, marked in pieces if marked] == ["N", "rate it"]
    assert view.segments("", []) == [("", False)]


def test_derived_marks_only_for_spanless_pairs():
    rule = {
        "id": "R1",
        "text": "Never rate a factual error 3.",
        "evidence": "cue 'never'",
        "action": "rate",
        "object": "factual error",
        "labels": ["3"],
        "quantities": [],
    }
    pair = {"rules": ["R1", "R2"], "spans": []}
    assert [p for p, m in view.highlight(pair, rule) if m] == ["Never", "rate", "factual error", "3"]
    single = {"rules": ["R1"], "spans": []}
    assert not any(m for _, m in view.highlight(single, rule))
    given = {"rules": ["R1", "R2"], "spans": [{"rule": "R1", "start": 13, "end": 26}]}
    assert [p for p, m in view.highlight(given, rule) if m] == ["factual error"]
    other_side = {"rules": ["R2", "R1"], "spans": [{"rule": "R2", "start": 0, "end": 3}]}
    assert [p for p, m in view.highlight(other_side, rule) if m] == ["Never", "rate", "factual error", "3"]


def test_finding_without_rules_shows_its_own_location():
    from guidecheck.report import html
    from guidecheck.report.data import check_dicts

    finding = {
        "id": "COV002-1",
        "check": "COV002",
        "name": "section-without-rules",
        "category": "coverage",
        "severity": "info",
        "confidence": 0.6,
        "message": "Section 'Sarcasm' has prose and no rule.",
        "rules": [],
        "fingerprint": "0123456789abcdef",
        "path": "deck.pptx",
        "line": None,
        "column": None,
        "page": None,
        "slide": 12,
        "notes": True,
        "fix": None,
        "spans": [],
        "related": [],
    }
    report = {
        "version": "1",
        "tool": {"name": "guidecheck", "version": "0"},
        "checks": check_dicts(),
        "documents": [{"path": "deck.pptx", "format": "pptx", "status": "ok", "message": None, "rules": 0}],
        "rules": [],
        "findings": [finding],
        "summary": {
            "documents": 1,
            "rules": 0,
            "findings": 1,
            "by_severity": {"info": 1},
            "by_category": {"coverage": 1},
            "by_check": {"COV002": 1},
        },
    }
    out = html.render(report)
    card = _card(out, "COV002-1")
    assert "Where: <code>deck.pptx slide 12 (notes)</code>" in card
    assert "Section &#39;Sarcasm&#39; has prose and no rule." in card
