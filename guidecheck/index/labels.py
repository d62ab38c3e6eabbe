"""The label inventory of each document: which labels and scale points it defines, and where rules use labels.

Pure functions over documents and rules. Entries come from rubric tables (score / label / description columns),
"3 = Relevant: ..." lines anywhere, "Spam: ..." lines in a scale section, and prose ranges ("on a 1-5 scale").
Label usages come from rule text ("mark it as Borderline", "rate it 5", "select \"Unsure\""). Patterns live in
``data/labels.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import (
    CODE,
    EXAMPLE,
    HEADING,
    LIST_ITEM,
    NOTE,
    PARAGRAPH,
    QUOTE,
    TABLE_ROW,
    Block,
    Document,
    Location,
    Rule,
)
from .glossary import is_glossary_section, normal_term

_SKIP = frozenset({HEADING, CODE, QUOTE, EXAMPLE})


@dataclass(frozen=True)
class LabelDef:
    name: str | None  # "Relevant"
    score: str | None  # "3"
    description: str
    location: Location
    source: str  # "table", "line", "range"
    section: tuple[str, ...] = ()

    @property
    def keys(self) -> list[str]:
        return [k for k in (self.score, normal_term(self.name) if self.name else None) if k]


@dataclass
class Inventory:
    path: str
    entries: list[LabelDef] = field(default_factory=list)
    scale: tuple[int, int] | None = None  # stated range, e.g. (1, 5)
    scale_location: Location | None = None

    def names(self) -> set[str]:
        return {normal_term(e.name) for e in self.entries if e.name}

    def scores(self) -> set[str]:
        return {e.score for e in self.entries if e.score}

    def numeric_points(self) -> set[int]:
        points = {int(float(s)) for s in self.scores() if re.fullmatch(r"\d+", s)}
        if self.scale:
            points |= set(range(self.scale[0], self.scale[1] + 1))
        return points

    def defines(self, label: str) -> bool:
        key = normal_term(label)
        return (
            key in self.names()
            or key in self.scores()
            or (key.isdigit() and int(key) in self.numeric_points())
        )


@dataclass(frozen=True)
class LabelUse:
    label: str
    start: int  # offsets into the rule text
    end: int

    @property
    def numeric(self) -> bool:
        return bool(re.fullmatch(r"\d+(?:\.\d+)?", self.label))


@lru_cache(maxsize=1)
def _data() -> dict:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/labels.toml").read_text("utf-8"))[
        "inventory"
    ]
    compiled = {
        k: [re.compile(p, re.I) for p in data[k]]
        for k in ("score_headers", "name_headers", "description_headers", "range", "enumeration")
    }
    compiled["entry"] = [re.compile(p) for p in data["entry"]]  # case matters: names start upper-case
    compiled["usage"] = [re.compile(p.replace("LABEL", data["label_name"])) for p in data["usage"]]
    compiled["section_titles"] = [s.lower() for s in data["section_titles"]]
    compiled["not_labels"] = {s.lower() for s in data["not_labels"]}
    compiled["not_entry_names"] = {s.lower() for s in data["not_entry_names"]}
    compiled["max_entry_repeats"] = int(data["max_entry_repeats"])
    return compiled


def _match_any(rxs, text: str) -> bool:
    return any(rx.search(text.strip()) for rx in rxs)


def is_scale_section(section: tuple[str, ...]) -> bool:
    title = section[-1].lower() if section else ""
    return any(w in title for w in _data()["section_titles"])


def _table_entry(block: Block) -> LabelDef | None:
    d = _data()
    score = name = desc = None
    used: set[int] = set()
    for i, head in enumerate(block.header):
        if score is None and _match_any(d["score_headers"], head):
            score, _ = i, used.add(i)
        elif name is None and _match_any(d["name_headers"], head):
            name, _ = i, used.add(i)
        elif desc is None and _match_any(d["description_headers"], head):
            desc, _ = i, used.add(i)
    if score is None and name is None:
        return None
    if desc is None:
        rest = [i for i in range(len(block.header)) if i not in used]
        if not rest:
            return None
        desc = rest[-1]
    cells = list(block.cells) + [""] * (len(block.header) - len(block.cells))
    score_cell = cells[score].strip() if score is not None else ""
    name_cell = cells[name].strip() if name is not None else ""
    if score_cell and not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", score_cell):
        name_cell, score_cell = name_cell or score_cell, ""  # a "Rating" column holding words is a name
    if not score_cell and not name_cell:
        return None
    return LabelDef(
        name_cell or None, score_cell or None, cells[desc].strip(), block.location, "table", block.section
    )


def _line_entry(block: Block, text: str, location: Location) -> LabelDef | None:
    text = text.strip().strip("*_")
    in_scale = is_scale_section(block.section)
    for n, rx in enumerate(_data()["entry"]):
        if n == len(_data()["entry"]) - 1 and not in_scale:
            break  # "Name: description" is only an entry inside a scale section
        m = rx.match(text)
        if not m:
            continue
        score = m.groupdict().get("score")
        if score and not in_scale and block.kind not in (LIST_ITEM, PARAGRAPH, NOTE):
            continue
        name = (m.groupdict().get("name") or "").strip() or None
        if name and (len(name.split()) > 4 or normal_term(name) in _data()["not_entry_names"]):
            if not score:
                return None
            name = None
        if not score and (m.group("desc") or "").rstrip().endswith("?"):
            return None
        return LabelDef(name, score, (m.group("desc") or "").strip(), location, "line", block.section)
    return None


def document_inventory(doc: Document) -> Inventory:
    inv = Inventory(doc.path)
    d = _data()
    for block in doc.blocks:
        if block.kind in _SKIP:
            continue
        if block.kind == TABLE_ROW and block.header:
            if not is_glossary_section(block.section) or is_scale_section(block.section):
                entry = _table_entry(block)
                if entry is not None:
                    inv.entries.append(entry)
        elif block.kind in (LIST_ITEM, NOTE):  # one entry, possibly wrapped over several lines
            entry = _line_entry(block, " ".join(block.text.split()), block.location)
            if entry is not None:
                inv.entries.append(entry)
        elif block.kind == PARAGRAPH:  # plain-text decks put a whole list in one paragraph: one entry a line
            for n, line in enumerate(block.text.strip().splitlines()):
                loc = (
                    replace(block.location, line=block.location.line + n)
                    if block.location.line
                    else block.location
                )
                entry = _line_entry(block, line, loc)
                if entry is not None:
                    inv.entries.append(entry)
        if block.kind in (PARAGRAPH, LIST_ITEM, NOTE):
            for rx in d["enumeration"]:
                m = rx.search(block.text)
                if m:
                    for name in re.split(r"\s*(?:,|\bor\b|\band\b|/)\s*", m.group("list")):
                        name = name.strip(" \"“”'")
                        if name and name[0].isupper() and len(name.split()) <= 4:
                            inv.entries.append(
                                LabelDef(name, None, "", block.location, "list", block.section)
                            )
        if inv.scale is None and block.kind != TABLE_ROW:
            for rx in d["range"]:
                m = rx.search(block.text)
                if m and int(m.group("lo")) < int(m.group("hi")) <= 20:
                    inv.scale, inv.scale_location = (int(m.group("lo")), int(m.group("hi"))), block.location
                    break
    # A lone "Note: ..." line is not a label: named-only lines count when their section has two or more.
    named: dict[tuple[str, ...], int] = {}
    for e in inv.entries:
        if e.source == "line" and not e.score:
            named[e.section] = named.get(e.section, 0) + 1
    inv.entries = [
        e for e in inv.entries if not (e.source == "line" and not e.score and named[e.section] < 2)
    ]
    repeats: dict[str, int] = {}
    for e in inv.entries:
        if e.name:
            repeats[normal_term(e.name)] = repeats.get(normal_term(e.name), 0) + 1
    inv.entries = [
        e
        for e in inv.entries
        if not (e.name and e.source == "line" and repeats[normal_term(e.name)] >= d["max_entry_repeats"])
    ]
    return inv


def merged(inventories: list[Inventory], path: str) -> Inventory:
    """One inventory for a deck of several files (definitions in guide.md, uses in faq.md)."""
    out = Inventory(path)
    for inv in inventories:
        out.entries.extend(inv.entries)
        if out.scale is None and inv.scale is not None:
            out.scale, out.scale_location = inv.scale, inv.scale_location
    return out


def build_inventories(documents: list[Document]) -> dict[str, Inventory]:
    return {doc.path: document_inventory(doc) for doc in documents if doc.status != "error"}


def label_uses(rule: Rule) -> list[LabelUse]:
    """Labels and scores a rule assigns, with their offsets in the rule text."""
    d = _data()
    out: list[LabelUse] = []
    seen: set[tuple[int, int]] = set()
    for rx in d["usage"]:
        for m in rx.finditer(rule.text):
            start, end = m.span("label")
            raw = m.group("label")
            label = raw.strip('"“”')
            if raw[0] in '"“':
                start, end = start + 1, end - 1
            if label.lower() in d["not_labels"] or label.split()[0].lower() in d["not_labels"]:
                continue
            if (start, end) in seen or any(a <= start < b for a, b in seen):
                continue
            seen.add((start, end))
            out.append(LabelUse(label, start, end))
    return sorted(out, key=lambda u: u.start)
