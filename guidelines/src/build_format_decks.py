"""Build the binary demo decks in guidelines/formats/: one rating project split the way real ones are.

Project Aster (chatbot helpfulness rating) ships as
- chatbot-helpfulness-training.pptx  the trainer's slide deck, with speaker notes
- chatbot-helpfulness-rubric.docx    the Word rubric with the score table, Dos/Don'ts, a footnote and a comment
- chatbot-helpfulness-faq.pdf        the rater FAQ, exported to PDF with running header and page numbers

Planted cross-document inconsistencies (the demo report should find them):
1. Slide 4 tells raters to verify facts with a web search; the FAQ (page 1) forbids web search while rating.
2. The notes of slide 8 require justifications of at least 30 words; the rubric says under 25 words.
3. The notes of slide 7 allow a 4 for a response with one minor factual error; the rubric rates any factual error
   2 or lower.

Run: python guidelines/src/build_format_decks.py   (output is byte-stable: fixed dates, fixed zip timestamps)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deckutil import fix_zip_times

OUT = Path(__file__).resolve().parents[1] / "formats"
FIXED = dt.datetime(2024, 3, 4, 9, 0, 0)

SLIDES = [
    {
        "title": "Helpfulness Rating: Rater Training",
        "bullets": [
            ("Project Aster: conversational assistant evaluation", 0),
            ("Version 4, March update", 0),
        ],
        "notes": "Welcome everyone. This deck is the training summary; the Word rubric has the full score "
        "definitions and the FAQ answers the questions raters asked in the first two weeks.",
    },
    {
        "title": "What you are rating",
        "bullets": [
            ("Rate only the final assistant turn of each conversation", 0),
            ("Read every earlier turn before you rate", 0),
            ("Rate helpfulness, not writing style", 0),
        ],
        "notes": "Remind raters that earlier turns are context. They must not rate earlier assistant turns, even "
        "when those turns are wrong.",
    },
    {
        "title": "The 1-5 helpfulness scale",
        "table": [
            ["Score", "Label", "In short"],
            ["5", "Excellent", "Follows every instruction, accurate, complete"],
            ["4", "Good", "Accurate, small omissions"],
            ["3", "Acceptable", "Addresses the request, misses part of it"],
            ["2", "Poor", "Factual error, ignored instruction, or refuses a safe request"],
            ["1", "Unhelpful", "Off-topic, unsafe or dangerous"],
        ],
        "notes": "Walk through each score. Ask raters to keep the Word rubric open during their first week.",
    },
    {
        "title": "Do and Don't",
        "bullets": [
            ("Do:", 0),
            ("Check that every instruction in the prompt was followed", 1),
            ("Verify factual claims with a quick web search", 1),
            ("Don't:", 0),
            ("Reward length for its own sake", 1),
            ("Penalize a polite refusal of an unsafe request", 1),
        ],
        "notes": "Stress the second Do: a web search is the fastest way to catch invented facts, names and dates.",
    },
    {
        "title": "Safety comes first",
        "bullets": [
            ("A response that gives dangerous instructions is always rated 1", 0),
            ("Add the Safety tag to the conversation", 0),
        ],
        "notes": "Dangerous means instructions that could lead to physical harm, for example weapons or unsafe "
        "medication doses. When in doubt, tag it and move on.",
    },
    {
        "title": "Refusals",
        "bullets": [
            ("Refusing an unsafe request is the correct behaviour", 0),
            ("A refusal of a safe request is rated 2 at most", 0),
        ],
        "notes": "Over-refusal was the most common problem in the February round. A request to write about a "
        "historical war is safe.",
    },
    {
        "title": "Factual errors",
        "bullets": [("Check names, dates, prices and figures", 0), ("Factual errors lower the score", 0)],
        "notes": "Tell raters that a response with one minor factual error can still be rated 4 if the rest of the "
        "answer is excellent.\nMajor errors, such as a wrong dosage, are always rated 1.",
    },
    {
        "title": "Writing your justification",
        "bullets": [
            ("Write a justification for every rating", 0),
            ("Quote the sentence that drove your score", 0),
        ],
        "notes": "Justifications must be at least 30 words long. Reviewers need to follow your reasoning.\n"
        "Do not:\n- copy the whole response into the justification\n- mention other raters by name",
    },
    {
        "title": "Worked example",
        "bullets": [
            ("User: Can you plan a 3-day trip to Lisbon on a small budget?", 0),
            ("Response: Day 1: Alfama and the castle. Day 2: Belem. Day 3: a day trip to Sintra.", 0),
            ("Rating: 4. Complete and accurate, but it ignores the budget.", 0),
        ],
        "notes": "Ask the room which score they would give before you reveal the rating.",
    },
]

RUBRIC = [
    ("title", "Project Aster: Helpfulness Rubric"),
    (
        "para",
        "This rubric defines the score raters give to the final assistant turn of a conversation. "
        "Version 4, March.",
    ),
    ("h1", "Scoring scale"),
    ("para", "Give every response exactly one score from 1 to 5."),
    (
        "table",
        [
            ["Score", "Label", "Description"],
            ["5", "Excellent", "Follows every instruction, is accurate and complete, and needs no edits."],
            ["4", "Good", "Accurate and mostly complete; small omissions that do not mislead the user."],
            ["3", "Acceptable", "Addresses the request but misses part of it or needs noticeable edits."],
            ["2", "Poor", "Contains a factual error, ignores a key instruction, or refuses a safe request."],
            ["1", "Unhelpful", "Off-topic, unsafe, or gives dangerous instructions."],
        ],
    ),
    ("para", "Rate any response with a factual error 2 or lower, however good the rest of it is."),
    ("h1", "Justifications"),
    ("para", "Write one justification per rating and quote the sentence that drove the score."),
    ("para", "Justifications must be under 25 words. Reviewers read several hundred a day."),
    ("h1", "Dos and Don'ts"),
    ("h2", "Do"),
    ("bullet", "Read the whole conversation before rating."),
    ("bullet", "Rate the final assistant turn only."),
    ("bullet", "Add the Safety tag to any conversation with dangerous content."),
    ("h2", "Don't"),
    ("bullet", "Reward long responses because they are long."),
    ("bullet", "Rate the user's behaviour instead of the assistant's."),
    ("bullet", "Discuss individual tasks outside the rating tool."),
    ("h1", "Examples"),
    ("quote", "User: What year did the Berlin Wall fall?"),
    ("quote", "Response: The Berlin Wall fell in 1991, which reunified Germany."),
    ("para", "The year is wrong, so the response is rated 2 even though it is otherwise clear."),
]
RUBRIC_FOOTNOTE = (
    "Rate any response with a factual error 2 or lower, however good the rest of it is.",
    "Factual errors include wrong names, dates, prices, figures and quotations.",
)
RUBRIC_COMMENT = (
    "Justifications must be under 25 words. Reviewers read several hundred a day.",
    "M. Okafor",
    "Reviewers asked for shorter justifications after the February calibration.",
)

FAQ_HEADER = "Project Aster - Rater FAQ - v4 (March)"
FAQ = [
    [
        ("h1", "Rater FAQ"),
        ("p", "Answers to the questions raters asked most often during the first two weeks of the project."),
        ("h2", "Research and sources"),
        ("p", "Q: Can I look things up while rating?"),
        (
            "p",
            "A: Do not use web search to verify factual claims while rating. Judge accuracy from your own "
            "knowledge and the conversation, and add the Unsure tag when you cannot tell whether a claim is true.",
        ),
        ("h2", "Refusals"),
        ("p", "Q: The assistant refused to write a poem about a historical war. How do I rate it?"),
        ("p", "A: A refusal of a safe request is rated 2 at most. Writing about history is safe."),
    ],
    [
        ("h2", "Length"),
        ("p", "Q: Is a longer answer better?"),
        (
            "p",
            "A: No. Do not reward length for its own sake; a short answer that does everything the user asked "
            "can be rated 5.",
        ),
        ("h2", "Justifications"),
        ("p", "Q: What should my justification contain?"),
        ("p", "A: Quote the sentence that drove your score and say which part of the rubric it matches."),
        ("h2", "Safety"),
        ("p", "Q: The answer is accurate but explains how to make a weapon. Does accuracy count?"),
        (
            "p",
            "A: No. Dangerous instructions are always rated 1 and tagged Safety, however accurate they are.",
        ),
    ],
    [
        ("h2", "Time per task"),
        ("p", "Q: How long should a conversation take?"),
        (
            "p",
            "A: Spend no more than 6 minutes on one conversation. If you need longer, skip it with the reason "
            "Too long.",
        ),
        ("h2", "Contact"),
        (
            "p",
            "Questions that are not answered here go to the project channel; the FAQ is updated every Friday.",
        ),
    ],
]


def build_pptx(path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.author = "Project Aster training team"
    deck.core_properties.created = deck.core_properties.modified = FIXED
    deck.core_properties.last_modified_by = "Project Aster training team"
    for spec in SLIDES:
        slide = deck.slides.add_slide(deck.slide_layouts[1] if "bullets" in spec else deck.slide_layouts[5])
        slide.shapes.title.text = spec["title"]
        if "bullets" in spec:
            frame = slide.placeholders[1].text_frame
            for n, (text, level) in enumerate(spec["bullets"]):
                paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
                paragraph.text, paragraph.level = text, level
        if "table" in spec:
            rows = spec["table"]
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(0.5), Inches(1.5), Inches(9), Inches(0.5) * len(rows)
            )
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    shape.table.cell(r, c).text = value
        slide.notes_slide.notes_text_frame.text = spec["notes"]
    deck.save(path)


def build_docx(path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "Project Aster quality team"
    props.created = props.modified = FIXED
    props.revision = 4
    paragraphs = {}
    for kind, *rest in RUBRIC:
        if kind == "title":
            document.add_heading(rest[0], 0)
        elif kind in ("h1", "h2"):
            document.add_heading(rest[0], int(kind[1]))
        elif kind == "para":
            paragraphs[rest[0]] = document.add_paragraph(rest[0])
        elif kind == "bullet":
            document.add_paragraph(rest[0], style="List Bullet")
        elif kind == "quote":
            document.add_paragraph(rest[0], style="Quote")
        elif kind == "table":
            rows = rest[0]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    anchor, author, text = RUBRIC_COMMENT
    document.add_comment(paragraphs[anchor].runs, text=text, author=author, initials="MO")
    # Footnote: python-docx has no API for them, so add the part and the reference the way Word stores them.
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.Element(qn("w:footnotes"), nsmap={"w": w})
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): fid})
        etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r"))
    note = etree.SubElement(root, qn("w:footnote"), {qn("w:id"): "1"})
    etree.SubElement(
        etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r")), qn("w:t")
    ).text = RUBRIC_FOOTNOTE[1]
    ref = etree.SubElement(paragraphs[RUBRIC_FOOTNOTE[0]]._p, qn("w:r"))
    etree.SubElement(ref, qn("w:footnoteReference"), {qn("w:id"): "1"})
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(path)


def build_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(FIXED.replace(tzinfo=dt.timezone.utc))
    pdf.set_title("Project Aster Rater FAQ")
    pdf.set_author("Project Aster quality team")
    for number, content in enumerate(FAQ, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, 8)
        pdf.cell(0, 5, FAQ_HEADER)
        pdf.set_xy(10, 22)
        for kind, text in content:
            if kind in ("h1", "h2"):
                pdf.ln(4)
                pdf.set_font("Helvetica", "B", 18 if kind == "h1" else 13)
                pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("Helvetica", size=11)
                pdf.ln(2)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, 285)
        pdf.cell(0, 5, f"Page {number} of {len(FAQ)}", align="C")
    pdf.output(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_pptx(OUT / "chatbot-helpfulness-training.pptx")
    fix_zip_times(OUT / "chatbot-helpfulness-training.pptx", FIXED)
    build_docx(OUT / "chatbot-helpfulness-rubric.docx")
    fix_zip_times(OUT / "chatbot-helpfulness-rubric.docx", FIXED)
    build_pdf(OUT / "chatbot-helpfulness-faq.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
