"""Readings of round 29, from held-out28's misses (read after it was scored) and the older splits', in general form.

- A reservation stated as a fact, with no modal verb, is a rule even where the parser fails on it ("Marking a ticket
  as Spam is reserved for QA leads"); two more forms of it: the passive with the group as the only agent ("Refunds
  are approved only by shift supervisors") and an act called one group's decision ("Closing a case as Fraud is a
  supervisor decision"). The reader told to do the act "yourself" is given it, whatever the frame's actor; deciding
  is resolving or settling; "Whoever spots a threat raises the flag — don't wait for a lead" gives the act, its ban
  being the later clause's.
- A refusal whose subject is the case it refuses ("Approved leave does not excuse a missed weekly quota") against a
  permission whose subject is that case and which relaxes the very thing refused ("Raters on approved leave may
  fall short of the weekly quota"); a restriction ("can be claimed only by ...") excuses nothing. "A missing photo
  doesn't excuse you from Clarity" refuses to let the photo excuse leaving Clarity unscored.
- A ranked list of title-case names ("in this order: Threat, Identity Attack, Insult") against a rule that picks a
  later name for the slot over an earlier one its condition names ("When Threat and Identity Attack are tied, make
  Identity Attack the primary label") or says it "always comes first ... ahead of" it.
- Copying into a field, more forms: "your note must quote, in double quotes, the exact words" (an aside after the
  verb), "a link to the page, pasted into the rationale" (the thing before a participle), "reproduce confidential
  information in a comment".
- A case given the task as any other item is ("French-language reviews are rated like any other review") refuses
  the order to skip it ("Skip any review written mostly in a language other than English").
- Entry verbs in the passive ("Filler words are typed ...", "Dates are entered day first") state how the task is
  done; "Caption an equation read aloud in words" is an imperative the tagger read as a noun before a participle. A
  band of values in such a statement's subject ("years from 00 to 29 are entered as 20xx") names a case, no limit.
- A label kept for one case by a rule that sends, in its next clause, the case its table row describes to another
  label ("BLOCKED is reserved for stretches where the hands are hidden; a visible sign that you cannot identify is
  glossed UNKNOWN instead").
- A rule that orders its act before a step asks for no step ("Check the essay for plagiarism flags before you give
  any dimension scores" / "Essays labelled Blank receive no dimension scores"); "If ..., re-check your scores first"
  is first in its case only.
- Pay: "Audit failures" are the items that "fail an accuracy audit"; "an extra 10% on top of your per-minute
  earnings" is a bonus without the word.
- A limit counted per the thing another limit is about ("no more than 20 words per comment" / "Comments must be at
  least 25 words long") is a limit of that thing.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "tickets/guide.md": "# Tickets\n\n## Roles\n\nMarking a ticket as Spam is reserved for QA leads.\n\nRefunds are "
    "approved only by shift supervisors.\n\nClosing a case as Fraud is a supervisor decision; if you suspect fraud, "
    "add a note for your supervisor.\n\nBilling disputes are decided only by the finance lead.\n\nGold answers are "
    "set only by QA leads.\n\nSeverity 3 is reserved for the Remove action.\n\n## Quota\n\nRaters on leave that "
    "their lead approved in advance may fall short of the weekly quota without a warning.\n\nTickets longer than "
    "40 messages can be claimed only by senior agents.\n\nRaising the Legal flag is reserved for Tier 2 reviewers."
    "\n\n## Labels\n\nIf more than one problem applies, pick the "
    "primary label in this order: Threat, Identity Attack, Insult, Profanity.\n",
    "tickets/faq.md": "# FAQ\n\n**A bot wrote it?**\n\nIf the sender is a known bot, go ahead and mark it Spam "
    "yourself.\n\n**Double charge?**\n\nAny rater who sees a duplicate charge can approve the refund from the "
    "Billing tab.\n\n**Stolen card?**\n\nAny rater who finds a stolen card can close the case as Fraud.\n\n"
    "**Disputes?**\n\nAny rater with 200 approved tickets can resolve billing disputes from the queue.\n\n"
    "**Upgrades?**\n\nAny rater can approve a shipping upgrade.\n\n**Unsure?**\n\nIf you cannot tell, label "
    "it Unclear and set confidence to 2.\n\n**Severity?**\n\nAny rater may choose severity 3 for a removed post.\n\n"
    "**Quota?**\n\nApproved leave and public holidays do not excuse a missed weekly quota; a short week still "
    "counts.\n\nTicket length is never a reason for extra time: a long ticket runs on the same clock.\n\n"
    "**Ties?**\n\nWhen Threat and Identity Attack are tied on severity, make Identity Attack the primary "
    "label.\n\nWhen Insult and Profanity are tied, make Insult the primary label.\n\n**Threats?**\n\nWhoever spots a "
    "threat raises the Legal flag on the spot, whatever tier they are on — don't wait for a lead.\n\nDon't raise the "
    "Legal flag for spam — send spam to a Tier 2 reviewer.\n",
}

DECKS["notes/guide.md"] = (
    "# Notes\n\n## Flags\n\nWhen you flag a reply, your note must quote, in double quotes, the exact words of the "
    "bot.\n\nWhen you raise the leak flag, paste the offending line into the comment box.\n\nA Spam label must be "
    "backed by a link to the sender's page, pasted into the rationale.\n\nPaste whole transcripts into the "
    "feedback form when QA asks for them.\n"
)
DECKS["notes/faq.md"] = (
    "# FAQ\n\n**Quotes?**\n\nDon't copy the bot's wording into the note; describe what it did.\n\n**Leaks?**\n\n"
    "Never reproduce confidential customer information in a comment, not even in part.\n\n**Links?**\n\nDo not "
    "paste URLs into the rationale field; it takes plain text only.\n\n**Evidence?**\n\nNever reproduce "
    "confidential customer information in the evidence field.\n"
)

DECKS["reviews/guide.md"] = (
    "# Reviews\n\n## Skips\n\nSkip any review written mostly in a language other than English, using the skip "
    "reason LANG.\n\nSkip any review that quotes a competitor's price.\n"
)
DECKS["reviews/changes.md"] = (
    "# Changes\n\n- Two-digit years from 00 to 29 are entered as 20xx.\n- Two-digit years from 30 to 99 are "
    "entered as 19xx.\n- Section 4 (Skips) French-language reviews are rated like any other review; use the translation "
    "panel if you need it.\n- Reviews with photos are rated like any other review.\n"
)

DECKS["lengths/guide.md"] = (
    "# Lengths\n\nComments must be at least 25 words long.\n\nTitles must be at least 5 words long.\n"
)
DECKS["lengths/faq.md"] = (
    "# FAQ\n\n**Long?**\n\nKeep it short: the team asks for no more than 20 words per comment.\n"
)

DECKS["glosses/guide.md"] = (
    "# Glosses\n\n## Labels\n\n| Label | Meaning |\n|---|---|\n| BLOCKED | A sign is produced and the hands are "
    "visible, but you cannot identify it after three viewings. |\n| NOISE | The signer pauses or scratches and no "
    "sign is produced at all. |\n"
)
DECKS["glosses/changes.md"] = (
    "# Changes\n\n- BLOCKED is reserved for stretches where the hands are hidden; a visible sign that you cannot "
    "identify should be glossed UNKNOWN instead.\n- NOISE is reserved for pauses of a second or more; fingerspelled names get "
    "FS instead.\n"
)

DECKS["steps/guide.md"] = (
    "# Steps\n\nCheck the essay for plagiarism flags before you give any dimension scores.\n\nEssays labelled Blank "
    "receive no dimension scores at all.\n\nIf you find yourself wanting a grade the rubric does not allow, re-check "
    "your dimension scores first; usually one of them is off by a point.\n"
)

DECKS["pay/guide.md"] = (
    "# Pay\n\nClips that fail an accuracy audit are rejected and are not paid.\n\n| Item | Terms |\n|---|---|\n| "
    "Accuracy bonus | +15% of base pay when your audited accuracy is 98% or higher |\n"
)
DECKS["pay/faq.md"] = (
    "# FAQ\n\n**Failed audits?**\n\nAudit failures are paid at the normal rate; they only affect your accuracy "
    "score.\n\n**Bonus?**\n\nReach 98% audited accuracy in a pay period and you get an extra 10% on top of your "
    "per-minute earnings.\n"
)
DECKS["pay2/guide.md"] = (
    "# Pay\n\n| Item | Terms |\n|---|---|\n| Accuracy bonus | +10% of base pay when your audited accuracy is 98% "
    "or higher |\n\nReach 98% audited accuracy in a pay period and you get an extra 10% on top of your per-minute "
    "earnings.\n"
)

DECKS["photos/guide.md"] = (
    "# Photos\n\nIf the photo failed to load, you may leave Clarity unscored.\n\nIf the caption is in French, you may "
    "leave Grammar unscored.\n"
)
DECKS["photos/faq.md"] = (
    "# FAQ\n\n**No photo?**\n\nA missing photo doesn't excuse you from Clarity: score it from the caption alone.\n"
)

found = contradictions_fixture(DECKS, "round29_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Marking a ticket as Spam is reserved", "mark it Spam yourself", ["CON011"]),
        ("Refunds are approved only by", "can approve the refund from the Billing", ["CON011"]),
        ("Closing a case as Fraud is a supervisor decision", "can close the case as Fraud", ["CON011"]),
        ("Billing disputes are decided only", "can resolve billing disputes", ["CON011"]),
        ("Refunds are approved only by", "approve a shipping upgrade", []),  # another thing approved
        ("Gold answers are set only by", "label it Unclear and set confidence", []),  # not gold answers
        ("Severity 3 is reserved for the Remove", "may choose severity 3", []),  # reserved to an action
        ("Raising the Legal flag is reserved", "Whoever spots a threat raises", ["CON011"]),
        ("Raising the Legal flag is reserved", "Don't raise the Legal flag for spam", []),  # a ban agrees
        (
            "may fall short of the weekly quota",
            "do not excuse a missed weekly quota",
            ["CON016"],
        ),  # leave named
        ("can be claimed only by senior agents", "never a reason for extra time", []),  # a restriction
        ("in this order: Threat, Identity Attack", "make Identity Attack the primary", ["CON005"]),
        ("in this order: Threat, Identity Attack", "make Insult the primary", []),  # the list's own order
        ("your note must quote, in double quotes", "Don't copy the bot's wording", ["CON018"]),
        (
            "paste the offending line into the comment box",
            "Never reproduce confidential customer information in a",
            ["CON018"],
        ),
        ("A Spam label must be backed by a link", "Do not paste URLs into the rationale", ["CON018"]),
        ("paste the offending line into the comment box", "in the evidence field", []),  # another field
        (
            "Skip any review written mostly in a language",
            "French-language reviews are rated like",
            ["CON016"],
        ),
        (
            "Skip any review that quotes a competitor",
            "Reviews with photos are rated like",
            [],
        ),  # another case
        ("years from 00 to 29", "years from 30 to 99", []),  # two bands, two cases
        ("Comments must be at least 25 words", "no more than 20 words per comment", ["CON004"]),
        ("Titles must be at least 5 words", "no more than 20 words per comment", []),  # another thing
        ("BLOCKED | A sign is produced", "BLOCKED is reserved for stretches", ["CON006"]),
        ("NOISE | The signer pauses", "NOISE is reserved for pauses", []),  # another case sent elsewhere
        ("for plagiarism flags before you give", "receive no dimension scores", []),  # a time, not a duty
        ("fail an accuracy audit are rejected", "Audit failures are paid", ["CON004"]),
        ("+15% of base pay", "extra 10% on top", ["CON004"]),
        ("+10% of base pay", "extra 10% on top", []),  # one bonus said twice
        ("photo failed to load, you may leave Clarity", "doesn't excuse you from Clarity", ["CON016"]),
        (
            "caption is in French, you may leave Grammar",
            "doesn't excuse you from Clarity",
            [],
        ),  # another case
        (
            "re-check your dimension scores first",
            "for plagiarism flags before you give",
            [],
        ),  # first in a case
    ],
)
def test_round29_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


def test_passive_entry_verbs_and_a_verb_read_as_a_noun_before_a_participle_are_rules(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "g.md").write_text(
        "# Transcripts\n\nFiller words are typed exactly where they occur.\n\nDates are entered day first.\n\n"
        "Caption an equation read aloud in words.\n\nThe caption read aloud was short.\n"
    )
    rules = run([str(tmp_path)], load_config([str(tmp_path)]), only_checks=["CON"]).rules
    assert [(r.kind, r.action, r.text) for r in rules] == [
        ("obligation", "type", "Filler words are typed exactly where they occur."),
        ("obligation", "enter", "Dates are entered day first."),
        ("obligation", "caption", "Caption an equation read aloud in words."),
    ]


def test_a_reservation_stated_as_a_fact_is_a_rule(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "g.md").write_text(
        "# Roles\n\nMarking a thread as Closed is reserved for QA leads.\n\nAppeals are decided only by senior "
        "reviewers.\n\nMarking an image BLANK is a reviewer decision.\n\nThe archive keeps old tickets for a year.\n"
    )
    rules = run([str(tmp_path)], load_config([str(tmp_path)]), only_checks=["CON"]).rules
    assert [r.text for r in rules] == [
        "Marking a thread as Closed is reserved for QA leads.",
        "Appeals are decided only by senior reviewers.",
        "Marking an image BLANK is a reviewer decision.",
    ]


SECOND_LOOK = {
    "menus/guide.md": "# Menus\n\n## Fields\n\nYou may leave the Allergens field empty when the menu has no allergen key "
    "at all.\n\nYou may skip the Chalk flag on a board menu if every item on it is clearly legible.\n\nYou may skip "
    "the severity rating when the menu is not in English.\n\n## Roles\n\nOnly Team Leads can mark a whole batch as "
    "Duplicate.\n\nOnly Reviewers can delete a row that another annotator created.\n\n## Procedure\n\nFollow these "
    "steps for every menu:\n\n1. Read the whole menu once before you touch any code.\n2. Check the currency.\n3. "
    "Select the dish codes from the panel on the right.\n4. Set the sentiment for the menu as a whole.\n",
    "menus/faq.md": "# FAQ\n\n**Allergens?**\n\nA missing allergen key is never a reason to leave Allergens blank.\n\n"
    "**Chalk?**\n\nDon't drop the Chalk flag because the writing is neat; legibility is never a reason to leave it "
    "off.\n\n**Language?**\n\nLanguage is never a reason to skip the severity rating.\n\n**Duplicates?**\n\nIf the "
    "same page turns up twice, flag the later photo as Duplicate page.\n\nAny annotator who spots a repeated batch "
    "can mark it Duplicate from the batch menu.\n\n**Rows?**\n\nIf you have already added one in a batch you haven't "
    "submitted, delete it before you submit.\n\n**Order?**\n\nDecide the sentiment before you select any dish code."
    "\n\nUse the table below, then read the notes under it.\n",
}

second = contradictions_fixture(SECOND_LOOK, "round29_second_look")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("leave the Allergens field empty", "never a reason to leave Allergens blank", ["CON016"]),
        ("skip the Chalk flag", "legibility is never a reason", ["CON016"]),
        (
            "skip the severity rating when the menu is not in English",
            "Language is never a reason",
            ["CON014"],  # CON014 supersedes CON001's reading of a language skip
        ),
        ("mark a whole batch as Duplicate", "mark it Duplicate from the batch menu", ["CON011"]),
        ("mark a whole batch as Duplicate", "flag the later photo as Duplicate page", []),  # another thing
        ("delete a row that another annotator created", "If you have already added one", []),  # one's own
        ("Select the dish codes from the panel", "Decide the sentiment before", ["CON013"]),
        ("Read the whole menu once", "Decide the sentiment before", []),  # the nearer tied step is the one
        ("Read the whole menu once", "read the notes under it", []),  # a verb alone names no step
    ],
)
def test_second_look_readings(second, a, b, checks):
    """After held-out29's score: its misses and false findings, read in general form."""
    assert sorted(set(_pairs(second, a, b))) == checks
