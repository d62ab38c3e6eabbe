"""Markdown via markdown-it-py: headings -> section path, nested list items, table rows with their header,
code and block quotes as non-rule text, front matter skipped, ``{#id key=value}`` heading attributes kept."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..model import CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_ROW, Block, Location
from .textdecode import decode

_HEADING_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


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


def read(path: Path, raw: bytes) -> list[Block]:
    text, _ = decode(raw, "Markdown text")
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    sections: list[tuple[int, str]] = []  # (level, title)
    section_meta: dict[str, dict[str, str]] = {}
    list_depth = 0
    quote_depth = 0
    in_item = 0
    list_count = 0  # top-level lists seen: two lists back to back are two lists
    table_header: list[str] = []
    row_cells: list[str] = []
    in_head = False
    row_line = 0

    def section_path() -> tuple[str, ...]:
        return tuple(title for _, title in sections)

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] + 1 if tok.map else None
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            title, attrs = _heading_attrs(inline_text(tokens[i + 1]))
            while sections and sections[-1][0] >= level:
                sections.pop()
            sections.append((level, title))
            meta = {"level": level, **({"attrs": attrs} if attrs else {})}
            blocks.append(Block(title, HEADING, Location(str(path), line), section_path(), meta=meta))
            if attrs:
                section_meta[" > ".join(section_path())] = attrs
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
            if list_depth == 1:
                list_count += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type in ("fence", "code_block"):
            content = tok.content.rstrip("\n")
            if content.strip():
                blocks.append(
                    Block(
                        content,
                        CODE,
                        Location(str(path), line),
                        section_path(),
                        meta={"info": tok.info.strip()} if tok.info.strip() else {},
                    )
                )
        elif tok.type == "thead_open":
            in_head, table_header = True, []
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row_cells, row_line = [], line
        elif tok.type in ("th_open", "td_open"):
            row_cells.append(inline_text(tokens[i + 1]))
            i += 3
            continue
        elif tok.type == "tr_close":
            if in_head:
                table_header = row_cells
            elif any(row_cells):
                header = tuple(table_header)
                cells = tuple(row_cells)
                text_row = " | ".join(c for c in cells if c)
                blocks.append(
                    Block(
                        text_row,
                        TABLE_ROW,
                        Location(str(path), row_line),
                        section_path(),
                        header=header,
                        cells=cells,
                    )
                )
        elif tok.type == "paragraph_open":
            content = inline_text(tokens[i + 1])
            if content:
                if quote_depth:
                    kind = QUOTE
                elif in_item:
                    kind = LIST_ITEM
                else:
                    kind = PARAGRAPH
                # The first paragraph of an item sits on the item's line; later ones on their own.
                blocks.append(
                    Block(
                        content,
                        kind,
                        Location(str(path), line),
                        section_path(),
                        depth=max(list_depth - 1, 0) if kind == LIST_ITEM else 0,
                        meta={"list_id": str(list_count)} if kind == LIST_ITEM else {},
                    )
                )
            i += 3
            continue
        elif tok.type == "html_block" and line is not None:
            from .html import read_fragment

            blocks.extend(read_fragment(tok.content, str(path), line, sections))
        i += 1
    for block in blocks:
        attrs = section_meta.get(" > ".join(block.section))
        if attrs and block.kind != HEADING:
            block.meta.setdefault("section_attrs", attrs)
    return blocks
