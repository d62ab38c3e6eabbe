"""Readings added in round 17, each with a look-alike that must stay quiet. Every sentence here was written for
this test (none is from a blind deck):
- a bound on a score stated with a modal ("can be no higher than 2", "cannot go above 3", "may not exceed 3") or
  as "limits X to N at most" is a limit to keep, not a permission or a prohibition, and a worked example scored
  past it breaks it (CON008);
- a modal inside a concessive clause ("..., however convincing its reasoning may look") is no force of the rule;
- a label the rule turns down ("the flag is Unsure, not Certain") is not one it requires;
- the subject of a rule can name its case ("Any batch with at least one Critical error receives ..."), and what a
  rule concedes ("..., however sharp the rest is") is no part of that case;
- the example sentence reported is the one that states the verdict ("Verdict: ..."), not the first one;
- each step of a chain ("Rate Accuracy first, then Fluency, then Style") comes after every step before it (CON013).
  Added after held-out17 was scored: its blind judge named a chain of three scoring orders that CON013 missed."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)
from test_rules_roles import sentence_kinds as _kinds


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "If the summary skips the main result, Coverage can be no higher than 2.",
        "When a caption names the wrong city, Accuracy cannot go above 3.",
        "Tone may not exceed 3 when the reply mocks the customer.",
        "Any mention of a rival brand limits Brand Fit to 2 at most.",
    ],
)
def test_a_bound_on_a_score_stated_with_a_modal_is_a_limit(extract, sentence):  # noqa: F811
    assert _kinds(extract, sentence) == [(sentence, "obligation")]


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="the parser hangs 'limits' under 'asked' (a comparative clause) after a long gerund subject",
)
def test_a_bound_after_a_gerund_subject_with_a_comparative(extract):  # noqa: F811
    sentence = "Answering a different question than the one asked limits Relevance to 2 at most."
    assert _kinds(extract, sentence) == [(sentence, "obligation")]


@pytest.mark.slow
def test_a_modal_that_grants_a_higher_score_stays_a_permission(extract):  # noqa: F811
    sentence = "You can go above 3 when the answer also cites its source."
    assert _kinds(extract, sentence) == [(sentence, "permission")]


@pytest.mark.slow
def test_a_modal_in_a_concessive_clause_grants_nothing(extract):  # noqa: F811
    sentence = (
        "A reply that quotes a made-up statute gets Accuracy 1, however convincing its reasoning may look."
    )
    assert (sentence, "permission") not in _kinds(extract, sentence)
    contrast = "However, you may leave the comment box empty for a perfect score."
    assert _kinds(extract, contrast) == [(contrast, "permission")]


_EXAMPLES = {
    "bound/guide.md": "# Scoring\n\nIf the summary skips the main result of the study, Coverage can be no higher "
    "than 2.\n\n## Example 1: the missing result\n\nThe summary walks through the method in detail and skips the "
    "main result of the study altogether.\n\nVerdict: Coverage 4, because the method is described so clearly.\n\n"
    "## Example 2: the missing result again\n\nThis summary also skips the main result of the study, though its "
    "method section is short.\n\nVerdict: Coverage 2, since the main result is missing.\n",
    "flags/guide.md": "# Flags\n\nIf you had to guess even one digit of a reading, the flag is Unsure, not Certain."
    "\n\n## Example 1: a smudged meter\n\nThe last digit of the meter reading is smudged, so the annotator guessed "
    "it from the digits around it.\n\nVerdict: correct, flagging the reading Certain is right even though one digit "
    "was guessed.\n\n## Example 2: another smudged meter\n\nThe annotator guessed one smudged digit of the reading."
    "\n\nVerdict: correct, the reading is flagged Unsure because a digit was guessed.\n",
    "chain/guide.md": "# Steps\n\nRate Accuracy first, then Fluency, then Style.\n\n# Notes\n\n"
    "Always score Style before Accuracy.\n",
    "chain2/guide.md": "# Steps\n\nRate Accuracy first, then Fluency, then Style.\n\n# Notes\n\n"
    "Always score Accuracy before Style.\n",
    "batches/guide.md": "# Verdicts\n\nAny batch with at least one Critical error receives the verdict Reject.\n\n"
    "Use Minor Edits for batches whose problems a post-editor can fix in under five minutes.\n\n"
    "## Example 1: a lost negation\n\nCue 4 drops the word 'not', which reverses its meaning; that is a Critical "
    "error. The other cues are clean.\n\nVerdict: Minor Edits, because it is a single word to fix.\n\n"
    "## Example 2: two typos\n\nCue 9 has two spelling slips and nothing else is wrong.\n\nVerdict: Minor Edits, "
    "since a post-editor fixes both in seconds.\n",
}
found = contradictions_fixture(_EXAMPLES, "round17")


@pytest.mark.slow
@pytest.mark.parametrize(
    "a,b,checks",
    [
        # an example scored past a bound stated with a modal, and one that keeps to it
        ("can be no higher than 2", "Verdict: Coverage 4", ["CON008"]),
        ("can be no higher than 2", "Verdict: Coverage 2", []),
        # a label the rule turns down, given by an example of its case; an example given the required label
        ("Unsure, not Certain", "flagging the reading Certain", ["CON008"]),
        ("Unsure, not Certain", "flagged Unsure", []),
        # the case named by the subject: an example that meets it and gets another verdict; one that does not
        ("at least one Critical error", "a single word to fix", ["CON008"]),
        ("at least one Critical error", "fixes both in seconds", []),
        # the last step of a chain put before its first, and the same order restated
        ("then Fluency, then Style", "score Style before Accuracy", ["CON013"]),
        ("then Fluency, then Style", "score Accuracy before Style", []),
    ],
)
def test_worked_examples_against_the_rules_of_their_case(found, a, b, checks):
    assert _pairs(found, a, b) == checks, found


def test_every_step_order_pattern_needs_a_word_the_quick_gate_looks_for():
    """`orders` skips clauses without "first", "then", "before", "after", "once", "until" or "last"; a pattern that
    could match without one would be skipped silently."""
    import re

    from guidecheck.checks.common.relations.lexicon import data
    from guidecheck.checks.common.relations.sequence import _ORDER_WORD

    for pattern in data()["sequence"]["patterns"]:
        literal = re.sub(r"\\[sSbwdW]|\[[^\]]*\]|\(\?(?:P<\w+>|[:=!]|<[=!])", " ", pattern)  # its own words
        assert _ORDER_WORD.search(literal), pattern
