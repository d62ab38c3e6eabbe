"""Readings of round 30, from held-out29's misses (read after it was scored) and the older splits', in general form.

- Two rules that give one label once a measure of the same thing passes a point, at two points ("Mark a recording
  Noisy if more than 20% of its seconds carry music" / "a recording is Noisy once a third or more of its seconds
  carry music"): neither withholds the label in words, but a rater between the two follows one. A rule scoped to a
  case of its own ("For podcast episodes, ...") is a stricter subcase, and a measure of another thing is no clash.
- A tie-break that leans before it names the choice ("Do round up when you are torn between two tone grades").
- Two steps whose things swap places, once the verbs that name no step ("read", "open") are set aside: "Read the
  style sheet before you open the transcript" / "read the whole transcript first and open the style sheet only
  afterwards". Two acts that share one word are two steps ("Split the passage into single claims before you assign
  any claim type"); "Finally, set the flags once every other field is filled in" does them last; "Always pick the
  urgency level first." is first with its full stop; "most severe issue first" orders the issues, not the steps.
- A field the deck names ("The Amount field must include ...") called by its name alone elsewhere ("Don't type
  currency symbols into Amount"); "In the Notes field, copy ..." puts the thing in the field; "exactly as printed"
  ends the thing put.
- A label's code and the cases it takes in ("PAY covers any request to pay by gift card, ..., cryptocurrency") is
  a definition, and "Don't use PAY for cryptocurrency or wire-transfer requests" leaves a case it named out of it.
- A refusal in the later clause of a sentence whose earlier clause has a condition ("Use the Translate button when
  a review is in another language; a review's language is never a reason to skip it") refuses in every case; the
  item a possessive names ("a review's language") is no case.

- An act whose object is "it" acts on its condition's subject: "If a single call runs past 300 seconds, flag it"
  flags the call (relations/pronoun_objects.py).

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "audio/guide.md": "# Audio review\n\n## Noise\n\nMark a recording as Noisy if more than 20% of its seconds carry "
    "background music.\n\n## Grades\n\nWhen a reply falls between two tone grades, pick the lower one.\n\n"
    "## Order of work\n\nRead the style sheet before you open the transcript.\n\n## Fields\n\nThe Amount field must "
    "include the currency symbol exactly as printed, for example $14.\n\nIn the Notes field, copy the order number "
    "the caller gave.\n\n## Skips\n\nYou may skip a review written entirely in a language other than English; mark it "
    "SKIP-LANG.\n\nYou may leave the rating field empty when the whole review is a single emoji.\n",
    "audio/faq.md": "# FAQ\n\n## Noise again\n\nAs a reminder, a recording is Noisy once a third or more of its "
    "seconds carry background music.\n\nA recording is Garbled once a third or more of its words are cut off.\n\n"
    "## Podcasts\n\nFor podcast episodes, a recording is Noisy once 10% or more of its seconds carry background "
    "music.\n\n## Torn?\n\nDo round up when you are torn between two tone grades; a harsh reply costs more than a "
    "second look.\n\n## Which first?\n\nAlways read the whole transcript first and open the style sheet only "
    "afterwards.\n\n## Amounts\n\nDon't type currency symbols into Amount; the currency is chosen in the Currency "
    "dropdown.\n\nDon't type order numbers into the Remarks box.\n\n## Languages\n\nUse the Translate button when a "
    "review is in another language; a review's language is never a reason to skip it.\n",
    "steps/guide.md": "# Steps\n\n## Start\n\nRead the style sheet before you open the transcript.\n",
    "steps/faq.md": "# FAQ\n\n## Again\n\nOpen the style sheet first and read the transcript after it.\n",
    "flags/guide.md": "# Photos\n\n## Fields\n\nFinally, set the Blur and Crowd flags once every other field is filled "
    "in.\n\n## Claims\n\nSplit the passage into single claims, one row per claim, before you assign any claim type.\n",
    "flags/faq.md": "# FAQ\n\n## Flags\n\nSet the flags before you draw any boxes, so flagged photos reach review "
    "early.\n\n## Types\n\nSet the claim type on the original, unsplit passage first.\n",
    "flags2/guide.md": "# Photos\n\n## Fields\n\nFinally, set the Blur and Crowd flags once every other field is "
    "filled in.\n\n## Claims\n\nSplit the passage into single claims, one row per claim, before you assign any claim "
    "type.\n",
    "flags2/faq.md": "# FAQ\n\n## Flags\n\nSet the flags after you draw the boxes.\n\n## Types\n\nAssign the claim "
    "type only after you split the passage.\n",
    "order/guide.md": "# Tickets\n\n## Urgency\n\nAlways pick the urgency level first.\n\n## Issues\n\nList the issues "
    "in the comment box, most severe issue first.\n\n## Brief\n\nRead the brief first.\n",
    "order/faq.md": "# FAQ\n\n## Tags\n\nChoose the topic tags before you pick the urgency level.\n\n## Summary\n\n"
    "Write the summary before you list the issues.\n\n## Drafts\n\nDraft your answer before you read the reference "
    "answer.\n",
    "scam/guide.md": "# Call review\n\n## Labels\n\nThis section covers the payment labels.\n\n### PAY - Unusual "
    "payment\n\nPAY covers any request to pay by gift card, prepaid voucher, cryptocurrency, or wire transfer.\n",
    "scam/faq.md": "# FAQ\n\n## Payment\n\n- Don't use PAY for cryptocurrency or wire-transfer requests; PAY is for "
    "gift cards only.\n- Don't use PAY for refund requests.\n",
    "chats/guide.md": "# Calls\n\n## Time\n\nFlag a call only once it has run longer than 10 minutes, then move on.\n",
    "chats/faq.md": "# FAQ\n\n## Long calls\n\nIf a single call runs past 300 seconds, flag it and move on.\n",
    "chats2/guide.md": "# Calls\n\n## Time\n\nFlag a call only once it has run longer than 10 minutes, then move on.\n",
    "chats2/faq.md": "# FAQ\n\n## Long calls\n\nIf a single call runs past 900 seconds, flag it and move on.\n",
}

found = contradictions_fixture(DECKS, "round30_readings")


# The second look, after held-out30 was scored once (its misses and false findings, read in general form).
SECOND_LOOK = {
    "parcels/guide.md": "# Parcels\n\n## Pace\n\nSpend no more than 90 seconds on any single parcel.\n\n## Flags\n\n"
    "Only team leads may set the road-closure flag, because it hides the road from the map for every user.\n\n"
    "## Queue\n\nIf a report is still open after 5 minutes, use Flag for Review and move on.\n\n## Bonus\n\n"
    "Weekly accuracy bonus: $40 for any reviewer whose audit score for the week is 95% or higher.\n\n"
    "Weekly quality bonus: $0.02 per clip when your gold accuracy for the week is 95% or higher.\n",
    "parcels/faq.md": "# FAQ\n\n## Time\n\nA single parcel should take at most two minutes from opening to "
    "submission.\n\nA single working session may not exceed three hours.\n\n## Roads\n\nAny reviewer who spots a "
    "flooded road should set the road-closure flag straight away.\n\nAny reviewer may set the pothole flag.\n\n"
    '## Felt at\n\nLeave the field empty rather than work a time out from phrases like "just now" or "a minute '
    'ago".\n\n## Pay\n\nReviewers who finish the week with an audit score of 95% or better receive a $25 bonus on '
    "top of their weekly pay.\n\nYou earn $15.00 per hour before any bonus.\n\nWorked example: 1,000 clips at 96% "
    "gold accuracy earns a $20.00 bonus for that week.\n",
}

second = contradictions_fixture(SECOND_LOOK, "round30_second_look")


# A further look at held-out30 once dev (after its score, judgment and second look): its remaining false findings and
# two more misses, read in general form.
FURTHER_LOOK = {
    "bags/guide.md": "# Bags\n\n## Devices\n\nBox the device itself as Electronic Device.\n\nDo not use a calculator "
    "or any electronic device during the task.\n\n## Evidence\n\nUse neutral, factual language in every field you "
    "write.\n\n## Trail\n\nLook at the path, not the scenery: a snowy peak in the distance says nothing about the "
    "trail at your feet.\n\n## Pins\n\nYou may leave the pin empty when the report names nothing smaller than a "
    "country.\n\n## Places\n\nIf two places are equally likely, make the smaller, more specific one Primary.\n",
    "bags/faq.md": "# FAQ\n\n## Power banks\n\nPower banks always get the Loose Battery label, never Electronic "
    "Device.\n\n## Sums\n\nYou may use a calculator for the unit conversions.\n\n## Evidence box\n\nThe Evidence box "
    "must never hold the tenant's own wording; describe what they reported in neutral words of your own.\n\n"
    "## Runners\n\nRunners are reviewed as long as the photo shows the trail; treat a runner exactly like a hiker.\n\n"
    "## Country only\n\nNaming only a country is never a reason to leave the map without a pin.\n\nNaming only a "
    "street is never a reason to leave the map without a pin.\n\n## Ties\n\nWhen two candidate places look equally "
    "likely, choose the larger area that contains both as Primary.\n",
}

further = contradictions_fixture(FURTHER_LOOK, "round30_further_look")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("deck", "a", "b", "checks"),
    [
        ("found", "more than 20% of its seconds", "a recording is Noisy once a third", ["CON004"]),
        (
            "found",
            "more than 20% of its seconds",
            "Garbled once a third",
            [],
        ),  # another measure, another label
        ("found", "a recording is Noisy once a third", "For podcast episodes", []),  # a stricter subcase
        ("found", "more than 20% of its seconds", "For podcast episodes", []),
        ("found", "pick the lower one", "Do round up when you are torn", ["CON005"]),
        ("found", "Read the style sheet before", "open the style sheet only afterwards", ["CON013"]),
        ("found", "Read the style sheet before", "read the transcript after it", []),  # the same order
        ("found", "The Amount field must include", "into Amount", ["CON018"]),
        ("found", "copy the order number", "into the Remarks box", []),  # another field
        ("found", "may skip a review written entirely", "language is never a reason to skip", ["CON014"]),
        ("found", "single emoji", "language is never a reason to skip", []),  # another case
        ("found", "once every other field is filled", "Set the flags before you draw", ["CON013"]),
        ("found", "once every other field is filled", "Set the flags after you draw", []),  # the same order
        ("found", "one row per claim, before you assign", "unsplit passage first", ["CON013"]),
        ("found", "one row per claim, before you assign", "only after you split", []),  # the same order
        ("found", "pick the urgency level first", "Choose the topic tags before", ["CON013"]),
        ("found", "most severe issue first", "Write the summary before", []),  # an order of the issues
        ("found", "Read the brief first", "before you read the reference", []),  # "read" names no step
        ("found", "PAY covers any request", "Don't use PAY for cryptocurrency", ["CON006"]),
        ("found", "PAY covers any request", "Don't use PAY for refund", []),  # a case the label never took in
        ("found", "run longer than 10 minutes", "runs past 300 seconds, flag it", ["CON004"]),
        (
            "found",
            "run longer than 10 minutes",
            "runs past 900 seconds, flag it",
            [],
        ),  # inside the other's range
        (
            "second",
            "Spend no more than 90 seconds",
            "take at most two minutes",
            ["CON004"],
        ),  # two caps on one item
        ("second", "Spend no more than 90 seconds", "single working session", []),  # a session is no item
        (
            "second",
            "Only team leads may set the road-closure",
            "flooded road should set",
            ["CON011"],
        ),  # the reason aside
        (
            "second",
            "Only team leads may set the road-closure",
            "may set the pothole flag",
            [],
        ),  # another flag
        ("second", "still open after 5 minutes", "a minute ago", []),  # a quoted phrase is no time
        (
            "second",
            "Weekly accuracy bonus: $40",
            "receive a $25 bonus",
            ["CON004"],
        ),  # the amount before "bonus"
        ("second", "Weekly accuracy bonus: $40", "before any bonus", []),  # the base pay
        ("second", "$0.02 per clip", "Worked example: 1,000 clips", []),  # a worked example states no policy
        ("further", "Box the device itself", "never Electronic Device", []),  # a label's name, no gadget
        ("further", "any electronic device during", "may use a calculator", ["CON001"]),
        ("further", "neutral, factual language", "neutral words of your own", []),  # one tone, asked twice
        (
            "further",
            "says nothing about the trail",
            "treat a runner exactly",
            [],
        ),  # the input, not the output
        (
            "further",
            "leave the pin empty",
            "Naming only a country",
            ["CON016"],
        ),  # "leave the map without a pin"
        ("further", "leave the pin empty", "Naming only a street", []),  # another case
        ("further", "make the smaller, more specific one", "choose the larger area", ["CON005"]),
    ],
)
def test_round30_reading_pairs(request, deck, a, b, checks):
    """Each pair on its fixture's decks: the checks that report it, none for a look-alike."""
    assert sorted(set(_pairs(request.getfixturevalue(deck), a, b))) == checks
