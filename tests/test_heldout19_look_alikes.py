"""Look-alikes of the false findings held-out19 was scored with (round 19, after the score), in general form: a
number that spells a scale point but numbers or measures something else. "Grade 5 passages", "below Grade 4",
"above grade 8" (a school or reading grade), "points 6 to 8" (checklist items), "for being 10 or 20 words over"
(a length), "to get 177" in a worked solution (a count), "the readability grade is 6.4" (a measure), and a column
that measures ("Passage length (words) | 20-40") are no scores off the rubric's scale (CON007); "a score from 1 to
5" declares the scale and gives no score 5 (CON003). An output rule that says it overrides the general guidance
("this format overrides the general paragraph guidance", "takes precedence over the default tone") states its own
exception (REL001, not CON010; unit-tested: the pairs written here are not output pairs the old code reported). A real off-scale score stays reported. Every sentence here was
written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.proposition import overriding
from guidecheck.model import Location, Rule
from guidecheck.rules.other_numbers import other_number

RUBRIC = (
    "# Review scores\n\n| Score | Label | Meaning |\n|---|---|---|\n| 3 | Keep | Ready to publish. |\n"
    "| 2 | Fix | Needs edits. |\n| 1 | Drop | Not usable. |\n\n"
)

DECKS = {
    "grades/spec.md": RUBRIC
    + "# Passages\n\nGrade 5 passages can run up to 120 words, and anything under 60 is "
    "too short.\n\nFractions are not allowed below Grade 4 in any passage.\n\nIf a draft is 10 or 20 words over the "
    "limit, keep it.\n\nFor short drafts, check points 1 to 3 of the checklist only, not points 6 to 8.\n\n"
    "Mark a draft above grade 8 on the readability meter as too hard.\n\n"
    "# Lengths\n\n| Grade | Passage length (words) | Notes |\n|---|---|---|\n| 1 | 20-40 | Short. |\n"
    "| 2 | 30-60 | Longer. |\n| 4 | 50-90 | Long. |\n| 5 | 60-120 | Longest. |\n\n# Example\n\nExample: Add 148 and 175 to get 323 pages; subtract 323 from 500 to get "
    "177. Score: 3.\n\n# Wrong scores\n\nA draft with a made-up fact must get a score of 7.\n",
    "pass/guide.md": "# Scores\n\nEvery criterion gets a score from 1 to 5.\n\nPass: every one of the three criteria "
    "is scored 4 or 5.\n",
}

found = contradictions_fixture(DECKS, "heldout19_look_alikes")


@pytest.mark.slow
@pytest.mark.parametrize(
    "words",
    [
        "10 or 20 words",
        "above grade 8",
        "to get 177",
        "If a draft is",
    ],
)
def test_a_number_that_numbers_or_measures_something_else_is_no_score(found, words):
    assert _pairs(found, words) == []


@pytest.mark.parametrize(
    ("text", "overrides"),
    [
        (
            "For Billing replies, use one short paragraph; this format overrides the general paragraph guidance.",
            True,
        ),
        (
            "Legal replies use a formal register; this queue rule takes precedence over the default tone.",
            True,
        ),
        ("Write every reply as two to four short paragraphs.", False),
        (
            "Accuracy takes precedence over style.",
            False,
        ),  # a priority between criteria, no override of a rule
    ],
)
def test_a_rule_that_says_it_overrides_the_general_guidance_states_its_exception(text, overrides):
    general = build_claim(
        Rule("R1", "Write every reply in plain prose.", Location("deck/guide.md"), kind="obligation")
    )
    claim = build_claim(Rule("R2", text, Location("deck/faq.md"), kind="obligation"))
    assert overriding(claim, general) is (claim if overrides else None)


@pytest.mark.slow
def test_a_real_score_off_the_scale_is_still_reported(found):
    assert _pairs(found, "must get a score of 7") == ["CON007"]


def test_the_end_of_a_declared_scale_is_no_score():
    rule = Rule(
        "R1", "Every criterion gets a score from 1 to 5.", Location("deck/guide.md"), kind="obligation"
    )
    assert [o for o, _ in build_claim(rule).outcomes] == []


@pytest.mark.parametrize(
    ("text", "number", "other"),
    [
        ("Grade 5 passages can run up to 120 words.", "5", True),
        ("You should not mark down missing points 6 to 8.", "8", True),
        ("Keep a draft that is 10 or 20 words over.", "10", True),
        ("Rate it 5 if nothing is wrong.", "5", False),
    ],
)
def test_a_number_after_a_numbering_noun_or_before_a_unit_is_no_scale_point(text, number, other):
    at = text.index(number)
    assert other_number(text, at, at + len(number)) is other
