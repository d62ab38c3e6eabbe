"""Readings of round 28, from held-out27's misses and false findings (read after it was scored), in general form.

- An FAQ answer that turns the question down before it gives the instruction ("Please don't: write it in English")
  gives the instruction; outside an FAQ answer, "Don't: ..." still forbids.
- A permission for one purpose alone ("may be opened only to check a street name") agrees with a ban on another use.
- A number inside a quotation ("Is the 12 running late?") is the quoted thing's, not a score.
- Pay for one case said twice: "late" is "after the deadline"; "below 85%" and "under 85% on gold" are one bound.
- A reservation of a named control ("press Escalate to Legal") reserves its act (escalating); a flag named by a
  word and its kind ("the duplicate flag") against "Tick the duplicate box; any rater ... can set the flag".
- A refusal whose next clause names the excused case as its subject ("Speaker age is never a reason to skip a
  recording; recordings with a child's voice are transcribed in full"); "never excuses a missing X"; a bare "...,
  and being a trainee is no excuse" after the rule it refuses to relax.
- "Step 2 — Rate ..." is a typed step number before an instruction.
- Copying into a field: "paste the timetable rows into the comment box" (rows, code, links are copied text too);
  "When you flag it, your comment must quote ..." (the field after an opening clause); "keep the listing's own
  wording out of the comment box" and "Links must never go into the Evidence box" forbid copying whatever the
  sentence's force.
- A control banned outright ("Do not use the Translate button") and used elsewhere ("click Translate first", "cover
  it with the Redact tool"); a ban narrowed after the name ("Don't press Skip just because ...") and a time ("before
  pressing Submit") are no such pair.
- "Begin each summary by naming the forum it was taken from" asks for the forum ("it was" is a relative clause's,
  not the verb of a gerund subject); "the name of the forum" is the forum.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "answers/faq.md": "# FAQ\n\nQ: The caller spoke Welsh. Can I write my summary in Welsh?\n\nA: Please don't: "
    "write your summary in English, and keep it to three sentences.\n\nQ: May I look things up?\n\nA: Outside maps "
    "may be opened only to check a street name the caller mentions.\n",
    "answers/guide.md": "# Summaries\n\n## Language\n\nSummaries must be written in English.\n\n## Research\n\nDo "
    "not search the web for the caller's identity.\n\nDo not open outside maps to check street names.\n\n## Notes\n\n"
    "Paste the caller's phone number into the note when they ask for a callback.\n",
    "rides/guide.md": "# Rides\n\n## Scale\n\n| Score | Name | Meaning |\n|---|---|---|\n| 1 | Wrong | The answer "
    "is wrong. |\n| 3 | Usable | Mostly right. |\n| 5 | Exact | Right in every detail. |\n\n## Example\n\nA rider "
    'asks: "Is the 12 running late at Mill Road?" The bot gives the live delay. Verdict: 5.\n\n## Pay\n\nA '
    "batch whose gold accuracy is under 85% is rejected and is not paid.\n\nTranscripts submitted after the "
    "deadline are still paid, but at 50% of the base rate.\n\nBatches above 90% on gold are paid in full.\n",
    "rides/faq.md": "# FAQ\n\n**Low batches?**\n\nBatches that come in below 85% on gold are still paid, at half "
    "the base rate.\n\n**Late work?**\n\nLate transcripts are not paid: once the deadline passes, they earn "
    "nothing.\n\n**High batches?**\n\nBatches below 90% on gold are not paid in full.\n",
    "people/guide.md": "# Roles\n\n## Flags\n\nOnly QA leads can set the duplicate flag; a rater who suspects a "
    "copy should send both ticket numbers to their lead.\n\n## Escalation\n\nOnly senior reviewers may press "
    "Escalate to Legal; other annotators pass such tickets to a senior.\n\n## Skips\n\nYou may skip a recording "
    "that contains a child's voice.\n\nIf the audio is too noisy to hear the words, you may leave the transcript "
    "empty.\n\nSkip as well if the page shows a login wall.\n\n## Steps\n\nStep 2 — Rate the audio quality before "
    "you fill in any other field.\n",
    "people/faq.md": "# FAQ\n\n**Duplicates?**\n\nTick the duplicate box under the ticket yourself; any rater "
    "assigned to the batch can set the flag.\n\n**Threats?**\n\nAny annotator who sees a threat should escalate "
    "the ticket to legal right away.\n\n**Children?**\n\nSpeaker age is never a reason to skip a recording; recordings "
    "with a child's voice are transcribed in full.\n\n**Noise?**\n\nBackground noise never excuses a missing "
    "transcript; a noisy recording still gets one, as close as you can make it.\n\n**Walls?**\n\nMissing audio is "
    "not grounds for skipping; work from the page and mark the rest as unclear.\n",
}

DECKS["fields/guide.md"] = (
    "# Comments\n\n## Quotes\n\nWhen you flag a wrong stop, your comment must quote the exact timetable row you "
    "checked.\n\nPaste the full URL of every page you used into the Evidence box.\n\nWhen you apply BIAS, paste "
    "the exact offending phrase into the comment box.\n\n## Summaries\n\nBegin each summary by naming the "
    "newsletter it was taken from.\n\n## Long quotes\n\nQuote the offending phrase in the comment.\n"
)
DECKS["fields/faq.md"] = (
    "# FAQ\n\n**Rows?**\n\nPlease don't paste timetable rows into the comment box; describe the problem in your "
    "own words.\n\n**Links?**\n\nLinks must never go into the Evidence box; name the source in plain words.\n\n"
    "**Wording?**\n\nFor bias flags, keep the posting's own wording out of the comment box.\n\n**Sources?**\n\n"
    "Leave the name of the newsletter out of the summary.\n\n**Long?**\n\nDon't paste whole paragraphs of the "
    "answer into the comment.\n"
)

DECKS["flags/guide.md"] = (
    "# Flags\n\n## Reserved\n\nOnly QA leads may set the Not a menu flag; raters who suspect a non-menu should "
    "escalate the photo instead.\n\nOnly QA leads can use the Escalate to Chef flag; raters who are unsure pass the dish on."
    "\n"
)
DECKS["flags/faq.md"] = (
    "# FAQ\n\n**Edges?**\n\nSet the Cropped flag if any edge of the menu runs outside the photo.\n\n**Escalating?**\n\n"
    "Escalating does not replace your score, so still pick a label and write your note.\n"
)
DECKS["interns/guide.md"] = (
    "# Interns\n\n## Reasons\n\nInterns in their first month may leave the reason field blank for duplicate "
    "tickets, because duplicates are only taught in week five.\n"
)
DECKS["interns/faq.md"] = (
    "# FAQ\n\n**Reasons?**\n\nNo ticket may be closed without a reason, and being an intern is no excuse.\n"
)
DECKS["tools/guide.md"] = (
    "# Tools\n\n## Languages\n\nDo not use the Convert button or any outside conversion site.\n\n## Plates\n\n"
    "Do not run the Blur tool over licence plates: the export blurs them later.\n\n## Skips\n\nDon't press Skip just "
    "because a clip is long.\n\n## Locking\n\nNever press Submit twice on one item.\n"
)
DECKS["tools/faq.md"] = (
    "# FAQ\n\n**Units?**\n\nFor every recipe in cups, click Convert first and rate the grams it shows.\n\n"
    "**Plates?**\n\nIf a licence plate is readable, cover it with the Blur tool before you submit.\n\n**Broken?**\n\n"
    "Press Skip when the video will not load.\n\n**Done?**\n\nRead your labels once more before pressing Submit.\n"
)

found = contradictions_fixture(DECKS, "round28_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("write your summary in English", "Summaries must be written in English", []),  # the answer gives it
        ("may be opened only to check a street name", "search the web for the caller's identity", []),
        ("may be opened only to check a street name", "Do not open outside maps to check street", ["CON001"]),
        ("Is the 12 running late", "| 5 | Exact |", []),  # a route, quoted
        ("gold accuracy is under 85% is rejected", "come in below 85% on gold are still paid", ["CON004"]),
        ("submitted after the deadline are still paid", "Late transcripts are not paid", ["CON004"]),
        ("above 90% on gold are paid in full", "below 90% on gold are not paid in full", []),  # two bounds
        ("Only QA leads can set the duplicate flag", "any rater assigned to the batch can set", ["CON011"]),
        ("press Escalate to Legal", "should escalate the ticket to legal", ["CON011"]),
        ("skip a recording that contains a child", "Speaker age is never a reason", ["CON016"]),
        ("too noisy to hear the words", "Background noise never excuses a missing", ["CON016"]),
        ("page shows a login wall", "Missing audio is not grounds for skipping", []),  # advice, not the case
        ("must quote the exact timetable row", "don't paste timetable rows", ["CON018"]),
        ("Paste the full URL of every page", "Links must never go into", ["CON018"]),
        ("paste the exact offending phrase", "keep the posting's own wording out", ["CON018"]),
        ("naming the newsletter it was taken", "Leave the name of the newsletter out", ["CON001"]),
        ("Quote the offending phrase in the comment", "Don't paste whole paragraphs", []),  # a short quote
        ("Interns in their first month may leave", "being an intern is no excuse", ["CON016"]),
        ("set the Not a menu flag", "Set the Cropped flag if any edge of the menu", []),  # another flag
        (
            "use the Escalate to Chef flag",
            "Escalating does not replace your score",
            [],
        ),  # a flag, not a button
        ("Do not use the Convert button", "click Convert first", ["CON001"]),
        ("Do not run the Blur tool over licence plates", "cover it with the Blur tool", ["CON001"]),
        ("Don't press Skip just because", "Press Skip when the video", []),  # one use banned
        ("Never press Submit twice", "before pressing Submit", []),  # a time, not a use
    ],
)
def test_round28_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


def test_a_refusing_answer_gives_its_instruction_and_a_step_number_is_no_part_of_the_rule(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "faq.md").write_text(
        "# FAQ\n\nQ: Can I leave the note in French?\n\nA: Please don't: write the note in English.\n\n"
        "## Steps\n\nStep 2 — Rate the audio quality before you fill in any other field.\n\n"
        "Don't: paste phone numbers into the note.\n"
    )
    rules = run([str(tmp_path)], load_config([str(tmp_path)]), only_checks=["CON"]).rules
    assert [(r.kind, r.text) for r in rules] == [
        ("obligation", "write the note in English."),
        ("obligation", "Rate the audio quality before you fill in any other field."),
        ("prohibition", "Don't: paste phone numbers into the note."),
    ]


SECOND_LOOK = {
    "names/guide.md": "# Comments\n\nLeave applicant names out of every comment, even when the applicant signs the "
    "letter.\n\n## Steps\n\nThe review sequence never changes:\n\n- Read the letter.\n- Submit the review.\n\n"
    "## Deadlines\n\nSubmit each review within 48 hours of claiming it.\n",
    "names/faq.md": "# FAQ\n\n**No name?**\n\nIf the letter gives no name, begin with the word Applicant.\n\n"
    "**Reopening?**\n\nYes, any rater may reopen their own submitted review within 24 hours and fix a label.\n",
}

second = contradictions_fixture(SECOND_LOOK, "round28_second_look")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Leave applicant names out", "begin with the word Applicant"),  # a word, not a name
        ("Submit the review.", "Submit each review within 48 hours"),  # a step under a description
        ("reopen their own submitted review within 24 hours", "Submit each review within 48 hours"),
    ],
)
def test_second_look_readings(second, a, b):
    """After held-out28's score: its false findings, fixed in general form."""
    assert _pairs(second, a, b) == []


def test_a_window_is_for_the_act_named_first():
    from guidecheck.rules.time_windows import read_time_window

    window = read_time_window("Any rater may reopen their own submitted batch within 24 hours.")
    assert window is not None and window.act == "reopen"


def test_a_negated_statement_about_a_thing_gives_its_items_no_force(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "g.md").write_text(
        "# Steps\n\nThe batch sequence never changes:\n\n- Submit the batch.\n\nSummaries must not contain:\n\n"
        "- Emojis.\n\nRaters never use:\n\n- Slang.\n"
    )
    rules = run([str(tmp_path)], load_config([str(tmp_path)]), only_checks=["CON"]).rules
    assert [(r.kind, r.text) for r in rules] == [
        ("obligation", "Submit the batch."),
        ("prohibition", "Emojis."),
        ("prohibition", "Slang."),
    ]
