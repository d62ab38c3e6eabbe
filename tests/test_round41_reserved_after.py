"""An act reserved to a group after a moment, written at the end of the sentence ("Only QA reviewers can change a row
after it has been submitted"), against everyone's freedom until that moment ("You can edit your own rows freely until
you press Submit"): two windows that do not meet, no CON011. The form of three of held-out41's wrong CON011 findings
(scored; a second look). The opening form ("Once a batch has closed, only ...") was read already
(``test_heldout14_look_alikes``). Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "freight/guide.md": "# Records\n\nOnly shift supervisors can change a manifest line after it has been "
    "dispatched.\n\n# Seals\n\nOnly the gate officer can break a container seal.\n",
    "freight/faq.md": "# Editing\n\nYou can edit your manifest lines freely until you press Dispatch.\n\n"
    "# Seals\n\nAnyone on the dock can break a container seal.\n",
}
found = contradictions_fixture(DECK, "round41_reserved_after")


def test_a_freedom_until_the_moment_the_reservation_starts_is_no_conflict(found):
    assert _pairs(found, "Only shift supervisors can change", "until you press Dispatch") == []


def test_an_act_reserved_without_a_moment_still_clashes_with_everyone_doing_it(found):
    assert _pairs(found, "Only the gate officer can break", "Anyone on the dock can break") == ["CON011"]
