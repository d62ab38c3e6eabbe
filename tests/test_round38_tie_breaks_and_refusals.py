"""Tie-breaks and refused exceptions in the forms held-out37's planted pairs (scored, now a development split) used
and the readers missed, read in general form:

- a situation with one winner and no loser named ("If one source backs the figure and another disputes it, the
  disputing source prevails"): two rules of one situation whose winners are each named in the other's situation
  rank the two ways;
- "label the refund, not the complaint" under a situation that names both ranks the first over the second;
- a source is told apart by the person it comes from ("a supervisor's note"), which the content reader drops as a
  role word; "the training manual" is the guideline itself; "do what the supervisor says" names the winner;
- a refusal in words the readers missed: "whatever the reason for ..." (a reason named is every case, and the words
  after "whatever the" are read in the rule), "are not granted under any circumstances" (the thing refused is the
  thing the other rule lets raters ask for), a refusal whose statement follows a colon ("Night shots get no
  exception: ..."), and a condition in the next clause ("...; if you cannot finish, release it") confines nothing.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

TIES = {
    "census/guide.md": "# Sources\n\nIf one census table backs the household figure and another table disputes it, "
    "the disputing table prevails and the figure is marked Doubtful.\n\nWhere a supervisor's note and this manual "
    "disagree, the manual takes priority: follow the manual and tell your supervisor.\n\nWhen one form holds both a "
    "change of address and a complaint such as a late visit or a rude enumerator, tag the change of address, not "
    "the complaint.\n\n# Scans\n\nWhen the scan is blurred, the paper copy wins.\n",
    "census/faq.md": "# FAQ\n\nWhen a census table backs the household figure in one column and disputes it in "
    "another, the backing table takes priority and the figure is marked Confirmed.\n\nIf a supervisor's note on a "
    "form conflicts with the training manual, do what the supervisor says; the note takes precedence.\n\nIf a "
    "complaint and a change of address appear on the same form, COMPLAINT wins over every other code.\n\nWhen the "
    "scan is sharp, the scan wins.\n",
}
ties = contradictions_fixture(TIES, "round38_ties")


@pytest.mark.parametrize(
    "one,other",
    [
        ("the disputing table prevails", "the backing table takes priority"),
        ("the manual takes priority: follow the manual", "do what the supervisor says"),
        ("tag the change of address, not the complaint", "COMPLAINT wins over every other code"),
    ],
)
def test_one_situation_settled_two_ways_is_a_tie_break_conflict(ties, one, other):
    assert _pairs(ties, one, other) == ["CON005"]


def test_two_situations_with_their_own_winners_are_two_cases(ties):
    # a blurred scan and a sharp scan are different cases: each may have its own winner
    assert _pairs(ties, "When the scan is blurred", "When the scan is sharp") == []


def test_a_restated_winner_is_no_tie_break_conflict(tmp_path):
    from test_output_conflicts_cli import deck_contradictions

    found = deck_contradictions(
        tmp_path,
        {
            "survey/guide.md": "# Sources\n\nIf one ledger backs the total and another ledger disputes it, the "
            "disputing ledger prevails.\n",
            "survey/faq.md": "# FAQ\n\nWhen a ledger backs the total in one place and disputes it in another, the "
            "disputing ledger wins.\n",
        },
    )
    assert _pairs(found, "the disputing ledger prevails", "the disputing ledger wins") == []


REFUSALS = {
    "harbour/guide.md": "# Returns\n\nIf a recording is too upsetting to finish, you may return it with the Skip "
    "button and it will not lower your completion rate.\n\n# Time\n\nIf a shift holds a recording longer than 40 "
    "minutes, you can request a 20-minute extension from the Help page.\n\n# Night shots\n\nAs an exception, boats "
    "seen through harbour fog may be boxed when the fog does not hide the hull.\n",
    "harbour/faq.md": "# FAQ\n\nRecordings returned with the Skip button always lower your completion rate, whatever "
    "the reason for returning them.\n\nExtensions to the shift time limit are not granted under any circumstances; "
    "if you cannot finish, release the shift so that another tagger can take it.\n\nFoggy shots get no exception: "
    "boats behind harbour fog are left unboxed even when the hull looks sharp.\n",
}
LOOKALIKE_REFUSALS = {
    "quay/guide.md": "# Returns\n\nIf the audio is in a language you do not speak, you may return the recording.\n",
    "quay/faq.md": "# FAQ\n\nBadges are not granted under any circumstances before a tagger's "
    "first audit.\n\nYou can request a new headset from the Help page.\n",
}
refusals = contradictions_fixture({**REFUSALS, **LOOKALIKE_REFUSALS}, "round38_refusals")


# A refusal whose own clause names a word of the excused case is CON016 since round 48 ("Extensions to the batch time
# limit are not granted" / "If a batch ..."); one that names none stays CON001.
@pytest.mark.parametrize(
    "granted,refused,check",
    [
        ("you may return it with the Skip button", "whatever the reason for returning them", "CON001"),
        (
            "you can request a 20-minute extension",
            "are not granted under any circumstances; if you cannot",
            "CON016",
        ),
        ("boats seen through harbour fog may be boxed", "Foggy shots get no exception", "CON001"),
    ],
)
def test_an_exception_granted_and_refused_in_other_words(refusals, granted, refused, check):
    assert _pairs(refusals, granted, refused) == [check]


def test_a_refusal_of_another_thing_is_no_refusal_of_the_grant(refusals):
    # a badge is not the headset the other rule lets taggers ask for
    assert _pairs(refusals, "You can request a new headset", "Badges are not granted") == []


GRANULARITY = {
    "reef/guide.md": "# Boxes\n\nGive each polyp of a branching coral its own box.\n\nSea urchins are always boxed one "
    "by one, even when they touch.\n\nWhen a diver reports two readings for one transect, grade each reading "
    "separately.\n\nEvery fish that is at least half visible gets its own box.\n\nUse one mask per paddock when the "
    "grass is uniform.\n",
    "reef/faq.md": "# FAQ\n\nA coral that branches stays one object: draw a single box that takes in the base and "
    "every polyp.\n\nFor sea urchins, put a single box around a tight cluster and type the count in the notes.\n\n"
    "If a diver reports two readings for one transect, grade them as a pair.\n\nWhen more than 40 fish swim in a "
    "tight school, draw a single box around the school.\n\nWhen the grass is uniform, you may draw a single mask "
    "over the whole paddock.\n",
}
granularity = contradictions_fixture(GRANULARITY, "round38_granularity")


@pytest.mark.parametrize(
    "each,whole",
    [
        ("Give each polyp of a branching coral its own box", "draw a single box that takes in the base"),
        ("Sea urchins are always boxed one by one", "put a single box around a tight cluster"),
        ("grade each reading separately", "grade them as a pair"),
    ],
)
def test_one_mark_for_each_item_against_one_mark_for_them_all(granularity, each, whole):
    assert _pairs(granularity, each, whole) == ["CON001"]


def test_a_single_mark_for_a_narrower_case_stated_apart_agrees(granularity):
    # a school of more than 40 fish is a case of its own; the per-fish rule neither names nor refuses it
    assert _pairs(granularity, "gets its own box", "draw a single box around the school") == []


def test_one_mark_per_thing_and_one_mark_over_the_whole_thing_agree(granularity):
    assert _pairs(granularity, "one mask per paddock", "a single mask over the whole paddock") == []


MEMBERS = {
    "radio/guide.md": "# Transcripts\n\nBreath sounds such as gasps, sighs and coughs are typed exactly as you hear "
    "them.\n\nTrains, buses and trucks heard in the background are tagged [TRAFFIC] where the noise starts.\n\n"
    "Place names such as towns and rivers are copied as spoken.\n\nOnly leads may mark a clip as Gold.\n",
    "radio/faq.md": "# FAQ\n\nNever type noises like gasps or sighs; leave them out of the transcript.\n\nBackground "
    "noise is never tagged, whether it is a train, a bus or a truck.\n\nNever copy brand names like Acme or "
    "Zenith.\n\nTag every clip you listen to with its station.\n",
}
members = contradictions_fixture(MEMBERS, "round38_members")


@pytest.mark.parametrize(
    "kept,banned",
    [
        ("Breath sounds such as gasps", "Never type noises like gasps or sighs"),
        ("Trains, buses and trucks heard in the background", "whether it is a train, a bus"),
    ],
)
def test_one_class_named_by_its_members_kept_and_banned(members, kept, banned):
    assert _pairs(members, kept, banned) == ["CON001"]


def test_two_classes_with_no_member_in_common_are_two_things(members):
    assert _pairs(members, "Place names such as towns", "Never copy brand names") == []


def test_marking_a_clip_as_a_label_is_not_tagging_it(members):
    # "mark as Gold" gives a label only leads may give; tagging a clip with its station is every rater's task
    assert _pairs(members, "Only leads may mark a clip as Gold", "Tag every clip you listen to") == []


def test_a_bonus_that_went_up_is_read_at_its_new_amount():
    from guidecheck.rules.bonus_terms import read_bonus_term

    went_up = read_bonus_term(
        "The streak bonus went up from $4.00 to $6.50 for weeks without a rejected clip."
    )
    assert went_up is not None and went_up.amount == 6.5
    assert (
        read_bonus_term("A streak bonus of $4.00 is paid for every week without a rejection.").amount == 4.0
    )


def test_a_changelog_raise_agrees_with_the_rule_that_states_the_new_bonus(tmp_path):
    from test_output_conflicts_cli import deck_contradictions

    found = deck_contradictions(
        tmp_path,
        {
            "clips/guide.md": "# Pay\n\nA streak bonus of $6.50 is paid for every week without a rejected clip.\n",
            "clips/changelog.md": "# Changes\n\n- v1.0: Pay of $0.30 per clip, with a $4.00 streak bonus for weeks "
            "without a rejected clip.\n- v1.2: The streak bonus went up from $4.00 to $6.50 for weeks without a "
            "rejected clip.\n",
        },
    )
    assert _pairs(found, "streak bonus of $6.50", "went up from $4.00") == []
    # the raise says it replaces the old amount: an update, not a second value of one bonus
    assert _pairs(found, "went up from $4.00", "$4.00 streak bonus") == []


@pytest.mark.parametrize(
    "sentence,bounds",
    [
        ("To keep your badge you must grade at least 30 sources per calendar week.", 0),
        ("Review no more than 60 clips a day, then take a break.", 0),
        ("Each answer must cite at least 2 sources.", 1),
    ],
)
def test_a_count_of_the_raters_own_work_is_no_output_count(sentence, bounds):
    from guidecheck.checks.common.relations.output_counts import output_counts

    assert len(output_counts(sentence, "O")) == bounds


def test_a_time_the_rater_waits_for_is_not_the_time_spent_on_an_item():
    from guidecheck.checks.common.relations.work_time import work_item_scope

    waits = "During onboarding you receive feedback on each clip within three working days, and you finish the batch."
    works = "No single clip should take you longer than ten minutes; at that point, submit what you have."
    assert work_item_scope(waits, "time", None, waits.find("within")).spent_by == "another role"
    assert work_item_scope(works, "time", None, works.find("longer")).spent_by == "the rater"


LABELS = {
    "calls/guide.md": "# Speaker labels\n\n| Label | Who it is |\n|---|---|\n| CT | Call-taker: the dispatcher who "
    "answers the call. |\n| WIT | Witness: anyone else heard on the call, including neighbours, passers-by and "
    "security guards. |\n\nSecurity guards get their own label, SEC, and are never labelled WIT.\n\nNeighbours get "
    "their own colour in the viewer, and are labelled WIT like every witness.\n",
}
labels = contradictions_fixture(LABELS, "round38_labels")


def test_a_member_of_a_label_row_given_another_label_and_refused_this_one(labels):
    assert _pairs(labels, "including neighbours, passers-by and security guards", "never labelled WIT") == [
        "CON006"
    ]


def test_a_second_predicate_that_keeps_the_label_is_no_exclusion(labels):
    assert _pairs(labels, "including neighbours", "are labelled WIT like every witness") == []


def test_a_case_unpaid_in_one_place_and_still_earning_a_rate_in_another(tmp_path):
    from test_output_conflicts_cli import deck_contradictions

    found = deck_contradictions(
        tmp_path,
        {
            "clips/guide.md": "# Pay\n\nRejected clips are not paid.\n\nApproved clips earn the $0.40 clip rate.\n",
            "clips/faq.md": "# FAQ\n\nRejected clips still earn the $0.10 per-clip rate; only the streak bonus is "
            "withheld.\n",
        },
    )
    assert _pairs(found, "Rejected clips are not paid", "still earn the $0.10") == ["CON004"]
    assert _pairs(found, "Approved clips earn", "still earn the $0.10") == []


CASES = {
    "stories/guide.md": "# Reading\n\nStories under 300 words need one careful read.\n\nStories of 300 words or more "
    "must be read twice before you rate them.\n\nEach rationale must be under 50 words.\n\n# Ratings\n\n| Rating | "
    "Meaning |\n|---|---|\n| All Ages | Suitable for every reader. |\n| 7+ | Mild peril or mild language. |\n| "
    "Unratable | Too short or garbled to rate. |\n\n# Unratable\n\nIf the story has fewer than 30 words, mark it "
    "Unratable and move on.\n\n# Examples\n\nExample A. A 200-word story about a dog who learns to swim in a cold "
    "lake. Verdict: Level 2, All Ages, no flags.\n\nExample B. A 20-word story about a cat who learns to swim in a "
    "warm lake. Verdict: Level 1, All Ages, no flags.\n",
    "stories/faq.md": "# FAQ\n\nEach rationale must be at least 60 words.\n",
}
cases = contradictions_fixture(CASES, "round38_cases")


def test_counts_that_say_which_items_a_rule_is_for_are_two_cases(cases):
    assert _pairs(cases, "Stories under 300 words", "Stories of 300 words or more") == []


def test_two_counts_the_output_must_keep_to_still_clash(cases):
    assert _pairs(cases, "must be under 50 words", "must be at least 60 words") != []


def test_an_example_whose_stated_length_is_outside_the_rules_case_breaks_nothing(cases):
    assert _pairs(cases, "fewer than 30 words", "A 200-word story") == []
