"""Plain-text errata whose numbered entry titles stand alone, a blank line before their text ("A5. Corrected worked
example"), in the form held-out38's errata used: the title is a heading, and a worked example under a heading that
says so ("Corrected worked example", "More examples") is example material, never a rule another example is
checked against. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.ingest.plaintext import read as read_text

ERRATA = (
    "ERRATA AND FAQ\n\nB1. Comment length\n\nComments may now run to 800 characters.\n\n"
    "B2. Corrected worked example\n\nLast week's pack carried the wrong score for one example.\n\n"
    "The reply was accurate and polite, so Helpfulness was 4 and the verdict is Accept.\n\n"
    "B3. Notes field\n\nKeep notes short.\n"
)


def test_a_numbered_entry_title_alone_on_its_line_is_a_heading(tmp_path):
    path = tmp_path / "errata.txt"
    path.write_text(ERRATA, encoding="utf-8")
    blocks = [(b.kind, b.text, b.section[-1:]) for b in read_text(path, path.read_bytes())]
    assert ("heading", "B1. Comment length", ("B1. Comment length",)) in blocks
    assert ("paragraph", "Keep notes short.", ("B3. Notes field",)) in blocks


@pytest.mark.slow
def test_the_text_under_a_corrected_worked_example_title_is_example_material(extract):  # noqa: F811
    rules = {r["text"]: r["is_example"] for r in extract(ERRATA, "errata.txt")}
    assert rules["The reply was accurate and polite, so Helpfulness was 4 and the verdict is Accept."] is True
    assert rules["Keep notes short."] is False


@pytest.mark.parametrize(
    "title", ["More examples", "Annotated examples", "Worked examples", "7. Corrected worked example"]
)
def test_headings_that_name_examples_open_example_sections(tmp_path, title):
    from guidecheck.ingest import read_document

    path = tmp_path / "guide.md"
    path.write_text(f"# Guide\n\n## {title}\n\nThe caption was vague, so it got a 2.\n", encoding="utf-8")
    kinds = {b.text: b.kind for b in read_document(path, path.name).blocks}
    assert kinds["The caption was vague, so it got a 2."] == "example"


def test_a_document_titled_calibration_examples_keeps_its_instructions(tmp_path):
    from guidecheck.ingest import read_document

    path = tmp_path / "calibration.md"
    path.write_text(
        "# Calibration examples\n\nUse these examples in the weekly calibration session.\n\n## Examples\n\n"
        "The reply was vague, so it got a 2.\n",
        encoding="utf-8",
    )
    kinds = {b.text: b.kind for b in read_document(path, path.name).blocks}
    assert kinds["Use these examples in the weekly calibration session."] == "paragraph"
    assert kinds["The reply was vague, so it got a 2."] == "example"
