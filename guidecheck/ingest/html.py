"""HTML via BeautifulSoup (html.parser, which records source lines): visible text only, headings -> section path,
nested lists, tables with their header row, pre/code and block quotes as non-rule text.

Each block gets the source line its text starts on, and keeps the source's line breaks so a rule in the middle of
a long paragraph can be given its own line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_ROW, Block, Location
from .textdecode import decode

INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "option",
        "input",
        "textarea",
    }
)
BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "body",
        "div",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "html",
        "main",
        "nav",
        "p",
        "section",
        "details",
        "summary",
        "caption",
        "center",
        "li",
        "ul",
        "ol",
        "menu",
        "table",
        "pre",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


def _hidden(tag) -> bool:
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(tag.get("style", "")))
    )


def _tidy(text: str) -> tuple[str, int]:
    """(text with runs of spaces collapsed and line breaks kept, number of line breaks before the first word)."""
    lead = len(text) - len(text.lstrip())
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)  # every source line break kept: rules count them to find their line
    return text.strip(), text[:lead].count("\n") if lead else 0


def _line_of(text) -> int | None:
    """Line on which a text node starts: only tags carry source lines, so count from the nearest tag before it."""
    from bs4 import Tag

    newlines = 0
    node = text.previous_sibling
    while node is not None:
        if isinstance(node, Tag) and node.sourceline is not None:
            return node.sourceline + str(node).count("\n") + newlines
        newlines += str(node).count("\n")
        node = node.previous_sibling
    parent = text.parent
    return getattr(parent, "sourceline", None) if parent is not None else None


class _Walker:
    def __init__(self, path: str):
        self.path = path
        self.blocks: list[Block] = []
        self.sections: list[tuple[int, str]] = []
        self.depth = -1  # list nesting; -1 = not in a list
        self.quote = 0
        self.buffer: list[str] = []
        self.buffer_line: int | None = None

    def section(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.sections)

    def flush(self, kind: str | None = None) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        text, lead = _tidy(raw)
        if text:
            if kind is None:
                kind = QUOTE if self.quote else LIST_ITEM if self.depth >= 0 else PARAGRAPH
            line = self.buffer_line + lead if self.buffer_line is not None else None
            self.blocks.append(
                Block(
                    text,
                    kind,
                    Location(self.path, line),
                    self.section(),
                    depth=max(self.depth, 0) if kind == LIST_ITEM else 0,
                )
            )
        self.buffer_line = None

    def inline(self, node) -> None:
        """Collect visible text of inline content into the current block."""
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            return
        if isinstance(node, NavigableString):
            if self.buffer_line is None and node.strip():
                self.buffer_line = _line_of(node)
                self.buffer = []  # whitespace before the first word: its line breaks are counted by _line_of
            self.buffer.append(str(node))
            return
        if not isinstance(node, Tag) or node.name in INVISIBLE or _hidden(node):
            return
        if node.name in BLOCK:
            self.flush()
            self.block(node)
            return
        if node.name == "br":
            # A break is a line break in the text; when the source breaks the line there too, that one counts.
            following = node.next_sibling
            self.buffer.append(
                " "
                if isinstance(following, NavigableString) and following.lstrip(" \t").startswith("\n")
                else "\n"
            )
            return
        if node.name == "img" and node.get("alt"):
            self.buffer.append(node["alt"])
            return
        if self.buffer_line is None and node.get_text(strip=True):
            self.buffer_line = node.sourceline
        for child in node.children:
            self.inline(child)

    def children(self, tag) -> None:
        for child in tag.children:
            self.inline(child)
        self.flush()

    def block(self, tag) -> None:
        name = tag.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text, _lead = _tidy(tag.get_text(" "))
            text = " ".join(text.split())
            if text:
                level = int(name[1])
                while self.sections and self.sections[-1][0] >= level:
                    self.sections.pop()
                self.sections.append((level, text))
                self.blocks.append(
                    Block(
                        text,
                        HEADING,
                        Location(self.path, tag.sourceline),
                        self.section(),
                        meta={"level": level, **({"id": tag["id"]} if tag.get("id") else {})},
                    )
                )
        elif name == "pre":
            text = tag.get_text().strip("\n")
            if text.strip():
                self.blocks.append(Block(text, CODE, Location(self.path, tag.sourceline), self.section()))
        elif name in ("ul", "ol", "menu"):
            self.depth += 1
            self.children(tag)
            self.depth -= 1
        elif name == "blockquote":
            self.quote += 1
            self.children(tag)
            self.quote -= 1
        elif name == "table":
            self.table(tag)
        else:
            self.children(tag)

    def table(self, tag) -> None:
        rows = [r for r in tag.find_all("tr") if r.find_parent("table") is tag]
        header: tuple[str, ...] = ()
        for row in rows:
            cells = [c for c in row.find_all(["td", "th"]) if c.find_parent("tr") is row]
            texts = tuple(" ".join(c.get_text(" ").split()) for c in cells)
            if (
                not header
                and cells
                and (all(c.name == "th" for c in cells) or row.find_parent("thead") is not None)
            ):
                header = texts
                continue
            if any(texts):
                self.blocks.append(
                    Block(
                        " | ".join(t for t in texts if t),
                        TABLE_ROW,
                        Location(self.path, row.sourceline),
                        self.section(),
                        header=header,
                        cells=texts,
                    )
                )


def read(path: Path, raw: bytes) -> list[Block]:
    from bs4 import BeautifulSoup

    declared = _META_CHARSET.search(raw[:4096])
    text = None
    if declared:
        try:
            text = raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, _ = decode(raw, "HTML")
    soup = BeautifulSoup(text, "html.parser")
    walker = _Walker(str(path))
    root = soup.body or soup
    for child in list(root.children):
        walker.inline(child)
    walker.flush()
    return walker.blocks


def read_fragment(text: str, path: str, first_line: int, sections: list[tuple[int, str]]) -> list[Block]:
    """Blocks of an HTML fragment embedded in another format (raw HTML in Markdown), lines shifted to the host file.

    ``sections`` is the host's (level, title) stack; headings inside the fragment extend it in place.
    """
    from bs4 import BeautifulSoup

    walker = _Walker(path)
    walker.sections = sections
    for child in list(BeautifulSoup(text, "html.parser").children):
        walker.inline(child)
    walker.flush()
    for block in walker.blocks:
        if block.location.line is not None:
            block.location = Location(path, block.location.line + first_line - 1)
    return walker.blocks
