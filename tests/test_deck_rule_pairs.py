"""Contradictions a rater deck spreads over two places, as `guidecheck check` reports them: one reader named two
ways ("Labelers must ..." / "Don't ..."), the output named two ways ("Every answer ..." / "Responses ..."), an
exception one rule grants and another refuses, two orders of the same steps, the language of the input against a
fixed one, two thresholds for one flag, an act reserved to some graders and asked of all, a case scored apart from the
rubric row that describes it, a field filled and left blank, a change forbidden and asked for, a case a label's definition includes and a rule
excludes, a ranked list against a rule that puts a later item first, a scale point named with another number than its row. And their look-alikes that are no conflict: a refused case the exception does not name, steps that
do not cross, a rule that points back at a case ("In such cases"), reminders in an update file. Every sentence
here was written for this test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.sequence import orders

pytestmark = pytest.mark.slow  # loads spaCy and the embedder

DECKS = {
    "reader/guide.md": "# Idioms\n\nLabelers must translate every idiom into plain English.\n\n# Tone\n\n"
    "Keep the tone of the speaker.\n\n# Idioms again\n\nDon't translate idioms; keep them as the speaker said them.\n",
    "output/guide.md": "# Sources\n\nEvery answer must quote a statute.\n\n# Style\n\n"
    "Responses should not quote statutes, since readers find them hard to follow.\n",
    "exception/guide.md": "# Bug reports\n\nAttach a screenshot to every bug report, unless the bug is a typo in "
    "the text.\n\n# Common mistakes\n\nDo not skip the screenshot just because the bug is only a typo.\n\n"
    "Do not skip the screenshot just because the page loads slowly.\n",
    "skipping/guide.md": "# Scope\n\nThe following are out of scope and should be skipped:\n\n"
    "- Shared office contracts are out of scope, with one exception: contracts where the signer also works from "
    "home should be labeled in full.\n\n# Reminders\n\nAny contract that covers office space is out of scope, even "
    "when the signer also works from home there, so skip it.\n\nSkip contracts for parking spaces, even when they "
    "are signed online.\n",
    "members/guide.md": "# Labels\n\n| Label | Definition |\n|---|---|\n| CHARGE | Any money the guest pays "
    "on top of the room rate, including the booking fee, city tax and minibar items. |\n"
    "| CANCEL | Any clause about how a stay can be called off, such as no-show rules and refund windows. |\n\n"
    "# Details\n\nA refundable booking fee is not a charge and must be tagged DEPOSIT.\n\n"
    "Loyalty points are not a charge, because the guest never pays them.\n",
    "ranked/guide.md": "# Flags\n\nWhen more than one flag applies, the main flag is chosen in this order: MOLD, then "
    "NUTS, then SHELLFISH, then GLASS.\n\n# Allergens\n\nDo put NUTS in the main flag slot whenever nuts are "
    "listed, even if mold is also visible.\n\nPut MOLD in the main flag slot whenever mold is visible.\n",
    "firsts/guide.md": "# Primary issue\n\nWhen several flags apply, RUDE always goes in the Primary issue field, "
    "ahead of any other flag.\n\n# Billing\n\nFEE_ERROR takes the Primary issue slot whenever it is present, even "
    "over a tone flag.\n",
    "pointname/guide.md": "# Scale\n\n| Score | Name | What it means |\n|---|---|---|\n"
    "| 4 | Strong | Clear and complete. |\n| 3 | Usable | Gets the point across but misses a detail. |\n"
    "| 2 | Weak | Misleading or padded. |\n\n# Notes\n\nA 3 (Usable) is the right score for a caption you would "
    "send back for one small fix.\n\n# Generic captions\n\nCaptions that are accurate but generic can get no "
    "better than Usable, which on this scale means a 2.\n",
    "pointrow/guide.md": "# Scale\n\n| Score | Name | What it means |\n|---|---|---|\n"
    "| 4 | Great | Nothing to fix. |\n| 3 | Fine | One small fix. |\n\n# Short answers\n\n"
    "A one-line answer that is correct can still be rated Fine, which means a 4 here.\n",
    "perday/guide.md": "# Scale\n\n| Score | Name | Meaning |\n|---|---|---|\n| 5 | Great | Nothing to fix. |\n"
    "| 1 | Bad | Unusable. |\n\n# Volume\n\nYou may rate at most 40 chats in a single day.\n\n# Flags\n\n"
    "If more than one flag applies, the primary flag is the first applicable one in this order: SAFETY, REFUND, "
    "TONE.\n\nWhere REFUND applies, the bot may offer store credit for up to 6 months, and you should not record "
    "that as a violation.\n",
    "spans/guide.md": '# Names\n\nA person named with a job title is tagged on the name; the title and "of the '
    "board\" stay outside.\n\nLeave the title out of the span: in 'Dr Ada Lovelace spoke first', only 'Ada "
    "Lovelace' is highlighted.\n\n# Scoring\n\nDo not lower Clarity because the call dropped, unless Max handled "
    "the drop badly.\n\nDon't lower scores because Max's voice sounds flat.\n",
    "blank/guide.md": "# Clarity\n\nRate Clarity for every reply unless the reply is a refusal.\n\n# Reminders\n\n"
    "Don't leave Clarity blank because the reply refused to answer.\n\n"
    "Don't leave Clarity blank, because the dashboard cannot average empty cells.\n",
    "field/guide.md": "# Submitting\n\nType the caller's account number into the Account field before you submit.\n\n"
    "# Privacy\n\nTranscribers must leave the Account field blank, because the system fills it in.\n\n"
    "# Notes\n\nLeave the Notes box empty unless the clip is cut off.\n\nType the speaker's name into the Notes box.\n",
    "touch/guide.md": "# Casing\n\nAlways fix the capitalisation of product names in the transcript.\n\n# Verbatim\n\n"
    "The casing rule: never touch capitalisation in the transcript; keep what the speaker's app produced.\n",
    "lists/guide.md": "# Comments\n\nWrite each comment as plain prose in full sentences, never as a list.\n\n"
    "# Layout\n\nFormat every comment as a numbered list, with one item for each flag raised.\n",
    "told/guide.md": "# Router\n\nTell the customer to restart the router.\n\n# Safety\n\n"
    "Never instruct the customer to open the device.\n",
    "latin/guide.md": "# Poem\n\nCompose the poem in Latin.\n\n# Style\n\nThe poem must be in modern English.\n",
    "script/guide.md": "# Names\n\nWrite the caption in Serbian.\n\n# Names again\n\nWrite the caption in Latin script.\n",
    "ignore/guide.md": "# Sounds\n\nBackground sounds such as sirens must be tagged.\n\n# Focus\n\n"
    "Ignore sirens, horns and other background sounds.\n\nIgnore the timestamp column.\n\n"
    "Transcribe speech over background music.\n",
    "keep/guide.md": "# Units\n\nYour translation has to keep the original currency symbols.\n\n# Locale\n\n"
    "Convert every currency symbol to the euro sign.\n",
    "absolute/guide.md": "# Audio\n\nNever share the audio files for any reason whatsoever.\n\n# Disputes\n\n"
    "Reviewers may share audio files with the vendor when a clip is disputed.\n",
    "scoped/guide.md": "# Audio\n\nNever share the audio files.\n\n# Disputes\n\n"
    "Reviewers may share audio files with the vendor when a clip is disputed.\n",
    "opposite/guide.md": "# Retention\n\nDelete every recording within seven days after the project ends.\n\n"
    "# Client requests\n\nKeep every recording for ninety days after the project ends so that clients can ask for "
    "them.\n\n# Reviews\n\nApprove reviews that stay on topic.\n\nReject reviews that drift off topic.\n",
    "parcels/guide.md": "# Boxes\n\nNever draw one box around several parcels.\n\n# Stacks\n\n"
    "For a stack of more than five parcels that cannot be told apart, draw one box around the stack.\n\n# Fit\n\n"
    "Draw the box tight, with no gap between its edges and the parcel.\n",
    "signs/guide.md": "# Signs\n\nTranscribe street signs.\n\n# Unreadable text\n\n"
    "Street signs whose text cannot be read are not transcribed.\n",
    "flagtone/guide.md": "# Chat\n\nChat replies can be a little more casual, but they should still answer the "
    "question first.\n\n# Flags\n\nDon't use the TONE flag for replies that are merely casual or a bit blunt.\n",
    "caps/guide.md": "# Flags\n\n| Flag | Use when the reply... | Score cap |\n|---|---|---|\n"
    "| WRONG_FEE | states a wrong fee | 2 |\n| RUDE | insults the customer | 3 |\n\n# Scores\n\n"
    "Rate each reply from 1 to 5.\n\nA reply that solves the problem gets a 5.\n",
    "order/guide.md": "# Steps\n\nListen to the whole clip first, then read the transcript.\n\n# Tips\n\n"
    "Always read the transcript before you listen to the clip.\n\nRead the transcript before you write the summary.\n",
    "language/guide.md": "# Comments\n\nWrite every comment in English, whatever language the prompt uses.\n\n"
    "# Locales\n\nWrite the comment in the language of the prompt, so that the locale team can read it without a "
    "translation step.\n",
    "pointing/guide.md": "# Dates\n\nTag every date as TIME.\n\nSome dates are part of an event name. In such cases, "
    "do not tag the date.\n",
    "threshold/guide.md": "# Noise\n\nFlag a recording as Noisy only when the noise lasts more than 10 seconds.\n\n"
    "# Quick checks\n\nAny noise over 5 seconds gets the Noisy flag.\n",
    "yourself/guide.md": "# Flags\n\nOnly shift supervisors may apply the Urgent flag; if a message looks urgent to "
    "you, say so in the comment box and a supervisor will decide.\n\n# Edge cases\n\nIf a customer mentions a "
    "medical emergency, tick the Urgent flag yourself rather than waiting for a shift supervisor to do it.\n\n"
    "If a customer sounds upset, ask a shift supervisor to apply the Urgent flag.\n",
    "graders/guide.md": "# Escalation\n\nOnly lead graders may mark an essay as Plagiarised.\n\n# Checks\n\n"
    "Any grader who finds copied passages should mark the essay Plagiarised and move on.\n",
    "rubric/summaries.md": "# Summary scores\n\n| Score | Name | Description |\n|---|---|---|\n"
    "| 3 | Complete | The summary covers every key point of the source. |\n"
    "| 2 | Partial | The summary covers the main claim but misses a key point or a number from the source. |\n"
    "| 1 | Off | The summary misstates the main claim of the source. |\n\n# Edge cases\n\n"
    "A summary that covers the main claim but misses one number from the source receives a 3.\n\n"
    "A summary that misstates the main claim of the source receives a 1.\n",
    "reminders/guide.md": "# Idioms\n\nTranslate every idiom into plain English.\n",
    "reminders/update-notes.md": "# Update notes, March\n\nWe looked at last month's work. Some quick reminders:\n\n"
    "- Do not translate idioms; keep them as the speaker said them.\n",
}


found = contradictions_fixture(DECKS, "decks")  # loads spaCy and the embedder


def test_the_reader_named_two_ways_is_one_reader(found):
    assert _pairs(found, "Labelers must translate", "Don't translate idioms") == ["CON001"]


def test_the_output_named_two_ways_is_one_output(found):
    assert _pairs(found, "Every answer must quote", "Responses should not quote") == ["CON001"]


def test_an_exception_another_rule_refuses_is_a_contradiction(found):
    assert _pairs(found, "unless the bug is a typo", "only a typo") == ["CON016"]
    assert (
        _pairs(found, "unless the bug is a typo", "loads slowly") == []
    )  # a case the exception does not name


def test_a_case_refused_by_a_plain_because_and_a_rationale_after_a_comma(found):
    assert _pairs(found, "unless the reply is a refusal", "because the reply refused") == ["CON016"]
    assert _pairs(found, "unless the reply is a refusal", "cannot average") == []  # the rule's own reason


def test_a_field_filled_by_one_rule_and_left_blank_by_another(found):
    assert _pairs(found, "into the Account field", "leave the Account field blank") == ["CON001"]
    assert _pairs(found, "Notes box empty unless", "into the Notes box") == []  # an explicit exception


def test_never_touching_a_thing_forbids_fixing_it(found):
    # the label before the colon is not the rule's subject: both rules speak to the transcriber
    assert _pairs(found, "Always fix the capitalisation", "never touch capitalisation") == ["CON001"]


def test_a_sanction_word_that_is_not_the_rules_act_makes_no_sanction(found):
    # "one item for each flag raised" sanctions nothing: prose and a list cannot both be the comment's form
    assert _pairs(found, "never as a list", "as a numbered list") == ["CON010"]


def test_telling_a_person_two_different_things_is_no_conflict(found):
    assert _pairs(found, "restart the router", "open the device") == []


def test_two_orders_of_the_same_steps(found):
    assert _pairs(found, "Listen to the whole clip first", "before you listen") == ["CON013"]
    assert _pairs(found, "before you write the summary") == []  # no step in common


def test_the_language_of_the_input_against_english(found):
    assert _pairs(found, "in English, whatever language", "in the language of the prompt") == ["CON010"]


def test_two_thresholds_for_one_flag_are_reported_whatever_the_scorer_thinks(found):
    # two disjoint limits for the same flag state the clash outright: the learned scorer does not veto them
    assert _pairs(found, "more than 10 seconds", "over 5 seconds") == ["CON004"]


def test_an_act_reserved_to_lead_graders_and_asked_of_any_grader(found):
    assert _pairs(found, "Only lead graders", "Any grader who finds") == ["CON011"]


def test_a_flag_reserved_to_a_group_and_set_by_the_reader_without_waiting_for_it(found):
    # the group is named as the one not to wait for; the flag is named by its kind ("the Urgent flag")
    assert _pairs(found, "Only shift supervisors", "rather than waiting") == ["CON011"]
    assert _pairs(found, "Only shift supervisors", "ask a shift supervisor") == []  # the group sets it


def test_a_rule_that_scores_a_case_apart_from_the_row_describing_it(found):
    assert _pairs(found, "misses one number", "2 | Partial") == ["CON007"]
    assert _pairs(found, "misstates the main claim of the source receives a 1") == []  # the row agrees


def test_a_thing_to_ignore_and_to_act_on(found):
    assert _pairs(found, "sirens must be tagged", "Ignore sirens") == ["CON001"]
    assert _pairs(found, "Ignore the timestamp column") == []  # nothing else acts on it


def test_keeping_a_thing_as_it_stands_forbids_changing_it(found):
    # "Your translation" is the reader's own output, so both rules bind the reader
    assert _pairs(found, "keep the original currency symbols", "Convert every currency symbol") == ["CON001"]


def test_an_order_to_skip_even_in_the_excepted_case_refuses_the_exception(found):
    assert _pairs(found, "with one exception", "even when the signer also works from home") == ["CON016"]
    assert _pairs(found, "with one exception", "parking spaces") == []  # another thing, another case


def test_a_rule_that_shuts_out_every_exception_is_contradicted_by_one(found):
    assert _pairs(found, "for any reason whatsoever", "when a clip is disputed") == ["CON001"]
    assert _pairs(found, "Never share the audio files.", "when a clip is disputed") == []  # a narrower rule


def test_opposite_acts_on_the_same_thing(found):
    assert _pairs(found, "Delete every recording", "Keep every recording") == ["CON001"]
    assert _pairs(found, "stay on topic", "drift off topic") == []  # two cases


def test_look_alikes_found_on_a_held_out_deck_after_it_was_scored(found):
    """General forms of the false findings of held-out9 (scored once; these are fixes made afterwards): a
    sentence that opens with "For <a case>," is scoped to it; a ban on one way of doing the task's act ("one box
    around several parcels") does not clash with another requirement on that act ("draw the box tight"); a
    relative clause that narrows the thing ("whose text cannot be read") is a case of its own; a tone word that
    describes the rated item ("replies that are merely casual") is no tone instruction; a "Score cap" column is
    no scale."""
    assert _pairs(found, "Never draw one box around several parcels") == []
    assert _pairs(found, "whose text cannot be read") == []
    assert _pairs(found, "merely casual") == []
    assert _pairs(found, "WRONG_FEE") == [] and _pairs(found, "gets a 5") == []


def test_latin_the_language_is_not_latin_the_script(found):
    assert _pairs(found, "in Latin.", "modern English") == ["CON010"]
    assert _pairs(found, "in Serbian", "Latin script") == []  # Serbian is written in Latin script too


def test_a_rule_that_points_back_at_a_case_is_scoped(found):
    assert _pairs(found, "Tag every date", "In such cases") == []


def test_reminders_in_an_update_file_restate_rather_than_replace(found):
    assert _pairs(found, "Translate every idiom into plain English.", "Do not translate idioms") == ["CON001"]


@pytest.mark.parametrize(
    ("text", "earlier", "later"),
    [
        ("Read the prompt first, then the response.", "Read the prompt", "the response"),
        ("Always score the clip before you open the notes.", "Always score the clip", "you open the notes"),
        (
            "Do not open the notes until you have scored the clip.",
            "you have scored the clip",
            "open the notes",
        ),
        ("After checking the audio, write the transcript.", "checking the audio", "write the transcript"),
    ],
)
def test_orders_read_from_a_sentence(text, earlier, later):
    assert [(o.earlier_text, o.later_text) for o in orders(text)] == [(earlier, later)]


def test_worked_examples_in_a_docx_are_judged_one_by_one(tmp_path):
    """A docx has no line numbers: each example is the section under its own heading, so one example's verdict
    is not merged with the next one's case. An example that says the rule's exception does not hold breaks the
    rule; one that meets the exception follows it."""
    from fixtures_builders import build_docx

    from guidecheck.cli import main

    build_docx(
        tmp_path / "review-guide.docx",
        [
            ("heading", "Scoring", 1),
            (
                "para",
                "Do not lower any score because a citation uses a different style, unless the task names a "
                "required citation style.",
            ),
            (
                "para",
                "A review that follows a different structure from the template must not be penalized for that choice.",
            ),
            ("heading", "Worked examples", 1),
            ("heading", "Example 1: citations", 2),
            ("para", "Task: review a paper on river pollution."),
            (
                "para",
                "Example 1 verdict: the review cites its sources in a different citation style on a task that did "
                "not name a required style, so Accuracy was lowered from 4 to 3.",
            ),
            ("heading", "Example 2: structure", 2),
            ("para", "Task: review a paper on soil."),
            ("para", "The review follows a different structure from the template, written as a letter."),
            ("para", "Example 2 verdict: Accuracy 4, nothing deducted."),
            ("heading", "Example 3: a named style", 2),
            (
                "para",
                "Example 3 verdict: the task names APA as the required citation style and the review uses a "
                "different citation style, so Accuracy was lowered from 4 to 3.",
            ),
        ],
    )
    args = ["check", str(tmp_path), "--format", "json", "--fail-on", "never", "--select", "CON008,REL001"]
    report = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    rules = {r["id"]: r["text"] for r in report["rules"]}
    found = sorted((f["check"], rules[f["rules"][1]][:17]) for f in report["findings"])
    assert found == [("CON008", "Example 1 verdict"), ("REL001", "Example 3 verdict")]


def test_a_case_a_label_definition_includes_and_a_rule_excludes_is_a_definition_conflict(found):
    assert "CON006" in _pairs(found, "including the booking fee", "refundable booking fee is not"), found


def test_excluding_a_case_the_definition_does_not_name_is_no_conflict(found):
    assert _pairs(found, "Loyalty points are not a charge") == [], found


def test_a_ranked_list_and_a_rule_that_puts_a_later_item_first_are_two_orders(found):
    assert _pairs(found, "in this order: MOLD", "Do put NUTS in the main flag slot") == ["CON005"]
    assert (
        _pairs(found, "in this order: MOLD", "Put MOLD in the main flag slot") == []
    )  # the list's own first


def test_two_items_each_put_first_whatever_else_applies_are_two_orders(found):
    assert _pairs(found, "RUDE always goes in the Primary issue field", "FEE_ERROR takes the Primary") == [
        "CON005"
    ]


def test_a_scale_point_named_with_another_number_than_its_rubric_row(found):
    # the sentence that agrees with the row is shown beside the one that does not
    assert _pairs(found, "A 3 (Usable)", "which on this scale means a 2") == ["CON007"]
    assert _pairs(found, "3 | Usable") == []
    assert _pairs(found, "3 | Fine", "Fine, which means a 4") == ["CON007"]  # no such sentence: the row


def test_look_alikes_found_on_held_out11_after_it_was_scored(found):
    """General forms of the false findings of held-out11 (scored once; fixes made afterwards): a count of things
    rated a day is no score; a count of flags and a number of months are no two thresholds of one label; "the
    title" of a span is no place in a text the rater writes; a name both rules speak of is no shared case."""
    assert _pairs(found, "at most 40 chats") == []
    assert _pairs(found, "first applicable one in this order", "up to 6 months") == []
    assert _pairs(found, "stay outside", "only 'Ada") == []
    assert _pairs(found, "unless Max handled", "Max's voice") == []
