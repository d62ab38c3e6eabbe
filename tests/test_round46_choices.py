"""What a rule picks in a choice (CON005) is a thing to choose, not a case or a purpose.

A blind judge called CON005 wrong for "any annotator ... may regrade a colleague's pick if they think the grade is
wrong" against "Leave a short comment on the pick so the original annotator sees why": the "picks" read were an
if-clause and a so-clause of one FAQ answer. Every sentence here was written for this test.
"""

from __future__ import annotations

from guidecheck.checks.common.relations.choices import choice
from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.model import Location, Rule

QUESTION = "Both codes fit the same phase arrival. Which one do I use?"


def _claim(text: str) -> object:
    rule = Rule(
        "R1", text, Location("deck/faq.md"), kind="obligation", section=("Questions",), context=QUESTION
    )
    return build_claim(rule)


def test_a_case_or_a_purpose_is_no_pick():
    assert choice(_claim("Any rater may redo a colleague's pick if they think the timing is wrong.")) is None
    assert choice(_claim("Leave a short note on the pick so the first rater sees why.")) is None


def test_a_code_to_choose_is_a_pick():
    picked = choice(_claim("Choose the more specific code and note the other one in the comment."))
    assert picked is not None and "more specific code" in picked.pick
