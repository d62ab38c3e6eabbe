"""A case one rule excuses and another refuses in words (CON016 since round 44, CON001 before), and tie-breaks between two neighbouring points
that lean opposite ways (CON005), round 19.

"You may leave the consent box unticked for walk-in donors" against "Never skip the consent box, even when the
donor is a walk-in": a permission (or an order) to skip, for a case, against a ban on skipping (or on leaving a
field blank) that names the same case as "even when", "even for", "just because" or "because of", or a rule that
requires the skipped thing "no matter how" the case goes. "If the sender's name is in the signature, don't flag it as
missing" against "Flag the sender's name as missing ..., even if it appears in the signature": one act, opposite
forces, and the condition the one rule grants is the case the other concedes. A ban on skipping that refuses
another case ("never skip a clip because of wind noise" against a permission for clips with no birds), and a
refusal stated in the grant's own section ("Even if a page repeats, the first copy must be labelled") stay quiet.
Tie-breaks: "If you are torn between two neighbouring ratings, take the lower one" against "When you can't choose
between two ratings, go with the higher": one choice, opposite ways. Tie-breaks for two scales ("two Clarity
ratings" / "two Safety ratings"), for another word ("two urgency levels"), for a narrower case ("For medical
answers, ..."), and two that lean the same way stay quiet. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.score_tie_breaks import tie_break
from guidecheck.model import Location, Rule

DECKS = {
    "donors/guide.md": "# Intake\n\nYou may leave the consent box unticked for walk-in donors, because the nurse "
    "collects their consent on paper.\n\nRecord the donor's blood type on every form.\n",
    "donors/faq.md": "# FAQ\n\n## Walk-ins\n\nNever skip the consent box, even when the donor is a walk-in who "
    "signed a paper form.\n",
    "mail/guide.md": "# Required fields\n\nFlag the sender's name as missing whenever the letter body does not "
    "state it, even if it appears in the signature block.\n",
    "mail/errata.md": "# Errata\n\nIf the sender's name is printed in the signature block, do not flag it as missing "
    "from the letter.\n",
    "birds/guide.md": "# Skips\n\nIf a recording holds no bird calls at all, skip it with the Empty button.\n",
    "birds/faq.md": "# FAQ\n\nNever skip a recording because of wind noise; label the calls you can hear and set "
    "the Noisy flag.\n",
    "fields/guide.md": "# Fields\n\nYou may leave the accent field empty for a clip shorter than 2 seconds, because "
    "the accent is hard to hear.\n\n# Checks\n\nIf both transcripts are under 10 words, you can skip the spelling "
    "check and go straight to the comparison.\n",
    "fields/faq.md": "# FAQ\n\n## Short clips\n\nNever leave the accent field blank, even for very short clips; pick "
    "the closest accent.\n\n## Checks\n\nThe spelling check is mandatory for every task, no matter how short the "
    "transcripts are.\n",
    "notes/faq.md": "# FAQ\n\nYou don't need to write a comment on SPILL tags, because reviewers asked us to keep "
    "those comment boxes empty.\n",
    "notes/guide.md": "# Zones\n\nThe one exception is a SPILL near a person: tag it even if it happens in the next "
    "aisle, and give that aisle's number in the comment.\n",
    "pages/guide.md": "# Repeated pages\n\nIf a page repeats one you already labelled, do not label it again; tick "
    "Duplicate.\n\nEven if a page repeats several times, the first copy must be labelled in full.\n",
    "ratings/guide.md": "# Rating\n\nIf you are torn between two neighbouring ratings, take the lower one.\n\n"
    "When a ticket sits between two urgency levels, choose the higher one.\n",
    "ratings/faq.md": "# FAQ\n\n## Ties\n\nWhen you can't choose between two ratings, go with the higher one and "
    "say why in the comment box.\n",
    "asked/guide.md": "# Rating\n\nIf you cannot decide between two neighbouring grades, give the lower one.\n",
    "asked/faq.md": "# FAQ\n\n## I can't decide between two grades. Which one?\n\nPick the higher of the two; the "
    "editors will adjust it if needed.\n",
    "qa/guide.md": "# Rating\n\nIf you cannot decide between two neighbouring bands, give the lower one.\n",
    "qa/faq.md": "# FAQ\n\nQ: I keep hesitating between two bands. Which one should I pick?\n\nA: Pick the higher of "
    "the two; the leads will adjust it if needed.\n",
    "scales/guide.md": "# Rating\n\nIf you are unsure between two Clarity ratings, pick the lower one.\n\n"
    "If you are unsure between two Safety ratings, pick the higher one.\n\n"
    "For medical answers, when you cannot decide between two scores, choose the lower one.\n\n"
    "When you cannot decide between two scores, choose the higher one.\n\n"
    "If you are stuck between two levels, choose the higher one.\n\nWhen torn between two levels, take the higher.\n",
}

found = contradictions_fixture(DECKS, "round19")


@pytest.mark.slow
def test_a_permission_to_skip_against_a_ban_that_refuses_its_case(found):
    assert _pairs(found, "unticked for walk-in donors", "Never skip the consent box") == ["CON016"]


@pytest.mark.slow
def test_leaving_a_field_blank_or_skipping_a_required_check_refused_for_the_case(found):
    assert _pairs(found, "leave the accent field empty", "Never leave the accent field blank") == ["CON016"]
    assert _pairs(found, "you can skip the spelling check", "spelling check is mandatory") == ["CON016"]


@pytest.mark.slow
def test_a_condition_granted_against_the_same_condition_conceded(found):
    assert _pairs(found, "do not flag it as missing", "even if it appears in the signature block") == [
        "CON016"
    ]


@pytest.mark.slow
def test_a_ban_on_skipping_that_refuses_another_case_is_no_clash(found):
    assert _pairs(found, "no bird calls", "wind noise") == []


@pytest.mark.slow
def test_a_thing_named_only_after_the_refused_case_is_not_the_one_required(found):
    assert _pairs(found, "need to write a comment on SPILL", "tag it even if it happens") == []


@pytest.mark.slow
def test_a_refusal_stated_with_the_grant_qualifies_it(found):
    assert _pairs(found, "do not label it again", "the first copy must be labelled") == []


@pytest.mark.slow
def test_opposite_tie_breaks_for_one_choice_are_a_priority_conflict(found):
    assert _pairs(found, "torn between two neighbouring ratings", "can't choose between two ratings") == [
        "CON005"
    ]


@pytest.mark.slow
def test_an_faq_answer_to_a_torn_question_is_a_tie_break(found):
    assert _pairs(found, "two neighbouring grades, give the lower one", "Pick the higher of the two") == [
        "CON005"
    ]


@pytest.mark.slow
def test_tie_breaks_for_other_scales_cases_or_words_are_no_clash(found):
    assert _pairs(found, "two neighbouring ratings", "two urgency levels") == []
    assert _pairs(found, "two Clarity ratings", "two Safety ratings") == []
    assert _pairs(found, "For medical answers", "choose the higher one") == []
    assert _pairs(found, "stuck between two levels", "torn between two levels") == []


def _leans(text: str):
    found = tie_break(build_claim(Rule("R1", text, Location("deck/guide.md"), kind="obligation")))
    return (found.noun, sorted(found.kind), sorted(found.scope), found.leans) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If you are torn between two neighbouring ratings, take the lower one.", ("rating", [], [], "down")),
        (
            "When a box sits on the line between two severity grades, choose the higher one.",
            ("grade", ["severity"], [], "up"),
        ),
        ("If an answer falls between two scores, round down.", ("score", [], [], "down")),
        (
            "For medical answers, when you cannot decide between two scores, choose the lower.",
            ("score", [], ["answer", "medical"], "down"),
        ),
        # no direction, or both: no tie-break
        ("If you are torn between two ratings, ask your lead.", None),
        (
            "If you are torn between two ratings, take the lower one unless the answer is unsafe, then the higher.",
            None,
        ),
        # no choice between two points
        ("Ratings are higher for answers that cite a source.", None),
    ],
)
def test_a_tie_break_is_a_choice_between_two_points_and_a_direction(text, expected):
    assert _leans(text) == expected
