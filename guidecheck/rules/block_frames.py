"""Rules that are whole blocks (a rubric row, a rubric line, a glossary item) and the Rule object itself:
inherited conditions, dates of updates, strength."""

from __future__ import annotations

from ..model import EXAMPLE, Block, Rule
from .clauses import clause_from_lead
from .label_spotting import header_role, row_labels, rubric_line_labels
from .lexicon import lexicon


def whole_block_frame(block: Block, why: str) -> dict:
    """Kind, labels and evidence of a block that is one rule."""
    if why == "table row":
        role = header_role(block)
        return {
            "kind": role,
            "labels": row_labels(block) if role == "rubric" else [],
            "evidence": f"table row ({' | '.join(block.header)})",
        }
    if why == "rubric line":
        return {
            "kind": "rubric",
            "labels": rubric_line_labels(block.text.strip()),
            "evidence": "rubric line",
        }
    if why == "label definition":
        return {"kind": "definition", "labels": label_item_labels(block), "evidence": "label definition"}
    return {"kind": "definition", "labels": [], "evidence": "glossary item"}


def label_item_labels(block: Block) -> list[str]:
    """The label a label definition item defines, and its code: 'Hate speech (HS): ...' -> [Hate speech, HS]."""
    from .segment import label_item

    m = label_item(block)
    if m is None:
        return []
    term = m.group("term").strip()
    code = m.group("code")
    return [term.rsplit("(", 1)[0].strip(), code] if code else [term]


def date_marker(text: str, block: Block) -> str | None:
    lex = lexicon()
    for rx in lex.dates:
        m = rx.search(text)
        if m:
            return m.group(0).strip(" :,")
    for heading in reversed(block.section):
        for rx in lex.date_headings:
            if rx.match(heading.strip()):
                return heading.strip().rstrip(":")
    return None


def inherited_conditions(block: Block) -> list[str]:
    """Conditions stated by the list lead-in or an enclosing section heading ('When the page does not load:')."""
    out = []
    for heading in block.section[1:]:
        c = clause_from_lead(heading)
        if c and not heading.strip().endswith("?"):
            out.append(c)
    if block.lead_in:
        c = clause_from_lead(block.lead_in)
        if c:
            out.append(c)
    return out


def strength(kind: str, modality: str | None) -> float:
    lex = lexicon()
    if modality:
        return float(lex.strength.get(modality, 0.0))
    return 1.0 if kind in ("rubric", "definition", "priority") else 0.0


def make_rule(
    *,
    text: str,
    block: Block,
    start: int,
    end: int,
    kind: str,
    modality: str | None,
    negated: bool,
    evidence: str,
    actor=None,
    action=None,
    obj=None,
    labels=(),
    conditions=(),
    exceptions=(),
    quantities=(),
    quantifier=None,
    context=None,
) -> Rule:
    from dataclasses import replace

    location = block.location
    if location.line is not None and "\n" in block.text[:start]:
        location = replace(location, line=location.line + block.text[:start].count("\n"))
    return Rule(
        id="",
        text=text,
        location=location,
        section=block.section,
        block_kind=block.meta.get("original_kind", block.kind),
        kind=kind,
        modality=modality,
        strength=strength(kind, modality),
        negated=negated,
        actor=actor,
        action=action,
        object=obj,
        labels=list(labels),
        conditions=list(conditions),
        exceptions=list(exceptions),
        quantities=list(quantities),
        quantifier=quantifier,
        date=date_marker(text, block),
        is_example=block.kind == EXAMPLE,
        role="example" if block.kind == EXAMPLE else "rule",
        lead_in=block.lead_in,
        polarity=block.polarity,
        cells=dict(zip(block.header, block.cells)) if block.header else {},
        start=start,
        end=end,
        evidence=evidence,
        context=context,
    )
