"""Readings of round 21, from held-out20's misses (read after it was scored), each in general form.

- Item time limits: a timer named with its length ("a 12-minute timer"), a session that lasts N minutes; a case the
  limit covers as well ("plenty even for items with long audio") is no sub-case, and "goes back into your batch" is
  where a timed-out item goes, not a limit per batch.
- A "Topic: ..." list item whose text is an instruction ("Sources not in English: you may skip ...", "Two markers:
  when ..., label both ...") is read sentence by sentence, not as a glossary definition.
- A table's rule cell is read with the other cells blanked: a policy statement in it is a rule.
- Pay: a sentence whose exception is not the other sentence's case ("paid at half, unless they were rejected for
  copied text" / "Items rejected at audit are not paid") still disagrees with it.
- "a language other than English" picks out a kind of item; it makes no exception to the rule.
- A reserved act's group may run to seven words ("reserved for Level 2 raters and QA leads").
- Plain text: a dated entry's title line ("[2025-02-24] Escalation") is a heading, not the start of its paragraph.
- A short first sentence whose words the next sentence restates as its case ("No device location. For a question
  with no device location, ...") is the item's title, not a ban.
- A case refused "even on PRIORITY batches" is refused like one refused "even when ...".
- A rubric cell under "Name and meaning" ("Fully Reliable: every citation ...") names its score by the words
  before the colon.
- "A paywall is not a broken link": a two-word label, and the last member of a definition's list ("..., or sits
  behind a paywall") is a member.
- A purpose clause ("quote the wording in quotation marks so QA can find it") gives the rule neither its verb nor
  its force ("so intertwined that plants can't be separated" is no purpose).
- "a random 10% of forms in every batch" is a sample's share; "$0.01" is an amount, not an accuracy bar.
- "A 3 (Needs Revision) means ..." names a scale point like "A score of 3 (Needs Revision)".
- An instruction after an opening phrase the parser hung on a noun ("In the justification, quote the exact words
  ...") is an instruction; "make the recipe UNSAFE", "puts the segment at a score of 3" give a label or a score.
- The time the rater has for one act ("Disputes must be filed within 48 hours of the feedback" / "You can dispute
  ... any time within a week") is read as a window: two lengths for one act disagree.
- Words stem alike in the plural ("ratings" / "a rating"); "swap" is "replace".
- A tie-break may lean to the stricter or the more lenient verdict ("on the fence between two verdicts, give it the
  more generous"); that way is compared only with itself, never with "the lower one".
- Priority: "X and Y give different age ranges, use the range in Y"; "Y is what the answer should be judged against".
- "The only past tense you need is for history the record gives you" is the exception to "Write in the present
  tense", not a second answer.
- Second look at held-out21's false findings (after its score), in general form: "two or more points apart" and
  "differ by two points" are the size of a difference, not a bound on the score; "every review not in English"
  names which inputs, not the output's language; "Type and brand are checked separately" states how two fields
  are checked (its first word is a subject, not the verb "type").
- Counts of the output asked for in two sections of one file about different things ("Short caption" / "Long
  description") are counts of two outputs.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture, deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.ingest import read_document
from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quality_bars import read_quality_bar
from guidecheck.rules.quantities import find_quantities
from guidecheck.rules.sample_shares import read_sample_share
from guidecheck.rules.time_windows import read_time_window


@pytest.mark.parametrize(
    ("sentence", "seconds", "scope"),
    [
        ("Each clip has a 12-minute timer.", 720.0, "item"),
        (
            "A clip's editing session lasts 10 minutes. When it expires, the clip goes back into your batch.",
            600.0,
            "item",
        ),
        (
            "Each clip gives you up to 3 minutes before it times out, which is plenty even for clips with long audio.",
            180.0,
            "item",
        ),
        ("Clips in a batch time out after 20 minutes and go back to the queue.", 1200.0, "batch"),
    ],
)
def test_an_item_time_limit_is_read(sentence, seconds, scope):
    got = read_item_time(sentence)
    assert got is not None and (got.seconds, got.scope) == (seconds, scope)


@pytest.mark.parametrize(
    "sentence",
    ["Keep an eye on the timer; most clips take 4 minutes.", "Video clips time out after 20 minutes."],
)
def test_no_item_time_limit_is_read(sentence):
    assert read_item_time(sentence) is None  # a duration that is no limit; a sub-case with its own limit


def test_a_topic_item_that_instructs_is_read_as_an_instruction(extract):  # noqa: F811
    rules = extract(
        "# Changes\n\n- Clips not in English: you may skip the clip with the reason Language.\n"
        "- Marker: the bracketed number after a sentence.\n"
        "- Clean clip: You can select this option if the clip has no noise at all.\n"
    )
    by_text = {r["text"]: r["kind"] for r in rules}
    assert by_text["Clips not in English: you may skip the clip with the reason Language."] == "permission"
    assert by_text["Marker: the bracketed number after a sentence."] == "definition"
    # when to use a term defines it
    assert by_text["Clean clip: You can select this option if the clip has no noise at all."] == "definition"


def test_a_purpose_clause_gives_no_force(extract):  # noqa: F811
    rules = extract(
        "# Notes\n\nIn the Notes field, quote the flagged wording in quotation marks so QA can find it.\n\n"
        "- Crop and weed so intertwined that plants can't be separated: draw one patch polygon.\n"
    )
    by_text = {r["text"]: r for r in rules}
    quote = by_text["In the Notes field, quote the flagged wording in quotation marks so QA can find it."]
    assert (quote["kind"], quote["action"]) == ("obligation", "quote")


def test_instructions_and_outcomes_the_parser_hides(extract):  # noqa: F811
    rules = extract(
        "# Safety\n\n| Label | Meaning |\n|---|---|\n| UNSAFE | Could harm. |\n| SAFE | No harm. |\n\n"
        "In the justification, quote the exact words that contain each error you flagged.\n\n"
        "Raw eggs in a recipe for young children make the recipe UNSAFE.\n\n"
        "Any mention of cancelling puts the segment at a score of 3 or above.\n\n"
        "Typos make the text harder to read.\n\nIn the end, results matter.\n"
    )
    kinds = {r["text"]: r["kind"] for r in rules}
    assert (
        kinds["In the justification, quote the exact words that contain each error you flagged."]
        == "obligation"
    )
    assert "Raw eggs in a recipe for young children make the recipe UNSAFE." in kinds
    assert "Any mention of cancelling puts the segment at a score of 3 or above." in kinds
    assert "Typos make the text harder to read." not in kinds  # no label, no score
    assert "In the end, results matter." not in kinds


def test_a_sample_share_and_a_bar_next_to_an_amount():
    share = read_sample_share(
        "Each form is keyed once, and a random 10% of forms in every batch is keyed again."
    )
    assert share is not None and (share.purpose, share.share) == ("audit", 0.1)
    bar = read_quality_bar(
        "An extra $0.01 per form for the week when your weekly accuracy bonus is 99.5% or higher."
    )
    assert bar is not None and bar.bar == 0.995


@pytest.mark.parametrize(
    ("sentence", "act", "seconds"),
    [
        ("Disputes must be filed within 48 hours of receiving reviewer feedback.", "dispute", 172800.0),
        (
            "You can dispute a reviewer's decision any time within a week of getting the feedback.",
            "dispute",
            604800.0,
        ),
        ("You have 72 hours from the moment you claim a batch to submit it.", "submit", 259200.0),
        ("Send it through the appeal form within 7 days of the result.", "appeal", 604800.0),
    ],
)
def test_a_time_window_is_read(sentence, act, seconds):
    got = read_time_window(sentence)
    assert got is not None and (got.act, got.seconds) == (act, seconds)


@pytest.mark.parametrize(
    "sentence",
    [
        "Finish each item within 10 minutes.",  # an item's time, read as one
        "If you were away when feedback landed, send the dispute within 5 days.",  # a case settled
        "Disputes are answered within 5 business days.",  # working days are no days
    ],
)
def test_no_time_window_is_read(sentence):
    assert read_time_window(sentence) is None


def test_a_difference_is_no_bound_on_the_value():
    apart = find_quantities(
        "If two raters end up two or more points apart on Overall, the higher one stands."
    )
    differ = find_quantities("When two Overall scores differ by two or more points, keep the lower.")
    plain = find_quantities("Scores of two or more points get a flag.")
    assert [q.attribute for q in apart + differ] == ["difference", "difference"]
    assert [q.attribute for q in plain] == ["score"]


def test_a_subject_is_no_instruction(extract):  # noqa: F811
    rules = extract(
        "# Fields\n\nType and brand are checked separately.\n\nType the brand exactly as it appears.\n"
    )
    actions = {r["text"]: r["action"] for r in rules}
    assert actions["Type and brand are checked separately."] != "type"
    assert actions["Type the brand exactly as it appears."] == "type"


def test_a_dated_errata_title_is_a_heading(tmp_path):
    path = tmp_path / "errata.txt"
    path.write_text(
        "Errata\n======\n\n[2025-02-24] Escalation\nAny rater can press Escalate when the panel looks wrong.\n\n"
        "Reminder: the panel refreshes at noon.\nCheck it after lunch.\n"
    )
    blocks = read_document(path, "errata.txt").blocks
    assert [(b.kind, b.text) for b in blocks[1:3]] == [
        ("heading", "[2025-02-24] Escalation"),
        ("paragraph", "Any rater can press Escalate when the panel looks wrong."),
    ]
    assert blocks[3].text.startswith("Reminder: the panel refreshes at noon.")  # an ordinary paragraph


def test_the_title_of_a_case_is_no_ban(extract):  # noqa: F811
    rules = extract(
        "# Edge cases\n\n- No device location. For a question with no device location on the card, ask where the "
        "user is.\n- No emojis. Emojis distract the listener.\n"
    )
    texts = [r["text"] for r in rules]
    assert "No device location." not in texts
    assert "No emojis." in texts  # a ban: the next sentence gives its reason, not its case


DECKS = {
    "timer/guide.md": "# Time\n\nEach clip has a 12-minute timer.\n",
    "timer/faq.md": "# FAQ\n\n## Timer?\n\nThe per-clip timer is 600 seconds; when it runs out, the clip goes back to "
    "the queue.\n",
    "sametimer/guide.md": "# Time\n\nEach clip has a 10-minute timer.\n",
    "sametimer/faq.md": "# FAQ\n\n## Timer?\n\nThe per-clip timer is 600 seconds; when it runs out, the clip goes "
    "back to the queue.\n",
    "topic/guide.md": "# Skips\n\nDo not skip a clip because its speaker uses a language you cannot read; use the "
    "translation panel.\n",
    "topic/changes.md": "# Changes\n\n- Speakers not in English: you may skip the clip with the reason Language if you "
    "do not read the speaker's language.\n",
    "othertongue/guide.md": "# Skips\n\nClips in a language other than English can be skipped with the reason code "
    "Language.\n",
    "othertongue/faq.md": "# FAQ\n\n## Foreign clips?\n\nDon't skip a clip because it is in another language; open "
    "the translation panel and rate it.\n",
    "paytable/guide.md": "# Pay\n\nClips rejected in QA review are not paid.\n",
    "paytable/changes.md": "# Pay\n\n| Item | Rule | Notes |\n|---|---|---|\n| Rejected clips | Rejected clips are "
    "paid at 50% of the base rate. | Overturned rejections are paid in full. |\n",
    "unless/guide.md": "# Pay\n\nClips rejected at audit are not paid.\n",
    "unless/faq.md": "# FAQ\n\n## Rejections?\n\nRejected clips are still paid at half the normal rate, unless they "
    "were rejected for copied text.\n",
    "sameunless/guide.md": "# Pay\n\nClips rejected for copied text are not paid.\n",
    "sameunless/faq.md": "# FAQ\n\n## Rejections?\n\nRejected clips are still paid at half the normal rate, unless "
    "they were rejected for copied text.\n",
    "desk/guide.md": "# Roles\n\nEscalating a clip to the Audio Desk is reserved for Level 2 raters and QA leads.\n",
    "desk/faq.md": "# FAQ\n\n## Escalation?\n\nAny rater, new or experienced, can escalate a clip to the Audio Desk "
    "when the waveform looks wrong.\n",
    "outputs/guide.md": "# Short caption rules\n\nKeep to one sentence.\n\n# Long description: the basics\n\n"
    "Paragraphs help readers, so break the text into two or three paragraphs when it runs long.\n",
    "oneoutput/guide.md": "# Caption rules\n\nKeep to one sentence.\n\n## Layout\n\nParagraphs help readers, so "
    "break the text into two or three paragraphs when it runs long.\n",
    "namedoutput/guide.md": "# Caption rules\n\nWrite the caption as one sentence.\n\n# Caption layout\n\nWrite "
    "the caption as three paragraphs.\n",
    "disputes/guide.md": "# Disputes\n\nDisputes must be filed within 48 hours of receiving reviewer feedback.\n",
    "disputes/faq.md": "# FAQ\n\n## Disputes?\n\nYou can dispute a reviewer's decision any time within a week of "
    "getting the feedback.\n",
    "samedisputes/guide.md": "# Disputes\n\nDisputes must be filed within 7 days of receiving reviewer feedback.\n",
    "samedisputes/faq.md": "# FAQ\n\n## Disputes?\n\nYou can dispute a reviewer's decision any time within a week "
    "of getting the feedback.\n",
    "prioritywindow/guide.md": "# Deadlines\n\nA claimed batch must be submitted within 48 hours.\n",
    "prioritywindow/faq.md": "# FAQ\n\n## Priority?\n\nBatches marked Priority must be submitted within 12 hours of "
    "being claimed.\n",
    "locked/guide.md": "# Roles\n\nOnly QA leads may edit a rating after it has been locked.\n",
    "locked/faq.md": "# FAQ\n\n## Mistakes?\n\nYou can reopen and edit any of your own locked ratings from the History "
    "tab.\n",
    "swap/guide.md": "# Roles\n\nOnly QA leads may replace a generic speaker label with a person's real name.\n",
    "swap/faq.md": "# FAQ\n\n## Guests?\n\nIf the description names the guest, you can swap the generic label for "
    "their name yourself.\n",
    "fence/guide.md": "# Verdicts\n\nIf you cannot decide between two adjacent verdicts, choose the stricter one.\n",
    "fence/faq.md": "# FAQ\n\n## Borderline?\n\nWhen a batch sits on the fence between two verdicts, give it the more "
    "generous of the two.\n",
    "strictlow/guide.md": "# Verdicts\n\nIf you cannot decide between two adjacent verdicts, choose the stricter "
    "one.\n",
    "strictlow/faq.md": "# FAQ\n\n## Borderline?\n\nWhen you are torn between two verdicts, choose the lower one.\n",
    "synopsis/guide.md": "# Sources\n\nWhen the synopsis and the eligibility section give different age ranges, use "
    "the range in the eligibility section.\n",
    "synopsis/faq.md": "# FAQ\n\n## Ages?\n\nWhere the synopsis and the eligibility section disagree about age, the "
    "synopsis takes priority.\n",
    "fares/guide.md": "# Sources\n\nIf the fare rules and the booking page disagree, rate against the fare rules.\n",
    "fares/faq.md": "# FAQ\n\n## Booking page?\n\nWhere the booking page differs from the fare rules, the booking page "
    "is what the answer should be judged against.\n",
    "tense/guide.md": "# Style\n\nWrite in the present tense.\n",
    "tense/faq.md": "# FAQ\n\n## Past tense?\n\nThe only past tense you need is for history the record gives you, such "
    "as 'made in Delft'.\n",
    "pasttense/guide.md": "# Style\n\nWrite in the present tense.\n",
    "pasttense/faq.md": "# FAQ\n\n## Tense?\n\nWrite in the past tense.\n",
    "english/guide.md": "# Languages\n\nFor every review not in English, click Translate first and base your label on "
    "the English text it shows.\n",
    "english/faq.md": "# FAQ\n\n## Notes?\n\nWrite your triage note in English, whatever language the review is in.\n",
    "french/guide.md": "# Languages\n\nWrite your triage note in French.\n",
    "french/faq.md": "# FAQ\n\n## Notes?\n\nWrite your triage note in English, whatever language the review is in.\n",
    "remarks/guide.md": "# Boxes\n\nYou may skip the Remarks box when the batch header is stamped URGENT.\n",
    "remarks/faq.md": "# FAQ\n\n## Remarks?\n\nThe Remarks box is never optional; even on URGENT batches it has to "
    "be filled in.\n",
    "scale/guide.md": "# Score\n\n| Score | Name and meaning |\n|---|---|\n| 5 | Fully Clean: no noise at all. |\n"
    "| 4 | Mostly Clean: one short noise. |\n| 3 | Noisy: several noises. |\n\n## Notes\n\nA score of 4 "
    '("Fully Clean") means the clip is usable as is.\n\nA score of 3 ("Noisy") means it needs cleaning.\n',
    "scale/faq.md": "# FAQ\n\n## Fours?\n\nA 4 (Passable) means the clip can ship after a light clean.\n",
    "links/guide.md": "# Labels\n\n| Label | Meaning |\n|---|---|\n| Dead Link | The link does not load, returns "
    "an error page, or sits behind a paywall. |\n| Live Link | The page loads and shows the text. |\n\n## Notes\n\n"
    "A paywall is not a dead link.\n\nA slow page is not a dead link.\n",
}

found = contradictions_fixture(DECKS, "round21_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("12-minute timer", "600 seconds", ["CON004"]),
        ("10-minute timer", "600 seconds", []),  # the same limit in other units
        (
            "Do not skip a clip because its speaker",
            "Speakers not in English: you may skip",
            ["CON014"],
        ),  # another language
        (
            "language other than English can be skipped",
            "Don't skip a clip because it is in another",
            ["CON014"],  # CON014 supersedes CON001's reading of a language skip
        ),
        ("rejected in QA review are not paid", "paid at 50% of the base rate", ["CON004"]),
        ("rejected at audit are not paid", "unless they were rejected for copied text", ["CON004"]),
        ("rejected for copied text are not paid", "still paid at half", []),  # the exception's own case
        ("reserved for Level 2 raters and QA leads", "Any rater, new or experienced", ["CON011"]),
        ("You may skip the Remarks box", "even on URGENT batches", ["CON016"]),
        (
            "For every review not in English",
            "Write your triage note in English",
            [],
        ),  # which reviews, not the note
        ("Write your triage note in French", "Write your triage note in English", ["CON010"]),
        ("Write in the present tense.", "The only past tense you need", []),  # the exception, stated
        ("Write in the present tense.", "Write in the past tense.", ["CON010"]),
        ("use the range in the eligibility section", "the synopsis takes priority", ["CON005"]),
        ("rate against the fare rules", "is what the answer should be judged against", ["CON005"]),
        ("Only QA leads may edit a rating", "your own locked ratings", ["CON011"]),
        ("Only QA leads may replace", "swap the generic label", ["CON011"]),
        ("choose the stricter one", "the more generous of the two", ["CON005"]),
        ("choose the stricter one", "choose the lower one", []),  # two ways to lean that never meet
        ("within 48 hours of receiving", "any time within a week", ["CON004"]),
        ("within 7 days of receiving", "any time within a week", []),  # one length in other units
        ("A claimed batch must be submitted", "Batches marked Priority", []),  # a sub-case's own window
        ("Fully Clean: no noise", "A score of 4", ["CON007"]),
        ("Noisy: several noises", "A score of 3", []),  # the row's own name
        ("Mostly Clean: one short noise", "A 4 (Passable)", ["CON007"]),
        ("sits behind a paywall", "A paywall is not a dead link", ["CON006"]),
        ("sits behind a paywall", "A slow page is not", []),  # a case the definition does not name
    ],
)
def test_round21_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("deck", "a", "b", "checks"),
    [
        (
            "outputs/guide.md",
            "one sentence",
            "two or three paragraphs",
            [],
        ),  # a short caption, a long description
        (
            "oneoutput/guide.md",
            "one sentence",
            "two or three paragraphs",
            ["CON010"],
        ),  # a section and its part
        (
            "namedoutput/guide.md",
            "as one sentence",
            "as three paragraphs",
            ["CON010"],
        ),  # both name the caption
    ],
)
def test_counts_of_the_output_in_two_sections(tmp_path, deck, a, b, checks):
    found = deck_contradictions(tmp_path, {deck: DECKS[deck]})
    assert _pairs(found, a, b) == checks
