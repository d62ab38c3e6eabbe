"""Look-alikes of the false findings held-out17 showed when it was scored, fixed after the score in general form
(a second look, disclosed). Every sentence here was written for the test (none is from a blind deck):
- a number run into a dot or an ellipsis and a word numbers a move or an item ("is 22...Nf6"), it is no score;
- an act reserved for someone else's work leaves the same act on one's own work to everyone (CON011);
- "once" before a preposition or an adverb counts times ("Listen to the whole clip once without tagging anything"):
  it orders no steps (CON013);
- "do not share X outside the platform" says where X may go, not what the output says (CON010);
- a label the rule gives "only when" a case holds is not required in that case, and an example of the opposite case
  ("warmer" against "uniformly cold") is not the rule's case (CON008)."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)


@pytest.mark.slow
def test_a_numbered_move_is_no_score(extract):  # noqa: F811
    rules = extract("# Rules\n\n## Example 1\n\nThe move under discussion is 22...Nf6.\n")
    assert all("22" not in r["labels"] for r in rules), rules
    rated = extract("# Rules\n\n## Example 1\n\nThis answer is 4.\n")
    assert [r["labels"] for r in rated] == [["4"]], rated


DECKS = {
    "own/guide.md": "# Roles\n\nOnly QA leads may change the grade of a box drawn by another annotator.\n\n"
    "# FAQ\n\nAnnotators may change the grade of their own boxes at any time before submitting.\n",
    "anyone/guide.md": "# Roles\n\nOnly QA leads may change the grade of a box drawn by another annotator.\n\n"
    "# FAQ\n\nAnnotators may change the grade of any box at any time before submitting.\n",
    "once/guide.md": "# Steps\n\nListen to the whole clip once without tagging anything.\n\n"
    "# Workflow\n\nDo listen to the whole clip before you tag it.\n",
    "order/guide.md": "# Steps\n\nTag the sounds first, then listen to the whole clip.\n\n"
    "# Workflow\n\nDo listen to the whole clip before you tag the sounds.\n",
    "share/guide.md": "# Privacy\n\nDo not share clips, transcripts or screenshots outside the labeling tool.\n\n"
    "# Notes\n\nYour note should describe the clips you skipped.\n",
    "mention/guide.md": "# Notes\n\nDo not mention the clips you skipped.\n\n"
    "# More notes\n\nYour note should describe the clips you skipped.\n",
    "tie/guide.md": "# Preference\n\nSelect Tie only when neither answer has an error.\n\n"
    "## Example 1: one error\n\nAnswer A gets the capital wrong; answer B has no error.\n\n"
    "Verdict: B better, since answer A has an error and B has none.\n",
    "panels/guide.md": "# Labels\n\n- Hotspot: a cell that is warmer than its neighbours.\n- Offline: a panel that "
    "gives off no heat at all.\n\nIf a panel shows up uniformly cold on the thermal image, label it Offline.\n\n"
    "## Example 1: a hot panel\n\nThe thermal image shows one panel 9 degrees warmer than the rest of its row. The "
    "annotator labelled it Hotspot.\n\nVerdict: correct, Hotspot fits a warm panel.\n\n"
    "## Example 2: a cold panel\n\nThe thermal image shows one panel uniformly cold against the rest of its row. "
    "The annotator labelled it Hotspot.\n\nVerdict: correct, Hotspot is the right label here.\n",
}
found = contradictions_fixture(DECKS, "heldout17_look_alikes")


@pytest.mark.slow
@pytest.mark.parametrize(
    "a,b,checks",
    [
        # an act reserved for someone else's work, and the same act on one's own / on anyone's
        ("drawn by another annotator", "their own boxes", []),
        ("drawn by another annotator", "grade of any box", ["CON011"]),
        # "once" counting times / two orders of the same two steps
        ("once without tagging", "before you tag it", []),
        ("Tag the sounds first", "before you tag the sounds", ["CON013"]),
        # where a thing may go / what the output may say
        ("outside the labeling tool", "describe the clips you skipped", []),
        ("Do not mention the clips", "describe the clips you skipped", ["CON001"]),
        # a label only for a case; an example of another case; an example of the rule's case
        ("Select Tie only when", "Verdict: B better", []),
        ("label it Offline", "Hotspot fits a warm panel", []),
        ("label it Offline", "Hotspot is the right label here", ["CON008"]),
    ],
)
def test_heldout17_look_alikes(found, a, b, checks):
    assert _pairs(found, a, b) == checks, found
