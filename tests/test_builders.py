"""tests/builders.py: hand-written frames become the rules the pipeline would make, and the checks run on them."""

from __future__ import annotations

from builders import FakeEmbedder, deck_index, findings_of, frame

DECK = """# Guide

## Spans

Always include the determiner in the entity span.

Don't:

- include determiners in entity spans
"""

FRAMES = [
    frame("Always include the determiner in the entity span.", object="determiner"),
    frame("include determiners in entity spans", "prohibition", object="determiner"),
]


def test_rules_take_ids_locations_sections_and_lead_ins_from_their_blocks(write):
    index = deck_index(write("guide.md", DECK), FRAMES)
    got = [(r.id, r.location.line, r.section, r.lead_in, r.kind, r.modality, r.negated) for r in index.rules]
    assert got == [
        ("R1", 5, ("Guide", "Spans"), None, "obligation", "must", False),
        ("R2", 9, ("Guide", "Spans"), "Don't:", "prohibition", "must", True),
    ]
    assert [(p.a, p.b) for p in index.pairs] == [(0, 1)]


def test_checks_run_on_the_index_without_the_models(write):
    index = deck_index(write("guide.md", DECK), FRAMES)
    [finding] = [f for f in findings_of(index) if f.category == "contradiction"]
    assert finding.check == "CON001" and finding.rules == ["R1", "R2"]


def test_fake_embedder_is_deterministic_and_knows_only_the_synonyms_it_is_given():
    plain, taught = FakeEmbedder(), FakeEmbedder({"entire": "whole"})
    a, b = "Listen to the whole call.", "Listen to the entire call."
    assert (plain.encode([a]) == plain.encode([a])).all()
    assert float(plain.encode([a])[0] @ plain.encode([b])[0]) < 0.9
    assert float(taught.encode([a])[0] @ taught.encode([b])[0]) > 0.99
