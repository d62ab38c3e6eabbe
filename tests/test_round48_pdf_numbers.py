"""PDF headings that carry a section number, and step numbers set apart on their own line.

A PDF exported from Word or a layout tool prints "12. Pay and Schedule" in the heading font; the reader took the
number for a list bullet and made the heading a list item, so every later section stayed under the one before
(a pay section read as part of a worked example). A step number printed alone in bold ("1", then the step's text
on the next line) is no heading either: it starts the step's list item. Every text here was written for this test.
"""

from __future__ import annotations

from fixtures_builders import build_pdf, read

# Body text around the lines under test, as on a real page: the body font is the common one, and the first and last
# lines of a page (where page numbers sit) are prose.
BEFORE = [
    ("p", "Read this handbook before your first task."),
    ("p", "It explains how photos are rated and paid."),
]
AFTER = [("p", "Ask your lead when a rule is unclear."), ("p", "The handbook is updated every quarter.")]


def test_a_numbered_heading_in_the_heading_font_is_a_heading(tmp_path):
    doc = read(
        build_pdf(
            tmp_path / "guide.pdf",
            [
                [
                    ("h1", "Photo Rating Handbook"),
                    *BEFORE,
                    ("h2", "10. Worked Examples"),
                    ("p", "Example A shows a blurred photo rated 2."),
                    ("h2", "12. Pay and Schedule"),
                    ("p", "Skipped photos are not paid."),
                    *AFTER,
                ]
            ],
        )
    )
    pay = next(b for b in doc.blocks if b.text == "Skipped photos are not paid.")
    assert pay.section == ("Photo Rating Handbook", "12. Pay and Schedule")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "Photo Rating Handbook",
        "10. Worked Examples",
        "12. Pay and Schedule",
    ]


def test_a_numbered_item_in_the_body_font_stays_a_list_item(tmp_path):
    doc = read(
        build_pdf(
            tmp_path / "steps.pdf", [[("h1", "Steps"), *BEFORE, ("p", "1. Read the caption first."), *AFTER]]
        )
    )
    assert ("list_item", "Read the caption first.") in [(b.kind, b.text) for b in doc.blocks]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Steps"]


def test_a_step_number_alone_in_bold_starts_its_step(tmp_path):
    doc = read(
        build_pdf(
            tmp_path / "flow.pdf",
            [
                [
                    ("h1", "Task Workflow"),
                    *BEFORE,
                    ("b", "1"),
                    ("p", "Read the caption first."),
                    ("b", "2"),
                    ("p", "Rate the photo."),
                    *AFTER,
                ]
            ],
        )
    )
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Task Workflow"]
    steps = [
        (b.kind, b.text, b.section)
        for b in doc.blocks
        if b.text in ("Read the caption first.", "Rate the photo.")
    ]
    assert steps == [
        ("list_item", "Read the caption first.", ("Task Workflow",)),
        ("list_item", "Rate the photo.", ("Task Workflow",)),
    ]
