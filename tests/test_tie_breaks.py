"""Which of two things wins when both apply or they disagree, said in the forms decks use ("When a clip is both X
and Y, label it Y", "If the form says something different from the recording, trust the recording", "Where the
form and the recording disagree, the recording is what counts"), and two such rules that pick opposite winners
(CON005). The sentences are written for these tests."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.model import Location, Rule


def _winner_loser(text: str):
    p = build_claim(Rule("R1", text, Location("deck/guide.md"), kind="obligation")).priority
    return (sorted(p[0]), sorted(p[1])) if p else None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "When a clip qualifies as both MUSIC and SPEECH (a sung announcement is the usual case), label it SPEECH.",
            (["speech"], ["music"]),
        ),
        (
            "If the intake form says something different from the recording, trust the recording.",
            (["record"], ["form", "intak"]),
        ),
        (
            "Where the intake form and the recording disagree, the intake form is what counts.",
            (["form", "intak"], ["record"]),
        ),
        ("If both reviewers agree, submit the clip.", None),  # no choice between them
    ],
)
def test_a_choice_between_two_things_is_read_as_a_winner_and_a_loser(text, expected):
    assert _winner_loser(text) == expected


DECKS = {
    "tie/guide.md": "# Labels\n\nWhen a clip qualifies as both MUSIC and SPEECH, label it SPEECH.\n\n"
    "# Sources\n\nWhere the intake form and the recording disagree, the intake form is what counts.\n\n"
    "# FAQ\n\nMUSIC takes priority over SPEECH whenever a clip has both.\n\n"
    "If the intake form says something different from the recording, trust the recording.\n",
    "same/guide.md": "# Labels\n\nWhen a post qualifies as both SPAM and PROMO, label it SPAM.\n\n"
    "# FAQ\n\nSPAM takes priority over PROMO in every case.\n",
}


@pytest.mark.slow
def test_two_rules_that_pick_opposite_winners_conflict(tmp_path):
    found = deck_contradictions(tmp_path, DECKS)
    assert _pairs(found, "label it SPEECH", "MUSIC takes priority") == ["CON005"]
    assert _pairs(found, "intake form is what counts", "trust the recording") == ["CON005"]
    assert _pairs(found, "label it SPAM", "SPAM takes priority") == []
