"""Readings of round 23, from held-out22's misses (read after it was scored) and the older splits', each in
general form.

- A worked example scores a named dimension ("Verdict: Faithfulness 4, Clarity 5") outside the range a rule sets
  for that dimension in the example's case ("If a reply invents a citation, Faithfulness must be 2 or lower"); the
  other dimensions of the verdict are no score for that rule, and a rule whose score names its case ("Every
  Faithfulness score of 1 needs a note") sets no range.
- "Clip 3 - ..." or a table row numbered in its first cell opens a worked example of its own.
- Containers in more forms: a content written "mm:ss"; "must not be reproduced in any field that raters write
  themselves"; "must not appear anywhere in the text you write"; "the ticket number in round brackets" is the
  number.
- A choice settled two ways: a situation in which more than one answer fits (several complaints, two tags fit
  equally well, two sources disagree, "cannot tell whether"), said in a leading clause, a label or the FAQ question,
  and what the main clause picks, follows, trusts or lets win ("label it with the severity of the worst complaint" /
  "base the severity on the complaint the customer mentions first"); the same pick said twice agrees, and "use the
  cart to find the item and the receipt to read the price" divides work; "stuck between a 3 and a 4" is a tie
  between two scores.
- "Yes, always open attached scans ...; a blurry receipt often changes the answer" tells the reader to open (the
  later clause's subject is not the actor); "attachments such as scans" names scans.
- Orders: "Settle X first; then write Y" is one order; "Always pick the tone first" puts the tone before every
  other step, "Choose the topic, then move on to tone" after the topic; "Set X first; only after X is set do you
  choose Y" puts X first of those two only; "Match by barcode first" is a way of matching, not a step.
- "Skipped clips do not need a comment" exempts its subject; "Every clip needs a comment, skipped clips included"
  refuses that case only ("archived clips included" refuses another).
- A planned pace faster than the time under which work counts as rushed ("40 seconds per review" / "A 30-review
  batch submitted in under 25 minutes is treated as rushed"); a table cell's sample is for what its row names
  ("Gold items | 4% of every batch").
- A reservation in a role table's row ("QA lead | Audits ... | Only QA leads may ..."); everyone given the act
  after a colon ("Do not wait for a lead when ...: any rater applies the Urgent label"); a label verb in any form
  that applies the name; a key to press ("Press 2 for Urgent") is no act left to everyone, nor a noun in an aside
  ("(a fixed typo is still a text change)").

Second look at held-out23's false findings (after its score), in general form: a refused reason's case is its
clause, not the advice after a colon; a refusal that names one thing ("whatever language ...") refuses only a case
of it; a reserved named flag ("the SPAM flag") is not "any flag"; a word after a count ("20 or more correct
labels") is no act.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.checks.common.relations.dimension_scores import named_scores

DECKS = {
    "dims/guide.md": "# Faithfulness\n\nIf a reply invents a citation to a paper that does not exist, Faithfulness "
    "must be 2 or lower.\n\nEvery Faithfulness score of 1 needs a one-line note.\n\nClarity measures how easy the "
    "reply is to follow.\n\n# Examples\n\n## Example 1\n\nThe reply invents a citation: it cites a paper by Ortega "
    "that does not exist.\n\nVerdict: Faithfulness 4, Clarity 5.\n\n## Example 2\n\nThe reply is "
    "accurate but rambles for six paragraphs before answering.\n\nVerdict: Faithfulness 5, Clarity 2.\n",
    "fields/guide.md": "# Tickets\n\nEvery escalation ticket must give the hh:mm timestamp of the outage.\n\nYour "
    "handoff note must include the caller's exact words.\n\nFinish every comment with the ticket number in round "
    "brackets.\n",
    "fields/faq.md": "# FAQ\n\n## Times?\n\nLeave timestamps out of escalation tickets; the tool adds them.\n\n"
    "## Quotes?\n\nCaller wording must not be reproduced in any field that raters write themselves.\n\n"
    "## Numbers?\n\nTicket numbers must not appear anywhere in the text you write.\n",
    "choices/guide.md": "# Choices\n\nIf a ticket raises more than one complaint, label it with the severity of the "
    "worst complaint.\n\nIf two tags fit equally well, choose the one listed first in the tag sheet.\n\nWhen the "
    "photo and the caption disagree about the product, go with the photo.\n\nIf you cannot tell whether a call "
    "was Resolved or Unresolved, choose Unresolved.\n\nWhen two screens disagree about the price, use the cart to "
    "find the item and the receipt to read the price.\n",
    "choices/faq.md": "# FAQ\n\n## Several complaints?\n\nWhen a ticket raises several complaints, base the severity "
    "on the complaint the customer mentions first.\n\n## Tags?\n\nWhen two tags fit equally well, pick the one "
    "listed first in the tag sheet.\n\n## Photo or caption?\n\nWhen the photo and the caption disagree about the "
    "product, trust the caption.\n\n## Unsure?\n\nWhere it is unclear whether a call was resolved, label it "
    "Resolved and add a note.\n\n## Which screen?\n\nWhen two screens disagree about the price, the receipt "
    "takes precedence.\n",
    "attach/guide.md": "# Attachments\n\nDo not open attachments such as scans or spreadsheets; rate from the text "
    "alone.\n\nDo not tag headings such as SUMMARY or NOTES, even when they contain a product name.\n",
    "attach/faq.md": "# FAQ\n\n## Scans?\n\nYes, always open attached scans before you rate; a blurry receipt often "
    "changes the answer.\n\n## Products?\n\nProduct names are tagged as they are written.\n",
    "steps/guide.md": "# Steps\n\nSettle the headline first; then write the summary, building outward from it.\n\n"
    "Step 3: Choose the topic, then move on to tone in Step 4.\n\nSet the priority label first; only after priority "
    "is set do you choose the tags.\n\nMatch by barcode first: the name and size on the tag should agree.\n",
    "steps/faq.md": "# FAQ\n\n## Order?\n\nAlways draft the summary first; only then boil it down into the "
    "headline.\n\n## Tone?\n\nAlways pick the tone first; the topic menu stays locked until a tone is set.\n\n"
    "## Screenshots?\n\nAlways open attached screenshots before you pick a priority label.\n\n## Links?\n\n"
    "Assign a shelf to every product before you match any tags.\n",
    "exempt/guide.md": "# Comments\n\nSkipped clips do not need a comment; leave the box empty.\n\nDraft clips do "
    "not need a tag; leave the tag list empty.\n",
    "exempt/faq.md": "# FAQ\n\n## Comments?\n\nEvery clip needs a written comment, skipped clips included.\n\n"
    "## Tags?\n\nEvery clip needs at least one tag, archived clips included.\n",
    "pace/guide.md": "# Pace\n\nAim for an average of 40 seconds per review.\n\n| Metric | Target | Notes |\n|---|---|---|"
    "\n| Gold items | 4% of every batch, inserted at random | Set by two leads |\n",
    "pace/faq.md": "# FAQ\n\n## Speed?\n\nA 30-review batch submitted in under 25 minutes is treated as rushed and sent "
    "back.\n\n## Gold?\n\nAbout one review in ten that you see is a gold item.\n",
    "samepace/guide.md": "# Pace\n\nAim for an average of 60 seconds per review.\n",
    "samepace/faq.md": "# FAQ\n\n## Speed?\n\nA 30-review batch submitted in under 25 minutes is treated as "
    "rushed.\n",
    "second/guide.md": "# Skips\n\nSubtitles you cannot read may be skipped with the reason UNREADABLE.\n\nMention "
    "the caption in the note if you want, but rate the post.\n\nOnly moderators can set the SPAM flag on a post.\n\n"
    "Once a batch is submitted, only a lead can change its labels.\n",
    "second/faq.md": "# FAQ\n\n## Watermarks?\n\nA watermark is never grounds for skipping: transcribe the subtitles "
    "you can read.\n\n## Language?\n\nWrite every note in English, whatever language the post is in.\n\n"
    "## Flags?\n\nDecide whether any flag applies and set it.\n\n## Quiz?\n\nYou need 20 or more correct labels "
    "to pass the quiz, and you may retake it once.\n",
    "roles/guide.md": "# Roles\n\n| Role | Duties | Notes |\n|---|---|---|\n| QA lead | Audits batches, answers "
    "questions | Only QA leads may assign the Urgent label. |\n| Senior editor | Reviews style | Only senior "
    "editors may change a headline that another editor has already approved. |\n",
    "roles/faq.md": "# FAQ\n\n## Urgent?\n\nDo not wait for a lead when a ticket is plainly urgent: any rater applies "
    "the Urgent label at once.\n\n## Keys?\n\nPress 2 for Urgent and 3 for Routine.\n\n## Typos?\n\nFix the typo "
    "and rate the headline as usual (a fixed typo is still a text change).\n",
}

found = contradictions_fixture(DECKS, "round23_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Faithfulness must be 2 or lower", "Verdict: Faithfulness 4", ["CON008"]),
        ("Faithfulness must be 2 or lower", "Verdict: Faithfulness 5", []),  # another case
        ("Every Faithfulness score of 1", "Verdict: Faithfulness 4", []),  # the score names the case
        ("give the hh:mm timestamp", "Leave timestamps out of escalation tickets", ["CON018"]),
        ("must include the caller's exact words", "Caller wording must not be reproduced", ["CON018"]),
        ("the ticket number in round brackets", "Ticket numbers must not appear", ["CON018"]),
        ("Only QA leads may assign the Urgent", "any rater applies the Urgent label", ["CON011"]),
        ("Only QA leads may assign the Urgent", "Press 2 for Urgent", []),  # a key, not the act left to all
        (
            "Only senior editors may change a headline",
            "a fixed typo is still a text change",
            [],
        ),  # a noun aside
        ("severity of the worst complaint", "the complaint the customer mentions first", ["CON005"]),
        ("choose the one listed first", "pick the one listed first", []),  # one pick, said twice
        ("go with the photo", "trust the caption", ["CON005"]),
        ("choose Unresolved", "label it Resolved", ["CON005"]),
        (
            "use the cart to find the item",
            "the receipt takes precedence",
            [],
        ),  # a division of work, not a pick
        ("Do not open attachments such as scans", "always open attached scans", ["CON001"]),
        ("Do not tag headings such as SUMMARY", "Product names are tagged", []),  # the member list ends
        ("Settle the headline first; then", "Always draft the summary first; only then", ["CON013"]),
        ("Choose the topic, then move on to tone", "Always pick the tone first", ["CON013"]),
        ("Set the priority label first", "open attached screenshots before", []),  # first of those two steps
        ("Match by barcode first", "before you match any tags", []),  # a way of matching, not a step
        ("Skipped clips do not need a comment", "skipped clips included", ["CON016"]),  # the case included
        ("Draft clips do not need a tag", "archived clips included", []),  # another case included
        ("40 seconds per review", "in under 25 minutes is treated as rushed", ["CON004"]),  # 40 s < 50 s
        ("60 seconds per review", "in under 25 minutes is treated as", []),  # slower than the floor
        ("4% of every batch", "one review in ten", ["CON004"]),  # the row says what the sample is for
        # held-out23's false findings, fixed in general form after its score (each in other words here)
        ("Subtitles you cannot read may be skipped", "A watermark is never grounds", []),  # another reason
        ("Mention the caption in the note if you want", "whatever language the post is in", []),
        ("Only moderators can set the SPAM flag", "Decide whether any flag applies", []),  # not the SPAM flag
        ("only a lead can change its labels", "20 or more correct labels", []),  # "correct" is no act here
    ],
)
def test_round23_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks


@pytest.mark.parametrize(
    ("sentence", "scores"),
    [
        (
            "Verdict: Correctness 3, Idiom 4, Comment Preservation 5 — Pass.",
            {"correctness": 3, "idiom": 4, "comment preservation": 5},
        ),
        ("Empathy: 4 — the agent cut across her once.", {"empathy": 4}),
        ("Verdict: language tag es; Profanity (2); primary label Profanity.", {"profanity": 2}),
        ("Verdict: Age-restrict, severity 2 (standard challenge, no injury).", {"severity": 2}),
        ("Verdict for case 7: Safety 3, borderline.", {"safety": 3}),
    ],
)
def test_a_verdict_is_read_as_dimension_scores(sentence, scores):
    assert {d.dimension: d.value for d in named_scores(sentence)} == scores


@pytest.mark.parametrize(
    "sentence",
    [
        "Verdict: 4. Vivid and well ordered.",  # a score of no dimension
        "Readability grade 9.4, sentences run long.",  # a measurement
        "Verdict: PICK, start 00:12.4, end 00:14.1.",  # times
        "Example 3 shows the same problem.",  # a part of the document
    ],
)
def test_no_dimension_score_is_read(sentence):
    assert named_scores(sentence) == []


def test_a_numbered_item_opens_an_example_of_its_own():
    from guidecheck.checks.common.relations.example_groups import _EXAMPLE_START

    assert _EXAMPLE_START.match("Clip 5 - A boy who looks about 14 attempts the challenge.")
    assert _EXAMPLE_START.match('3 | "Sync broke after the update." | Bug Report | 4 |')
    assert _EXAMPLE_START.match("Review 2: great battery, awful screen.")
    assert not _EXAMPLE_START.match("Safety 2: a detailed threat of harm.")  # a dimension's score
    assert not _EXAMPLE_START.match("Helpfulness 4 — the steps are clear.")
    assert not _EXAMPLE_START.match("Response 2: the shorter answer.")  # one pairwise example
