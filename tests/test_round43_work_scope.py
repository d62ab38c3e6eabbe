"""A class of items one rule puts inside the work and another keeps out of it (CON014,
``relations/work_scope.py``): the form the silent reversals of the scored blind splits share most ("Cigarette
lighters are left untagged" against "Tag each cigarette lighter as Ignition Source"; "Handwritten notes in the
margins are outside the scope of this project" against "Handwritten marginal notes are annotated"). Raters who read
the FAQ leave out what raters who read the guide annotate.

A general rule and a narrower class kept out of it, a stance that names a label, two classes each with words of
their own, and a rule that states its own exception are no conflict. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture, guide_and_faq_claims
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.work_scope import work_scope_relations
from guidecheck.model import Location, Rule

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "street/guide.md": "# What to box\n\n"
    "Garden gnomes on balconies are out of scope and are not boxed.\n\n"
    "Delivery vans with open doors are boxed as Vehicle.\n\n"
    "Tag each chalk drawing on the pavement as Graffiti.\n",
    "street/faq.md": "# Questions from the pilot\n\n"
    "A: Garden gnomes standing on balconies are boxed and given the label Decoration.\n\n"
    "A: Leave delivery vans with open doors unboxed; the client crops them out later.\n\n"
    "A: Chalk drawings on the pavement fall outside the project, so move on.\n",
}
found = contradictions_fixture(DECK, "round43_work_scope")


def test_a_class_out_of_scope_and_boxed_elsewhere_clashes(found):
    assert "CON014" in _pairs(
        found, "Garden gnomes on balconies are out of scope", "Garden gnomes standing on"
    )


def test_a_class_boxed_and_left_unboxed_clashes(found):
    assert "CON014" in _pairs(found, "Delivery vans with open doors are boxed", "Leave delivery vans")


def test_a_class_tagged_and_put_outside_the_project_clashes(found):
    assert "CON014" in _pairs(found, "Tag each chalk drawing", "Chalk drawings on the pavement fall outside")


def _kept_out(guide: str, faq: str) -> bool:
    """Whether the reader puts the two rules' class inside and outside the work (the pairwise CON001 detector,
    opt-in, reads such pairs on its own terms)."""
    return bool(work_scope_relations(guide_and_faq_claims(guide, faq)))


def test_the_reader_sees_a_class_kept_out_across_files():
    assert _kept_out(
        "Delivery vans with open doors are boxed as Vehicle.", "Leave delivery vans with open doors unboxed."
    )


def test_a_general_rule_and_a_narrower_class_kept_out_are_no_conflict():
    assert not _kept_out(
        "Every parked bicycle gets its own box.", "Bicycles lying in a canal are never boxed."
    )


def test_two_classes_each_with_words_of_their_own_are_no_conflict():
    assert not _kept_out(
        "Shop signs with a phone number are transcribed.", "Shop signs with a price list are not transcribed."
    )


def test_a_stance_that_names_a_label_scopes_the_label_not_the_work():
    assert not _kept_out("Tag every scooter on the pavement.", "Scooters are not tagged as Vehicle.")


def test_a_rule_that_states_its_own_exception_is_no_conflict():
    assert not _kept_out(
        "Box reflections in shop windows when they show a whole car.",
        "Reflections in shop windows are not boxed, except when the reflected object is not in the frame itself.",
    )


def test_a_gerund_noun_is_the_head_of_its_class():
    assert _kept_out(
        "Tag each chalk drawing on the pavement as Graffiti.",
        "Chalk drawings on the pavement fall outside the project.",
    )


def test_a_class_kept_out_under_a_condition_of_its_own_is_a_restriction():
    assert not _kept_out(
        "Box the parked trailers.", "You should not box the parked trailers when the road is closed."
    )


def test_a_stance_read_past_a_parenthesis_still_marks_its_class():
    rules = [
        Rule(
            "R1",
            "Restarts (throw-ins and corners) are never boxed.",
            Location("a/guide.md"),
            kind="prohibition",
        ),
        Rule("R2", "Box every restart on the pitch.", Location("a/faq.md"), kind="obligation"),
    ]
    (found,) = work_scope_relations([build_claim(r) for r in rules])
    marked = {s.rule: rules[0 if s.rule == "R1" else 1].text[s.start : s.end] for s in found.spans}
    assert marked["R1"] == "Restarts"
