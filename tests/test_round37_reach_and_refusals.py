"""Rules that state the reach of another rule, and refusals of exceptions in those words, read in general form from
the planted pairs of held-out36 (scored, now a development split) whose refusing or granting side was no rule:

- "The X applies to every Y / to everyone", "No grace period applies to ...", "Every late task counts toward ...",
  "X do not count toward Y", "A badge does not exempt anyone from Y" are rules without a modal; a counted "of"
  phrase ("Batches of more than 150 pages") measures the subject, it does not make it the document;
- an instruction after a semicolon keeps its force behind a condition ("...; if glare whites out the face, choose
  UNREADABLE"), and "grade" is an instruction verb;
- a disagreement settled by whoever "decides" ("the reviewer with the higher audit score decides", "the project
  scientist makes the final decision") or by "the stricter of the two labels";
- a limit whose measure stands before it as a compound ("a 12-minute time cap", "a 500-word limit"), and "raised
  from 20 to 30 words" is a change of limit, not a range;
- a person named after a label verb ("tag a QA Lead") is someone to reach, not a label given;
- those reach statements refuse an exception granted elsewhere ("regardless of size", "No grace period applies",
  "are not excused", ", live recordings and call-in shows included", "translated manuals get no exception", "no exception is
  made for any species", ", including ones that score 5"), and "do not count toward the floor", "Birds in flight are
  the exception to the minimum box size" and "the single case where nesting is allowed" grant one; a refusal that names the granted case's class ("applies to every batch",
  "translated manuals get no exception") needs the two rules to read alike no more than a qualification does, and a
  permission to use another thing than the refused rule's ("may use the correct term" / "Use part names exactly as
  printed") does otherwise.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_round35_roles_and_scope import kind_actor_action
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("The weekly word cap applies to every project, including the pilot.", "obligation"),
        ("The response window applies to everyone on the team.", "obligation"),
        ("No late-submission grace period applies to contractors.", "obligation"),
        ("Practice tasks do not count toward your monthly accuracy score.", "permission"),
        ("Every late task counts toward the audit sample.", "obligation"),
        ("A senior badge does not exempt anyone from the spot check.", "obligation"),
        ("Crates of more than 40 bottles are exempt from the drop test.", "permission"),
        ("Grade what the photo shows, not what the caption claims.", "obligation"),
        (
            "Songs with heavy reverb are exempt from the echo check; if the reverb hides the lyrics, choose "
            "UNUSABLE at once.",
            "obligation",
        ),
    ],
)
def test_the_reach_of_a_rule_stated_as_a_fact_is_a_rule(extract, sentence, kind):  # noqa: F811
    assert [f[0] for f in kind_actor_action(extract, sentence)] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "This section applies to all tasks.",  # the document about itself
        "These guidelines apply to all annotators.",
        "Duplicate photos count once toward the photo total.",  # how the tool tallies, for no case in particular
        "Last year the old bonus applied to every project.",  # past: history, not a rule
        "The scoring rubric in this document applies to every model.",  # the document about itself
    ],
)
def test_reach_statements_about_the_document_or_the_past_stay_background(extract, sentence):  # noqa: F811
    assert kind_actor_action(extract, sentence) == []


DECK = {
    "batches/guide.md": "# Holds\n\nCrates of more than 40 bottles are exempt from the one-hour hold and stay with you "
    "until the end of your shift.\n\nLive tastings and podcast tastings are exempt from the three-minute minimum.\n\n"
    "# Audit\n\nWrong ratings in a new taster's first 30 tasks do not count toward the 90% floor.\n\nUploads that fail "
    "because of a server outage or a lost connection are excused and do not lower your completion rate.\n\n# Notes\n\nException: where a bottle label carries an obvious misprint in the "
    "grape name, you may use the correct spelling in your note, as long as you flag the fix.\n\nBottles smaller than "
    "20 centilitres are not photographed, and no exception is made for any brand or vintage.\n\nEvery scored "
    "tasting needs a written note, including ones that score 5.\n",
    "batches/faq.md": "# FAQ\n\nThe one-hour hold applies to every crate regardless of size, and no extensions are "
    "given.\n\nThe three-minute minimum applies to every format we taste, live tastings and podcast tastings "
    "included.\n\nNo grace period applies to tasters: every wrong rating from the very first task counts toward the "
    "90% floor.\n\nLost connections are not excused: every failed upload lowers your completion rate, whatever "
    "caused it.\n\nUse grape names exactly as the bottle label prints them, even when they are obviously wrong; "
    "misprinted labels get no exception.\n\nTasting-kit miniatures are the exception to the "
    "minimum bottle size: photograph them however small they are.\n\nYou may skip the written note when the tasting "
    "scores 5.\n",
}
LOOKALIKES = {
    "crates/guide.md": "# Holds\n\nThe one-hour hold applies to every crate of wine.\n\nCrates of beer are labelled "
    "with the brewery's code.\n\n# Audit\n\nPractice tasks do not count toward the 90% floor.\n\nThe 90% floor "
    "applies to every live task.\n",
}
found = contradictions_fixture({**DECK, **LOOKALIKES}, "round37_reach")


# A refusal whose own clause names the excused case ("... every crate regardless of size" / "Crates of more than 40
# bottles"; "podcast tastings included") is CON016 since round 48; one that names no word of it stays CON001.
@pytest.mark.parametrize(
    "granted,refused,check",
    [
        ("Crates of more than 40 bottles are exempt", "regardless of size", "CON016"),
        ("Live tastings and podcast tastings are exempt", "podcast tastings included", "CON016"),
        ("first 30 tasks do not count toward", "No grace period applies", "CON016"),
        ("lost connection are excused", "Lost connections are not excused", "CON001"),
        ("you may use the correct spelling", "misprinted labels get no exception", "CON016"),
        ("are the exception to the minimum bottle size", "no exception is made for any brand", "CON001"),
        ("You may skip the written note", "including ones that score 5", "CON016"),
    ],
)
def test_an_exception_granted_and_refused_in_words_of_reach(found, granted, refused, check):
    assert _pairs(found, granted, refused) == [check]


def test_a_case_outside_the_reach_is_no_exception_refused(found):
    # practice tasks are no live task: the floor's reach and the practice exemption agree
    assert _pairs(found, "Practice tasks do not count", "applies to every live task") == []


@pytest.mark.parametrize(
    "sentence,labels",
    [
        ("If your question is not answered here, post it in the channel and tag a QA Lead.", []),
        ("If the clip is silent, tag it as Silent.", ["Silent"]),
    ],
)
def test_a_person_after_a_label_verb_is_no_label(extract, sentence, labels):  # noqa: F811
    assert [r["labels"] for r in extract(f"# Rules\n\n{sentence}\n") if not r["is_example"]] == [labels]


TIES = {
    "tasting/guide.md": "# Disagreements\n\nWhen two tasters disagree on a wine's Aroma score, the taster with the "
    "higher audit score over the last month decides.\n\nIf two tasters disagree on a wine's Colour label, the "
    "stricter of the two labels stands.\n",
    "tasting/faq.md": "# FAQ\n\nIf two tasters disagree on a wine's Aroma score, neither call stands, and the head "
    "sommelier makes the final decision.\n\nWhen two tasters disagree on a wine's Colour label, the senior taster "
    "decides.\n",
}
ties = contradictions_fixture(TIES, "round37_ties")


@pytest.mark.parametrize(
    "one,other",
    [
        ("the higher audit score over the last month decides", "the head sommelier makes the final decision"),
        ("the stricter of the two labels stands", "the senior taster decides"),
    ],
)
def test_one_disagreement_settled_by_whoever_decides_and_by_the_stricter_label(ties, one, other):
    assert _pairs(ties, one, other) == ["CON005"]


def test_two_disagreements_about_different_scales_are_two_cases(ties):
    assert (
        _pairs(ties, "the higher audit score over the last month decides", "the senior taster decides") == []
    )


@pytest.mark.parametrize(
    "text,reading",
    [
        ("Replies have a 500-word limit.", ("length", "<=", 500.0)),
        ("Each clip has a 30-second maximum.", ("time", "<=", 30.0)),
        ("Each writing task has a 12-minute time cap.", ("time", "<=", 720.0)),
        ("Use a 2-point scale.", None),  # a scale's size, no limit
        (
            "The comment minimum was raised from 20 to 30 words.",
            None,
        ),  # a change of limit, no range of lengths
    ],
)
def test_a_limit_whose_measure_stands_before_it_as_a_compound(text, reading):
    from guidecheck.rules.quantities import find_quantities

    found = [(q.attribute, q.comparator, q.value) for q in find_quantities(text)]
    assert found == ([reading] if reading else [])


CAPS = {
    "wine/guide.md": "# Time\n\nEach tasting has a 12-minute time cap; the timer is shown above the notes.\n",
    "wine/faq.md": "# FAQ\n\nDo not spend more than 8 minutes on a single tasting.\n",
}
caps = contradictions_fixture(CAPS, "round37_caps")


def test_a_compound_time_cap_against_another_limit_of_the_same_time(caps):
    assert _pairs(caps, "12-minute time cap", "more than 8 minutes") == ["CON004"]


def test_a_limit_raised_from_one_figure_to_another_bounds_no_output():
    from guidecheck.checks.common.relations.output_counts import output_counts

    assert output_counts("The comment minimum was raised from 20 to 30 words.", None) == ()
    assert [b.text for b in output_counts("Write 20 to 30 words.", None)][:1] == ["20 to 30 words"]
