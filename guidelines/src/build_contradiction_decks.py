"""Build the binary decks of the contradiction corpus: guidelines/contradictions/image-captioning/.

The image-captioning project ships as
- guide.docx     the Word guideline: score table, rules, a "Do not:" list, definitions and worked examples
- training.pptx  the trainer's slides; most rules live in the speaker notes
- faq.pdf        the rater FAQ exported to PDF, with a dated update at the end

Planted contradictions and tricky non-contradictions are labeled in guidelines/labels/contradictions.jsonl
(deck "image-captioning"). Run: python guidelines/src/build_contradiction_decks.py (byte-stable output).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deckutil import fix_zip_times

OUT = Path(__file__).resolve().parents[1] / "contradictions" / "image-captioning"
FIXED = dt.datetime(2024, 6, 3, 9, 0, 0)

GUIDE = [
    ("title", "Image Caption Rating Guidelines"),
    (
        "para",
        "You will see one image and one machine-written caption. Rate how well the caption describes the image.",
    ),
    ("h1", "Scale"),
    ("para", "Rate each caption on a 1-5 scale."),
    (
        "table",
        [
            ["Score", "Label", "Description"],
            ["5", "Excellent", "Accurate, complete and fluent."],
            ["4", "Good", "Accurate with a small omission."],
            ["3", "Fair", "Mostly accurate, misses the main action or a person."],
            ["2", "Poor", "Contains a wrong object or action."],
            ["1", "Unusable", "Describes a different image."],
        ],
    ),
    ("h1", "Content"),
    ("para", "Captions must mention every person visible in the image."),
    ("para", "Captions must be at most 25 words long."),
    ("para", "Never guess a person's age or ethnicity."),
    ("para", "If a caption names an object that is not in the image, rate it 2 or lower."),
    ("para", "Do not penalize captions for British spelling."),
    ("h1", "Wording"),
    ("para", "Do not:"),
    ("bullet", 'start a caption with the words "image of"'),
    ("bullet", "mention the camera brand"),
    ("h1", "Priorities"),
    ("para", "Accuracy takes priority over detail."),
    ("h1", "Definitions"),
    ("para", "A hallucinated object means an object named in the caption that is not visible in the image."),
    ("h1", "Examples"),
    (
        "para",
        'Example 1: The caption reads "A man paints a colourful fence". We deducted one point for British '
        "spelling and rated it 4.",
    ),
    ("para", "Example 2: The caption mentions a dog, but there is no dog in the photo. Rating: 4."),
]

SLIDES = [
    ("Caption rating kickoff", "Welcome the raters and walk through the schedule for the week."),
    ("Length", "A good caption must be at least 30 words long."),
    ("People", "Raters may guess a person's age."),
    ("Priorities", "Detail takes precedence over accuracy."),
    ("Wording", 'You may start a caption with the words "image of" when the image is a drawing.'),
    ("Top score", "Give a perfect caption a 6."),
    ("People, again", "Captions must mention every visible person."),
]

FAQ = [
    ("h1", "Image captioning FAQ"),
    ("h2", "What is a hallucinated object?"),
    ("para", "A hallucinated object refers to any object the caption describes with the wrong color."),
    ("h2", "Crowd photos"),
    ("para", "You do not need to mention every person visible in the image."),
    ("h2", "Invented objects"),
    ("para", "If a caption names an object that is not in the image, rate it 1."),
    ("h2", "Camera brands"),
    ("para", "Never mention the camera brand in a caption."),
    ("h2", "Update (January 2025)"),
    ("para", "Update (January 2025): you may now write captions of up to 40 words."),
]


def build_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "Caption quality team"
    props.created = props.modified = FIXED
    for kind, value in GUIDE:
        if kind == "title":
            document.add_heading(value, 0)
        elif kind == "h1":
            document.add_heading(value, 1)
        elif kind == "para":
            document.add_paragraph(value)
        elif kind == "bullet":
            document.add_paragraph(value, style="List Bullet")
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(path)


def build_pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    deck.core_properties.author = deck.core_properties.last_modified_by = "Caption training team"
    deck.core_properties.created = deck.core_properties.modified = FIXED
    for title, notes in SLIDES:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = title
        slide.notes_slide.notes_text_frame.text = notes
    deck.save(path)


def build_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED.replace(tzinfo=dt.timezone.utc))
    pdf.set_title("Image captioning FAQ")
    pdf.set_author("Caption quality team")
    pdf.add_page()
    for kind, text in FAQ:
        if kind in ("h1", "h2"):
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 18 if kind == "h1" else 13)
        else:
            pdf.ln(2)
            pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_docx(OUT / "guide.docx")
    fix_zip_times(OUT / "guide.docx", FIXED)
    build_pptx(OUT / "training.pptx")
    fix_zip_times(OUT / "training.pptx", FIXED)
    build_pdf(OUT / "faq.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"wrote {path.relative_to(OUT.parents[2])} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
