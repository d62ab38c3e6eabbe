"""Copying text word for word into a field, required by one rule and forbidden by another (CON001 until round 45, CON018 since), round 19.

"Every reason must quote the exact line of the transcript that shows the problem" against "Never copy text from
the transcript into the reason box": a quote is a copy, whatever the copied thing is called. The field must be the
same ("the rationale" / "the rationale box"); a ban on copying into another field or out of the tool ("note text"
names what is copied, not where it goes), a ban on copying wholesale ("whole stretches of the transcript", which
leaves a short quote), a ban on quoting someone ("Do not quote the caller in your note") and two rules of the same
force stay quiet. "note" is not "not". Every sentence here was
written for this test."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.verbatim import copying
from guidecheck.model import Location, Rule

DECKS = {
    "calls/guide.md": "# Reasons\n\nEvery rationale must quote the exact line of the transcript that shows the "
    "problem.\n\nAlways paste the caller's account number into the ticket header.\n",
    "calls/faq.md": "# FAQ\n\n## Privacy\n\nNever copy text from the transcript into the rationale box, because it may "
    "hold personal data.\n\nDo not paste transcript lines into the internal note.\n",
    "wholesale/guide.md": "# Reasons\n\nIn the rationale, quote the exact line of the transcript that shows the "
    "problem.\n",
    "wholesale/faq.md": "# FAQ\n\nDon't paste whole stretches of the transcript into the rationale; a short quoted "
    "line is all reviewers need.\n\nNever copy note text out of the tool, whether into a chat window or a search "
    "engine.\n",
}

found = contradictions_fixture(DECKS, "round19_verbatim")


@pytest.mark.slow
def test_a_required_quote_against_a_ban_on_copying_into_the_same_field(found):
    assert _pairs(found, "must quote the exact line", "Never copy text from the transcript") == ["CON018"]


@pytest.mark.slow
def test_a_ban_on_copying_wholesale_or_out_of_the_tool_leaves_a_short_quote(found):
    assert _pairs(found, "In the rationale, quote the exact line", "whole stretches") == []
    assert _pairs(found, "In the rationale, quote the exact line", "copy note text out of the tool") == []


@pytest.mark.slow
def test_copying_into_another_field_is_no_clash(found):
    assert _pairs(found, "must quote the exact line", "into the internal note") == []
    assert _pairs(found, "ticket header", "Never copy text") == []


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Your note must quote the exact words the caller used.", "obligation", (True, ["note"])),
        ("Do not paste transcript lines into your rationale.", "prohibition", (False, ["rationale"])),
        (
            "Every row must give the source sentence, copied from the form, in the Evidence field.",
            "obligation",
            (True, ["evidence"]),
        ),
        ("Do not quote the caller in your note.", "prohibition", None),  # quoting a person, not copying text
        ("Do not copy text into the header.", "prohibition", None),  # no field a rater writes in
    ],
)
def test_copying_into_a_field_is_read_with_its_force(text, kind, expected):
    read = copying(build_claim(Rule("R1", text, Location("deck/guide.md"), kind=kind)))
    assert (read and (read.required, sorted(read.fields))) == expected
