"""Readings of round 33, from the misses of the blind splits already scored (read in general form).

- The time a rater may stay on one item before giving it up, however a deck words the point of giving up: "stuck on
  for a quarter of an hour", "kept you busy for more than eight minutes", "still not finished after 12 minutes", a
  per-task "time cap" that "once you pass it" sends the task to a skip, and the hand-off acts "set/get/use the ...
  flag" and "move on". Two such points for one item disagree (CON004); the same point in other units does not. A
  skip reason named "Too Complex" is no sub-case of complex items, and a purpose clause ("so it does not hold up
  the batch") names no batch limit.
- A case that is two things at once ("both a refund request and a delivery complaint", "archived and also press
  releases", "a delivery complaint and a refund request come in the same message") settled with two outcomes
  ("route it to REFUNDS" / "the ticket goes to DELIVERY"; "PR handling takes priority" / "the archive procedure
  has priority") leaves the rater two answers (CON005).
- An act reserved to a group and done with a named control ("send a meter photo to the Audit queue with the
  Escalate button") is the act of pressing it ("Any reviewer can press Escalate when ...", CON011).
- "X first, and only once that is set, Y" and "X first and Y last" put X before Y (CON013).
- A part one rule lets raters leave out in a case ("You may skip the dial fields when you grade a meter photo 0")
  and another requires with that case named as included ("Even a meter photo graded 0 needs every dial field
  filled in", "... still needs a written note", "Every item gets ..., and that includes ...") (CON001).
- A field one rule fills and another bans filling at all ("Do not enter anything in the Install Date box"), and a
  field named by what it holds ("write a comment" / "Leave the comment field empty") (CON001).
- A ban on leaving something undone ("Do not: Skip the ruler overlay on cracks") asks for it, as the rule that
  requires it does: no conflict.
- An exemption ("Temporary meters ... are exempt from the structured fields", "...; night photos are the only
  exception") refused in other words ("Being temporary is never grounds for leaving the structured fields empty",
  "Night photos are not exempt from the full-zoom check", "A verified badge changes nothing about ...") (CON001).
- A tie named as "equally well supported" or "fits two grades equally" is a tie-break's choice (CON005).
- "Do not use the TIME skip before a declaration has been open for 10 minutes" is the least time before skipping,
  which a point to skip before it contradicts (CON004).
- A label kept "only for" one case, whose next clause sends the case its table row describes to another label of
  the same table ("Crushed is only for ...; a dented box with undamaged contents is labeled Cosmetic only"),
  describes that label apart from its row (CON006).

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.item_times import read_item_time

DECKS = {
    "meters/guide.md": "# Meter photo review\n\n## Ties\n\nWhen two grades are equally well supported, take the higher grade.\n\n## Exemptions\n\nTemporary meters, such as site-hire units or loan meters, are exempt from the structured "
    "fields: transcribe the reading and leave the rest blank.\n\nCheck every photo at full zoom before you submit "
    "it; night photos are the only exception.\n\n## Measuring\n\nMeasure every crack in the glass with the ruler overlay.\n\nMeasure every dent in the casing "
    "with the ruler overlay.\n\n## Fields\n\nType the install date printed on the meter plate into the Install Date box at the start of "
    "every task.\n\nType the serial number into the Serial box at the start of every task.\n\nBefore you submit any photo "
    "graded 3, write a comment naming the damage.\n\nBefore you submit any photo graded 3, write a short rationale.\n\n## Skipping parts\n\nYou may skip the dial fields when you grade a meter photo 0; there is nothing to "
    "read.\n\nYou may leave the rationale empty when the seal is clean and no flag is set.\n\nYou may skip the serial "
    "number when you grade a meter photo 0.\n\n## Time on a photo\n\nIf a meter photo is still not finished after 9 "
    "minutes, set the Stuck flag and move on to the next one.\n\nIf an invoice is still open after 6 minutes, use "
    "Ask Lead and move on to the next one.\n\nIf a single reading is taking you longer than four minutes, skip it "
    "with reason Too Complex.\n\n## Grades\n\n| Grade | Meaning |\n|---|---|\n| Smashed | The meter glass is "
    "cracked, chipped or missing, whether or not the dial can still be read. |\n| Scuffed only | Marks on the "
    "casing that do not affect reading the dial. |\n| Clean | No visible damage. |\n",
    "meters/faq.md": "# FAQ\n\n## Equal fits\n\nIf the photo fits two grades equally, give the lower grade.\n\nIf the photo fits two "
    "grades equally, give the lower grade only after asking a lead.\n\n## Temporary meters\n\nYes. Being temporary is never grounds for leaving the structured fields empty.\n\n"
    "## Night photos\n\nNight photos are not exempt from the full-zoom check; open every one at full zoom.\n\nNight "
    "photos are not exempt from the glare check.\n\n## Common mistakes\n\nDo not:\n\n- Skip the ruler overlay on cracks in the glass.\n- Use the ruler "
    "overlay on dents in the casing.\n\n## Boxes\n\nDo not enter anything in the Install Date box, since it is filled from the work order.\n\n"
    "Leave the comment field empty on Grade 3 photos; the field team writes those up.\n\n## Zero readings\n\nEven a meter photo graded 0 needs every dial field filled in, because QA checks the "
    "zero against them.\n\nYes — a photo with a clean seal and no flags still needs a written rationale.\n\n## Seals\n\nEven "
    "a meter photo graded 0 needs a seal check.\n\n## Grading order\n\nSettle on the damage grade before you look at the region list.\n\nDecide whether each "
    "photo is Accept, Retake or Reject before you touch any of the meter fields.\n\nDecide on the damage grade "
    "before you write the comment.\n\n## Stuck photos\n\nAny meter photo you have been stuck on for a quarter of an hour "
    "should get the Stuck flag so it does not hold up the batch.\n\n## Invoices\n\nYou should use Ask Lead on any "
    "invoice that has kept you busy for more than 360 seconds.\n\n## Readings\n\nThe per-reading time cap is 400 "
    "seconds; once you pass it, skip the reading with reason Too Complex.\n\n## Smashed\n\nSmashed is only for "
    "meters whose dial can no longer be read; a cracked glass over a readable dial is graded Scuffed only.\n\n"
    "## Escalating\n\nOnly Shift Leads may send a meter photo to the Audit queue with the Escalate button.\n\nAny "
    "reviewer can press Escalate when the meter seal is broken.\n\nAny reviewer can press Skip when the meter seal is "
    "missing.\n\n"
    "## Order of work\n\nPick the region code first, and only once that is set, decide on the damage grade.\n\n"
    "Fill in all of the meter fields first and make the accept, retake or reject call last.\n\n"
    "## Clean\n\nClean is only for meters with no damage at all; a meter with a small sticker is still Clean.\n",
    "tickets/guide.md": "# Ticket routing\n\n## Mixed messages\n\nWhen one message raises both a refund request and a "
    "delivery complaint, route it to REFUNDS.\n\nWhen one message raises both a refund request and a login problem, "
    "route it to ACCOUNTS.\n\n## Archived pages\n\nWhen a page is both archived and a press release, PR handling "
    "takes priority over the archive procedure.\n",
    "tickets/faq.md": "# FAQ\n\n## Two problems in one message\n\nWhenever a delivery complaint and a refund request "
    "come in the same message, the delivery side takes priority and the ticket goes to DELIVERY.\n\n## Refund "
    "first?\n\nIf a message is both a refund request and a delivery complaint, REFUNDS takes priority.\n\n## Old "
    "pages\n\nPages that are archived and also press releases: the archive procedure has priority.\n",
}

found = contradictions_fixture(DECKS, "round33_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("still not finished after 9", "quarter of an hour", ["CON004"]),  # two points to give up one photo
        ("still open after 6 minutes", "more than 360 seconds", []),  # the same point in seconds
        ("longer than four minutes", "time cap is 400 seconds", ["CON004"]),
        (
            "The meter glass is cracked",
            "Smashed is only for",
            ["CON006"],
        ),  # the row's case sent to Scuffed only
        ("No visible damage", "Clean is only for", []),  # the next clause keeps the case in the label
        (
            "with the Escalate button",
            "press Escalate when",
            ["CON011"],
        ),  # one control pressed under two verbs
        ("with the Escalate button", "press Skip when", []),  # another control
        ("You may skip the dial fields", "needs every dial field", ["CON016"]),  # the case named as included
        ("You may leave the rationale empty", "still needs a written rationale", ["CON016"]),
        ("You may skip the serial number", "needs every dial field", []),  # another part
        ("You may skip the serial number", "needs a seal check", []),
        (
            "into the Install Date box",
            "Do not enter anything in the Install Date box",
            ["CON018"],
        ),  # a ban on any: since round 49 "anything" kept out of a field meets the thing put in (CON018)
        ("into the Serial box", "Do not enter anything in the Install Date box", []),  # another box
        (
            "write a comment naming",
            "Leave the comment field empty",
            ["CON001"],
        ),  # a field named by what it holds
        ("write a short rationale", "Leave the comment field empty", []),
        ("Measure every crack in the glass", "Skip the ruler overlay", []),  # a ban on skipping asks for it
        ("Measure every dent in the casing", "overlay on dents in the casing", ["CON001"]),
        (
            "are exempt from the structured",
            "Being temporary is never grounds",
            ["CON016"],
        ),  # an exemption refused
        ("night photos are the only exception", "not exempt from the full-zoom check", ["CON016"]),
        ("night photos are the only exception", "not exempt from the glare check", []),  # another check
        ("equally well supported", "If the photo fits two grades equally, give the lower grade.", ["CON005"]),
        ("Pick the region code first", "Settle on the damage grade", ["CON013"]),  # "only once that is set"
        ("Fill in all of the meter fields first", "Decide whether each photo", ["CON013"]),  # "... last"
        ("Pick the region code first", "before you write the comment", []),  # other steps
        (
            "route it to REFUNDS",
            "the ticket goes to DELIVERY",
            ["CON005"],
        ),  # one two-member case, two outcomes
        ("route it to ACCOUNTS", "the ticket goes to DELIVERY", []),  # a login problem is another case
        ("route it to REFUNDS", "REFUNDS takes priority", []),  # the same outcome
        ("PR handling takes priority", "the archive procedure has priority", ["CON005"]),
    ],
)
def test_round33_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.parametrize(
    ("sentence", "kind", "seconds", "scope"),
    [
        (
            "Anything you have been stuck on for a quarter of an hour should get the Help flag so it does not hold up "
            "the batch.",
            "give_up",
            900.0,
            "item",
        ),
        (
            "You should use Flag for Review on any report that has kept you busy for more than eight minutes.",
            "give_up",
            480.0,
            "item",
        ),
        (
            "The per-task time cap is 420 seconds; once you pass it, skip the task with reason Too Complex.",
            "give_up",
            420.0,
            "item",
        ),
        (
            "If a record is still not finished after 12 minutes, set the Help flag and move on.",
            "give_up",
            720.0,
            "item",
        ),
        ("Do not use the SLOW skip before a record has been open for 10 minutes.", "give_up", 600.0, "item"),
        (
            "Complex tasks may take up to 20 minutes before you skip them.",
            None,
            None,
            None,
        ),  # a sub-case's own limit
    ],
)
def test_a_point_to_give_up_an_item(sentence, kind, seconds, scope):
    got = read_item_time(sentence)
    assert (got.kind, got.seconds, got.scope) == (kind, seconds, scope) if kind else got is None
