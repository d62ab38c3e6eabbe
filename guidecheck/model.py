"""Data passed between pipeline stages.

Each stage reads the dataclasses of the stage before it and produces its own:
ingest -> Document/Block, rules -> Rule, index -> Index, checks -> Finding, report -> files.
One thing flows back: after extraction, pipeline.py sets each Document's ``rule_count`` and turns a readable
document without any rule into status "warning". Nothing else writes to an earlier stage's objects.
All of them serialise to plain dicts (``to_dict``) for the JSON report and the caches.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Status = Literal["ok", "warning", "error"]
Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

# Block kinds produced by ingest.
HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW, NOTE, EXAMPLE, CODE, QUOTE = (
    "heading",
    "paragraph",
    "list_item",
    "table_row",
    "note",
    "example",
    "code",
    "quote",
)
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW, NOTE, EXAMPLE, CODE, QUOTE)
# Headings, code and quotes yield no rules (rules/segment.py SKIP_KINDS). EXAMPLE blocks do: their sentences
# become rules marked ``is_example``, which checks compare against the rules (CON008) and never count as rules.

RULE_KINDS = (
    "obligation",
    "prohibition",
    "permission",
    "recommendation",
    "discouragement",
    "definition",
    "priority",
    "rubric",
)


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in its source: enough to say 'slide 14, notes' or 'guide.md:212'."""

    path: str
    line: int | None = None
    column: int | None = None
    page: int | None = None
    slide: int | None = None
    notes: bool = False

    def label(self) -> str:
        """Human form used in text reports and HTML: ``path:12``, ``path page 3``, ``path slide 4 (notes)``."""
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        if self.page is not None:
            out += f" page {self.page}"
        if self.slide is not None:
            out += f" slide {self.slide}"
        if self.notes:
            out += " (notes)"
        return out


@dataclass
class Block:
    """One structural unit of a document: a paragraph, list item, table row, slide note, ..."""

    text: str
    kind: str
    location: Location
    section: tuple[str, ...] = ()
    # The sentence introducing a list ("Do not:") that every item under it inherits.
    lead_in: str | None = None
    # "positive" under Do/Dos lead-ins, "negative" under Don't/Do not/Avoid lead-ins.
    polarity: str | None = None
    # Table rows: the header cells and this row's cells, aligned.
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    # Nesting depth of list items (0 = top level).
    depth: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    path: str
    format: str
    status: Status = "ok"
    message: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # sha256 of the raw bytes: the cache key for everything derived from this document.
    digest: str = ""
    words: int = 0
    rule_count: int = 0  # rules found (examples excluded); set by the pipeline after extraction
    # Suppression comments read out of the document (guidecheck.suppress.directives.Directive).
    directives: list[Any] = field(default_factory=list)
    # Why a damaged file could not be read, in the library's words (exception name and text): only `check -v`
    # shows it; ``message`` stays in plain words.
    detail: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A numeric constraint: 'at least 50 words' -> (length, >=, 50, word)."""

    attribute: str
    comparator: str  # one of < <= = >= > between
    value: float
    unit: str | None = None
    upper: float | None = None  # for 'between'
    text: str = ""


@dataclass
class Rule:
    """A normative statement turned into a frame that checks can compare field by field."""

    id: str
    text: str
    location: Location
    section: tuple[str, ...] = ()
    block_kind: str = PARAGRAPH
    kind: str = "obligation"
    modality: str | None = None
    strength: float = 0.0  # must/never 1.0 > should 0.6 > may 0.3
    negated: bool = False
    actor: str | None = None
    action: str | None = None
    object: str | None = None
    labels: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quantifier: str | None = None
    date: str | None = None  # "Update (March)", "v2", "errata"
    is_example: bool = False  # from an example block: checked against the rules, never counted as one
    # Sentence role: "rule" or "example" (rationale, background and navigation sentences yield no Rule at all).
    role: str = "rule"
    example_of: str | None = None
    lead_in: str | None = None
    polarity: str | None = None
    # Table rows: header -> cell, so rubric checks can read "Score" and "Description".
    cells: dict[str, str] = field(default_factory=dict)
    # Character offsets of the rule text inside its block (for highlighting and columns).
    start: int = 0
    end: int = 0
    # Extraction evidence: which pattern or parse decided the kind (explainability).
    evidence: str = ""
    # FAQ answers: the question they answer ("Q: What if the page is slow?"), kept as the rule's context.
    context: str | None = None

    @property
    def path(self) -> str:
        return self.location.path


@dataclass(frozen=True)
class Span:
    """A highlighted range inside a rule's text."""

    rule: str
    start: int
    end: int


@dataclass
class Finding:
    id: str
    check: str
    category: str
    severity: Severity
    confidence: float
    message: str
    rules: list[str]
    fingerprint: str
    location: Location
    fix: str | None = None
    spans: list[Span] = field(default_factory=list)
    related: list[Location] = field(default_factory=list)
    # Set after the checks by guidecheck.suppress: {"kind": "inSource"|"external", "reason": ..., "by": ...}.
    suppressed: dict[str, Any] | None = None


def to_dict(obj: Any) -> Any:
    """Dataclass -> JSON-ready dict (tuples become lists)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: to_dict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def location_from_dict(d: dict[str, Any]) -> Location:
    return Location(**d)


def finding_from_dict(d: dict[str, Any]) -> Finding:
    d = dict(d)
    d["location"] = Location(**d["location"])
    d["spans"] = [Span(**x) for x in d.get("spans") or []]
    d["related"] = [Location(**x) for x in d.get("related") or []]
    return Finding(**d)


def rule_from_dict(d: dict[str, Any]) -> Rule:
    d = dict(d)
    d["location"] = Location(**d["location"])
    d["section"] = tuple(d.get("section") or ())
    d["quantities"] = [Quantity(**q) for q in d.get("quantities") or []]
    return Rule(**d)


__all__ = [name for name in dir() if not name.startswith("_")] + ["asdict"]
