"""Readings of round 32, from held-out31's misses (read after it was scored) in general form.

- A fixed amount of money for one kind of work, in any currency and any of the ways decks state it ("Reviews you
  close as second reader are paid at 0.30 EUR each" / "You earn 0.45 EUR for each review you finish as second
  reader"; "Confirmed fraud flags earn a bonus of €0.40 each" / "Every fraud flag that QA confirms adds €0.25 to your
  pay"; "is deducted at $2.00"): two amounts for one case disagree (CON004); a deduction is no answer to what an
  item pays.
- Where a label starts is where it begins to apply ("so OVERLAP starts at a gap of 2.0 or more") and below that point
  it does not, so a rule that gives the label from a lower point disagrees (CON004).
- A name in the subject of a refusal is the case refused ("A Trusted Sender badge is never a reason to skip the
  address check" refuses what "You may skip the address check for parcels from Trusted Senders" grants), and so is
  "a certified depot earns no exemption"; validators and verifiers are raters too ("Any verifier can apply ...").
- A worked example that states plainly what a rule's case negates ("The quoted price matches the price list" /
  "a price that doesn't match the price list") is an example of the other case.
- A place in a field is the field ("into the first line of the Notes field"); a flag that "must come with a comment"
  requires one; doing what a tool does ("must crop every screenshot") uses the tool a rule bans ("Do not use the crop
  tool"); "the earlier category stands" and "the most recent category counts" settle one disagreement two ways.
- An instruction after a long opening phrase that holds its own verb ("For a clip that is both a duet and a cover,
  use G7"), and a label code applied by "use" / "apply" / "choose", are read as the rule and its label.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

DECKS = {
    "reviews/guide.md": "# Review pay\n\n## Second readers\n\nReviews you close as second reader are paid at 0.30 EUR "
    "each.\n\nReviews you close as first reader are paid at 0.20 EUR each.\n\n## Flags\n\nConfirmed fraud flags earn a "
    "bonus of €0.40 each.\n\nConfirmed spam flags earn a bonus of €0.40 each.\n\n## Audit\n\nEach missed fraud flag "
    "that the audit finds is deducted at $1.00 from the next payment.\n\n## Overlap\n\nTick OVERLAP when two "
    "speakers' turns overlap by more than 0.5 seconds.\n\nTick ECHO when the room echo lasts more than 0.5 seconds.\n",
    "reviews/faq.md": "# FAQ\n\n## Pay for second reads\n\nYou earn 0.45 EUR for each review you finish as second "
    "reader, paid with the monthly invoice.\n\n## Flag pay\n\nEvery fraud flag that QA confirms adds €0.25 to your pay "
    "for that month.\n\n## Misses\n\nMissed fraud flags are not paid.\n\n## Small overlaps\n\nOverlaps under one full "
    "second are ordinary turn-taking, so OVERLAP starts at 1.0 seconds or more.\n\n## Echo\n\nShort echoes are "
    "normal in small rooms, so ECHO starts at 0.5 seconds.\n",
    "songs/guide.md": "# Song tagging\n\n## Tags\n\nWhen one clip is both a duet and a cover, label it G2, because "
    "covers are tracked separately.\n\nFor a clip that is both a duet and a cover, use G7.\n\nFor a clip that is both "
    "a remix and a live take, use G5.\n",
    "parcels/guide.md": "# Parcel checks\n\n## Checks\n\nYou may skip the address check for parcels from Trusted "
    "Senders, whose depots are audited each quarter.\n\nYou may skip the photo check for items logged at a certified "
    "depot, since those photos were verified when the depot was certified.\n\n## Statuses\n\nOnly Senior Verifiers "
    "can set a parcel to Lost; other verifiers use the Escalate button instead.\n\n## Replies\n\nApply RATE_ERROR "
    "whenever the reply quotes a price that doesn't match the price list.\n\n## Example A\n\nReply: quotes the Day "
    "Pass at $5 and explains how to buy it in the app.\n\nReasoning: The quoted price matches the price list and the "
    "steps are right.\n\nVerdict: 4, no flags.\n",
    "parcels/faq.md": "# FAQ\n\n## Trusted Senders\n\nA Trusted Sender badge is never a reason to skip the address "
    "check.\n\nA Trusted Sender badge is never a reason to skip the weight check.\n\n## Depots\n\nThese come up "
    "often: a certified depot earns no exemption: its items go through the photo check like any other.\n\n## "
    "Statuses\n\nAny verifier can apply the Lost status from the parcel screen.\n\nAny verifier can apply the "
    "Delayed status from the parcel screen.\n",
    "desk/guide.md": "# Help desk review\n\n## Notes\n\nAlways paste the ticket number into the first line of the "
    "Notes field so QA can find it.\n\nAlways paste the queue name into the first line of the Summary field.\n\n## "
    "Flags\n\nEvery ABUSE flag must come with a short comment saying what was said.\n\nEvery SPAM flag must come "
    "with a short comment saying where the link points.\n\n## Screenshots\n\nReviewers must crop every screenshot "
    "to the chat window before rating.\n\nReviewers must blur every screenshot's avatar before rating.\n\n## "
    "Disagreements\n\nWhen two reviewers disagree on the category, the earlier category stands until a lead "
    "decides.\n",
    "desk/faq.md": "# FAQ\n\n## Notes\n\nNever put ticket numbers, emails or any other identifiers in the Notes "
    "field; the ticket record already carries them.\n\n## ABUSE\n\nLeave the comment box empty when you raise "
    "ABUSE: comments are shown to the customer.\n\n## Screenshots\n\nDo not use the crop tool on screenshots; "
    "rate every image as it was sent.\n\n## Whose category counts?\n\nIf two reviewers disagree on the category, "
    "the most recent category counts until a lead steps in.\n",
}

found = contradictions_fixture(DECKS, "round32_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("paid at 0.30 EUR", "You earn 0.45 EUR", ["CON004"]),  # two amounts for one kind of work
        ("paid at 0.20 EUR", "You earn 0.45 EUR", []),  # first reader is another kind of work
        ("Confirmed fraud flags earn", "adds €0.25", ["CON004"]),
        ("Confirmed spam flags earn", "adds €0.25", []),  # another flag
        ("deducted at $1.00", "Missed fraud flags are not paid", []),  # a deduction and no pay: both hold
        ("overlap by more than 0.5", "OVERLAP starts at 1.0", ["CON004"]),  # where the label starts
        ("room echo lasts more than 0.5", "ECHO starts at 0.5", []),  # the same point
        (
            "skip the address check",
            "never a reason to skip the address check",
            ["CON016"],
        ),  # a name is the case
        ("skip the address check", "never a reason to skip the weight check", []),  # another check
        ("skip the photo check", "earns no exemption", ["CON016"]),
        ("Only Senior Verifiers", "apply the Lost status", ["CON011"]),  # any verifier
        ("Only Senior Verifiers", "apply the Delayed status", []),  # another status
        ("Apply RATE_ERROR", "Verdict: 4, no flags", []),  # the example's price matches: the other case
        ("paste the ticket number", "Never put ticket numbers", ["CON018"]),  # a place in the Notes field
        ("paste the queue name", "Never put ticket numbers", []),  # another field, another thing
        ("Every ABUSE flag must come with", "Leave the comment box empty", ["CON001"]),
        ("Every SPAM flag must come with", "Leave the comment box empty", []),  # another flag
        ("must crop every screenshot", "Do not use the crop tool", ["CON001"]),  # the act is the tool's
        ("must blur every screenshot", "Do not use the crop tool", []),  # another tool
        ("the earlier category stands", "the most recent category counts", ["CON005"]),
    ],
)
def test_round32_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "For a recording in which the caller's voice and the agent's voice overlap for most of the call, use X3.",
            "obligation",
        ),
        (
            "For a review that is both a customer's complaint and a shop owner's reply, apply MIXED_VOICE.",
            "obligation",
        ),
        (
            "For most of the clips that arrive after the weekly cutoff date, the queue is quiet.",
            None,
        ),  # no instruction
    ],
)
def test_an_instruction_after_a_long_opening_phrase(extract, sentence, kind):  # noqa: F811
    rules = [r for r in extract(f"# Tags\n\n{sentence}\n") if not r["is_example"]]
    assert [r["kind"] for r in rules] == ([kind] if kind else [])


# The second look, after held-out32 was scored once (its misses and false findings, read in general form).
SECOND_LOOK = {
    "shelf/guide.md": "# Shelf audit\n\n## Lookups\n\nYou may skip the barcode lookup when the product already carries "
    "the green Checked badge.\n\n## Comments\n\nFor every Severity 3 photo, write a short comment describing the "
    "damage.\n\n## Labels\n\nType the brand name into the Brand field exactly as printed.\n\n## Ties\n\nIf you can't "
    "decide between two adjacent grades, go with the lower one.\n\n## Escalation\n\nOnce a grade is submitted, only a "
    "QA lead can change it.\n\nEscalate when:\n\n- you need to change a grade you have already submitted.\n\n## "
    "Pay\n\nA product you flag as Unreadable pays $0.30 each.\n\nA Severity 3 escalation earns a 50-cent bonus on top "
    "of the photo rate.\n\n## Languages\n\nFill in Brand and Size, then Language.\n\nLabels in more than one language "
    "get a code for each, main language first.\n\nSet the size on the original, unsplit label first.\n\n## Queue\n\n"
    "Unclaimed tasks expire from the queue after 48 hours.\n\n## Sites\n\nOn repeat visits you may open the earlier "
    "audit for the same site and compare the two.\n",
    "shelf/faq.md": "# FAQ\n\n## Badges\n\nA Checked badge is never a reason to skip the barcode lookup, since badges "
    "are not refreshed when the catalogue changes.\n\n## Severity 3 comments\n\nLeave the comment box empty on Severity "
    "3 photos, because the escalation form already has the details.\n\n## Brands\n\nBrand names never go in the Brand "
    "field; put them in Notes.\n\n## Borderline grades\n\nFor products on the line between two grades, pick the "
    "higher of the two.\n\n## Unreadable\n\nUnreadable flags are paid at the full per-product rate of $0.85, because "
    "you still had to open the photo.\n\n## Escalation pay\n\nEach Severity 3 escalation that QA confirms earns a "
    "$0.35 bonus on top of the photo rate.\n\n## Refreshers\n\nScores below 90% for two weeks in a row lead to a "
    "refresher session.\n\n## Lookups\n\nDo not use outside lookup services such as Street View to check a site.\n",
}

second = contradictions_fixture(SECOND_LOOK, "round32_second_look")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        (
            "skip the barcode lookup",
            "A Checked badge is never",
            ["CON016"],
        ),  # the reason's condition is no case
        ("For every Severity 3 photo, write", "Leave the comment box empty", ["CON001"]),  # an opening phrase
        ("Type the brand name into the Brand", "Brand names never go in", ["CON018"]),
        ("go with the lower one", "on the line between two grades", ["CON005"]),
        ("only a QA lead can change it", "you need to change a grade", []),  # a case of escalating, no grant
        ("Unreadable pays $0.30", "rate of $0.85", ["CON004"]),  # the whole amount of the rate
        ("Fill in Brand and Size, then Language", "main language first", []),  # an order of the codes
        ("Fill in Brand and Size, then Language", "unsplit label first", []),
        ("expire from the queue after 48 hours", "two weeks in a row", []),  # a count of weeks, no time limit
        (
            "open the earlier audit for the same site",
            "outside lookup services",
            [],
        ),  # a site audited, no web site
    ],
)
def test_round32_second_look_pairs(second, a, b, checks):
    assert sorted(set(_pairs(second, a, b))) == checks
