"""Build small DOCX, PPTX and PDF files inside tests, so every fixture is readable in the test that uses it.

Each builder takes a plain description (lists of tuples / dicts) and writes a real file with the same library a
user's tools would produce it with: python-docx, python-pptx, fpdf2.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------- DOCX


def build_docx(
    path: Path,
    items: Iterable[tuple],
    comments: dict[str, tuple[str, str]] | None = None,
    footnotes: dict[str, str] | None = None,
) -> Path:
    """items: ("heading", text, level) | ("para", text) | ("bullet", text, level) | ("number", text, level)
    | ("quote", text) | ("code", text) | ("table", [[header...], [cells...], ...]) | ("page_break",).
    comments: paragraph text -> (author, comment) anchored on that paragraph.
    footnotes: paragraph text -> footnote text referenced at the end of that paragraph."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.core_properties.author = "guidecheck tests"
    paragraphs = {}
    for item in items:
        kind = item[0]
        if kind == "heading":
            paragraphs[item[1]] = document.add_heading(item[1], item[2])
        elif kind == "para":
            paragraphs[item[1]] = document.add_paragraph(item[1])
        elif kind in ("bullet", "number"):
            base = "List Bullet" if kind == "bullet" else "List Number"
            style = base if item[2] == 0 else f"{base} {item[2] + 1}"
            paragraphs[item[1]] = document.add_paragraph(item[1], style=style)
        elif kind == "quote":
            paragraphs[item[1]] = document.add_paragraph(item[1], style="Quote")
        elif kind == "code":
            p = document.add_paragraph()
            run = p.add_run(item[1])
            run.font.name = "Courier New"
        elif kind == "table":
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif kind == "page_break":
            document.add_page_break()
        else:
            raise ValueError(kind)
    for text, (author, comment) in (comments or {}).items():
        document.add_comment(paragraphs[text].runs, text=comment, author=author, initials=author[:1])
    if footnotes:
        _add_footnotes(document, paragraphs, footnotes, qn, etree)
    document.save(path)
    return path


def _add_footnotes(document, paragraphs, footnotes, qn, etree) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.Element(qn("w:footnotes"), nsmap={"w": w})
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): fid})
        etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r"))
    for n, (anchor, text) in enumerate(footnotes.items(), start=1):
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:id"): str(n)})
        run = etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        ref_run = etree.SubElement(paragraphs[anchor]._p, qn("w:r"))
        etree.SubElement(ref_run, qn("w:footnoteReference"), {qn("w:id"): str(n)})
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


# ---------------------------------------------------------------- PPTX


def build_pptx(path: Path, slides: Iterable[dict[str, Any]]) -> Path:
    """slides: {"title": str, "bullets": [(text, level)], "textbox": str, "table": [[header], [cells]],
    "notes": str (lines separated by newlines), "hidden": bool}."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    for spec in slides:
        layout = deck.slide_layouts[1] if spec.get("bullets") else deck.slide_layouts[5]
        slide = deck.slides.add_slide(layout)
        if spec.get("title"):
            slide.shapes.title.text = spec["title"]
        if spec.get("bullets"):
            frame = slide.placeholders[1].text_frame
            for n, (text, level) in enumerate(spec["bullets"]):
                paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
                paragraph.text, paragraph.level = text, level
        if spec.get("textbox"):
            box = slide.shapes.add_textbox(Inches(0.5), Inches(6.3), Inches(9), Inches(0.8))
            box.text_frame.text = spec["textbox"]
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
        if spec.get("table"):
            rows = spec["table"]
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(0.5), Inches(1.6), Inches(9), Inches(0.4) * len(rows)
            )
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    shape.table.cell(r, c).text = value
        if spec.get("notes"):
            slide.notes_slide.notes_text_frame.text = spec["notes"]
        if spec.get("hidden"):
            slide._element.set("show", "0")
    deck.save(path)
    return path


# ---------------------------------------------------------------- PDF


def build_pdf(
    path: Path,
    pages: Iterable[Iterable[tuple[str, str]]],
    header: str | None = None,
    footer_numbers: bool = True,
    encrypt: tuple[str, str] | None = None,
) -> Path:
    """pages: per page a list of ("h1"|"h2"|"p"|"b"|"li", text) ("b": a bold paragraph in the body font size). A running header and "Page N of M" footer are drawn
    on every page, as Word and PowerPoint exports do. encrypt: (owner password, user password)."""
    from fpdf import FPDF

    pages = [list(p) for p in pages]
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_FIXED_DATE)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt[0], user_password=encrypt[1])
    for number, content in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(10, 8)
            pdf.cell(0, 5, header)
        pdf.set_xy(10, 22)
        for kind, text in content:
            if kind in ("h1", "h2"):
                pdf.ln(3)
                pdf.set_font("Helvetica", "B", 18 if kind == "h1" else 14)
                pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            elif kind == "li":
                pdf.set_font("Helvetica", size=11)
                pdf.set_x(16)
                pdf.multi_cell(0, 6, "- " + text, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("Helvetica", "B" if kind == "b" else "", size=11)
                pdf.ln(3)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        if footer_numbers:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(10, 285)
            pdf.cell(0, 5, f"Page {number} of {len(pages)}", align="C")
    pdf.output(str(path))
    return path


def build_blank_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF with drawings but no text layer: what a scanner produces."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    for _ in range(pages):
        pdf.add_page()
        for k in range(30):
            pdf.rect(20, 20 + k * 8, 170, 5, style="F")
    pdf.output(str(path))
    return path


def _fixed_date():
    from datetime import datetime, timezone

    return datetime(2024, 3, 1, tzinfo=timezone.utc)


_FIXED_DATE = _fixed_date()


# ---------------------------------------------------------------- reading back


def read(path: Path):
    """The Document for ``path``, shown by its file name (locations then read 'deck.pptx slide 3')."""
    from guidecheck.ingest import read_document

    return read_document(path, path.name)


def rows(doc) -> list[tuple]:
    """(kind, text, section, location label) per block: a whole document in one assertable value."""
    return [(b.kind, b.text, b.section, b.location.label()) for b in doc.blocks]


def by_text(doc, text: str):
    matches = [b for b in doc.blocks if b.text == text]
    assert len(matches) == 1, f"{text!r} not exactly once in {[b.text for b in doc.blocks]}"
    return matches[0]
