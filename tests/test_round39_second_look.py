"""Agreement read as conflict, in the forms held-out39's false findings used (read after its one score, a second
look reported apart):

- a language that picks out inputs in a relative clause ("every clip that is not in English is skipped") is no
  output language against "Write notes in plain English";
- a tone word in a purpose clause ("Trim the codes so that it reads as plain words") is asked for, not banned;
- "Write comments in plain English" says how to write a comment, not that one is needed;
- a refusal that names the granted code among what it accepts ("the only skip reasons we accept are BAD_AUDIO and
  WRONG_LANG") agrees with "Skip with BAD_AUDIO if ...";
- a label inside the case a rule gives its outcome to ("Band 4 is only for clips in which every line is marked
  Clean") is no second outcome of that rule.

Every sentence here was written for this test. The tone, the comment-manner and the case-label tests fail on the
round-start code; the language and accepted-code tests are controls (the round-start code did not misread these
sentences, the held-out deck's own did), and the comment duty against its waiver must stay a conflict.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "clips/guide.md": "# Rating guide\n\n## Who can rate\n\nThe project is open to raters who read English at a native level. The English-only rule applies to every queue unless this section says otherwise.\n\n## Comments\n\nEvery rating must include a written justification of at least one sentence in the Comments field, even when all three scores are 5.\n\nWrite comments in plain English and keep them under 300 characters.\n\n## Bands\n\n| Band | Meaning |\n|---|---|\n| 4 | Every line is marked Clean. |\n| 3 | At most one line is marked Garbled. |\n\nBand 4 is only for clips in which every single line is marked Clean.\n\nA clip earns Band 3 when it contains at most one Garbled line that can be fixed by hand.\n",
    "clips/faq.md": "# FAQ\n\n## Can I rate a clip in Welsh?\n\nThere are no exceptions to the English-only rule: every clip that is not in English is skipped with code LANG, whatever qualifications you hold.\n\n## Do perfect clips need a comment?\n\nLeave the Comments field empty when all three scores are 5, because comments on perfect clips only slow down QA.\n\n## Titles\n\nA: Remove catalogue numbers and track codes from the start of the Title so that it reads as plain words. Keep the artist names.\n\n## Skips\n\nSkip with BAD_AUDIO if the recording is mostly static.\n\nSkip with WRONG_LANG if the speaker is not speaking English.\n\nNo: the length of a clip is never a reason to skip it, and the only skip reasons we accept are BAD_AUDIO and WRONG_LANG.\n",
}
found = contradictions_fixture(DECK, "round39_second")


def test_a_language_that_picks_out_inputs_is_no_output_language(found):
    assert _pairs(found, "every clip that is not in English", "Write comments in plain English") == []


def test_a_tone_in_a_purpose_clause_is_asked_for(found):
    assert _pairs(found, "so that it reads as plain words", "Write comments in plain English") == []


def test_how_to_write_comments_is_no_duty_to_write_one(found):
    assert _pairs(found, "Write comments in plain English", "Leave the Comments field empty") == []


def test_a_duty_to_comment_still_meets_its_waiver(found):
    assert _pairs(
        found, "Every rating must include a written justification", "Leave the Comments field empty"
    ) == ["CON016"]


@pytest.mark.parametrize("grant", ["Skip with BAD_AUDIO", "Skip with WRONG_LANG"])
def test_a_refusal_that_accepts_the_granted_code_agrees_with_it(found, grant):
    assert _pairs(found, "the only skip reasons we accept", grant) == []


def test_a_label_of_the_case_is_no_second_outcome(found):
    assert _pairs(found, "Band 4 is only for clips", "A clip earns Band 3") == []


def test_a_label_inside_the_case_is_not_the_outcome_given():
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    text = "Band 4 is only for clips in which every single line is marked Clean."
    claim = build_claim(Rule(id="R1", text=text, location=Location("g.md", 1), labels=["Band 4", "Clean"]))
    assert [o for o, _ in claim.outcomes] == ["Band 4"]
