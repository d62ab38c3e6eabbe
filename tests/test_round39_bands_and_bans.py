"""Contradictions in the forms held-out38's planted pairs (scored, now a development split) used and the readers
missed, read in general form:

- two rules of opposite force on items named by a band of one measure ("Do not box any object smaller than 12
  pixels" / "Objects of 8 pixels or more must be boxed"): the bands meet, so one item must be boxed and must not
  be; bands that do not meet are two cases;
- an instruction after an opening "Even when ..." clause that the parser joined to the clause's verb;
- a task verb in the present passive ("Torn pages are never copied", "Only the first page is extracted");
- "at any point during a task" says "ever", no way of doing the act ("must not open the sheet at any point");
- "Never tick the box yourself; ... the box should stay unticked" forbids ticking once, not twice over;
- "Nothing that names the caller may go in the Notes field" forbids (a "may" of no thing at all);
- a bonus stated as a share outright ("The weekly bonus is 15% for ...");
- a refusal of an exemption ("are not exempt from the no-skip rule") against a permission not to act ("may skip"),
  and a grant that goes past the refused limit ("even if the ten days have passed");
- a worked example shows a case counted as "three or more" only with a count that reaches it.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "traffic/guide.md": "# Boxes\n\nDo not box any vehicle smaller than 20 pixels on its longest side.\n\n"
    "Do not box any sign smaller than 10 pixels.\n\n"
    "# Receipts\n\nTorn receipts are never copied into the form.\n\n"
    "# Tools\n\nBefore you choose a grade, open the speed chart in the side panel and note its reading.\n\n"
    "# Flags\n\nTick the Urgent box yourself before you submit the call.\n\n"
    "# Pay\n\nA 10% bonus on the week's earnings applies to any week in which your accuracy is at or above 95%.\n",
    "traffic/faq.md": "# FAQ\n\nVehicles with a longest side of 15 pixels or more must be boxed, even if you are "
    "unsure of the type.\n\nSigns of 10 pixels or more must be boxed.\n\n"
    "Even when a receipt is torn, copy the receipt into the form as far as you can still read it.\n\n"
    "Raters must not open the speed chart in the side panel at any point during a task.\n\n"
    "Never tick the Urgent box yourself; the dispatch team sets it upstream, and the box should stay unticked.\n\n"
    "The weekly quality bonus is 15% for raters who keep their accuracy at 95% or higher.\n",
}
found = contradictions_fixture(DECK, "round39_bands")


def test_bands_of_one_measure_that_meet_under_opposite_force_clash(found):
    assert _pairs(found, "any vehicle smaller than 20 pixels", "Vehicles with a longest side of 15") == [
        "CON004"
    ]


def test_bands_that_do_not_meet_are_two_cases(found):
    assert _pairs(found, "any sign smaller than 10 pixels", "Signs of 10 pixels or more") == []


def test_an_instruction_after_an_even_when_clause_meets_a_passive_ban(found):
    assert _pairs(found, "Torn receipts are never copied", "copy the receipt into the form") == ["CON001"]


def test_a_ban_at_any_point_during_the_task_bans_the_act_itself(found):
    assert _pairs(
        found, "open the speed chart in the side panel and note", "must not open the speed chart"
    ) == ["CON001"]


def test_a_ban_restated_as_a_box_left_unticked_is_still_a_ban(found):
    assert _pairs(found, "Tick the Urgent box yourself before", "Never tick the Urgent box yourself") == [
        "CON001"
    ]


def test_a_bonus_stated_as_a_share_outright_is_compared(found):
    assert _pairs(found, "A 10% bonus on the week", "The weekly quality bonus is 15%") == ["CON004"]


def test_nothing_may_go_there_is_a_prohibition(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "calls").mkdir()
    (tmp_path / "calls" / "guide.md").write_text(
        "# Notes\n\nNothing that names the caller, including phone numbers, may go in the Notes field, because "
        "Notes are shared with the vendor.\n",
        encoding="utf-8",
    )
    folder = str(tmp_path / "calls")
    kinds = {r.text[:20]: r.kind for r in run([folder], load_config([folder]), ["CON001"]).rules}
    assert kinds.get("Nothing that names t") == "prohibition"


REFUSALS = {
    "appeals/guide.md": "# Appeals\n\nAppeals must be sent within ten days of the audit email, and late appeals are not "
    "accepted under any circumstances.\n\n# Skips\n\nEvery clip in your queue must be transcribed; recordings "
    "made at night are not exempt from the no-skip rule.\n",
    "appeals/faq.md": "# FAQ\n\nRaters who were ill when the audit email arrived may send an appeal on their return, "
    "even if the ten days have passed.\n\nRaters working on the harbour queue may skip recordings made at night "
    "without penalty.\n",
    "plain/guide.md": "# Objections\n\nObjections must be sent within ten days of the review email.\n",
    "plain/faq.md": "# FAQ\n\nRaters who were ill when the review email arrived may send an objection on their "
    "return, even if the ten days have passed.\n",
}
refusals = contradictions_fixture(REFUSALS, "round39_refusals")


def test_a_grant_past_the_limit_meets_a_refusal_of_every_late_case(refusals):
    assert "CON001" in _pairs(refusals, "late appeals are not accepted", "even if the ten days have passed")


def test_a_permission_not_to_act_is_the_exemption_a_rule_refuses(refusals):
    assert _pairs(refusals, "are not exempt from the no-skip rule", "may skip recordings made at night") == [
        "CON001"
    ]


def test_a_grant_past_a_plain_limit_is_its_exception(refusals):
    # no refusal: the later rule only names the case the limit does not hold for
    assert _pairs(refusals, "Objections must be sent within ten days", "may send an objection") == []


@pytest.mark.parametrize(
    "said,shown",
    [
        ("The summary is missing one Core Term, governing law. Coverage: 4.", False),
        ("The summary is missing a Core Term or two. Coverage: 4.", False),
        ("The summary is missing four Core Terms. Coverage: 2.", True),
    ],
)
def test_a_worked_example_shows_a_counted_case_only_with_a_count_that_reaches_it(said, shown):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.checks.common.relations.example_cases import states_condition
    from guidecheck.checks.common.relations.lexicon import content
    from guidecheck.model import Location, Rule

    text = "A summary missing three or more Core Terms cannot score higher than 2 on Coverage."
    rule = build_claim(Rule(id="R1", text=text, location=Location("guide.md", 1), kind="obligation"))
    assert states_condition(frozenset(content(said)), rule, said) is shown


def test_an_instruction_the_parser_joined_to_an_opening_clause_is_read():
    """The parse the small English model gives "Even when you grade an image U4, box any plastic you can still make
    out so the detector gets the examples": "box" joined to "grade" as a conjunct, the root a later verb. Built by
    hand, so the test does not hang on one model version's parse."""
    import spacy
    from spacy.tokens import Doc

    from guidecheck.rules.misread_imperatives import imperative_after_clause

    words = [
        "Even",
        "when",
        "you",
        "rate",
        "a",
        "photo",
        "U3",
        ",",
        "box",
        "any",
        "litter",
        "you",
        "can",
        "see",
        "so",
        "the",
        "model",
        "gets",
        "it",
        ".",
    ]
    tags = [
        "RB",
        "WRB",
        "PRP",
        "VBP",
        "DT",
        "NN",
        "NNP",
        ",",
        "VBP",
        "DT",
        "NN",
        "PRP",
        "MD",
        "VB",
        "IN",
        "DT",
        "NN",
        "VBZ",
        "PRP",
        ".",
    ]
    heads = [1, 3, 3, 17, 5, 6, 3, 3, 3, 10, 8, 13, 13, 10, 17, 16, 17, 17, 17, 17]
    deps = "advmod advmod nsubj advcl det compound dobj punct conj det dobj nsubj aux relcl mark det nsubj ROOT dobj punct"
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, heads=heads, deps=deps.split())
    found = imperative_after_clause(doc[:], set())
    assert found is not None and found.kind == "obligation" and found.verb.text == "box"
    stated = Doc(doc.vocab, words=["When", "you", "rate", "it", ",", "it", "is", "done", "."])
    assert imperative_after_clause(stated[:], set()) is None


@pytest.mark.parametrize(
    "sentence,action",
    [
        ("Handwritten totals are extracted exactly as printed.", "extract"),
        ("Faces in the background are masked before upload.", "mask"),
        ("Damaged parcels are ticked in the Damage column.", "tick"),
    ],
)
def test_a_task_verb_in_the_present_passive_states_a_rule(tmp_path, sentence, action):
    """A description of the document or the tool in the same form states none (below)."""
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "guide.md").write_text(f"# Rules\n\n{sentence}\n", encoding="utf-8")
    folder = str(tmp_path / "deck")
    rules = run([folder], load_config([folder]), ["CON001"]).rules
    assert [(r.kind, r.action) for r in rules] == [("obligation", action)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Entries are listed oldest first.",
        "The relevant portion is highlighted in red.",
        "Sometimes the line between two labels is blurred.",
    ],
)
def test_a_passive_that_describes_the_document_states_no_rule(tmp_path, sentence):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "guide.md").write_text(f"# Notes\n\n{sentence}\n", encoding="utf-8")
    folder = str(tmp_path / "deck")
    assert run([folder], load_config([folder]), ["CON001"]).rules == []
