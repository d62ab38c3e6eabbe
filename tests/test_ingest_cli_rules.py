"""End to end: `guidecheck rules` on a PPTX with notes, a DOCX rubric, a PDF and a Markdown Do/Don't list prints
rules with the right locations and polarity; the committed demo decks match their build script."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from fixtures_builders import build_docx, build_pdf, build_pptx

REPO = Path(__file__).resolve().parents[1]


def _rules(cli, *paths) -> list[dict]:
    result = cli("rules", *paths, "--no-cache")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _one(rules: list[dict], start: str) -> dict:
    found = [r for r in rules if r["text"].startswith(start)]
    assert len(found) == 1, f"{start!r}: {[r['text'] for r in rules]}"
    return found[0]


@pytest.mark.slow
def test_rules_keep_slide_note_page_and_line_locations(cli, tmp_path):
    build_pptx(
        tmp_path / "deck.pptx",
        [
            {"title": "Intro", "bullets": [("Welcome to the rating project", 0)]},
            {
                "title": "Comments",
                "bullets": [("Don't:", 0), ("Paste the response into the comment", 1)],
                "notes": "Raters must not mention other raters by name.",
            },
        ],
    )
    build_docx(
        tmp_path / "rubric.docx",
        [
            ("heading", "Scale", 1),
            (
                "table",
                [["Score", "Description"], ["1", "Off-topic or unsafe."], ["5", "Complete and accurate."]],
            ),
        ],
    )
    build_pdf(
        tmp_path / "faq.pdf",
        [
            [("h1", "FAQ"), ("p", "Raters should read the FAQ once a week.")],
            [("h2", "Research"), ("p", "You must never use web search while rating.")],
        ],
        header="Rater FAQ - internal",
    )
    (tmp_path / "guide.md").write_text(
        "# Guide\n\nIntro text.\n\n## Don'ts\n\n- Reward long answers.\n"
        "- Guess the intent.\n\n## Dos\n\n- Read the whole conversation.\n"
    )
    rules = _rules(cli, tmp_path)

    note = _one(rules, "Raters must not mention other raters")
    assert (note["path"].endswith("deck.pptx"), note["slide"], note["notes"], note["kind"]) == (
        True,
        2,
        True,
        "prohibition",
    )
    item = _one(rules, "Paste the response")
    assert (item["slide"], item["notes"], item["kind"], item["polarity"]) == (
        2,
        False,
        "prohibition",
        "negative",
    )
    row = _one(rules, "1 | Off-topic")
    assert (row["kind"], row["cells"], row["section"]) == (
        "rubric",
        {"Score": "1", "Description": "Off-topic or unsafe."},
        "Scale",
    )
    web = _one(rules, "You must never use web search")
    assert (web["page"], web["kind"], web["section"]) == (2, "prohibition", "FAQ > Research")
    assert not any("Rater FAQ - internal" in r["text"] or r["text"].startswith("Page ") for r in rules)
    dont = _one(rules, "Reward long answers")
    assert (dont["line"], dont["kind"], dont["polarity"]) == (7, "prohibition", "negative")
    do = _one(rules, "Read the whole conversation")
    assert (do["line"], do["kind"], do["polarity"]) == (12, "obligation", "positive")


def test_demo_decks_are_what_the_build_script_makes(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_format_decks", REPO / "guidelines/src/build_format_decks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.main()
    committed = REPO / "guidelines/formats"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in committed.iterdir())
    for built in tmp_path.iterdir():
        assert built.read_bytes() == (committed / built.name).read_bytes(), (
            f"{built.name}: rerun the build script"
        )


@pytest.mark.slow
def test_demo_decks_report_the_planted_cross_document_conflicts(check_json):
    report = check_json(REPO / "guidelines/formats")
    assert [(d["path"].rsplit("/", 1)[1], d["status"]) for d in report["documents"]] == [
        ("chatbot-helpfulness-faq.pdf", "ok"),
        ("chatbot-helpfulness-rubric.docx", "ok"),
        ("chatbot-helpfulness-training.pptx", "ok"),
    ]
    conflicts = {
        (
            f["check"],
            f["path"].rsplit("/", 1)[1],
            f["page"],
            tuple((r["path"].rsplit("/", 1)[1], r["slide"], r["notes"]) for r in f["related"]),
        )
        for f in report["findings"]
        if f["check"].startswith("CON")
    }
    assert {
        ("CON001", "chatbot-helpfulness-faq.pdf", 1, (("chatbot-helpfulness-training.pptx", 4, False),)),
        (
            "CON002",
            "chatbot-helpfulness-rubric.docx",
            None,
            (("chatbot-helpfulness-training.pptx", 7, True),),
        ),
        (
            "CON004",
            "chatbot-helpfulness-rubric.docx",
            None,
            (("chatbot-helpfulness-training.pptx", 8, True),),
        ),
    } <= conflicts
