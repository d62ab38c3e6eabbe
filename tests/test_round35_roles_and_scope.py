"""What a project role may and may not do, and what lies outside the work, read in general form from the planted
sentences no rule matched on the blind splits already scored:

- "Leads may reopen a task, but they may not change its label": of one permission cue said twice, the negated one
  is the sentence's rule, and "they" is the leads (actor and the person test of a can/may cue);
- a role's practice stated without a modal ("Moderators do not edit member posts", "the team lead does not approve
  late submissions", "Nobody rates a clip they transcribed") is a ban, and what everyone does is a duty; what one
  role does ("Auditors check every tenth task"), what most do, what a role sees or knows, and what "the user" does
  describe the work;
- one named actor allowed and forbidden one act worded apart ("Moderators can alter a post's tags" / "Moderators do
  not change member tags") is a CON001;
- a tie settled by naming the answer ("When a moderator cannot decide between A and B, the label should be B")
  against one that picks another answer for the same tie (CON005);
- a reference book or an image search asked for ("check it in a standard dictionary", "run a reverse image search")
  against a ban on outside sources or on looking anything up (CON001);
- a class of items put outside the work ("Trade fairs fall outside the client's scope") is a rule that another
  handling the class like any other reverses (CON003).

Their look-alikes stay quiet: one role allowed, another forbidden; two different acts; a permission and a ban on
different things. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

pytestmark = pytest.mark.slow  # loads spaCy


def kind_actor_action(extract, sentence: str) -> list[tuple[str, str | None, str | None]]:  # noqa: F811
    """(kind, actor, action) of each rule extracted from one sentence under a heading; examples left out."""
    rules = extract(f"# Rules\n\n{sentence}\n")
    return [(r["kind"], r["actor"], r["action"]) for r in rules if not r["is_example"]]


@pytest.mark.parametrize(
    "sentence,frame",
    [
        (
            "Leads may reopen a closed task, but they may not change its final label.",
            ("prohibition", "lead", "change"),
        ),
        (
            "Moderators do not edit member posts; a moderator who disagrees sends the post back to its author.",
            None,
        ),
        (
            "Submission windows are firm for everyone, and the team lead does not approve late submissions.",
            ("prohibition", "lead", "approve"),
        ),
        (
            "Everyone completes the weekly quiz before the first batch.",
            ("obligation", "everyone", "complete"),
        ),
        ("Nobody rates a clip they transcribed.", ("prohibition", None, "rate")),
    ],
)
def test_what_a_role_may_not_do_is_the_rule(extract, sentence, frame):  # noqa: F811
    frames = kind_actor_action(extract, sentence)
    assert len(frames) == 1
    if frame is None:  # the ban of the first clause, not the practice of the second
        assert frames[0][0] == "prohibition" and frames[0][2] == "edit"
    else:
        assert frames[0] == frame


def test_a_negation_inside_the_permissions_case_leaves_it_a_permission(extract):  # noqa: F811
    sentence = "You may skip a song when its words are in a language you don't read and you cannot tell what they say."
    assert kind_actor_action(extract, sentence) == [("permission", "you", "skip")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Annotators do not see the model's confidence score.",
        "Reviewers usually finish a batch in an hour.",
        "The user asks the assistant for a refund.",
        "Raters tend to score long answers higher.",
        "Auditors check every tenth task against the gold answers.",
        "Most raters finish a batch well inside the hour.",
    ],
)
def test_what_a_role_sees_or_tends_to_do_is_no_rule(extract, sentence):  # noqa: F811
    assert kind_actor_action(extract, sentence) == []


@pytest.mark.parametrize(
    "sentence,thing",
    [
        ("Trade fairs fall outside the client's scope.", "trade fair"),
        ("Screenshots of chats are out of scope.", "screenshot"),
        ("Archived posts are outside the project.", "post"),
    ],
)
def test_a_class_outside_the_work_is_a_rule(extract, sentence, thing):  # noqa: F811
    rules = [r for r in extract(f"# Rules\n\n{sentence}\n") if not r["is_example"]]
    assert [(r["kind"], r["object"]) for r in rules] == [("prohibition", thing)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Screenshots of chats are not out of scope.",
        "This question was out of scope last year.",
        "The project is outside our usual area.",
    ],
)
def test_statements_about_scope_that_rule_nothing(extract, sentence):  # noqa: F811
    assert kind_actor_action(extract, sentence) == []


DECKS = {
    "forum/guide.md": "# Roles\n\nModerators can alter a post's tags directly; the author sees the change in the "
    "history tab.\n\nTeam leads may merge duplicate threads.\n\n# Scope\n\nTrade fairs and expos count exactly "
    "like regular events.\n",
    "forum/ties.md": "# Ties\n\nUnsure whether a post is Spam or Promotion? Mark it Needs Review and say why.\n",
    "forum/faq.md": "# FAQ\n\nWhen a moderator cannot decide between Spam and Promotion, the label should be Spam, "
    "because a missed spammer costs more.\n\nModerators do not change member tags; a moderator who disagrees asks the author to "
    "edit them.\n\nModerators do not merge threads.\n\nTrade fairs and expos fall outside the client's scope; if a "
    "batch holds one, send it back.\n",
}
RESEARCH = {
    "spelling/guide.md": "# Spelling\n\nWhen a spelling looks wrong, always check it in a standard dictionary before "
    "you score.\n\n# Photos\n\nBefore you rate a listing, run a reverse image search on its main photo.\n",
    "spelling/faq.md": "# FAQ\n\nDuring a session, do not consult outside sources of any kind, dictionaries "
    "included.\n\nNever look anything up outside the labeling tool.\n",
}
found = contradictions_fixture({**DECKS, **RESEARCH}, "round35_roles")


def test_one_actor_allowed_and_forbidden_one_act_worded_apart(found):
    assert _pairs(found, "alter a post's tags", "do not change member tags") == ["CON001"]


def test_another_role_forbidden_the_act_is_no_clash(found):
    assert _pairs(found, "Team leads may merge", "Moderators do not merge") == []


def test_a_tie_settled_by_naming_the_label_it_should_be(found):
    assert _pairs(found, "Mark it Needs Review", "the label should be Spam") == ["CON005"]


def test_a_reference_book_or_an_image_search_asked_for_and_outside_sources_banned(found):
    assert _pairs(found, "check it in a standard dictionary", "do not consult outside sources") == ["CON001"]
    assert _pairs(found, "run a reverse image search", "Never look anything up") == ["CON001"]


def test_a_class_handled_like_any_other_and_put_outside_the_work(found):
    assert _pairs(found, "count exactly like regular events", "fall outside the client's scope") == ["CON003"]
