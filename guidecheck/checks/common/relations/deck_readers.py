"""The whole-deck readers, in the order their relations are reported; most read the claims alone.

A reader of the whole deck (rating scales, worked examples, label definitions, rankings, ...) is not fed candidate
pairs: it reads every claim. All but two (the worked examples and the refused cases, which compare paraphrases by
their vectors) need no vector, so on a cold run the pipeline reads them while the embedding process still
encodes the rule texts (``runner.prepare`` -> ``Readings.deck_parts``), instead of after the index while that
process idles: about a second of the checks on the 40k-word bench deck.
"""

from __future__ import annotations

from .capped_examples import capped_example_relations
from .choices import choice_relations
from .claims import Claim
from .comment_duty import comment_duty_relations
from .controls import control_relations
from .cutoffs import cutoff_relations
from .deck_scans import order_relations, refused_case_relations, reservation_relations
from .described_apart import described_apart_relations
from .disagreement_rulings import disagreement_relations
from .dual_cases import dual_case_relations
from .empty_value import empty_value_relations
from .entry_forms import entry_form_relations
from .examples import example_relations
from .field_contents import field_content_relations
from .included_acts import included_act_relations
from .included_cases import included_case_relations
from .key_bindings import key_binding_relations
from .label_lists import label_list_relations
from .label_members import member_relations
from .label_scope import scope_relations
from .language_scope import language_scope_relations
from .listed_steps import listed_step_relations
from .normal_treatment import normal_treatment_relations
from .outside_research import research_relations
from .policy_limits import policy_relations
from .rankings import ranking_relations
from .refused_alternatives import refused_alternative_relations
from .relate import Relation
from .row_thresholds import row_threshold_relations
from .scale_direction import direction_relations
from .scales import scale_relations
from .score_tie_breaks import tie_break_relations
from .set_values import set_value_relations
from .verbatim import verbatim_relations
from .work_scope import work_scope_relations

# What the readers that need no vector found, by reader.
DeckParts = dict[str, list[Relation]]

_CLAIMS_ALONE = {
    "scales": scale_relations,
    "members": member_relations,
    "label_lists": label_list_relations,
    "scopes": scope_relations,
    "directions": direction_relations,
    "rankings": ranking_relations,
    "policies": policy_relations,
    "research": research_relations,
    "reservations": reservation_relations,
    "comment_duties": comment_duty_relations,
    "tie_breaks": tie_break_relations,
    "disagreements": disagreement_relations,
    "dual_cases": dual_case_relations,
    "included_cases": included_case_relations,
    "included_acts": included_act_relations,
    "choices": choice_relations,
    "refused_alternatives": refused_alternative_relations,
    "verbatim": verbatim_relations,
    "controls": control_relations,
    "field_contents": field_content_relations,
    "empty_values": empty_value_relations,
    "set_values": set_value_relations,
    "key_bindings": key_binding_relations,
    "row_thresholds": row_threshold_relations,
    "described_apart": described_apart_relations,
    "capped_examples": capped_example_relations,
    "cutoffs": cutoff_relations,
    "normal_treatment": normal_treatment_relations,
    "work_scopes": work_scope_relations,
    "language_scopes": language_scope_relations,
    "entry_forms": entry_form_relations,
}


def claim_relations(claims: list[Claim]) -> DeckParts:
    """The relations of the readers that need no vector, by reader."""
    parts = {name: read(claims) for name, read in _CLAIMS_ALONE.items()}
    ordered = parts["orders"] = order_relations(claims)
    parts["listed_steps"] = listed_step_relations(claims, {r.id for rel in ordered for r in (rel.a, rel.b)})
    return parts


def deck_relations(
    claims: list[Claim], aliases: dict[str, str] | None = None, vectors=None, parts: DeckParts | None = None
) -> list[Relation]:
    """Relations read from the whole deck, not from candidate pairs: scales, worked examples, label definitions
    and lists, rankings, quality bars, item times, pay terms, outside research, step orders, reserved acts, refused
    cases and acts named as included, comments required and waived, tie-breaks, disagreements, cases of two things,
    parts left out in an included case, options picked and refused, copying into a field, controls banned and used,
    field contents, fields left unset, one attribute set two ways, one label given two keys, label tables' numbers,
    cutoffs, a listed procedure's order, work and language scopes, entry forms, a label's scope stated two ways.
    The check run and the pair-set eval both read them here. ``parts``: what ``claim_relations`` read earlier."""
    p = parts if parts is not None else claim_relations(claims)
    found = (
        p["scales"]
        + example_relations(claims, aliases, vectors)
        + p["members"]
        + p["label_lists"]
        + p["rankings"]
        + p["policies"]
        + p["research"]
        + p["orders"]
        + p["reservations"]
        + refused_case_relations(claims, vectors)
        + p["comment_duties"]
        + p["tie_breaks"]
        + p["disagreements"]
        + p["dual_cases"]
        + p["included_cases"]
        + p["included_acts"]
        + p["choices"]
        + p["refused_alternatives"]
        + p["verbatim"]
        + p["controls"]
        + p["field_contents"]
        + p["empty_values"]
        + p["set_values"]
        + p["key_bindings"]
        + p["row_thresholds"]
        + p["described_apart"]
        + p["capped_examples"]
        + p["cutoffs"]
        + p["listed_steps"]
        + p["normal_treatment"]
        + p["work_scopes"]
        + p["language_scopes"]
        + p["entry_forms"]
        + p["directions"]
        + p["scopes"]  # last: a pair another reader names keeps its words
    )
    seen: set[tuple[str, frozenset[str]]] = set()
    out = []
    # one pair one finding: "quote the exact line" / "never copy text" is copying and what a field holds
    for rel in found:
        key = (rel.code, frozenset((rel.a.id, rel.b.id)))
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


__all__ = ["DeckParts", "claim_relations", "deck_relations"]
