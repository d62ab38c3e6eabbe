"""Readings of round 25, from held-out24's misses (read after it was scored) and the older splits', each in
general form.

- One disagreement settled two ways: two people's differing answers for one item ("When two graders' Clarity
  marks are four or more points apart", "If the coders disagree about a segment") settled by a value ("the lower
  mark is kept"), a majority, an average, a discussion or a person ("the shift supervisor makes the final call",
  "the mark from whichever grader has the better audit accuracy stands"). Two rulings of different families, or
  two different people, for answers both can be about and a gap both cover, are a contradiction; rulings for
  different scales or gaps that do not meet are two cases. A ruling stated as a fact, with no modal, is a rule.

- Pay on top of the rate for one kind of item against none ("Every recording with a correctly applied Distress tag
  earns a $0.25 bonus on top of the normal rate" / "applying a tag does not earn anything extra"); "you are paid the
  full rate" without "at" is the base rate.

- Word forms: "applied" and "applies" stem alike; what a pay term is about reads "sent" as "send" (irregular forms
  as data), while the stem leaves irregular forms alone.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import math

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.checks.common.relations.lexicon import base_forms, stem
from guidecheck.rules.disagreements import read_ruling

DECKS = {
    "grading/guide.md": "# Double grading\n\nEvery essay is graded by two graders.\n\n"
    "When two graders' Clarity marks for one essay are four or more points apart, the lower mark is kept.\n\n"
    "If the graders differ by a single point on Clarity, the higher of the two marks is recorded.\n\n"
    "Graders who disagree on Grammar marks discuss the essay in the grading channel until they agree.\n\n"
    "## Reviews\n\nIf the coders disagree about a segment boundary, the shift supervisor makes the final call.\n",
    "grading/faq.md": "# FAQ\n\n**Two graders are five points apart on Clarity. What happens?**\n\n"
    "When two graders are that far apart, the mark from whichever grader has the better audit accuracy stands.\n\n"
    "**Who settles boundary disagreements?**\n\nDisagreements between coders on a boundary are settled by the "
    "shift supervisor on duty.\n\n**And Grammar?**\n\nWhen graders' Grammar marks differ, the average of the two "
    "marks is entered.\n",
    "pay/guide.md": "# Pay\n\nIf QA sends an annotation back for fixes, you are paid the full rate for it once the "
    "fixed version passes.\n\nEvery recording that carries a correctly applied Distress tag earns a $0.25 bonus on "
    "top of the normal rate.\n\nGold recordings carry no bonus.\n",
    "pay/faq.md": "# FAQ\n\n**Do fixes pay less?**\n\nAnnotations sent back for fixes are paid at half the normal "
    "rate, even after they pass.\n\n**Does tagging pay more?**\n\nTagged recordings are paid at the normal rate; "
    "applying a tag does not earn anything extra.\n",
}

found = contradictions_fixture(DECKS, "round25_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("four or more points apart, the lower mark is kept", "better audit accuracy stands", ["CON005"]),
        ("discuss the essay in the grading channel", "the average of the two marks", ["CON005"]),
        ("by a single point on Clarity", "better audit accuracy stands", []),  # one point vs five apart
        ("four or more points apart, the lower mark is kept", "discuss the essay", []),  # another scale
        (
            "the shift supervisor makes the final call",
            "settled by the shift supervisor",
            [],
        ),  # one ruling, twice
        ("you are paid the full rate for it", "paid at half the normal rate", ["CON004"]),
        ("earns a $0.25 bonus", "does not earn anything extra", ["CON004"]),
        ("Gold recordings carry no bonus", "earns a $0.25 bonus", []),  # another kind of recording
    ],
)
def test_round25_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.parametrize(
    ("text", "family", "who", "gap"),
    [
        (
            "When two graders' Clarity marks are four or more points apart, the lower mark is kept.",
            "lower",
            "",
            (4, math.inf),
        ),
        (
            "If the coders disagree about a segment, the shift supervisor makes the final call.",
            "person",
            "lead",
            (1, math.inf),
        ),
        (
            "Reviewer disagreements go to a third reviewer, and the majority label is kept.",
            "majority",
            "",
            (1, math.inf),
        ),
        (
            "If two annotators differ by one point, the senior annotator's score stands.",
            "person",
            "seniority",
            (1, 1),
        ),
        (
            "If the labellers are more than two points apart, the mean of their scores is used.",
            "average",
            "",
            (3, math.inf),
        ),
    ],
)
def test_a_ruling_is_read_by_family_person_and_gap(text, family, who, gap):
    ruling = read_ruling(text)
    assert ruling is not None and (ruling.family, ruling.who, ruling.gap) == (family, who, gap)


@pytest.mark.parametrize(
    "text",
    [
        "Raters who disagree with their audit result can open a dispute within two days.",  # no ruling
        "Give the lower score when you are unsure.",  # no disagreement
        "Reviewer disagreements are logged, and the lead does not override the reviewers' scores.",  # negated
    ],
)
def test_no_ruling_without_a_disagreement_and_a_settlement(text):
    assert read_ruling(text) is None


def test_a_ruling_stated_as_a_fact_is_a_rule(extract):  # noqa: F811
    rules = extract("If two reviewers' scores differ, the senior reviewer's score stands.\n")
    assert [r["kind"] for r in rules] == ["obligation"]


@pytest.mark.parametrize(("a", "b"), [("applied", "applies"), ("applying", "apply"), ("carried", "carries")])
def test_word_forms_stem_alike(a, b):
    assert stem(a) == stem(b)


def test_irregular_forms_are_base_forms_for_pay_subjects_only():
    assert base_forms("Annotations sent back") == "Annotations send back"
    assert stem("shown") != stem("show")
