"""Readings of round 31, from held-out30's misses (read after it was scored) in general form.

- What every item of a class is given is a rule for each of them ("Every essay gets a second read, and that
  includes essays from senior writers"), so it refuses the exception another rule grants for senior writers;
  "Each task has a timer" describes the tool and stays no rule.
- "X pay the same per-essay rate as ordinary essays" pays the base rate, against "X are paid at twice the normal
  rate" (CON004).
- Things a sentence leaves un-done ("Surgeon names in a discharge note remain unlabelled", "Blank receipts are kept
  unmarked") state a rule about doing it: its subject is the act's object, and "remain" / "unlabelled" name no topic.
- Two objects that carry one compound modifier name one thing ("open the high-contrast version" / "should not open
  the high-contrast file").
- A decision on the item ("Photos with any visible watermark ... are rejected under R4" / "Verdict: approve and tag
  WET"), and a label a rule turns down for its case ("Mugs are always labeled Kitchenware, never Decor" / "Label:
  Decor, with one box around the whole mug") against a worked example of that case (CON008).
- A kind of item one rule handles like any other ("Aerial and drone photos go through the normal review flow, the
  same as any other upload"; an FAQ answer "Rate it like any other chat" under its question) and another rejects,
  skips or puts out of scope (CON003).
- A scale point named by its scale's word ("is priority 5", "Verdict: PLUMB, priority 3"), and a rule's case given
  as alternatives ("a burst pipe, a sparking outlet, or a blocked fire exit"): an example of one alternative is an
  example of the rule's case (CON008).

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

DECKS = {
    "essays/guide.md": "# Essay review\n\n## Second reads\n\nYou may skip the second read when the writer holds senior "
    "status and the first reader gave a 5.\n\n## Pay\n\nCalibration essays pay the same per-essay rate as ordinary "
    "essays.\n\nPractice essays pay the same per-essay rate as ordinary essays.\n",
    "essays/faq.md": "# FAQ\n\n## Can I skip the second read for senior writers?\n\nNo. Every essay gets a second read, "
    "and that includes essays from senior writers.\n\n## Summaries\n\nEvery essay gets a one-line summary in the Notes "
    "field.\n\n## Calibration pay\n\nCalibration essays are paid at twice the normal per-essay rate.\n\n## Each task\n\n"
    "Each task has a timer in the corner of the screen.\n",
    "scans/guide.md": "# Scans\n\n## Viewing\n\nOpen the high-contrast version of the scan before you decide.\n\n"
    "## Privacy\n\nAnnotators should not open the high-contrast file; decide from the thumbnail.\n\nAnnotators should "
    "not open the low-contrast file.\n",
    "ward/guide.md": "# Ward notes\n\n## Names\n\nLabel every surgeon name in the note as STAFF.\n\nLabel every "
    "pharmacist name in the note as STAFF.\n",
    "ward/faq.md": "# FAQ\n\n## Surgeons\n\nSurgeon names in a discharge note remain unlabelled.\n\n## Batch numbers\n\n"
    "Batch numbers of a drug do not identify a patient and are left untagged.\n\n## IDs\n\n| Label | Meaning |\n"
    "|---|---|\n| ID | Record numbers, member numbers, and any other number or code that identifies a patient. |\n",
    "trails/guide.md": "# Trail photos\n\n## Rejections\n\nPhotos with any visible watermark, stamp or text overlay are "
    "rejected under R4, whatever its size.\n\nMugs are always labeled Kitchenware, never Decor.\n\nToy cups are "
    "never labeled Kitchenware.\n\n## Example 1: "
    "the "
    "bridge\n\nA clear photo of a wooden bridge after rain, with a small stamp in one corner.\n\nVerdict: approve and "
    "tag WET; the stamp is tiny.\n\n## Example 2: the meadow\n\nA clear photo of a meadow at noon, nothing written on "
    "it.\n\nVerdict: approve and tag DRY.\n\n## Example 3: the mug\n\nA ceramic mug with a painted fox on a "
    "shelf.\n\nLabel: Decor, with one box around the whole mug.\n\n## Example 4: the vase\n\nA ceramic vase with "
    "dried flowers.\n\nLabel: Decor, with one box around the vase.\n\n## Example 5: the cup\n\nA plain porcelain cup "
    "for tea.\n\nLabel: "
    "Kitchenware, with one box around the cup.\n",
    "uploads/guide.md": "# Uploads\n\n## Scope\n\nDrone and other aerial shots are out of scope and are rejected under "
    "R9.\n\nIf the image fails to load or shows an error placeholder, tick BROKEN.\n\nSkip any chat written in Spanish, "
    "using the LANG code.\n\nTest messages sent by clinic staff are skipped.\n\nDo not code the answers to Q2.\n",
    "uploads/faq.md": "# FAQ\n\n## Aerial\n\nAerial and drone photos go through the normal review flow, the same as any "
    "other upload.\n\n## Blurry\n\nAn image that loads but is blurry or small is still rated normally.\n\n## Night\n\n"
    "Night photos are reviewed like any other upload.\n\n## What about chats in Spanish?\n\nRate it like any other "
    "chat.\n\n## Threats\n\nMessages that threaten staff are labeled as usual.\n\n## Short answers\n\nShort answers are "
    "otherwise coded like any other.\n",
    "homes/guide.md": "# Home repair triage\n\n## Priority\n\nAny report of a burst pipe, a sparking outlet, or a "
    "blocked fire exit is priority 5, however calmly the resident writes.\n\n## Example 1: the sink\n\nMessage: "
    '"Small burst pipe under the kitchen sink, water on the floor, but I turned the valve off."\n\nVerdict: PLUMB, '
    'priority 3; the resident has stopped the water.\n\n## Example 2: the tap\n\nMessage: "The bathroom tap has been '
    'dripping for a week and the noise keeps me up."\n\nVerdict: PLUMB, priority 2; a dripping tap can wait for the '
    "next visit.\n",
}

found = contradictions_fixture(DECKS, "round31_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("You may skip the second read", "Every essay gets a second read", ["CON016"]),
        ("You may skip the second read", "one-line summary", []),  # another thing given
        ("Calibration essays pay the same", "Calibration essays are paid at twice", ["CON004"]),
        ("Practice essays pay the same", "Calibration essays are paid at twice", []),  # another kind of essay
        (
            "Open the high-contrast version",
            "not open the high-contrast file",
            ["CON001"],
        ),  # one thing, two words
        ("Open the high-contrast version", "not open the low-contrast file", []),  # another thing
        ("Label every surgeon name", "Surgeon names in a discharge note remain", ["CON001"]),  # left un-done
        ("Label every pharmacist name", "Surgeon names in a discharge note remain", []),  # other names
        ("Batch numbers of a drug", "code that identifies a patient", []),  # the reason is no case
        (
            "visible watermark, stamp or text overlay",
            "Verdict: approve and tag WET",
            ["CON008"],
        ),  # a decision
        ("visible watermark, stamp or text overlay", "Verdict: approve and tag DRY", []),  # no overlay at all
        ("never Decor", "Label: Decor, with one box around the whole mug", ["CON008"]),  # a label turned down
        ("never Decor", "Label: Decor, with one box around the vase", []),  # not a mug
        ("Toy cups are never", "Label: Kitchenware, with one box around the cup", []),  # no toy
        ("Aerial and drone photos go through", "Drone and other aerial shots", ["CON003"]),  # like any other
        (
            "Rate it like any other chat",
            "Skip any chat written in Spanish",
            ["CON014"],
        ),  # the question's kind: CON014 supersedes CON003's reading of a language skip
        ("still rated normally", "tick BROKEN", []),  # another kind of image, and no treatment of its own
        ("Night photos are reviewed", "Drone and other aerial shots", []),  # another kind
        (
            "Messages that threaten staff",
            "Test messages sent by clinic staff",
            [],
        ),  # the clause narrows the kind
        (
            "Short answers are otherwise coded",
            "Do not code the answers to Q2",
            [],
        ),  # the rest, once Q2 is set aside
        # one of the alternatives the rule's case lists
        ("a burst pipe, a sparking outlet", "Verdict: PLUMB, priority 3", ["CON008"]),
        ("a burst pipe, a sparking outlet", "Verdict: PLUMB, priority 2", []),  # none of them
    ],
)
def test_round31_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Every essay gets a second read.", "obligation"),
        ("Each photo receives a short caption.", "obligation"),
        ("No draft gets a second read.", "prohibition"),
        ("Any report of a gas leak is priority 5, however calmly it is written.", "obligation"),
        ("Blank receipts are kept unmarked.", "obligation"),  # read as a ban on marking them
        ("Doctors' names remain unlabelled.", "obligation"),
        ("The form is left open overnight.", None),  # nothing left un-done
        ("Each task has a timer in the corner of the screen.", None),  # what the tool shows
        ("Every clip comes with a transcript.", None),  # what the data holds
        ("Most essays get a second read within a day.", None),  # a tendency
        ("Queries that mention a sale are usually Transactional.", None),  # a tendency, after the copula too
        ("Closure-area photos are approved normally.", "obligation"),  # after the verb: how, not how often
    ],
)
def test_what_every_item_is_given_is_a_rule(extract, sentence, kind):  # noqa: F811
    rules = [r for r in extract(f"# Reads\n\n{sentence}\n") if not r["is_example"]]
    assert [r["kind"] for r in rules] == ([kind] if kind else [])


# The second look, after held-out31 was scored once (its misses and false findings, read in general form).
SECOND_LOOK = {
    "clips/guide.md": "# Clip review\n\n## Time and pace\n\n- Time limit: 3 minutes per clip; if it isn't done by then, "
    "press Skip.\n\nThe absolute ceiling is five minutes per clip; past that point, skip it.\n\n## Long"
    " transcripts\n\nIf a transcript takes you more than 40 minutes, set the LONG flag before "
    "submitting.\n\n## Year field\n\nIf the label says 'NV' or 'Non-Vintage', enter NV in the Year "
    "field.\n\n## Causes\n\nIf Transit and Packing fit the evidence equally well, choose Transit.\n\n##"
    " Bonuses\n\nEach escalation that a lead agrees was needed earns a $0.50 bonus.\n\nRaters whose "
    "accuracy stays above 98% for a month receive a $40 quality bonus.\n",
    "clips/faq.md": "# FAQ\n\n## Timer\n\nThe task timer allows 3 minutes per clip, which is generous; the median in "
    "the pilot was just under 2 minutes.\n\n## Long ones\n\nAny transcript that runs past half an hour should carry the LONG "
    "flag.\n\nAny transcript that runs past 40 minutes should carry the LONG flag.\n\n## Transit and "
    "Packing both fit. Should I pick Unclear?\n\nWhen Transit and Packing are equally likely, go with "
    "Packing. Don't use Unclear here; Unclear is for when nothing points anywhere.\n\n## Missing "
    "years\n\nIf no year appears anywhere on the label and there's no NV marking, leave the Year field "
    "empty.\n\n## Escalation pay\n\nThe escalation bonus is $0.25 for each escalation a lead agrees was"
    " needed.\n",
}

second = contradictions_fixture(SECOND_LOOK, "round31_second_look")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        (
            "If a transcript takes you more than 40",
            "runs past half an hour",
            ["CON004"],
        ),  # a relative clause's case
        ("If a transcript takes you more than 40", "runs past 40 minutes", []),  # the same point
        (
            "Time limit: 3 minutes per clip",
            "absolute ceiling is five minutes",
            ["CON004"],
        ),  # a glossary item's limit
        (
            "Time limit: 3 minutes per clip",
            "The task timer allows 3 minutes",
            [],
        ),  # the same limit, and a median
        ("enter NV in the Year field", "there's no NV marking", []),  # a case one condition denies
        ("choose Transit", "go with Packing", ["CON005"]),
        ("choose Transit", "Don't use Unclear here", []),  # a choice turned down is no pick
        ("The escalation bonus is $0.25", "earns a $0.50 bonus", ["CON004"]),
        (
            "earns a $0.50 bonus",
            "$40 quality bonus",
            [],
        ),  # the bonus each escalation earns is no quality bonus
    ],
)
def test_round31_second_look_pairs(second, a, b, checks):
    assert sorted(set(_pairs(second, a, b))) == checks
