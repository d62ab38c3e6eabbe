"""Cases told apart and refusals read, in general form, from the findings a blind judge called wrong and the planted
pairs no rule matched on held-out35 (scored, now a development split):

- a worked example under a rule's threshold ("about 8% lower" against "more than 25% above or below") is no case of
  that rule, and neither is one that states no figure of the measure at all;
- a ban's sanction ("Tasks whose history shows a visit to a price site are rejected") asks for no consulting;
- two subjects whose cases name different kinds of one thing ("Clips that carry a music watermark" / "Clips that
  carry a broadcaster watermark") are two cases;
- what the tool does when time runs out ("Unsubmitted tasks are released back to the queue after 30 minutes") is
  no duty or permission of the rater;
- a time in a clause whose subject is another role ("and a lead will answer within one working day", "Leads aim to
  answer appeals within a week") is that role's time, not the rater's;
- "a site you run" and "sites you only read" are two cases;
- "allow 48 hours before treating ..." is a wait, and "before and after" no order of steps;
- "No reviewer is allowed to edit ..." is a ban, and "No rater may override the suggested price" a person's act,
  not one criterion outranking another;
- refusals worded as "No site is excused from ...", "there is no Weekend exception", "on every form, including ...";
- "leave out" omits, against a rule that enters the same thing;
- an act reserved to a group and given to the reader, who then leaves a note "for the senior moderator" (whom the act
  is for later is no group the rule is about); "Only team leads may mark ...; if ..., message your lead" read with
  "team leads" as the subject the parser took for a verb;
- two ranked lists in other orders ("Priority order when two labels fit: A, then B, then C" / "use this priority: B,
  A, C"), and a chain in brackets against "X wins over any other flag".

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
    "sentence,frame",
    [
        ("No reviewer is allowed to edit the transcript.", ("prohibition", "reviewer", "edit")),
        (
            "No rater may override the suggested price in the parts table.",
            ("prohibition", "rater", "override"),
        ),
        ("Leave out any entry the clerk marked as void.", ("obligation", "you", "omit")),
        (
            "Only team leads may mark a claim as suspected fraud; if something looks odd, message your lead.",
            ("permission", "team leads", "mark"),
        ),
    ],
)
def test_bans_by_a_negated_subject_and_acts_named_with_a_particle(extract, sentence, frame):  # noqa: F811
    assert kind_actor_action(extract, sentence) == [frame]


def test_one_criterion_outranking_another_is_still_a_priority(extract):  # noqa: F811
    assert [f[0] for f in kind_actor_action(extract, "Accuracy overrides style when the two disagree.")] == [
        "priority"
    ]


DELIVERY = {
    "parcels/guide.md": "# Lateness\n\nMark a delivery Late when it arrives more than 20% after the promised "
    "window.\n\n# Examples\n\n## Example A: a small slip\n\nThe parcel was promised for a two-hour window and came "
    "six minutes after it ended, about 5% over.\n\nVerdict: On time.\n\n## Example B: a long wait\n\nThe parcel "
    "came two hours after a three-hour window ended.\n\nVerdict: On time, since the courier called ahead.\n\n"
    "# Tools\n\nDo not use outside sites to check a courier's tracking page.\n\nTasks whose history shows a visit "
    "to a courier tracking site are rejected and not paid.\n\n# Watermarks\n\nPhotos that carry a date or time "
    "watermark from the phone camera should be labelled as usual.\n\nPhotos that carry a courier-company "
    "watermark, such as a logo, must not be labelled.\n\n# Queue\n\nUnsubmitted parcels are released back to the "
    "queue after 30 minutes.\n\nDo not release a parcel back to the queue just because it is hard.\n\nEach task "
    "has a working time limit of 10 minutes.\n\nRaise a flag on the task you are working on and a lead will answer "
    "within one working day.\n",
    "parcels/steps.md": "# Steps\n\nCheck the route once the stops have been entered, comparing the distance "
    "before and after any detour.\n\nFor new couriers only, allow 48 hours rather than 24 before treating a "
    "delay as a pattern.\n",
}
REFUSALS = {
    "audits/guide.md": "# Checks\n\nSites under renovation are exempt from the safety walk-through, because the "
    "contractor runs its own.\n\nWeekend shifts may skip the closing count when the manager signs the log.\n\n"
    "# Records\n\nEntries the clerk marked as void are still entered, with Status set to VOID.\n",
    "audits/faq.md": "# FAQ\n\nNo site is excused from the safety walk-through, whatever its status.\n\nEvery "
    "shift must do the closing count; there is no Weekend exception.\n\nLeave out any entry the clerk marked as "
    "void; only live entries belong in the ledger.\n",
}
OTHERS = {
    "recipes/guide.md": "# Appeals\n\nAppeals must be filed within 48 hours of the audit notice.\n\nLeads aim to answer "
    "appeals within a week.\n\n# Conflicts\n\nDo not label recipes from a site you run or write for.\n\nYou may label "
    "recipes from sites you only read.\n",
}
found = contradictions_fixture({**DELIVERY, **REFUSALS, **OTHERS}, "round36_cases")


def test_an_example_under_the_threshold_or_without_a_figure_breaks_no_rule(found):
    assert _pairs(found, "more than 20% after", "Verdict: On time") == []


def test_a_bans_sanction_asks_for_no_consulting(found):
    assert _pairs(found, "Do not use outside sites", "are rejected and not paid") == []


def test_two_kinds_of_one_thing_are_two_cases(found):
    assert _pairs(found, "date or time watermark", "courier-company watermark") == []


def test_what_the_tool_does_when_time_runs_out_is_no_duty(found):
    assert _pairs(found, "released back to the queue after 30 minutes", "Do not release a parcel") == []


def test_another_roles_time_is_not_the_raters_time_on_a_task(found):
    assert _pairs(found, "working time limit of 10 minutes", "a lead will answer") == []


def test_another_roles_window_is_not_the_raters(found):
    assert _pairs(found, "must be filed within 48 hours", "Leads aim to answer") == []


def test_two_cases_named_by_what_the_reader_does_with_the_thing(found):
    assert _pairs(found, "a site you run or write for", "sites you only read") == []


def test_a_wait_and_both_sides_of_a_point_are_no_order_of_steps(found):
    assert _pairs(found, "allow 48 hours", "before and after any detour") == []


# "No site is excused from the safety walk-through" names the excused sites in its own clause: CON016 since round 48.
@pytest.mark.parametrize(
    "granted,refused,check",
    [
        ("Sites under renovation are exempt", "No site is excused", "CON016"),
        ("Weekend shifts may skip the closing count", "there is no Weekend exception", "CON001"),
    ],
)
def test_refusals_in_other_words(found, granted, refused, check):
    assert _pairs(found, granted, refused) == [check]


def test_leaving_out_what_another_rule_enters(found):
    assert _pairs(found, "are still entered", "Leave out any entry") == ["CON001"]


ROLES = {
    "forum/guide.md": "# Roles\n\nOnly senior moderators may lock a thread.\n\n# Pile-ons\n\nIf replies in a thread are "
    "piling on one member, lock the thread yourself and then leave a note for the senior moderator on shift.\n\n"
    "# Labels\n\nPriority order when two labels fit: ABUSE, then LEAK, then SPAM, then OFFTOPIC.\n\nWhen one post "
    "qualifies for several flags, record only the flag that comes first in the list (LEAK, then ABUSE, then SPAM).\n",
    "forum/errata.md": "# Errata\n\nWhen two labels fit, use this priority: LEAK, ABUSE, SPAM, OFFTOPIC.\n\nWhen one "
    "post qualifies for several flags, SPAM wins over any other flag.\n",
}
roles = contradictions_fixture(ROLES, "round36_roles")


def test_an_act_reserved_to_a_group_and_given_to_the_reader(roles):
    assert _pairs(roles, "Only senior moderators may lock", "lock the thread yourself") == ["CON011"]


def test_two_ranked_lists_in_other_orders(roles):
    assert _pairs(roles, "Priority order when two labels fit", "use this priority") == ["CON005"]


def test_a_chain_in_brackets_and_an_item_that_wins_over_any_other(roles):
    assert _pairs(roles, "comes first in the list", "SPAM wins over any other flag") == ["CON005"]
