"""The glossary of each document: terms a deck defines, so checks stop calling them vague or undefined.

Pure functions over documents. Two sources: entries in a Glossary/Definitions section ("Term: definition",
glossary tables) and inline definitions anywhere ("X means ...", "By X we mean ..."). Patterns live in
``data/labels.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import CODE, EXAMPLE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_ROW, Document, Location

_SKIP = frozenset({HEADING, CODE, QUOTE, EXAMPLE})
# Captured "terms" that are really pronouns or filler ("This means that ...").
_NOT_TERMS = frozenset(
    {
        "this",
        "that",
        "it",
        "which",
        "what",
        "there",
        "here",
        "one",
        "each",
        "all",
        "note",
        "example",
        "e.g",
        "i.e",
        "tip",
        "important",
        "warning",
        "update",
    }
)
_ENTRY = re.compile(
    r"^[\"“']?(?P<term>[A-Za-z][\w'/ ()-]{0,50}?)[\"”']?\s*(?::|–|—|\s-\s)\s*(?P<definition>\S.{2,})$"
)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    location: Location
    in_glossary: bool  # from a Glossary/Definitions section (LAB002 checks these are used)


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[re.Pattern[str]]]:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/labels.toml").read_text("utf-8"))[
        "glossary"
    ]
    return {
        k: [re.compile(p, re.I) for p in data[k]]
        for k in ("section_titles", "inline", "term_headers", "definition_headers")
    }


@lru_cache(maxsize=1 << 16)
def normal_term(term: str) -> str:
    """Quotes and emphasis marks dropped, spaces collapsed, lower case. Cached: label checks normalise the same
    few hundred names tens of thousands of times on a large deck."""
    return re.sub(r"\s+", " ", re.sub(r"[\"“”'‘’*_`]", "", term)).strip().lower()


def is_glossary_section(section: tuple[str, ...]) -> bool:
    return bool(section) and any(rx.search(section[-1].strip()) for rx in patterns()["section_titles"])


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _table_entry(block) -> tuple[str, str] | None:
    p = patterns()
    term = definition = None
    for head, cell in zip(block.header, block.cells):
        if term is None and any(rx.search(head.strip()) for rx in p["term_headers"]):
            term = cell
        elif definition is None and any(rx.search(head.strip()) for rx in p["definition_headers"]):
            definition = cell
    if term and definition is not None:
        return term, definition
    return None


def document_glossary(doc: Document) -> dict[str, GlossaryEntry]:
    """normalised term -> entry; the first definition of a term wins."""
    out: dict[str, GlossaryEntry] = {}

    def add(term: str, definition: str, location: Location, in_glossary: bool) -> None:
        key = normal_term(term)
        if key and len(key) <= 50 and key not in out and key not in _NOT_TERMS:
            out[key] = GlossaryEntry(term.strip(" \"“”'"), definition.strip(), location, in_glossary)

    for block in doc.blocks:
        if block.kind in _SKIP:
            continue
        if is_glossary_section(block.section):
            if block.kind == TABLE_ROW and block.header:
                entry = _table_entry(block)
                if entry:
                    add(entry[0], entry[1], block.location, True)
                    continue
            if block.kind in (LIST_ITEM, PARAGRAPH):
                m = _ENTRY.match(block.text.strip())
                if m and len(m.group("term").split()) <= 5:
                    add(m.group("term"), m.group("definition"), block.location, True)
                    continue
        for sentence in _sentences(block.text):
            for rx in patterns()["inline"]:
                m = rx.match(sentence)
                if m and len(m.group("term").split()) <= 5:
                    add(m.group("term"), sentence, block.location, False)
                    break
    return out


def build_glossaries(documents: list[Document]) -> dict[str, dict[str, GlossaryEntry]]:
    """path -> that document's glossary."""
    return {doc.path: document_glossary(doc) for doc in documents if doc.status != "error"}
