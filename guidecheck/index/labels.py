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

from ..cache import Cache
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
from .label_forms import document_headings, in_headings, label_keys, named_labels

_SKIP = frozenset({HEADING, CODE, QUOTE, EXAMPLE})


# A short code in the plural ("both units are Cs", "treated as Ds"): the code C / D with an English plural.
_CODE_PLURAL = re.compile(r"[A-Z]{1,3}s")


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
    # Names defined in other forms (headings, "Name (CODE)", "(labeled X)", label lists; index/label_forms.py):
    # they make a label defined, but are not scale points.
    named: dict[str, Location] = field(default_factory=dict)
    headings: list[tuple[str, ...]] = field(default_factory=list)
    # Whether the document defines labels in a form other than headings (a heading alone names a section).
    lists_labels: bool = False

    def names(self) -> set[str]:
        return {normal_term(e.name) for e in self.entries if e.name}

    def scores(self) -> set[str]:
        return {e.score for e in self.entries if e.score}

    def numeric_points(self) -> set[int]:
        points = {int(float(s)) for s in self.scores() if re.fullmatch(r"\d+", s)}
        if self.scale:
            points |= set(range(self.scale[0], self.scale[1] + 1))
        return points

    def is_option(self, label: str) -> bool:
        """Whether ``label`` is a point or named option of the scale itself (LAB005), not only a defined name."""
        key = normal_term(label)
        if key in self.scores() or (key.isdigit() and int(key) in self.numeric_points()):
            return True
        names = self.names()
        return any(k in names for k in label_keys(label))

    def defines(self, label: str) -> bool:
        key = normal_term(label)
        if key in self.scores() or (key.isdigit() and int(key) in self.numeric_points()):
            return True
        names = self.names()
        if label.startswith(("[", "<")):  # a bracketed tag is a code: defined only as written
            parts = [f"{key[0]}{p}{key[-1]}" for p in key[1:-1].split("^")]  # <qy^d>: tags combined
            return all(p in names or p in self.named for p in parts)
        if self.names_label(label) or in_headings(label, self.headings):
            return True
        return bool(_CODE_PLURAL.fullmatch(label)) and self.names_label(
            label[:-1]
        )  # "marked as Cs": C, plural

    def names_label(self, label: str) -> bool:
        """Whether a table, scale line or definition form names ``label`` (headings' words aside)."""
        names = self.names()
        return any(k in names or k in self.named for k in label_keys(label))


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
    compiled["not_entry_words"] = {s.lower() for s in data["not_entry_words"]}
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
    if name_cell and (len(name_cell.split()) > 5 or name_cell[-1] in ".!?"):
        name_cell = ""  # a sentence in the label column is an example item, not a label name
    if not score_cell and not name_cell:
        return None
    return LabelDef(
        name_cell or None, score_cell or None, cells[desc].strip(), block.location, "table", block.section
    )


def _numbered_heading(text: str, m: re.Match[str], in_scale: bool) -> bool:
    """ "2.1.1 Ethnicity-based HS" and "3) Links of reframing:" are numbered sections and list items, not scale
    points: a score is a point when it is followed by "=", ":" or "(" (or sits in a scale section), and is not
    a multi-level section number."""
    after = text[m.end("score") :]
    if re.match(r"\.\d", after) or (not in_scale and "." in m.group("score")):
        return True
    if (m.group("desc") or "").rstrip().endswith(":"):
        return True
    return not in_scale and after.lstrip()[:1] not in ("=", ":", "(")


def _score_first(m: re.Match[str]) -> bool:
    """ "3 = Relevant" rather than "Relevant (3)"."""
    return "name" not in m.re.groupindex or m.group("name") is None or m.start("name") > m.start("score")


def _line_entry(block: Block, text: str, location: Location) -> LabelDef | None:
    text = re.sub(r"^[^\w\[\"“(]+", "", text.strip()).strip("*_")  # bullets and check-box glyphs
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
        if score and _score_first(m) and _numbered_heading(text, m, in_scale):
            continue
        name = (m.groupdict().get("name") or "").strip() or None
        if name and (
            len(name.split()) > 4
            or normal_term(name) in _data()["not_entry_names"]
            or set(normal_term(name).split()) & _data()["not_entry_words"]
        ):
            if not score:
                return None
            name = None
        if not score and (m.group("desc") or "").rstrip().endswith("?"):
            return None
        return LabelDef(name, score, (m.group("desc") or "").strip(), location, "line", block.section)
    return None


def _block_entries(block: Block) -> list[LabelDef]:
    """Rubric-table rows, scale lines and prose label lists in one block."""
    if block.kind == TABLE_ROW and block.header:
        if not is_glossary_section(block.section) or is_scale_section(block.section):
            entry = _table_entry(block)
            return [entry] if entry is not None else []
        return []
    out: list[LabelDef] = []
    if block.kind in (LIST_ITEM, NOTE):  # one entry, possibly wrapped over several lines
        entry = _line_entry(block, " ".join(block.text.split()), block.location)
        out += [entry] if entry is not None else []
    elif block.kind == PARAGRAPH:  # plain-text decks put a whole list in one paragraph: one entry a line
        for n, line in enumerate(block.text.strip().splitlines()):
            line_no = block.location.line + n if block.location.line else None
            entry = _line_entry(block, line, replace(block.location, line=line_no))
            out += [entry] if entry is not None else []
    if block.kind in (PARAGRAPH, LIST_ITEM, NOTE):
        out += _enumerated(block)
    return out


def _enumerated(block: Block) -> list[LabelDef]:
    """ "Every post receives exactly one label: Safe, Sensitive or Violating." """
    out: list[LabelDef] = []
    for rx in _data()["enumeration"]:
        m = rx.search(block.text)
        if m:
            for name in re.split(r"\s*(?:,|\bor\b|\band\b|/)\s*", m.group("list")):
                name = name.strip(" \"“”'")
                if name and name[0].isupper() and len(name.split()) <= 4:
                    out.append(LabelDef(name, None, "", block.location, "list", block.section))
    return out


def _stated_range(block: Block) -> tuple[int, int] | None:
    """ "on a 1-5 scale" -> (1, 5)."""
    for rx in _data()["range"]:
        m = rx.search(block.text)
        if m and int(m.group("lo")) < int(m.group("hi")) <= 20:
            return int(m.group("lo")), int(m.group("hi"))
    return None


def _drop_prefix_lines(entries: list[LabelDef]) -> list[LabelDef]:
    """A lone "Note: ..." line is not a label: named-only lines count when their section has two or more, and
    a name used as a line prefix over and over ("Source: ...") is not a label either."""
    named: dict[tuple[str, ...], int] = {}
    for e in entries:
        if e.source == "line" and not e.score:
            named[e.section] = named.get(e.section, 0) + 1
    entries = [e for e in entries if not (e.source == "line" and not e.score and named[e.section] < 2)]
    repeats: dict[str, int] = {}
    for e in entries:
        if e.name:
            repeats[normal_term(e.name)] = repeats.get(normal_term(e.name), 0) + 1
    limit = _data()["max_entry_repeats"]
    return [
        e for e in entries if not (e.name and e.source == "line" and repeats[normal_term(e.name)] >= limit)
    ]


def document_inventory(doc: Document) -> Inventory:
    named, listed = named_labels(doc)
    inv = Inventory(doc.path, named=named, headings=document_headings(doc), lists_labels=listed)
    for block in doc.blocks:
        if block.kind in _SKIP:
            continue
        inv.entries += _block_entries(block)
        if inv.scale is None and block.kind != TABLE_ROW:
            stated = _stated_range(block)
            if stated is not None:
                inv.scale, inv.scale_location = stated, block.location
    inv.entries = _drop_prefix_lines(inv.entries)
    return inv


def merged(inventories: list[Inventory], path: str) -> Inventory:
    """One inventory for a deck of several files (definitions in guide.md, uses in faq.md)."""
    out = Inventory(path)
    for inv in inventories:
        out.entries.extend(inv.entries)
        out.headings.extend(inv.headings)
        out.lists_labels = out.lists_labels or inv.lists_labels
        for key, location in inv.named.items():
            out.named.setdefault(key, location)
        if out.scale is None and inv.scale is not None:
            out.scale, out.scale_location = inv.scale, inv.scale_location
    return out


def build_inventories(documents: list[Document], cache: Cache | None = None) -> dict[str, Inventory]:
    """Each readable document's inventory; with ``cache``, a document read without any warning whose bytes were
    seen before gets the inventory computed then (a re-check computes the edited file's only)."""
    from ..cache import code_version, key
    from ..tagged import remembered

    classes = {"Inventory": Inventory, "LabelDef": LabelDef, "Location": Location}
    out = {}
    for doc in documents:
        if doc.status == "error":
            continue
        if doc.status != "ok" or doc.message or not doc.digest:
            out[doc.path] = document_inventory(doc)
            continue
        k = key("inventory", code_version(), doc.path, doc.digest)
        out[doc.path] = remembered(cache, "inventories", k, lambda d=doc: document_inventory(d), classes)
    return out


def _person_name(label: str) -> bool:
    """rules.lexicon.is_person_name, imported on use: reading the report's labels must not load the rule layer."""
    from ..rules.lexicon import is_person_name

    return is_person_name(label)


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
            if _person_name(label):
                continue  # "tag a QA Lead": someone to reach, not a value given
            if (start, end) in seen or any(a <= start < b for a, b in seen):
                continue
            seen.add((start, end))
            out.append(LabelUse(label, start, end))
    return sorted(out, key=lambda u: u.start)
