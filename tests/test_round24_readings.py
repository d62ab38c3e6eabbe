"""Readings of round 24, from held-out23's misses (read after it was scored) and the older splits', each in
general form.

- A rater's quality bar in more forms: a floor named by a noun ("the minimum audit accuracy to stay on the team is
  0.92") is the bar the sanction starts below, whatever the words of staying say; errors counted over the last
  items ("more than three of your last 30 gold items wrong"); a pass ("a clip passes at 0.85 or higher") or a pass mark over a quiz ("15 correct answers out of
  the 20 quiz questions") against the share a qualification asks for; a required accuracy with no sanction named
  ("must keep ... at 80% or higher") against a removal set above it (one set below it is a tier).
- A bonus earned at a count of work ("complete 500 or more approved clips") against another count for the same
  bonus; two counts for two amounts are tiers.
- A lock on the item ("The clip lock lasts 600 seconds, after which it is released to another annotator") is a
  time limit; a planned pace in a table row is a pace.
- A field left empty against a duty to fill it: an imperative "leave the X field empty" for a case is leave to
  leave it unset; "X field: leave it blank ..." names its field before the colon; "needs a note in the X field" and
  "Tick the X box" fill it. A duty to fill and a field left empty meet only in a case both name.
- "Choose the tags, now that the score is settled": the score came first.
- A label or value given by a statement ("Any mark inside the box is keyed as 1", "Clips that show old scars are
  Age-restricted": a capitalised label after the copula) is a rule, as a passive of a labelling verb was.
- A thing one rule calls enough for an act and another says does not do it alone ("the main website is enough to
  confirm a branch" / "the home page alone does not confirm any single branch").
- One attribute set to two values for one case ("Set the blurred attribute to yes on any face partly covered by a
  hat" / "a face partly covered by a hat keeps blurred set to no"); a negated case or the opposite degree is
  another case.
- "Justifications go in the same language as the headline" states the output's language, as "every reply goes out
  in French" did.
- "Brand names are never part of the span" keeps them out of the span, against "Include the brand name in the
  span".
- A refused reason after a clause ("However long a ticket is, label every issue; length is never grounds for
  skipping") refuses its subject, as one that opens the sentence does.
- "...; a pop-up stall is no exception" refuses that case only, as ", pop-up stalls included" does.
- A flag reserved to be "set" is given to everyone by "apply the flag" (label verbs are one act).
- A choice filed under a label with its situation after it ("Price conflicts: where the photo and the invoice
  disagree on the price, the invoice wins").
- One label given two keys ("Press 1 to mark it Correct, 2 to mark it Wrong and 3 for Unsure" / "press 2 for
  Unsure").
- A count in whole units: "more than one cell" and "two or more cells" bound the same items.

Second look at held-out24's false findings (after its score), in general form: a later clause whose subject is a
thing ("; the other products do not change its score") gives the reader no act; "Welsh language preference" names a
customer's setting, not the output's language.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.rules.bonus_terms import read_bonus_term
from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quality_bars import read_quality_bar

DECKS = {
    "bars/guide.md": "# Quality\n\nAnnotators whose audit accuracy drops below 88% in a month are offboarded.\n\n"
    "You must keep your gold accuracy at 80% or higher.\n\nBefore you start live work you must pass the screening "
    "quiz with at least 90 percent agreement with the gold answers.\n\nEach gold clip is scored against the reference, "
    "and a clip passes at 0.85 or higher.\n",
    "bars/faq.md": "# FAQ\n\n## Audit floor?\n\nAudit floor: the minimum audit accuracy to stay on the team is 0.92, "
    "counted over a calendar month.\n\n## Gold?\n\nHaving more than three of your last 30 gold items wrong takes "
    "you off the project.\n\n## Quiz?\n\nThe pass mark is 15 correct answers out of the 20 quiz questions.\n\n## Gold clips?\n\nA gold "
    "clip counts as passed when your boxes overlap the reference by at least 80 percent.\n",
    "samebars/guide.md": "# Quality\n\nAnnotators whose audit accuracy drops below 88% in a month are offboarded."
    "\n\nYou must keep your gold accuracy at 95% or higher.\n\nBefore you start live work you must pass the "
    "screening quiz with at least 90 percent agreement with the gold answers.\n",
    "samebars/faq.md": "# FAQ\n\n## Audit floor?\n\nAudit floor: the minimum audit accuracy to stay on the team is "
    "0.88, counted over a calendar month.\n\n## Gold?\n\nHaving more than three of your last 30 gold items wrong "
    "takes you off the project.\n\n## Quiz?\n\nThe pass mark is 18 correct answers out of the 20 quiz questions.\n",
    "bonus/guide.md": "# Pay\n\nAnnotators who complete 500 or more approved clips in a month receive a 5% bonus on "
    "that month's pay.\n\nAnnotators who complete 800 or more approved clips in a month receive an 8% bonus on "
    "that month's pay.\n\nThe clip lock lasts 600 seconds, after which the clip is released to another "
    "annotator.\n\n| Topic | Policy |\n|---|---|\n| Pace | Our target is 30 clips per hour across the shift. |\n",
    "bonus/faq.md": "# FAQ\n\n## Bonus?\n\nOnce you reach 400 approved clips in a month, the 5% bonus applies to "
    "that whole month's pay.\n\n## Lock?\n\nEach clip stays locked to you for 8 minutes after it opens; then it "
    "goes back to the queue.\n\n## Speed?\n\nPlan on about 45 seconds per clip.\n",
    "fields/guide.md": "# Fields\n\nWhen you pick Neutral, leave the reason field empty.\n\nWhenever the verdict is "
    "Reject, fill in the Owner field with the team that must fix the post.\n\nEvery SPAM flag needs a short note in the "
    "Notes field explaining why.\n\nPut the total from the receipt in the Amount field.\n\n- Urgent: Tick the "
    "Urgent box on any ticket about an outage, a data breach or a billing error.\n\nPlease leave the comment box "
    'empty when you give a 5.\n\nIf the page will not load, write "no page" in the comment.\n',
    "fields/faq.md": "# FAQ\n\n## Reasons?\n\nThe reason field can never be left empty.\n\n## Owner?\n\n- Owner "
    "field: leave it blank on all Reject verdicts.\n\n## Notes?\n\nLeave the Notes field empty when you flag a post "
    "SPAM; the flag says enough.\n\n## Amounts?\n\nLeave the Amount field empty when the figure is illegible.\n\n"
    "## Urgent?\n\nLeave the Urgent box unticked for billing questions, large or small; it is meant only for "
    "outages and breaches.\n",
    "rows/guide.md": "# Severity\n\n| Code | Name | Definition |\n|---|---|---|\n| S2 | Moderate | The defect spans "
    "two or more cells of the same module. |\n| S1 | Minor | The defect stays inside a single cell of the module. |\n\n"
    "A crack that crosses more than one cell is graded S2.\n\nA scratch that touches at least one cell is graded "
    "S2.\n",
    "enough/guide.md": "# Evidence\n\nFor chain shops, confirm the branch on the store finder; the chain's home page "
    "alone does not confirm any single branch.\n",
    "enough/faq.md": "# FAQ\n\n## Chains?\n\nChain shops: the chain's main website is enough to confirm a branch, so "
    "the store finder can be skipped.\n\n## Photos?\n\nA clear storefront photo is enough to confirm the opening "
    "hours.\n",
    "values/guide.md": "# Attributes\n\nSet the blurred attribute to yes on any face that is partly covered by hair "
    "or a hat.\n\nSet the Severity field to 3 when the clip shows a minor injury to a rider.\n\nSet the Glare "
    "flag to yes when sunlight washes out part of the plate.\n",
    "values/faq.md": "# FAQ\n\n## Hats?\n\nThe blurred attribute is about focus only, so a face partly covered by a "
    "hat keeps blurred set to no.\n\n## Severity?\n\nSet the Severity field to 4 when the clip shows a major "
    "injury to a rider.\n\n## Glare?\n\nWhen no sunlight reaches the plate, set the Glare flag to no.\n",
    "lang/guide.md": "# Notes\n\nWrite every justification in English, whatever language the headline is in.\n",
    "lang/faq.md": "# FAQ\n\n## Language?\n\nJustifications go in the same language as the headline, so that "
    "reviewers can compare the wording.\n",
    "spans/guide.md": '# Spans\n\nInclude the brand name in the span: highlight "Acme zipper broke", not just '
    '"broke".\n\nInclude the price in the note.\n',
    "spans/faq.md": "# FAQ\n\n## Brands?\n\nBrand names are never part of the span, because the brand menu already "
    "records them.\n\n## Dates?\n\nThe review date is never part of the span.\n",
    "skips/guide.md": "# Skips\n\nYou may skip tickets over 900 words using Skip → Too long.\n\nYou may skip tickets "
    "written in a language you do not read.\n",
    "skips/faq.md": "# FAQ\n\n## Long tickets?\n\nHowever long a ticket is, label every issue in it; length is never "
    "grounds for skipping.\n",
    "exempt/guide.md": "# Verified\n\nPop-up stalls with no fixed address can be marked Verified from their social "
    "page alone, since the street imagery never shows them.\n\nMobile vans with no fixed address can be marked "
    "Verified from their social page alone, since the imagery never shows them.\n",
    "exempt/faq.md": "# FAQ\n\n## Verified?\n\nA Verified verdict always requires the place to be visible in the "
    "street imagery; a pop-up stall with no fixed address is no exception.\n",
    "roles/guide.md": "# Roles\n\nOnly shift leads can set the SPOOF flag on a call; if you suspect a spoofed "
    "number, press Escalate.\n",
    "roles/faq.md": "# FAQ\n\n## Spoofing?\n\nAny rater who hears two or more warning signs should apply the SPOOF "
    "flag at once.\n\n## Music?\n\nAny rater who hears background music should apply the NOISE flag.\n",
    "sources/guide.md": "# Sources\n\nWhen the shelf photo and the invoice disagree about the price, trust whichever "
    "source is more recent.\n\nWhen the shelf photo and the invoice disagree about the size, trust the photo.\n",
    "sources/faq.md": "# FAQ\n\n## Prices?\n\nPrice conflicts: where the shelf photo and the invoice disagree on the "
    "price, the invoice wins, regardless of dates.\n\nSize conflicts: where the shelf photo and the invoice disagree "
    "on the size, the photo wins.\n",
    "keys/guide.md": "# Keys\n\nPress 1 to mark the answer Correct, 2 to mark it Wrong and 3 for Unsure.\n",
    "keys/faq.md": "# FAQ\n\n## Unsure?\n\nIf you are unsure, press 2 for Unsure rather than guessing.\n\n## Wrong?\n\n"
    "Press 2 for Wrong when a fact is off.\n",
    "second/guide.md": "# Second look\n\nOnly reviewers may change a score after a task has been submitted.\n\nAll "
    "replies are written in English.\n",
    "second/faq.md": "# FAQ\n\n## Merits?\n\nRate each product on its own merits; the other products in the list do "
    "not change its score.\n\n## Notes?\n\nOpen the account notes and check for flags: Priority Services Register, "
    "Welsh language preference, post only.\n",
    "steps/guide.md": "# Steps\n\nChoose the topic tags, now that the score is settled.\n\nWrite the comment, now "
    "that the score is settled.\n",
    "steps/faq.md": "# FAQ\n\n## Order?\n\nPick the topic tags first and only then decide the score.\n\n## "
    "Comment?\n\nDecide the score first, then write the comment.\n",
}

found = contradictions_fixture(DECKS, "round24_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("drops below 88% in a month are offboarded", "to stay on the team is 0.92", ["CON004"]),
        ("drops below 88% in a month are offboarded", "to stay on the team is 0.88", []),  # one bar
        ("at 80% or higher", "more than three of your last 30", ["CON004"]),  # removed while compliant
        ("at 95% or higher", "more than three of your last 30", []),  # removal below the requirement
        ("at least 90 percent agreement", "15 correct answers out of the 20", ["CON004"]),
        ("at least 90 percent agreement", "18 correct answers out of the 20", []),  # the same share
        ("a clip passes at 0.85 or higher", "overlap the reference by at least 80 percent", ["CON004"]),
        ("complete 500 or more approved clips", "reach 400 approved clips", ["CON004"]),
        ("complete 500 or more approved clips", "complete 800 or more approved clips", []),  # tiers
        ("The clip lock lasts 600 seconds", "stays locked to you for 8 minutes", ["CON004"]),
        ("Our target is 30 clips per hour", "45 seconds per clip", ["CON004"]),
        ("leave the reason field empty", "can never be left empty", ["CON001"]),
        ("fill in the Owner field", "leave it blank on all Reject verdicts", ["CON001"]),
        ("needs a short note in the Notes field", "Leave the Notes field empty when you flag", ["CON001"]),
        ("Tick the Urgent box", "Leave the Urgent box unticked", ["CON001"]),
        ("Put the total from the receipt", "Leave the Amount field empty", []),  # two cases
        ("leave the comment box empty when you give a 5", 'write "no page" in the comment', []),  # two cases
        ("crosses more than one cell is graded S2", "two or more cells", []),  # no whole count between
        ("touches at least one cell is graded S2", "two or more cells", ["CON004"]),
        ("home page alone does not confirm", "main website is enough to confirm", ["CON001"]),
        ("home page alone does not confirm", "storefront photo is enough", []),  # another thing
        ("Set the blurred attribute to yes", "keeps blurred set to no", ["CON003"]),
        ("Severity field to 3 when", "Severity field to 4 when", []),  # a minor and a major injury
        ("Glare flag to yes when sunlight", "set the Glare flag to no", []),  # no sunlight: another case
        ("Write every justification in English", "Justifications go in the same language", ["CON010"]),
        ("Include the brand name in the span", "Brand names are never part of the span", ["CON018"]),
        ("Include the price in the note", "The review date is never part of the span", []),  # another thing
        ("skip tickets over 900 words", "length is never grounds for skipping", ["CON016"]),
        (
            "written in a language you do not read",
            "length is never grounds for skipping",
            [],
        ),  # another reason
        (
            "Pop-up stalls with no fixed address can be marked",
            "a pop-up stall with no fixed address is no",
            ["CON016"],
        ),  # the refusal names the case (round 48)
        (
            "Mobile vans with no fixed address",
            "a pop-up stall with no fixed address is no",
            [],
        ),  # another case
        ("Only shift leads can set the SPOOF flag", "should apply the SPOOF flag at once", ["CON011"]),
        ("Only shift leads can set the SPOOF flag", "should apply the NOISE flag", []),  # another flag
        ("trust whichever source is more recent", "the invoice wins", ["CON005"]),
        ("about the size, trust the photo", "the photo wins", []),  # one pick, said twice
        ("Press 1 to mark the answer Correct", "press 2 for Unsure", ["CON006"]),
        ("Press 1 to mark the answer Correct", "Press 2 for Wrong when", []),  # the same key, said twice
        # held-out24's false findings, fixed in general form after its score (each in other words here)
        (
            "Only reviewers may change a score",
            "the other products in the list do not change",
            [],
        ),  # a thing acts
        ("All replies are written in English", "Welsh language preference", []),  # a customer's setting
        ("Choose the topic tags, now that", "Pick the topic tags first", ["CON013"]),
        ("Write the comment, now that", "Decide the score first, then write", []),  # the same order
    ],
)
def test_round24_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks


@pytest.mark.parametrize(
    ("sentence", "bar", "safe"),
    [
        ("Audit floor: the minimum audit accuracy to stay on the team is 0.92.", 0.92, False),
        ("Having more than three of your last 30 gold items wrong takes you off the project.", 0.9, False),
        (
            "The pass mark is 15 correct answers out of the 20 quiz questions.",
            0.75,
            True,
        ),  # the side that passes
        ("Raters stay on the project as long as their audit accuracy is 85% or more.", 0.85, True),
    ],
)
def test_a_quality_bar_is_read(sentence, bar, safe):
    read = read_quality_bar(sentence)
    assert read is not None and (read.bar, read.safe_side) == (bar, safe)


@pytest.mark.parametrize(
    "sentence",
    [
        "Three of the last ten items were wrong.",  # a description, no sanction
        "The minimum score for a pass is 3.",  # a score point, not a share
        "Items with more than two of their last five frames blurred are removed from the set.",  # items, not raters
    ],
)
def test_no_quality_bar_is_read(sentence):
    assert read_quality_bar(sentence) is None


@pytest.mark.slow
def test_a_label_given_by_a_statement_is_a_rule(extract):  # noqa: F811
    """ "Any mark ... is keyed as 1", "Clips that show old scars are Age-restricted": a label or value given to a
    case in the present tense, with no modal, is a rule; "The interface language is English" is not."""
    text = (
        "# Labels\n\nAny mark inside the box, however faint, is keyed as 1.\n\nClips that show old scars are "
        "Age-restricted.\n\nThe interface language is English.\n"
    )
    assert [r["text"] for r in extract(text) if not r["is_example"]] == [
        "Any mark inside the box, however faint, is keyed as 1.",
        "Clips that show old scars are Age-restricted.",
    ]


def test_a_bonus_names_the_count_of_work_that_earns_it():
    term = read_bonus_term("Raters who submit 1,000 or more accepted reviews in a week receive a 10% bonus.")
    assert term is not None and (term.share, term.volume, term.unit) == (0.1, 1000.0, "reviews")
    weeks = read_bonus_term("A 10% bonus is paid after 2 or more weeks on the project.")
    assert weeks is not None and weeks.volume is None  # a time on the project, not a count of work


def test_an_item_lock_is_a_time_limit():
    lock = read_item_time(
        "The item lock lasts 300 seconds, after which the item is released to another rater."
    )
    assert lock is not None and (lock.kind, lock.seconds) == ("timeout", 300.0)
