"""Readings added in round 15, each with a look-alike that must stay quiet. Every sentence here was written for
this test (none is from a blind deck): a thing left un-done ("leave X untagged") is the act's negation; a case a
rule names in a label's member list and another rule leaves untagged; "no exceptions" against a granted one;
steps ordered "first and ... afterwards"; a threshold stated with its complement, in milliseconds, or denied in
its own clause; "Do the X panel last" and "you're welcome to" are rules."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.checks.common.relations.sequence import Order, _reversed, orders
from guidecheck.rules.quantities import find_quantities


def test_milliseconds_are_a_time():
    (q,) = find_quantities("Any pause longer than 2,500 ms is marked.")
    assert (q.attribute, q.value) == ("time", 2.5)


def test_first_and_afterwards_orders_two_steps_and_an_aside_stands_between():
    (o,) = orders("Sort the boxes first and name the layers afterwards, since names depend on order.")
    assert (o.earlier_text, o.later_text) == ("Sort the boxes", "name the layers")
    (o,) = orders("Pick the accent first, from the first ten seconds, and only then transcribe the words.")
    assert (o.earlier_text, o.later_text) == ("Pick the accent", "transcribe the words")
    # a chain of "then"s is not an aside: each step comes before every later one (round 17)
    chain = orders("Listen to the clip first, then read the prompt, then write the label.")
    assert [(o.earlier_text, o.later_text) for o in chain] == [
        ("Listen to the clip", "read the prompt"),
        ("Listen to the clip", "write the label"),
        ("read the prompt", "write the label"),
    ]


def test_a_tie_on_the_weaker_side_is_settled_by_both_sides():
    # "set the Contract Risk Score before you draw any spans" / "the risk score is the last thing you enter, after
    # every span in the contract": "contract" is shared straight, the score and the spans crosswise
    p = Order(frozenset({"read", "contr", "set", "risk", "score"}), frozenset({"draw", "span"}), "", "")
    q = Order(frozenset({"span", "contr"}), frozenset({"risk", "score"}), "", "")
    assert _reversed(p, q)
    # the same steps in the same order are no reversal, however the words overlap
    assert not _reversed(p, Order(frozenset({"read", "contr"}), frozenset({"span", "draw"}), "", ""))
    (o,) = orders(
        "Draw outlines around every bird first, and only after all outlines are in place assign each bird a "
        "species from the list."
    )
    assert (o.earlier_text, o.later_text) == (
        "Draw outlines around every bird",
        "assign each bird a species from the list",
    )


DECKS = {
    "members/guide.md": "# Tags\n\nShort back-references, including ibid, supra and infra, are tagged CITATION."
    "\n\n# Tips\n\nYou can leave ibid and supra references untagged; the parser finds them anyway.\n\n"
    "Leave running page headers untagged.\n",
    "members2/guide.md": "# Tags\n\nLabel every podcast title as WORK.\n\n# FAQ\n\nNever label podcast titles "
    "as WORK unless the podcast is named as a book adaptation.\n",
    "refused/guide.md": "# Languages\n\nA clip in a language other than English must be skipped with the Language "
    "reason, whatever your own fluency.\n\n# FAQ\n\nIf you're a certified Welsh annotator, go ahead and transcribe "
    "Welsh-language clips in full rather than skipping them.\n",
    "refused2/guide.md": "# Names\n\nWhen the caption names the speaker, the transcript should use that name.\n\n"
    "# Unnamed\n\nWhen nobody in the clip names the speaker, the transcript should call them Speaker 1, even if "
    "you're sure who it is.\n",
    "refused3/guide.md": "# Languages\n\nA clip in a language other than English must be skipped with the Language "
    "reason, no exceptions.\n\n# QA\n\nIf you transcribe a clip in a language other than English, your task is "
    "rejected at audit.\n",
    "steps/guide.md": "# Workflow\n\nName every speaker before you segment any turns, because turns inherit names."
    "\n\n# FAQ\n\nSegment the turns first and name the speakers afterwards, since voices are clearer in context.\n",
    "short/guide.md": "# Flags\n\nClips shorter than four seconds get the Too Short flag; anything four seconds "
    "or longer is transcribed as usual.\n\n# FAQ\n\nAnything under 6,000 ms should get the Too Short flag.\n",
    "short2/guide.md": "# Flags\n\nClips shorter than four seconds get the Too Short flag; anything four seconds "
    "or longer is transcribed as usual.\n\n# FAQ\n\nAnything under 3,000 ms should get the Too Short flag.\n",
    "laughter/guide.md": "# Tags\n\nLaughs of less than one second do not get a [laugh] tag; just keep typing.\n\n"
    "# FAQ\n\nAny laugh longer than 600 milliseconds has to carry a [laugh] tag.\n",
    "reserved/guide.md": "# Roles\n\nOnly moderators (Grade 3 and up) can press the Send to Legal button; "
    "others should leave a note instead.\n\n# FAQ\n\nAnyone on the team, Grade 1 included, can press Send to Legal "
    "whenever a post threatens a lawsuit.\n",
    "reserved2/guide.md": "# Status\n\nOnly a Tier 2 reviewer can set a clip's status to Unusable; if you think "
    "a clip cannot be worked, flag it.\n\n# FAQ\n\nAny annotator may set a clip to Unusable from the menu when "
    "the audio is silent.\n\nAny annotator may set the Unusable Audio filter in the search panel.\n",
    "precedence/guide.md": "# Tags\n\nWhere two people talk at once and nothing can be made out, [overlap] takes "
    "precedence and no [unclear] tag is added.\n\n# FAQ\n\n[unclear] beats [overlap] every time: tag the words "
    "you lost.\n",
    "decide/guide.md": "# Overall\n\nWhen the Fluency score and the Adequacy score point in different "
    "directions, Adequacy takes precedence for the Overall.\n\n# FAQ\n\nIf the Adequacy score and the Fluency "
    "score pull in opposite directions, let the Fluency score decide the Overall.\n",
    "occlusion/guide.md": "# Occlusion\n\nPartial occlusion (OCC1) applies when a quarter or more of the bird is "
    "hidden.\n\n# FAQ\n\nUse OCC1 as soon as more than a tenth of the bird is blocked.\n\nUse OCC1 whenever more "
    "than half of the bird is blocked.\n",
    "nearmiss/guide.md": "# Events\n\nA hard brake is any event in which the car slows by more than 6 m/s in one "
    "second.\n\nA late merge is any event in which the gap to the next car falls below 2 seconds.\n\n# FAQ\n\n"
    "Tag LATE_MERGE only if the gap to the next car drops under 1 second.\n",
    "cap/guide.md": "# Scale\n\n| Score | Meaning |\n|---|---|\n| 1 | Rude |\n| 2 | Curt |\n| 3 | Neutral |\n"
    "| 4 | Polite |\n| 5 | Warm |\n\n# Limits\n\nNew raters are capped at 25 items per day.\n\n"
    "# Tone\n\nAny rudeness, however slight, caps Politeness at 2.\n\n# FAQ\n\nSlight rudeness "
    "that is clearly a joke can still earn a Politeness 4.\n\nA rude reply can still be accurate.\n",
    "panel/guide.md": "# Order\n\nFill in the Quality panel before you touch any transcript text.\n\n# Changes\n\n"
    "- Do the Quality panel last, just before you press Submit, once everything else is filled in.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


@pytest.mark.slow
def test_a_case_listed_in_a_label_and_left_untagged_elsewhere(found):
    # the label's member list names the case (CON006); leaving it untagged is also a permission not to do what
    # the other rule requires (CON002)
    assert "CON006" in _pairs(found, "including ibid", "leave ibid")
    assert set(_pairs(found, "including ibid", "leave ibid")) <= {"CON002", "CON006"}
    assert _pairs(found, "running page headers") == []  # no label lists page headers
    # an exclusion with its own exception ("unless ...") is that exception, stated
    assert _pairs(found, "Label every podcast title", "Never label podcast titles") == []


@pytest.mark.slow
def test_no_exceptions_against_an_exception_granted(found):
    # one finding: CON014 (items in another language kept out and worked on) supersedes CON001's reading
    assert _pairs(found, "whatever your own fluency", "certified Welsh") == ["CON014"]
    # a rule that refuses exceptions within its own case ("When nobody names the speaker ..., even if you're
    # sure") does not clash with the rule for another case
    assert _pairs(found, "When the caption names the speaker") == []
    # the sanction for breaking the rule is no exception to it
    assert _pairs(found, "no exceptions", "rejected at audit") == []


@pytest.mark.slow
def test_steps_ordered_first_and_afterwards(found):
    assert _pairs(found, "Name every speaker before", "name the speakers afterwards") == ["CON013"]


@pytest.mark.slow
def test_a_threshold_with_its_complement_in_another_unit(found):
    assert _pairs(found, "shorter than four seconds", "under 6,000 ms") == ["CON004"]
    # under 3 s is inside "shorter than four seconds": both give the flag there, neither withholds it
    assert _pairs(found, "shorter than four seconds", "under 3,000 ms") == []


@pytest.mark.slow
def test_a_label_code_defined_by_its_number(found):
    # "OCC1 applies when a quarter or more ..." defines the code: a tenth is not enough for it
    assert _pairs(found, "applies when a quarter", "more than a tenth") == ["CON004"]
    assert _pairs(found, "applies when a quarter", "more than half") == []  # inside the definition


@pytest.mark.slow
def test_a_code_written_in_words_and_defined_as_any_event_in_which(found):
    assert _pairs(found, "late merge is any event", "Tag LATE_MERGE only if") == ["CON004"]
    assert _pairs(found, "hard brake", "LATE_MERGE") == []  # another code


@pytest.mark.slow
def test_a_cap_however_slight_against_a_score_conceded(found):
    assert _pairs(found, "however slight", "can still earn a Politeness 4") == ["CON016"]  # "slight" named
    assert _pairs(found, "however slight", "can still be accurate") == []  # no score conceded
    assert _pairs(found, "capped at 25 items") == []  # a cap on items is no score


@pytest.mark.slow
def test_a_threshold_denied_in_its_own_clause(found):
    assert _pairs(found, "less than one second", "longer than 600 milliseconds") == ["CON004"]


@pytest.mark.slow
def test_an_act_reserved_to_a_group_in_parentheses_or_named_in_one_word(found):
    assert _pairs(found, "Only moderators (Grade 3 and up)", "Anyone on the team") == ["CON011"]
    assert _pairs(found, "Only a Tier 2 reviewer can set", "set a clip to Unusable") == ["CON011"]
    # "Unusable Audio" is another name: the one-word name must stand alone in both
    assert _pairs(found, "Only a Tier 2 reviewer can set", "Unusable Audio filter") == []


@pytest.mark.slow
def test_two_precedences_written_with_tags_and_let_decide(found):
    assert _pairs(found, "[overlap] takes precedence", "[unclear] beats [overlap]") == ["CON005"]
    assert _pairs(found, "Adequacy takes precedence", "let the Fluency score decide") == ["CON005"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Do the Quality panel last, just before you press Submit.", "obligation"),
        ("If you already have the audio saved, you're welcome to replay it at half speed.", "permission"),
        (
            "Because the night team only checks clips recorded after 6 pm, do not tag earlier clips as Night.",
            "prohibition",
        ),
    ],
)
def test_do_the_x_and_welcome_to_are_rules(extract, sentence, kind):  # noqa: F811
    rules = [r for r in extract(f"# Changes\n\n{sentence}\n") if not r["is_example"]]
    assert [(r["text"], r["kind"]) for r in rules] == [(sentence, kind)]


@pytest.mark.slow
def test_emphatic_do_still_skips_to_the_verb(extract):  # noqa: F811
    rules = extract("# Tips\n\nDo check the spelling of every speaker name.\n")
    assert [(r["kind"], r["action"]) for r in rules] == [("obligation", "check")]
