"""Markdown via markdown-it-py: headings -> section path, nested list items, table rows with their header,
code and block quotes as non-rule text, front matter skipped, ``{#id key=value}`` heading attributes kept."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..model import CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_ROW, Block, Location
from .textdecode import decode

_HEADING_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
# Text pasted from a word processor or a chat keeps its typographic bullets ("• Under 80 words"), which CommonMark
# reads as one paragraph of run-on items; they are list markers, so they are read as "-" (line numbers unchanged).
_TYPOGRAPHIC_BULLET = re.compile(r"^([ \t]{0,3})[•◦▪▸‣●○■□➢►](?=[ \t]+\S)", re.MULTILINE)


def inline_text(token: Token) -> str:
    """Plain text of an inline token: emphasis and links dropped, code spans kept."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")  # kept so rules can be given the line they start on
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline":
            continue
    return re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]+", " ", "".join(parts))).strip()


def in_page_link(token: Token) -> bool:
    """The whole inline is one link to an anchor in this page: a table-of-contents entry, not text of its own."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) < 3 or children[0].type != "link_open" or children[-1].type != "link_close":
        return False
    inner = children[1:-1]
    return str(children[0].attrGet("href") or "").startswith("#") and not any(
        c.type == "link_open" for c in inner
    )


def _heading_attrs(text: str) -> tuple[str, dict[str, str]]:
    match = _HEADING_ATTRS.search(text)
    if not match:
        return text, {}
    attrs: dict[str, str] = {}
    try:
        items = shlex.split(match.group(1))
    except ValueError:
        items = match.group(1).split()
    for item in items:
        if item.startswith("#"):
            attrs["id"] = item[1:]
        elif item.startswith("."):
            attrs.setdefault("class", "")
            attrs["class"] = (attrs["class"] + " " + item[1:]).strip()
        elif "=" in item:
            key, _, value = item.partition("=")
            attrs[key] = value
    return text[: match.start()].rstrip(), attrs


# Tokens that only open or close a nesting level: (counter, step).
_NESTING = {
    "bullet_list_open": ("list_depth", 1),
    "ordered_list_open": ("list_depth", 1),
    "bullet_list_close": ("list_depth", -1),
    "ordered_list_close": ("list_depth", -1),
    "list_item_open": ("in_item", 1),
    "list_item_close": ("in_item", -1),
    "blockquote_open": ("quote_depth", 1),
    "blockquote_close": ("quote_depth", -1),
}


@dataclass
class _Walk:
    """One pass over the token stream; the nesting and table state a token's block depends on."""

    path: str
    tokens: list[Token]
    blocks: list[Block] = field(default_factory=list)
    sections: list[tuple[int, str]] = field(default_factory=list)  # (level, title)
    section_meta: dict[str, dict[str, str]] = field(default_factory=dict)
    list_depth: int = 0
    quote_depth: int = 0
    in_item: int = 0
    list_count: int = 0  # top-level lists seen: two lists back to back are two lists
    table_header: list[str] = field(default_factory=list)
    row_cells: list[str] = field(default_factory=list)
    in_head: bool = False
    row_line: int | None = 0
    item_number: int | None = None  # the number of an ordered list item, until its first paragraph takes it

    def section_path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.sections)

    def step(self, i: int) -> int:
        """Handle token ``i``; return the index of the next token to read."""
        tok = self.tokens[i]
        line = tok.map[0] + 1 if tok.map else None
        if tok.type == "heading_open":
            self.heading(i, line)
            return i + 3
        if tok.type in _NESTING:
            self.nest(tok.type)
            if tok.type == "list_item_open":
                self.item_number = int(tok.info) if tok.info.isdigit() else None
        elif tok.type in ("fence", "code_block"):
            self.code(tok, line)
        elif tok.type in ("thead_open", "thead_close", "tr_open", "tr_close"):
            self.table(tok.type, line)
        elif tok.type in ("th_open", "td_open"):
            self.row_cells.append(inline_text(self.tokens[i + 1]))
            return i + 3
        elif tok.type == "paragraph_open":
            self.paragraph(i, line)
            return i + 3
        elif tok.type == "html_block" and line is not None:
            from .html import read_fragment

            self.blocks.extend(read_fragment(tok.content, self.path, line, self.sections))
        return i + 1

    def heading(self, i: int, line: int | None) -> None:
        level = int(self.tokens[i].tag[1])
        title, attrs = _heading_attrs(inline_text(self.tokens[i + 1]))
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self.sections.append((level, title))
        meta = {"level": level, **({"attrs": attrs} if attrs else {})}
        self.blocks.append(Block(title, HEADING, Location(self.path, line), self.section_path(), meta=meta))
        if attrs:
            self.section_meta[" > ".join(self.section_path())] = attrs

    def nest(self, kind: str) -> None:
        counter, delta = _NESTING[kind]
        setattr(self, counter, getattr(self, counter) + delta)
        if kind in ("bullet_list_open", "ordered_list_open") and self.list_depth == 1:
            self.list_count += 1

    def code(self, tok: Token, line: int | None) -> None:
        content = tok.content.rstrip("\n")
        if content.strip():
            meta = {"info": tok.info.strip()} if tok.info.strip() else {}
            self.blocks.append(
                Block(content, CODE, Location(self.path, line), self.section_path(), meta=meta)
            )

    def table(self, kind: str, line: int | None) -> None:
        if kind == "thead_open":
            self.in_head, self.table_header = True, []
        elif kind == "thead_close":
            self.in_head = False
        elif kind == "tr_open":
            self.row_cells, self.row_line = [], line
        elif self.in_head:
            self.table_header = self.row_cells
        elif any(self.row_cells):
            cells = tuple(self.row_cells)
            self.blocks.append(
                Block(
                    " | ".join(c for c in cells if c),
                    TABLE_ROW,
                    Location(self.path, self.row_line),
                    self.section_path(),
                    header=tuple(self.table_header),
                    cells=cells,
                )
            )

    def paragraph(self, i: int, line: int | None) -> None:
        content = inline_text(self.tokens[i + 1])
        if not content:
            return
        if self.quote_depth:
            kind = QUOTE
        elif self.in_item:
            kind = LIST_ITEM
        else:
            kind = PARAGRAPH
        # The first paragraph of an item sits on the item's line; later ones on their own.
        self.blocks.append(
            Block(
                content,
                kind,
                Location(self.path, line),
                self.section_path(),
                depth=max(self.list_depth - 1, 0) if kind == LIST_ITEM else 0,
                meta=self._meta(kind, self.tokens[i + 1]),
            )
        )

    def _meta(self, kind: str, inline: Token) -> dict:
        meta: dict = {"list_id": str(self.list_count)} if kind == LIST_ITEM else {}
        if kind == LIST_ITEM and self.item_number is not None:
            meta["number"], self.item_number = self.item_number, None  # "3. Submit": counted lists read it
        if in_page_link(inline):
            meta["navigation"] = "in-page link"  # read by the rules stage: a contents entry states no rule
        return meta


def read(path: Path, raw: bytes) -> list[Block]:
    text, _ = decode(raw, "Markdown text")
    walk = _Walk(str(path), _PARSER.parse(_TYPOGRAPHIC_BULLET.sub(r"\1-", text)))
    i = 0
    while i < len(walk.tokens):
        i = walk.step(i)
    for block in walk.blocks:
        attrs = walk.section_meta.get(" > ".join(block.section))
        if attrs and block.kind != HEADING:
            block.meta.setdefault("section_attrs", attrs)
    return walk.blocks
