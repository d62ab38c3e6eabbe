"""PPTX via python-pptx: every slide's title, body text (bullet levels kept), tables and grouped shapes, in reading
order, and the speaker notes (kind NOTE, ``Location.notes``), all with their slide number.

Trainers often put the real rule in the notes ("tell raters that...") while the slide shows a summary, so notes are
read like body text; the slide title is the section path of everything on the slide.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..model import HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE_ROW, Block, Location
from .office import check_package

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Speaker notes are plain text boxes; writers type their own bullets.
_TYPED_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+(.*)$")


def _clean(text: str) -> str:
    return " ".join(text.replace("\x0b", " ").split())


def _has_bullet(paragraph, in_body: bool) -> bool:
    """Body placeholders bullet by default (unless buNone); text boxes only when they say so."""
    ppr = paragraph._p.find(f"{A}pPr")
    if ppr is not None:
        if ppr.find(f"{A}buNone") is not None:
            return False
        if ppr.find(f"{A}buChar") is not None or ppr.find(f"{A}buAutoNum") is not None:
            return True
    return in_body or paragraph.level > 0


def _ordered(shapes) -> list:
    """Title first, then top-to-bottom, left-to-right (the order a reader's eye follows, not z-order)."""

    def key(shape):
        return (shape.top if shape.top is not None else 0, shape.left if shape.left is not None else 0)

    return sorted(shapes, key=key)


class _Slide:
    def __init__(self, path: str, number: int, section: tuple[str, ...]):
        self.path, self.number, self.section = path, number, section
        self.blocks: list[Block] = []

    def location(self, notes: bool = False) -> Location:
        return Location(self.path, slide=self.number, notes=notes)

    def text_frame(self, frame, in_body: bool) -> None:
        for paragraph in frame.paragraphs:
            text = _clean("".join(r.text for r in paragraph.runs) if paragraph.runs else paragraph.text)
            if not text:
                continue
            if _has_bullet(paragraph, in_body):
                self.blocks.append(
                    Block(text, LIST_ITEM, self.location(), self.section, depth=paragraph.level)
                )
            else:
                self.blocks.append(Block(text, PARAGRAPH, self.location(), self.section))

    def table(self, table) -> None:
        rows = [tuple(_clean(cell.text) for cell in row.cells) for row in table.rows]
        header, body = (rows[0], rows[1:]) if len(rows) > 1 else ((), rows)
        for cells in body:
            if any(cells):
                self.blocks.append(
                    Block(
                        " | ".join(c for c in cells if c),
                        TABLE_ROW,
                        self.location(),
                        self.section,
                        header=header,
                        cells=cells,
                    )
                )

    def shapes(self, shapes, title_id: int | None) -> None:
        from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

        for shape in _ordered(shapes):
            if title_id is not None and shape.shape_id == title_id:
                continue
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                self.shapes(shape.shapes, None)
            elif getattr(shape, "has_table", False) and shape.has_table:
                self.table(shape.table)
            elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                in_body = shape.is_placeholder and shape.placeholder_format.type in (
                    PP_PLACEHOLDER.BODY,
                    PP_PLACEHOLDER.OBJECT,
                    PP_PLACEHOLDER.VERTICAL_BODY,
                    PP_PLACEHOLDER.VERTICAL_OBJECT,
                )
                self.text_frame(shape.text_frame, in_body)

    def notes(self, frame) -> None:
        for paragraph in frame.paragraphs:
            text = _clean(paragraph.text)
            if not text:
                continue
            typed = _TYPED_BULLET.match(text)
            listed = bool(typed) or paragraph.level > 0
            self.blocks.append(
                Block(
                    typed.group(1) if typed else text,
                    NOTE,
                    self.location(notes=True),
                    self.section,
                    depth=paragraph.level,
                    meta={"list": True} if listed else {},
                )
            )


def read(path: Path, raw: bytes) -> list[Block]:
    check_package(raw, "pptx")
    from pptx import Presentation

    deck = Presentation(io.BytesIO(raw))
    blocks: list[Block] = []
    for number, slide in enumerate(deck.slides, start=1):
        title_shape = slide.shapes.title
        title = (
            _clean(title_shape.text_frame.text)
            if title_shape is not None and title_shape.has_text_frame
            else ""
        )
        section = (title,) if title else ()
        reader = _Slide(str(path), number, section)
        if title:
            reader.blocks.append(Block(title, HEADING, reader.location(), section, meta={"level": 1}))
        reader.shapes(slide.shapes, title_shape.shape_id if title_shape is not None else None)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            reader.notes(slide.notes_slide.notes_text_frame)
        if slide._element.get("show") == "0":  # hidden slides are often stale backups: let checks tell
            for block in reader.blocks:
                block.meta["hidden"] = True
        blocks.extend(reader.blocks)
    return blocks
