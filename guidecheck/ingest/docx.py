"""DOCX via python-docx: heading styles -> section path, list paragraphs with their level, tables (each row a
block that keeps the header row), quote and code styles as non-rule text, footnotes and review comments.

Word files carry no line numbers; when Word recorded where its pages broke (``lastRenderedPageBreak``), blocks get
that page number, otherwise their location is the file plus the section path.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..model import CODE, HEADING, LIST_ITEM, NOTE, PARAGRAPH, QUOTE, TABLE_ROW, Block, Location
from .office import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo)\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list\b.*?(\d)?$", re.I)
_QUOTE_STYLE = re.compile(r"quote|citation|zitat", re.I)
_CODE_STYLE = re.compile(r"code|preformatted|source|macro text", re.I)
_CODE_FONTS = ("courier", "consolas", "menlo", "monaco", "source code", "lucida console")


def _text(element) -> str:
    """Visible text of a paragraph element: runs, hyperlinks, tabs and breaks; deleted revisions skipped."""
    parts: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        if any(a.tag == f"{W}del" for a in node.iterancestors()):
            continue
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _style_chain(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _heading_level(paragraph) -> int | None:
    for style in _style_chain(paragraph):
        name = style.name or ""
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
    outline = paragraph._p.find(f"{W}pPr/{W}outlineLvl")
    if outline is not None and (value := outline.get(f"{W}val", "9")).isdigit() and int(value) < 9:
        return int(value) + 1
    return None


def _list_depth(paragraph) -> int | None:
    num = paragraph._p.find(f"{W}pPr/{W}numPr")
    if num is not None:
        level = num.find(f"{W}ilvl")
        num_id = num.find(f"{W}numId")
        if num_id is not None and num_id.get(f"{W}val") == "0":
            return None  # numbering explicitly removed
        return int(level.get(f"{W}val", "0")) if level is not None else 0
    for style in _style_chain(paragraph):
        match = _LIST_STYLE.match(style.name or "")
        if match:
            return int(match.group(1)) - 1 if match.group(1) else 0
        if style.element.find(f"{W}pPr/{W}numPr") is not None:
            return 0
    return None


def _list_id(paragraph) -> str:
    """Which list a paragraph belongs to: its numbering id, else its style's (a new id starts a new list)."""
    for element in (paragraph._p, *(s.element for s in _style_chain(paragraph))):
        num_id = element.find(f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            return num_id.get(f"{W}val", "")
    return paragraph.style.name or ""


def _is_code(paragraph) -> bool:
    if any(_CODE_STYLE.search(s.name or "") for s in _style_chain(paragraph)):
        return True
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all((r.font.name or "").lower().startswith(_CODE_FONTS) for r in runs)


def _footnotes(document) -> dict[str, str]:
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/footnotes.xml"):
            root = etree.fromstring(part.blob)
            return {
                fn.get(f"{W}id"): _text(fn)
                for fn in root.iter(f"{W}footnote")
                if fn.get(f"{W}type") not in ("separator", "continuationSeparator", "continuationNotice")
            }
    return {}


def _comments(document) -> dict[str, tuple[str, str]]:
    try:
        return {str(c.comment_id): (c.author or "", " ".join(c.text.split())) for c in document.comments}
    except Exception:  # no comments part, or one python-docx cannot parse: comments are optional extras
        return {}


class _Reader:
    def __init__(self, path: str, document):
        self.path = path
        self.parent = document._body  # python-docx proxies need a parent to resolve styles
        self.blocks: list[Block] = []
        self.sections: list[tuple[int, str]] = []
        self.footnotes = _footnotes(document)
        self.comments = _comments(document)
        body = document.element.body
        self.paged = body.find(f".//{W}lastRenderedPageBreak") is not None
        self.page = 1

    def section(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.sections)

    def location(self) -> Location:
        return Location(self.path, page=self.page if self.paged else None)

    def paragraph(self, paragraph) -> None:
        p = paragraph._p
        before = after = 0
        if self.paged:
            # A break before any text moves this paragraph to the next page; a break inside it (the paragraph runs
            # over a page end) counts for what follows, since the paragraph starts on the earlier page.
            seen_text = False
            for node in p.iter(f"{W}t", f"{W}lastRenderedPageBreak"):
                if node.tag == f"{W}t":
                    seen_text = seen_text or bool((node.text or "").strip())
                elif seen_text:
                    after += 1
                else:
                    before += 1
            self.page += before
        text = _text(p)
        if text:
            level = _heading_level(paragraph)
            if level is not None:
                while self.sections and self.sections[-1][0] >= level:
                    self.sections.pop()
                self.sections.append((level, text))
                self.blocks.append(
                    Block(text, HEADING, self.location(), self.section(), meta={"level": level})
                )
            else:
                depth = _list_depth(paragraph)
                style_names = [s.name or "" for s in _style_chain(paragraph)]
                if any(_QUOTE_STYLE.search(n) for n in style_names):
                    kind = QUOTE
                elif _is_code(paragraph):
                    kind = CODE
                else:
                    kind = LIST_ITEM if depth is not None else PARAGRAPH
                meta = {"style": paragraph.style.name}
                if kind == LIST_ITEM:
                    meta["list_id"] = _list_id(paragraph)
                self.blocks.append(
                    Block(text, kind, self.location(), self.section(), depth=depth or 0, meta=meta)
                )
        self.references(p)
        self.page += after

    def references(self, p) -> None:
        """Footnotes and review comments anchored in paragraph ``p``, as blocks right after it."""
        for ref in p.iter(f"{W}footnoteReference"):
            note = self.footnotes.get(ref.get(f"{W}id"))
            if note:
                self.blocks.append(
                    Block(
                        note, PARAGRAPH, self.location(), self.section(), meta={"footnote": ref.get(f"{W}id")}
                    )
                )
        for ref in p.iter(f"{W}commentReference"):
            comment = self.comments.get(ref.get(f"{W}id"))
            if comment and comment[1]:
                self.blocks.append(
                    Block(
                        comment[1],
                        NOTE,
                        self.location(),
                        self.section(),
                        meta={"comment": ref.get(f"{W}id"), "author": comment[0]},
                    )
                )

    def table(self, table) -> None:
        rows: list[tuple[str, ...]] = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # a horizontally merged cell is returned once per grid column
                seen.add(id(cell._tc))
                cells.append(" ".join(_text(par._p) for par in cell.paragraphs if _text(par._p)))
                for inner in cell.tables:  # a table nested in a cell: its rows follow as rows of their own
                    self.table(inner)
            rows.append(tuple(cells))
        if not rows:
            return
        header, body = (rows[0], rows[1:]) if len(rows) > 1 else ((), rows)
        for cells in body:
            if any(cells):
                text = " | ".join(c for c in cells if c)
                self.blocks.append(
                    Block(text, TABLE_ROW, self.location(), self.section(), header=header, cells=cells)
                )

    def walk(self, parent) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in parent.iterchildren():
            if child.tag == f"{W}p":
                self.paragraph(Paragraph(child, self.parent))
            elif child.tag == f"{W}tbl":
                self.table(Table(child, self.parent))
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content)


def read(path: Path, raw: bytes) -> list[Block]:
    check_package(raw, "docx")
    import docx

    document = docx.Document(io.BytesIO(raw))
    reader = _Reader(str(path), document)
    reader.walk(document.element.body)
    return reader.blocks
