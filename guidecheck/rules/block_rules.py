"""The rules of one parsed block: a whole-block rule (table row, rubric line, glossary or label item) or one rule per
sentence whose role is ``rule`` (or ``example``), with lead-ins and FAQ questions applied."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import EXAMPLE, Block, Rule
from .context import Detection, DocContext
from .lexicon import lexicon
from .segment import Unit, whole_block
from .sentence_roles import (
    EXAMPLE_ROLE,
    RULE,
    ends_with_example_lead,
    fragment_reason,
    is_speaker_table,
    opens_examples,
    parse_role,
    text_role,
)

_SAMPLE_REASONS = frozenset({"sourced sample", "quoted sample", "transcript line", "annotated sample"})


@dataclass
class BlockState:
    """What the sentences of one block read so far say about the next one."""

    block: Block
    index: int
    matches: list = field(default_factory=list)
    dep_matches: list = field(default_factory=list)
    context: str | None = None
    is_lead: bool = False
    examples_open: str | None = (
        None  # why the rest of the block illustrates ("For example:" ended a sentence)
    )


def _context(bi: int, block: Block, ctx: DocContext) -> str | None:
    """The question a block answers: a heading that is a question, or the FAQ question just before it."""
    heading_q = (
        block.section[-1].strip() if block.section and block.section[-1].strip().endswith("?") else None
    )
    if ctx.question is not None and ctx.question_block in (bi, bi - 1):
        return ctx.question
    return heading_q


def _whole_block_rule(block: Block, why: str, unit: Unit, context: str | None) -> Rule | None:
    from .block_frames import inherited_conditions, make_rule, whole_block_frame
    from .quantities import find_quantities, limit_named

    f = whole_block_frame(block, why)
    text = " ".join(block.text[unit.start : unit.end].split())
    quants = find_quantities(text) if f["kind"] == "rubric" and why != "table row" else []
    if why == "glossary":  # "Time limit: 3 minutes per label": a glossary item that names a limit states it
        quants = [q for q in find_quantities(text) if limit_named(q)]
    rule = make_rule(
        text=text,
        block=block,
        start=unit.start,
        end=unit.end,
        kind=f["kind"],
        modality=None,
        negated=False,
        evidence=f["evidence"],
        labels=f["labels"],
        conditions=inherited_conditions(block),
        quantities=quants,
        context=context,
    )
    role = ("example", "dialogue table") if is_speaker_table(block) else None
    if why != "table row" and role is None:
        role = text_role(text)
    if role is not None and role[0] != EXAMPLE_ROLE:
        return None
    if role is not None:
        rule.is_example, rule.role, rule.evidence = (
            True,
            EXAMPLE_ROLE,
            f"example ({role[1]}; {rule.evidence})",
        )
    return rule


def rules_for_block(
    bi: int, block: Block, parsed, matcher, dep, ctx: DocContext, units: list[Unit]
) -> list[Rule]:
    """Rules of one block in reading order; lead-in blocks record what their items inherit and yield nothing."""
    if block.meta.get("navigation"):
        return []  # a table-of-contents entry or other pointer the reader recognised by its markup
    state = BlockState(block, bi, context=_context(bi, block, ctx))
    # a sample message, a transcript turn: every sentence of the block is example material
    whole_role = text_role(block.text)
    if whole_role is not None and whole_role[1] in _SAMPLE_REASONS:
        state.examples_open = whole_role[1]
    whole = whole_block(block)
    out: list[Rule] = []
    if whole and units:
        rule = _whole_block_rule(block, whole, units[0], state.context)
        out.extend([rule] if rule is not None else [])
        units = units[1:]
        if not units:
            return out
    state.matches, state.dep_matches = matcher(parsed), dep(parsed)
    stripped = block.text.strip()
    state.is_lead = (stripped in ctx.lead_texts and stripped.endswith(":")) or bool(
        block.meta.get("is_lead_in")
    )
    for n, unit in enumerate(units):
        text = " ".join(block.text[unit.start : unit.end].split())
        # the whole question: "I keep hesitating between two scores. Which one should I pick?"
        if unit.question:
            asked = lexicon().faq_prefix.sub("", block.text[: unit.end], count=1)
            ctx.question, ctx.question_block = " ".join(asked.split()), bi
            state.context = None
            continue
        if ctx.question is not None and ctx.question_block == bi:
            state.context = ctx.question
        rule = sentence_rule(unit, text, state, ctx, first=n == 0 and not whole)
        if rule is not None:
            out.append(rule)
        if opens_examples(text):
            state.examples_open = state.examples_open or "after 'For example:'"
    return out


def _role(text: str, state: BlockState, first: bool, inherits: bool, cue: bool) -> tuple[str, str] | None:
    """Role decided before parsing the frame: layout debris, wording, an open 'For example:'."""
    block = state.block
    if block.kind != EXAMPLE:
        frag = fragment_reason(text, block, first, inherits, cue)
        if frag:
            return "navigation", frag
    decided = text_role(text)
    if decided is None and state.examples_open:
        return EXAMPLE_ROLE, state.examples_open
    return decided


def sentence_rule(unit: Unit, text: str, state: BlockState, ctx: DocContext, first: bool) -> Rule | None:
    """The rule (or example) one sentence states, or None when its role is not rule or example."""
    from .clause_scope import in_rule_clause
    from .lead_ins import apply_lead, inherits_lead, lead_in_parts, lead_key
    from .sentence_frame import detect_sentence, frame_of

    block, sent = state.block, unit.span
    found = detect_sentence(sent, state, ctx)
    scale = found.det is not None and found.scale
    if scale:
        from .label_spotting import scale_points

        found.labels = scale_points(block.text[unit.start :])
    if state.is_lead:
        ctx.lead_ins[lead_key(block, own=True) or ""] = lead_in_parts(found.det, sent, block)
        if not scale:  # "Do not:" states nothing itself; "Choose one of 4 scores:" sets up the scale
            return None
    lead = ctx.lead_ins.get(lead_key(block, own=False) or "", {}) if inherits_lead(block) else {}
    det, inherited_action = apply_lead(found.det, block, lead)
    cue = det is not None and det.evidence.startswith(("cue ", "output length"))  # a number is a word there
    role = _role(text, state, first, bool(lead.get("kind")), cue)
    is_example = block.kind == EXAMPLE or (role is not None and role[0] == EXAMPLE_ROLE)
    if role is not None and role[0] != EXAMPLE_ROLE:
        return None
    if det is None and (not is_example or ends_with_example_lead(text)):
        return None
    if (answered := _answered_refusal(det, unit, state.context)) is not None:
        det, unit, text = answered
    det = _priority(det, found.conditions)
    if det is None:
        det = Detection("rubric" if found.labels else "obligation", None, False, "example")
    found.conditions = in_rule_clause(found.conditions, sent, det.verb)
    actor, action, obj = frame_of(det, sent, lead, inherited_action)
    if not is_example:
        decided = parse_role(det, actor, action, text)
        if decided is not None:
            return None
    evidence = det.evidence
    if is_example:
        why = role[1] if role is not None else "example block"
        evidence = f"example ({why}; {det.evidence})"
    rule = found.make(text, unit, det, actor, action, obj, lead, state.context, evidence)
    rule.is_example = is_example
    rule.role = EXAMPLE_ROLE if is_example else RULE
    return rule


_INSTRUCTIONS = frozenset({"prohibition", "discouragement", "obligation", "recommendation"})


def _answered_refusal(det: Detection | None, unit: Unit, question: str | None):
    """(detection, unit, text) of an FAQ answer that turns the question down before it gives the instruction, or
    None. "Q: Can I write my comment in French? A: Please don't: write it in English": the "don't" answers what the
    question asked; the rule is the instruction after it, given, not forbidden (outside an FAQ answer, "Don't:"
    opens a list of what is forbidden)."""
    if question is None or det is None or det.kind not in _INSTRUCTIONS:
        return None
    raw = unit.block.text[unit.start : unit.end]
    m = re.match(lexicon().data["faq"]["refusing_answer"], raw, re.I)
    if m is None:
        return None
    given = Detection(
        "obligation", det.modality, False, "FAQ answer: refusal, then the instruction", det.verb, True
    )
    return given, replace(unit, start=unit.start + m.end()), " ".join(raw[m.end() :].split())


def _priority(det: Detection | None, conditions: list[str]) -> Detection | None:
    """'When A and B conflict, follow A': an instruction for conflicting criteria is a priority rule."""
    from .lexicon import lexicon

    words = lexicon().priority_condition_words
    if (
        det is not None
        and det.kind in ("obligation", "recommendation")
        and any(w in words for c in conditions for w in c.lower().split())
    ):
        return Detection(
            "priority", None, False, "instruction for conflicting criteria", det.verb, det.imperative
        )
    return det


__all__ = ["rules_for_block", "sentence_rule"]
