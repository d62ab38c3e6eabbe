"""Readings of round 26, from held-out25's misses (read after it was scored) and the older splits', each in
general form.

- A case refused as a reason in more words: "X is no reason to skip", "X is not grounds for a skip", "X does not
  justify a skip", "X is no excuse for leaving the score empty", "..., so seeing an item twice is never grounds for
  skipping it", "Skipping is not allowed for transcription noise", "Non-English messages may not be skipped"
  (against "annotators may leave them unlabeled"); the thing a grant lets raters skip is not the case it grants ("seeing a prompt twice" refuses the
  repeat, not "a prompt written in a language you cannot read"); "again" and "twice" are one case.
- An order for a case against a prohibition that names the same case as its reason ("Set the flag whenever C" /
  "Do not set the flag because of C"); a reason that names a sibling case ("only if the tag shows a reduced price" /
  "just because a tag is a different colour") stays quiet.
- A quality bar kept "to keep your place"; a step done that is a list ("Only after the label, category and rewrite
  are done, ..."); a case that scopes both steps ("For each condition, highlight ..., then choose ...").
- A permission to pick more of a thing than an order allows ("may pick up to two moods" / "exactly one mood").
- A label table's row and a rule that describe the same label in opposite words (CON006): missing / there,
  different / right, "is not being treated" / "is still being treated".
- A worked example that gives a label and a score the label's cap rules out ("A listing that carries FEE-MISSING
  cannot score higher than 2 for quality" / "Verdict: FEE-MISSING as primary, quality 3").
- A source that wins whenever two of a kind disagree ("When two sections of the note disagree, the Assessment and
  Plan wins") against a rule that puts another of them first.
- A field left empty for a case against what every item of that case needs typed into it ("Leave the Rewrite
  field empty when the label is Allow or Refuse" / "Every Refuse needs a safe alternative typed into the Rewrite
  field"): "every Refuse" is the case, so the conditioned rule is no narrower one.
- Two times under which one item's work counts as rushed ("if it arrives less than 90 seconds after the listing
  opened" / "Any listing submitted in under two minutes"), each read as a rule; a shift's quota is a planned pace.
- Look-alikes made quiet: "a particular kind of content" names no kind tone, "however polite" asks for no tone;
  "Only the lead can add a genre to the taxonomy" reserves adding to the taxonomy, not tagging a clip.
- Two label-table bounds both open below no longer crash the run.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.cli import main
from guidecheck.rules.work_pace import read_work_pace

DECKS = {
    "skips/guide.md": "# Skipping\n\n## Language\n\nYou may skip a recipe that is written mainly in a language "
    "other than English; choose the reason Language.\n\n## Repeats\n\nIf the exact same recipe comes up again "
    "during your shift, you may skip the repeat with the reason Duplicate.\n\n## Photos\n\nIf fewer than two of a "
    "recipe's photos load after a refresh, you may skip the recipe with the reason NO-IMG.\n\n## Flags\n\nYou may "
    "leave the taste score blank for a recipe you have flagged UNSAFE, since it will be removed anyway.\n",
    "skips/faq.md": "# FAQ\n\n**Language?**\n\nA recipe written largely in Spanish or another language is not "
    "grounds for a skip.\n\n**Repeats?**\n\nQA re-serves some recipes on purpose, so seeing a recipe twice is "
    "never grounds for skipping it.\n\n**Broken photos?**\n\nPhotos that fail to load do not justify a skip; rate "
    "the recipe from its text.\n\n**Flags?**\n\nA safety flag is no excuse for leaving the taste score empty; "
    "every submission needs a number.\n",
    "flags/guide.md": "# Flags\n\n## Copied text\n\nSet the Stale Note flag whenever a section of the note has "
    "clearly been copied forward from an earlier visit.\n\n## Promo\n\nTick Promo only if the linked tag shows a "
    "reduced price or a promotional graphic.\n",
    "flags/faq.md": "# FAQ\n\n**Copied text?**\n\nDo not set the Stale Note flag because of copied-forward "
    "text.\n\n**Colours?**\n\nDon't tick Promo just because a tag is a different colour from its neighbours.\n",
    "team/guide.md": "# Team\n\n## Quality\n\nKeep your gold accuracy at 85% or higher to keep your place on the "
    "project.\n\n## Steps\n\nOnly after the label, category and rewrite are done, score the refusal text from 1 to "
    "5.\n\nFor each condition, highlight the evidence span, then choose the matching code.\n\n## Moods\n\nRaters "
    "may pick up to two moods for a clip, listing the dominant one first.\n\nYou may add up to two secondary "
    "genres.\n",
    "team/faq.md": "# FAQ\n\n**Removal?**\n\nRaters whose gold accuracy falls below 0.9 are removed from the "
    "queue at the weekly review.\n\n**Order?**\n\nScore the refusal text first, before you commit to a label.\n\n"
    "Choose the matching code before you highlight the evidence span.\n\n**Moods?**\n\nChoose exactly one mood "
    "per clip: the one that fits the whole clip.\n\nChoose exactly one primary genre per clip.\n",
    "listings/guide.md": "# Listing review\n\n## Quality scale\n\n| Score | Name | Meaning |\n|---|---|---|\n"
    "| 1 | Poor | The listing is unreadable or describes another property. |\n| 2 | Weak | One or more core facts "
    "(rent, bedrooms) are missing or stated only vaguely. |\n| 3 | Good | Every core fact is stated and the photos "
    "cover each room. |\n\nGive a listing Quality 2 when every core fact is there but the writing is "
    "boilerplate.\n\nGive a listing Quality 3 when every core fact is there and the photos cover each room.\n\n"
    "## Photo flags\n\n| Flag | Meaning |\n|---|---|\n| PHOTO-MISMATCH | The photo shows a different unit or "
    "building than the one being listed. |\n| PHOTO-DARK | The photo is too dark to show the room. |\n\nUse "
    "PHOTO-MISMATCH for an image of the right unit that is too blurry to be useful.\n\nUse PHOTO-DARK when the "
    "room cannot be seen; do not use PHOTO-MISMATCH for the same unit.\n\n## Status\n\n| Status | Meaning |\n"
    "|---|---|\n| HISTORICAL | The condition has resolved; it is not being treated at this visit. |\n| ACTIVE | "
    "The condition is being treated at this visit. |\n\nMark a condition HISTORICAL when it was diagnosed over a "
    "year ago, even if it is still being treated.\n\nMark a condition ACTIVE whenever it is being treated at this "
    "visit.\n",
    "sources/guide.md": "# Sources\n\n## Conflicts\n\nWhen two sections of the note disagree about a condition, "
    "the Assessment and Plan wins.\n\n## FAQ\n\nWhen the Problem List and the Assessment and Plan disagree, follow "
    "the Problem List.\n\nWhen two raters disagree about a code, ask your lead.\n",
    "fields/guide.md": "# Fields\n\n## Notes\n\nLeave the Notes field empty when the label is Keep or Drop.\n\n"
    "Leave the Reason field empty when the label is Keep.\n",
    "fields/faq.md": "# FAQ\n\n**Drops?**\n\nEvery Drop needs a short reason typed into the Notes field.\n\n"
    "**Reasons?**\n\nEvery Drop needs its cause typed into the Reason field.\n",
    "pace/guide.md": "# Pace\n\nThe tool flags a submission as rushed if it arrives less than 90 seconds after the "
    "listing opened.\n\nA standard shift is eight hours long and carries a quota of 240 listings.\n",
    "pace/faq.md": "# FAQ\n\n**Rushed?**\n\nAny listing submitted in under two minutes is flagged as rushed.\n\n"
    "**Photos?**\n\nAny photo submitted in under ten seconds is flagged as rushed.\n",
    "noise/guide.md": "# Noise\n\n## Garbled\n\nIf a sentence is so garbled by transcription errors that you cannot "
    "tell what was said, you may skip it with the reason Garbled.\n\n## Scope\n\nMessages not written in English "
    "are outside the scope of this pilot: annotators may leave them unlabeled and select the skip reason Language.\n",
    "noise/faq.md": "# FAQ\n\n**Noise?**\n\nSkipping is not allowed for transcription noise, however bad: label the "
    "most likely meaning.\n\n**Language?**\n\nNon-English messages may not be skipped.\n\n**Long ones?**\n\n"
    "Long messages may not be skipped.\n",
    "watch/guide.md": "# Watching\n\nYou may stop watching a clip once a Remove-level violation has appeared on screen.\n\n"
    "Stop the timer when you finish a clip.\n",
    "watch/faq.md": "# FAQ\n\n**Early stops?**\n\nNever stop a clip early, even when you have already seen a violation "
    "that warrants Remove.\n",
    "caps/guide.md": "# Listings\n\n## Fees\n\nA listing that carries FEE-MISSING cannot score higher than 2 for "
    "quality.\n\n## Examples\n\nExample 1: a loft with a monthly admin fee and no amount given.\n\nVerdict: "
    "FEE-MISSING as primary, quality 3, since the photos are strong.\n\nExample 2: a studio with every fee listed."
    "\n\nVerdict: FEE-MISSING as primary, quality 2, because the admin fee has no amount.\n\n## Wellbeing\n\n"
    "Take your breaks, and talk to your team lead if a particular kind of content is getting to you.\n\n## "
    "Replies\n\nAny reply that lectures the user is capped at 2, however polite the rest of it is.\n\n## Genres"
    "\n\nOnly QA leads can add items to the gold set.\n\nAny rater with four weeks on the project may add gold items "
    "directly from the review screen.\n\nOnly the project lead can add a genre to the taxonomy.\n\nAdd up to two secondary genres, or leave those "
    "fields empty.\n",
    "style/brief.md": "# Help article\n\nWrite a help article on resetting a password. House style for help articles: "
    'no contractions of any kind — write "do not", "it is", and so on. End with our support tagline exactly as '
    'written: "Still stuck? We\'ve got your back."\n',
    "tox/guide.md": "# Toxicity\n\n## Severity\n\nWhen Profanity is the only category ticked, its severity cannot "
    "exceed 1.\n\n## Examples\n\nExample 1: a post that swears at a referee.\n\nVerdict: Profanity (2); primary "
    "label Profanity.\n\nExample 2: a post that swears once.\n\nVerdict: Profanity (1); primary label Profanity.\n",
}

found = contradictions_fixture(DECKS, "round26_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("mainly in a language other than English", "largely in Spanish", ["CON014"]),  # another language
        ("comes up again during your shift", "seeing a recipe twice", ["CON016"]),
        ("seeing a recipe twice", "in a language other than English", []),  # the thing skipped is no case
        ("photos load after a refresh", "Photos that fail to load do not justify", ["CON016"]),
        ("leave the taste score blank", "no excuse for leaving the taste score empty", ["CON016"]),
        ("whenever a section of the note", "because of copied-forward text", ["CON016"]),
        ("only if the linked tag shows", "just because a tag is a different colour", []),  # a sibling case
        ("85% or higher to keep your place", "falls below 0.9", ["CON004"]),
        ("Only after the label, category", "Score the refusal text first", ["CON013"]),
        ("For each condition, highlight", "Choose the matching code before", ["CON013"]),
        ("pick up to two moods", "exactly one mood", ["CON004"]),
        ("up to two secondary genres", "exactly one primary genre", []),  # another thing counted
        ("pick up to two moods", "exactly one primary genre", []),
        ("cannot score higher than 2 for quality", "FEE-MISSING as primary, quality 3", ["CON008"]),
        ("cannot score higher than 2 for quality", "FEE-MISSING as primary, quality 2", []),
        ("a particular kind of content", "however polite the rest", []),  # no tone asked for
        ("add a genre to the taxonomy", "Add up to two secondary genres", []),  # another act
        (
            "add items to the gold set",
            "may add gold items directly",
            ["CON011"],
        ),  # "gold items" go to the gold set
        ("two sections of the note disagree", "follow the Problem List", ["CON005"]),
        ("Notes field empty when the label is Keep or Drop", "Every Drop needs a short reason", ["CON001"]),
        ("Reason field empty when the label is Keep", "Every Drop needs its cause", []),  # another case
        (
            "less than 90 seconds after the listing opened",
            "listing submitted in under two minutes",
            ["CON004"],
        ),
        (
            "less than 90 seconds after the listing opened",
            "photo submitted in under ten seconds",
            [],
        ),  # another item
        ("garbled by transcription errors", "Skipping is not allowed for transcription noise", ["CON016"]),
        ("Messages not written in English", "Non-English messages may not be skipped", ["CON014"]),
        ("Messages not written in English", "Long messages may not be skipped", []),  # another case
        (
            "You may stop watching a clip once",
            "Never stop a clip early",
            ["CON016"],
        ),  # stopping leaves watching undone
        ("Stop the timer when you finish", "Never stop a clip early", []),
        ("its severity cannot exceed 1", "Verdict: Profanity (2)", ["CON008"]),
        ("its severity cannot exceed 1", "Verdict: Profanity (1)", []),
        ("no contractions of any kind", "We've got your back", ["CON010"]),  # "of any kind" is no noun sense
    ],
)
def test_round26_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("core facts (rent, bedrooms) are missing", "Quality 2 when every core fact is there", ["CON006"]),
        ("shows a different unit", "image of the right unit", ["CON006"]),
        ("it is not being treated", "even if it is still being treated", ["CON006"]),
        ("Every core fact is stated", "Quality 3 when every core fact is there", []),  # the same description
        ("The condition is being treated", "ACTIVE whenever it is being treated", []),
        ("shows a different unit", "do not use PHOTO-MISMATCH for the same unit", []),  # withheld, not given
    ],
)
def test_a_row_and_a_rule_that_describe_one_label_apart(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


def test_a_shift_quota_is_a_planned_pace():
    pace = read_work_pace("A standard weekday shift is eight hours long and carries a quota of 240 prompts.")
    assert pace is not None and (pace.seconds, pace.item) == (120.0, "prompt")


def _check(tmp_path, text: str) -> dict:
    deck = tmp_path / "deck.md"
    deck.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(deck), "--format", "json", "--no-cache"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return json.loads(result.stdout)


@pytest.mark.slow
def test_two_bounds_open_below_are_compared_without_a_crash(tmp_path):
    report = _check(
        tmp_path,
        "# Shelf density\n\nLabel every shelf photo with one density label.\n\n| Label | When to use it |\n"
        "|---|---|\n| Sparse | 10 or fewer products are visible |\n| Dense | more than 10 products are visible |\n\n"
        "## Rules\n\nUse Dense when the photo shows fewer than 4 products.\n",
    )
    assert [f["check"] for f in report["findings"]] == ["CON004"]
