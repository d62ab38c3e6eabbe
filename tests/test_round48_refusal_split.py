"""A refusal that names the excused case in its own clause is CON016; a refusal of every case stays opt-in CON001.

"Batch due dates are never moved, and server downtime is no exception" refuses, in words, the case "If the upload
server is down for more than an hour, you may ask for an extra day": CON016, on by default. "Flagged posts always go
to the Safety queue, whatever the topic" refuses no case that "If you are unsure, send the post to the Safety queue"
names, and stays with the opt-in CON001. The blind record moves the same way: a judged finding counts for the check
that emits it today, decided by the same reading from its message. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.registry import policy
from guidecheck.evaluate.judged import current_code

DECKS = {
    "uploads/guide.md": "# Upload review\n\n## Deadlines\n\n"
    "If the upload server is down for more than an hour, you may ask your lead for an extra day on the batch due "
    "date.\n\n"
    "## Routing\n\n"
    "If you are unsure, send the post to the Safety queue; it is the safest default.\n",
    "uploads/faq.md": "# Questions\n\n## Deadlines\n\n"
    "Batch due dates are never moved, and server downtime is no exception.\n\n"
    "## Routing\n\n"
    "Flagged posts always go to the Safety queue, whatever the topic.\n",
}

found = contradictions_fixture(DECKS, "round48_refusal_split")


@pytest.mark.slow
def test_a_refusal_naming_the_case_is_on_by_default(found):
    assert _pairs(found, "upload server is down", "server downtime is no exception") == ["CON016"]
    assert "CON016" not in _pairs(found, "If you are unsure", "whatever the topic")


def _row(refusing: str, refusal: str, granting: str, case: str) -> dict:
    message = f"“{refusing}” admits no exception (“{refusal}”), but “{granting}” excuses a case (“{case}”)."
    return {"check": "CON001", "message": message}


def test_the_judged_record_moves_by_the_same_reading():
    recoded = policy()["recoded"]
    named = _row(
        "Batch due dates are never moved, and server downtime is no exception.",
        "no exception",
        "If the upload server is down for more than an hour, you may ask for an extra day.",
        "If the upload server is down for more than an hour",
    )
    unnamed = _row(
        "Flagged posts always go to the Safety queue, whatever the topic.",
        "whatever the",
        "If you are unsure, send the post to the Safety queue.",
        "If you are unsure",
    )
    assert current_code(named, recoded) == "CON016"
    assert current_code(unnamed, recoded) == "CON001"
