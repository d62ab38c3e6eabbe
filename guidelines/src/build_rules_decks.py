"""Build the binary decks of the rule-extraction corpus (guidelines/rules/*.docx, *.pptx).

Run from the repository root: ``.venv/bin/python guidelines/src/build_rules_decks.py``. The output is committed
next to the text decks; gold labels for every sentence are in guidelines/labels/rules.jsonl.
Document properties are fixed so re-running produces the same content.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rules"
FIXED = dt.datetime(2026, 1, 1)

QUERY_INTENT = [
    ("h1", "Query Intent Classification"),
    ("p", "This guide explains how to classify the intent behind a shopping search query."),
    ("p", "Queries were sampled from one week of anonymised search logs."),
    ("h2", "Intent labels"),
    (
        "table",
        [
            ("Label", "Description"),
            ("Navigational", "The user wants a specific site or store page."),
            ("Transactional", "The user wants to buy a product now."),
            ("Informational", "The user wants to learn about a product or topic."),
            ("Unclear", "The intent cannot be determined from the query."),
        ],
    ),
    ("h2", "How to classify"),
    ("p", "Assign exactly one intent label to each query."),
    ("p", "Look at the query text only; do not open the search results."),
    ("p", "If a query contains a store name, label it Navigational."),
    ("p", 'Queries with words like "buy", "cheap" or "deal" are usually Transactional.'),
    ("p", "Transactional takes priority over Informational when both readings are plausible."),
    ("p", "You should use Unclear for fewer than 10 percent of the queries in a batch."),
    ("p", "Raters may consult a dictionary for unfamiliar product terms."),
    ("p", "Misspelled queries must be classified as if they were spelled correctly."),
    ("h2", "Special cases"),
    ("p", "For queries that are only a brand name:"),
    ("li", "label the query Navigational"),
    ("li", "add the tag BRAND_ONLY"),
    ("p", "Queries in languages other than English should be skipped."),
    ("p", "Do not label a query Transactional just because it contains a price."),
    ("p", "A query is a single search string as the user typed it."),
    ("p", "Some queries contain typos that change their meaning."),
    ("h2", "Examples"),
    ("p", 'Example: "nike store near me" is Navigational.'),
    ("p", 'Example: "how to clean suede shoes" is Informational.'),
    ("h2", "Quality"),
    ("p", "Your labels are compared with a gold set every Friday."),
    ("p", "Agreement with the gold set must be at least 85 percent."),
    ("p", "We recommend taking a short break every 45 minutes."),
]

DIALOGUE = [
    # (slide title, bullets, notes)
    ("Dialogue Evaluation Training", ["Multi-turn assistant conversations", "Rater onboarding, week 1"], ""),
    (
        "Your task",
        [
            "Read the full conversation before rating the last turn",
            "Rate only the final assistant turn",
            "Each conversation has between 2 and 8 turns",
        ],
        "Remind raters that earlier turns are context. They must not rate earlier assistant turns.",
    ),
    (
        "Rating scale",
        [
            "3 = Good: correct and consistent with earlier turns",
            "2 = Okay: correct but ignores some context",
            "1 = Bad: wrong, unsafe or contradicts an earlier turn",
        ],
        "Tell raters that a contradiction with an earlier turn is always a 1.",
    ),
    (
        "Consistency",
        [
            "The assistant should not contradict itself",
            "Persona changes are allowed only when the user asks for them",
            "Check names, numbers and dates against earlier turns",
        ],
        "Most contradictions we see are about numbers. Raters can use the search box to find earlier mentions.",
    ),
    (
        "Safety",
        ["Flag any turn that reveals personal data", "Never rate a flagged turn above 1"],
        "Flagged turns go to a separate review queue. If you are unsure whether data is personal, flag it.",
    ),
    (
        "Timing",
        ["Spend no more than 3 minutes per conversation", "Long conversations are split across two tasks"],
        "The timer is only a guide. Raters may take longer on conversations with more than 6 turns.",
    ),
]


def build_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = "guidecheck"
    for kind, content in QUERY_INTENT:
        if kind == "h1":
            d.add_heading(content, level=1)
        elif kind == "h2":
            d.add_heading(content, level=2)
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "li":
            d.add_paragraph(content, style="List Bullet")
        elif kind == "table":
            table = d.add_table(rows=0, cols=len(content[0]))
            for row in content:
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = value
    d.save(path)


def build_pptx(path: Path) -> None:
    from pptx import Presentation

    prs = Presentation()
    prs.core_properties.created = FIXED
    prs.core_properties.modified = FIXED
    prs.core_properties.author = "guidecheck"
    for title, bullets, notes in DIALOGUE:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0]
        for b in bullets[1:]:
            body.add_paragraph().text = b
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    prs.save(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_docx(OUT / "query-intent.docx")
    build_pptx(OUT / "dialogue-evaluation.pptx")


if __name__ == "__main__":
    main()
