"""An exception one rule grants that another refuses (CON016, ``relations/denied_exception.py``), its own check
since round 44: the readings that pair "You may skip X when C" with "never skip X, even when C" were judged real
52 times in 58 on the blind splits while CON001 as a whole stayed below the bar.

The refusal that opens with the case it refuses ("Even when C, never skip X"; "No; even when C, you must not skip
it"; "even with C, X is never skipped"; "Even for C, the X must be filled") was missed: the case was looked for
after the refusal only. A refusal of another thing, and a refusal with a condition of its own, are no conflict.
Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "kilns/guide.md": "# Logging kiln firings\n\n"
    "## Checks\n\n"
    "You may skip the cone photo when the firing is a bisque load under 900 degrees.\n\n"
    "You may leave the glaze code field empty when the pot is a test tile from the practice shelf.\n\n"
    "You may skip the crack inspection for a pot when the studio lead has already stamped it Sound.\n\n"
    "You may skip a firing log from another studio by choosing Not ours.\n\n"
    "You may skip the weight entry when the scale shows an error code.\n\n"
    "You may skip the glaze check when the pot is going to the seconds shelf.\n",
    "kilns/faq.md": "# Questions from the studio\n\n"
    "## Photos\n\n"
    "Even when the firing is a bisque load under 900 degrees, never skip the cone photo.\n\n"
    "## Test tiles\n\n"
    "Even for test tiles from the practice shelf, the glaze code field must be filled.\n\n"
    "## Stamped pots\n\n"
    "No; even with a Sound stamp from the studio lead, the crack inspection for a pot is never skipped.\n\n"
    "## Other studios\n\n"
    "No; even when a firing log comes from another studio, you must not skip it, and you should log it as usual.\n\n"
    "## Scales\n\n"
    "Even when the scale shows an error code, never skip the glaze notes.\n\n"
    "## Seconds\n\n"
    "Even when the pot is going to the seconds shelf, always inspect the glaze for crawling.\n",
}
found = contradictions_fixture(DECK, "round44_refused_exception")


@pytest.mark.parametrize(
    "grant, refusal",
    [
        (
            "You may skip the cone photo",
            "Even when the firing is a bisque load",
        ),  # "Even when C, never skip X"
        ("glaze code field empty", "the glaze code field must be filled"),  # "Even for C, X must be done"
        ("skip the crack inspection", "is never skipped"),  # "even with C, X is never skipped"
        ("skip a firing log from another studio", "you must not skip it"),  # "it": the item conceded
        ("skip the glaze check", "always inspect the glaze"),  # the check named by the act on its thing
    ],
)
def test_a_refusal_that_opens_with_the_case_refuses_the_exception(found, grant, refusal):
    assert _pairs(found, grant, refusal) == ["CON016"]


def test_a_refusal_of_another_thing_is_no_conflict(found):
    assert _pairs(found, "skip the weight entry", "never skip the glaze notes") == []


def test_the_check_is_registered_and_on_by_default(cli):
    listed = cli("checks").output
    row = next(line for line in listed.splitlines() if line.startswith("CON016"))
    assert "refused-exception" in row and " on " in row


@pytest.mark.parametrize(
    "grant, refusal",
    [
        # advice in a later clause ("worth reading even when ...") requires the reading, not the clips
        (
            "Raters on harbour batches may skip clips recorded at night without penalty.",
            "Scores for single clips show in the Scores tab within a day, and they are worth reading even when your"
            " batch passes.",
        ),
        # two containers: the value goes into the correction box, the card number never into a comment
        (
            "When you mark a field Wrong, paste the value shown on the scan into the Corrected Value box.",
            "Never paste any part of a card number into a comment, even when the field is marked Wrong.",
        ),
    ],
)
def test_the_reader_leaves_look_alikes_alone(grant, refusal):
    from test_output_conflicts_cli import guide_and_faq_claims

    from guidecheck.checks.common.relations.denied_exception import denied_exception

    a, b = guide_and_faq_claims(grant, refusal)
    assert denied_exception(a, b) is None and denied_exception(a, b, near=False) is None
