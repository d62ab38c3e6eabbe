"""Readings of round 27, from held-out26's misses (read after it was scored), each in general form.

- Two orders: "Do X first, and Y only after Z" puts X before Y; "Set X as the last step, once Y and Z are done" puts
  Y and Z before X.
- Two winners for one case that meets the conditions of two outcomes ("meets the conditions for FIX and for HOLD at
  the same time, submit it as FIX" / "has grounds for both FIX and HOLD, HOLD wins").
- Two criteria for one choice among candidates of one thing ("fits two hazard codes, record the one listed first" /
  "If two codes fit, the one with the higher severity wins"); a tie and a disagreement that share a word stay apart.
- A reservation "for editing" names what the act is for, not a reason another rule must share; a reason is the
  reserving clause's, not a later clause's ("...; agents flag the ticket for their lead"); adding a thing to a reply
  is including it.
- "it" stands for what the sentence's own condition names ("If you spot a wrong score, you can fix it").
- A compound that names a kind of the output ("moving-home reply") addresses its writer, as "the reply" does; a rule
  for "all other" cases is the complement of the rule that names its case.
- A prohibition that refuses a case in "not even to ..." against an order for that case, in another verb of the
  same act (message / contact).
- A field "must be left blank" on a case against an order to write into it for that case.
- One verdict's cutoff at two numbers ("under 0.25 minutes is too short" / "shorter than 10 seconds is too short");
  the same cutoff in other units, or another thing measured, is no clash.
- A quality bar in "N of every M"; a terms table's item time limit.
- A refusal in noun form: "is no excuse for a blank X".
- A procedure's listed steps against a rule elsewhere that orders two of them the other way.
- A key named the other way round ("Routine is code 3"); a ranked list "X always wins, followed by Y, Z and W";
  a share in fraction words before "in" ("more than one fifth in either direction"); temperatures in °F / °C.

Every sentence here was written for this test; the look-alikes must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.rules.quality_bars import read_quality_bar

DECKS = {
    "steps/guide.md": "# Steps\n\n## Audio\n\nListen to the voicemail first, and open the caller profile only "
    "after you have heard the whole message.\n\n## Masks\n\nSet the blur level for each face as the last step, "
    "once boxes and identity tags are done.\n\n## Notes\n\nWrite the summary first, and fill in the tags only when "
    "the summary is saved.\n",
    "steps/faq.md": "# FAQ\n\n**Order?**\n\nOpen the caller profile and check the account fields before you listen "
    "to the voicemail.\n\nDo the blur level first, before any identity tag.\n\nWrite the summary before you fill "
    "in the tags.\n",
    "verdicts/guide.md": "# Verdicts\n\n## Both\n\nIf a claim meets the conditions for RETURN and for ESCALATE at "
    "the same time, submit it as RETURN.\n\n## Codes\n\nWhen a driver fits two hazard codes, record the one listed "
    "first in the hazard table.\n\n## Cues\n\nIf two dialects fit equally well, choose the one listed first in "
    "the dialect list.\n",
    "verdicts/faq.md": "# FAQ\n\n**Both?**\n\nWhen a claim has grounds for both RETURN and ESCALATE, ESCALATE wins."
    "\n\n**Codes?**\n\nIf two codes fit, the one with the higher risk wins.\n\n**Cues?**\n\nWhen vowels and "
    "vocabulary suggest different dialects, go with the vocabulary.\n",
    "people/guide.md": "# People\n\n## Reopening\n\nOnly shift leads may reopen a closed ticket for editing.\n\n"
    "## Missing pages\n\nWhen a page of the contract is missing, contact the seller directly through the chat "
    "panel and ask for that page.\n\n## Rewrites\n\nFor every answer you label Reject, write a better answer in the "
    "Rewrite field.\n\n## Audio\n\nIf the clip will not play, you may leave the clarity score blank and return the "
    "clip.\n",
    "people/faq.md": "# FAQ\n\n**Reopening?**\n\nAny annotator can reopen their own closed ticket from the History "
    "page within a day.\n\n**Sellers?**\n\nReviewers must never message sellers, not even to ask for a missing "
    "page; return the case instead.\n\n**Rewrites?**\n\nThe Rewrite field must be left blank on Reject answers, "
    "since rewrites are collected for Accept answers only.\n\n**Broken clips?**\n\nA clip that won't play is no "
    "excuse for a blank clarity score: every clip needs a number, so enter 1.\n",
    "numbers/guide.md": "# Numbers\n\n## Length\n\nA voicemail shorter than 10 seconds is too short to rate; give "
    "it 1.\n\nAn answer shorter than 30 seconds is too short to be useful.\n\n## Quality\n\nYour gold accuracy "
    "must stay at 85% or above.\n\n## Terms\n\n| Term | Value |\n|---|---|\n| Time limit per call | 240 seconds, "
    "after which the call returns to the queue |\n",
    "numbers/faq.md": "# FAQ\n\n**Short clips?**\n\nAnything under 0.25 minutes is too short to rate, so give it 1."
    "\n\nAny voicemail under 0.5 minutes is too short to be useful.\n\n**Accuracy?**\n\nTo keep working here, "
    "you need to get at least nine of every ten gold items right.\n\n**Time?**\n\nThe tool gives you six minutes on "
    "each call before it releases the call back to the pool.\n",
    "same/guide.md": "# Same\n\nA voicemail shorter than 12 seconds is too short to rate.\n\nA photo smaller "
    "than 200 pixels wide is too small to label.\n",
    "same/faq.md": "# FAQ\n\nAnything under 0.2 minutes is too short to rate.\n\nA voicemail smaller than 100 "
    "kilobytes is too small to open.\n",
    "keys/guide.md": "# Tool\n\n## Labels\n\n| Label | Meaning |\n|---|---|\n| Urgent | A nurse calls back "
    "within the hour. |\n| Routine | A reply within two working days. |\n| Follow-up | Booked for the next visit. |\n\n"
    "## Flags\n\n| Flag | Meaning |\n|---|---|\n| Wrong-Size | The pack size is not the one asked for. |\n\n## Keys\n\n"
    "Press 1 for Urgent, 2 for Routine and 3 for Follow-up.\n\n## Ranking\n\n"
    "When two topics appear in one email, BILLING_ERROR always wins, followed by SERVICE_OUTAGE, PLAN_CHANGE and "
    "GENERAL_QUESTION in that order.\n\n## Sizes\n\nTick Wrong-Size when the listing's size differs from the "
    "requested size by more than one fifth in either direction.\n\n## Fever\n\nA child's fever is Urgent only at "
    "102°F (38.9°C) or higher.\n",
    "keys/faq.md": "# FAQ\n\n**Keys?**\n\nRoutine is code 3, and pressing 3 in the tool applies it.\n\n**Two "
    "topics?**\n\nWhen one email contains both a general question and a billing error, GENERAL_QUESTION takes "
    "precedence.\n\n**Sizes?**\n\nSizes within 25% of what the shopper asked for do not need the Wrong-Size "
    "flag.\n\n**Fever?**\n\nA child's temperature of 100.4°F (38°C) or above is Urgent.\n",
    "roles/guide.md": "# Roles\n\n## Credits\n\nOnly shift leads may add a loyalty voucher to a reply; agents who think one "
    "is deserved flag the ticket for their shift lead.\n\n## Gold\n\nOnly team leads may change the reference "
    "scores on a gold item.\n",
    "roles/faq.md": "# FAQ\n\n**Vouchers?**\n\nAny annotator can include a loyalty voucher of up to £20 in a reply "
    "without asking anyone.\n\n**Wrong gold?**\n\nIf you spot a wrong reference score, you can correct it yourself in "
    "the Gold tab.\n",
    "replies/guide.md": "# Replies\n\n## Moving home\n\nEvery moving-home reply must include the link to the online "
    "Move Home form.\n\n## Comments\n\nPlease leave the comment box empty on calls with a safety flag.\n",
    "replies/faq.md": "# FAQ\n\n**Links?**\n\nMoving-home replies must not contain web links of any kind; give the "
    "customer the phone line instead.\n\n**Comments?**\n\nOn all other calls the comment box is optional.\n",
    "look/guide.md": '# Commands\n\n## Slots\n\nSlot values never include filler words such as "the", "please" '
    'or "my".\n\nPhrases such as "in here" or "this room" are not room names for this project.\n\n## Notes\n\n'
    "For each command flagged RISKY, write a one-line reason in the Notes field.\n\n## Skips\n\nYou may skip a "
    "command when most of its words are in a language other than English.\n\nWhen a relative command carries no "
    "number, leave the value slot empty.\n\n## Tone\n\nA friendly tone never makes up for a wrong device.\n\n"
    "Be courteous in the project channel.\n\nKeep every reply formal.\n\n## Worked examples\n\nTranscript: "
    '"Switch off the porch lights please." Home mode: Home, 21:40. Verdict: DEVICE_OFF; device = lights, room = '
    'porch; no flags; action EXECUTE.\n\nTranscript: "Make it a bit cooler in here." Home mode: Home, 07:15. '
    "Verdict: ADJUST_VALUE; device = thermostat; no flags; action EXECUTE.\n",
    "look/faq.md": "# FAQ\n\n**Notes?**\n\nKeep the Notes field empty on RISKY items: the safety team reads the flag "
    "alone.\n\n**Languages?**\n\nA command spoken in Portuguese, Tagalog or any other language is not a reason to "
    "skip it; label what you can and pick CLARIFY if the request stays unclear.\n",
    "procedure/guide.md": "# Rating\n\n## Procedure\n\nFollow these steps for every call.\n\n1. Read the caller's "
    "ticket in full.\n2. Open the account history for the caller and read it through.\n3. Listen to the agent's "
    "recording, all the way to the end.\n4. Score Empathy and Accuracy.\n5. You may skip the Accuracy score when "
    "the call dropped.\n\n## Tips\n\nListen to the recording cold, before you open the account history, so that "
    "the history does not colour what you hear.\n\nRead the caller's ticket before you listen to the recording.\n\n"
    "Please read this whole guide before your first shift.\n",
}

found = contradictions_fixture(DECKS, "round27_readings")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Listen to the voicemail first", "check the account fields before you listen", ["CON013"]),
        ("blur level for each face as the last step", "Do the blur level first", ["CON013"]),
        ("Write the summary first, and fill in", "Write the summary before you fill", []),  # one order
        ("conditions for RETURN and for ESCALATE", "ESCALATE wins", ["CON005"]),
        ("fits two hazard codes", "the one with the higher risk wins", ["CON005"]),
        ("two dialects fit equally well", "suggest different dialects", []),  # a tie and a disagreement
        ("Only shift leads may reopen", "Any annotator can reopen their own", ["CON011"]),
        ("contact the seller directly", "must never message sellers, not even to ask", ["CON016"]),
        ("write a better answer in the Rewrite field", "Rewrite field must be left blank", ["CON001"]),
        ("you may leave the clarity score blank", "no excuse for a blank clarity score", ["CON016"]),
        ("shorter than 10 seconds is too short", "under 0.25 minutes is too short", ["CON004"]),
        (
            "shorter than 30 seconds is too short to be useful",
            "under 0.5 minutes is too short to be useful",
            [],
        ),
        ("shorter than 12 seconds is too short", "under 0.2 minutes is too short", []),  # the same cutoff
        ("photo smaller than 200 pixels", "smaller than 100 kilobytes", []),  # another thing, another unit
        ("85% or above", "nine of every ten", ["CON004"]),
        ("240 seconds, after which the call returns", "six minutes on each call", ["CON004"]),
        ("Press 1 for Urgent, 2 for Routine", "Routine is code 3", ["CON006"]),
        ("BILLING_ERROR always wins, followed by", "GENERAL_QUESTION takes precedence", ["CON005"]),
        ("more than one fifth in either direction", "Sizes within 25%", ["CON004"]),
        ("fever is Urgent only at 102°F", "temperature of 100.4°F", ["CON004"]),
        ("Only shift leads may add a loyalty voucher", "can include a loyalty voucher", ["CON011"]),
        ("Only team leads may change the reference scores", "you can correct it yourself", ["CON011"]),
        ("must include the link to the online", "must not contain web links", ["CON001"]),
        (
            "comment box empty on calls with a safety flag",
            "On all other calls the comment box",
            [],
        ),  # the rest
        ("Open the account history for the caller", "Listen to the recording cold", ["CON013"]),
        (
            "Read the caller's ticket in full",
            "Read the caller's ticket before you listen",
            [],
        ),  # the list's order
        ("Read the caller's ticket in full", "Please read this whole guide", []),  # once, before all work
    ],
)
def test_round27_pairs(found, a, b, checks):
    assert sorted(set(_pairs(found, a, b))) == checks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Switch off the porch lights please", "Slot values never include filler", []),  # the input's words
        ("Make it a bit cooler in here", "are not room names", []),  # the rule gives no flag
        ("write a one-line reason in the Notes field", "Keep the Notes field empty", ["CON001"]),
        ("You may skip a command when most", "spoken in Portuguese, Tagalog", ["CON014"]),  # another language
        ("relative command carries no number", "spoken in Portuguese, Tagalog", []),  # another case
        ("friendly tone never makes up", "Keep every reply formal", []),  # weighed, not asked for
        ("courteous in the project channel", "Keep every reply formal", []),  # conduct, not the output
    ],
)
def test_second_look_readings(found, a, b, checks):
    """After held-out27's score: its false findings and misses, fixed in general form."""
    assert sorted(set(_pairs(found, a, b))) == checks


def test_it_stands_for_what_the_condition_names(tmp_path):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    (tmp_path / "g.md").write_text(
        "# Links\n\nWhen a chat includes a link to a receipt, open it and check the total.\n\n"
        "If you spot a wrong gold rating, you can fix it yourself.\n\nOpen the form and read it.\n"
    )
    rules = run([str(tmp_path)], load_config([str(tmp_path)]), only_checks=["CON"]).rules
    assert [r.object for r in rules] == ["link", "gold rating", "form"]


def test_n_of_every_m_is_a_quality_bar():
    bar = read_quality_bar(
        "To stay on the project, a rater needs at least nine of every ten gold items right."
    )
    assert bar is not None and bar.bar == pytest.approx(0.9)


@pytest.mark.slow
def test_a_transcripts_words_are_no_slot_values(check_json):
    """held-out27's smart-home deck (scored, dev now): six worked examples quote a transcript with "the" or "please"
    and give slot values without them; the rule that keeps filler words out of slot values is not broken."""
    deck = Path(__file__).resolve().parents[1] / "guidelines" / "blind" / "smart-home-commands"
    messages = [f["message"] for f in check_json(str(deck), extra=("--select", "CON008"))["findings"]]
    assert not [m for m in messages if "filler words" in m or "are not room names" in m]
